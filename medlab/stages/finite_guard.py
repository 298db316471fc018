"""Non-finite guard: a diverged stage stops with one line, keeps its last good checkpoint and
exports nothing; a stage whose held-out headline metric got clearly worse says so.

- `FiniteGuard` (a Lightning callback every stage's trainer gets) checks the gradients of every
  optimizer step before the step is taken (`on_before_optimizer_step`: their global L2 norm,
  every rank alike) and the logged `train/loss` / `train/grad_norm` after it
  (`on_train_batch_end`, which runs before `ModelCheckpoint`'s, so a bad step is never saved).
  A non-finite value raises `NonFiniteError` naming the optimizer step and the last checkpoint
  saved before it, which is left as it is; `medlab.run` prints it as one `medlab: error:` line
  and exits with status 2. No `hf_checkpoint` (and no `COMPLETE` marker) is written.
- `check_finite_weights` runs before the export: weights that are not finite or would overflow
  the export dtype (fp16 / bf16), or a held-out metric after training that is not finite, stop
  the stage the same way.
- `degradation` compares the stage's held-out headline metric before and after training
  (`DEGRADED_METRIC`); worse by more than `max(DEGRADED_RELATIVE x |before|, DEGRADED_ABSOLUTE)`
  (or not finite after a finite start) is reported with one WARNING line and recorded in
  results.json and the manifest as ``"degraded": {...}``.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any

import lightning as L
import torch
from lightning.pytorch.callbacks import Callback

from medlab.checkpointing import is_rank_zero
from medlab.errors import MedlabError
from medlab.models.precision import export_dtype
from medlab.stages.optim import global_grad_norm
from medlab.stages.trainer import last_checkpoint

log = logging.getLogger(__name__)

DEGRADED_METRIC: dict[str, tuple[str, str]] = {
    "sft": ("val/loss", "lower"),
    "dpo": ("val/loss", "lower"),
    "grpo": ("val/reward_mean", "higher"),
}
"""Per stage: the held-out metric the degradation check compares, and which way is better."""
DEGRADED_RELATIVE = 0.05
"""A metric is 'clearly worse' when it moved the wrong way by more than this fraction of its
starting value ..."""
DEGRADED_ABSOLUTE = 0.05
"""... and by more than this absolute amount (rewards in [0, 1], DPO's loss starts at ln 2)."""

TRAIN_KEYS = ("train/loss", "train/grad_norm")


class NonFiniteError(MedlabError):
    """Training produced a non-finite loss, gradient or weight; the stage stopped, nothing was
    exported, the last good checkpoint was kept. A subclass of MedlabError: exit status 2."""


def _finite(value: float) -> bool:
    return math.isfinite(value)


class FiniteGuard(Callback):
    """Stops a stage at the first optimizer step with a non-finite gradient or loss."""

    def __init__(self) -> None:
        self.saved_step: int | None = None
        """Global step of the last checkpoint saved (or resumed from) in this stage."""

    # ---- which checkpoint is good ---------------------------------------------------------
    def on_save_checkpoint(
        self, trainer: L.Trainer, pl_module: L.LightningModule, checkpoint: dict[str, Any]
    ) -> None:
        self.saved_step = int(checkpoint.get("global_step", trainer.global_step))

    def on_load_checkpoint(
        self, trainer: L.Trainer, pl_module: L.LightningModule, checkpoint: dict[str, Any]
    ) -> None:
        self.saved_step = int(checkpoint.get("global_step", 0))

    def last_checkpoint(self, trainer: L.Trainer) -> tuple[Path | None, int | None]:
        """(path, step) of the newest checkpoint on disk, if any."""
        callback: Any = trainer.checkpoint_callback
        candidate = getattr(callback, "last_model_path", "") or ""
        path = Path(candidate) if candidate and Path(candidate).exists() else None
        if path is None:
            path = last_checkpoint(Path(trainer.default_root_dir))
        return path, (self.saved_step if path is not None else None)

    # ---- checks ---------------------------------------------------------------------------
    def on_before_optimizer_step(
        self, trainer: L.Trainer, pl_module: L.LightningModule, optimizer: Any
    ) -> None:
        params = [
            p for group in optimizer.param_groups for p in group["params"] if p.grad is not None
        ]
        norm = global_grad_norm(params)  # every rank takes part (FSDP2 shards: a collective)
        if norm is not None and not _finite(float(norm)):
            raise self.error(
                trainer,
                pl_module,
                trainer.global_step + 1,
                f"the gradients are not finite (global norm {float(norm)})",
                "stopped before the optimizer step",
            )

    def on_train_batch_end(
        self, trainer: L.Trainer, pl_module: L.LightningModule, *args: Any, **kwargs: Any
    ) -> None:
        metrics = trainer.callback_metrics
        for key in TRAIN_KEYS:
            value = metrics.get(key)
            if value is not None and not _finite(float(value)):
                raise self.error(
                    trainer,
                    pl_module,
                    trainer.global_step,
                    f"{key} is {float(value)}",
                    "its checkpoint was not saved",
                )

    def error(
        self, trainer: L.Trainer, pl_module: L.LightningModule, step: int, what: str, done: str
    ) -> NonFiniteError:
        _end_progress_bars(trainer)  # the error line starts a line of its own
        return NonFiniteError(
            f"training diverged at optimizer step {step} of {trainer.max_steps}: {what}; "
            f"{done}, nothing exported (no hf_checkpoint). {self.kept(trainer, step)} "
            f"{_advice(pl_module)}"
        )

    def kept(self, trainer: L.Trainer, step: int) -> str:
        path, saved = self.last_checkpoint(trainer)
        if path is None:
            cfg = getattr(trainer.lightning_module, "cfg", None)
            every = getattr(cfg, "checkpoint_every_n_steps", "?")
            return (
                f"No checkpoint was saved before step {step} "
                f"(stage.checkpoint_every_n_steps={every})."
            )
        where = f"step {saved}" if saved is not None else "an earlier step"
        return f"Last good checkpoint: {path} ({where}), kept."


def _end_progress_bars(trainer: L.Trainer) -> None:
    """Close the progress bars (tqdm ends its line), so `medlab: error:` starts a new line."""
    bar = getattr(trainer, "progress_bar_callback", None)
    for name in ("_train_progress_bar", "_val_progress_bar"):
        tqdm_bar = getattr(bar, name, None)
        if tqdm_bar is not None and hasattr(tqdm_bar, "close"):
            tqdm_bar.close()


def _advice(module: L.LightningModule) -> str:
    cfg = getattr(module, "cfg", None)
    lr = getattr(cfg, "lr", None)
    clip = getattr(cfg, "max_grad_norm", None)
    now_lr = f" (now {lr:g})" if isinstance(lr, float) else ""
    now_clip = f" (now {clip:g})" if isinstance(clip, float) else ""
    return (
        f"Lower stage.lr{now_lr}, keep stage.max_grad_norm > 0{now_clip} or check the data, "
        "then run into a new hydra.run.dir."
    )


def check_finite_weights(
    trainer: L.Trainer,
    module: L.LightningModule,
    guard: FiniteGuard | None = None,
    val_after: dict[str, Any] | None = None,
) -> None:
    """Raise NonFiniteError on every rank if a trained weight is not finite (or would not be
    after the cast to the export dtype), or a held-out metric after training (`val_after`) is
    not finite. A collective under several ranks: every rank calls it."""
    model: Any = module.model
    dtype = export_dtype(model)
    limit = torch.finfo(dtype).max if dtype is not None and dtype.is_floating_point else None
    bad = torch.zeros((), dtype=torch.float64, device=module.device)
    for param in model.parameters():
        local = param.detach()
        local = local.to_local() if hasattr(local, "to_local") else local  # FSDP2 shard
        if not local.is_floating_point() or local.numel() == 0:  # (ZeRO-3: partitioned away)
            continue
        low, high = torch.aminmax(local)  # NaN propagates; no tensor-sized temporary
        extreme = torch.maximum(low.abs(), high.abs()).double()
        bad += (~torch.isfinite(extreme)).double()
        if limit is not None and local.dtype != dtype:  # would overflow the export dtype
            bad += (extreme > limit).double()
    if trainer.world_size > 1:
        bad = trainer.strategy.reduce(bad, reduce_op="sum")
    step = trainer.global_step
    if float(bad) > 0:
        target = f" in {dtype}".replace("torch.", "") if dtype is not None else ""
        what = f"the weights are not finite{target}"
    else:
        broken = [k for k, v in (val_after or {}).items() if not _finite(float(v))]
        if not broken:
            return
        what = f"the held-out {broken[0]} is {float((val_after or {})[broken[0]])}"
    guard = guard or FiniteGuard()
    kept = guard.kept(trainer, step)
    if guard.saved_step == step:
        path, _ = guard.last_checkpoint(trainer)
        kept = f"The last checkpoint, {path} (step {step}), holds these weights."
    raise NonFiniteError(
        f"training diverged: after optimizer step {step} {what}; nothing exported (no "
        f"hf_checkpoint). {kept} {_advice(module)}"
    )


def degradation(
    stage: str, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> dict[str, Any] | None:
    """`{"metric", "before", "after", "margin", "better"}` when the stage's held-out headline
    metric ended clearly worse than it started (see the module docstring), else None."""
    metric, better = DEGRADED_METRIC.get(stage, (None, None))
    if metric is None or not before or not after or metric not in after:
        return None
    start, end = before.get(metric), after.get(metric)
    if not isinstance(start, (int, float)) or not _finite(float(start)):
        return None
    margin = max(DEGRADED_RELATIVE * abs(float(start)), DEGRADED_ABSOLUTE)
    if end is None or not _finite(float(end)):
        worse = True
    elif better == "lower":
        worse = float(end) > float(start) + margin
    else:
        worse = float(end) < float(start) - margin
    if not worse:
        return None
    return {
        "metric": metric,
        "before": float(start),
        "after": None if end is None else float(end),
        "margin": round(margin, 6),
        "better": better,
    }


def warn_if_degraded(
    stage: str, stage_dir: Path, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> dict[str, Any] | None:
    """`degradation(...)`, logged as one WARNING line (rank 0) when it is not None."""
    found = degradation(stage, before, after)
    if found is not None and is_rank_zero():
        end = found["after"]
        shown = "not finite" if end is None or not _finite(end) else f"{end:.4f}"
        log.warning(
            "degraded: %s held-out %s ended worse than it started: %.4f -> %s (%s is better, "
            "margin %.3g); check stage.lr and the data before using %s",
            stage,
            found["metric"],
            found["before"],
            shown,
            found["better"],
            found["margin"],
            stage_dir / "hf_checkpoint",
        )
    return found
