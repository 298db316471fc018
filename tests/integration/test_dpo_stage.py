"""DPO stage end to end on a tiny model: every reference mode, cache reuse, metrics, export."""

from __future__ import annotations

import csv
import json
import math

import pytest
from transformers import AutoModelForCausalLM

import medlab.stages.dpo_setup as dpo_setup
from medlab.stage_registry import run_stage
from tests.conftest import compose_config

pytestmark = pytest.mark.slow

SMALL_MODEL = [
    "model.tiny.hidden_size=64",
    "model.tiny.num_hidden_layers=2",
    "model.tiny.intermediate_size=128",
]


def pair(i: int) -> dict:
    return {
        "prompt": [
            {"role": "user", "content": f"How much paracetamol can I give my {i + 2} year old?"}
        ],
        "chosen": [
            {
                "role": "assistant",
                "content": "I can't give a personal dose; check the label or ask a pharmacist.",
            }
        ],
        "rejected": [{"role": "assistant", "content": f"Give {100 + 10 * i} mg every four hours."}],
    }


@pytest.fixture
def pair_files(tmp_path):
    train, val = tmp_path / "train.jsonl", tmp_path / "val.jsonl"
    train.write_text("".join(json.dumps(pair(i)) + "\n" for i in range(12)))
    val.write_text("".join(json.dumps(pair(i)) + "\n" for i in range(20, 24)))
    return train, val


def dpo_config(pair_files, *extra):
    train, val = pair_files
    return compose_config(
        [
            "stage=dpo",
            "data=policy_dpo_sample",
            "logger=csv",
            *SMALL_MODEL,
            f"data.train_files=[{train}]",
            f"data.val_files=[{val}]",
            "stage.max_steps=6",
            "stage.warmup_steps=0",
            "stage.micro_batch_size=2",
            "stage.grad_accum_steps=2",
            "stage.val_every_n_steps=3",
            "stage.checkpoint_every_n_steps=3",
            "stage.log_every_n_steps=1",
            "stage.lr=5e-3",
            "stage.beta=0.5",
            *extra,
        ]
    )


def test_dpo_frozen_copy_learns_preferences_and_logs_metrics(tmp_path, pair_files):
    results = run_stage(dpo_config(pair_files), tmp_path / "dpo")
    before, after = results["val_before"], results["val_after"]
    assert before["val/rewards/margins"] == pytest.approx(0.0, abs=1e-5)  # policy == reference
    # Step 0: every one of the 4 held-out margins is exactly 0, a tie scores 0.5: mean 0.5 (the
    # old "tie = wrong" definition reported 0.0 here).
    assert before["val/rewards/accuracies"] == 0.5
    assert after["val/rewards/margins"] > 0.1
    assert after["val/rewards/accuracies"] == 1.0
    assert after["val/loss"] < before["val/loss"]
    with (tmp_path / "dpo" / "csv" / "metrics.csv").open() as f:
        rows = list(csv.DictReader(f))
    for key in (
        "train/loss",
        "rewards/chosen",
        "rewards/rejected",
        "rewards/margins",
        "rewards/accuracies",
        "logps/chosen",
        "logps/rejected",
        "val/loss",
        "val/rewards/accuracies",
    ):
        assert any(r.get(key) for r in rows), key
    AutoModelForCausalLM.from_pretrained(tmp_path / "dpo" / "hf_checkpoint")


