"""Non-finite guard (issue 12.3): non-finite config values refused, a non-finite gradient or
loss stops training at that step with the last good checkpoint kept, non-finite weights are not
exported, result files are strict JSON, a clearly worse held-out metric is flagged."""

from __future__ import annotations

import json
import math
import types
from typing import Any

import lightning as L
import numpy as np
import pytest
import torch
from torch.utils.data import DataLoader

from medlab.atomic_files import atomic_write_json
from medlab.config import DPOConfig, MergeConfig, SFTConfig, from_dict
from medlab.config.hardware import HardwareConfig
from medlab.errors import ConfigError, MedlabError
from medlab.stage_registry import parse_configs
from medlab.stages.finite_guard import (
    FiniteGuard,
    NonFiniteError,
    check_finite_weights,
    degradation,
)
from medlab.stages.optim import configure_adamw, optimizer_step
from medlab.stages.trainer import build_trainer, set_process_group_timeout
from tests.conftest import compose_config


def strict_loads(text: str) -> Any:
    """json.loads that refuses NaN / Infinity / -Infinity (which Python's json accepts)."""

    def refuse(token: str) -> Any:
        raise ValueError(f"non-standard JSON constant {token}")

    return json.loads(text, parse_constant=refuse)


# ---- (a) config values -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("overrides", "key", "shown"),
    [
        (["stage.lr=inf"], "stage.lr", "inf"),
        (["stage.lr=nan"], "stage.lr", "nan"),
        (["stage.max_grad_norm=-inf"], "stage.max_grad_norm", "-inf"),
        (["stage.adam_eps=nan"], "stage.adam_eps", "nan"),
        (["stage.max_epochs=inf"], "stage.max_epochs", "inf"),
        (["stage.lora.dropout=nan"], "stage.lora.dropout", "nan"),
        (["data.val_fraction=nan"], "data.val_fraction", "nan"),
        (["stage=dpo", "stage.beta=nan"], "stage.beta", "nan"),
        (["stage=dpo", "stage.label_smoothing=-inf"], "stage.label_smoothing", "-inf"),
        (["stage=grpo", "stage.temperature=inf"], "stage.temperature", "inf"),
        (["stage=grpo", "stage.epsilon_high=inf"], "stage.epsilon_high", "inf"),
    ],
)
def test_non_finite_config_value_is_refused_naming_the_key(overrides, key, shown):
    with pytest.raises(ConfigError) as exc:
        parse_configs(compose_config(overrides))
    assert str(exc.value) == (
        f"{key}: must be a finite number, got {shown}. Set {key}=<finite number>."
    )


def test_non_finite_value_refused_when_the_config_is_built_in_python():
    with pytest.raises(ConfigError, match=r"^stage\.lr: must be a finite number, got inf"):
        SFTConfig(lr=math.inf)
    with pytest.raises(ConfigError, match=r"^stage\.beta: must be a finite number, got nan"):
        DPOConfig(beta=math.nan)


def test_other_config_groups_refuse_non_finite_numbers():
    with pytest.raises(ConfigError, match=r"^merge\.weight: must be a finite number, got nan"):
        from_dict(MergeConfig, {"weight": math.nan}, "merge")
    with pytest.raises(ConfigError, match=r"^hardware\.process_group_timeout_min: .*finite"):
        set_process_group_timeout(object(), math.inf)
    from medlab.stages.grpo_setup import build_rewards

    reward = {"fn": {"_target_": "medlab.rewards.mcq.mcq_correctness_reward"}}
    with pytest.raises(ConfigError, match=r"^reward\.mcq\.weight: must be a finite number"):
        build_rewards({"mcq": {**reward, "weight": math.inf}})


# ---- (c) strict result files -------------------------------------------------------------
def test_result_files_are_strict_json_with_nonfinite_flag(tmp_path):
    path = tmp_path / "results.json"
    results = {
        "stage": "sft",
        "steps": 3,
        "val_loss_before": 8.36,
        "val_loss_after": math.nan,
        "val_after": {"val/loss": math.inf, "val/mean_token_accuracy": np.float32(0.5)},
        "history": [1.0, -math.inf],
    }
    atomic_write_json(path, results)
    data = strict_loads(path.read_text())  # no bare NaN / Infinity in the file
    assert data["val_loss_after"] is None and data["val_after"]["val/loss"] is None
    assert data["history"] == [1.0, None]
    assert data["val_loss_before"] == 8.36 and data["val_after"]["val/mean_token_accuracy"] == 0.5
    assert data["nonfinite"] == ["history[1]", "val_after.val/loss", "val_loss_after"]
    assert math.isnan(results["val_loss_after"])  # the caller's dict is not changed
    atomic_write_json(path, {**data, "steps": 4})  # rewriting keeps the flag
    assert strict_loads(path.read_text())["nonfinite"] == data["nonfinite"]
    atomic_write_json(path, {"val/loss": 1.0})
    assert "nonfinite" not in strict_loads(path.read_text())


