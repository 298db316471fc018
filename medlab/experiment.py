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
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from omegaconf import DictConfig, OmegaConf

from medlab.atomic_files import atomic_write_json
from medlab.checkpointing import is_rank_zero
from medlab.decontam.sources import preflight_report
from medlab.errors import ConfigError
from medlab.evaluation.gate import final_checkpoint, gate_phase, raise_if_not_promoted
from medlab.phase_eval import (
    eval_config_of,
    evaluate_baselines_and_report,
    evaluate_phase,
    resolved_for_eval,
)
from medlab.phases import phase_configs
from medlab.preflight import plan_experiment
from medlab.rank_zero_work import attempt_id, run_on_rank_zero
from medlab.stage_registry import stage_kind
from medlab.stages.kind import PhaseRun, StageKind

__all__ = ["config_hash", "phase_configs", "run_experiment"]

log = logging.getLogger(__name__)


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


@dataclass
class _Chain:
    """What each finished phase started from and wrote: where the next phase starts."""

    outputs: dict[str, str] = field(default_factory=dict)
    inputs: dict[str, str | None] = field(default_factory=dict)
    previous: str | None = None

    def start_of(self, name: str, init_from: str | None) -> tuple[str | None, str | None]:
        """(checkpoint phase `name` starts from, the checkpoint that one started from).
        `init_from`: None (the previous phase), an earlier phase, or "base" (the model)."""
        if init_from is not None and init_from != "base" and init_from not in self.outputs:
            raise ConfigError(
                f"phases.{name}.init_from: {init_from!r} is not an earlier phase "
                f"({', '.join(self.outputs) or 'none yet'}) or 'base'."
            )
        if init_from is None:
            start = self.previous
        else:
            start = None if init_from == "base" else self.outputs[init_from]
        if init_from not in (None, "base"):
            return start, self.inputs.get(init_from)
        return start, list(self.inputs.values())[-1] if self.inputs else None

    def record(self, name: str, input_checkpoint: str | None, output: str) -> None:
        self.inputs[name] = input_checkpoint
        self.outputs[name] = self.previous = output


def _phase_kind(name: str, phase_cfg: DictConfig) -> StageKind:
    kind = stage_kind(phase_cfg.stage.get("name"))
    if kind.alone:
        raise ConfigError(
            f"phases.{name}: stage {kind.name!r} is a run of its own, not a phase; run it alone "
            f"(+experiment={kind.name})."
        )
    return kind


def _run_phase(phase: PhaseRun) -> tuple[dict[str, Any], dict[str, Any], str | None]:
    """Run one phase of the chain, then evaluate its export; (results, manifest entry, the
    checkpoint it started from)."""
    log.info("=== phase %s -> %s", phase.name, phase.stage_dir)
    digest = config_hash(phase.cfg)
    _check_not_stale(phase.stage_dir, digest)
    outcome = phase.kind.run(phase)
    results = outcome.results
    if "config_hash" not in results:
        results["config_hash"] = digest
        if is_rank_zero():
            atomic_write_json(phase.stage_dir / "results.json", results)
    evaluation = run_on_rank_zero(
        phase.stage_dir / ".eval_rank0.json",
        partial(
            evaluate_phase,
            phase.cfg,
            phase.name,
            results["hf_checkpoint"],
            phase.stage_dir,
            phase.run_dir,
        ),
        f"evaluation of phase {phase.name}",
    )
    if evaluation is not None:
        results["eval"] = evaluation
    entry = {
        "stage": phase.name,
        "type": phase.kind.name,
        "input_checkpoint": outcome.input_checkpoint
        or f"random init ({phase.cfg.model.get('name')})",
        "output_checkpoint": results["hf_checkpoint"],
        "config_hash": digest,
        "final_metrics": results.get("val_after"),
        "degraded": results.get("degraded"),  # held-out metric got clearly worse
        "wall_time_s": results.get("wall_time_s"),
        "eval": evaluation,
    }
    return results, entry, outcome.input_checkpoint


def _before_first_phase(cfg: DictConfig, run_dir: Path, overrides: list[str] | None) -> Any:
    """Check every phase, write the decontamination report, fix the attempt id; the gate."""
    for plan in plan_experiment(cfg, overrides):  # every phase checked before the first trains
        log.info("plan: %s", plan.line())
    if is_rank_zero():  # training vs evaluation overlap, when the run evaluates (medlab.decontam)
        preflight_report(cfg, run_dir, overrides)
    attempt_id()  # fixed before the first fit starts the other ranks, so they share it
    return eval_config_of(resolved_for_eval(cfg)).gate  # a bad eval.gate stops before training


def _write_manifest(cfg: DictConfig, run_dir: Path, manifest: list[dict[str, Any]]) -> None:
    if is_rank_zero():
        atomic_write_json(
            run_dir / "manifest.json",
            {
                "experiment": cfg.get("experiment_name"),
                "stages": manifest,
                "final_checkpoint": final_checkpoint(manifest),  # last promoted phase
            },
        )


def run_experiment(
    cfg: DictConfig, run_dir: Path, overrides: list[str] | None = None
) -> dict[str, Any]:
    """Run every phase in order into `run_dir`; returns {phase name: results}.

    A phase may set `init_from: <earlier phase>` to start from that phase's checkpoint instead of
    the previous one, or `init_from: base` to start from the configured model (a new chain).
    `run_dir/manifest.json` lists every finished stage (input / output checkpoint, config hash,
    final metrics, wall time) and is rewritten atomically after each one. `overrides` are the
    command line's (default: Hydra's, inside the app); see `medlab.phases`. A kind that runs
    alone (evaluate, report) is the whole run.
    """
    run_dir = Path(run_dir)
    kind = stage_kind(cfg.stage.get("name"))
    if kind.alone:
        return {kind.name: kind.run(PhaseRun(kind.name, cfg, kind, run_dir)).results}
    gate = _before_first_phase(cfg, run_dir, overrides)
    phases = cfg.get("phases") or {}
    chain = _Chain()
    manifest: list[dict[str, Any]] = []
    all_results: dict[str, Any] = {}
    for name, phase_cfg in phase_configs(cfg, overrides):
        init_from = (phases.get(name) or {}).get("init_from") if phases else None
        start, start_input = chain.start_of(name, init_from)
        phase = PhaseRun(name, phase_cfg, _phase_kind(name, phase_cfg), run_dir, start, start_input)
        all_results[name], entry, input_checkpoint = _run_phase(phase)
        chain.record(name, input_checkpoint, all_results[name]["hf_checkpoint"])
        manifest.append(entry)
        gate_phase(gate, manifest, run_dir)  # manifest[-1]["gate"]: promoted or not
        _write_manifest(cfg, run_dir, manifest)
    if not is_rank_zero():
        return all_results
    atomic_write_json(run_dir / "summary.json", all_results)
    card = evaluate_baselines_and_report(cfg, run_dir)
    if card is not None:
        log.info("model card: %s", card)
    raise_if_not_promoted(gate, manifest)  # eval.gate.strict: exit status 2
    return all_results
