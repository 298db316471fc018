"""The optimizer side of every stage: AdamW groups, lr schedule, backward, step, grad norm.

All stages optimise manually (one training batch = one optimizer step over its micro-batches):
`configure_adamw` builds AdamW (weight decay on matrices only) and the per-step warmup / decay
schedule (`lr_lambda`); `step_backward` runs each micro-batch's backward (DDP syncs gradients
once, on the last); `optimizer_step` clips, steps, zeroes and schedules, and logs the global
gradient norm (`global_grad_norm`, also read by `medlab.stages.finite_guard`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import lightning as L
import torch

from medlab.config import TrainingConfig


def lr_lambda(
    schedule: str, warmup_steps: int, max_steps: int, floor: float = 0.1
) -> Callable[[int], float]:
    """Multiplier of the peak lr at step s: linear warmup, then cosine / linear to `floor`."""

    def factor(step: int) -> float:
        if step < warmup_steps:
            return (step + 1) / (warmup_steps + 1)
        if schedule == "constant":
            return 1.0
        progress = min(1.0, (step - warmup_steps) / max(1, max_steps - warmup_steps))
        if schedule == "linear":
            return 1.0 - (1.0 - floor) * progress
        return floor + (1.0 - floor) * 0.5 * (1.0 + math.cos(math.pi * progress))

    return factor


def configure_adamw(model: torch.nn.Module, cfg: TrainingConfig) -> dict[str, Any]:
    """AdamW (decay on matrices only) + warmup / decay schedule stepped per optimizer step."""
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.ndim >= 2]
    no_decay = [p for p in params if p.ndim < 2]
    optimizer = torch.optim.AdamW(
        [
            {"params": decay, "weight_decay": cfg.weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ],
        lr=cfg.lr,
        betas=(cfg.adam_beta1, cfg.adam_beta2),
        eps=cfg.adam_eps,
    )
    schedule = lr_lambda(cfg.lr_schedule, cfg.warmup_steps, cfg.max_steps)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    return {"optimizer": optimizer, "lr_scheduler": {"scheduler": scheduler, "interval": "step"}}


def step_backward(module: L.LightningModule, num_micro: int) -> Callable[[torch.Tensor], None]:
    """`manual_backward` for the `num_micro` micro-batches of one optimizer step.

    Under DDP the gradient all-reduce runs once, on the last micro-batch (the earlier ones run
    under `no_sync` and accumulate locally); averaging is linear, so the result is the same as
    syncing every micro-batch. No-op outside DDP (FSDP / DeepSpeed sync their own way).
    """
    calls = 0
    block = getattr(module.trainer.strategy, "block_backward_sync", None)

    def backward(loss: torch.Tensor) -> None:
        nonlocal calls
        calls += 1
        if block is not None and calls < num_micro:
            with block():
                module.manual_backward(loss)
        else:
            module.manual_backward(loss)

    return backward


def optimizer_step(
    module: L.LightningModule, optimizer: Any, scheduler: Any, max_grad_norm: float
) -> torch.Tensor | None:
    """Clip to `max_grad_norm` (0: no clipping), step, zero, schedule; logs `train/grad_norm`.

    The logged norm is the global L2 norm of the gradients before clipping (all ranks under
    DDP, all shards under FSDP2, DeepSpeed's own under DeepSpeed), also without clipping. It
    stays a device tensor: Lightning reads it (one host sync) only on the steps it writes.
    Clipping is torch's `clip_grad_norm_` split in two (norm, then scale), as Lightning's
    precision plugins for fp32 / bf16-mixed do it; fp16 loss scaling is not unscaled first.
    Returns the norm (None where no gradient is visible and DeepSpeed reports none).
    """
    params = [p for group in optimizer.param_groups for p in group["params"] if p.grad is not None]
    norm = global_grad_norm(params)
    if norm is not None and max_grad_norm > 0:
        torch.nn.utils.clip_grads_with_norm_(params, max_grad_norm, norm)
    optimizer.step()
    if norm is None:  # DeepSpeed ZeRO keeps the gradients in its own buffers
        norm = _deepspeed_grad_norm(module)
    optimizer.zero_grad(set_to_none=True)
    scheduler.step()
    if norm is not None:
        module.log("train/grad_norm", norm, on_step=True, on_epoch=False, batch_size=1)
    return norm


def global_grad_norm(params: Sequence[torch.Tensor]) -> torch.Tensor | None:
    """L2 norm of the gradients of `params` (None without any), fp32, no host sync.

    FSDP2 gradients are DTensors: their norm is reduced over the shards (`full_tensor`).
    """
    grads = [p.grad for p in params if p.grad is not None]
    if not grads:
        return None
    norm = torch.nn.utils.get_total_norm(grads, norm_type=2.0)
    full_tensor = getattr(norm, "full_tensor", None)
    if full_tensor is not None:
        norm = full_tensor()
    return norm.detach().float()


def _deepspeed_grad_norm(module: L.LightningModule) -> torch.Tensor | None:
    """The global gradient norm DeepSpeed computed in its last step (untested: no GPU here)."""
    if module._trainer is None:
        return None
    engine = getattr(module.trainer.strategy, "deepspeed_engine", None)
    norm = engine.get_global_grad_norm() if engine is not None else None
    if norm is None:
        return None
    return torch.as_tensor(norm, dtype=torch.float32, device=module.device)
