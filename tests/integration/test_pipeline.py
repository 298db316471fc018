"""tiny_pipeline end to end as a user runs it, killed mid-stage and re-run."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest
import torch
from transformers import AutoModelForCausalLM

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

# Shorter than the shipped config so CI stays fast; the structure is the same.
FAST = [
    "++phases.afm_sft.overrides.stage.max_steps=12",
    "++phases.afm_sft.overrides.stage.warmup_steps=2",
    "++phases.med_advisor_phase1.overrides.stage.max_steps=6",
    "++phases.med_advisor_phase1.overrides.stage.warmup_steps=1",
    "++phases.med_advisor_phase2.overrides.stage.max_steps=4",
    "++phases.med_advisor_phase3.overrides.stage.max_steps=4",
    "++phases.afm_dpo.overrides.stage.max_steps=16",
]


def command(run_dir):
    return [
        sys.executable,
        "-m",
        "medlab.run",
        "+experiment=tiny_pipeline",
        "logger=csv",
        f"hydra.run.dir={run_dir}",
        *FAST,
    ]


def env():
    return dict(os.environ, HF_HUB_OFFLINE="1", PYTHONUNBUFFERED="1")


def test_pipeline_killed_mid_stage_resumes_without_redoing_finished_stages(tmp_path):
    run_dir = tmp_path / "pipe"
    proc = subprocess.Popen(
        command(run_dir),
        cwd=REPO_ROOT,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    dpo_ckpt = run_dir / "afm_dpo" / "checkpoints" / "last.ckpt"
    deadline = time.time() + 400
    while not dpo_ckpt.exists() and proc.poll() is None and time.time() < deadline:
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # killed in the middle of the DPO stage
    assert proc.wait() != 0, "the pipeline finished before it could be killed"
    assert dpo_ckpt.exists(), "the DPO stage never wrote a checkpoint"
    assert not (run_dir / "afm_dpo" / "hf_checkpoint" / "COMPLETE").exists()
    sft_results = (run_dir / "afm_sft" / "results.json").read_text()
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert [s["stage"] for s in manifest["stages"]] == ["afm_sft"]

    out = subprocess.run(
        command(run_dir), cwd=REPO_ROOT, env=env(), capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stderr[-3000:]
    logs = out.stdout + out.stderr
    assert f"stage already complete, skipping: {run_dir / 'afm_sft'}" in logs
    assert "resuming from" in logs and "afm_dpo" in logs
    assert (run_dir / "afm_sft" / "results.json").read_text() == sft_results  # not redone

    manifest = json.loads((run_dir / "manifest.json").read_text())
    stages = {s["stage"]: s for s in manifest["stages"]}
    assert list(stages) == [
        "afm_sft",
        "afm_dpo",
        "afm_grpo",
        "afm_merge",
        "med_advisor_phase1",
        "med_advisor_phase2",
        "med_advisor_phase3",
    ]
    assert stages["afm_dpo"]["input_checkpoint"] == stages["afm_sft"]["output_checkpoint"]
    assert stages["afm_grpo"]["input_checkpoint"] == stages["afm_dpo"]["output_checkpoint"]
    assert stages["med_advisor_phase1"]["input_checkpoint"].startswith("random init")
    assert (
        stages["med_advisor_phase3"]["input_checkpoint"]
        == stages["med_advisor_phase2"]["output_checkpoint"]
    )
    merge = json.loads((run_dir / "afm_merge" / "results.json").read_text())
    assert merge["base"] == stages["afm_dpo"]["output_checkpoint"]  # what GRPO started from
    assert merge["other"] == stages["afm_grpo"]["output_checkpoint"]
    assert all(
        len(s["config_hash"]) == 16 and s["wall_time_s"] is not None for s in stages.values()
    )
    assert f"manifest: {run_dir / 'manifest.json'}" in out.stdout
    ids = torch.randint(0, 4000, (1, 9))
    for name, stage in stages.items():  # every stage's checkpoint loads and runs
        model = AutoModelForCausalLM.from_pretrained(stage["output_checkpoint"])
        assert torch.isfinite(model(ids).logits).all(), name
        assert stage["output_checkpoint"] in out.stdout

    # eval=tiny: every phase was evaluated and the run ends with a model card whose tables
    # hold one row per phase, with the numbers stored in that phase's eval files.
    card = (run_dir / "report" / "MODEL_CARD.md").read_text()
    tables = json.loads((run_dir / "report" / "tables.json").read_text())
    for name, stage in stages.items():
        harness = json.loads((run_dir / name / "eval" / "harness.json").read_text())
        acc = harness["results"]["medlab_medmcqa_local"]["acc"]
        assert stage["eval"]["eval/medlab_medmcqa_local/acc"] == acc
        policy = json.loads((run_dir / name / "eval" / "policy.json").read_text())
        assert policy["n_items"] == 12 and policy["judge"]["backend"] == "none"
        assert f"| {name} " in card
    assert "Boundary Violation" in card and "medlab_medmcqa_local" in json.dumps(tables)


def test_rerun_with_a_changed_config_is_refused(tmp_path):
    from medlab.errors import ConfigError
    from medlab.experiment import run_experiment
    from tests.conftest import compose_config

    data = REPO_ROOT / "medlab" / "assets" / "data" / "toy_triage" / "sft_val.jsonl"
    base = [
        "logger=csv",
        "model.tiny.hidden_size=64",
        "model.tiny.num_hidden_layers=2",
        "model.tiny.intermediate_size=128",
        f"data.train_files=[{data}]",
        f"data.val_files=[{data}]",
        "stage.max_steps=2",
        "stage.warmup_steps=0",
        "stage.packing=false",
        "stage.max_length=256",
    ]
    run_experiment(compose_config(base), tmp_path)
    again = run_experiment(compose_config(base), tmp_path)  # same config: reused
    assert again["sft"]["steps"] == 2
    with pytest.raises(ConfigError, match="different config"):
        run_experiment(compose_config([*base, "stage.lr=1e-3"]), tmp_path)
