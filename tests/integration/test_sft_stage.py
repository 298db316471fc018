"""SFT stage end to end on a tiny model: export round trip, resume, LoRA merge, phases, W&B."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import torch
from lightning.pytorch.callbacks import Callback
from transformers import AutoModelForCausalLM

from medlab.atomic_files import is_complete
from medlab.experiment import run_experiment
from medlab.stage_registry import run_stage
from tests.conftest import compose_config

pytestmark = pytest.mark.slow

SMALL_MODEL = [
    "model.tiny.hidden_size=64",
    "model.tiny.num_hidden_layers=2",
    "model.tiny.intermediate_size=128",
]


@pytest.fixture
def data_files(tmp_path, chat_rows):
    train = tmp_path / "train.jsonl"
    val = tmp_path / "val.jsonl"
    train.write_text("".join(json.dumps(r) + "\n" for r in chat_rows * 4))
    val.write_text("".join(json.dumps(r) + "\n" for r in chat_rows[:2]))
    return train, val


def small_config(data_files, *extra):
    train, val = data_files
    return compose_config(
        [
            "logger=csv",
            f"data.train_files=[{train}]",
            f"data.val_files=[{val}]",
            "stage.max_steps=8",
            "stage.warmup_steps=1",
            "stage.val_every_n_steps=4",
            "stage.checkpoint_every_n_steps=4",
            "stage.log_every_n_steps=1",
            "stage.micro_batch_size=2",
            "stage.grad_accum_steps=2",
            "stage.lr=1e-3",
            *SMALL_MODEL,
            *extra,
        ]
    )


def read_metrics(stage_dir: Path) -> list[dict]:
    with (stage_dir / "csv" / "metrics.csv").open() as f:
        return list(csv.DictReader(f))


def test_stage_exports_loadable_checkpoint_with_same_logits(tmp_path, data_files):
    stage_dir = tmp_path / "run"
    results = run_stage(small_config(data_files), stage_dir)
    hf_dir = stage_dir / "hf_checkpoint"
    assert is_complete(hf_dir)
    assert (hf_dir / "model.safetensors").is_file() and (hf_dir / "chat_template.jinja").is_file()
    assert results["steps"] == 8
    assert results["val_loss_after"] < results["val_loss_before"]

    rows = read_metrics(stage_dir)
    for key in (
        "train/loss",
        "train/mean_token_accuracy",
        "train/tokens_per_sec",
        "train/step_time",
        "val/loss",
    ):
        assert any(r.get(key) for r in rows), key

    # Reload the exported checkpoint and compare logits with the Lightning checkpoint weights.
    loaded = AutoModelForCausalLM.from_pretrained(hf_dir)
    ckpt = torch.load(
        stage_dir / "checkpoints" / "last.ckpt", map_location="cpu", weights_only=False
    )
    assert ckpt["global_step"] == 8
    state = {k.removeprefix("model."): v for k, v in ckpt["state_dict"].items()}
    reference = AutoModelForCausalLM.from_config(loaded.config)
    reference.load_state_dict(state, strict=False)
    reference.tie_weights()
    ids = torch.randint(0, loaded.config.vocab_size, (2, 17))
    with torch.no_grad():
        assert torch.allclose(loaded(ids).logits, reference(ids).logits, atol=1e-5)
    # The exported tokenizer carries the chat template.
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(hf_dir)
    assert "<|im_start|>" in tok.apply_chat_template(
        [{"role": "user", "content": "hi"}], tokenize=False
    )

    # Running again into a finished directory skips the work and returns the same results.
    again = run_stage(small_config(data_files), stage_dir)
    assert again == results


class CrashAtStep(Callback):
    def __init__(self, step: int) -> None:
        self.step = step

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
        if trainer.global_step == self.step:
            raise RuntimeError("simulated crash")


class RecordSteps(Callback):
    def __init__(self) -> None:
        self.starts: list[int] = []

    def on_train_batch_start(self, trainer, pl_module, batch, batch_idx):
        self.starts.append(trainer.global_step)


def final_weights(stage_dir: Path) -> dict[str, torch.Tensor]:
    ckpt = torch.load(
        stage_dir / "checkpoints" / "last.ckpt", map_location="cpu", weights_only=False
    )
    return ckpt["state_dict"]


def test_resume_after_interruption_continues_from_saved_step(tmp_path, data_files):
    """Crash at step 6 (checkpoint at 4); re-running resumes at step 4 and ends with the same
    weights as an uninterrupted run (same data order, optimizer and scheduler state)."""
    straight = tmp_path / "straight"
    run_stage(small_config(data_files), straight)

    crashed = tmp_path / "crashed"
    with pytest.raises(RuntimeError, match="simulated crash"):
        run_stage(small_config(data_files), crashed, callbacks=[CrashAtStep(6)])
    assert not (crashed / "hf_checkpoint").exists()
    assert torch.load(crashed / "checkpoints" / "last.ckpt", weights_only=False)["global_step"] == 4

    recorder = RecordSteps()
    results = run_stage(small_config(data_files), crashed, callbacks=[recorder])
    assert recorder.starts[0] == 4 and recorder.starts[-1] == 7
    assert results["steps"] == 8
    # The 'before' number survives the crash.
    assert (
        results["val_loss_before"]
        == json.loads((straight / "results.json").read_text())["val_loss_before"]
    )
    a, b = final_weights(straight), final_weights(crashed)
    for name in a:
        assert torch.allclose(a[name], b[name], atol=1e-6), name
    steps = [int(r["step"]) for r in read_metrics(crashed) if r.get("train/loss")]
    assert steps == sorted(set(steps)), "metrics.csv holds each training step once"


def test_lora_merged_export_matches_adapter_model(tmp_path, data_files):
    stage_dir = tmp_path / "lora"
    results = run_stage(
        small_config(
            data_files,
            "stage.lora.enabled=true",
            "stage.lora.r=4",
            "stage.lora.alpha=8",
            "stage.lr=1e-2",
        ),
        stage_dir,
    )
    assert results["val_loss_after"] < results["val_loss_before"]
    merged = AutoModelForCausalLM.from_pretrained(stage_dir / "hf_checkpoint")
    assert not any("lora" in k for k in merged.state_dict())

    # Rebuild base + adapters from the Lightning checkpoint and compare logits.
    from peft import LoraConfig, get_peft_model

    from medlab.config import TinyModelConfig
    from medlab.models.build import build_tiny_model
    from medlab.models.tokenizer import load_tokenizer

    base = build_tiny_model(
        TinyModelConfig(hidden_size=64, num_hidden_layers=2, intermediate_size=128),
        load_tokenizer(None),
    )
    peft_model = get_peft_model(
        base,
        LoraConfig(
            r=4,
            lora_alpha=8,
            target_modules=[
                "q_proj",
                "k_proj",
                "v_proj",
                "o_proj",
                "gate_proj",
                "up_proj",
                "down_proj",
            ],
        ),
    )
    state = {k.removeprefix("model."): v for k, v in final_weights(stage_dir).items()}
    missing, unexpected = peft_model.load_state_dict(state, strict=False)
    assert not unexpected
    ids = torch.randint(0, merged.config.vocab_size, (2, 13))
    with torch.no_grad():
        assert torch.allclose(merged(ids).logits, peft_model(ids).logits, atol=1e-4)
    # And the adapters actually changed the model.
    base_only = build_tiny_model(
        TinyModelConfig(hidden_size=64, num_hidden_layers=2, intermediate_size=128),
        load_tokenizer(None),
    )
    with torch.no_grad():
        assert not torch.allclose(merged(ids).logits, base_only(ids).logits, atol=1e-3)


def test_med_advisor_phases_chain_checkpoints_on_tiny_model(tmp_path, data_files):
    """Phase 2 starts from phase 1's exported checkpoint (tiny model, shipped-style data)."""
    train, val = data_files
    cfg = compose_config(
        [
            "+experiment=med_advisor_sft",
            "model=tiny_qwen3",
            "hardware=cpu",
            "logger=csv",
            *SMALL_MODEL,
            f"data.train_files=[{train}]",
            f"data.val_files=[{val}]",
            f"phase_data.persona.train_files=[{train}]",
            f"phase_data.persona.val_files=[{val}]",
            "stage.max_steps=2",
            "stage.warmup_steps=0",
            "stage.micro_batch_size=2",
            "stage.grad_accum_steps=1",
            "stage.lora.enabled=false",
            "stage.gradient_checkpointing=false",
            "stage.packing=false",
            "++phases.phase2_persona.overrides.stage.max_steps=3",
            "phase_stage.persona.lora.enabled=false",
            "phase_stage.persona.gradient_checkpointing=false",
            "phase_stage.persona.micro_batch_size=2",
            "phase_stage.persona.grad_accum_steps=1",
            "phase_stage.persona.max_length=256",
            "phase_stage.persona.packing=false",
            "phase_stage.persona.warmup_steps=0",
            "stage.max_length=256",
        ]
    )
    results = run_experiment(cfg, tmp_path)
    assert list(results) == ["phase1_medical", "phase2_persona"]
    assert results["phase1_medical"]["steps"] == 2 and results["phase2_persona"]["steps"] == 3
    # Phase 2 started from phase 1's weights: its 'before' loss is phase 1's 'after' loss.
    assert results["phase2_persona"]["val_loss_before"] == pytest.approx(
        results["phase1_medical"]["val_loss_after"], rel=1e-5
    )
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert set(summary) == {"phase1_medical", "phase2_persona"}


def test_wandb_offline_run_groups_by_experiment(tmp_path, data_files, monkeypatch):
    """W&B logs offline (no account): group = experiment, job_type = stage, config recorded
    with secret-looking values redacted."""
    monkeypatch.setenv("WANDB_MODE", "offline")
    cfg = small_config(
        data_files,
        "logger=wandb",
        "stage.max_steps=2",
        "stage.val_every_n_steps=2",
        "+api_key=sk-should-not-leak",  # logger.wandb is typed: no extra keys there
    )
    run_stage(cfg, tmp_path / "run")
    run_dirs = list((tmp_path / "run" / "wandb").glob("offline-run-*"))
    assert len(run_dirs) == 1
    files = {p.name: p for p in run_dirs[0].rglob("*") if p.is_file()}
    blob = b"".join(p.read_bytes() for p in files.values())
    assert b"sk-should-not-leak" not in blob
    assert b"tiny_sft" in blob  # the group
    assert b"train/loss" in blob
