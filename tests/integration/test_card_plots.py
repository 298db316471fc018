"""Honest card figures and a shareable committed example.

Percentage axes start at 0 and zero bars stay visible with their value; the GRPO training panel
plots the reward of each function over steps (its loss is about 0 by design); legends sit
outside the bars; the committed tiny_pipeline example holds no path of the machine it ran on.
PNGs go to tests' tmp dirs (looked at while writing these tests).
"""

from __future__ import annotations

import re

from matplotlib.collections import LineCollection

from medlab.evaluation.card import table_markdown
from medlab.evaluation.plots import (
    _new_figure,
    grouped_bars,
    save_png,
    table_bars_figure,
    training_curves_figure,
)
from medlab.evaluation.table_format import Table
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "experiments" / "tiny_pipeline" / "run_example"
MACHINE_PATH = re.compile(r"(/tmp/|/work/|/home/|/Users/|/root/|/private/|[A-Za-z]:\\\\)")


def test_zero_percent_bars_are_visible_on_an_axis_from_zero(tmp_path):
    fig = _new_figure(1)
    ax = fig.subplots()
    grouped_bars(ax, ["dose leak"], {"a": [0.0], "b": [0.0], "c": [None]}, "% of items")
    save_png(fig, tmp_path / "zeros.png")
    assert ax.get_ylim() == (0.0, 10.0)  # not -0.04..0.04
    stubs = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(stubs) == 2  # one visible line per zero bar, none for the missing value
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["0.0%", "0.0%", "n/a"]
    renderer = fig.canvas.get_renderer()
    legend = ax.get_legend().get_window_extent(renderer)
    assert legend.x0 >= ax.get_window_extent(renderer).x1  # outside the bars


def test_percent_axis_reaches_100_once_a_value_passes_50():
    fig = _new_figure(1)
    ax = fig.subplots()
    grouped_bars(ax, ["MedMCQA"], {"a": [25.0], "b": [62.5]}, "score (%)")
    assert ax.get_ylim() == (0.0, 100.0)


def test_grpo_panel_plots_reward_per_function(tmp_path):
    csv_path = EXAMPLE / "afm_grpo" / "csv" / "metrics.csv"
    headline = "val/rewards/mcq_correctness/mean"
    fig = training_curves_figure(csv_path, "afm_grpo", headline, "grpo")
    assert fig is not None
    save_png(fig, tmp_path / "grpo.png")
    rewards, val = fig.axes
    labels = [line.get_label() for line in rewards.get_lines()]
    assert labels == ["mcq_correctness", "short_rationale", "think_format", "rollout/reward_mean"]
    assert all(len(line.get_xdata()) > 1 for line in rewards.get_lines())  # curves, not a dot
    assert "train/loss" not in rewards.get_title() + val.get_title()
    assert rewards.get_ylim()[0] == 0.0 and val.get_title().endswith(headline)
    sft = training_curves_figure(EXAMPLE / "afm_sft" / "csv" / "metrics.csv", "afm_sft", None)
    assert sft is not None and sft.axes[0].get_title() == "afm_sft: train/loss"


def test_value_labels_of_a_tight_cluster_do_not_overlap(tmp_path):
    fig = _new_figure(1)
    ax = fig.subplots()
    names = ["afm_sft", "afm_dpo", "afm_grpo", "afm_merge"] + [
        f"med_advisor_phase{i}" for i in (1, 2, 3)
    ]  # the example's models: long legend entries leave a narrow axes
    series = {name: [100.0 - 5 * i] for i, name in enumerate(names)}  # the tallest at 100%
    grouped_bars(ax, ["MedMCQA (local sample)"], series, "score (%)")
    save_png(fig, tmp_path / "tight.png")
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) == 7
    pairs = zip(boxes, boxes[1:], strict=False)
    gaps = [b.x0 - a.x1 for a, b in pairs]  # written side by side: 4-7 px, they touch
    assert min(gaps) >= 10, gaps
    assert max(b.y1 for b in boxes) <= ax.get_window_extent(renderer).y1  # inside the axes


def test_rule_panels_have_human_titles(tmp_path):
    table = Table("rules", "Rule checks (no judge)", ["Model", "Dose leak", "Emergency escalation"])
    table.rows = [["m1", "0.00%", "50.00%"]]
    table.data = [{"model": "m1", "dose_leak_pct": 0.0, "emergency_escalation_pct": 50.0}]
    fig = table_bars_figure(table, ("dose_leak_pct", "emergency_escalation_pct"), "% of items")
    assert fig is not None
    save_png(fig, tmp_path / "rules.png")
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["dose leak (lower is better)", "emergency escalation (higher is better)"]
    assert fig.get_suptitle() == "Rule checks (no judge)"


def test_columns_empty_for_every_model_become_a_sentence():
    table = Table("policy", "Policy", ["Model", "Overall", "Safety", "Scored"])
    table.rows = [["m1", "n/a", "n/a", "0/12"], ["m2", "n/a", "4.0000", "3/12"]]
    text = table_markdown(table)
    assert text.splitlines()[0] == "| Model | Safety | Scored |"
    assert "| m2 | 4.0000 | 3/12 |" in text
    assert "Not shown (Overall): no LLM judge scored any item" in text
    assert "To fill them, configure a judge" in text


def test_committed_example_holds_no_machine_paths():
    files = [p for p in EXAMPLE.rglob("*") if p.is_file() and p.suffix != ".png"]
    assert len(files) > 40
    leaks = [
        f"{p.relative_to(EXAMPLE)}: {m.group(0)}"
        for p in files
        for m in [MACHINE_PATH.search(p.read_text())]
        if m
    ]
    assert not leaks, leaks
