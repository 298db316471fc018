"""Run an experiment: one stage, or a list of phases chained through their HF checkpoints.

``phases`` maps a phase name to ``{overrides: {...}}``, in run order; the overrides are merged
over the composed config, and every phase after the first starts from the previous phase's
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
from medlab.stages.sft_stage import run_sft_stage

log = logging.getLogger(__name__)

STAGE_RUNNERS = {"sft": run_sft_stage}


def _run_stage(cfg: DictConfig, stage_dir: Path) -> dict[str, Any]:
    name = cfg.stage.get("name")
    if name not in STAGE_RUNNERS:
        raise ConfigError(
            f"stage.name: unknown stage {name!r}; available: {', '.join(STAGE_RUNNERS)}."
        )
    return STAGE_RUNNERS[name](cfg, stage_dir)


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
        overrides = phase.get("overrides") if phase is not None else None
        resolved = OmegaConf.to_container(overrides, resolve=True) if overrides else {}
        merged = OmegaConf.merge(base, resolved)
        assert isinstance(merged, DictConfig)
        merged.stage_label = str(name)
        out.append((str(name), merged))
    return out


def run_experiment(cfg: DictConfig, run_dir: Path) -> dict[str, Any]:
    """Run every phase in order into `run_dir`; returns {phase name: results}."""
    run_dir = Path(run_dir)
    all_results: dict[str, Any] = {}
    previous_checkpoint: str | None = None
    for name, phase_cfg in phase_configs(cfg):
        if previous_checkpoint is not None:
            phase_cfg.model.path = previous_checkpoint
            phase_cfg.model.tokenizer_path = None
            phase_cfg.model.revision = None
        log.info("=== phase %s -> %s", name, run_dir / name)
        results = _run_stage(phase_cfg, run_dir / name)
        all_results[name] = results
        previous_checkpoint = results["hf_checkpoint"]
    atomic_write_json(run_dir / "summary.json", all_results)
    return all_results
