"""Run an experiment: one stage, or a list of phases chained through their HF checkpoints.

How a phase's config is made from ``phases`` and the command line: `medlab.phases`. Before the
first phase trains, every phase is checked (`medlab.preflight`: configs, every data row, the
epoch guard), so a mistake in the last phase stops the run before the first spends GPU hours;
then, when the run evaluates, the overlap of every training set with every evaluation set is
written to ``<run_dir>/decontamination.json`` (`medlab.decontam`).
Every phase after the first starts from the previous phase's ``hf_checkpoint``. Each phase writes
into ``<run_dir>/<name>``; a single-stage experiment writes into ``<run_dir>/<stage.name>``.
Under several ranks, evaluation and merging run on rank 0 while the others wait on the file
system, outside any collective (`medlab.rank_zero_work`), so no process-group timeout applies.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import partial
from pathlib import Path
from typing import Any

from omegaconf import DictConfig, OmegaConf

from medlab.checkpointing import atomic_write_json, is_rank_zero
from medlab.decontam.sources import preflight_report
from medlab.errors import ConfigError
from medlab.evaluation.gate import final_checkpoint, gate_phase, raise_if_not_promoted
from medlab.phases import phase_configs
from medlab.preflight import plan_experiment
from medlab.rank_zero_work import attempt_id, run_on_rank_zero
from medlab.stages.runner import STAGE_BUILDERS, run_stage

__all__ = ["config_hash", "phase_configs", "run_experiment"]

log = logging.getLogger(__name__)


def _run_merge(
    cfg: DictConfig, stage_dir: Path, started_from: str | None, previous_output: str | None
) -> dict[str, Any]:
    """A merge phase; base / other default to the previous stage's input / output."""
    from medlab.checkpointing import is_complete
    from medlab.config import MergeConfig, from_dict
    from medlab.merge.runner import run_merge_stage

    if is_complete(stage_dir / "hf_checkpoint") and (stage_dir / "results.json").is_file():
        log.info("merge already complete, skipping: %s", stage_dir)
        return dict(json.loads((stage_dir / "results.json").read_text()))
    container = OmegaConf.to_container(cfg.get("merge") or {}, resolve=True)
    merge_cfg = from_dict(MergeConfig, container, "merge")
    if merge_cfg.base is None:
        merge_cfg.base = started_from
    if merge_cfg.other is None:
        merge_cfg.other = previous_output
    return run_merge_stage(merge_cfg, stage_dir)


def _eval_config(container: dict[str, Any]) -> Any:
    """The phase's typed `eval` config (disabled when the node is absent)."""
    from medlab.config.evaluation import parse_eval_config

    return parse_eval_config(container.get("eval"))


def _model_config(container: dict[str, Any], path: str | None) -> Any:
    """The phase's typed model config pointing at `path` (None keeps the configured model)."""
    from dataclasses import replace

    from medlab.config import ModelConfig, from_dict

    model_cfg = from_dict(ModelConfig, container.get("model"), "model")
    if path is None:
        return model_cfg
    return replace(model_cfg, path=path, tokenizer_path=None, revision=None)


def _resolved_for_eval(cfg: DictConfig) -> dict[str, Any]:
    """The config an evaluation needs, resolved. A data node whose files are unset (???) is left
    out: a merge phase and a pipeline's top level inherit one they never read."""
    from medlab.stages.runner import resolved_container

    skip = {"phases", "phase_data", "phase_stage", "phase_model"}
    if "data" in cfg and OmegaConf.is_missing(cfg.data, "train_files"):
        skip.add("data")
    return resolved_container(OmegaConf.masked_copy(cfg, [str(k) for k in cfg if k not in skip]))


def _evaluate_phase(
    cfg: DictConfig, name: str, checkpoint: str, stage_dir: Path, run_dir: Path
) -> dict[str, Any] | None:
    """Evaluate a finished phase's checkpoint into `<stage_dir>/eval` when `eval.enabled`."""
    from medlab.evaluation.runner import evaluate_checkpoint, headline_metrics

    container = _resolved_for_eval(cfg)
    eval_cfg = _eval_config(container)
    if not eval_cfg.enabled or (eval_cfg.phases is not None and name not in eval_cfg.phases):
        return None
    log.info("=== evaluating %s -> %s", name, stage_dir / "eval")
    summary = evaluate_checkpoint(
        _model_config(container, checkpoint), eval_cfg, stage_dir / "eval", run_dir / "judge_cache"
    )
    metrics = headline_metrics(summary)
    _log_eval_metrics(container, f"{name}-eval", stage_dir / "eval", metrics)
    return metrics


