"""Validation once per interval and once at the end; train metrics from the first step;
`train/grad_norm` (before clipping) in every stage's metrics."""

from __future__ import annotations

import copy
import csv
import math
from pathlib import Path

import lightning as L
import pytest
import torch
from lightning.pytorch.callbacks import Callback
from lightning.pytorch.loggers import CSVLogger
from torch.utils.data import DataLoader

from medlab.config import SFTConfig, TinyModelConfig
from medlab.data.collate import MicroBatch
from medlab.models.build import build_tiny_model
from medlab.stage_registry import run_stage
from medlab.stages.sft import SFTModule
from tests.conftest import REPO_ROOT, compose_config

pytestmark = pytest.mark.slow

ASSETS = REPO_ROOT / "medlab" / "assets" / "data"
SMALL_MODEL = [
    "model.tiny.hidden_size=64",
    "model.tiny.num_hidden_layers=2",
    "model.tiny.intermediate_size=128",
]


def head(tmp_path: Path, source: str, lines: int) -> Path:
    """The first `lines` rows of a shipped jsonl file (small held-out sets keep tests fast)."""
    out = tmp_path / f"{source.replace('/', '_')}_{lines}.jsonl"
    out.write_text("".join((ASSETS / source).read_text().splitlines(keepends=True)[:lines]))
    return out


def length_reward(completions: list[str], **_: object) -> list[float]:
    return [float(len(c)) for c in completions]


def stage_config(tmp_path: Path, stage: str, *extra: str):
    common = ["logger=csv", "stage.warmup_steps=0", "stage.val_before_training=false"]
    common += ["stage.checkpoint_every_n_steps=1000", *SMALL_MODEL]
    if stage == "sft":
        val = head(tmp_path, "medical_sft/val.jsonl", 2)
        overrides = ["stage.micro_batch_size=2", "stage.max_length=256"]
        overrides += [f"data.val_files=[{val}]"]
    elif stage == "dpo":
        val = head(tmp_path, "policy_dpo/val.jsonl", 2)
        overrides = ["stage=dpo", "data=policy_dpo_sample", f"data.val_files=[{val}]"]
        overrides += ["stage.micro_batch_size=2", "stage.grad_accum_steps=1"]
    else:
        overrides = ["stage=grpo", "data=toy_triage", "reward=toy_triage"]
        # a reward that differs between sampled completions: a non-zero policy gradient
        overrides += [f"reward.short_rationale.fn._target_={__name__}.length_reward"]
        overrides += ["reward.short_rationale.weight=1.0"]
        overrides += ["stage.prompts_per_step=2", "stage.num_generations=4"]
        overrides += ["stage.micro_batch_size=4", "stage.max_completion_length=4"]
        overrides += ["stage.val_max_prompts=2"]
    return compose_config([*overrides, *common, *extra])


def read_metrics(stage_dir: Path) -> list[dict]:
    with (stage_dir / "csv" / "metrics.csv").open() as f:
        return list(csv.DictReader(f))


class CountValidations(Callback):
    def __init__(self) -> None:
        self.at_steps: list[int] = []

    def on_validation_end(self, trainer, pl_module):
        self.at_steps.append(trainer.global_step)


@pytest.mark.parametrize(
    ("max_steps", "expected"),
    [(4, [2, 4]), (5, [2, 4, 5])],  # multiple of val_every_n_steps=2, and not
)
def test_validation_runs_once_per_interval_and_once_at_the_end(tmp_path, max_steps, expected):
    counter = CountValidations()
    cfg = stage_config(
        tmp_path,
        "sft",
        f"stage.max_steps={max_steps}",
        "stage.val_every_n_steps=2",
        "stage.log_every_n_steps=1",
    )
    results = run_stage(cfg, tmp_path / "run", callbacks=[counter])
    assert counter.at_steps == expected
    val_rows = [r for r in read_metrics(tmp_path / "run") if r.get("val/loss")]
    assert len(val_rows) == len(expected)  # one CSV row per validation pass
    # results.json holds the metrics of the last pass (reused, or from the one after fit)
    assert results["val_after"]["val/loss"] == pytest.approx(float(val_rows[-1]["val/loss"]))
    assert results["val_after"]["val/mean_token_accuracy"] == pytest.approx(
        float(val_rows[-1]["val/mean_token_accuracy"])
    )
    assert results["val_loss_after"] == results["val_after"]["val/loss"]


