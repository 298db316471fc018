"""`medlab.memory_estimate`: exact parameter counts and hand-computed recipe estimates."""

from __future__ import annotations

import pytest
import torch
from transformers import ArceeConfig, AutoModelForCausalLM, Qwen3Config

from medlab.config import ModelConfig, ModelShape, SFTConfig, TinyModelConfig
from medlab.memory_estimate import (
    GB,
    GRPOSpec,
    LoRASpec,
    count_lora_parameters,
    count_parameters,
    estimate_memory,
    shape_of,
)
from medlab.memory_plan import estimate_for_stage, format_estimate

QWEN3_4B = ModelShape()  # the defaults are Qwen3-4B-Base's config.json
AFM = ModelShape(
    architecture="arcee",
    num_attention_heads=20,
    num_key_value_heads=4,
    intermediate_size=18432,
    vocab_size=128004,
    tie_word_embeddings=False,
    max_position_embeddings=65536,
)


def small(arch: str, tie: bool) -> ModelShape:
    return ModelShape(arch, 64, 2, 4, 2, 16, 96, 300, tie, 128)  # type: ignore[arg-type]


@pytest.mark.parametrize("arch", ["qwen3", "arcee"])
@pytest.mark.parametrize("tie", [True, False])
def test_parameter_count_equals_the_real_model(arch, tie):
    s = small(arch, tie)
    config_cls = Qwen3Config if arch == "qwen3" else ArceeConfig
    model = AutoModelForCausalLM.from_config(
        config_cls(
            vocab_size=s.vocab_size, hidden_size=s.hidden_size, num_hidden_layers=2,
            num_attention_heads=4, num_key_value_heads=2, head_dim=16, intermediate_size=96,
            tie_word_embeddings=tie, bos_token_id=None, eos_token_id=0, pad_token_id=0,
        ),
        dtype=torch.float32,
    )  # fmt: skip
    assert count_parameters(s) == sum(p.numel() for p in model.parameters())
    from peft import LoraConfig, get_peft_model

    peft = get_peft_model(model, LoraConfig(r=4, target_modules="all-linear"))
    trainable = sum(p.numel() for p in peft.parameters() if p.requires_grad)
    assert count_lora_parameters(s, LoRASpec(True, 4, ("all-linear",))) == trainable


def test_tiny_shape_comes_from_the_tiny_block():
    cfg = ModelConfig(tiny=TinyModelConfig(architecture="arcee", tie_word_embeddings=False))
    s = shape_of(cfg, vocab_size=4102)
    assert (s.architecture, s.head_dim, s.vocab_size, s.tie_word_embeddings) == (
        "arcee",
        64,
        4102,
        False,
    )
    with pytest.raises(ValueError, match="vocab"):
        shape_of(cfg)


def test_real_model_parameter_counts():
    # embedding 151936*2560 = 388,956,160; per layer: q 2560*4096 + k,v 2*2560*1024 + o
    # 4096*2560 = 26,214,400, MLP 3*2560*9728 = 74,711,040, norms 2*2560 + 2*128 = 5,376
    assert count_parameters(QWEN3_4B) == 388_956_160 + 36 * 100_930_816 + 2560 == 4_022_468_096
    # AFM: untied 2*128004*2560; per layer 15,728,640 attention + 2*2560*18432 MLP + 5120
    assert count_parameters(AFM) == 655_380_480 + 36 * 110_105_600 + 2560 == 4_619_184_640


def test_qwen3_4b_full_fine_tuning_on_one_gpu():
    """16 B x 4.022e9 = 64.36 GB of fp32 state (masters 16.09, grads 16.09, AdamW 32.18).
    Train phase: + 8.04 GB bf16 autocast copies + activations (micro 1 x 2048, checkpointed:
    36 layers x 2 B x 2560 x 2048 = 0.38 GB layer inputs + final norm / head input 0.05 GB)
    + logits 3 x 4 x 2048 x 151936 = 3.73 GB -> 76.6 GB. Optimizer step: + foreach AdamW
    scratch 4 B x 4.022e9 = 16.09 GB -> 80.4 GB, the peak: does not fit an 80 GB GPU."""
    est = estimate_memory(
        QWEN3_4B, stage="sft", micro_batch_size=1, max_length=2048, gradient_checkpointing=True
    )
    p = 4_022_468_096
    assert est.fp32_masters + est.grads + est.optimizer == 16 * p
    assert est.weights == 0 and est.compute_copies == 2 * p
    assert est.peak_phase == "optimizer_step"
    assert est.total_bytes == 16 * p + 4 * p
    assert est.logits == 3 * 4 * 2048 * 151936
    assert est.activations > 36 * 2 * 2560 * 2048
    assert 64.3 < (16 * p) / GB < 64.5
    assert 76 < (est.static_bytes + est.phase_peaks["train"]) / GB < 77


