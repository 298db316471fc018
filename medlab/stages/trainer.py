"""`build_trainer`: the Lightning Trainer every stage uses (hardware from `hardware=`)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import lightning as L
from lightning.pytorch.callbacks import Callback, ModelCheckpoint, TQDMProgressBar
from lightning.pytorch.loggers import Logger

from medlab.checkpointing import AtomicCheckpointIO

CHECKPOINT_DIR = "checkpoints"

# With manual optimisation Lightning warns that checkpoints hold the weights *after* the
# optimizer step. That is what medlab wants: weights, optimizer and global_step agree.
warnings.filterwarnings("ignore", message="Using ModelCheckpoint with manual optimization")


def build_trainer(
    hardware: dict[str, Any],
    max_steps: int,
    val_every_n_steps: int,
    checkpoint_every_n_steps: int,
    log_every_n_steps: int,
    run_dir: Path,
    loggers: list[Logger],
    callbacks: list[Callback] | None = None,
) -> L.Trainer:
    """Trainer counting optimizer steps, validating every N steps, checkpointing for resume."""
    checkpoint = ModelCheckpoint(
        dirpath=run_dir / CHECKPOINT_DIR,
        filename="step{step:06d}",
        auto_insert_metric_name=False,
        every_n_train_steps=checkpoint_every_n_steps,
        save_top_k=0,
        save_last=True,
        save_on_train_epoch_end=False,
    )
    return L.Trainer(
        max_steps=max_steps,
        val_check_interval=val_every_n_steps,
        check_val_every_n_epoch=None,
        log_every_n_steps=log_every_n_steps,
        num_sanity_val_steps=0,
        default_root_dir=str(run_dir),
        logger=loggers,
        callbacks=[checkpoint, TQDMProgressBar(refresh_rate=1), *(callbacks or [])],
        plugins=[AtomicCheckpointIO()],
        use_distributed_sampler=False,
        enable_model_summary=False,
        **hardware,
    )


def last_checkpoint(run_dir: Path) -> Path | None:
    """The Lightning checkpoint an interrupted run resumes from, if any."""
    path = run_dir / CHECKPOINT_DIR / "last.ckpt"
    return path if path.is_file() else None
