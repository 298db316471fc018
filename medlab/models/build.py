"""`build_causal_lm`: a Hub / local checkpoint or a tiny random model of a real architecture.

Tiny models (``model=tiny_qwen3`` / ``model=tiny_arcee``) are Qwen3 or Arcee models with a few
million parameters, randomly initialised from ``model.tiny.init_seed``: the same seed gives the
same weights on every machine, so tests and the default run need no download.
"""

from __future__ import annotations

from typing import Any

import torch
from transformers import (
    AutoModelForCausalLM,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from medlab.config import LoRAConfig, ModelConfig, TinyModelConfig
from medlab.models.hub import hub_errors_as_model_load_error
from medlab.models.tokenizer import end_of_turn_ids

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
    if embeddings.weight.shape[0] < len(tokenizer):
        model.resize_token_embeddings(len(tokenizer))
    model.config.pad_token_id = tokenizer.pad_token_id
    eos_ids = end_of_turn_ids(tokenizer)
    if model.generation_config is not None:
        model.generation_config.eos_token_id = eos_ids if len(eos_ids) > 1 else eos_ids[0]
        model.generation_config.pad_token_id = tokenizer.pad_token_id
    return model


def apply_lora(model: PreTrainedModel, lora: LoRAConfig) -> PreTrainedModel:
    """Wrap `model` with peft LoRA adapters; only adapter weights stay trainable."""
    from peft import LoraConfig, get_peft_model

    target: list[str] | str = lora.target_modules
    if target == ["all-linear"]:
        target = "all-linear"
    peft_config = LoraConfig(
        r=lora.r,
        lora_alpha=lora.alpha,
        lora_dropout=lora.dropout,
        target_modules=target,
        task_type="CAUSAL_LM",
    )
    return get_peft_model(model, peft_config)  # type: ignore[return-value]


def count_parameters(model: torch.nn.Module) -> tuple[int, int]:
    """(trainable, total) parameter counts."""
    total = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return trainable, total
