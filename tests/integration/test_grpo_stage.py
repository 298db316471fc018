"""GRPO stage end to end on a tiny model: metrics named in the issue, KL reference, export."""

from __future__ import annotations

import csv

import pytest
from transformers import AutoModelForCausalLM

from medlab.stage_registry import run_stage
from tests.conftest import compose_config

pytestmark = pytest.mark.slow

SMALL = [
    "model.tiny.hidden_size=64",
    "model.tiny.num_hidden_layers=2",
    "model.tiny.intermediate_size=128",
]
FAST = [
    "stage.prompts_per_step=2",
    "stage.num_generations=4",
    "stage.micro_batch_size=4",
    "stage.max_completion_length=8",
    "stage.val_max_prompts=4",
    "stage.val_every_n_steps=2",
    "stage.checkpoint_every_n_steps=2",
    "stage.log_every_n_steps=1",
]

ISSUE_METRICS = [
    "rollout/reward_mean",
    "rollout/reward_std",
    "rewards/mcq_correctness/mean",
    "rewards/think_format/mean",
    "rollout/frac_reward_zero_std",
    "rollout/completion_length_mean",
    "rollout/completion_length_min",
    "rollout/completion_length_max",
    "rollout/clipped_ratio",
    "train/kl",
    "train/entropy",
    "train/clip_ratio_low",
    "train/clip_ratio_high",
    "time/generation_s",
    "time/step_s",
    "val/rewards/mcq_correctness/mean",
]


def grpo_config(*extra):
    return compose_config(
        ["stage=grpo", "data=toy_triage", "reward=toy_triage", "logger=csv", *SMALL, *FAST, *extra]
    )


def read_metrics(stage_dir):
    with (stage_dir / "csv" / "metrics.csv").open() as f:
        return list(csv.DictReader(f))


def test_grpo_logs_every_metric_and_exports(tmp_path):
    results = run_stage(
        grpo_config("stage.max_steps=4", "stage.beta=0.05", "stage.num_iterations=2"),
        tmp_path / "grpo",
    )
    assert results["steps"] == 4  # 2 generation batches x 2 policy updates each
    rows = read_metrics(tmp_path / "grpo")
    for key in ISSUE_METRICS:
        assert any(r.get(key) not in (None, "") for r in rows), key
    kls = [float(r["train/kl"]) for r in rows if r.get("train/kl")]
    assert all(k >= 0 for k in kls)
    AutoModelForCausalLM.from_pretrained(tmp_path / "grpo" / "hf_checkpoint")


def test_grpo_lora_with_adapter_disabled_reference(tmp_path):
    results = run_stage(
        grpo_config(
            "stage.max_steps=2",
            "stage.beta=0.1",
            "stage.reference=adapters_disabled",
            "stage.lora.enabled=true",
            "stage.lora.r=4",
            "stage.lora.alpha=8",
        ),
        tmp_path / "lora",
    )
    assert results["steps"] == 2
    rows = read_metrics(tmp_path / "lora")
    assert any(r.get("train/kl") for r in rows)


def test_grpo_with_chat_data_is_a_clear_error(tmp_path):
    from medlab.errors import DataError

    with pytest.raises(DataError, match="stage grpo needs prompts with a gold answer"):
        run_stage(
            compose_config(
                [
                    "stage=grpo",
                    "data=medical_sft_sample",
                    "reward=medreason",
                    "logger=csv",
                    *SMALL,
                    *FAST,
                ]
            ),
            tmp_path / "x",
        )


def test_grpo_without_rewards_is_a_clear_error(tmp_path):
    from medlab.errors import ConfigError

    with pytest.raises(ConfigError, match="reward=medreason"):
        run_stage(
            compose_config(["stage=grpo", "data=toy_triage", "logger=csv", *SMALL, *FAST]),
            tmp_path / "y",
        )
