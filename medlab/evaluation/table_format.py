"""One report table (`Table`: Markdown cells and the raw values behind them) and the cell
formats the seed cards use: judge scores with 4 decimals, rates in %, lm-eval fractions x 100,
"n/a" for a null metric. Shared by `report_tables`, `benchmark_tables`, the card and the plots.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

NA = "n/a"

LABELS = {
    "medical_accuracy": "Medical Accuracy",
    "multi_turn": "Multi-turn",
    "boundary_violation_pct": "Boundary Violation",
    "mode_incorrect_pct": "Mode Incorrect",
}
PARTIAL_NOTE = "(partial): a suite `limit` was used; the numbers cover only the first items."


def fmt_score(value: float | None, digits: int = 4) -> str:
    """A 1-5 judge score: `4.5449`; null -> `n/a`."""
    return NA if value is None else f"{value:.{digits}f}"


def fmt_pct(value: float | None) -> str:
    """A percentage already in 0-100: `3.85%`; null -> `n/a`."""
    return NA if value is None else f"{value:.2f}%"


def fmt_bench(value: float | None) -> str:
    """An lm-eval fraction in 0-1 as the AFM card's percent: 0.614 -> `61.40`."""
    return NA if value is None else f"{100 * value:.2f}"


def label_of(metric: str) -> str:
    """Column label of a metric key: `medical_accuracy` -> `Medical Accuracy`."""
    return LABELS.get(metric, metric.replace("_", " ").title())


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
