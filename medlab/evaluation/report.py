"""Comparison tables of a finished run, built from its stored result files (no model is loaded).

`build_report(run_dir, baselines)` reads `<run_dir>/manifest.json`, each phase's `results.json`
and `<phase>/eval/{harness,policy,persona}.json` (the contract in `medlab.evaluation`), plus
baseline eval directories, and returns a `RunReport` whose `tables` reproduce the seed cards:

  training    per phase: type, steps, held-out headline metric before -> after, wall time
  policy      med-advisor card: Overall, Safety, Helpfulness, Medical Accuracy (1-5, 4 decimals),
              Boundary Violation, Mode Incorrect (%, 2 decimals), items scored, judge errors
  baselines   baselines + the last evaluated phase: Overall, Boundary Violation, Mode Incorrect
  persona     med-advisor card: Overall, Depth, ..., Multi-turn
  rules       judge-free rule checks: dose leak %, emergency escalation %
  benchmarks  AFM card: MMLU, MMLU-Pro, IFEval, MedMCQA, ... in % (lm-eval fractions x 100)
  mmlu        AFM card: per-subject MMLU rows grouped other / stem / groups

Rows (and benchmark columns) follow the pipeline order of the manifest, then the baselines.
Nothing is invented: a null metric prints "n/a", a model without the file is left out, and a
table no model has data for is kept as `omitted` with the reason, which the card prints.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from medlab.errors import ConfigError, DataError

Baselines = Mapping[str, str | Path]
"""{row name: eval dir, phase dir or run dir} of reference models."""
EVAL_PARTS = ("harness", "policy", "persona")
NA = "n/a"

POLICY_METRICS = ("overall", "safety", "helpfulness", "medical_accuracy")
POLICY_RATES = ("boundary_violation_pct", "mode_incorrect_pct")
PERSONA_METRICS = ("overall", "depth", "audience", "warmth", "structure", "hedging", "verbosity",
                   "evidence", "multi_turn")  # fmt: skip
LABELS = {
    "medical_accuracy": "Medical Accuracy",
    "multi_turn": "Multi-turn",
    "boundary_violation_pct": "Boundary Violation",
    "mode_incorrect_pct": "Mode Incorrect",
}
# (lm-eval task, row label), in the AFM card's order first; other tasks follow by name.
BENCHMARKS = (
    ("mmlu", "MMLU"),
    ("leaderboard_mmlu_pro", "MMLU-Pro"),
    ("mmlu_pro", "MMLU-Pro"),
    ("leaderboard_ifeval", "IFEval"),
    ("ifeval", "IFEval"),
    ("medmcqa", "MedMCQA"),
    ("medqa_4options", "MedQA (4 options)"),
    ("pubmedqa", "PubMedQA"),
    ("medlab_medmcqa_local", "MedMCQA (local sample)"),
)
# The AFM card's per-subject rows (+ the two other medical subjects of conf/eval), by section.
MMLU_SECTIONS = {
    "other": ("clinical_knowledge", "college_medicine", "professional_medicine", "virology",
              "medical_genetics", "nutrition"),
    "stem": ("anatomy", "college_biology", "college_chemistry", "high_school_biology",
             "high_school_chemistry"),
    "groups": ("humanities", "other", "social_sciences", "stem"),
}  # fmt: skip
TASK_METRICS = {
    "leaderboard_ifeval": ("prompt_level_strict_acc", "inst_level_strict_acc"),
    "ifeval": ("prompt_level_strict_acc", "inst_level_strict_acc"),
}
DEFAULT_TASK_METRICS = ("acc", "exact_match", "acc_norm")
RULES = (("dose_leak", "n_should_refuse"), ("emergency_escalation", "n_emergency"))
# Held-out metric shown per stage type, first one present wins (medlab.run.HEADLINE_METRIC first).
TRAINING_HEADLINE = {
    "sft": ("val/loss",),
    "dpo": ("val/rewards/accuracies", "val/loss"),
    "grpo": ("val/rewards/mcq_correctness/mean", "val/reward_mean"),
}


def fmt_score(value: float | None, digits: int = 4) -> str:
    """A 1-5 judge score: `4.5449`; null -> `n/a`."""
    return NA if value is None else f"{value:.{digits}f}"


def fmt_pct(value: float | None) -> str:
    """A percentage already in 0-100: `3.85%`; null -> `n/a`."""
    return NA if value is None else f"{value:.2f}%"


def fmt_bench(value: float | None) -> str:
    """An lm-eval fraction in 0-1 as the AFM card's percent: 0.614 -> `61.40`."""
    return NA if value is None else f"{100 * value:.2f}"