# ---- (d) degraded held-out metric --------------------------------------------------------
def test_degradation_margins():
    assert degradation("sft", {"val/loss": 8.0}, {"val/loss": 8.3}) is None  # within 5%
    worse = degradation("sft", {"val/loss": 8.0}, {"val/loss": 8.5})
    assert worse == {
        "metric": "val/loss",
        "before": 8.0,
        "after": 8.5,
        "margin": 0.4,
        "better": "lower",
    }
    assert degradation("sft", {"val/loss": 8.0}, {"val/loss": 6.0}) is None
    assert degradation("dpo", {"val/loss": 0.693}, {"val/loss": 0.74}) is None  # 0.05 floor
    assert degradation("dpo", {"val/loss": 0.693}, {"val/loss": 0.75}) is not None
    assert degradation("grpo", {"val/reward_mean": 0.5}, {"val/reward_mean": 0.46}) is None
    drop = degradation("grpo", {"val/reward_mean": 0.5}, {"val/reward_mean": 0.4})
    assert drop is not None and drop["better"] == "higher"
    assert degradation("sft", {"val/loss": 8.0}, {"val/loss": math.nan}) is not None
    assert degradation("sft", None, {"val/loss": 9.0}) is None  # no 'before' measured
    assert degradation("merge", {"val/loss": 1.0}, {"val/loss": 9.0}) is None


# ---- (b) the training guard --------------------------------------------------------------
class Planted(L.LightningModule):
    """A linear model trained with medlab's optimizer_step; at optimizer step `bad` its
    loss (`where="grad"`: the backward) or only the logged train/loss (`"log"`) is NaN."""

    def __init__(self, bad: int, where: str) -> None:
        super().__init__()
        self.model = torch.nn.Linear(4, 1)
        self.cfg = SFTConfig(
            lr=0.1, max_steps=6, warmup_steps=0, checkpoint_every_n_steps=1, val_every_n_steps=50
        )
        self.automatic_optimization = False
        self.bad, self.where = bad, where

    def training_step(self, batch: torch.Tensor, batch_idx: int) -> None:
        optimizer: Any = self.optimizers()
        loss = self.model(batch.float()).pow(2).mean()
        step = self.trainer.global_step + 1
        if step == self.bad and self.where == "grad":
            loss = loss * math.nan
        self.manual_backward(loss)
        optimizer_step(self, optimizer, self.lr_schedulers(), self.cfg.max_grad_norm)
        logged = math.nan if step == self.bad and self.where == "log" else float(loss.detach())
        self.log("train/loss", logged, on_step=True, batch_size=1)

    def train_dataloader(self) -> DataLoader:
        return DataLoader(torch.ones(12, 4), batch_size=1)

    def configure_optimizers(self) -> Any:
        return configure_adamw(self.model, self.cfg)


def fit_planted(tmp_path, where: str) -> tuple[Planted, pytest.ExceptionInfo]:
    module = Planted(bad=3, where=where)
    trainer = build_trainer(
        HardwareConfig(accelerator="cpu", devices=1),
        max_steps=6,
        val_every_n_steps=50,
        checkpoint_every_n_steps=1,
        log_every_n_steps=1,
        run_dir=tmp_path,
        loggers=[],
        callbacks=[FiniteGuard()],
    )
    with pytest.raises(NonFiniteError) as exc:
        trainer.fit(module)
    return module, exc


@pytest.mark.parametrize("where", ["grad", "log"])
def test_guard_stops_at_the_step_and_keeps_the_last_good_checkpoint(tmp_path, where):
    module, exc = fit_planted(tmp_path, where)
    message = str(exc.value)
    assert isinstance(exc.value, MedlabError)  # medlab.run: one line, exit status 2
    assert "\n" not in message
    assert message.startswith("training diverged at optimizer step 3 of 6: ")
    last = tmp_path / "checkpoints" / "last.ckpt"
    assert f"Last good checkpoint: {last} (step 2), kept." in message
    assert "no hf_checkpoint" in message and "stage.lr (now 0.1)" in message
    checkpoint = torch.load(last, map_location="cpu", weights_only=False)
    assert checkpoint["global_step"] == 2  # the bad step was never saved
    assert all(torch.isfinite(v).all() for v in checkpoint["state_dict"].values())
    if where == "grad":  # stopped before the optimizer step: the weights are untouched
        assert "the gradients are not finite (global norm nan)" in message
        assert all(torch.isfinite(p).all() for p in module.parameters())
    else:
        assert "train/loss is nan; its checkpoint was not saved" in message


def test_weights_that_overflow_the_export_dtype_are_not_exported(tiny_model, tmp_path):
    tiny_model.config.dtype = torch.float16  # loaded in fp16, trained in fp32 masters
    module = types.SimpleNamespace(model=tiny_model, device=torch.device("cpu"), cfg=None)
    trainer: Any = types.SimpleNamespace(
        world_size=1,
        global_step=7,
        checkpoint_callback=None,
        default_root_dir=str(tmp_path),
        lightning_module=module,
    )
    check_finite_weights(trainer, module, val_after={"val/loss": 3.0})  # fine: no error
    with pytest.raises(NonFiniteError, match="held-out val/loss is nan"):
        check_finite_weights(trainer, module, val_after={"val/loss": math.nan})
    with torch.no_grad():
        next(tiny_model.parameters())[0, 0] = 1e6  # > fp16's 65504
    with pytest.raises(NonFiniteError) as exc:
        check_finite_weights(trainer, module)
    assert str(exc.value).startswith(
        "training diverged: after optimizer step 7 the weights are not finite in float16; "
        "nothing exported (no hf_checkpoint). No checkpoint was saved before step 7"
    )
