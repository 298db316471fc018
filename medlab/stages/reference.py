"""Reference log-probs for DPO, three ways (``stage.reference``):

- `FrozenCopyReference`: a frozen copy of the starting checkpoint (or `stage.reference_path`).
- `DisabledAdapterReference`: with LoRA, the policy itself with its adapters switched off;
  no second copy of the weights in memory.
- `PrecomputedReference`: log-probs computed once before training and cached on disk under a
  key derived from (reference checkpoint, tokenizer, data, max length). A sweep reuses them; a
  changed input changes the key, so a stale cache is never read.

All three give the same numbers on the same data (tests check it).
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any, Protocol

import torch
from safetensors.torch import load_file

from medlab.checkpointing import atomic_write_bytes
from medlab.data.collate import MicroBatch
from medlab.losses.chunked import DEFAULT_CHUNK_SIZE

log = logging.getLogger(__name__)


class ReferenceModel(Protocol):
    def logps(self, batch: MicroBatch) -> tuple[torch.Tensor, torch.Tensor]:
        """(ref chosen logps [B], ref rejected logps [B]) for a 2B-row pair batch."""
        ...


def _split(logps: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    pairs = logps.shape[0] // 2
    return logps[:pairs], logps[pairs:]


class FrozenCopyReference:
    def __init__(self, model: torch.nn.Module, chunk_size: int = DEFAULT_CHUNK_SIZE) -> None:
        self.model = model.eval().requires_grad_(False)
        self.chunk_size = chunk_size  # stage.logps_chunk_size

    @torch.no_grad()
    def logps(self, batch: MicroBatch) -> tuple[torch.Tensor, torch.Tensor]:
        from medlab.stages.dpo import sequence_logps

        device = batch["input_ids"].device
        if next(self.model.parameters()).device != device:
            self.model.to(device)
        return _split(sequence_logps(self.model, batch, self.chunk_size)[0])


class DisabledAdapterReference:
    """The policy with its adapters off: the starting model. peft's `disable_adapter()` also
    switches off the trainable-token rows (the chat tokens `load_tokenizer` added, trained by
    `apply_lora`), so the added tokens use their initial rows here, as in a frozen copy
    (tests/unit/test_lora_added_tokens.py checks both)."""

    def __init__(self, peft_model: Any, chunk_size: int = DEFAULT_CHUNK_SIZE) -> None:
        if not hasattr(peft_model, "disable_adapter"):
            raise TypeError("adapters_disabled reference needs a peft model (LoRA enabled)")
        self.model = peft_model
        self.chunk_size = chunk_size  # stage.logps_chunk_size

    @torch.no_grad()
    def logps(self, batch: MicroBatch) -> tuple[torch.Tensor, torch.Tensor]:
        from medlab.stages.dpo import sequence_logps

        was_training = self.model.training
        self.model.eval()  # no adapter dropout in the reference pass
        try:
            with self.model.disable_adapter():
                return _split(sequence_logps(self.model, batch, self.chunk_size)[0])
        finally:
            self.model.train(was_training)


class PrecomputedReference:
    """Reads `ref_chosen_logps` / `ref_rejected_logps` the collator put in the batch."""

    def logps(self, batch: MicroBatch) -> tuple[torch.Tensor, torch.Tensor]:
        if "ref_chosen_logps" not in batch:
            raise RuntimeError("precomputed reference: the batch carries no cached log-probs")
        return batch["ref_chosen_logps"], batch["ref_rejected_logps"]


# ---- cache ---------------------------------------------------------------------------------
def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def checkpoint_identity(path: str | None, revision: str | None, tiny: dict[str, Any] | None) -> str:
    """A string that changes whenever the reference weights can change."""
    if path is None:
        return "tiny:" + json.dumps(tiny, sort_keys=True)
    local = Path(path)
    if local.is_dir():
        files = sorted(p for p in local.iterdir() if p.suffix in (".safetensors", ".json", ".bin"))
        return "dir:" + ",".join(f"{p.name}={_file_digest(p)}" for p in files)
    return f"hub:{path}@{revision or 'main'}"


def tokenizer_identity(tokenizer: Any) -> str:
    vocab = json.dumps(sorted(tokenizer.get_vocab().items()))
    return hashlib.sha256((vocab + (tokenizer.chat_template or "")).encode()).hexdigest()


def cache_key(
    reference: str,
    tokenizer: str,
    data_files: list[str],
    data_settings: dict[str, Any],
    max_length: int,
    split: str,
) -> str:
    """sha256 of everything the reference log-probs depend on."""
    parts = {
        "reference": reference,
        "tokenizer": tokenizer,
        "data": [(f, _file_digest(Path(f)) if Path(f).is_file() else f) for f in data_files],
        "data_settings": data_settings,
        "max_length": max_length,
        "split": split,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"ref_logps-{key[:24]}.safetensors"


def load_cached(cache_dir: Path, key: str, expected: int) -> dict[str, torch.Tensor] | None:
    path = cache_path(cache_dir, key)
    if not path.is_file():
        return None
    tensors = load_file(str(path))
    if tensors["chosen"].shape[0] != expected:
        log.warning(
            "ignoring reference cache %s: %d rows, expected %d",
            path,
            tensors["chosen"].shape[0],
            expected,
        )
        return None
    log.info("reference log-probs: reusing %s", path)
    return tensors


def save_cached(cache_dir: Path, key: str, chosen: torch.Tensor, rejected: torch.Tensor) -> Path:
    path = cache_path(cache_dir, key)
    from safetensors.torch import save

    data = save(
        {"chosen": chosen.contiguous(), "rejected": rejected.contiguous()}, metadata={"key": key}
    )
    atomic_write_bytes(path, data)
    return path
