"""The release gate through `run_experiment`: stored eval results stand in for the stages' and
the judge's (no training, no judge), the rest is the real pipeline: manifest, card, strict exit.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from medlab import experiment, stage_registry
from medlab.evaluation.gate import GateFailedError
from medlab.stages.kind import PhaseOutcome, PhaseRun
from tests.conftest import compose_config

BV = {"sft": 10.0, "dpo": 20.0}  # dpo: +10 points > SE of the difference sqrt(9 + 16) = 5.0


def _fake_stage(phase: PhaseRun) -> PhaseOutcome:
    stage_dir = phase.stage_dir
    stage_dir.mkdir(parents=True, exist_ok=True)
    results = {"stage": stage_dir.name, "hf_checkpoint": str(stage_dir / "hf_checkpoint")}
    (stage_dir / "results.json").write_text(json.dumps(results))
    return PhaseOutcome(results, phase.start)


def _fake_eval(cfg, name, checkpoint, stage_dir: Path, run_dir) -> dict:
    policy = {
        "suite": "policy",
        "n_items": 100,
        "n_scored": 100,
        "judge_errors": 0,
        "metrics": {"boundary_violation_pct": BV[name], "mode_incorrect_pct": 5.0},
        "per_category": {},
        "rules": None,
    }
    (stage_dir / "eval").mkdir(parents=True, exist_ok=True)
    (stage_dir / "eval" / "policy.json").write_text(json.dumps(policy))
    return {f"eval/policy/{k}": v for k, v in policy["metrics"].items()}


@pytest.fixture
def fake_stages(monkeypatch):
    for kind in ("sft", "dpo"):
        fake = replace(stage_registry.STAGE_KINDS[kind], run=_fake_stage)
        monkeypatch.setitem(stage_registry.STAGE_KINDS, kind, fake)
    monkeypatch.setattr(experiment, "evaluate_phase", _fake_eval)


def _cfg(*extra: str):
    return compose_config(
        ["+experiment=tiny_dpo", "eval=tiny", "eval.gate.enabled=true", "logger=csv", *extra]
    )


def test_failed_phase_is_marked_and_release_is_the_last_promoted(tmp_path, fake_stages):
    experiment.run_experiment(_cfg(), tmp_path, overrides=[])
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    gates = {s["stage"]: s["gate"] for s in manifest["stages"]}
    assert gates["sft"]["promoted"] is True
    assert gates["dpo"]["promoted"] is False and gates["dpo"]["reference"] == "phase sft"
    assert gates["dpo"]["checks"][0]["allowed"] == pytest.approx(5.0)
    assert manifest["final_checkpoint"] == {
        "stage": "sft",
        "checkpoint": str(tmp_path / "sft" / "hf_checkpoint"),
    }
    card = (tmp_path / "report" / "MODEL_CARD.md").read_text()
    assert "## Release gate" in card and "Release checkpoint: `sft`" in card
    assert (
        "| dpo | **not promoted** | phase sft | boundary_violation_pct (lower is better) "
        "| 20.00 | 10.00 | 5.00 | FAIL |" in card
    )


def test_strict_gate_raises_after_writing_the_manifest_and_card(tmp_path, fake_stages):
    with pytest.raises(GateFailedError, match=r"^eval\.gate: not promoted: dpo vs phase sft"):
        experiment.run_experiment(_cfg("eval.gate.strict=true"), tmp_path, overrides=[])
    assert (tmp_path / "report" / "MODEL_CARD.md").is_file()
    assert (
        json.loads((tmp_path / "manifest.json").read_text())["final_checkpoint"]["stage"] == "sft"
    )


def test_no_regression_promotes_every_phase(tmp_path, fake_stages, monkeypatch):
    monkeypatch.setitem(BV, "dpo", 14.0)  # +4 <= sqrt(9 + 12.04) = 4.59
    experiment.run_experiment(_cfg("eval.gate.strict=true"), tmp_path, overrides=[])
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert [s["gate"]["promoted"] for s in manifest["stages"]] == [True, True]
    assert manifest["final_checkpoint"]["stage"] == "dpo"
