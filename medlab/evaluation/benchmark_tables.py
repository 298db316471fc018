"""The AFM card's lm-evaluation-harness tables of a run report: `benchmark_table` (one row per
task, in the card's order, scores in %) and `mmlu_subject_table` (per-subject MMLU rows grouped
other / stem / groups), one column per model with `eval/harness.json`.
"""

from __future__ import annotations

from typing import Any

from medlab.evaluation.run_results import EvalResults
from medlab.evaluation.table_format import PARTIAL_NOTE, Table, fmt_bench

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
