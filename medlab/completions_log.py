"""What the GRPO policy generated: a completions table every N steps and at each validation.

`CompletionsLog` is a Lightning callback. After a training batch whose optimizer steps cross a
multiple of `stage.log_completions_every_n_steps`, and after each validation pass, it takes the
rollout the module made last (`GRPOModule.last_rollout`: this rank's rows) and writes one table
of (step, split, prompt, completion, each reward, total reward, advantage):

- as a W&B Table (`completions/train`, `completions/val`) to every attached W&B logger,
- as rows appended to `completions.jsonl` in the stage directory (readable without W&B).

Rank 0 only (its own rows: a group never spans ranks). Sizes are bounded: at most `MAX_ROWS`
rows per table (whole groups first), prompt and completion cut to `MAX_CHARS` characters.
Unscorable rewards (NaN) are written as null, so every line is strict JSON.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import lightning as L
from lightning.pytorch.callbacks import Callback
from lightning.pytorch.loggers import WandbLogger

FILE_NAME = "completions.jsonl"
MAX_ROWS = 32
"""Rows per table (training: the first groups of the batch; validation: the first prompts)."""
MAX_CHARS = 2000
"""Prompt and completion text beyond this many characters is cut (with a marker)."""


def clip_text(text: str, limit: int = MAX_CHARS) -> str:
    """`text`, cut to `limit` characters with a marker saying how many were cut."""
    return text if len(text) <= limit else text[:limit] + f" [... {len(text) - limit} chars cut]"


def _number(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 6)


def completion_rows(
    rollout: Any, reward_names: list[str], tokenizer: Any, step: int, split: str, limit: int
) -> list[dict[str, Any]]:
    """The first `limit` rows of a rollout as JSON-ready dicts (prompt decoded without padding)."""
    n = min(limit, rollout.num_rows)
    prompt_ids = rollout.prompt_ids[:n].cpu()
    prompt_mask = rollout.prompt_mask[:n].cpu().bool()
    prompts = [
        tokenizer.decode(ids[mask].tolist(), skip_special_tokens=True)
        for ids, mask in zip(prompt_ids, prompt_mask, strict=True)
    ]
    rewards = rollout.rewards[:n].float().cpu()  # [n, K]
    totals = rollout.reward_total[:n].float().cpu()  # [n]
    advantages = rollout.advantages[:n].float().cpu()  # [n]
    return [
        {
            "step": step,
            "split": split,
            "prompt": clip_text(prompts[i]),
            "completion": clip_text(rollout.texts[i]),
            "rewards": {name: _number(float(rewards[i, k])) for k, name in enumerate(reward_names)},
            "reward": _number(float(totals[i])),
            "advantage": _number(float(advantages[i])),
        }
        for i in range(n)
    ]


def write_rows(
    rows: list[dict[str, Any]], path: Path, loggers: list[Any], reward_names: list[str]
) -> None:
    """Append `rows` to `path` and log them as one W&B Table per attached W&B logger."""
    if not rows:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        for row in rows:
            handle.write(json.dumps(row, allow_nan=False) + "\n")
    columns = ["step", "split", "prompt", "completion", *reward_names, "reward", "advantage"]
    data = [
        [
            row["step"],
            row["split"],
            row["prompt"],
            row["completion"],
            *(row["rewards"][name] for name in reward_names),
            row["reward"],
            row["advantage"],
        ]
        for row in rows
    ]
    for logger in loggers:
        if isinstance(logger, WandbLogger):
            key = f"completions/{rows[0]['split']}"
            logger.log_table(key=key, columns=columns, data=data, step=rows[0]["step"])


class CompletionsLog(Callback):
    """Completions tables of a `GRPOModule` (see the module docstring)."""

    def __init__(self, every_n_steps: int, stage_dir: Path, max_rows: int = MAX_ROWS) -> None:
        self.every = every_n_steps
        self.path = Path(stage_dir) / FILE_NAME
        self.max_rows = max_rows
        self._step_before = 0
        self._val_rows: list[dict[str, Any]] = []

    def _rows(self, trainer: L.Trainer, module: Any, split: str, limit: int) -> list[dict]:
        rollout = getattr(module, "last_rollout", None)
        if rollout is None or limit <= 0:
            return []
        return completion_rows(
            rollout, _names(module), module.tokenizer, trainer.global_step, split, limit
        )

    def on_train_batch_start(
        self, trainer: L.Trainer, pl_module: L.LightningModule, *args: Any, **kwargs: Any
    ) -> None:
        self._step_before = trainer.global_step

    def on_train_batch_end(
        self, trainer: L.Trainer, pl_module: L.LightningModule, *args: Any, **kwargs: Any
    ) -> None:
        # num_iterations > 1 advances several steps per batch: log when a multiple was crossed
        crossed = self.every and trainer.global_step // self.every > self._step_before // self.every
        if not crossed or not trainer.is_global_zero:
            return
        rows = self._rows(trainer, pl_module, "train", self.max_rows)
        write_rows(rows, self.path, trainer.loggers, _names(pl_module))

    def on_validation_epoch_start(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        self._val_rows = []

    def on_validation_batch_end(
        self, trainer: L.Trainer, pl_module: L.LightningModule, *args: Any, **kwargs: Any
    ) -> None:
        if self.every and trainer.is_global_zero and not trainer.sanity_checking:
            room = self.max_rows - len(self._val_rows)
            self._val_rows += self._rows(trainer, pl_module, "val", room)

    def on_validation_epoch_end(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        if self._val_rows:
            write_rows(self._val_rows, self.path, trainer.loggers, _names(pl_module))
        self._val_rows = []


def _names(module: Any) -> list[str]:
    return [spec.name for spec in module.reward_specs]


def read_completions(path: Path) -> list[dict[str, Any]]:
    """Every row of a completions.jsonl file (for reports, notebooks and tests)."""
    with Path(path).open() as handle:
        return [json.loads(line) for line in handle if line.strip()]
