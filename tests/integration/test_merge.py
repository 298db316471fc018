"""mergekit merges: arcee_fusion against its rule computed here, linear, clear mismatch errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM, AutoTokenizer

from medlab.config import MergeConfig, TinyModelConfig
from medlab.errors import ConfigError
from medlab.merge.mergekit_merge import run_merge_stage
from medlab.models.build import build_tiny_model
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow


def save_tiny(path, tokenizer, arch="qwen3", hidden=64, perturb_seed=None):
    model = build_tiny_model(
        TinyModelConfig(
            architecture=arch, hidden_size=hidden, num_hidden_layers=2, intermediate_size=128
        ),
        tokenizer,
    )
    if perturb_seed is not None:  # a "fine-tune": large changes on a few rows, small elsewhere
        gen = torch.Generator().manual_seed(perturb_seed)
        with torch.no_grad():
            for p in model.parameters():
                p.add_(0.001 * torch.randn(p.shape, generator=gen))
                if p.ndim == 2:
                    p[: max(1, p.shape[0] // 10)] += 0.2 * torch.randn(
                        p[: max(1, p.shape[0] // 10)].shape, generator=gen
                    )
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


def arcee_fusion_rule(base: torch.Tensor, other: torch.Tensor) -> torch.Tensor:
    """Independent statement of the rule (REFERENCE.md): delta = M - B; importance = |delta| *
    KL(softmax(M) || softmax(B)) per row of the last dim (eps 1e-8); threshold = median + 1.5 IQR
    of importance (quantiles by the lower index, below 1e6 elements no subsampling); keep the
    delta where importance >= threshold."""
    delta = other - base
    p = F.softmax(other, dim=-1) + 1e-8
    q = F.softmax(base, dim=-1) + 1e-8
    kl = (p * (p / q).log()).sum(-1, keepdim=True)
    importance = delta.abs() * kl
    flat = importance.flatten()
    q1, med, q3 = (torch.quantile(flat, x, interpolation="lower") for x in (0.25, 0.5, 0.75))
    return base + delta * (importance >= med + 1.5 * (q3 - q1)).float()


def test_arcee_fusion_matches_the_rule_and_loads(tmp_path, tokenizer):
    base = save_tiny(tmp_path / "base", tokenizer)
    other = save_tiny(tmp_path / "other", tokenizer, perturb_seed=1)
    results = run_merge_stage(MergeConfig(base=str(base), other=str(other)), tmp_path / "merged")
    merged_dir = tmp_path / "merged" / "hf_checkpoint"
    assert (merged_dir / "COMPLETE").is_file()
    merged = load_file(str(merged_dir / "model.safetensors"))
    a, b = load_file(str(base / "model.safetensors")), load_file(str(other / "model.safetensors"))
    kept_some = False
    for name, tensor in merged.items():
        expected = arcee_fusion_rule(a[name].float(), b[name].float())
        assert torch.allclose(tensor.float(), expected, atol=1e-6), name
        kept_some |= bool((tensor != a[name]).any() and (tensor != b[name]).any())
    assert kept_some, "the mask should keep some deltas and drop others"
    model = AutoModelForCausalLM.from_pretrained(merged_dir)
    assert model.config.model_type == "qwen3"
    tok = AutoTokenizer.from_pretrained(merged_dir)
    assert "<|im_start|>assistant" in tok.apply_chat_template(
        [{"role": "user", "content": "hi"}], tokenize=False, add_generation_prompt=True
    )
    assert results["method"] == "arcee_fusion"


def test_linear_merge_is_the_weighted_average(tmp_path, tokenizer):
    base = save_tiny(tmp_path / "base", tokenizer)
    other = save_tiny(tmp_path / "other", tokenizer, perturb_seed=2)
    run_merge_stage(
        MergeConfig(method="linear", weight=0.25, base=str(base), other=str(other)),
        tmp_path / "lin",
    )
    merged = load_file(str(tmp_path / "lin" / "hf_checkpoint" / "model.safetensors"))
    a, b = load_file(str(base / "model.safetensors")), load_file(str(other / "model.safetensors"))
    for name, tensor in merged.items():
        assert torch.allclose(tensor, 0.75 * a[name] + 0.25 * b[name], atol=1e-6), name


def test_mismatched_checkpoints_fail_naming_both(tmp_path, tokenizer):
    qwen = save_tiny(tmp_path / "qwen", tokenizer)
    arcee = save_tiny(tmp_path / "arcee", tokenizer, arch="arcee")
    wide = save_tiny(tmp_path / "wide", tokenizer, hidden=128)
    for other, what in ((arcee, "model_type"), (wide, "hidden_size")):
        with pytest.raises(ConfigError) as exc:
            run_merge_stage(MergeConfig(base=str(qwen), other=str(other)), tmp_path / "bad")
        assert (
            str(qwen) in str(exc.value) and str(other) in str(exc.value) and what in str(exc.value)
        )
    assert not (tmp_path / "bad" / "hf_checkpoint").exists()


def test_merge_only_from_the_command_line_with_relative_paths(tmp_path, tokenizer):
    save_tiny(tmp_path / "base", tokenizer)
    save_tiny(tmp_path / "other", tokenizer, perturb_seed=3)
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO_ROOT))
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "medlab.run",
            "+experiment=merge_only",
            "merge.base=base",
            "merge.other=other",
            f"hydra.run.dir={tmp_path / 'run'}",
            "logger=csv",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    summary = json.loads((tmp_path / "run" / "summary.json").read_text())
    assert summary["merge"]["base"] == str(tmp_path / "base")
    assert (tmp_path / "run" / "merge" / "hf_checkpoint" / "model.safetensors").is_file()
    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "medlab.run",
            "+experiment=merge_only",
            "merge.base=base",
            f"hydra.run.dir={tmp_path / 'run2'}",
            "logger=csv",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert missing.returncode == 2 and "medlab: error: merge.other: not set" in missing.stderr


def test_merge_phase_defaults_to_previous_stage_input_and_output(tmp_path, chat_rows):
    """In a phase chain, merge.base = the checkpoint the previous stage started from and
    merge.other = that stage's output (as for GRPO -> arcee_fusion in the AFM recipe)."""
    from omegaconf import OmegaConf

    from medlab.experiment import run_experiment
    from tests.conftest import compose_config

    data = tmp_path / "chats.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in chat_rows * 2))
    cfg = compose_config(
        [
            "logger=csv",
            f"data.train_files=[{data}]",
            f"data.val_files=[{data}]",
            "model.tiny.hidden_size=64",
            "model.tiny.num_hidden_layers=2",
            "model.tiny.intermediate_size=128",
            "stage.max_steps=2",
            "stage.warmup_steps=0",
            "stage.packing=false",
            "stage.max_length=256",
        ]
    )
    OmegaConf.update(
        cfg,
        "phases",
        {"first": {}, "second": {}, "fuse": {"stage": {"name": "merge"}}},
        force_add=True,
    )
    results = run_experiment(cfg, tmp_path / "run")
    assert list(results) == ["first", "second", "fuse"]
    assert results["fuse"]["base"] == results["first"]["hf_checkpoint"]
    assert results["fuse"]["other"] == results["second"]["hf_checkpoint"]
    AutoModelForCausalLM.from_pretrained(results["fuse"]["hf_checkpoint"])


def test_slerp_endpoints_are_the_inputs(tmp_path, tokenizer):
    """slerp at t=0 returns the base and at t=1 the other checkpoint (tensor by tensor)."""
    base = save_tiny(tmp_path / "base", tokenizer)
    other = save_tiny(tmp_path / "other", tokenizer, perturb_seed=4)
    a, b = load_file(str(base / "model.safetensors")), load_file(str(other / "model.safetensors"))
    for t, expected in ((0.0, a), (1.0, b)):
        run_merge_stage(
            MergeConfig(method="slerp", t=t, base=str(base), other=str(other)), tmp_path / f"s{t}"
        )
        merged = load_file(str(tmp_path / f"s{t}" / "hf_checkpoint" / "model.safetensors"))
        for name, tensor in merged.items():
            assert torch.allclose(tensor, expected[name], atol=1e-5), (t, name)
    run_merge_stage(
        MergeConfig(method="slerp", t=0.5, base=str(base), other=str(other)), tmp_path / "mid"
    )
    mid = load_file(str(tmp_path / "mid" / "hf_checkpoint" / "model.safetensors"))
    assert any(not torch.allclose(mid[n], a[n]) and not torch.allclose(mid[n], b[n]) for n in mid)
