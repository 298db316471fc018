"""What `python -m medlab.run` prints for a tiny SFT stage (offline W&B, the real CLI).

Every log / warning line appears once (Lightning's own "INFO: ..." copy is gone), the known
noise is absent (litlogger tip, W&B "anonymous", torch pytree FutureWarning, Lightning's
log_every_n_steps warning), and the one progress bar reads ``sft: ... 2/2 [elapsed<ETA, loss=...,
val/loss=...]`` with no "Epoch" and no "v_num". tqdm redraws its bar (non-tty: one chunk per
refresh), so bar chunks are checked for content, not for repeats; W&B's closing run history /
summary tables (blank and "+1 ..." rows) are layout, not log lines.

At the default stage.max_length (1024) some sample conversations are cut: the stage's warning
says so once (the preflight encodes the same rows silently; only a dry run warns there).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

NOISE = ["Tip:", "litlogger", "anonymous", "LeafSpec", "logging interval", "alembic", "v_num"]
BAR = re.compile(r"\|\s*\d+/(\d+|\?) \[")  # a tqdm chunk: "|####| 1/2 [" or "| 0/? ["
TIMESTAMP = re.compile(r"^\[\d{4}-\d\d-\d\d [\d:,]+\]")


def test_cli_console_prints_each_line_once_without_noise(tmp_path):
    run_dir = tmp_path / "run"
    command = [
        sys.executable,
        "-m",
        "medlab.run",
        "logger=wandb",
        "stage.max_steps=2",
        "stage.warmup_steps=0",
        "stage.val_every_n_steps=1",
        "stage.log_every_n_steps=5",  # > max_steps: Lightning used to warn about it
        "model.tiny.hidden_size=64",
        "model.tiny.num_hidden_layers=2",
        "model.tiny.intermediate_size=128",
        f"hydra.run.dir={run_dir}",
    ]
    env = dict(os.environ, HF_HUB_OFFLINE="1", WANDB_MODE="offline")
    env.pop("WANDB_SILENT", None)  # see what W&B prints by default
    done = subprocess.run(
        command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    chunks = [c.strip() for c in re.split(r"[\r\n]", output) if c.strip()]
    bars = [c for c in chunks if BAR.search(c)]
    lines = [TIMESTAMP.sub("", c).strip() for c in chunks if not BAR.search(c)]
    table = re.compile(r"^wandb:(\s*$|\s{2,})")  # W&B's run history / summary tables
    twice = [line for line, n in Counter(lines).items() if n > 1 and not table.match(line)]
    assert not twice, twice
    for noise in NOISE:
        assert noise not in output, noise
    cut = [line for line in lines if "were cut" in line]
    assert len(cut) == 1 and "stage.max_length=1024" in cut[0], cut  # the default, said once
    assert any("GPU available" in line for line in lines)  # Lightning's info still shown, once
    train = [b for b in bars if b.startswith("sft:")]
    assert train and not [b for b in bars if "Epoch" in b or b.startswith("Training")]
    final = train[-1]
    assert re.search(r"2/2 \[\d\d:\d\d<\d\d:\d\d", final), final  # step / max_steps, ETA
    assert "loss=" in final and "val/loss=" in final, final
    assert "held-out loss" in output  # the closing summary block is still there