def _log_eval_metrics(container: dict[str, Any], label: str, eval_dir: Path, metrics: dict) -> None:
    """Evaluation metrics to W&B (a run per evaluated checkpoint, job_type `<phase>-eval`, in the
    experiment's group, with the suites' completions tables) and to
    `<eval dir>/csv/metrics.csv`; once per evaluation."""
    from medlab.checkpointing import is_rank_zero
    from medlab.evaluation.suite_tables import log_suite_tables
    from medlab.logging_setup import build_loggers, finish_loggers

    numeric = {k: float(v) for k, v in metrics.items() if isinstance(v, (int, float))}
    if not numeric or not is_rank_zero() or (eval_dir / "csv" / "metrics.csv").is_file():
        return
    loggers = build_loggers(
        container.get("logger") or {},
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


def _evaluate_baselines_and_report(cfg: DictConfig, run_dir: Path) -> Path | None:
    """Evaluate `eval.baselines` once each and write `<run_dir>/report/MODEL_CARD.md`."""
    from medlab.evaluation.card import write_model_card
    from medlab.evaluation.runner import evaluate_checkpoint

    container = _resolved_for_eval(cfg)
    eval_cfg = _eval_config(container)
    if not eval_cfg.enabled:
        return None
    baselines: dict[str, Path] = {}
    for row, source in eval_cfg.baselines.items():
        out = run_dir / "baselines" / row / "eval"
        log.info("=== evaluating baseline %s (%s) -> %s", row, source, out)
        evaluate_checkpoint(
            _model_config(container, source), eval_cfg, out, run_dir / "judge_cache"
        )
        baselines[row] = out
    return write_model_card(run_dir, run_dir / "report", baselines=baselines or None)


def _run_evaluate_only(cfg: DictConfig, run_dir: Path) -> dict[str, Any]:
    """`+experiment=evaluate`: evaluate `model.path` (no training) and write the report."""
    from medlab.evaluation.runner import evaluate_checkpoint, headline_metrics
    from medlab.stages.runner import resolved_container

    container = resolved_container(cfg)
    eval_cfg = _eval_config(container)
    if not eval_cfg.enabled:
        raise ConfigError("eval: evaluation is disabled (eval=none); pick one, e.g. eval=tiny.")
    model_cfg = _model_config(container, None)
    stage_dir = run_dir / "evaluate"
    summary = evaluate_checkpoint(model_cfg, eval_cfg, stage_dir / "eval", run_dir / "judge_cache")
    checkpoint = model_cfg.path or f"random init ({model_cfg.name})"
    metrics = headline_metrics(summary)
    results: dict[str, Any] = {"stage": "evaluate", "hf_checkpoint": checkpoint, "eval": metrics}
    _log_eval_metrics(container, "evaluate", stage_dir / "eval", metrics)
    atomic_write_json(stage_dir / "results.json", results)
    atomic_write_json(
        run_dir / "manifest.json",
        {
            "experiment": cfg.get("experiment_name"),
            "stages": [
                {
                    "stage": "evaluate",
                    "type": "evaluate",
                    "input_checkpoint": checkpoint,
                    "output_checkpoint": checkpoint,
                    "eval": results["eval"],
                }
            ],
        },
    )
    card = _evaluate_baselines_and_report(cfg, run_dir)
    results["model_card"] = str(card) if card else None
    return {"evaluate": results}


def _run_report_only(cfg: DictConfig) -> dict[str, Any]:
    """`+experiment=report report.run_dir=DIR`: rebuild the card of a finished run."""
    from medlab.evaluation.card import write_model_card

    report = cfg.get("report") or {}
    source = report.get("run_dir")
    if not source or not (Path(source) / "manifest.json").is_file():
        raise ConfigError(
            f"report.run_dir: {source!r} is not a medlab run directory (no manifest.json). "
            "Pass the directory a pipeline wrote, e.g. report.run_dir=logs/tiny_pipeline/runs/DATE."
        )
    out_dir = Path(report.get("out_dir") or Path(source) / "report")
    baselines = {str(k): Path(str(v)) for k, v in (report.get("baselines") or {}).items()}
    card = write_model_card(Path(source), out_dir, baselines=baselines or None)
    return {"report": {"stage": "report", "hf_checkpoint": None, "model_card": str(card)}}


def _run_stage(cfg: DictConfig, stage_dir: Path) -> dict[str, Any]:
    name = cfg.stage.get("name")
    if name not in STAGE_BUILDERS:
        raise ConfigError(
            f"stage.name: unknown stage {name!r}; available: {', '.join(STAGE_BUILDERS)}."
        )
    return run_stage(cfg, stage_dir)


def config_hash(cfg: DictConfig) -> str:
    """sha256 of the resolved phase config (what decides the stage's result)."""
    container = OmegaConf.to_container(cfg, resolve=True)
    blob = json.dumps(container, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def _check_not_stale(stage_dir: Path, digest: str) -> None:
    """A completed stage is reused only if it was made by the same config."""
    results = stage_dir / "results.json"
    if not results.is_file():
        return
    previous = json.loads(results.read_text()).get("config_hash")
    if previous is not None and previous != digest:
        raise ConfigError(
            f"{stage_dir} already holds a completed stage made with a different config (hash "
            f"{previous} vs {digest}). Use a new hydra.run.dir, or delete {stage_dir} to redo it."
        )


def run_experiment(
    cfg: DictConfig, run_dir: Path, overrides: list[str] | None = None
) -> dict[str, Any]:
    """Run every phase in order into `run_dir`; returns {phase name: results}.

    A phase may set `init_from: <earlier phase>` to start from that phase's checkpoint instead of
    the previous one, or `init_from: base` to start from the configured model (a new chain).
    `run_dir/manifest.json` lists every finished stage (input / output checkpoint, config hash,
    final metrics, wall time) and is rewritten atomically after each one. `overrides` are the
    command line's (default: Hydra's, inside the app); see `medlab.phases`.
    """
    run_dir = Path(run_dir)
    mode = cfg.stage.get("name")
    if mode == "evaluate":
        return _run_evaluate_only(cfg, run_dir)
    if mode == "report":
        return _run_report_only(cfg)
    all_results: dict[str, Any] = {}
    manifest: list[dict[str, Any]] = []
    outputs: dict[str, str] = {}
    inputs: dict[str, str | None] = {}
    previous: str | None = None
    for plan in plan_experiment(cfg, overrides):  # every phase checked before the first trains
        log.info("plan: %s", plan.line())
    if is_rank_zero():  # training vs evaluation overlap, when the run evaluates (medlab.decontam)
        preflight_report(cfg, run_dir, overrides)
    attempt_id()  # fixed before the first fit starts the other ranks, so they share it
    gate = _eval_config(_resolved_for_eval(cfg)).gate  # a bad eval.gate stops before training
    phases = cfg.get("phases") or {}
    for name, phase_cfg in phase_configs(cfg, overrides):
        init_from = (phases.get(name) or {}).get("init_from") if phases else None
        if init_from == "base":
            start = None
        elif init_from is not None:
            if init_from not in outputs:
                raise ConfigError(
                    f"phases.{name}.init_from: {init_from!r} is not an earlier phase "
                    f"({', '.join(outputs) or 'none yet'}) or 'base'."
                )
            start = outputs[init_from]
        else:
            start = previous
        log.info("=== phase %s -> %s", name, run_dir / name)
        digest = config_hash(phase_cfg)
        _check_not_stale(run_dir / name, digest)
        if phase_cfg.stage.get("name") == "merge":
            if init_from not in (None, "base"):
                before = inputs.get(init_from)
            else:
                before = list(inputs.values())[-1] if inputs else None
            merged = run_on_rank_zero(  # the other ranks wait, then read rank 0's results
                run_dir / name / ".merge_rank0.json",
                partial(_run_merge, phase_cfg, run_dir / name, before, start),
                f"merge phase {name}",
            )
            results = merged or json.loads((run_dir / name / "results.json").read_text())
            input_checkpoint: str | None = start
        else:
            if start is not None:
                phase_cfg.model.path = start
                phase_cfg.model.tokenizer_path = None
                phase_cfg.model.revision = None
            input_checkpoint = phase_cfg.model.get("path")
            results = _run_stage(phase_cfg, run_dir / name)
        if "config_hash" not in results:
            results["config_hash"] = digest
            if is_rank_zero():
                atomic_write_json(run_dir / name / "results.json", results)
        inputs[name] = input_checkpoint
        outputs[name] = previous = results["hf_checkpoint"]
        evaluation = run_on_rank_zero(
            run_dir / name / ".eval_rank0.json",
            partial(
                _evaluate_phase, phase_cfg, name, results["hf_checkpoint"], run_dir / name, run_dir
            ),
            f"evaluation of phase {name}",
        )
        if evaluation is not None:
            results["eval"] = evaluation
        all_results[name] = results
        manifest.append(
            {
                "stage": name,
                "type": str(phase_cfg.stage.get("name")),
                "input_checkpoint": input_checkpoint
                or f"random init ({phase_cfg.model.get('name')})",
                "output_checkpoint": results["hf_checkpoint"],
                "config_hash": digest,
                "final_metrics": results.get("val_after"),
                "degraded": results.get("degraded"),  # held-out metric got clearly worse
                "wall_time_s": results.get("wall_time_s"),
                "eval": evaluation,
            }
        )
        gate_phase(gate, manifest, run_dir)  # manifest[-1]["gate"]: promoted or not
        if is_rank_zero():
            atomic_write_json(
                run_dir / "manifest.json",
                {
                    "experiment": cfg.get("experiment_name"),
                    "stages": manifest,
                    "final_checkpoint": final_checkpoint(manifest),  # last promoted phase
                },
            )
    if not is_rank_zero():
        return all_results
    atomic_write_json(run_dir / "summary.json", all_results)
    card = _evaluate_baselines_and_report(cfg, run_dir)
    if card is not None:
        log.info("model card: %s", card)
    raise_if_not_promoted(gate, manifest)  # eval.gate.strict: exit status 2
    return all_results
