"""Every experiment composes, with tiny overrides, into valid typed configs."""

from __future__ import annotations

import subprocess
import sys

import pytest
from omegaconf import OmegaConf

from medlab.experiment import phase_configs
from medlab.stages.runner import parse_configs
from tests.conftest import CONF_DIR, REPO_ROOT, compose_config

EXPERIMENTS = sorted(p.stem for p in (CONF_DIR / "experiment").glob("*.yaml"))
TINY = ["model=tiny_qwen3", "hardware=cpu", "logger=csv"]


def test_the_issue_experiments_exist():
    assert {"tiny_sft", "afm_sft", "med_advisor_sft"} <= set(EXPERIMENTS)


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_experiment_composes_with_tiny_overrides(name):
    cfg = compose_config([f"+experiment={name}", *TINY])
    assert cfg.experiment_name == name
    for _, phase_cfg in phase_configs(cfg):
        model, data, stage = parse_configs(phase_cfg)
        assert model.path is None and model.tiny is not None
        assert stage.max_steps > 0 and data.train_files


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_experiment_composes_as_written_for_its_real_model(name):
    """Without overrides, GPU experiments name the real model and GPU hardware."""
    cfg = compose_config([f"+experiment={name}"])
    model, _, stage = parse_configs(cfg)
    if name == "tiny_sft":
        assert model.path is None and cfg.hardware.accelerator == "cpu"
    else:
        assert model.path in ("arcee-ai/AFM-4.5B", "Qwen/Qwen3-4B-Base")
        assert model.trust_remote_code is False
        assert cfg.hardware.accelerator == "gpu" and cfg.hardware.precision == "bf16-mixed"
        assert stage.lora.enabled and stage.gradient_checkpointing


def test_default_config_is_tiny_sft():
    default = OmegaConf.to_container(compose_config([]), resolve=True)
    explicit = OmegaConf.to_container(compose_config(["+experiment=tiny_sft"]), resolve=True)
    assert default == explicit


def test_afm_uses_native_arcee_and_tool_traces():
    cfg = compose_config(["+experiment=afm_sft"])
    assert cfg.model.path == "arcee-ai/AFM-4.5B" and cfg.model.chat_template == "medlab_chatml"
    assert cfg.data.name == "afm_sft"


def test_med_advisor_has_two_phases_with_persona_data():
    cfg = compose_config(["+experiment=med_advisor_sft", *TINY])
    phases = phase_configs(cfg)
    assert [n for n, _ in phases] == ["phase1_medical", "phase2_persona"]
    assert phases[0][1].data.name == "medical_sft_sample"
    assert phases[1][1].data.name == "persona_sft_sample"
    assert phases[1][1].stage.lr < phases[0][1].stage.lr
    assert "phases" not in phases[1][1]


def test_tiny_arcee_is_the_arcee_architecture():
    cfg = compose_config(["model=tiny_arcee"])
    model, _, _ = parse_configs(cfg)
    assert model.tiny is not None and model.tiny.architecture == "arcee"


def test_cfg_job_prints_composed_config_without_running(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "medlab.run", "+experiment=afm_sft", "--cfg", "job"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin", "MEDLAB_LOG_DIR": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr
    assert "arcee-ai/AFM-4.5B" in out.stdout and "grad_accum_steps: 8" in out.stdout
    assert not any(tmp_path.iterdir()), "--cfg job must not create a run directory"
