"""Run one training stage (sft, dpo, grpo) end to end: config -> model, data, trainer -> fit -> export.

`train_stage(cfg, stage_dir, kind)` runs a training kind of `medlab.stage_registry` (the kind's
`build` makes its data and LightningModule); `train_phase` is the training kinds' `run`.

Layout of a stage directory:
  checkpoints/last.ckpt   Lightning checkpoint (resume), written atomically
  csv/metrics.csv         every logged metric (readable without W&B)
  wandb/                  offline W&B run (sync later with `wandb sync`)
  hf_checkpoint/          save_pretrained weights + tokenizer + chat template; COMPLETE marker
  results.json            before/after held-out metrics, steps, paths (written last)
Re-running into the same directory resumes from last.ckpt; a finished stage is skipped.

Under DDP (any multi-process strategy) every rank runs this function; rank 0 alone writes
results.json, val_before.json and the export, and every rank waits at a barrier until the export
is complete (the next phase of a pipeline loads it).
"""

from __future__ import annotations

import json
import logging
import time
from functools import partial
from pathlib import Path
from typing import Any

import lightning as L
import torch
from lightning.pytorch.callbacks import Callback
from lightning.pytorch.strategies import DeepSpeedStrategy, FSDPStrategy, ModelParallelStrategy
from lightning.pytorch.trainer.states import TrainerFn
from omegaconf import DictConfig

from medlab.atomic_files import atomic_write_json, is_complete
from medlab.checkpointing import export_hf_checkpoint, is_rank_zero
from medlab.completions_log import CompletionsLog
from medlab.config import GRPOConfig, ModelConfig, TrainingConfig
from medlab.config.hardware import parse_hardware_config
from medlab.config.logger import parse_logger_config
from medlab.config.resolve import resolved_container, typed_phase_configs
from medlab.decontam.sources import decontaminate_data
from medlab.errors import ModelLoadError
from medlab.logging_setup import build_loggers, finish_loggers
from medlab.models.build import added_token_ids, apply_lora, build_causal_lm, count_parameters
from medlab.models.tokenizer import load_tokenizer
from medlab.stages.finite_guard import FiniteGuard, check_finite_weights, warn_if_degraded
from medlab.stages.kind import PhaseOutcome, PhaseRun, StageInputs, StageKind, StageParts
from medlab.stages.trainer import build_trainer, last_checkpoint

log = logging.getLogger(__name__)

HF_DIR = "hf_checkpoint"
RESULTS = "results.json"


def checkpoint_step(path: Path) -> int:
    """The optimizer step a Lightning checkpoint file was saved at; a truncated or corrupt file
    (a copy cut short, a full disk outside medlab's atomic writes) is one ModelLoadError."""
    try:
        state = torch.load(path, map_location="cpu", weights_only=False)
        return int(state["global_step"])
    except Exception as exc:  # torch raises RuntimeError / EOFError / UnpicklingError / ...
        raise ModelLoadError(
            f"{path}: not a readable Lightning checkpoint ({type(exc).__name__}: "
            f"{str(exc)[:120]}). Restore a good copy, or delete it to restart this stage from "
            "its first step."
        ) from exc


def train_stage(
    cfg: DictConfig, stage_dir: Path, kind: StageKind, callbacks: list[Callback] | None = None
) -> dict[str, Any]:
    """Train, export and summarise one stage of training kind `kind` into `stage_dir`; returns
    the results dict. `callbacks` are extra Lightning callbacks (tests use them to interrupt a
    run)."""
    stage_dir = Path(stage_dir)
    if is_complete(stage_dir / HF_DIR) and (stage_dir / RESULTS).is_file():
        log.info("stage already complete, skipping: %s", stage_dir)
        return dict(json.loads((stage_dir / RESULTS).read_text()))
    assert kind.config is not None and kind.build is not None, f"{kind.name} does not train"
    container = resolved_container(cfg)
    model_cfg, data_cfg, stage_cfg = typed_phase_configs(container, {kind.name: kind.config})
    started = time.time()
    data_cfg, decontam = decontaminate_data(data_cfg, container.get("eval"), stage_dir)
    L.seed_everything(int(cfg.get("seed", 0)), workers=True, verbose=False)
    tokenizer = load_tokenizer(
        model_cfg.tokenizer_path or model_cfg.path,
        model_cfg.chat_template,
        model_cfg.revision,
        model_cfg.trust_remote_code,
    )
    policy = partial(_build_policy, model_cfg, stage_cfg, tokenizer)
    parts = kind.build(
        StageInputs(stage_cfg, data_cfg, model_cfg, tokenizer, policy, stage_dir, container)
    )
    resume_from = last_checkpoint(stage_dir)
    trainer, loggers, guard = _trainer(cfg, container, stage_cfg, stage_dir, resume_from, callbacks)
    failed = True
    try:
        val_before, val_after = _fit(trainer, parts, stage_dir, stage_cfg, resume_from)
        check_finite_weights(trainer, parts.module, guard, val_after)  # or no export
        failed = False
    finally:
        finish_loggers(loggers, failed)
    results = {
        "stage": stage_cfg.name,
        "model": model_cfg.name,
        "data": data_cfg.name,
        "steps": trainer.global_step,
        **_held_out_results(stage_cfg.name, stage_dir, val_before, val_after),
        "hf_checkpoint": str(stage_dir / HF_DIR),
        "metrics_csv": str(stage_dir / "csv" / "metrics.csv"),
        "data_dropped": _dropped_rows(decontam, parts),
        "decontamination": decontam,
        "wall_time_s": round(time.time() - started, 1),
    }
    _export(trainer, parts.module, tokenizer, stage_dir / HF_DIR, stage_cfg, policy)
    if trainer.is_global_zero:
        atomic_write_json(stage_dir / RESULTS, results)
    trainer.strategy.barrier()  # the next phase (every rank) loads rank 0's export
    return results


