"""Preflight and phase overrides (issue 11 points 1-4): what a GPU run checks before it trains.

Worked numbers used below:
- global batch = micro x accum x world: 4 x 8 x 8 = 256 rows per optimizer step (SFT / DPO);
  GRPO: prompts_per_step x G x world = 16 x 8 x 8 = 1024 completions.
- epochs: SFT 1000 steps x 32 rows / 217 rows = 147.47; GRPO 500 steps / mu 1 x 16 prompts x 1 rank
  / 200 prompts = 40.0, and with mu = 2 half of it, 20.0.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from types import SimpleNamespace

import pytest

from medlab.config.hardware import parse_hardware_config
from medlab.errors import ConfigError, DataError
from medlab.experiment import run_experiment
from medlab.phases import phase_configs
from medlab.preflight import global_batch, plan_experiment, planned_epochs, world_size
from tests.conftest import REPO_ROOT, compose_config

ASSETS = REPO_ROOT / "medlab" / "assets" / "data"
LINE = re.compile(
    r"phase=\S+ stage=(sft|dpo|grpo|merge) model=\S+ data=\S+ rows=(\d+|\?|-) "
    r"max_steps=(\d+|\?|-) world_size=\d+ global_batch=(\d+|\?|-) epochs=([\d.]+|\?|-) "
    r"lr=\S+ est_mem_gb=([\d.]+|\?|-)"
)


def _stage(**kw):
    base = dict(name="sft", micro_batch_size=4, grad_accum_steps=8, max_steps=1000)
    return SimpleNamespace(**{**base, **kw})


def test_global_batch_and_epochs_by_hand():
    assert global_batch(_stage(), 8) == 256
    grpo = _stage(name="grpo", prompts_per_step=16, num_generations=8, num_iterations=1)
    assert global_batch(grpo, 8) == 1024
    assert planned_epochs(_stage(micro_batch_size=4, grad_accum_steps=8), 217, 1) == (
        pytest.approx(1000 * 32 / 217)
    )
    assert planned_epochs(_stage(**vars(grpo) | {"max_steps": 500}), 200, 1) == 40.0
    mu2 = _stage(**vars(grpo) | {"max_steps": 500, "num_iterations": 2})
    assert planned_epochs(mu2, 200, 1) == 20.0
    assert world_size(parse_hardware_config({"devices": 8, "num_nodes": 2})) == 16
    assert world_size(parse_hardware_config({"devices": [0, 1, 2]})) == 3


def test_tiny_pipeline_plan_lines_follow_the_format():
    plans = list(plan_experiment(compose_config(["+experiment=tiny_pipeline"]), []))
    lines = [p.line() for p in plans]
    assert [p.phase for p in plans] == [
        "afm_sft",
        "afm_dpo",
        "afm_grpo",
        "afm_merge",
        "med_advisor_phase1",
        "med_advisor_phase2",
        "med_advisor_phase3",
    ]
    assert all(LINE.fullmatch(line) for line in lines), lines
    dpo = plans[1]
    assert dpo.model == "afm_sft/hf_checkpoint" and dpo.stage == "dpo"
    assert dpo.rows == 146 and dpo.global_batch == 8 and dpo.max_steps == 10
    assert dpo.epochs == pytest.approx(10 * 8 / 146)
    assert plans[4].model == "tiny:tiny_qwen3"  # init_from: base starts a new chain


def test_top_level_stage_override_reaches_every_training_phase():
    overrides = ["+experiment=tiny_pipeline", "stage.max_steps=20", "stage.warmup_steps=0"]
    phases = dict(phase_configs(compose_config(overrides), overrides))
    trained = {n: p for n, p in phases.items() if p.stage.name != "merge"}
    assert {p.stage.max_steps for p in trained.values()} == {20}  # the YAML said 40/10/8/40/20/15
    assert "max_steps" not in phases["afm_merge"].stage
    assert list(phase_configs(compose_config(overrides)))[0][1].stage.max_steps == 40  # no CLI


def test_a_per_phase_override_wins_over_the_top_level_one():
    overrides = [
        "+experiment=afm_grpo_cot",
        "stage.max_steps=20",
        "phase_stage.dpo.max_steps=7",
        "++phases.grpo.overrides.stage.max_steps=4",
        "model.path=/models/AFM",
        "data.shuffle_seed=3",
    ]
    phases = dict(phase_configs(compose_config(overrides), overrides))
    assert [phases[n].stage.max_steps for n in ("sft", "dpo", "grpo")] == [20, 7, 4]
    assert {p.model.path for p in phases.values()} == {"/models/AFM"}
    assert [phases[n].data.shuffle_seed for n in ("sft", "dpo", "grpo")] == [3, 3, 3]


def test_top_level_data_files_fill_every_phase_that_leaves_them_to_the_user():
    sample = str(ASSETS / "medical_sft" / "train.jsonl")
    overrides = ["+experiment=med_advisor_sft", f"data.train_files=[{sample}]"]
    phases = dict(phase_configs(compose_config(overrides), overrides))
    assert [list(p.data.train_files) for p in phases.values()] == [[sample], [sample]]


def test_a_key_that_cannot_reach_every_phase_names_the_per_phase_keys():
    overrides = ["+experiment=afm_grpo_cot", "+stage.beta=0.2"]
    with pytest.raises(ConfigError) as err:
        phase_configs(compose_config(overrides), overrides)
    message = str(err.value)
    assert message.startswith("stage.beta:") and "phase 'sft' (sft stage)" in message
    assert "phase_stage.dpo.beta=VALUE" in message and "phase_stage.grpo.beta=VALUE" in message


def test_a_whole_stage_choice_on_a_pipeline_is_refused():
    overrides = ["+experiment=afm_grpo_cot", "stage=dpo"]
    with pytest.raises(ConfigError, match=r"stage@phase_stage\.sft=NAME"):
        phase_configs(compose_config(overrides), overrides)


def test_real_recipes_need_the_users_data_before_any_phase():
    with pytest.raises(ConfigError) as err:
        list(plan_experiment(compose_config(["+experiment=afm_grpo_cot"]), []))
    assert str(err.value).startswith("phase sft: data=afm_sft: no training files given")
    assert "phase_data.sft.train_files=[/path/train.jsonl]" in str(err.value)
    with pytest.raises(ConfigError, match=r"phase_data\.phase1\.train_files="):
        list(plan_experiment(compose_config(["+experiment=med_advisor"]), []))
    with pytest.raises(ConfigError, match=r"with data\.train_files=\["):
        list(plan_experiment(compose_config(["+experiment=afm_sft"]), []))


def test_offline_hub_data_stops_a_real_run_but_is_a_note_in_a_dry_run():
    sft = f"phase_data.sft.train_files=[{ASSETS / 'medical_sft' / 'train.jsonl'}]"
    overrides = ["+experiment=afm_grpo_cot", sft, "phase_stage.sft.max_steps=40"]
    cfg = compose_config(overrides)
    with pytest.raises(ConfigError) as err:
        list(plan_experiment(cfg, overrides))
    message = str(err.value)
    assert message.startswith("phase dpo: data=medmcqa: the Hub dataset openlifescienceai/medmcqa")
    assert "phase_data.dpo.train_files=[/path/train.jsonl]" in message
    plans = list(plan_experiment(cfg, overrides, dry_run=True))
    assert [p.rows for p in plans] == [213, None, None, None]
    assert "openlifescienceai/medmcqa" in plans[1].notes[0]
    assert plans[1].line().split()[4] == "rows=?" and plans[1].epochs is None


def test_epoch_guard_names_the_numbers_and_keys():
    cfg = compose_config(["+experiment=tiny_sft", "stage.max_steps=2000"])
    with pytest.raises(ConfigError) as err:
        list(plan_experiment(cfg, []))
    message = str(err.value)
    assert message.startswith("stage.max_epochs: the phase plans 40.8 passes over data=")
    assert "2000 steps x global batch 2 = 4000 rows" in message
    assert "Lower stage.max_steps" in message
    cfg = compose_config(["+experiment=tiny_sft", "stage.max_steps=2000", "stage.max_epochs=50"])
    assert list(plan_experiment(cfg, []))[0].epochs == pytest.approx(40.8, abs=0.05)


@pytest.fixture
def bad_grpo_pipeline(tmp_path):
    """tiny_grpo whose GRPO data has one malformed row (line 3): the SFT phase comes first."""
    grpo = tmp_path / "grpo.jsonl"
    lines = (ASSETS / "toy_triage" / "train.jsonl").read_text().splitlines()[:6]
    row = json.loads(lines[2])
    row.pop("prompt")
    lines[2] = json.dumps(row)
    grpo.write_text("\n".join(lines) + "\n")
    return ["+experiment=tiny_grpo", "logger=csv", f"data.train_files=[{grpo}]"], grpo


def test_a_bad_row_in_the_last_phase_stops_the_run_before_the_first_trains(
    tmp_path, bad_grpo_pipeline
):
    overrides, grpo = bad_grpo_pipeline
    cfg = compose_config(overrides)
    with pytest.raises(DataError, match=rf"^phase grpo: {re.escape(str(grpo))}:3: "):
        run_experiment(cfg, tmp_path / "run", overrides=[])
    assert not (tmp_path / "run" / "sft").exists()  # nothing trained, nothing written


def test_dry_run_prints_the_plan_and_writes_nothing(tmp_path, capsys):
    from medlab.run import run

    run_dir = tmp_path / "run"
    assert run(compose_config(["+experiment=tiny_dpo", "dry_run=true"]), run_dir) == (None, None)
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("phase=")]
    assert len(lines) == 2 and all(LINE.fullmatch(line) for line in lines)
    assert lines[1].startswith("phase=dpo stage=dpo model=sft/hf_checkpoint ")
    assert not run_dir.exists()
    shutil.rmtree(tmp_path, ignore_errors=True)


def _cli(*args: str, run_dir) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    command = [sys.executable, "-m", "medlab.run", *args, f"hydra.run.dir={run_dir}"]
    return subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)


def test_dry_run_through_the_cli(tmp_path):
    """Exit 0 with one line per phase and no weights, checkpoints or results; a problem found by
    the dry run is one `medlab: error:` line and exit 2."""
    out = _cli("+experiment=tiny_pipeline", "dry_run=true", run_dir=tmp_path / "a")
    assert out.returncode == 0, out.stderr[-2000:]
    lines = [line for line in out.stdout.splitlines() if line.startswith("phase=")]
    assert len(lines) == 7 and all(LINE.fullmatch(line) for line in lines)
    written = [p.name for p in (tmp_path / "a").rglob("*") if ".hydra" not in p.parts]
    assert not [n for n in written if n.endswith((".ckpt", ".safetensors", ".json"))], written
    out = _cli("+experiment=afm_grpo_cot", "dry_run=true", run_dir=tmp_path / "b")
    assert out.returncode == 2
    errors = [line for line in out.stderr.splitlines() if line.startswith("medlab: error:")]
    assert len(errors) == 1 and "phase_data.sft.train_files=" in errors[0]
    assert "Traceback" not in out.stderr


def test_the_dry_run_estimates_memory_per_device(tmp_path):
    """est_mem_gb is the memory_estimate of the phase's model, stage and hardware. By hand:
    full-model DPO of Qwen3-4B (4,022,468,096 parameters) keeps 4 B fp32 master + 4 B grad + 8 B
    AdamW per parameter = 64.36 GB before any activation; sharded over 8 ranks, an eighth."""
    pairs = ASSETS / "policy_dpo" / "train.jsonl"
    base = ["+experiment=med_advisor_dpo", "model.path=/ckpt", f"data.train_files=[{pairs}]"]
    base += ["stage.max_steps=5", "stage.warmup_steps=1"]
    (one,) = plan_experiment(compose_config(base), base, dry_run=True)
    masters = 4 * 4_022_468_096 / 1e9
    assert one.est_mem_gb is not None and 4 * masters < one.est_mem_gb < 4 * masters + 20
    assert f"fp32_masters={masters:.2f}" in one.notes[-1] and "peak=" in one.notes[-1]
    sharded = [*base, "hardware=gpu_8x_fsdp"]
    (eight,) = plan_experiment(compose_config(sharded), sharded, dry_run=True)
    assert f"fp32_masters={masters / 8:.2f}" in eight.notes[-1]
    assert eight.est_mem_gb is not None and eight.est_mem_gb < one.est_mem_gb / 2
    tiny = list(plan_experiment(compose_config(["+experiment=tiny_pipeline"]), []))
    assert all(p.est_mem_gb and 0 < p.est_mem_gb < 5 for p in tiny if p.stage != "merge")


@pytest.fixture
def no_vllm(monkeypatch):
    """This environment as one without vLLM (the main venv has none; .venv-vllm has it)."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "vllm" else real(name, *a)
    )