@dataclass
class Table:
    """One report table: formatted cells for Markdown and the raw values behind them."""

    key: str
    title: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    data: list[dict[str, Any]] = field(default_factory=list)
    """One dict per row with the unformatted values (None for null), for tables.json / plots."""
    notes: list[str] = field(default_factory=list)
    omitted: str | None = None
    """Why the table has no rows (missing eval files...); the card prints this instead."""

    def to_markdown(self) -> str:
        if self.omitted:
            return f"_{self.title}: omitted, {self.omitted}._"
        lines = ["| " + " | ".join(self.columns) + " |", "|" + "---|" * len(self.columns)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines + [""] + [f"{note}  " for note in self.notes]).rstrip()

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "key"}


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


def _scored(part: dict[str, Any]) -> dict[str, Any]:
    return {k: part.get(k) for k in ("n_items", "n_scored", "judge_errors", "partial")}


def _scored_cells(part: dict[str, Any]) -> list[str]:
    n_items, n_scored, errors = part.get("n_items"), part.get("n_scored"), part.get("judge_errors")
    scored = NA if n_items is None else f"{NA if n_scored is None else n_scored}/{n_items}"
    return [scored, NA if errors is None else str(errors)]


PARTIAL_NOTE = "(partial): a suite `limit` was used; the numbers cover only the first items."


def label_of(metric: str) -> str:
    """Column label of a metric key: `medical_accuracy` -> `Medical Accuracy`."""
    return LABELS.get(metric, metric.replace("_", " ").title())


def _suite_table(
    models: list[EvalResults], part: str, title: str, scores: tuple, rates: tuple = ()
) -> Table:
    table = Table(part, title, ["Model"] + [label_of(k) for k in scores + rates])
    table.columns += ["Scored", "Judge errors"]
    for model in models:
        data = getattr(model, part)
        if data is None:
            continue
        metrics = data.get("metrics") or {}
        cells = [fmt_score(metrics.get(k)) for k in scores]
        cells += [fmt_pct(metrics.get(k)) for k in rates]
        table.rows.append([model.label(part)] + cells + _scored_cells(data))
        raw = {k: metrics.get(k) for k in scores + rates}
        table.data.append({"model": model.name, "kind": model.kind, **raw, **_scored(data)})
    if not table.rows:
        table.omitted = f"no evaluated model has eval/{part}.json"
    elif any(row["partial"] for row in table.data):
        table.notes.append(PARTIAL_NOTE)
    if table.data and all(row["n_scored"] == 0 for row in table.data):
        table.notes.append(
            "The judge scored no item (judge backend none, or every call failed): scores are n/a."
        )
    return table


def policy_table(models: list[EvalResults]) -> Table:
    """The med-advisor card's frozen policy regression table, one row per evaluated model."""
    return _suite_table(models, "policy", "Frozen policy regression", POLICY_METRICS, POLICY_RATES)


def persona_table(models: list[EvalResults]) -> Table:
    """The med-advisor card's persona regression table."""
    return _suite_table(models, "persona", "Persona regression", PERSONA_METRICS)


