"""Dashboards as code against real metric keys.

Tiny SFT, DPO and GRPO stages run on CPU (CSV logger, 2 steps each, a validation at the end);
every key `medlab.dashboard.CATALOG` puts on a panel must be in the metrics.csv of each stage
the panel names, so renaming a logged metric breaks this test. The vLLM panels (keys logged
only when the backend reports sampled log-probs) are checked against the code that logs them.
Then `python -m medlab.dashboard` on a run directory and on a sweep directory, offline.
"""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from omegaconf import OmegaConf

from medlab.dashboard import (
    CATALOG,
    FILE_NAME,
    build_report,
    build_workspace,
    expand,
    logged_keys,
    main,
    reward_names,
)
from medlab.stage_registry import run_stage
from tests.conftest import REPO_ROOT, compose_config
from tests.integration.test_grpo_stage import FAST, SMALL

pytestmark = pytest.mark.slow

TWO_STEPS = ["stage.max_steps=2", "stage.val_every_n_steps=2", "stage.val_before_training=false"]
STAGES = {
    "sft": ["stage=sft", "stage.warmup_steps=0", "stage.max_length=128"],
    "dpo": ["stage=dpo", "stage.warmup_steps=0", "stage.max_length=128"],
    "grpo": ["stage=grpo", "data=toy_triage", "reward=toy_triage", *FAST],
}
REWARDS = ["mcq_correctness", "short_rationale", "think_format"]  # reward=toy_triage


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    """One directory laid out as a medlab run: .hydra/config.yaml and a directory per stage."""
    root = tmp_path_factory.mktemp("run")
    for stage, overrides in STAGES.items():
        cfg = compose_config(["logger=csv", *SMALL, *overrides, *TWO_STEPS])
        run_stage(cfg, root / stage)
    (root / ".hydra").mkdir()
    OmegaConf.save(cfg, root / ".hydra" / "config.yaml")
    return root


def test_every_catalogued_metric_is_logged_by_its_stages(run_dir):
    keys = {stage: logged_keys(run_dir / stage) for stage in STAGES}
    assert reward_names(keys["grpo"]) == REWARDS
    source = (REPO_ROOT / "medlab" / "stages" / "grpo_metrics.py").read_text()
    for section in CATALOG:
        for panel in section.panels:
            names = expand(panel.keys, REWARDS)
            assert names, panel.title
            for key in names:
                if panel.only_with:  # not logged on CPU: the logging code must name it
                    assert f'"{key}"' in source, (section.name, key)
                    continue
                for stage in panel.stages:
                    assert key in keys[stage], (section.name, panel.title, stage, key)


def test_offline_definition_of_a_run_names_only_logged_metrics(run_dir, capsys):
    assert main([str(run_dir)]) == 0
    assert "--publish" in capsys.readouterr().out  # says how to publish it
    defn = json.loads((run_dir / FILE_NAME).read_text())
    assert defn["group"] == OmegaConf.load(run_dir / ".hydra" / "config.yaml").experiment_name
    logged = logged_keys(run_dir)
    named = [k for s in defn["sections"] for p in s["panels"] for k in p["keys"]]
    assert named and set(named) <= logged
    assert {f"rewards/{r}/mean" for r in REWARDS} <= set(named)  # reward per function
    titles = [s["name"] for s in defn["sections"]]
    assert "GRPO rollout engine (vLLM)" not in titles  # the CPU run logged no mismatch
    assert titles[0] == "Training" and "DPO rewards and log-probs" in titles
    spec = json.dumps(build_workspace(defn, "someone")._spec)  # wandb-workspaces' wire format
    assert "rollout/frac_reward_zero_std" in spec and defn["group"] in spec
    defn["report"] = {"title": "t", "stages": [{"stage": "grpo", "final_metrics": {"a": 1.0}}]}
    assert len(build_report(defn, "someone").blocks) == 1 + 2 * len(defn["sections"])


def test_offline_definition_of_a_sweep_compares_its_jobs(run_dir, tmp_path):
    sweep = tmp_path / "lr_sweep"
    shutil.copytree(run_dir / "sft", sweep / "0" / "sft")
    shutil.copytree(run_dir / ".hydra", sweep / "0" / ".hydra")
    with (sweep / "summary.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, ["job", "status", "metric_name", "metric"])
        writer.writeheader()
        writer.writerow({"job": 0, "status": "ok", "metric_name": "val/loss", "metric": 1.0})
    assert main([str(sweep)]) == 0
    defn = json.loads((sweep / FILE_NAME).read_text())
    experiment = OmegaConf.load(run_dir / ".hydra" / "config.yaml").experiment_name
    assert defn["group"] == f"{experiment}-lr_sweep"  # the W&B group medlab.run gives a sweep
    assert defn["sections"][0]["name"] == f"Sweep {defn['group']}"
    assert defn["sections"][0]["panels"][0]["keys"] == ["val/loss"]
    assert not [s for s in defn["sections"] if s["name"].startswith("GRPO")]  # SFT only


def test_a_directory_that_is_no_run_is_one_line(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "not a medlab run directory" in err