def test_a_vllm_grpo_phase_without_vllm_stops_before_the_first_phase(no_vllm):
    """afm_grpo (vLLM rollouts by default) without vLLM installed: the real run's preflight stops
    naming the key and both fixes; a dry run prints it as a note under the GRPO phase."""
    medreason = ["+experiment=afm_grpo", "data=medreason_sample"]
    with pytest.raises(ConfigError) as err:
        list(plan_experiment(compose_config(medreason), medreason))
    message = str(err.value)
    assert message.startswith("stage.backend=vllm but vLLM is not installed")
    assert "make vllm-install VLLM_TARGET=gpu" in message and "stage.backend=hf" in message
    hf = [*medreason, "stage.backend=hf", "stage.max_steps=40"]
    assert list(plan_experiment(compose_config(hf), hf))[0].stage == "grpo"

    sft = f"phase_data.sft.train_files=[{ASSETS / 'medical_sft' / 'train.jsonl'}]"
    recipe = ["+experiment=afm_grpo_cot", sft, "phase_stage.sft.max_steps=40"]
    plans = list(plan_experiment(compose_config(recipe), recipe, dry_run=True))
    notes = [n for n in plans[2].notes if "vLLM is not installed" in n]
    assert plans[2].stage == "grpo" and len(notes) == 1
    assert "phase_stage.grpo.backend=vllm" in notes[0]
    assert not any("vLLM" in n for p in plans[:2] for n in p.notes)


def test_a_prompt_row_without_gold_answer_stops_when_a_reward_needs_it(tmp_path):
    """reward=toy_triage scores mcq_correctness against `answer`: a row without one would be
    silently unscorable, so the preflight names its file:line; rewards that read other columns
    (the safety prompts have no gold letter) accept such rows."""
    grpo = tmp_path / "grpo.jsonl"
    lines = (ASSETS / "toy_triage" / "train.jsonl").read_text().splitlines()[:6]
    row = json.loads(lines[3])
    row.pop("answer")
    lines[3] = json.dumps(row)
    grpo.write_text("\n".join(lines) + "\n")
    overrides = ["+experiment=tiny_grpo", "logger=csv", f"data.train_files=[{grpo}]"]
    with pytest.raises(DataError) as err:  # the top-level data is the GRPO phase's (as above)
        list(plan_experiment(compose_config(overrides), []))
    message = str(err.value)
    assert message.startswith(f"phase grpo: {grpo}:4: answer: missing, but reward mcq_correctness")
    no_gold = [*overrides, "reward.mcq_correctness.weight=0"]
    with pytest.raises(ConfigError, match="max_epochs"):  # the row is accepted: next check
        list(plan_experiment(compose_config(no_gold), []))
