"""Trained parameters in fp32 from a bf16 checkpoint; frozen weights and the export in bf16."""

from __future__ import annotations

import json

import pytest
import torch
from safetensors import safe_open

from medlab.checkpointing import export_hf_checkpoint
from medlab.config import LoRAConfig, ModelConfig, TinyModelConfig
from medlab.models.build import apply_lora, build_causal_lm, build_tiny_model
from medlab.models.precision import (
    export_dtype,
    keep_trained_parameters_fp32,
    upcast_trainable_parameters,
)
from medlab.models.tokenizer import load_tokenizer

TINY = TinyModelConfig(
    hidden_size=64,
    num_hidden_layers=2,
    num_attention_heads=4,
    num_key_value_heads=2,
    intermediate_size=128,
)


@pytest.fixture
def checkpoint_dir(tmp_path, tokenizer):
    """A tiny model saved like a Hub checkpoint (model + tokenizer), to load with model.dtype."""
    out = tmp_path / "tiny_checkpoint"
    build_tiny_model(TINY, tokenizer).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def load_bf16(path):
    """Load exactly as a stage does with `model.path=... model.dtype=bfloat16`."""
    cfg = ModelConfig(name="tiny_bf16", path=str(path), dtype="bfloat16")
    tok = load_tokenizer(cfg.path)
    return build_causal_lm(cfg, tok), tok


def test_upcast_makes_trained_parameters_fp32_and_leaves_frozen_bf16(checkpoint_dir):
    model, _ = load_bf16(checkpoint_dir)
    assert {p.dtype for p in model.parameters()} == {torch.bfloat16}
    frozen = list(model.model.layers[0].parameters())
    for p in frozen:
        p.requires_grad_(False)
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    embeddings = model.get_input_embeddings().weight

    upcast = upcast_trainable_parameters(model)

    trainable = [p for p in model.parameters() if p.requires_grad]
    assert upcast == sum(p.numel() for p in trainable)
    assert all(p.dtype == torch.float32 for p in trainable)
    assert all(p.dtype == torch.bfloat16 for p in frozen)
    # same Parameter objects (tied head and embeddings stay one tensor), same values
    assert model.get_input_embeddings().weight is embeddings
    assert model.get_output_embeddings().weight is embeddings
    for name, p in model.named_parameters():
        assert torch.equal(p.detach().to(torch.bfloat16), before[name]), name
    assert upcast_trainable_parameters(model) == 0  # idempotent


def test_lora_adapters_are_fp32_and_frozen_base_stays_bf16(checkpoint_dir):
    model, _ = load_bf16(checkpoint_dir)
    lora = apply_lora(model, LoRAConfig(enabled=True, r=4, alpha=8, target_modules=["q_proj"]))
    adapters = {n: p for n, p in lora.named_parameters() if "lora_" in n}
    assert adapters and all(p.requires_grad for p in adapters.values())
    # peft's autocast_adapter_dtype: fp32 adapters on a bf16 base, before medlab does anything
    assert {p.dtype for p in adapters.values()} == {torch.float32}
    assert keep_trained_parameters_fp32(lora) == 0
    base = [p for n, p in lora.named_parameters() if "lora_" not in n]
    assert base and all(not p.requires_grad and p.dtype == torch.bfloat16 for p in base)
    assert {p.dtype for p in adapters.values()} == {torch.float32}


def test_export_is_saved_in_the_loaded_dtype(checkpoint_dir, tmp_path):
    model, tok = load_bf16(checkpoint_dir)
    assert export_dtype(model) == torch.bfloat16
    upcast_trainable_parameters(model)
    with torch.no_grad():  # an fp32-only change: lost when cast back, the cast is what we test
        trained = model.model.norm.weight
        trained.add_(torch.linspace(-0.3, 0.3, trained.numel()))
    expected = {n: p.detach().to(torch.bfloat16) for n, p in model.named_parameters()}

    out = export_hf_checkpoint(model, tok, tmp_path / "export")

    with safe_open(str(out / "model.safetensors"), "pt") as f:
        dtypes = {f.get_tensor(k).dtype for k in f.keys()}  # noqa: SIM118 (no __iter__)
        norm = f.get_tensor("model.norm.weight")
    assert dtypes == {torch.bfloat16}
    assert json.loads((out / "config.json").read_text())["dtype"] == "bfloat16"
    assert torch.equal(norm, expected["model.norm.weight"])


def test_export_of_an_fp32_model_stays_fp32(tiny_model, tokenizer, tmp_path):
    out = export_hf_checkpoint(tiny_model, tokenizer, tmp_path / "export")
    with safe_open(str(out / "model.safetensors"), "pt") as f:
        assert {f.get_tensor(k).dtype for k in f.keys()}  # noqa: SIM118 (no __iter__) == {torch.float32}