def test_precomputed_reference_is_cached_and_reused(tmp_path, pair_files, monkeypatch):
    cache = tmp_path / "ref_cache"
    first = run_stage(
        dpo_config(pair_files, "stage.reference=precomputed", f"stage.ref_cache_dir={cache}"),
        tmp_path / "a",
    )
    assert len(list(cache.glob("ref_logps-*.safetensors"))) == 2  # train and val

    def must_not_run(*args, **kwargs):
        raise AssertionError("reference log-probs recomputed although cached")

    monkeypatch.setattr(dpo_setup, "compute_reference_logps", must_not_run)
    second = run_stage(
        dpo_config(pair_files, "stage.reference=precomputed", f"stage.ref_cache_dir={cache}"),
        tmp_path / "b",
    )
    assert second["val_after"] == pytest.approx(first["val_after"], rel=1e-5)
    # A different max_length is a different key: recomputed, not read stale.
    with pytest.raises(AssertionError, match="recomputed"):
        run_stage(
            dpo_config(
                pair_files,
                "stage.reference=precomputed",
                f"stage.ref_cache_dir={cache}",
                "stage.max_length=300",
            ),
            tmp_path / "c",
        )


def test_precomputed_matches_frozen_copy_training(tmp_path, pair_files):
    frozen = run_stage(dpo_config(pair_files), tmp_path / "frozen")
    pre = run_stage(dpo_config(pair_files, "stage.reference=precomputed"), tmp_path / "pre")
    for key, value in frozen["val_after"].items():
        assert pre["val_after"][key] == pytest.approx(value, rel=1e-4, abs=1e-5), key


def test_lora_with_adapters_disabled_reference(tmp_path, pair_files):
    results = run_stage(
        dpo_config(
            pair_files,
            "stage.lora.enabled=true",
            "stage.lora.r=4",
            "stage.lora.alpha=8",
            "stage.reference=adapters_disabled",
            "stage.lr=2e-2",
        ),
        tmp_path / "lora",
    )
    assert results["val_before"]["val/rewards/margins"] == pytest.approx(0.0, abs=1e-5)
    assert results["val_before"]["val/rewards/accuracies"] == 0.5  # LoRA B = 0: all ties
    assert results["val_after"]["val/rewards/margins"] > 0
    merged = AutoModelForCausalLM.from_pretrained(tmp_path / "lora" / "hf_checkpoint")
    assert not any("lora" in k for k in merged.state_dict())


def test_chat_data_for_dpo_is_a_clear_error(tmp_path):
    from medlab.errors import DataError

    with pytest.raises(DataError, match="needs preference pairs"):
        run_stage(
            compose_config(["stage=dpo", "data=medical_sft_sample", "logger=csv", *SMALL_MODEL]),
            tmp_path / "x",
        )


@pytest.mark.parametrize("rationale", ["none", "both"])
def test_shipped_medmcqa_sample_trains_as_preferences(tmp_path, rationale):
    """data=medmcqa_sample (MedMCQA schema) -> pairs -> a few DPO steps with the cache, with
    either pair format (data.pair_rationale) and one pair per wrong option."""
    cfg = compose_config(
        [
            "stage=dpo",
            "data=medmcqa_sample",
            "logger=csv",
            *SMALL_MODEL,
            "stage.max_steps=2",
            "stage.warmup_steps=0",
            "stage.micro_batch_size=4",
            "stage.val_every_n_steps=2",
            "stage.reference=precomputed",
            "data.rejected_strategy=all",
            f"data.pair_rationale={rationale}",
        ]
    )
    assert cfg.data.pair_rationale == rationale
    results = run_stage(cfg, tmp_path / "mcq")
    assert results["steps"] == 2
    before, after = results["val_before"], results["val_after"]
    # Step 0 with the cached reference: every margin is exactly 0, a tie scores 0.5 and the
    # sigmoid loss is -log sigma(0) = ln 2.
    assert before["val/rewards/accuracies"] == 0.5
    assert before["val/loss"] == pytest.approx(math.log(2), rel=1e-6)
    # Two steps on 8 of the 438 training pairs moved the policy away from the reference. No
    # held-out improvement is asserted: with both sides in one format (no explanation only on
    # the chosen side to learn as "longer wins"), 2 steps cannot tell unseen questions apart.
    assert after["val/rewards/chosen"] != 0.0 and after["val/rewards/margins"] != 0.0
    assert math.isfinite(after["val/loss"])
