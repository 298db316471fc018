"""PNG figures for a run report: training curves, per-category policy bars, benchmark bars.

Figures are built on matplotlib's object API with the Agg canvas (no pyplot, no global backend
state, so it is safe in tests, notebooks and headless jobs); the `*_figure` functions return a
`Figure` (a notebook can `display()` it) or None when there is nothing to draw, and
`write_plots(report, out_dir)` saves every available figure atomically (rendered into a temp
file, then `os.replace`). A missing value is drawn as an empty slot labelled "n/a", never as 0;
a zero is a visible line on the axis with its value; percentage axes start at 0.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from medlab.atomic_files import atomic_file
from medlab.evaluation.report_tables import POLICY_RATES
from medlab.evaluation.run_results import RunReport
from medlab.evaluation.table_format import Table, label_of

Series = dict[str, list[float | None]]
DPI = 110
PANEL_TITLES = {
    "dose_leak_pct": "dose leak (lower is better)",
    "emergency_escalation_pct": "emergency escalation (higher is better)",
}
"""Panel titles of metrics whose key reads badly as a title ("Dose Leak Pct")."""


def read_metrics_csv(path: Path) -> dict[str, list[tuple[float, float]]]:
    """{column: [(step, value), ...]} from a Lightning CSV log (blank cells skipped)."""
    curves: dict[str, list[tuple[float, float]]] = {}
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                step = float(row.get("step") or "nan")
            except ValueError:
                continue
            for key, cell in row.items():
                if key in ("step", "epoch") or not cell:
                    continue
                try:
                    value = float(cell)
                except ValueError:
                    continue
                if not (math.isnan(step) or math.isnan(value)):
                    curves.setdefault(key, []).append((step, value))
    return curves


def _new_figure(panels: int, width: float = 5.0, height: float = 3.6) -> Figure:
    fig = Figure(figsize=(width * panels, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _curve_keys(curves: dict[str, list[tuple[float, float]]], kind: str | None) -> list[list[str]]:
    """Keys drawn on each panel: GRPO = reward per function (+ total) over steps, since its
    loss is about 0 by design; other stages = train/loss."""
    if kind == "grpo":
        rewards = sorted(k for k in curves if k.startswith("rewards/") and k.endswith("/mean"))
        return [rewards + [k for k in ("rollout/reward_mean",) if k in curves]]
    return [["train/loss"]] if curves.get("train/loss") else []


def training_curves_figure(
    metrics_csv: Path, phase: str, headline: str | None, kind: str | None = None
) -> Figure | None:
    """The training signal (`_curve_keys`) and the held-out headline metric against the step,
    one panel each; a legend (outside the plot) when a panel has several curves."""
    if not metrics_csv.is_file():
        return None
    curves = read_metrics_csv(metrics_csv)
    panels = [keys for keys in _curve_keys(curves, kind) if keys]
    if headline and curves.get(headline):
        panels.append([headline])
    if not panels:
        return None
    fig = _new_figure(len(panels), width=6.0 if kind == "grpo" else 5.0)
    for ax, keys in zip(fig.subplots(1, len(panels), squeeze=False)[0], panels, strict=True):
        for n, key in enumerate(keys):
            steps, values = zip(*sorted(curves[key]), strict=True)
            label = key.removeprefix("rewards/").removesuffix("/mean")
            style = {"marker": "os^Dv"[n % 5] if len(steps) < 20 else None, "ms": 7 - n}
            ax.plot(
                steps,
                values,
                ls="--" if "rollout/" in key else "-",
                label=label,
                clip_on=False,
                **style,
            )
        if kind == "grpo":  # rewards: an axis from 0 (overlapping curves keep their markers)
            peak = max(v for key in keys for _, v in curves[key])
            if min(v for key in keys for _, v in curves[key]) >= 0:
                ax.set_ylim(0, max(1.0, 1.15 * peak))
        title = "reward per function" if len(keys) > 1 else keys[0]
        ax.set_title(f"{phase}: {title}")
        ax.set_xlabel("step")
        ax.grid(alpha=0.3)
        if len(keys) > 1:
            ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    return fig


def _percent_top(values: list[float], label_room: float = 8.0) -> float:
    """Upper y limit of a percentage axis (which starts at 0): 100 once a value passes 50
    (more when the largest value's label, `label_room` units tall, would not fit), else room
    above the largest value, at least 10 (all-zero bars on a 0-10 axis)."""
    peak = max(values, default=0.0)
    return max(100.0, peak + label_room) if peak > 50 else max(10.0, 1.3 * peak)


def grouped_bars(ax: Any, groups: list[str], series: Series, ylabel: str) -> None:
    """One cluster per group, one bar per series, each labelled with its value (written
    upwards past 3 bars a cluster, so neighbours do not overlap); a zero bar is drawn as a
    thick line on the axis, a None value leaves an empty slot labelled "n/a".
    A percentage axis ("%" in `ylabel`) starts at 0; the legend sits outside the bars."""
    percent = "%" in ylabel
    width = 0.8 / max(1, len(series))
    turn = 90 if len(series) > 3 else 0  # side by side, labels of narrow bars would overlap
    for i, (name, values) in enumerate(series.items()):
        xs = [g + (i - (len(series) - 1) / 2) * width for g in range(len(groups))]
        heights = [0.0 if v is None else v for v in values]
        bars = ax.bar(xs, heights, width, label=name)
        color = bars.patches[0].get_facecolor() if bars.patches else None
        for x, bar, value in zip(xs, bars, values, strict=True):
            if value == 0:  # visible: a bar of height 0 draws nothing
                ax.hlines(0, x - width / 2, x + width / 2, colors=[color], linewidth=4)
            text = "n/a" if value is None else f"{value:.1f}%" if percent else f"{value:.2f}"
            ax.annotate(text, (x, bar.get_height()), ha="center", va="bottom", fontsize=7,
                        xytext=(0, 3), textcoords="offset points", rotation=turn)  # fmt: skip
    if percent:
        known = [v for values in series.values() for v in values if v is not None]
        ax.set_ylim(0, _percent_top(known, label_room=22.0 if turn else 8.0))
    ax.set_xticks(range(len(groups)), groups, rotation=20, ha="right")
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)


def table_bars_figure(table: Table, fields: tuple[str, ...], ylabel: str) -> Figure | None:
    """Bars of `fields` (one panel each) for every row (model) of a policy / rules table."""
    if table.omitted or not table.data:
        return None
    if all(row.get(f) is None for row in table.data for f in fields):
        return None
    fig = _new_figure(len(fields))
    for ax, field in zip(fig.subplots(1, len(fields), squeeze=False)[0], fields, strict=True):
        grouped_bars(ax, [""], {str(row["model"]): [row.get(field)] for row in table.data}, ylabel)
        ax.set_title(PANEL_TITLES.get(field, label_of(field)))
        ax.set_xticks([])
    fig.suptitle(table.title)
    return fig


def category_bars_figure(report: RunReport) -> Figure | None:
    """Boundary violation % and mode incorrect % per policy category, one bar per model."""
    per_model = {
        m.name: (m.policy or {}).get("per_category") or {}
        for m in report.models
        if (m.policy or {}).get("per_category")
    }
    categories = list(dict.fromkeys(c for cats in per_model.values() for c in cats))
    values = [v.get(k) for cats in per_model.values() for v in cats.values() for k in POLICY_RATES]
    if not categories or all(v is None for v in values):
        return None
    fig = _new_figure(len(POLICY_RATES), width=max(5.0, 1.2 * len(categories)))
    for ax, rate in zip(fig.subplots(1, len(POLICY_RATES))[:], POLICY_RATES, strict=True):
        series = {
            name: [(cats.get(c) or {}).get(rate) for c in categories]
            for name, cats in per_model.items()
        }
        grouped_bars(ax, categories, series, "% of scored items")
        ax.set_title(f"{label_of(rate)} by policy category")
    return fig


def benchmark_bars_figure(table: Table) -> Figure | None:
    """One cluster per benchmark row, one bar per model column, scores in %."""
    if table.omitted or not table.data:
        return None
    models = [c.removesuffix(" (partial)") for c in table.columns[1:]]
    groups = [str(row["benchmark"]) for row in table.data]
    series: Series = {}
    for model in models:
        series[model] = [None if r.get(model) is None else 100 * r[model] for r in table.data]
    fig = _new_figure(1, width=max(5.0, 1.3 * len(groups)))
    ax = fig.subplots()
    grouped_bars(ax, groups, series, "score (%)")
    ax.set_title(table.title)
    return fig


def png_bytes(fig: Figure) -> bytes:
    """`fig` rendered as PNG (for `IPython.display.Image` in a notebook)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def save_png(fig: Figure, path: Path) -> Path:
    """Render `fig` as PNG into a temp file that replaces `path` only when complete."""
    with atomic_file(path) as handle:
        fig.savefig(handle, format="png", dpi=DPI)
    return path


def write_plots(report: RunReport, out_dir: Path) -> dict[str, Path]:
    """Every figure that has data, saved as `<out_dir>/<name>.png`; returns {name: path}."""
    figures: dict[str, Figure | None] = {}
    for row in report.tables["training"].data:
        csv_path = report.run_dir / row["phase"] / "csv" / "metrics.csv"
        figures[f"training_{row['phase']}"] = training_curves_figure(
            csv_path, row["phase"], row["metric"], row.get("type")
        )
    figures["policy_categories"] = category_bars_figure(report)
    figures["rules"] = table_bars_figure(
        report.tables["rules"], ("dose_leak_pct", "emergency_escalation_pct"), "% of items"
    )
    figures["benchmarks"] = benchmark_bars_figure(report.tables["benchmarks"])
    figures["mmlu"] = benchmark_bars_figure(report.tables["mmlu"])
    return {
        name: save_png(fig, Path(out_dir) / f"{name}.png")
        for name, fig in figures.items()
        if fig is not None
    }