def train_phase(phase: PhaseRun) -> PhaseOutcome:
    """A training kind's `run`: the phase starts from `phase.start` when the chain gives one."""
    cfg = phase.cfg
    if phase.start is not None:
        cfg.model.path = phase.start
        cfg.model.tokenizer_path = None
        cfg.model.revision = None
    return PhaseOutcome(train_stage(cfg, phase.stage_dir, phase.kind), cfg.model.get("path"))


def _build_policy(
    model_cfg: ModelConfig, stage_cfg: TrainingConfig, tokenizer: Any, apply_adapters: bool = True
) -> Any:
    """The model to train: gradient checkpointing and LoRA as the stage asks."""
    model = build_causal_lm(model_cfg, tokenizer)
    if stage_cfg.gradient_checkpointing:
        model.gradient_checkpointing_enable()
    if stage_cfg.lora.enabled and apply_adapters:
        model = apply_lora(model, stage_cfg.lora, added_token_ids(model))
    trainable, total = count_parameters(model)
    log.info(
        "model %s: %.2fM parameters, %.2fM trainable", model_cfg.name, total / 1e6, trainable / 1e6
    )
    return model


def _trainer(
    cfg: DictConfig,
    container: dict[str, Any],
    stage_cfg: Any,
    stage_dir: Path,
    resume_from: Path | None,
    callbacks: list[Callback] | None,
) -> tuple[L.Trainer, list[Any], FiniteGuard]:
    """The Lightning trainer of a stage, its loggers (resumed at the checkpoint's step) and the
    non-finite guard among its callbacks."""
    resume_step = None
    if resume_from is not None and resume_from.is_file():  # a directory: DeepSpeed / sharded
        resume_step = checkpoint_step(resume_from)
        log.info("resuming from %s (step %d)", resume_from, resume_step)
    loggers = build_loggers(
        parse_logger_config(container.get("logger")),
        stage_dir,
        experiment=str(cfg.get("experiment_name", "default")),
        stage=str(cfg.get("stage_label", stage_cfg.name)),
        config=container,
        resume_step=resume_step,
    )
    guard = FiniteGuard()  # a non-finite loss / gradient stops the stage (exit 2)
    trainer = build_trainer(
        parse_hardware_config(container.get("hardware")),
        max_steps=stage_cfg.max_steps,
        val_every_n_steps=stage_cfg.val_every_n_steps,
        checkpoint_every_n_steps=stage_cfg.checkpoint_every_n_steps,
        log_every_n_steps=stage_cfg.log_every_n_steps,
        run_dir=stage_dir,
        loggers=loggers,
        callbacks=[guard, *_stage_callbacks(stage_cfg, stage_dir), *(callbacks or [])],
    )
    return trainer, loggers, guard


def _held_out_results(
    name: str,
    stage_dir: Path,
    val_before: dict[str, float] | None,
    val_after: dict[str, float] | None,
) -> dict[str, Any]:
    """The results' held-out part: loss and metrics before / after, and the degradation flag."""
    return {
        "val_loss_before": (val_before or {}).get("val/loss"),
        "val_loss_after": (val_after or {}).get("val/loss"),
        "val_before": val_before,
        "val_after": val_after,
        "degraded": warn_if_degraded(name, stage_dir, val_before, val_after),
    }