@pytest.mark.parametrize(("max_steps", "logged_steps"), [(3, [0, 2]), (7, [0, 4, 6])])
def test_train_metrics_written_at_first_last_and_every_n_steps(tmp_path, max_steps, logged_steps):
    cfg = stage_config(
        tmp_path,
        "sft",
        f"stage.max_steps={max_steps}",
        "stage.val_every_n_steps=1000",
        "stage.log_every_n_steps=5",
    )
    run_stage(cfg, tmp_path / "run")
    rows = [r for r in read_metrics(tmp_path / "run") if r.get("train/loss")]
    assert [int(r["step"]) for r in rows] == logged_steps  # Lightning's 0-based batch index
    assert all(math.isfinite(float(r["train/grad_norm"])) for r in rows)


@pytest.mark.parametrize("stage", ["sft", "dpo", "grpo"])
def test_every_stage_logs_grad_norm_from_the_first_step(tmp_path, stage):
    cfg = stage_config(
        tmp_path,
        stage,
        "stage.max_steps=2",
        "stage.val_every_n_steps=1000",
        "stage.log_every_n_steps=5",
    )
    run_stage(cfg, tmp_path / "run")
    rows = [r for r in read_metrics(tmp_path / "run") if r.get("train/grad_norm")]
    assert [int(r["step"]) for r in rows] == [0, 1]
    for row in rows:
        assert float(row["train/grad_norm"]) > 0 and math.isfinite(float(row["train/grad_norm"]))
        assert row["train/loss"]


# ---- the logged norm is the gradient norm before clipping -----------------------------------
def micro_batch(seed: int, vocab: int) -> MicroBatch:
    gen = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, vocab, (2, 12), generator=gen)
    targets = ids.clone()
    targets[:, :4] = -100  # a prompt: no loss there
    return {
        "input_ids": ids,
        "targets": targets,
        "position_ids": torch.arange(12).repeat(2, 1),
        "attention_mask": torch.ones_like(ids),
    }


def hand_grad_norm(model: torch.nn.Module, batch: list[MicroBatch]) -> float:
    """sqrt(sum of squared gradients) of the token-mean loss of `batch`, computed by hand."""
    model = copy.deepcopy(model)
    losses, tokens = [], 0
    for mb in batch:
        logits = model(input_ids=mb["input_ids"], position_ids=mb["position_ids"]).logits
        shifted = mb["targets"]  # targets are aligned with the logits' positions already
        keep = shifted != -100
        losses.append(
            torch.nn.functional.cross_entropy(logits[keep], shifted[keep], reduction="sum")
        )
        tokens += int(keep.sum())
    (torch.stack(losses).sum() / tokens).backward()
    squares = [
        float((p.grad.double() ** 2).sum()) for p in model.parameters() if p.grad is not None
    ]
    return math.sqrt(sum(squares))


@pytest.mark.parametrize("max_grad_norm", [0.0, 1e-3])
def test_logged_grad_norm_is_the_norm_before_clipping(tmp_path, tokenizer, max_grad_norm):
    tiny = TinyModelConfig(hidden_size=64, num_hidden_layers=2, intermediate_size=128)
    model = build_tiny_model(tiny, tokenizer)
    batch = [micro_batch(0, len(tokenizer)), micro_batch(1, len(tokenizer))]
    expected = hand_grad_norm(model, batch)
    assert expected > 100 * max_grad_norm  # the clipped norm would be far smaller
    cfg = SFTConfig(max_steps=1, warmup_steps=0, lr=1e-3, max_grad_norm=max_grad_norm)
    trainer = L.Trainer(
        accelerator="cpu",
        max_steps=1,
        logger=CSVLogger(tmp_path, name="", version=""),
        log_every_n_steps=1,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
    )
    loader: DataLoader = DataLoader([batch], batch_size=1, collate_fn=lambda items: items[0])  # type: ignore[arg-type]
    trainer.fit(SFTModule(model, cfg), train_dataloaders=loader)
    with (tmp_path / "metrics.csv").open() as f:
        rows = [r for r in csv.DictReader(f) if r.get("train/grad_norm")]
    assert len(rows) == 1
    assert float(rows[0]["train/grad_norm"]) == pytest.approx(expected, rel=1e-4)