def baselines_table(models: list[EvalResults]) -> Table:
    """Baselines, then the last evaluated phase: Overall (2 decimals, as in the card) and rates."""
    table = Table(
        "baselines",
        "External baselines",
        ["Model", "Overall", "Boundary Violation", "Mode Incorrect"],
    )
    phases = [m for m in models if m.kind == "phase" and m.policy is not None]
    rows = [m for m in models if m.kind == "baseline"]
    if not rows:
        table.omitted = "no baselines given (--baseline NAME=PATH)"
        return table
    for model in rows + phases[-1:]:
        if model.policy is None:
            table.notes.append(f"{model.name}: no policy.json, left out.")
            continue
        metrics = model.policy.get("metrics") or {}
        table.rows.append(
            [model.label("policy"), fmt_score(metrics.get("overall"), 2)]
            + [fmt_pct(metrics.get(k)) for k in POLICY_RATES]
        )
        raw = {k: metrics.get(k) for k in ("overall",) + POLICY_RATES}
        table.data.append({"model": model.name, "kind": model.kind, **raw})
    if not table.rows:
        table.omitted = "no baseline has eval/policy.json"
    return table


def rules_table(models: list[EvalResults]) -> Table:
    """Judge-free rule checks of the policy suite: dose leak % and emergency escalation %."""
    table = Table("rules", "Rule checks (no judge)", ["Model", "Dose leak", "Emergency escalation"])
    for model in models:
        rules = (model.policy or {}).get("rules")
        if rules is None:
            continue
        cells = [model.label("policy")]
        for name, total in RULES:
            count, n = rules.get(f"{name}_count"), rules.get(total)
            counts = "" if count is None or n is None else f" ({count}/{n})"
            cells.append(fmt_pct(rules.get(f"{name}_pct")) + counts)
        table.rows.append(cells)
        table.data.append({"model": model.name, "kind": model.kind, **rules})
    if not table.rows:
        table.omitted = "no evaluated model has rule-check results in eval/policy.json"
    else:
        table.notes.append(
            "Dose leak: share of should-refuse answers that still contain dosing content (lower is "
            "better). Emergency escalation: share of emergency items told to get urgent care "
            "(higher is better)."
        )
    return table


def task_score(task: str, metrics: dict[str, Any]) -> tuple[str, float] | None:
    """(metric, value) of a task's results: keys `acc` / `acc,none` (no filter) are preferred
    over filtered ones (`exact_match/strict-match`, `exact_match,strict-match`); stderr ignored."""
    values: dict[str, float] = {}
    for key, value in metrics.items():
        name, _, filt = str(key).replace("/", ",").partition(",")  # raw lm-eval or harness.json
        if (
            name.endswith("_stderr")
            or isinstance(value, bool)
            or not isinstance(value, int | float)
        ):
            continue
        if name not in values or filt in ("", "none"):
            values[name] = float(value)
    for metric in TASK_METRICS.get(task, DEFAULT_TASK_METRICS):
        if metric in values:
            return metric, values[metric]
    return None


def _harness_columns(models: list[EvalResults]) -> list[EvalResults]:
    return [m for m in models if m.harness is not None]


def _benchmark_row(
    table: Table, label: str, task: str, columns: list[EvalResults], **extra: Any
) -> None:
    scores = [
        task_score(task, (m.harness or {}).get("results", {}).get(task) or {}) for m in columns
    ]
    if all(s is None for s in scores):
        return
    metric = next(s[0] for s in scores if s is not None)
    table.rows.append([label] + [fmt_bench(s[1] if s else None) for s in scores])
    values = {m.name: (s[1] if s else None) for m, s in zip(columns, scores, strict=True)}
    table.data.append({"benchmark": label, "task": task, "metric": metric, **extra, **values})


def _limit_notes(table: Table, columns: list[EvalResults]) -> None:
    limits = {m.name: ((m.harness or {}).get("settings") or {}).get("limit") for m in columns}
    limited = [f"{name} (limit {limit})" for name, limit in limits.items() if limit is not None]
    if limited:
        table.notes.append(
            PARTIAL_NOTE.replace("a suite", "an lm-eval")
            + " Not comparable to published numbers: "
            + ", ".join(limited)
            + "."
        )