def _dropped_rows(decontam: dict[str, Any] | None, parts: StageParts) -> dict[str, int]:
    """Training rows left out, by reason: contaminated (decontamination) and the datamodule's."""
    return {
        **({"train/contaminated": decontam["dropped"]} if decontam else {}),
        **dict(getattr(parts.datamodule, "dropped", None) or {}),
    }


def _stage_callbacks(stage_cfg: TrainingConfig, stage_dir: Path) -> list[Callback]:
    """Callbacks a stage's config asks for: GRPO's completions tables (medlab.completions_log)."""
    if isinstance(stage_cfg, GRPOConfig) and stage_cfg.log_completions_every_n_steps:
        return [CompletionsLog(stage_cfg.log_completions_every_n_steps, stage_dir)]
    return []


def _export(
    trainer: L.Trainer,
    module: L.LightningModule,
    tokenizer: Any,
    out_dir: Path,
    stage_cfg: TrainingConfig,
    rebuild: Any,
) -> None:
    """Rank 0 writes the HF checkpoint. Sharded weights (FSDP, DeepSpeed ZeRO-3) are first
    gathered in full (a collective: every rank takes part) into a fresh copy of the model on
    rank 0. Only the unsharded path runs in this repository's tests (no GPU here)."""
    model: Any = module.model
    strategy: Any = trainer.strategy
    gathers = (FSDPStrategy, ModelParallelStrategy)  # full state dict on rank 0 (FSDP1 / FSDP2)
    sharded = isinstance(strategy, gathers) or (
        isinstance(strategy, DeepSpeedStrategy) and strategy.zero_stage_3
    )
    if sharded:
        if isinstance(strategy, gathers):
            full = strategy.lightning_module_state_dict()
        else:  # ZeRO-3 partitions every parameter; DeepSpeed gathers them on rank 0
            full = strategy.deepspeed_engine._zero3_consolidated_16bit_state_dict()
        if not trainer.is_global_zero:
            return
        model = rebuild()
        keys = {k: k.removeprefix("_forward_module.") for k in full}  # DeepSpeed's wrapper
        weights = {
            keys[k][len("model.") :]: v for k, v in full.items() if keys[k].startswith("model.")
        }
        model.load_state_dict(weights)  # strict: a key mismatch stops here, not in the export
    if trainer.is_global_zero:
        export_hf_checkpoint(model, tokenizer, out_dir, stage_cfg.lora.merge_on_save)


def _validate(trainer: L.Trainer, parts: StageParts) -> dict[str, float]:
    metrics = trainer.validate(parts.module, datamodule=parts.datamodule, verbose=False)[0]
    return {k: float(v) for k, v in metrics.items()}


class LastFitValidation(Callback):
    """The global step and `val/*` metrics of the last validation run inside `trainer.fit`."""

    def __init__(self) -> None:
        self.step: int | None = None
        self.metrics: dict[str, float] = {}

    def on_validation_end(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        if trainer.sanity_checking or trainer.state.fn != TrainerFn.FITTING:
            return
        self.step = trainer.global_step
        self.metrics = {
            k: float(v) for k, v in trainer.logged_metrics.items() if k.startswith("val/")
        }


def _fit(
    trainer: L.Trainer,
    parts: StageParts,
    stage_dir: Path,
    stage_cfg: TrainingConfig,
    resume_from: Path | None,
) -> tuple[dict[str, float] | None, dict[str, float] | None]:
    """Held-out metrics before (kept across resumes), fit, held-out metrics after.

    The metrics after are those of the validation Lightning ran at the final step (max_steps a
    multiple of val_every_n_steps); otherwise one validation pass runs after the fit.
    """
    has_val = bool(parts.datamodule.val_items)
    val_before_path = stage_dir / "val_before.json"
    val_before = None
    if val_before_path.is_file():
        val_before = json.loads(val_before_path.read_text())
    elif has_val and stage_cfg.val_before_training and resume_from is None:
        val_before = _validate(trainer, parts)
        if is_rank_zero():
            atomic_write_json(val_before_path, val_before)
    last_val = LastFitValidation()
    trainer.callbacks.append(last_val)  # type: ignore[attr-defined]  # Lightning sets the list
    trainer.fit(
        parts.module,
        datamodule=parts.datamodule,
        ckpt_path=str(resume_from) if resume_from else None,
    )
    if trainer.interrupted:
        raise KeyboardInterrupt("training interrupted; re-run the same command to resume")
    if not has_val:
        return val_before, None
    if last_val.step == trainer.global_step and last_val.metrics:
        return val_before, last_val.metrics
    return val_before, _validate(trainer, parts)
