"""The dry run's memory column: a phase's typed configs turned into `medlab.memory_estimate`'s
arguments (LoRA, reference mode, GRPO generation, chunk size, sharding, precision), and the
`memory:` note printed under each phase line. The arithmetic itself is in memory_estimate.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from medlab.config import DPOConfig, GRPOConfig, ModelConfig, TrainingConfig
from medlab.config.hardware import HardwareConfig
from medlab.memory_estimate import (
    GB,
    GRPOSpec,
    LoRASpec,
    MemoryEstimate,
    Reference,
    estimate_memory,
    shape_of,
)


def estimate_memory_of(
    model: ModelConfig, stage: Any, tokenizer: Any, hardware: HardwareConfig, world: int
) -> MemoryEstimate | None:
    """Per-device peak memory of the phase (`medlab.memory_estimate`: sizes from model.shape,
    or model.tiny and len(tokenizer)); None when neither is known."""
    vocab = len(tokenizer) if tokenizer is not None else None
    if model.shape is None and (model.tiny is None or vocab is None):
        return None
    estimate = estimate_for_stage(
        model,
        stage,
        vocab_size=vocab,
        world_size=world,
        sharded=is_sharded_strategy(hardware.strategy),
        precision=str(hardware.precision),
    )
    return estimate


def estimate_for_stage(
    model_cfg: ModelConfig,
    stage_cfg: TrainingConfig,
    *,
    vocab_size: int | None = None,
    world_size: int = 1,
    sharded: bool = False,
    precision: str = "bf16-mixed",
    trained_tokens_fraction: float = 1.0,
) -> MemoryEstimate:
    """The estimate of a typed (model, stage) config pair: what the dry run prints.

    precision: Lightning's trainer precision (hardware.precision); "*16*" means 2-byte
    activations. sharded: FSDP / DeepSpeed ZeRO-3 (see `is_sharded_strategy`).
    """
    param_bytes = 4 if model_cfg.dtype == "float32" else 2
    act = 2 if "16" in str(precision) else 4
    lc = stage_cfg.lora
    lora = LoRASpec(lc.enabled, lc.r, tuple(lc.target_modules), lc.dropout)
    reference: Reference = "none"
    grpo = None
    if isinstance(stage_cfg, DPOConfig):
        reference = stage_cfg.reference  # type: ignore[assignment]
    if isinstance(stage_cfg, GRPOConfig):
        reference = stage_cfg.reference if stage_cfg.beta > 0 else "none"  # type: ignore[assignment]
        grpo = GRPOSpec(
            stage_cfg.prompts_per_step,
            stage_cfg.num_generations,
            stage_cfg.max_prompt_length,
            stage_cfg.max_completion_length,
        )
    return estimate_memory(
        shape_of(model_cfg, vocab_size),
        stage=stage_cfg.name,  # type: ignore[attr-defined]
        micro_batch_size=stage_cfg.micro_batch_size,
        max_length=stage_cfg.max_length,
        trained_tokens_fraction=trained_tokens_fraction,
        lora=lora,
        gradient_checkpointing=stage_cfg.gradient_checkpointing,
        world_size=world_size,
        sharded=sharded,
        param_dtype_bytes=param_bytes,
        act_bytes=act,
        reference=reference,
        grpo=grpo,
        logits_chunk=stage_cfg.logps_chunk_size,
    )


def is_sharded_strategy(strategy: Any) -> bool:
    """hardware.strategy shards parameters (medlab FullShardStrategy, FSDP, ZeRO stage 3)."""
    if not isinstance(strategy, dict):
        return "fsdp" in str(strategy).lower()
    target = str(strategy.get("_target_", ""))
    return "FullShard" in target or "FSDP" in target or int(strategy.get("stage", 0) or 0) == 3


def format_estimate(est: MemoryEstimate) -> str:
    """The dry run's `memory:` note under a phase line: the step phase that peaks, parameter
    counts and the GB (1e9 bytes) of every non-zero term."""
    parts = [
        f"{f.name}={getattr(est, f.name) / GB:.2f}"
        for f in fields(est)
        if f.name not in ("total_params", "trained_params") and getattr(est, f.name)
    ]
    return (
        f"peak={est.peak_phase} params={est.total_params / 1e6:.1f}M "
        f"trained={est.trained_params / 1e6:.1f}M GB: {' '.join(parts)}"
    )
