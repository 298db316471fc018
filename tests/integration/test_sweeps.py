"""`python -m medlab.run -m ...` sweeps as a user types them: one directory per job, a summary
table at the end, failed jobs recorded without stopping the sweep, Optuna's best trial marked."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from omegaconf import OmegaConf

from medlab.run import HEADLINE_METRIC
from medlab.sweep_summary import sweep_name
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

# Two optimizer steps, one held-out pass after training, short rows: seconds per job on CPU.
TINY = [
    "stage.max_steps=2",
    "stage.warmup_steps=0",
    "stage.val_every_n_steps=100",
    "stage.checkpoint_every_n_steps=100",
    "stage.val_before_training=false",
    "stage.max_length=128",
    "stage.micro_batch_size=2",
]


def run_sweep(sweep_dir: Path, *overrides: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", WANDB_MODE="offline")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "medlab.run",
            "-m",
            *overrides,
            *TINY,
            f"hydra.sweep.dir={sweep_dir}",
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


def read_summary(sweep_dir: Path) -> list[dict[str, str]]:
    with (sweep_dir / "summary.csv").open(newline="") as handle:
        return list(csv.DictReader(handle))


def test_grid_over_models_and_stages_one_dir_per_job_and_a_summary(tmp_path):
    """2 models x 2 stages = 4 jobs; `stage=dpo` trains on preference pairs without naming data
    (conf/data/dpo_default.yaml). Each summary row holds what the job's results.json says."""
    sweep = tmp_path / "grid"
    out = run_sweep(sweep, "model=tiny_qwen3,tiny_arcee", "stage=sft,dpo", "logger=csv")
    assert out.returncode == 0, out.stderr[-3000:]
    assert f"medlab: sweep summary {sweep / 'summary.md'} (4 jobs, 0 failed)" in out.stdout
    rows = read_summary(sweep)
    assert len(rows) == 4
    seen = set()
    for row in rows:
        assert row["status"] == "ok" and row["error"] == ""
        overrides = dict(o.split("=", 1) for o in row["overrides"].split())
        model, stage = overrides["model"], overrides["stage"]
        seen.add((model, stage))
        job_dir = sweep / row["job"]
        assert row["run_dir"] == str(job_dir)
        results = json.loads((job_dir / stage / "results.json").read_text())
        assert (job_dir / stage / "hf_checkpoint" / "COMPLETE").is_file()
        assert (results["model"], results["stage"], results["steps"]) == (model, stage, 2)
        expected_data = {"sft": "medical_sft_sample", "dpo": "policy_dpo_sample"}[stage]
        assert results["data"] == expected_data
        for key, value in results["val_after"].items():
            assert float(row[key]) == value, key
        assert row["metric_name"] == HEADLINE_METRIC[stage]
        assert float(row["metric"]) == results["val_after"][HEADLINE_METRIC[stage]]
    assert seen == {(m, s) for m in ("tiny_qwen3", "tiny_arcee") for s in ("sft", "dpo")}
    assert "| job | overrides | status |" in (sweep / "summary.md").read_text()


def test_a_failed_job_is_recorded_and_the_sweep_goes_on(tmp_path):
    """Job 1 gets stage.lr=-1 (a config error): the sweep still exits 0, job 0 trains and logs to
    W&B (offline) under the sweep's group, and the summary says why job 1 failed."""
    sweep = tmp_path / "sw"
    out = run_sweep(sweep, "stage.lr=1e-3,-1")
    assert out.returncode == 0, out.stderr[-3000:]
    assert "medlab: error: job 1 failed (the sweep goes on): stage.lr: must be > 0" in out.stderr
    ok, failed = read_summary(sweep)
    assert (ok["job"], ok["status"], ok["error"]) == ("0", "ok", "")
    assert (
        float(ok["val/loss"])
        == json.loads((sweep / "0/sft/results.json").read_text())["val_after"]["val/loss"]
    )
    assert (failed["job"], failed["status"], failed["metric"]) == ("1", "failed", "")
    assert failed["error"].startswith("stage.lr: must be > 0, got -1.0.")
    assert not (sweep / "1" / "sft" / "results.json").exists()
    group = sweep_name("tiny_sft", sweep)
    assert json.loads((sweep / "0" / "job.json").read_text())["group"] == group
    # The W&B run record stores run_group as protobuf field 6 (tag byte 0x32), then its length.
    (wandb_file,) = (sweep / "0" / "sft" / "wandb").glob("offline-run-*/run-*.wandb")
    assert bytes([0x32, len(group)]) + group.encode() in wandb_file.read_bytes()


def test_optuna_search_marks_the_best_trial(tmp_path):
    """Three DPO trials over beta / lr maximising the held-out reward margin (a metric that
    differs between trials); Optuna's best value is the largest trial metric and its job is
    the one marked best."""
    val = tmp_path / "val.jsonl"
    shipped = REPO_ROOT / "medlab" / "assets" / "data" / "policy_dpo" / "val.jsonl"
    val.write_text("".join(shipped.read_text().splitlines(keepends=True)[:6]))
    sweep = tmp_path / "optuna"
    out = run_sweep(
        sweep,
        "hparams_search=dpo_optuna",
        "stage=dpo",
        "hydra.sweeper.n_trials=3",
        "optimized_metric=val/rewards/margins",
        f"data.val_files=[{val}]",
        "logger=csv",
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert "setup plugin alembic" not in out.stdout + out.stderr  # alembic's import-time lines
    rows = read_summary(sweep)
    assert len(rows) == 3 and all(r["status"] == "ok" for r in rows)
    metrics = {r["job"]: float(r["metric"]) for r in rows}
    for job, value in metrics.items():
        results = json.loads((sweep / job / "dpo" / "results.json").read_text())
        assert value == results["val_after"]["val/rewards/margins"]
    best = OmegaConf.load(sweep / "optimization_results.yaml")
    assert best.best_value == max(metrics.values())
    (marked,) = [r for r in rows if r["best"] == "yes"]
    assert float(marked["metric"]) == max(metrics.values())
    for key, value in best.best_params.items():
        assert f"{key}={value}" in marked["overrides"].split()
    assert f"| {marked['job']} (best) |" in (sweep / "summary.md").read_text()
