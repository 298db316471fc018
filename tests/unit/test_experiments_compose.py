"""Every experiment composes, with tiny overrides, into valid typed configs."""

from __future__ import annotations

import subprocess
import sys

import pytest
from omegaconf import OmegaConf

from medlab.errors import ConfigError
from medlab.experiment import phase_configs
from medlab.stage_registry import parse_configs
from tests.conftest import CONF_DIR, REPO_ROOT, compose_config

NOT_TRAINING = {"evaluate", "report"}  # evaluation / reporting modes, tested below
EXPERIMENTS = sorted(
    p.stem for p in (CONF_DIR / "experiment").glob("*.yaml") if p.stem not in NOT_TRAINING
)
TINY = ["model=tiny_qwen3", "model.path=null", "hardware=cpu", "logger=csv"]


@pytest.mark.parametrize("name", sorted(NOT_TRAINING))
def test_evaluate_and_report_modes_compose(name):
    cfg = compose_config([f"+experiment={name}"])
    assert cfg.stage.name == name
    if name == "evaluate":
        from medlab.config.evaluation import parse_eval_config

        eval_cfg = parse_eval_config(OmegaConf.to_container(cfg.eval, resolve=True))
        assert eval_cfg.enabled and eval_cfg.harness.tasks == ["medlab_medmcqa_local"]
    else:
        assert cfg.report.run_dir is None


def test_the_issue_experiments_exist():
    assert {"tiny_sft", "afm_sft", "med_advisor_sft"} <= set(EXPERIMENTS)
    assert {"tiny_dpo", "afm_dpo", "med_advisor_dpo"} <= set(EXPERIMENTS)
    assert {
        "tiny_grpo",
        "afm_grpo",
        "afm_grpo_cot",
        "med_advisor",
        "tiny_pipeline",
        "merge_only",
    } <= set(EXPERIMENTS)


SAMPLE_CHAT = str(REPO_ROOT / "medlab/assets/data/medical_sft/train.jsonl")
SAMPLE_PAIRS = str(REPO_ROOT / "medlab/assets/data/policy_dpo/train.jsonl")


def _with_user_files(phase_cfg):
    """A real-data phase (train_files ???) pointed at a shipped file, as a user would."""
    if OmegaConf.is_missing(phase_cfg.data, "train_files"):
        sample = SAMPLE_PAIRS if phase_cfg.data.format == "preference" else SAMPLE_CHAT
        phase_cfg.data.train_files = [sample]
    return phase_cfg


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_experiment_composes_with_tiny_overrides(name):
    cfg = compose_config([f"+experiment={name}", *TINY])
    assert cfg.experiment_name == name
    for _, phase_cfg in phase_configs(cfg):
        model, data, stage = parse_configs(_with_user_files(phase_cfg))
        assert model.path is None and model.tiny is not None
        if stage.name == "merge":
            continue
        assert stage.max_steps > 0 and (data.train_files or data.hf_dataset)


GPU_EXPERIMENTS = {
    # name: (model path as written, LoRA, reference mode or None for SFT)
    "afm_sft": ("arcee-ai/AFM-4.5B", True, None),
    "med_advisor_sft": ("Qwen/Qwen3-4B-Base", True, None),
    "afm_dpo": ("arcee-ai/AFM-4.5B", True, "adapters_disabled"),
    "med_advisor_dpo": (None, False, "precomputed"),
    "afm_grpo": ("arcee-ai/AFM-4.5B", True, "adapters_disabled"),
    "afm_grpo_cot": ("arcee-ai/AFM-4.5B", True, None),  # pipeline; top-level stage = its SFT
    "med_advisor": ("Qwen/Qwen3-4B-Base", True, None),  # pipeline; top-level stage = phase 1
    "med_advisor_grpo": ("Qwen/Qwen3-4B-Base", True, None),  # med_advisor + a GRPO phase 4
}


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_experiment_composes_as_written_for_its_real_model(name):
    """Without overrides, GPU experiments name the real model and GPU hardware."""
    cfg = compose_config([f"+experiment={name}"])
    if name.startswith("tiny_") or name == "merge_only":
        model, _, _ = parse_configs(phase_configs(cfg)[0][1])
        assert model.path is None and cfg.hardware.accelerator == "cpu"
        return
    path, lora, reference = GPU_EXPERIMENTS[name]
    assert OmegaConf.to_container(cfg.model)["path"] == path
    assert cfg.model.trust_remote_code is False
    assert cfg.hardware.accelerator == "gpu" and cfg.hardware.precision == "bf16-mixed"
    assert cfg.stage.lora.enabled is lora and cfg.stage.gradient_checkpointing
    assert cfg.stage.get("reference") == reference
    if path is None:  # must be pointed at the previous phase's checkpoint
        with pytest.raises(ConfigError, match="model.path: is null"):
            parse_configs(_with_user_files(cfg))
    else:
        parse_configs(_with_user_files(phase_configs(cfg)[0][1]))