def benchmark_table(models: list[EvalResults]) -> Table:
    """The AFM card's benchmark table: one row per task present, one column per model, in %."""
    columns = _harness_columns(models)
    table = Table(
        "benchmarks",
        "Benchmarks (lm-evaluation-harness)",
        ["Benchmark"] + [m.label("harness") for m in columns],
    )
    if not columns:
        table.omitted = "no evaluated model has eval/harness.json"
        return table
    tasks = {t for m in columns for t in (m.harness or {}).get("results", {})}
    known = {task for task, _ in BENCHMARKS}
    for task, label in BENCHMARKS:
        if task in tasks:
            _benchmark_row(table, label, task, columns)
    for task in sorted(tasks - known):
        if not task.startswith("mmlu_"):
            _benchmark_row(table, task, task, columns)
    if not table.rows:
        table.omitted = "harness.json holds no numeric task results"
        return table
    metrics = sorted({f"{row['task']}: {row['metric']}" for row in table.data})
    table.notes.append("Scores in % (lm-eval metric x 100): " + "; ".join(metrics) + ".")
    _limit_notes(table, columns)
    return table


def mmlu_subject_table(models: list[EvalResults]) -> Table:
    """The AFM card's per-subject MMLU table (other / stem / groups), rows present only."""
    columns = _harness_columns(models)
    table = Table("mmlu", "MMLU by subject", ["mmlu"] + [m.label("harness") for m in columns])
    for section, subjects in MMLU_SECTIONS.items():
        start = len(table.rows)
        for subject in subjects:
            _benchmark_row(
                table,
                subject.replace("_", " ") if section == "groups" else subject,
                f"mmlu_{subject}",
                columns,
                section=section,
            )
        if len(table.rows) > start:
            table.rows.insert(start, [f"**{section}**"] + [""] * len(columns))
    if not table.rows:
        table.omitted = "no MMLU subject or group results in eval/harness.json"
    else:
        _limit_notes(table, columns)
    return table


def headline_metric(stage_type: str, metrics: dict[str, Any]) -> str | None:
    """The held-out metric a stage of `stage_type` is judged by, if `metrics` has it."""
    for key in TRAINING_HEADLINE.get(stage_type, ("val/loss",)):
        if metrics.get(key) is not None:
            return key
    return None


def _num(value: Any, digits: int = 3) -> str:
    return NA if value is None else f"{value:.{digits}f}"


def training_table(stages: list[dict[str, Any]], results: dict[str, dict[str, Any]]) -> Table:
    """Per phase: type, steps, held-out headline metric before -> after, wall time."""
    table = Table(
        "training",
        "Training procedure",
        ["Phase", "Type", "Steps", "Held-out metric", "Before -> after", "Wall time"],
    )
    for stage in stages:
        name, kind = str(stage["stage"]), str(stage.get("type"))
        if kind in ("evaluate", "report"):
            continue
        res = results.get(name, {})
        before = res.get("val_before") or {}
        after = res.get("val_after") or stage.get("final_metrics") or {}
        metric = headline_metric(kind, after)
        row = {"phase": name, "type": kind, "steps": res.get("steps"), "metric": metric,
               "before": before.get(metric) if metric else None,
               "after": after.get(metric) if metric else None,
               "wall_time_s": stage.get("wall_time_s", res.get("wall_time_s"))}  # fmt: skip
        table.data.append(row)
        label = f"merge ({res['method']})" if kind == "merge" and res.get("method") else kind
        change = "-" if metric is None else f"{_num(row['before'])} -> {_num(row['after'])}"
        wall = "-" if row["wall_time_s"] is None else f"{row['wall_time_s']:.1f} s"
        table.rows.append([name, label, str(row["steps"] or "-"), metric or "-", change, wall])
    if not table.rows:
        table.omitted = "manifest.json lists no training stage"
    return table


def build_report(run_dir: str | Path, baselines: Baselines | None = None) -> RunReport:
    """Load the run (and baselines) and build every table, in card order."""
    report = load_run(run_dir, baselines)
    models = report.models
    tables = [
        training_table(report.stages, report.results),
        policy_table(models),
        baselines_table(models),
        persona_table(models),
        rules_table(models),
        benchmark_table(models),
        mmlu_subject_table(models),
    ]
    report.tables = {table.key: table for table in tables}
    return report
