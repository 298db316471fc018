"""Run an experiment: one stage, or a list of phases chained through their HF checkpoints.

``phases`` maps a phase name to ``{stage: ..., data: ..., model: ..., overrides: {...}}``, in
run order. ``stage`` / ``data`` / ``model`` replace that whole node (so a phase can be another
stage type, e.g. ``stage: ${phase_stage.sft}``); ``overrides`` are then merged over the result, and every phase after the first starts from the previous phase's
``hf_checkpoint``. Override one phase from the command line with
``phases.phase2_persona.overrides.stage.max_steps=10``. Each phase writes
into ``<run_dir>/<name>``; a single-stage experiment writes into ``<run_dir>/<stage.name>``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from omegaconf import DictConfig, OmegaConf

from medlab.checkpointing import atomic_write_json
from medlab.errors import ConfigError
from medlab.stages.runner import STAGE_BUILDERS, run_stage

log = logging.getLogger(__name__)


def _run_merge(
    cfg: DictConfig, stage_dir: Path, started_from: str | None, previous_output: str | None
) -> dict[str, Any]:
    """A merge phase; base / other default to the previous stage's input / output."""
    from medlab.config import from_dict
    from medlab.merge.runner import MergeConfig, run_merge_stage

    container = OmegaConf.to_container(cfg.get("merge") or {}, resolve=True)
    merge_cfg = from_dict(MergeConfig, container, "merge")
    if merge_cfg.base is None:
        merge_cfg.base = started_from
    if merge_cfg.other is None:
        merge_cfg.other = previous_output
    return run_merge_stage(merge_cfg, stage_dir)


def _run_stage(cfg: DictConfig, stage_dir: Path) -> dict[str, Any]:
    name = cfg.stage.get("name")
    if name not in STAGE_BUILDERS:
        raise ConfigError(
            f"stage.name: unknown stage {name!r}; available: {', '.join(STAGE_BUILDERS)}."
        )
    return run_stage(cfg, stage_dir)


def phase_configs(cfg: DictConfig) -> list[tuple[str, DictConfig]]:
    """(name, config) per phase, without chaining (model.path of later phases set at run time)."""
    phases = cfg.get("phases") or {}
    if not phases:
        return [(str(cfg.stage.name), cfg)]
    if not isinstance(phases, DictConfig):
        raise ConfigError("phases: must be a mapping {phase_name: {overrides: {...}}}.")
    out = []
    base = OmegaConf.masked_copy(cfg, [str(k) for k in cfg if k not in ("phases", "phase_data")])
    for name, phase in phases.items():
        phase = phase if phase is not None else OmegaConf.create({})
        merged = OmegaConf.merge(base, {})
        assert isinstance(merged, DictConfig)
        for group in ("stage", "data", "model"):  # whole-node replacement, e.g. another stage type
            if phase.get(group) is not None:
                setattr(merged, group, OmegaConf.to_container(phase[group], resolve=True))
        overrides = phase.get("overrides")
        if overrides:
            merged = OmegaConf.merge(merged, OmegaConf.to_container(overrides, resolve=True))
        assert isinstance(merged, DictConfig)
        merged.stage_label = str(name)
        out.append((str(name), merged))
    return out


def run_experiment(cfg: DictConfig, run_dir: Path) -> dict[str, Any]:
    """Run every phase in order into `run_dir`; returns {phase name: results}."""
    run_dir = Path(run_dir)
    all_results: dict[str, Any] = {}
    previous_checkpoint: str | None = None
    previous_input: str | None = None
    for name, phase_cfg in phase_configs(cfg):
        log.info("=== phase %s -> %s", name, run_dir / name)
        if phase_cfg.stage.get("name") == "merge":
            results = _run_merge(phase_cfg, run_dir / name, previous_input, previous_checkpoint)
            all_results[name] = results
            previous_checkpoint = results["hf_checkpoint"]
            continue
        if previous_checkpoint is not None:
            phase_cfg.model.path = previous_checkpoint
            phase_cfg.model.tokenizer_path = None
            phase_cfg.model.revision = None
        previous_input = phase_cfg.model.get("path")
        results = _run_stage(phase_cfg, run_dir / name)
        all_results[name] = results
        previous_checkpoint = results["hf_checkpoint"]
    atomic_write_json(run_dir / "summary.json", all_results)
    return all_results
