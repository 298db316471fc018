"""Decontamination inside real runs: `data.decontaminate=true` trains a tiny SFT stage on the rows
left (exactly the planted ones dropped, counted in results.json), and a run with evaluation writes
RUN_DIR/decontamination.json before its first phase trains."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from medlab import stage_registry
from medlab.config import ASSETS_DIR
from medlab.evaluation.suites import load_suite
from medlab.experiment import run_experiment
from medlab.stage_registry import run_stage
from tests.conftest import compose_config

pytestmark = pytest.mark.slow

PERSONA = ASSETS_DIR / "data" / "persona_sft"
PLANTED = 3


@pytest.fixture
def planted_file(tmp_path):
    """Shipped persona SFT rows (no overlap with any shipped eval set) + 3 policy-suite prompts."""
    rows = [json.loads(line) for line in (PERSONA / "train.jsonl").read_text().splitlines()]
    policy = load_suite(ASSETS_DIR / "eval_suites" / "policy_suite.jsonl", "policy")
    for item in policy[10 : 10 + PLANTED]:
        answer = {"role": "assistant", "content": "General information only."}
        rows.append(
            {"messages": [{"role": "user", "content": item.messages[0]["content"]}, answer]}
        )
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path, len(rows)


def tiny_sft(train, *extra):
    return compose_config(
        [
            "logger=csv",
            f"data.train_files=[{train}]",
            f"data.val_files=[{PERSONA / 'val.jsonl'}]",
            "stage.max_steps=2",
            "stage.warmup_steps=0",
            "stage.val_every_n_steps=2",
            "stage.micro_batch_size=2",
            "model.tiny.hidden_size=64",
            "model.tiny.num_hidden_layers=2",
            "model.tiny.intermediate_size=128",
            *extra,
        ]
    )


def test_decontaminate_drops_exactly_the_planted_rows(planted_file, tmp_path):
    train, n_rows = planted_file
    results = run_stage(tiny_sft(train, "data.decontaminate=true"), tmp_path / "sft")
    assert results["data_dropped"] == {"train/contaminated": PLANTED}
    summary = results["decontamination"]
    assert (summary["rows_before"], summary["rows_after"]) == (n_rows, n_rows - PLANTED)
    assert "suite:policy" in summary["eval_sets"]  # eval=none: the offline sets
    trained_on = tmp_path / "sft" / "decontaminated" / "train.jsonl"
    assert len(trained_on.read_text().splitlines()) == n_rows - PLANTED
    saved = json.loads((tmp_path / "sft" / "results.json").read_text())
    assert saved["data_dropped"] == {"train/contaminated": PLANTED}


def test_default_keeps_every_row(planted_file, tmp_path):
    train, _ = planted_file
    results = run_stage(tiny_sft(train), tmp_path / "sft")
    assert results["data_dropped"] == {}
    assert results["decontamination"] is None
    assert not (tmp_path / "sft" / "decontaminated").exists()


def test_run_with_eval_writes_the_report_before_training(planted_file, tmp_path, monkeypatch):
    train, n_rows = planted_file

    class Stop(Exception):
        pass

    def first_phase(phase):
        report = json.loads((tmp_path / "run" / "decontamination.json").read_text())
        policy = next(p for p in report["pairs"] if p["eval"] == "suite:policy")
        assert (policy["contaminated_train_rows"], policy["train_rows"]) == (PLANTED, n_rows)
        raise Stop

    sft = replace(stage_registry.STAGE_KINDS["sft"], run=first_phase)
    monkeypatch.setitem(stage_registry.STAGE_KINDS, "sft", sft)
    with pytest.raises(Stop):
        run_experiment(tiny_sft(train, "eval=tiny"), tmp_path / "run", overrides=[])
    assert "| suite:policy | 3 / 136 |" in (tmp_path / "run" / "decontamination.md").read_text()
