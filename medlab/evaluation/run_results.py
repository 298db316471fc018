"""The stored results of a finished run, read back for its report (no model is loaded).

`load_run(run_dir, baselines)` reads `<run_dir>/manifest.json`, each phase's `results.json` and
`<phase>/eval/{harness,policy,persona}.json` (the contract in `medlab.evaluation`), plus the
baselines' eval directories (`resolve_eval_dir` accepts an eval, phase or run directory), into a
`RunReport` whose `tables` `medlab.evaluation.report_tables.build_report` fills.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medlab.errors import ConfigError, DataError
from medlab.evaluation.table_format import Table

Baselines = Mapping[str, str | Path]
"""{row name: eval dir, phase dir or run dir} of reference models."""
EVAL_PARTS = ("harness", "policy", "persona")


@dataclass
class EvalResults:
    """The stored evaluation of one model: a pipeline phase or a baseline."""

    name: str
    kind: str
    """"phase" or "baseline"."""
    eval_dir: Path | None
    harness: dict[str, Any] | None = None
    policy: dict[str, Any] | None = None
    persona: dict[str, Any] | None = None

    def label(self, part: str) -> str:
        """Row label: the name, with ` (partial)` when that part ran with a limit."""
        data = getattr(self, part) or {}
        partial = data.get("partial") or (data.get("settings") or {}).get("limit") is not None
        return f"{self.name} (partial)" if partial else self.name


@dataclass
class RunReport:
    run_dir: Path
    experiment: str | None
    stages: list[dict[str, Any]]
    """manifest.json's `stages` entries, in run order."""
    results: dict[str, dict[str, Any]]
    """{phase: its results.json} (phases without one are absent)."""
    models: list[EvalResults]
    """Evaluated phases in run order, then the baselines."""
    tables: dict[str, Table] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_dir": str(self.run_dir),
            "experiment": self.experiment,
            "tables": {key: table.to_dict() for key, table in self.tables.items()},
        }


def read_json(path: Path) -> dict[str, Any] | None:
    """The JSON object in `path`, None when the file does not exist."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise DataError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg}). Re-run the step "
            "that writes it, or delete it."
        ) from None
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a JSON object, got {type(data).__name__}.")
    return data


def load_eval_dir(name: str, kind: str, eval_dir: Path | None) -> EvalResults:
    """Whatever of harness / policy / persona .json `eval_dir` holds (None: nothing)."""
    found = EvalResults(name, kind, eval_dir)
    if eval_dir is not None:
        for part in EVAL_PARTS:
            setattr(found, part, read_json(eval_dir / f"{part}.json"))
    return found


def resolve_eval_dir(name: str, path: str | Path) -> Path:
    """A baseline's eval directory from an eval dir, a phase dir or a run dir (its last phase)."""
    path = Path(path).expanduser()
    if any((path / f"{part}.json").is_file() for part in EVAL_PARTS):
        return path
    if (path / "eval").is_dir():
        return resolve_eval_dir(name, path / "eval")
    manifest = read_json(path / "manifest.json")
    if manifest and manifest.get("stages"):
        return resolve_eval_dir(name, path / str(manifest["stages"][-1]["stage"]))
    raise ConfigError(
        f"baseline {name}: {path} holds no evaluation results (harness.json, policy.json or "
        "persona.json). Pass an eval directory (<run>/<phase>/eval), a phase directory or a "
        "run directory: --baseline NAME=PATH."
    )


def load_run(run_dir: str | Path, baselines: Baselines | None = None) -> RunReport:
    """The run's manifest, per-phase results and eval files, and the baselines' eval files."""
    run_dir = Path(run_dir).expanduser()
    manifest = read_json(run_dir / "manifest.json")
    if manifest is None:
        raise ConfigError(
            f"{run_dir}: not a medlab run directory (no manifest.json). Pass the directory a "
            "pipeline wrote (hydra.run.dir), e.g. logs/tiny_pipeline/runs/DATE."
        )
    stages = list(manifest.get("stages") or [])
    results: dict[str, dict[str, Any]] = {}
    models = []
    for stage in stages:
        name = str(stage["stage"])
        phase_results = read_json(run_dir / name / "results.json")
        if phase_results is not None:
            results[name] = phase_results
        eval_dir = run_dir / name / "eval"
        models.append(load_eval_dir(name, "phase", eval_dir if eval_dir.is_dir() else None))
    for name, path in (baselines or {}).items():
        models.append(load_eval_dir(name, "baseline", resolve_eval_dir(name, path)))
    return RunReport(run_dir, manifest.get("experiment"), stages, results, models)
