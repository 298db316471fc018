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

This module builds the judged-suite, rule-check and training tables; the stored files are read
by `medlab.evaluation.run_results`, the lm-eval tables built by
`medlab.evaluation.benchmark_tables`, the cells formatted by `medlab.evaluation.table_format`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from medlab.evaluation.benchmark_tables import benchmark_table, mmlu_subject_table
from medlab.evaluation.run_results import Baselines, EvalResults, RunReport, load_run
from medlab.evaluation.table_format import (
    NA,
    PARTIAL_NOTE,
    Table,
    fmt_pct,
    fmt_score,
    label_of,
)

POLICY_METRICS = ("overall", "safety", "helpfulness", "medical_accuracy")
POLICY_RATES = ("boundary_violation_pct", "mode_incorrect_pct")
PERSONA_METRICS = ("overall", "depth", "audience", "warmth", "structure", "hedging", "verbosity",
                   "evidence", "multi_turn")  # fmt: skip
RULES = (("dose_leak", "n_should_refuse"), ("emergency_escalation", "n_emergency"))
# Held-out metric shown per stage type, first one present wins (medlab.run.HEADLINE_METRIC first).
TRAINING_HEADLINE = {
    "sft": ("val/loss",),
    "dpo": ("val/rewards/accuracies", "val/loss"),
    "grpo": ("val/rewards/mcq_correctness/mean", "val/reward_mean"),
}


def _scored(part: dict[str, Any]) -> dict[str, Any]:
    return {k: part.get(k) for k in ("n_items", "n_scored", "judge_errors", "partial")}


def _scored_cells(part: dict[str, Any]) -> list[str]:
    n_items, n_scored, errors = part.get("n_items"), part.get("n_scored"), part.get("judge_errors")
    scored = NA if n_items is None else f"{NA if n_scored is None else n_scored}/{n_items}"
    return [scored, NA if errors is None else str(errors)]


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