def test_afm_grpo_cot_is_the_whole_recipe():
    cfg = compose_config(["+experiment=afm_grpo_cot"])
    phases = dict(phase_configs(cfg))
    assert list(phases) == ["sft", "dpo", "grpo", "merge"]
    assert phases["dpo"].data.name == "medmcqa" and phases["dpo"].stage.name == "dpo"
    grpo = phases["grpo"]
    assert grpo.data.format == "medreason" and grpo.data.hf_dataset.path == "UCSC-VLAA/MedReason"
    assert set(grpo.reward) == {"mcq_correctness", "think_format", "short_rationale"}
    assert grpo.stage.loss_type == "dapo" and grpo.stage.beta > 0
    assert phases["merge"].stage.name == "merge" and phases["merge"].merge.method == "arcee_fusion"
    assert phases["merge"].merge.base is None  # = the checkpoint the GRPO stage started from


def test_med_advisor_is_the_whole_recipe():
    phases = dict(phase_configs(compose_config(["+experiment=med_advisor"])))
    assert list(phases) == ["phase1_medical", "phase2_persona", "phase3_dpo"]
    assert [p.stage.name for p in phases.values()] == ["sft", "sft", "dpo"]
    assert [p.data.name for p in phases.values()] == [  # the user's data, not the samples
        "med_advisor_medical",
        "med_advisor_persona",
        "med_advisor_policy",
    ]
    assert all(OmegaConf.is_missing(p.data, "train_files") for p in phases.values())
    assert phases["phase3_dpo"].stage.lora.enabled is False  # full-model DPO


def test_tiny_pipeline_runs_both_chains():
    phases = dict(phase_configs(compose_config(["+experiment=tiny_pipeline"])))
    assert [p.stage.name for p in phases.values()] == [
        "sft",
        "dpo",
        "grpo",
        "merge",
        "sft",
        "sft",
        "dpo",
    ]
    assert phases["afm_sft"].model.tiny.architecture == "arcee"
    assert phases["med_advisor_phase1"].model.tiny.architecture == "qwen3"


def test_tiny_dpo_starts_with_a_short_sft():
    phases = phase_configs(compose_config(["+experiment=tiny_dpo"]))
    assert [n for n, _ in phases] == ["sft", "dpo"]
    sft, dpo = phases[0][1], phases[1][1]
    assert sft.stage.name == "sft" and sft.data.format == "chat" and sft.stage.max_steps == 60
    assert dpo.stage.name == "dpo" and dpo.data.format == "preference"


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
    assert phases[0][1].data.name == "med_advisor_medical"
    assert phases[1][1].data.name == "med_advisor_persona"
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


@pytest.mark.parametrize(
    ("name", "eval_name", "baselines"),
    [
        ("afm_grpo_cot", "afm_leaderboard", {"AFM-4.5B": "arcee-ai/AFM-4.5B"}),
        (
            "med_advisor",
            "med_advisor",
            {
                "Qwen3-4B-Base": "Qwen/Qwen3-4B-Base",
                "Qwen3-4B-Instruct": "Qwen/Qwen3-4B-Instruct-2507",
            },
        ),
        ("tiny_pipeline", "tiny", {}),
    ],
)
def test_recipes_evaluate_like_their_cards(name, eval_name, baselines):
    from medlab.config.evaluation import parse_eval_config

    cfg = compose_config([f"+experiment={name}"])
    eval_cfg = parse_eval_config(OmegaConf.to_container(cfg.eval, resolve=True))
    assert eval_cfg.enabled and eval_cfg.baselines == baselines
    reference = parse_eval_config(
        OmegaConf.to_container(compose_config([f"eval={eval_name}"]).eval, resolve=True)
    )
    assert (eval_cfg.harness, eval_cfg.judge) == (reference.harness, reference.judge)
