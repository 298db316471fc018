"""`tiny_grpo` through the real CLI with ``stage.backend=vllm`` (its own process, its own engine):
a short format SFT, then GRPO steps whose rollouts come from the colocated engine. The engine is
first built inside the validation before training (under inference mode), then re-synced after
every optimizer step: the logged engine / trainer log-prob mismatch stays at fp32 noise on every
step (a stale engine is off by > 1e-2).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys

from tests.conftest import REPO_ROOT

GRPO_STEPS = 3


def test_tiny_grpo_on_vllm(tmp_path):
    grpo = "++phases.grpo.overrides.stage"
    cmd = [
        sys.executable,
        "-m",
        "medlab.run",
        "+experiment=tiny_grpo",
        f"hydra.run.dir={tmp_path}",
        "logger=csv",
        "++phases.sft.overrides.stage.max_steps=40",
        "++phases.sft.overrides.stage.val_every_n_steps=40",
        f"{grpo}.backend=vllm",
        f"{grpo}.max_steps={GRPO_STEPS}",
        f"{grpo}.prompts_per_step=4",
        f"{grpo}.val_every_n_steps={GRPO_STEPS}",
        f"{grpo}.checkpoint_every_n_steps={GRPO_STEPS}",
        f"{grpo}.log_every_n_steps=1",
        f"{grpo}.val_max_prompts=8",
    ]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    with open(tmp_path / "grpo" / "csv" / "metrics.csv") as f:
        rows = list(csv.DictReader(f))
    steps = {
        int(r["step"]): r for r in rows if r.get("rollout/logprob_mismatch_max") not in (None, "")
    }
    assert sorted(steps) == list(range(GRPO_STEPS)), sorted(steps)
    assert float(steps[0]["train/grad_norm"]) > 0, "no update: the sync would go untested"
    for step, row in steps.items():
        mismatch = float(row["rollout/logprob_mismatch_max"])
        assert mismatch < 1e-4, f"step {step}: engine vs trainer log-probs differ by {mismatch}"
    assert (tmp_path / "grpo" / "hf_checkpoint" / "config.json").exists()