def test_afm_lora_sft_fits_an_80gb_gpu():
    """AFM-4.5B LoRA r=64 (q,k,v,o,up,down), micro 4 x 4096, checkpointed, bf16:
    LoRA per layer 64 x (q 5120 + k 3072 + v 3072 + o 5120 + up 20992 + down 20992) = 3,735,552
    -> 134.5M trained x 16 B = 2.15 GB; frozen weights 2 B x 4.619e9 = 9.24 GB; layer inputs
    36 x 2 B x 2560 x 16384 = 3.02 GB (+ final norm, head input 0.42 GB); logits 3 x 4 x 16384
    x 128004 = 25.17 GB (the largest term) -> 40.0 GB: fits an 80 GB GPU."""
    est = estimate_memory(
        AFM,
        stage="sft",
        micro_batch_size=4,
        max_length=4096,
        lora=LoRASpec(True, 64, dropout=0.05),
        gradient_checkpointing=True,
    )
    assert est.trained_params == 36 * 3_735_552
    assert est.weights == 2 * 4_619_184_640
    assert est.logits == 3 * 4 * 16384 * 128004
    assert est.total_gb < 80
    assert 35 < est.total_gb < 45


def test_sharding_divides_trained_state_and_frozen_weights():
    one = estimate_memory(QWEN3_4B, stage="sft", micro_batch_size=1, max_length=512)
    eight = estimate_memory(
        QWEN3_4B, stage="sft", micro_batch_size=1, max_length=512, world_size=8, sharded=True
    )
    assert eight.optimizer * 8 >= one.optimizer > eight.optimizer * 7.99
    assert eight.activations == one.activations  # per-device activations are not sharded


def test_reference_modes():
    kw = dict(stage="dpo", micro_batch_size=2, max_length=1024)
    frozen = estimate_memory(QWEN3_4B, reference="frozen_copy", **kw)  # type: ignore[arg-type]
    cached = estimate_memory(QWEN3_4B, reference="precomputed", **kw)  # type: ignore[arg-type]
    assert frozen.reference == 2 * 4_022_468_096 and cached.reference == 0
    assert frozen.logits == 3 * 4 * (2 * 2 * 1024) * 151936  # chosen + rejected rows


def test_grpo_kv_cache():
    grpo = GRPOSpec(16, 8, 768, 1024)
    est = estimate_memory(
        AFM, stage="grpo", micro_batch_size=8, max_length=0, grpo=grpo, lora=LoRASpec(True, 64)
    )
    # 2 x 36 layers x 4 kv heads x 128 x 2 B = 73,728 B per token x 128 rows x 1792 tokens
    assert est.kv_cache == 73_728 * 128 * 1792
    assert est.logits == 3 * 4 * 8 * 1024 * 128004


def test_estimate_for_stage_and_format():
    cfg = ModelConfig(tiny=TinyModelConfig())
    est = estimate_for_stage(cfg, SFTConfig(), vocab_size=4102, precision="32-true")
    assert est.total_params == count_parameters(shape_of(cfg, 4102))
    line = format_estimate(est)
    assert line.startswith(f"peak={est.peak_phase} params={est.total_params / 1e6:.1f}M ")
    assert f"logits={est.logits / GB:.2f}" in line


def test_logits_are_counted_up_to_the_chunk_size():
    """The head runs over stage.logps_chunk_size trained positions at a time: by hand, SFT with
    4 x 2048 trained tokens at chunk 1024 keeps 3 x 4 B x 1024 x 151936 = 1.87 GB of logits,
    not 3 x 4 x 8192 x 151936 = 14.9 GB; a chunk larger than the batch changes nothing."""
    cfg = ModelConfig(path="Qwen/Qwen3-4B-Base", shape=QWEN3_4B)
    stage = SFTConfig(micro_batch_size=4, max_length=2048, logps_chunk_size=1024)
    assert estimate_for_stage(cfg, stage).logits == 3 * 4 * 1024 * 151936
    whole = estimate_for_stage(
        cfg, SFTConfig(micro_batch_size=4, max_length=2048, logps_chunk_size=10**6)
    )
    assert whole.logits == 3 * 4 * 4 * 2048 * 151936
