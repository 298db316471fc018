"""Pieces every step-time benchmark shares: the tiny model, the bare loops' optimizer, a
per-step timer and a Trainer with nothing but that timer (`benchmarks.step_time`,
`benchmarks.grpo_step_time`, `benchmarks.rollout_generation`).
"""

from __future__ import annotations

import time
from typing import Any

import lightning as L
import torch
from lightning.pytorch.callbacks import Callback

from medlab.config import TinyModelConfig
from medlab.models.build import build_tiny_model
from medlab.models.tokenizer import load_tokenizer


def fresh_model() -> torch.nn.Module:
    return build_tiny_model(TinyModelConfig(), load_tokenizer(None))


def bare_optimizer(model: torch.nn.Module, lr: float) -> torch.optim.Optimizer:
    return torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.95))


class StepTimer(Callback):
    def __init__(self) -> None:
        self.times: list[float] = []
        self._start = 0.0

    def on_train_batch_start(self, *args: Any) -> None:
        self._start = time.perf_counter()

    def on_train_batch_end(self, *args: Any) -> None:
        self.times.append(time.perf_counter() - self._start)


def fit_timed(batches: list[Any], module: L.LightningModule, timer: StepTimer) -> None:
    """Drive `module` over `batches` with a bare Trainer (no logger, checkpoints or bar)."""
    loader: Any = torch.utils.data.DataLoader(batches, batch_size=None, shuffle=False)  # type: ignore[arg-type]
    trainer = L.Trainer(
        accelerator="cpu",
        devices=1,
        max_steps=len(batches),
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        num_sanity_val_steps=0,
        limit_val_batches=0,
        callbacks=[timer],
    )
    trainer.fit(module, train_dataloaders=loader)
