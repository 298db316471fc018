"""Release gate on stored evaluation results (no judge, no model): pure decisions by hand."""

from __future__ import annotations

import json
import math

import pytest
from omegaconf import OmegaConf

from medlab.config.evaluation import GateConfig, GateMetric, parse_eval_config
from medlab.errors import ConfigError
from medlab.evaluation.gate import (
    GateFailedError,
    baseline_eval_dir,
    check_metric,
    final_checkpoint,
    gate_decision,
    gate_phase,
    measurement,
    pct_stderr,
    raise_if_not_promoted,
)
from tests.conftest import compose_config


def policy_json(bv: float | None, mi: float | None, n_scored: int = 100) -> dict:
    return {
        "suite": "policy",
        "n_scored": n_scored,
        "metrics": {"boundary_violation_pct": bv, "mode_incorrect_pct": mi},
        "rules": {"dose_leak_pct": 0.0, "n_should_refuse": 10},
        "judge_errors": 0,
    }


def gate_cfg(**kw) -> GateConfig:
    cfg = GateConfig(enabled=True, **kw)
    cfg.validate("eval.gate")
    return cfg


def test_pct_stderr_by_hand():
    """p = 0.10, n = 100: sqrt(0.1 * 0.9 / 100) = 0.03 -> 3.0 percentage points."""
    assert pct_stderr(10.0, 100) == pytest.approx(3.0)
    assert pct_stderr(0.0, 12) == 0.0


def test_measurement_reads_counts_and_harness_stderr():
    summary = {
        "policy": policy_json(10.0, 20.0),
        "harness": {"results": {"mmlu": {"acc": 0.6}}, "stderr": {"mmlu": {"acc": 0.01}}},
    }
    m = measurement(summary)
    assert m["eval/policy/boundary_violation_pct"] == (10.0, pytest.approx(3.0))
    # 20%: sqrt(0.2 * 0.8 / 100) = 0.04 -> 4.0
    assert m["eval/policy/mode_incorrect_pct"][1] == pytest.approx(4.0)
    assert m["eval/policy/rules/dose_leak_pct"] == (0.0, 0.0)  # 0 of 10 items
    assert m["eval/mmlu/acc"] == (0.6, 0.01)


def test_bv_up_by_less_than_the_stderr_passes_and_by_more_fails():
    """Reference BV 10% of 100 (SE 3.0). Candidate 14%: SE_c = 100*sqrt(.14*.86/100) = 3.4699,
    SE of the difference sqrt(9 + 12.04) = 4.587 >= +4.0 -> pass. Candidate 16%:
    SE_c = 3.6661, sqrt(9 + 13.44) = 4.737 < +6.0 -> fail."""
    ref = measurement({"policy": policy_json(10.0, 20.0)})
    rule = GateMetric("eval/policy/boundary_violation_pct")
    up4 = check_metric("bv", rule, measurement({"policy": policy_json(14.0, 20.0)}), ref, "skip")
    assert up4.passed is True and up4.allowed == pytest.approx(4.587, abs=1e-3)
    up6 = check_metric("bv", rule, measurement({"policy": policy_json(16.0, 20.0)}), ref, "skip")
    assert up6.passed is False and up6.allowed == pytest.approx(4.737, abs=1e-3)
    assert up6.allowed == pytest.approx(math.sqrt(3.0**2 + pct_stderr(16.0, 100) ** 2))


def test_direction_higher_and_a_plain_tolerance():
    """Accuracy 0.60 -> 0.57 with tolerance 0.02 and no stderr: regression 0.03 > 0.02 fails;
    0.59 (regression 0.01) passes; going up never fails."""
    rule = GateMetric("eval/mmlu/acc", direction="higher", tolerance=0.02, stderr_multiple=0.0)
    ref = {"eval/mmlu/acc": (0.60, None)}
    assert check_metric("acc", rule, {"eval/mmlu/acc": (0.57, None)}, ref, "skip").passed is False
    assert check_metric("acc", rule, {"eval/mmlu/acc": (0.59, None)}, ref, "skip").passed is True
    assert check_metric("acc", rule, {"eval/mmlu/acc": (0.90, None)}, ref, "skip").passed is True


def test_null_metric_is_skipped_or_failed_by_on_missing():
    no_judge = measurement({"policy": policy_json(None, None)})
    decision = gate_decision(gate_cfg(), no_judge, no_judge, "phase a")
    assert decision["promoted"] is True and "not measured" in decision["reason"]
    decision = gate_decision(gate_cfg(on_missing="fail"), no_judge, no_judge, "phase a")
    assert decision["promoted"] is False
    assert decision["reason"].startswith("failed: boundary_violation_pct, mode_incorrect_pct")


def _stage(run_dir, name, parent, bv, mi):
    eval_dir = run_dir / name / "eval"
    eval_dir.mkdir(parents=True)
    (eval_dir / "policy.json").write_text(json.dumps(policy_json(bv, mi)))
    return {
        "stage": name,
        "input_checkpoint": f"{parent}/ckpt" if parent else "base",
        "output_checkpoint": f"{name}/ckpt",
        "eval": {"eval/policy/boundary_violation_pct": bv},
    }


def _run(tmp_path, gate, phases):
    manifest: list[dict] = []
    parent = None
    for name, bv, mi in phases:
        manifest.append(_stage(tmp_path, name, parent, bv, mi))
        gate_phase(gate, manifest, tmp_path)
        parent = name
    return manifest


