"""`python -m medlab.run` as a user types it: outputs land under hydra.run.dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from transformers import AutoModelForCausalLM

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow


def run_cli(*overrides: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", WANDB_MODE="offline")
    return subprocess.run(
        [sys.executable, "-m", "medlab.run", *overrides],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


def test_default_run_writes_everything_under_run_dir(tmp_path):
    run_dir = tmp_path / "run"
    out = run_cli(
        f"hydra.run.dir={run_dir}",
        "stage.max_steps=4",
        "stage.val_every_n_steps=2",
        "stage.checkpoint_every_n_steps=2",
        "stage.warmup_steps=1",
    )
    assert out.returncode == 0, out.stderr[-3000:]
    stage_dir = run_dir / "sft"
    for name in (
        "hf_checkpoint/COMPLETE",
        "hf_checkpoint/model.safetensors",
        "checkpoints/last.ckpt",
        "csv/metrics.csv",
        "results.json",
    ):
        assert (stage_dir / name).is_file(), name
    assert list((stage_dir / "wandb").glob("offline-run-*")), "W&B offline run in the run dir"
    assert (run_dir / ".hydra" / "config.yaml").is_file()
    results = json.loads((stage_dir / "results.json").read_text())
    assert results["steps"] == 4
    assert str(stage_dir / "hf_checkpoint") in out.stdout  # printed for the user
    assert json.loads((run_dir / "summary.json").read_text())["sft"] == results


def test_tiny_arcee_with_gradient_checkpointing_and_all_token_loss(tmp_path):
    run_dir = tmp_path / "arcee"
    out = run_cli(
        f"hydra.run.dir={run_dir}",
        "model=tiny_arcee",
        "logger=csv",
        "stage.gradient_checkpointing=true",
        "stage.train_on=all",
        "stage.packing=false",
        "stage.max_length=256",
        "stage.max_steps=3",
        "stage.warmup_steps=0",
        "stage.val_every_n_steps=3",
    )
    assert out.returncode == 0, out.stderr[-3000:]
    hf_dir = run_dir / "sft" / "hf_checkpoint"
    model = AutoModelForCausalLM.from_pretrained(hf_dir)
    assert model.config.model_type == "arcee"
    results = json.loads((run_dir / "sft" / "results.json").read_text())
    assert results["val_loss_after"] < results["val_loss_before"]
