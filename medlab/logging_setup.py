"""Loggers: Weights & Biases (offline unless `logger.wandb.mode=online`) and CSV in the run dir.

W&B runs are grouped by experiment name (by `logger.wandb.group` if set: `medlab.run` sets it
to the sweep name in a multirun) with the stage as job_type and get the resolved
config with secret-looking values removed. The CSV logger appends on resume (Lightning's
default writer deletes the old file), dropping rows past the step the run resumes from.
"""

from __future__ import annotations

import csv
import os
import re
import uuid
from pathlib import Path
from typing import Any

from lightning.pytorch.loggers import CSVLogger, Logger, WandbLogger
from lightning.pytorch.loggers.csv_logs import ExperimentWriter
from lightning.pytorch.loggers.logger import rank_zero_experiment

from medlab.atomic_files import atomic_write_text
from medlab.checkpointing import is_rank_zero
from medlab.config.logger import LoggerConfig

SECRET_KEY = re.compile(r"(api[_-]?key|token|secret|password|passwd|credential)", re.IGNORECASE)
REDACTED = "<redacted>"


def redact_secrets(value: Any) -> Any:
    """Copy of a nested config with values under secret-looking keys replaced."""
    if isinstance(value, dict):
        return {
            k: (
                REDACTED if SECRET_KEY.search(str(k)) and v not in (None, "") else redact_secrets(v)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [redact_secrets(v) for v in value]
    return value


class _AppendingWriter(ExperimentWriter):
    def _check_log_dir_exists(self) -> None:  # keep the previous attempt's rows
        if os.path.isfile(self.metrics_file_path):
            with open(self.metrics_file_path, newline="") as handle:
                self.metrics_keys = list(csv.DictReader(handle).fieldnames or [])


class AppendingCSVLogger(CSVLogger):
    """CSVLogger whose metrics.csv survives a resume."""

    @property
    @rank_zero_experiment  # other DDP ranks get a dummy: one metrics.csv, written by rank 0
    def experiment(self) -> Any:
        if self._experiment is None:
            os.makedirs(self.root_dir, exist_ok=True)
            self._experiment = _AppendingWriter(log_dir=self.log_dir)
        return self._experiment


def truncate_metrics(path: Path, resume_step: int) -> None:
    """Drop rows of steps the resumed run will redo (logged by an attempt that died before its
    next checkpoint). Lightning logs optimizer step k (1-based) under step k - 1."""
    if not path.is_file():
        return
    with path.open(newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = [r for r in reader if not r.get("step") or int(float(r["step"])) < resume_step]
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def build_loggers(
    logger_cfg: LoggerConfig,
    run_dir: Path,
    experiment: str,
    stage: str,
    config: dict[str, Any],
    resume_step: int | None,
) -> list[Logger]:
    """CSV (always, `run_dir/csv/metrics.csv`) plus W&B when `logger.wandb.enabled`."""
    csv_logger = AppendingCSVLogger(save_dir=str(run_dir), name="csv", version="")
    if resume_step is not None and is_rank_zero():
        truncate_metrics(Path(csv_logger.log_dir) / "metrics.csv", resume_step)
    loggers: list[Logger] = [csv_logger]
    wandb_cfg = logger_cfg.wandb
    if wandb_cfg.enabled:
        id_file = run_dir / "wandb_run_id"
        resuming = id_file.is_file()
        if resuming:
            run_id = id_file.read_text().strip()
        else:
            run_id = uuid.uuid4().hex[:12]
            if is_rank_zero():  # only rank 0 starts a W&B run
                atomic_write_text(id_file, run_id)
        wandb_logger = WandbLogger(
            project=wandb_cfg.project,
            entity=wandb_cfg.entity,
            name=f"{experiment}/{stage}",
            group=wandb_cfg.group or experiment,
            job_type=stage,
            tags=list(wandb_cfg.tags or []),
            save_dir=str(run_dir),
            mode=wandb_cfg.mode,
            id=run_id,
            resume="allow" if resuming else None,
            config=redact_secrets(config),
        )
        # Lightning passes anonymous=None, which wandb answers with a deprecation warning
        wandb_logger._wandb_init.pop("anonymous", None)
        loggers.append(wandb_logger)
    return loggers


def finish_loggers(loggers: list[Logger], failed: bool) -> None:
    """Close W&B runs so each stage / phase is its own run and its data is flushed."""
    for logger in loggers:
        if isinstance(logger, WandbLogger) and logger._experiment is not None:
            logger.experiment.finish(exit_code=1 if failed else 0)
