"""Evaluation inside a run: each finished phase's checkpoint, the baselines, the model card.

`evaluate_phase` evaluates a phase's export into `<phase>/eval` when `eval.enabled` (and the
phase is in `eval.phases`), logging the metrics to W&B / CSV; `evaluate_baselines_and_report`
evaluates `eval.baselines` once each and writes `<run_dir>/report/MODEL_CARD.md`. What an
evaluation runs and writes: `medlab.evaluation`.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from omegaconf import DictConfig, OmegaConf

from medlab.checkpointing import is_rank_zero
from medlab.config import EvalConfig, ModelConfig, from_dict, parse_eval_config
from medlab.config.logger import parse_logger_config
from medlab.config.resolve import resolved_container
from medlab.evaluation.aggregate import headline_metrics
from medlab.evaluation.card import write_model_card
from medlab.evaluation.checkpoint_eval import evaluate_checkpoint
from medlab.evaluation.suite_tables import log_suite_tables
from medlab.logging_setup import build_loggers, finish_loggers

log = logging.getLogger(__name__)


def eval_config_of(container: dict[str, Any]) -> EvalConfig:
    """The phase's typed `eval` config (disabled when the node is absent)."""
    return parse_eval_config(container.get("eval"))


def model_config_at(container: dict[str, Any], path: str | None) -> ModelConfig:
    """The phase's typed model config pointing at `path` (None keeps the configured model)."""
    model_cfg = from_dict(ModelConfig, container.get("model"), "model")
    if path is None:
        return model_cfg
    return replace(model_cfg, path=path, tokenizer_path=None, revision=None)


def resolved_for_eval(cfg: DictConfig) -> dict[str, Any]:
    """The config an evaluation needs, resolved. A data node whose files are unset (???) is left
    out: a merge phase and a pipeline's top level inherit one they never read."""
    skip = {"phases", "phase_data", "phase_stage", "phase_model"}
    if "data" in cfg and OmegaConf.is_missing(cfg.data, "train_files"):
        skip.add("data")
    return resolved_container(OmegaConf.masked_copy(cfg, [str(k) for k in cfg if k not in skip]))


def evaluate_phase(
    cfg: DictConfig, name: str, checkpoint: str, stage_dir: Path, run_dir: Path
) -> dict[str, Any] | None:
    """Evaluate a finished phase's checkpoint into `<stage_dir>/eval` when `eval.enabled`."""
    container = resolved_for_eval(cfg)
    eval_cfg = eval_config_of(container)
    if not eval_cfg.enabled or (eval_cfg.phases is not None and name not in eval_cfg.phases):
        return None
    log.info("=== evaluating %s -> %s", name, stage_dir / "eval")
    summary = evaluate_checkpoint(
        model_config_at(container, checkpoint),
        eval_cfg,
        stage_dir / "eval",
        run_dir / "judge_cache",
    )
    metrics = headline_metrics(summary)
    log_eval_metrics(container, f"{name}-eval", stage_dir / "eval", metrics)
    return metrics


def log_eval_metrics(container: dict[str, Any], label: str, eval_dir: Path, metrics: dict) -> None:
    """Evaluation metrics to W&B (a run per evaluated checkpoint, job_type `<phase>-eval`, in the
    experiment's group, with the suites' completions tables) and to
    `<eval dir>/csv/metrics.csv`; once per evaluation."""
    numeric = {k: float(v) for k, v in metrics.items() if isinstance(v, (int, float))}
    if not numeric or not is_rank_zero() or (eval_dir / "csv" / "metrics.csv").is_file():
        return
    loggers = build_loggers(
        parse_logger_config(container.get("logger")),
        eval_dir,
        experiment=str(container.get("experiment_name", "default")),
        stage=label,
        config=container,
        resume_step=None,
    )
    for logger in loggers:
        logger.log_metrics(numeric, step=0)
        logger.save()
    log_suite_tables(loggers, eval_dir)
    finish_loggers(loggers, failed=False)


def evaluate_baselines_and_report(cfg: DictConfig, run_dir: Path) -> Path | None:
    """Evaluate `eval.baselines` once each and write `<run_dir>/report/MODEL_CARD.md`."""
    container = resolved_for_eval(cfg)
    eval_cfg = eval_config_of(container)
    if not eval_cfg.enabled:
        return None
    baselines: dict[str, Path] = {}
    for row, source in eval_cfg.baselines.items():
        out = run_dir / "baselines" / row / "eval"
        log.info("=== evaluating baseline %s (%s) -> %s", row, source, out)
        evaluate_checkpoint(
            model_config_at(container, source), eval_cfg, out, run_dir / "judge_cache"
        )
        baselines[row] = out
    return write_model_card(run_dir, run_dir / "report", baselines=baselines or None)
