"""Non-finite and degrading training through the real CLI (issue 12.3): `stage.lr=inf` is
refused; a run whose loss turns NaN stops with one line naming the step and the kept last good
checkpoint, exit status 2, nothing exported; a run whose held-out loss rises says so and
records it; every JSON file written is strict JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import torch

from tests.conftest import REPO_ROOT

SAMPLE = REPO_ROOT / "medlab" / "assets" / "data" / "medical_sft"


def strict_loads(text: str) -> Any:
    def refuse(token: str) -> Any:
        raise ValueError(f"non-standard JSON constant {token}")

    return json.loads(text, parse_constant=refuse)


def small_data(tmp_path: Path) -> list[str]:
    """16 training and 4 held-out conversations of the shipped sample (a fast run)."""
    train, val = tmp_path / "train.jsonl", tmp_path / "val.jsonl"
    train.write_text("".join((SAMPLE / "train.jsonl").read_text().splitlines(True)[:16]))
    val.write_text("".join((SAMPLE / "val.jsonl").read_text().splitlines(True)[:4]))
    return [f"data.train_files=[{train}]", f"data.val_files=[{val}]"]


SMALL = [  # a 2-layer tiny Qwen3, short rows
    "model.tiny.hidden_size=64",
    "model.tiny.intermediate_size=128",
    "model.tiny.num_hidden_layers=2",
    "stage.max_length=128",
    "stage.warmup_steps=0",
]


def run_cli(tmp_path: Path, *overrides: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", MEDLAB_LOG_DIR=str(tmp_path / "logs"))
    return subprocess.run(
        [sys.executable, "-m", "medlab.run", "logger=csv", f"hydra.run.dir={tmp_path / 'run'}"]
        + list(overrides),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


def error_lines(out: subprocess.CompletedProcess) -> list[str]:
    return [x for x in out.stderr.splitlines() if x.startswith("medlab: error:")]


def assert_strict_json_everywhere(run_dir: Path) -> list[Path]:
    files = sorted(run_dir.rglob("*.json"))
    for path in files:
        strict_loads(path.read_text())
    return files


def test_cli_refuses_infinite_learning_rate(tmp_path):
    out = run_cli(tmp_path, "stage.lr=inf", "stage.max_steps=2", "stage.warmup_steps=0")
    assert out.returncode == 2, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    assert error_lines(out) == [
        "medlab: error: stage.lr: must be a finite number, got inf. Set stage.lr=<finite number>."
    ]
    assert not (tmp_path / "run" / "sft").exists()  # refused before anything was written


@pytest.mark.slow
def test_cli_nan_loss_stops_with_step_and_kept_checkpoint(tmp_path):
    # lr=1e12 without clipping: step 1 is finite, its update makes every later loss NaN
    out = run_cli(
        tmp_path,
        *small_data(tmp_path),
        *SMALL,
        "stage.lr=1e12",
        "stage.max_grad_norm=0",
        "stage.max_steps=4",
        "stage.checkpoint_every_n_steps=1",
        "stage.val_every_n_steps=4",
    )
    assert out.returncode == 2, out.stderr[-3000:]
    assert "Traceback" not in out.stderr + out.stdout
    stage = tmp_path / "run" / "sft"
    last = stage / "checkpoints" / "last.ckpt"
    lines = error_lines(out)
    assert len(lines) == 1, out.stderr[-3000:]
    assert lines[0].startswith("medlab: error: training diverged at optimizer step 2 of 4: ")
    assert f"Last good checkpoint: {last} (step 1), kept." in lines[0]
    assert "no hf_checkpoint" in lines[0] and "stage.lr (now 1e+12)" in lines[0]
    # the good checkpoint is kept as it was; nothing looks finished
    checkpoint = torch.load(last, map_location="cpu", weights_only=False)
    assert checkpoint["global_step"] == 1
    assert all(torch.isfinite(v).all() for v in checkpoint["state_dict"].values())
    assert not (stage / "hf_checkpoint").exists()
    assert not list((tmp_path / "run").rglob("COMPLETE"))
    assert not (stage / "results.json").exists()
    assert not (tmp_path / "run" / "manifest.json").exists()
    assert stage / "val_before.json" in assert_strict_json_everywhere(tmp_path / "run")


@pytest.mark.slow
def test_cli_degraded_held_out_loss_warns_and_is_recorded(tmp_path):
    # lr=0.3 for 3 steps (clipped, finite) wrecks the model: held-out loss ~8.3 -> ~15
    out = run_cli(
        tmp_path,
        *small_data(tmp_path),
        *SMALL,
        "stage.lr=0.3",
        "stage.max_steps=3",
        "stage.val_every_n_steps=3",
    )
    assert out.returncode == 0, out.stderr[-3000:]
    output = out.stdout + out.stderr
    warnings = [x for x in output.splitlines() if "WARNING" in x and "degraded" in x]
    assert len(warnings) == 1, output[-3000:]
    assert "sft held-out val/loss ended worse than it started" in warnings[0]
    run = tmp_path / "run"
    files = assert_strict_json_everywhere(run)
    assert run / "sft" / "results.json" in files and run / "manifest.json" in files
    results = strict_loads((run / "sft" / "results.json").read_text())
    degraded = results["degraded"]
    assert degraded["metric"] == "val/loss" and degraded["better"] == "lower"
    assert degraded["after"] > degraded["before"] + degraded["margin"]
    assert degraded["before"] == results["val_loss_before"]
    manifest = strict_loads((run / "manifest.json").read_text())
    assert manifest["stages"][0]["degraded"] == degraded
