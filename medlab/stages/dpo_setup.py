"""Assemble the DPO stage: data, reference (frozen copy / disabled adapters / cache), module."""

from __future__ import annotations

import copy
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

import torch

from medlab.config import DataConfig, DPOConfig, ModelConfig
from medlab.errors import ModelLoadError
from medlab.losses.chunked import DEFAULT_CHUNK_SIZE
from medlab.losses.dpo import split_pairs
from medlab.models.build import build_causal_lm
from medlab.models.forward import trained_sequence_logps
from medlab.stages.dpo import DPOModule
from medlab.stages.preference_datamodule import PreferenceDataModule
from medlab.stages.reference import (
    DisabledAdapterReference,
    FrozenCopyReference,
    PrecomputedReference,
    ReferenceModel,
)
from medlab.stages.reference_cache import (
    cache_key,
    checkpoint_identity,
    load_cached,
    save_cached,
    tokenizer_identity,
)

log = logging.getLogger(__name__)
CACHE_IRRELEVANT_DATA_KEYS = ("train_files", "val_files", "num_workers", "name")


def reference_model_cfg(model_cfg: ModelConfig, stage: DPOConfig) -> ModelConfig:
    """The reference checkpoint: stage.reference_path, else the starting checkpoint."""
    if stage.reference_path is None:
        return model_cfg
    fields = {k: getattr(model_cfg, k) for k in model_cfg.__dataclass_fields__}
    return ModelConfig(
        **{**fields, "path": stage.reference_path, "revision": None, "tokenizer_path": None}
    )


def _build_reference(cfg: ModelConfig, tokenizer: Any, stage: DPOConfig) -> Any:
    """The reference model; a loading error names stage.reference_path when that is set."""
    try:
        return build_causal_lm(cfg, tokenizer)
    except ModelLoadError as exc:
        if stage.reference_path is None:
            raise
        raise ModelLoadError(str(exc).replace("model.path", "stage.reference_path")) from exc


@torch.no_grad()
def compute_reference_logps(
    model: torch.nn.Module, loader: Any, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> tuple[torch.Tensor, torch.Tensor]:
    """Reference log-probs of every pair of `loader`, ordered by pair index."""
    model.eval()
    chosen, rejected, index = [], [], []
    for (batch,) in loader:
        logps, _ = trained_sequence_logps(model, batch, chunk_size)
        pair_chosen, pair_rejected = split_pairs(logps)
        chosen.append(pair_chosen)
        rejected.append(pair_rejected)
        index.append(batch["pair_index"])
    order = torch.cat(index).argsort()
    return torch.cat(chosen)[order], torch.cat(rejected)[order]


def reference_cache_settings(data: DataConfig) -> dict[str, Any]:
    """The data settings a cached reference log-prob depends on: every one that can change the
    pairs (e.g. data.pair_rationale, data.system_prompt); the files are digested separately."""
    return {k: v for k, v in asdict(data).items() if k not in CACHE_IRRELEVANT_DATA_KEYS}


def fill_reference_cache(
    datamodule: PreferenceDataModule,
    ref_model_cfg: ModelConfig,
    tokenizer: Any,
    stage: DPOConfig,
    data: DataConfig,
    cache_dir: Path,
) -> None:
    """Load or compute the reference log-probs of both splits into `datamodule.ref_cache`."""
    identity = checkpoint_identity(
        ref_model_cfg.path,
        ref_model_cfg.revision,
        asdict(ref_model_cfg.tiny) if ref_model_cfg.tiny is not None else None,
    )
    settings = reference_cache_settings(data)
    reference: torch.nn.Module | None = None
    for split in ("train", "val"):
        items = datamodule.train_items if split == "train" else datamodule.val_items
        if not items:
            continue
        key = cache_key(
            identity,
            tokenizer_identity(tokenizer),
            datamodule.data_files(),
            settings,
            stage.max_length,
            split,
        )
        cached = load_cached(cache_dir, key, expected=len(items))
        if cached is None:
            if reference is None:
                reference = _build_reference(ref_model_cfg, tokenizer, stage)
            chosen, rejected = compute_reference_logps(
                reference, datamodule.plain_loader(split), stage.logps_chunk_size
            )
            path = save_cached(cache_dir, key, chosen, rejected)
            log.info("reference log-probs (%s, %d pairs) cached at %s", split, len(items), path)
            cached = {"chosen": chosen, "rejected": rejected}
        datamodule.ref_cache[split] = cached
    del reference


def build_dpo_parts(
    stage: DPOConfig,
    data: DataConfig,
    model_cfg: ModelConfig,
    tokenizer: Any,
    policy: Any,
    stage_dir: Path,
) -> tuple[PreferenceDataModule, DPOModule]:
    datamodule = PreferenceDataModule(tokenizer, data, stage)
    datamodule.setup("fit")
    ref_cfg = reference_model_cfg(model_cfg, stage)
    reference: ReferenceModel
    if stage.reference == "precomputed":
        cache_dir = (
            Path(stage.ref_cache_dir) if stage.ref_cache_dir else stage_dir / "ref_logps_cache"
        )
        fill_reference_cache(datamodule, ref_cfg, tokenizer, stage, data, cache_dir)
        model = policy()
        reference = PrecomputedReference()
    elif stage.reference == "adapters_disabled":
        model = policy()
        reference = DisabledAdapterReference(model, stage.logps_chunk_size)
    else:
        if stage.reference_path is None and not stage.lora.enabled:
            base = policy()
            reference = FrozenCopyReference(copy.deepcopy(base), stage.logps_chunk_size)
            model = base
        else:
            reference = FrozenCopyReference(
                _build_reference(ref_cfg, tokenizer, stage), stage.logps_chunk_size
            )
            model = policy()
    return datamodule, DPOModule(model, stage, reference)
