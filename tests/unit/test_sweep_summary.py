"""Sweep summary tables built from hand-made job directories (no training)."""

from __future__ import annotations

import csv
import json

from omegaconf import OmegaConf

from medlab.sweep_summary import (
    NO_RECORD,
    JobRow,
    SweepSummaryCallback,
    collect_jobs,
    mark_best,
    read_best_trial,
    render_markdown,
    sweep_name,
    write_summary,
)

COMMON = ["stage=dpo", "logger=csv"]


def _job(sweep, num, record=None, final_metrics=None, overrides=None):
    """A job directory as `medlab.run -m` leaves it: .hydra/overrides.yaml, job.json, manifest."""
    job_dir = sweep / str(num)
    (job_dir / ".hydra").mkdir(parents=True)
    overrides = overrides if overrides is not None else (record or {}).get("overrides", [])
    OmegaConf.save(OmegaConf.create(overrides), job_dir / ".hydra" / "overrides.yaml")
    if record is not None:
        (job_dir / "job.json").write_text(json.dumps({"job": num, **record}))
    if final_metrics is not None:
        manifest = {"stages": [{"stage": "dpo", "final_metrics": final_metrics}]}
        (job_dir / "manifest.json").write_text(json.dumps(manifest))
    return job_dir


def _sweep(tmp_path):
    """Four jobs: two ok (beta 0.1 -> margin 0.5, beta 0.3 -> margin 0.9), one failed by a bad
    value, one killed (no job.json)."""
    sweep = tmp_path / "sweep"
    ok = {"status": "ok", "error": None, "metric_name": "val/rewards/margins"}
    _job(
        sweep,
        0,
        {**ok, "overrides": ["stage.beta=0.1", *COMMON], "metric": 0.5},
        {"val/loss": 0.6, "val/rewards/margins": 0.5},
    )
    _job(
        sweep,
        1,
        {**ok, "overrides": ["stage.beta=0.3", *COMMON], "metric": 0.9},
        {"val/loss": 0.4, "val/rewards/margins": 0.9},
    )
    _job(
        sweep,
        2,
        {
            "status": "failed",
            "error": "stage.lr: must be > 0, got -1.0.",
            "overrides": ["stage.beta=0.2", "stage.lr=-1", *COMMON],
        },
    )
    _job(sweep, 3, record=None, overrides=["stage.beta=0.4", *COMMON])
    return sweep


def _read_csv(path):
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def test_summary_has_one_row_per_job_with_status_error_and_metrics(tmp_path):
    sweep = _sweep(tmp_path)
    md_path, rows = write_summary(sweep, "tiny-sweep")
    assert md_path == sweep / "summary.md"
    table = _read_csv(sweep / "summary.csv")
    assert [r["job"] for r in table] == ["0", "1", "2", "3"]
    assert [r["status"] for r in table] == ["ok", "ok", "failed", "failed"]
    assert float(table[1]["metric"]) == 0.9 and table[1]["metric_name"] == "val/rewards/margins"
    assert float(table[0]["val/loss"]) == 0.6 and float(table[1]["val/rewards/margins"]) == 0.9
    assert table[2]["error"] == "stage.lr: must be > 0, got -1.0." and table[2]["metric"] == ""
    assert table[3]["error"] == NO_RECORD  # killed: no job.json, overrides from .hydra
    assert table[3]["overrides"] == "stage.beta=0.4 stage=dpo logger=csv"
    assert table[0]["run_dir"] == str(sweep / "0") and table[0]["last_stage"] == "dpo"
    assert not any(r["best"] for r in table)  # no Optuna results: nothing marked
    assert sorted(p.name for p in sweep.iterdir() if p.is_file()) == ["summary.csv", "summary.md"]


def test_markdown_moves_shared_overrides_to_the_header(tmp_path):
    md = write_summary(_sweep(tmp_path), "tiny-sweep")[0].read_text()
    assert md.startswith("# Sweep tiny-sweep\n")
    assert "4 jobs, 2 ok, 2 failed" in md
    assert "Overrides of every job: `stage=dpo logger=csv`" in md
    assert "| 1 | `stage.beta=0.3` | ok | val/rewards/margins = 0.9 | 0.4 | 0.9 |  |" in md
    assert "| 2 | `stage.beta=0.2 stage.lr=-1` | failed |  |  |  | stage.lr: must be" in md


def test_optuna_best_trial_is_marked_by_params_and_value(tmp_path):
    sweep = _sweep(tmp_path)
    results = {"name": "optuna", "best_params": {"stage.beta": 0.3}, "best_value": 0.9}
    OmegaConf.save(OmegaConf.create(results), sweep / "optimization_results.yaml")
    best = read_best_trial(sweep)
    assert best == results
    _, rows = write_summary(sweep, "tiny-sweep", best)
    assert [row.job for row in rows if row.best] == [1]
    assert [r["best"] for r in _read_csv(sweep / "summary.csv")] == ["", "yes", "", ""]
    md = (sweep / "summary.md").read_text()
    assert "Optuna best trial (job 1): stage.beta=0.3 -> 0.9" in md
    assert "| 1 (best) |" in md


def test_mark_best_needs_both_the_params_and_the_value():
    """Two jobs reach the same value 0.9; only job 1 ran with beta 0.30 (written '0.3000' by the
    sweeper: compared as numbers). A failed job never wins."""
    rows = [
        JobRow(job=0, overrides=["stage.beta=0.1"], status="ok", metric=0.9),
        JobRow(job=1, overrides=["stage.beta=0.3000"], status="ok", metric=0.9),
        JobRow(job=2, overrides=["stage.beta=0.3"], status="failed"),
    ]
    winner = mark_best(rows, {"best_params": {"stage.beta": 0.3}, "best_value": 0.9})
    assert winner is rows[1] and [r.best for r in rows] == [False, True, False]
    assert mark_best(rows, {"best_params": {"stage.beta": 0.5}, "best_value": 0.9}) is None


def test_markdown_escapes_pipes_in_errors():
    row = JobRow(job=0, overrides=[], status="failed", error="a | b\nc")
    md = render_markdown([row], "s", "/tmp/s")
    assert "a \\| b c" in md


def test_multi_objective_results_are_not_a_best_trial(tmp_path):
    OmegaConf.save(OmegaConf.create({"name": "optuna", "solutions": []}), tmp_path / "o.yaml")
    (tmp_path / "o.yaml").rename(tmp_path / "optimization_results.yaml")
    assert read_best_trial(tmp_path) is None
    assert read_best_trial(tmp_path / "missing") is None


def test_callback_writes_nothing_for_a_single_run(tmp_path):
    config = OmegaConf.create(
        {"experiment_name": "x", "hydra": {"mode": "RUN", "sweep": {"dir": str(tmp_path)}}}
    )
    _job(tmp_path, 0, {"status": "ok", "overrides": []})
    SweepSummaryCallback().on_job_end(config, job_return=None)
    assert not (tmp_path / "summary.csv").exists()
    config.hydra.mode = "MULTIRUN"
    SweepSummaryCallback().on_job_end(config, job_return=None)
    assert len(_read_csv(tmp_path / "summary.csv")) == 1


def test_sweep_name_and_job_order(tmp_path):
    assert sweep_name("tiny_dpo", "/logs/tiny_dpo/multiruns/2026-01-02_03-04-05") == (
        "tiny_dpo-2026-01-02_03-04-05"
    )
    for num in (10, 2, 1):  # numeric order, not 1, 10, 2
        _job(tmp_path, num, {"status": "ok", "overrides": []})
    assert [row.job for row in collect_jobs(tmp_path)] == [1, 2, 10]