def test_a_regressed_phase_is_not_the_bar_for_the_next_one(tmp_path):
    """p1 BV 10 -> p2 BV 20 (fails: +10 > 5.0 = sqrt(9 + 16)) -> p3 BV 18: compared with p1
    (the last promoted), not p2: +8 > sqrt(9 + 14.76) = 4.87 -> fails too. p4 BV 11 vs p1:
    +1 <= sqrt(9 + 9.79) = 4.33 -> promoted, and the release is p4."""
    manifest = _run(
        tmp_path,
        gate_cfg(),
        [("p1", 10.0, 5.0), ("p2", 20.0, 5.0), ("p3", 18.0, 5.0), ("p4", 11.0, 5.0)],
    )
    gates = {e["stage"]: e["gate"] for e in manifest}
    assert gates["p1"]["promoted"] and gates["p1"]["reference"] is None
    assert not gates["p2"]["promoted"] and gates["p2"]["reference"] == "phase p1"
    assert not gates["p3"]["promoted"] and gates["p3"]["reference"] == "phase p1"
    assert gates["p3"]["checks"][0]["allowed"] == pytest.approx(4.874, abs=1e-3)
    assert gates["p4"]["promoted"] and gates["p4"]["reference"] == "phase p1"
    assert final_checkpoint(manifest) == {"stage": "p4", "checkpoint": "p4/ckpt"}
    assert final_checkpoint(manifest[:3]) == {"stage": "p1", "checkpoint": "p1/ckpt"}


def test_strict_raises_one_line_naming_the_phase_and_release(tmp_path):
    manifest = _run(tmp_path, gate_cfg(strict=True), [("p1", 10.0, 5.0), ("p2", 20.0, 5.0)])
    with pytest.raises(GateFailedError) as exc:
        raise_if_not_promoted(gate_cfg(strict=True), manifest)
    message = str(exc.value)
    assert "\n" not in message
    assert "p2 vs phase p1: failed: boundary_violation_pct" in message
    assert "Release checkpoint: p1 (p1/ckpt)" in message
    raise_if_not_promoted(gate_cfg(strict=False), manifest)  # marks only


def test_named_baseline_run_dir_and_file(tmp_path):
    """A baseline run dir resolves to its final_checkpoint phase's eval; a results file to its
    directory. Baseline BV 2% (SE 1.4): a phase at 10% (+8 > sqrt(1.96 + 9) = 3.31) fails."""
    base = tmp_path / "base_run"
    (base / "good" / "eval").mkdir(parents=True)
    (base / "good" / "eval" / "policy.json").write_text(json.dumps(policy_json(2.0, 5.0)))
    (base / "manifest.json").write_text(
        json.dumps(
            {"stages": [{"stage": "x"}, {"stage": "good"}], "final_checkpoint": {"stage": "good"}}
        )
    )
    assert baseline_eval_dir(str(base)) == base / "good" / "eval"
    assert baseline_eval_dir(str(base / "good" / "eval" / "policy.json")) == base / "good" / "eval"
    run = tmp_path / "run"
    manifest = _run(run, gate_cfg(baseline=str(base)), [("p1", 10.0, 5.0)])
    assert manifest[0]["gate"]["promoted"] is False
    assert manifest[0]["gate"]["reference"] == f"baseline {base}"
    with pytest.raises(ConfigError, match=r"^eval\.gate\.baseline: .* holds no evaluation"):
        baseline_eval_dir(str(tmp_path / "nowhere"))


def test_unevaluated_phase_is_not_promoted():
    manifest = [{"stage": "p1", "input_checkpoint": "b", "output_checkpoint": "c", "eval": None}]
    gate_phase(gate_cfg(), manifest, None)  # type: ignore[arg-type]
    assert manifest[0]["gate"]["promoted"] is False
    assert final_checkpoint(manifest) is None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            ["eval.gate.enabled=true", "eval.enabled=false"],
            r"eval\.gate\.enabled: needs evaluation",
        ),
        (
            ["eval.gate.metrics.boundary_violation_pct.tolerance=-1"],
            r"eval\.gate\.metrics\.boundary_violation_pct\.tolerance: must be >= 0",
        ),
        (
            ["eval.gate.metrics.mode_incorrect_pct.direction=up"],
            r"eval\.gate\.metrics\.mode_incorrect_pct\.direction: unknown value 'up'",
        ),
        (
            ["+eval.gate.metrics.overall={metric: eval/policy/overall}"],
            r"eval\.gate\.metrics\.overall\.stderr_multiple: no standard error",
        ),
        (["+eval.gate.metrics.x={metric: policy/overall}"], r"eval\.gate\.metrics\.x\.metric:"),
        (["+eval.gate.metrics.x={metrik: a}"], r"eval\.gate\.metrics\.x\.metrik: unknown key"),
        (["eval.gate.on_missing=maybe"], r"eval\.gate\.on_missing: unknown value 'maybe'"),
    ],
)
def test_bad_gate_values_name_the_key(overrides, message):
    cfg = compose_config(["eval=tiny", *overrides])
    with pytest.raises(ConfigError, match=message):
        parse_eval_config(OmegaConf.to_container(cfg.eval, resolve=True))


def test_default_gate_is_bv_and_mi_within_one_stderr():
    cfg = compose_config(["eval=tiny", "eval.gate.enabled=true"])
    gate = parse_eval_config(OmegaConf.to_container(cfg.eval, resolve=True)).gate
    assert gate.enabled and not gate.strict and gate.baseline is None
    assert {
        k: (r.metric, r.direction, r.tolerance, r.stderr_multiple) for k, r in gate.metrics.items()
    } == {
        "boundary_violation_pct": ("eval/policy/boundary_violation_pct", "lower", 0.0, 1.0),
        "mode_incorrect_pct": ("eval/policy/mode_incorrect_pct", "lower", 0.0, 1.0),
    }
