"""A bf16 checkpoint trained under bf16-mixed updates fp32 weights, through the stage code.

At lr 5e-7 one AdamW step moves each weight by ~5e-7: representable in fp32, but below half
the bf16 spacing of a weight of magnitude 0.02 (~6e-5), so bf16 parameters would keep ~99% of
their elements unchanged. The trained parameters must be fp32 (like the fp32 run), the frozen
reference of DPO stays in the checkpoint's bf16, and the export is bf16 again.
"""

from __future__ import annotations

import json

import pytest
import torch
from lightning.pytorch.callbacks import Callback
from safetensors import safe_open

from medlab.config import TinyModelConfig
from medlab.models.build import build_tiny_model
from medlab.stage_registry import run_stage
from tests.conftest import REPO_ROOT, compose_config

pytestmark = pytest.mark.slow

ASSETS = REPO_ROOT / "medlab" / "assets" / "data"
TINY = TinyModelConfig(
    hidden_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2
)


@pytest.fixture
def checkpoint_dir(tmp_path, tokenizer):
    out = tmp_path / "tiny_checkpoint"
    build_tiny_model(TINY, tokenizer).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


class WatchTraining(Callback):
    """Trained parameters before the first and after the last step; dtypes seen in fit."""

    def __init__(self) -> None:
        self.before: dict[str, torch.Tensor] = {}
        self.after: dict[str, torch.Tensor] = {}
        self.state_dtypes: set[torch.dtype] = set()
        self.reference_dtypes: set[torch.dtype] = set()
        self.precision = ""

    @staticmethod
    def trained(pl_module) -> dict[str, torch.Tensor]:
        return {
            n: p.detach().clone() for n, p in pl_module.model.named_parameters() if p.requires_grad
        }

    def on_train_start(self, trainer, pl_module):
        self.before = self.trained(pl_module)
        self.precision = str(trainer.precision)
        reference = getattr(getattr(pl_module, "reference", None), "model", None)
        if reference is not None:
            self.reference_dtypes = {p.dtype for p in reference.parameters()}

    def on_train_end(self, trainer, pl_module):
        self.after = self.trained(pl_module)
        for state in trainer.optimizers[0].state.values():
            self.state_dtypes |= {v.dtype for k, v in state.items() if k != "step"}


def changed_fraction(watch: WatchTraining) -> float:
    changed = sum(int((watch.after[n] != b).sum()) for n, b in watch.before.items())
    return changed / sum(b.numel() for b in watch.before.values())


def one_step_config(tmp_path, checkpoint_dir, dtype, precision, *extra):
    return compose_config(
        [
            "logger=csv",
            f"model.path={checkpoint_dir}",
            f"model.dtype={dtype}",
            f"hardware.precision={precision}",
            "stage.lr=5e-7",
            "stage.max_steps=1",
            "stage.warmup_steps=0",
            "stage.weight_decay=0.0",
            "stage.val_before_training=false",
            "stage.micro_batch_size=2",
            "stage.max_length=256",
            f"data.val_files=[{ASSETS / 'medical_sft' / 'val.jsonl'}]",
            *extra,
        ]
    )


@pytest.mark.parametrize(
    ("dtype", "precision"), [("bfloat16", "bf16-mixed"), ("float32", "32-true")]
)
def test_one_step_at_lr_5e_7_changes_every_trained_weight(
    tmp_path, checkpoint_dir, dtype, precision
):
    watch = WatchTraining()
    cfg = one_step_config(tmp_path, checkpoint_dir, dtype, precision)
    run_stage(cfg, tmp_path / "run", callbacks=[watch])

    assert watch.precision == precision  # bf16-mixed runs on CPU (torch.autocast on cpu)
    assert changed_fraction(watch) >= 0.99  # bf16 parameters: ~0.01
    assert {t.dtype for t in watch.after.values()} == {torch.float32}
    assert watch.state_dtypes == {torch.float32}  # AdamW moments of fp32 parameters
    hf_dir = tmp_path / "run" / "hf_checkpoint"
    assert json.loads((hf_dir / "config.json").read_text())["dtype"] == dtype
    with safe_open(str(hf_dir / "model.safetensors"), "pt") as f:
        assert {f.get_tensor(k).dtype for k in f.keys()}  # noqa: SIM118 (no __iter__) == {getattr(torch, dtype)}


def test_dpo_frozen_copy_reference_stays_bf16_while_the_policy_trains_in_fp32(
    tmp_path, checkpoint_dir
):
    val = tmp_path / "val.jsonl"
    val.write_text("".join((ASSETS / "policy_dpo" / "val.jsonl").read_text().splitlines(True)[:2]))
    watch = WatchTraining()
    cfg = one_step_config(
        tmp_path,
        checkpoint_dir,
        "bfloat16",
        "bf16-mixed",
        "stage=dpo",
        "data=policy_dpo_sample",
        f"data.val_files=[{val}]",
        "stage.reference=frozen_copy",
        "stage.grad_accum_steps=1",
    )
    run_stage(cfg, tmp_path / "run", callbacks=[watch])

    assert watch.reference_dtypes == {torch.bfloat16}
    assert {t.dtype for t in watch.after.values()} == {torch.float32}
    assert changed_fraction(watch) >= 0.99
