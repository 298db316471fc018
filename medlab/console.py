"""What a stage prints: one progress bar, each log line once, known library noise off.

`StepProgressBar` is the one bar of a fit: ``<stage> 37/150 [02:11<06:40, loss=..., reward=...]``
= optimizer steps / stage.max_steps (a resumed run starts at its step), the loss, the stage's
headline metric (GRPO `reward`, DPO `acc`, SFT `val/loss` once validated) and tqdm's ETA; no
"Epoch 0", no "v_num"; validation inside a fit runs without a second bar.

`quiet_known_noise` silences, each at the place it comes from (nothing else is filtered):
- the "INFO: ..." copy of every Lightning line: `lightning/__init__.py` gives the `lightning`
  logger its own console handler, and its records also reach the root handler Hydra set up.
  When the root logger has a handler, Lightning's own handler is removed (one copy each).
- Lightning's "Tip: ... litlogger / litmodels" advertisements (a filter on the one logger
  that prints them, matching only those tips).
- torch's FutureWarning about `isinstance(treespec, LeafSpec)`, raised by Lightning's own
  `_pytree.py` on every fit and validate (not medlab's to fix; only that message).
W&B's "anonymous" warning is removed where the logger is built (`medlab.logging_setup`), the
`log_every_n_steps` warning where the trainer is (`medlab.stages.trainer`).
"""

from __future__ import annotations

import logging
import sys
import warnings
from typing import Any

import lightning as L
from lightning.pytorch.callbacks import TQDMProgressBar
from lightning.pytorch.callbacks.progress.tqdm_progress import Tqdm

HEADLINE = {"rewards/accuracies": "acc"}
"""Logged metrics (trainer.callback_metrics) shown on the bar under a short name, beside what
the modules log with prog_bar=True (loss, GRPO reward, val/loss, val/reward_mean)."""


class _DropTips(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("💡 Tip:")


_TIPS = _DropTips()


def quiet_known_noise() -> None:
    """Idempotent; call before a Trainer is built (after Hydra configured logging)."""
    root = logging.getLogger()
    if root.handlers:
        lightning_logger = logging.getLogger("lightning")
        for handler in list(lightning_logger.handlers):
            if type(handler) is logging.StreamHandler:  # lightning/__init__.py's "_console"
                lightning_logger.removeHandler(handler)
        for name in ("lightning.pytorch", "lightning.fabric"):
            child = logging.getLogger(name)  # imported before Hydra: own handler, no propagate
            for handler in list(child.handlers):
                if type(handler) is logging.StreamHandler:
                    child.removeHandler(handler)
                    child.propagate = True
    rank_zero = logging.getLogger("lightning.pytorch.utilities.rank_zero")
    if _TIPS not in rank_zero.filters:
        rank_zero.addFilter(_TIPS)
    warnings.filterwarnings(
        "ignore",
        message=r"`isinstance\(treespec, LeafSpec\)` is deprecated",
        category=FutureWarning,
    )


class StepProgressBar(TQDMProgressBar):
    """One bar per fit counting optimizer steps to max_steps (see the module docstring)."""

    def __init__(self, label: str = "train") -> None:
        super().__init__(refresh_rate=1, leave=False)
        self.label = label

    def init_train_tqdm(self) -> Tqdm:
        trainer = self.trainer
        return Tqdm(
            desc=self.label,
            total=trainer.max_steps,
            initial=trainer.global_step,  # resumed: the ETA counts the steps still to run
            position=2 * self.process_position,
            disable=self.is_disabled,
            leave=True,
            dynamic_ncols=True,
            file=sys.stdout,
            smoothing=0,
            bar_format=self.BAR_FORMAT,
        )

    def on_train_epoch_start(self, trainer: L.Trainer, *_: Any) -> None:
        pass  # one bar for the whole fit (Lightning resets it to "Epoch N" per epoch)

    def on_train_batch_end(
        self, trainer: L.Trainer, pl_module: L.LightningModule, *args: Any, **kwargs: Any
    ) -> None:
        bar = self.train_progress_bar
        if bar is not None and not bar.disable:
            bar.n = trainer.global_step  # GRPO with num_iterations > 1 moves several steps
            bar.set_postfix(self.get_metrics(trainer, pl_module))  # refreshes

    def on_validation_start(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        if trainer.state.fn == "fit":  # inside a fit: the train bar is the one bar
            self.val_progress_bar = Tqdm(disable=True)
        else:
            super().on_validation_start(trainer, pl_module)

    def get_metrics(self, trainer: L.Trainer, pl_module: L.LightningModule) -> dict[str, Any]:
        items = dict(super().get_metrics(trainer, pl_module))
        items.pop("v_num", None)
        for key, short in HEADLINE.items():
            value = trainer.callback_metrics.get(key)
            if value is not None:
                items[short] = f"{float(value):.3f}"
        return items
