"""The two kinds that make a whole run on their own: `evaluate` and `report`.

    python -m medlab.run +experiment=evaluate model.path=DIR eval=tiny   # evaluate a checkpoint
    python -m medlab.run +experiment=report report.run_dir=RUN_DIR      # rebuild a run's card

`evaluate_alone` evaluates `model` (no training), writes a one-stage manifest and the model card;
`report_alone` rebuilds the model card of a finished run from its stored files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from medlab.atomic_files import atomic_write_json
from medlab.config.resolve import resolved_container
from medlab.errors import ConfigError
from medlab.evaluation.aggregate import headline_metrics
from medlab.evaluation.card import write_model_card
from medlab.evaluation.checkpoint_eval import evaluate_checkpoint
from medlab.phase_eval import (
    eval_config_of,
    evaluate_baselines_and_report,
    log_eval_metrics,
    model_config_at,
)
from medlab.stages.kind import PhaseOutcome, PhaseRun


def evaluate_alone(run: PhaseRun) -> PhaseOutcome:
    """`+experiment=evaluate`: evaluate `model.path` (no training) and write the report."""
    container = resolved_container(run.cfg)
    eval_cfg = eval_config_of(container)
    if not eval_cfg.enabled:
        raise ConfigError("eval: evaluation is disabled (eval=none); pick one, e.g. eval=tiny.")
    model_cfg = model_config_at(container, None)
    stage_dir = run.stage_dir
    summary = evaluate_checkpoint(
        model_cfg, eval_cfg, stage_dir / "eval", run.run_dir / "judge_cache"
    )
    checkpoint = model_cfg.path or f"random init ({model_cfg.name})"
    metrics = headline_metrics(summary)
    results: dict[str, Any] = {"stage": "evaluate", "hf_checkpoint": checkpoint, "eval": metrics}
    log_eval_metrics(container, "evaluate", stage_dir / "eval", metrics)
    atomic_write_json(stage_dir / "results.json", results)
    entry = {
        "stage": "evaluate",
        "type": "evaluate",
        "input_checkpoint": checkpoint,
        "output_checkpoint": checkpoint,
        "eval": results["eval"],
    }
    atomic_write_json(
        run.run_dir / "manifest.json",
        {"experiment": run.cfg.get("experiment_name"), "stages": [entry]},
    )
    card = evaluate_baselines_and_report(run.cfg, run.run_dir)
    results["model_card"] = str(card) if card else None
    return PhaseOutcome(results, checkpoint)


def report_alone(run: PhaseRun) -> PhaseOutcome:
    """`+experiment=report report.run_dir=DIR`: rebuild the card of a finished run."""
    report = run.cfg.get("report") or {}
    source = report.get("run_dir")
    if not source or not (Path(source) / "manifest.json").is_file():
        raise ConfigError(
            f"report.run_dir: {source!r} is not a medlab run directory (no manifest.json). "
            "Pass the directory a pipeline wrote, e.g. report.run_dir=logs/tiny_pipeline/runs/DATE."
        )
    out_dir = Path(report.get("out_dir") or Path(source) / "report")
    baselines = {str(k): Path(str(v)) for k, v in (report.get("baselines") or {}).items()}
    card = write_model_card(Path(source), out_dir, baselines=baselines or None)
    return PhaseOutcome({"stage": "report", "hf_checkpoint": None, "model_card": str(card)}, None)
