"""`build_causal_lm`: a Hub / local checkpoint or a tiny random model of a real architecture.

Tiny models (``model=tiny_qwen3`` / ``model=tiny_arcee``) are Qwen3 or Arcee models with a few
million parameters, randomly initialised from ``model.tiny.init_seed``: the same seed gives the
same weights on every machine, so tests and the default run need no download.

Tokens the chat template adds to the checkpoint's vocabulary (`load_tokenizer`) have untrained
embedding rows (and lm_head rows when the head is untied). `build_causal_lm` records their ids
on the model (`added_token_ids`); `apply_lora` trains exactly those rows with peft's
`trainable_token_indices`, so the model can learn to emit <|im_end|> etc. under LoRA too.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import torch
from transformers import (
    AutoModelForCausalLM,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from medlab.config import LoRAConfig, ModelConfig, TinyModelConfig
from medlab.models.hub import hub_errors_as_model_load_error
from medlab.models.tokenizer import added_token_ids as tokenizer_added_token_ids
from medlab.models.tokenizer import end_of_turn_ids

log = logging.getLogger(__name__)

# Attribute `build_causal_lm` sets on the model: ids of rows that hold no trained embedding.
ADDED_TOKEN_IDS_ATTR = "medlab_added_token_ids"
RESIZE_SEED = 0

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


def tiny_model_config(tiny: TinyModelConfig, tokenizer: PreTrainedTokenizerBase):  # type: ignore[no-untyped-def]
    """The transformers config of a tiny Qwen3 / Arcee model sized for `tokenizer`."""
    common = dict(
        vocab_size=len(tokenizer),
        hidden_size=tiny.hidden_size,
        num_hidden_layers=tiny.num_hidden_layers,
        num_attention_heads=tiny.num_attention_heads,
        num_key_value_heads=tiny.num_key_value_heads,
        intermediate_size=tiny.intermediate_size,
        max_position_embeddings=tiny.max_position_embeddings,
        tie_word_embeddings=tiny.tie_word_embeddings,
        head_dim=tiny.hidden_size // tiny.num_attention_heads,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=None,
        eos_token_id=end_of_turn_ids(tokenizer)[0],
    )
    if tiny.architecture == "qwen3":
        from transformers import Qwen3Config

        return Qwen3Config(**common)
    from transformers import ArceeConfig

    return ArceeConfig(**common)


def build_tiny_model(tiny: TinyModelConfig, tokenizer: PreTrainedTokenizerBase) -> PreTrainedModel:
    """Randomly initialise a tiny model; deterministic in `tiny.init_seed`."""
    config = tiny_model_config(tiny, tokenizer)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(tiny.init_seed)
        model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    return model


def build_causal_lm(model_cfg: ModelConfig, tokenizer: PreTrainedTokenizerBase) -> PreTrainedModel:
    """Load or build the model named by `model_cfg`, sized to `tokenizer`, ready for training."""
    if model_cfg.path is None:
        assert model_cfg.tiny is not None
        model = build_tiny_model(model_cfg.tiny, tokenizer)
    else:
        with hub_errors_as_model_load_error(model_cfg.path):
            model = AutoModelForCausalLM.from_pretrained(
                model_cfg.path,
                revision=model_cfg.revision,
                dtype=DTYPES[model_cfg.dtype],
                attn_implementation=model_cfg.attn_implementation,
                trust_remote_code=model_cfg.trust_remote_code,
            )
    embeddings: Any = model.get_input_embeddings()
    rows_before = int(embeddings.weight.shape[0])
    if rows_before < len(tokenizer):
        # new rows are sampled around the old rows' mean: seeded, so that every build of this
        # checkpoint (policy, frozen DPO reference) starts from the same added rows
        with torch.random.fork_rng(devices=[]):
            torch.default_generator.manual_seed(RESIZE_SEED)  # CPU only: CUDA RNG untouched
            model.resize_token_embeddings(len(tokenizer))
    new_rows = set(range(rows_before, len(tokenizer))) | set(tokenizer_added_token_ids(tokenizer))
    setattr(model, ADDED_TOKEN_IDS_ATTR, sorted(new_rows))
    model.config.pad_token_id = tokenizer.pad_token_id
    eos_ids = end_of_turn_ids(tokenizer)
    if model.generation_config is not None:
        model.generation_config.eos_token_id = eos_ids if len(eos_ids) > 1 else eos_ids[0]
        model.generation_config.pad_token_id = tokenizer.pad_token_id
    return model


def added_token_ids(model: torch.nn.Module) -> list[int]:
    """Ids whose embedding rows `build_causal_lm` added or found untrained (sorted).

    The tokens `load_tokenizer` added to a checkpoint's vocabulary, whether their rows came from
    `resize_token_embeddings` or were unused padding rows of a larger embedding, plus any rows
    beyond the checkpoint's embedding (a longer `model.tokenizer_path`). Empty for a model
    `build_causal_lm` did not build.
    """
    return list(getattr(model, ADDED_TOKEN_IDS_ATTR, []))


def _module_name(model: torch.nn.Module, module: torch.nn.Module) -> str:
    return next(name for name, m in model.named_modules() if m is module)


def trainable_token_indices(
    model: PreTrainedModel, token_ids: Sequence[int]
) -> dict[str, list[int]] | None:
    """peft's `trainable_token_indices` for `token_ids`: the input embedding's rows, and the
    output head's rows too when the head is untied (a tied head follows the embedding)."""
    if not token_ids:
        return None
    ids = sorted(set(int(i) for i in token_ids))
    embeddings: Any = model.get_input_embeddings()
    indices = {_module_name(model, embeddings): ids}
    head: Any = model.get_output_embeddings()
    if head is not None and head.weight is not embeddings.weight:
        indices[_module_name(model, head)] = ids
    return indices


def apply_lora(
    model: PreTrainedModel, lora: LoRAConfig, trainable_token_ids: Sequence[int] = ()
) -> PreTrainedModel:
    """Wrap `model` with peft LoRA adapters; only adapter weights stay trainable, plus the
    embedding (and untied lm_head) rows of `trainable_token_ids` (the added chat tokens:
    `added_token_ids`), trained as peft trainable tokens and merged / saved with the adapter."""
    from peft import LoraConfig, get_peft_model

    target: list[str] | str = lora.target_modules
    if target == ["all-linear"]:
        target = "all-linear"
    token_indices = trainable_token_indices(model, trainable_token_ids)
    peft_config = LoraConfig(
        r=lora.r,
        lora_alpha=lora.alpha,
        lora_dropout=lora.dropout,
        target_modules=target,
        task_type="CAUSAL_LM",
        trainable_token_indices=token_indices,
    )
    if token_indices:
        ids = next(iter(token_indices.values()))
        log.info(
            "LoRA: training %d added token rows (ids %s) in %s",
            len(ids),
            ids,
            ", ".join(token_indices),
        )
    return get_peft_model(model, peft_config)  # type: ignore[return-value]


def count_parameters(model: torch.nn.Module) -> tuple[int, int]:
    """(trainable, total) parameter counts."""
    total = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return trainable, total
