"""The parts of the vLLM backend that need no vLLM (they run in the main venv): the one-line
error when vLLM is missing, `stage.vllm` -> engine arguments, packing engine outputs, and the
policy's weights as pushed to an engine (LoRA merged, tied head left out). The engine itself is
tested in tests/vllm (`make test-vllm`)."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest
import torch

from medlab.config import GRPOConfig, LoRAConfig, TinyModelConfig, VLLMConfig
from medlab.errors import ConfigError
from medlab.models.build import apply_lora, build_tiny_model
from medlab.rollout.policy_weights import policy_weights
from medlab.rollout.vllm_backend import VLLMBackend, pack_completions
from medlab.stages.grpo_setup import build_backend

REAL_FIND_SPEC = importlib.util.find_spec


def pretend_vllm(installed: bool):
    def find_spec(name, *args, **kwargs):
        if name == "vllm":
            return SimpleNamespace(name="vllm") if installed else None
        return REAL_FIND_SPEC(name, *args, **kwargs)

    return find_spec


def test_missing_vllm_is_one_line_config_error(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", pretend_vllm(False))
    with pytest.raises(ConfigError) as err:
        build_backend(None, GRPOConfig(backend="vllm"))
    message = str(err.value)
    assert "\n" not in message
    assert "stage.backend=vllm" in message and "make vllm-install" in message
    assert ".venv-vllm" in message


def test_stage_vllm_reaches_the_engine_arguments(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", pretend_vllm(True))
    stage = GRPOConfig(
        backend="vllm",
        max_prompt_length=100,
        max_completion_length=28,
        vllm=VLLMConfig(gpu_memory_utilization=0.5, dtype="bfloat16", tensor_parallel_size=2),
    )
    backend = build_backend(None, stage)
    assert isinstance(backend, VLLMBackend)
    assert backend.max_model_len == 128  # max_model_len=null: prompt + completion
    gpu = backend.engine_kwargs(on_cpu=False, policy_dtype="float32")
    assert gpu["gpu_memory_utilization"] == 0.5 and gpu["tensor_parallel_size"] == 2
    assert gpu["dtype"] == "bfloat16" and gpu["max_model_len"] == 128
    assert gpu["logprobs_mode"] == "processed_logprobs" and gpu["kv_cache_memory_bytes"] is None
    assert "enable_chunked_prefill" not in gpu, "the GPU path keeps vLLM's scheduling"
    cpu = backend.engine_kwargs(on_cpu=True, policy_dtype="float32")
    assert cpu["enable_chunked_prefill"] is False and cpu["max_num_batched_tokens"] >= 128
    assert cpu["enforce_eager"] is True and cpu["kv_cache_memory_bytes"] == 1 << 30


def test_dtype_auto_is_the_policy_dtype(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", pretend_vllm(True))
    backend = build_backend(None, GRPOConfig(backend="vllm"))
    assert backend.engine_kwargs(on_cpu=False, policy_dtype="float32")["dtype"] == "float32"


def test_rollout_target_and_vllm_backend_conflict():
    with pytest.raises(ConfigError, match="drop one"):
        build_backend({"_target_": "x.Y"}, GRPOConfig(backend="vllm"))


def test_pack_completions_pads_after_eos():
    """Two completions of lengths 3 and 1: ids right-padded with pad=0, log-probs 0 there."""
    step = lambda token, lp: {token: SimpleNamespace(logprob=lp)}  # noqa: E731
    outputs = [
        SimpleNamespace(
            token_ids=[5, 6, 2], logprobs=[step(5, -0.5), step(6, -1.0), step(2, -2.0)]
        ),
        SimpleNamespace(token_ids=[2], logprobs=[step(2, -0.25)]),
    ]
    ids, logps = pack_completions(outputs, pad_token_id=0)
    assert ids.tolist() == [[5, 6, 2], [2, 0, 0]]
    assert logps.dtype == torch.float32
    assert logps.tolist() == [[-0.5, -1.0, -2.0], [-0.25, 0.0, 0.0]]


def test_policy_weights_merge_lora_like_peft(tokenizer):
    """HF names, the tied head left out, and each weight equal to peft's merge_and_unload (LoRA
    B @ A and the trained added-token rows), without touching the policy's own weights."""
    tiny = TinyModelConfig(
        hidden_size=64, num_hidden_layers=1, num_attention_heads=2, num_key_value_heads=1
    )
    model = build_tiny_model(tiny, tokenizer)
    names = set(model.state_dict()) - {"lm_head.weight"}
    added = [len(tokenizer) - 1]
    targets = ["q_proj", "k_proj", "v_proj", "o_proj", "up_proj", "down_proj"]
    lora = LoRAConfig(enabled=True, r=4, alpha=8, target_modules=targets)
    peft_model = apply_lora(model, lora, added)
    with torch.no_grad():
        for p in peft_model.parameters():
            if p.requires_grad:
                p.add_(torch.randn_like(p) * 0.1)
    before = {k: v.clone() for k, v in peft_model.state_dict().items()}
    pushed = dict(policy_weights(peft_model))
    assert set(pushed) == names
    assert all(torch.equal(before[k], v) for k, v in peft_model.state_dict().items())
    merged = peft_model.merge_and_unload().state_dict()
    for name, tensor in pushed.items():
        torch.testing.assert_close(tensor, merged[name], rtol=0, atol=1e-6)
    assert not torch.equal(
        pushed["model.embed_tokens.weight"],
        before["base_model.model.model.embed_tokens.token_adapter.base_layer.weight"],
    ), "the trained token rows must be in the pushed embedding"
