"""FSDP full shard on CPU: 2 gloo processes under `hardware=gpu_8x_fsdp` give what 1 process gives.

The sft -> dpo part of test_ddp's pipeline (3 + 3 optimizer steps, same inputs, same helpers)
runs twice:

- 2 processes through the real CLI with the FSDP hardware file made CPU-sized:
  ``python -m medlab.run +experiment=ddp_check_2 hardware=gpu_8x_fsdp hardware.accelerator=cpu
  hardware.devices=2 hardware.precision=32-true hardware.strategy.process_group_backend=gloo
  ~phases.grpo`` (FSDP2 `fully_shard` of every decoder layer and of the root, activation
  checkpointing on), 2 examples per rank per step;
- 1 process, in this pytest process, 4 examples per step: the same global batch.

The DPO held-out set has 5 pairs, split 3 / 2 over the ranks (SFT keeps 4 of its 5
conversations: 2 / 2): under FSDP every forward is a collective, so this also checks that
validation does not hang on uneven shards and that the forward rank 1 replays adds nothing to
the held-out metrics (DPO `val_loss_after`).

Tolerance: as test_ddp (`LOSS_ATOL` = `WEIGHT_ATOL` = 1e-4; float32 sums in another order).
"""

from __future__ import annotations

import pytest
import torch
from safetensors.torch import load_file

from tests.integration.test_ddp import (
    LOSS_ATOL,
    WEIGHT_ATOL,
    _write_inputs,
    results,
    run_two_and_one,
    run_two_processes,
    series,
)

FSDP_ON_CPU = [
    "hardware=gpu_8x_fsdp",
    "hardware.accelerator=cpu",
    "hardware.devices=2",
    "hardware.precision=32-true",
    "hardware.strategy.process_group_backend=gloo",
]
SHARDED = "FSDP2 full shard over 2 ranks: 2 decoder layers + root, activation checkpointing on"


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return run_two_and_one(tmp_path_factory.mktemp("fsdp"), FSDP_ON_CPU, ["~phases.grpo"])


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["sft", "dpo"])
def test_fsdp_follows_the_one_process_loss_trajectory(runs, phase):
    # both ranks sharded the model (2 decoder layers + root) with activation checkpointing
    for log in ("run.log", "train_ddp_process_1.log"):
        assert (runs.two / log).read_text().count(SHARDED) == 2, log  # once per phase
    one, two = series(runs.one / phase, "train/loss"), series(runs.two / phase, "train/loss")
    assert len(one) == len(two) == 3
    assert one[0] != one[-1]  # the loss moved: the comparison is not of constants
    assert two == pytest.approx(one, abs=LOSS_ATOL)
    a, b = results(runs.one, phase), results(runs.two, phase)
    assert b["steps"] == 3
    assert b["val_loss_after"] == pytest.approx(a["val_loss_after"], abs=LOSS_ATOL)
    if phase == "sft":  # held-out loss before training: sharded val set, reduced sums
        assert b["val_loss_before"] == pytest.approx(a["val_loss_before"], abs=LOSS_ATOL)
    else:
        key = "rewards/margins"
        assert series(runs.two / phase, key) == pytest.approx(
            series(runs.one / phase, key), abs=LOSS_ATOL
        )


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["sft", "dpo"])
def test_fsdp_export_is_the_full_trained_model(runs, phase):
    """The HF checkpoint of the sharded run holds every weight, gathered in full, and they are
    the 1-process run's trained weights; it loads with AutoModelForCausalLM."""
    from transformers import AutoModelForCausalLM

    one = load_file(str(runs.one / phase / "hf_checkpoint" / "model.safetensors"))
    two_dir = runs.two / phase / "hf_checkpoint"
    assert (two_dir / "COMPLETE").is_file()
    two = load_file(str(two_dir / "model.safetensors"))
    assert one.keys() == two.keys()
    for key in one:
        assert two[key].shape == one[key].shape, key  # full tensors, not rank 0's shard
    worst = max(float((one[k] - two[k]).abs().max()) for k in one)
    assert worst <= WEIGHT_ATOL, worst
    loaded = AutoModelForCausalLM.from_pretrained(str(two_dir)).state_dict()
    for key, value in one.items():
        assert torch.allclose(loaded[key], value, atol=WEIGHT_ATOL), key
    if phase == "dpo":
        sft = load_file(str(runs.two / "sft" / "hf_checkpoint" / "model.safetensors"))
        assert max(float((sft[k] - two[k]).abs().max()) for k in two) > 10 * WEIGHT_ATOL


@pytest.mark.slow
def test_grpo_with_hf_generate_runs_under_fsdp(tmp_path):
    """GRPO with the real Hugging Face `generate` (not the scripted backend) on 2 sharded ranks:
    every generate step is a collective, so `synced_gpus` (set by `is_sharded`) must keep the
    ranks in step. The run must finish its 2 steps and export a complete, loadable checkpoint
    instead of hanging (the subprocess timeout fails the test)."""
    from transformers import AutoModelForCausalLM

    run_dir = tmp_path / "grpo_fsdp"
    run_two_processes(
        _write_inputs(tmp_path),
        run_dir,
        *FSDP_ON_CPU,
        "~phases.sft",
        "~phases.dpo",
        "~rollout",
        "stage.max_completion_length=12",
        timeout=240,
    )
    for log in ("run.log", "train_ddp_process_1.log"):  # both ranks sharded the model
        assert (run_dir / log).read_text().count(SHARDED) == 1, log
    done = results(run_dir, "grpo")
    assert done["steps"] == 2
    assert done["val_after"]["val/completion_length_mean"] == 12.0
    model = AutoModelForCausalLM.from_pretrained(run_dir / "grpo" / "hf_checkpoint")
    assert torch.isfinite(model(torch.tensor([[1, 2, 3]])).logits).all()
