"""Completions tables of a real tiny GRPO fit: completions.jsonl rows and the offline W&B Table.

tiny GRPO, P=2 prompts x G=4 completions, max_steps=4, log_completions_every_n_steps=2,
validation before training and every 2 steps on 4 held-out prompts. Expected:
  train tables at steps 2 and 4, 8 rows each (the whole generation batch);
  val tables at steps 0, 2 and 4, 4 rows each (greedy, one completion per prompt).
"""

from __future__ import annotations

import json
import math

import pytest

from medlab.completions_log import FILE_NAME, read_completions
from medlab.rewards.format import think_format_reward
from medlab.stage_registry import run_stage
from tests.conftest import compose_config
from tests.integration.test_grpo_stage import FAST, SMALL

pytestmark = pytest.mark.slow

WEIGHTS = {"mcq_correctness": 1.0, "think_format": 0.1, "short_rationale": 0.0}  # reward=toy_triage


def test_grpo_writes_completions_jsonl_and_wandb_table(tmp_path):
    stage_dir = tmp_path / "grpo"
    cfg = compose_config(
        ["stage=grpo", "data=toy_triage", "reward=toy_triage", "logger=wandb", *SMALL, *FAST]
        + ["stage.max_steps=4", "stage.log_completions_every_n_steps=2"]
    )
    run_stage(cfg, stage_dir)
    rows = read_completions(stage_dir / FILE_NAME)
    train = [r for r in rows if r["split"] == "train"]
    val = [r for r in rows if r["split"] == "val"]
    assert sorted({r["step"] for r in train}) == [2, 4]
    assert sorted({r["step"] for r in val}) == [0, 2, 4]
    assert len(train) == 2 * 8 and len(val) == 3 * 4
    for row in rows:
        assert set(row["rewards"]) == set(WEIGHTS)
        assert "triage" in row["prompt"].lower() and "<|im_start|>" not in row["prompt"]
        # the reward columns belong to this completion text
        assert row["rewards"]["think_format"] == think_format_reward([row["completion"]])[0]
        expected = sum(WEIGHTS[k] * v for k, v in row["rewards"].items())
        assert math.isclose(row["reward"], expected, abs_tol=1e-5)
    for step in (2, 4):  # group-relative advantages: each group of 4 sums to 0
        batch = [r for r in train if r["step"] == step]
        for g in range(2):
            group = batch[4 * g : 4 * g + 4]
            assert len({r["prompt"] for r in group}) == 1
            assert abs(sum(r["advantage"] for r in group)) < 1e-4
    assert all(r["advantage"] == 0.0 for r in val)  # a group of one has no advantage

    tables = sorted(
        (stage_dir / "wandb").glob("offline-run-*/files/media/table/completions/*.json")
    )
    assert len(tables) == 5  # 2 train + 3 val
    table = json.loads(tables[0].read_text())
    assert table["columns"] == [
        "step",
        "split",
        "prompt",
        "completion",
        "mcq_correctness",
        "think_format",
        "short_rationale",
        "reward",
        "advantage",
    ]
    assert {len(json.loads(t.read_text())["data"]) for t in tables} == {4, 8}
