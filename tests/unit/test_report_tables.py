"""Report tables from fixture run directories, checked against values worked out by hand.

`make_run_dir` writes a three-phase med-advisor-style run (manifest, results.json, metrics.csv,
eval/*.json following the contract in `medlab.evaluation`) whose policy / persona numbers are
exact fractions chosen to print as the seed card's numbers. It is shared with the model-card
and notebook tests. Hand checks:

  boundary violation 18/468 = 3.8461...% -> "3.85%"; 27/468 = 5.7692...% -> "5.77%"
  mode incorrect 23/468 = 4.9145...% -> "4.91%"; 32/468 = 6.8376...% -> "6.84%";
                 22/468 = 4.7008...% -> "4.70%"
  persona overall 197/48 = 4.104166... -> "4.1042"; depth 179/48 = 3.729166... -> "3.7292";
          multi-turn 14/3 = 4.6666... -> "4.6667"
  overall 4.544871... -> "4.5449" (4 decimals) and "4.54" in the baselines table (2 decimals)
  dose leak 1/12 = 8.333...% -> "8.33% (1/12)"; emergency escalation 3/4 -> "75.00% (3/4)"
  lm-eval fractions x 100: 0.614 -> "61.40", 0.6943 -> "69.43", 0.5369 -> "53.69"
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from medlab.config.evaluation import GenerationConfig
from medlab.errors import ConfigError, DataError
from medlab.evaluation.benchmark_tables import task_score
from medlab.evaluation.report_tables import build_report
from medlab.evaluation.run_results import resolve_eval_dir

N = 468  # policy items scored (the fractions above)
JUDGE = {"backend": "openai", "model": "gpt-5-mini", "reasoning_effort": "low"}
PHASES = (
    ("med_advisor_phase1", "sft"),
    ("med_advisor_phase2", "sft"),
    ("med_advisor_phase3", "dpo"),
)
POLICY = {  # phase: (overall, safety, helpfulness, medical_accuracy, boundary n, mode n)
    "med_advisor_phase1": (4.50641, 4.77137, 4.45726, 4.63889, 18, 22),
    "med_advisor_phase2": (4.48504, 4.74359, 4.47436, 4.60897, 27, 32),
    "med_advisor_phase3": (4.544871794871795, 4.78846, 4.54060, 4.68803, 18, 23),
}
PERSONA_PHASE3 = {
    "overall": 197 / 48,
    "depth": 179 / 48,
    "audience": 217 / 48,
    "warmth": 202 / 48,
    "structure": 211 / 48,
    "hedging": 205 / 48,
    "verbosity": 225 / 48,
    "evidence": 178 / 48,
    "multi_turn": 14 / 3,
}
VAL = {  # phase: (val_before, val_after) of the headline metric
    "med_advisor_phase1": {"val/loss": (8.36, 6.753378)},
    "med_advisor_phase2": {"val/loss": (6.732, 6.559083)},
    "med_advisor_phase3": {"val/rewards/accuracies": (0.0, 1.0), "val/loss": (0.693, 0.041)},
}
HARNESS = {  # phase: {task: {metric: value}}, subjects deliberately not in the card's order
    "med_advisor_phase1": {
        "mmlu": {"acc,none": 0.5553, "acc_stderr,none": 0.004},
        "mmlu_high_school_chemistry": {"acc,none": 0.4384},
        "mmlu_stem": {"acc,none": 0.4253},
        "mmlu_clinical_knowledge": {"acc,none": 0.6566},
        "leaderboard_ifeval": {
            "prompt_level_strict_acc,none": 0.6367,
            "inst_level_strict_acc,none": 0.71,
        },
    },
    "med_advisor_phase3": {
        "mmlu_social_sciences": {"acc,none": 0.7413},
        "mmlu_high_school_chemistry": {"acc,none": 0.5369},
        "mmlu_astronomy": {"acc,none": 0.5},
        "mmlu_anatomy": {"acc,none": 0.6296},
        "medmcqa": {"acc,none": 0.45, "acc_norm,none": 0.44},
        "mmlu_stem": {"acc,none": 0.4916},
        "mmlu_clinical_knowledge": {"acc,none": 0.6943},
        "leaderboard_ifeval": {
            "prompt_level_strict_acc,none": 0.5959,
            "inst_level_strict_acc,none": 0.7,
        },
        "leaderboard_mmlu_pro": {"acc,none": 0.3316},
        "mmlu": {"acc,none": 0.614, "acc_stderr,none": 0.004},
        "mmlu_humanities": {"acc,none": 0.562},
        "mmlu_virology": {"acc,none": 0.494},
    },
}


def _write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2))


def policy_json(overall, safety, helpful, accuracy, boundary, mode, judge=JUDGE, partial=False):
    """A policy.json as medlab.evaluation specifies it (rates are % of N scored items)."""
    scored = N if judge["backend"] != "none" else 0

    def pct(k):
        return None if not scored else 100 * k / N

    def score(x):
        return x if scored else None

    metrics = {
        "overall": score(overall),
        "safety": score(safety),
        "helpfulness": score(helpful),
        "medical_accuracy": score(accuracy),
        "boundary_violation_pct": pct(boundary),
        "mode_incorrect_pct": pct(mode),
    }
    per_category = {
        "dosing": {**metrics, "boundary_violation_pct": pct(boundary // 2), "n": 100},
        "emergency": {**metrics, "mode_incorrect_pct": pct(mode // 3), "n": 80},
    }
    return {
        "suite": "policy",
        "n_items": N,
        "n_scored": scored,
        "judge_errors": 0,
        "judge": judge,
        "partial": partial,
        "suite_fingerprint": "3f2a9c1d",
        "generation": asdict(GenerationConfig(max_new_tokens=768)),
        "metrics": metrics,
        "per_category": per_category,
        "rules": {
            "dose_leak_pct": 100 / 12,
            "dose_leak_count": 1,
            "n_should_refuse": 12,
            "emergency_escalation_pct": 75.0,
            "emergency_escalation_count": 3,
            "n_emergency": 4,
        },
    }


def persona_json(metrics, judge=JUDGE):
    return {
        "suite": "persona",
        "n_items": 48,
        "n_scored": 48,
        "judge_errors": 1,
        "judge": judge,
        "partial": False,
        "metrics": metrics,
    }


def _metrics_csv(path: Path, key: str, before: float, after: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = ["epoch,step,train/loss,train/lr," + key, f"0,0,,,{before}", "0,4,7.5,0.001,"]
    rows += ["0,9,6.9,0.0005,", f"0,10,,,{after}"]
    path.write_text("\n".join(rows) + "\n")


def make_run_dir(root: Path, with_eval: bool = True, partial: bool = False) -> Path:
    """A finished three-phase run (phase 2 has no harness.json) under `root/run`."""
    run = root / "run"
    stages = []
    for phase, kind in PHASES:
        metrics = VAL[phase]
        before = {k: v[0] for k, v in metrics.items()}
        after = {k: v[1] for k, v in metrics.items()}
        results = {"stage": kind, "steps": 40, "val_before": before, "val_after": after}
        results |= {"hf_checkpoint": str(run / phase / "hf_checkpoint"), "wall_time_s": 31.4}
        _write(run / phase / "results.json", results)
        _metrics_csv(
            run / phase / "csv" / "metrics.csv", next(iter(metrics)), *metrics[next(iter(metrics))]
        )
        previous = stages[-1]["output_checkpoint"] if stages else "Qwen/Qwen3-4B-Base"
        stages.append(
            {
                "stage": phase,
                "type": kind,
                "input_checkpoint": previous,
                "output_checkpoint": results["hf_checkpoint"],
                "config_hash": "0" * 16,
                "final_metrics": after,
                "wall_time_s": 31.4,
            }
        )
        if not with_eval:
            continue
        eval_dir = run / phase / "eval"
        _write(eval_dir / "policy.json", policy_json(*POLICY[phase], partial=partial))
        persona = PERSONA_PHASE3 if phase.endswith("3") else {k: 4.0 for k in PERSONA_PHASE3}
        _write(eval_dir / "persona.json", persona_json(persona))
        if phase in HARNESS:
            settings = {"tasks": sorted(HARNESS[phase]), "limit": 16 if partial else None}
            harness = {"checkpoint": results["hf_checkpoint"], "settings": settings}
            harness |= {"results": HARNESS[phase], "stderr": {}, "n_samples": {}}
            _write(eval_dir / "harness.json", harness)
    _write(run / "manifest.json", {"experiment": "fixture_med_advisor", "stages": stages})
    return run


def make_baselines(root: Path) -> dict[str, Path]:
    """Qwen3-4B-Base judged (eval dir given), Qwen3-4B-Instruct with judge none (phase dir)."""
    base = root / "baselines" / "base" / "eval"
    _write(base / "policy.json", policy_json(3.6624, 4.0, 3.5, 3.8, 122.8, 132.87))
    instruct = root / "baselines" / "instruct"
    _write(instruct / "eval" / "policy.json", policy_json(1, 1, 1, 1, 1, 1, {"backend": "none"}))
    return {"Qwen3-4B-Base": base, "Qwen3-4B-Instruct": instruct}


@pytest.fixture
def report(tmp_path):
    return build_report(make_run_dir(tmp_path), make_baselines(tmp_path))


def test_policy_table_matches_the_card_format(report):
    table = report.tables["policy"]
    assert table.columns[:7] == [
        "Model",
        "Overall",
        "Safety",
        "Helpfulness",
        "Medical Accuracy",
        "Boundary Violation",
        "Mode Incorrect",
    ]
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["med_advisor_phase3"] == [
        *("4.5449", "4.7885", "4.5406", "4.6880", "3.85%", "4.91%"),
        *("468/468", "0"),
    ]
    assert rows["med_advisor_phase2"][4:6] == ["5.77%", "6.84%"]
    assert rows["med_advisor_phase1"][4:6] == ["3.85%", "4.70%"]
    assert [r[0] for r in table.rows][:3] == [p for p, _ in PHASES], "pipeline order"
    assert "| med_advisor_phase3 | 4.5449 | 4.7885 |" in table.to_markdown()
    assert table.data[2]["boundary_violation_pct"] == pytest.approx(100 * 18 / 468)


def test_null_metric_prints_na_never_zero(report):
    rows = {row[0]: row for row in report.tables["policy"].rows}
    instruct = rows["Qwen3-4B-Instruct"]
    assert instruct[1:7] == ["n/a"] * 6
    assert instruct[7] == "0/468", "judge backend none scores nothing"
    assert not any("scored no item" in n for n in report.tables["policy"].notes)


def test_baselines_table_lists_baselines_then_the_last_phase(report):
    table = report.tables["baselines"]
    assert table.columns == ["Model", "Overall", "Boundary Violation", "Mode Incorrect"]
    # 122.8 / 468 = 26.2393% -> 26.24%; 132.87 / 468 = 28.3910% -> 28.39%
    assert table.rows == [
        ["Qwen3-4B-Base", "3.66", "26.24%", "28.39%"],
        ["Qwen3-4B-Instruct", "n/a", "n/a", "n/a"],
        ["med_advisor_phase3", "4.54", "3.85%", "4.91%"],
    ]


def test_persona_table(report):
    table = report.tables["persona"]
    assert table.columns[1:10] == ["Overall", "Depth", "Audience", "Warmth", "Structure",
                                   "Hedging", "Verbosity", "Evidence", "Multi-turn"]  # fmt: skip
    row = next(r for r in table.rows if r[0] == "med_advisor_phase3")
    assert row[1:3] == ["4.1042", "3.7292"] and row[9] == "4.6667"
    assert row[10:] == ["48/48", "1"], "n scored and judge errors are shown"
    assert [r[0] for r in table.rows] == [p for p, _ in PHASES], "baselines without persona.json"


def test_rule_check_table(report):
    table = report.tables["rules"]
    assert table.rows[2] == ["med_advisor_phase3", "8.33% (1/12)", "75.00% (3/4)"]
    assert len(table.rows) == 5, "3 phases + 2 baselines"


def test_benchmark_table_afm_order_and_percent(report):
    table = report.tables["benchmarks"]
    assert table.columns == ["Benchmark", "med_advisor_phase1", "med_advisor_phase3"]
    assert table.rows == [
        ["MMLU", "55.53", "61.40"],
        ["MMLU-Pro", "n/a", "33.16"],
        ["IFEval", "63.67", "59.59"],  # prompt_level_strict_acc, not inst_level
        ["MedMCQA", "n/a", "45.00"],  # acc, not acc_norm
    ]
    assert "leaderboard_ifeval: prompt_level_strict_acc" in table.notes[0]


def test_mmlu_subjects_in_afm_card_order_only_rows_present(report):
    table = report.tables["mmlu"]
    assert [row[0] for row in table.rows] == [
        "**other**",
        "clinical_knowledge",
        "virology",
        "**stem**",
        "anatomy",
        "high_school_chemistry",
        "**groups**",
        "humanities",
        "social sciences",
        "stem",
    ]  # astronomy is not a card row; groups without results (other) are left out
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["clinical_knowledge"] == ["65.66", "69.43"]
    assert rows["high_school_chemistry"] == ["43.84", "53.69"]
    assert rows["humanities"] == ["n/a", "56.20"]
    assert rows["**stem**"] == ["", ""]


def test_training_table(report):
    rows = {row[0]: row for row in report.tables["training"].rows}
    assert rows["med_advisor_phase1"][1:] == ["sft", "40", "val/loss", "8.360 -> 6.753", "31.4 s"]
    assert rows["med_advisor_phase3"][3:5] == ["val/rewards/accuracies", "0.000 -> 1.000"]


def test_training_headline_agrees_with_the_run_entry_point():
    from medlab.evaluation.report_tables import TRAINING_HEADLINE
    from medlab.run import HEADLINE_METRIC

    for stage, key in HEADLINE_METRIC.items():
        assert TRAINING_HEADLINE[stage][0] == key


def test_missing_eval_files_omit_tables_with_a_note(tmp_path):
    report = build_report(make_run_dir(tmp_path, with_eval=False))
    for key in ("policy", "baselines", "persona", "rules", "benchmarks", "mmlu"):
        table = report.tables[key]
        assert table.omitted and not table.rows, key
        assert table.to_markdown().startswith(f"_{table.title}: omitted, ")
    assert "eval/policy.json" in report.tables["policy"].omitted
    assert len(report.tables["training"].rows) == 3, "training table needs no eval files"


def test_partial_runs_are_marked(tmp_path):
    report = build_report(make_run_dir(tmp_path, partial=True))
    assert report.tables["policy"].rows[0][0] == "med_advisor_phase1 (partial)"
    assert any("(partial)" in n for n in report.tables["policy"].notes)
    assert report.tables["benchmarks"].columns[1] == "med_advisor_phase1 (partial)"
    assert "limit 16" in report.tables["benchmarks"].notes[-1]


def test_task_score_prefers_unfiltered_metric_and_skips_stderr():
    metrics = {"exact_match,strict-match": 0.2, "exact_match,none": 0.3}
    metrics["exact_match_stderr,none"] = 0.01
    assert task_score("gsm8k", metrics) == ("exact_match", 0.3)
    assert task_score("medmcqa", {"acc": 0.5}) == ("acc", 0.5)
    assert task_score("medmcqa", {"alias": "medmcqa"}) is None


def test_not_a_run_dir_and_bad_json_are_user_errors(tmp_path):
    with pytest.raises(ConfigError, match="no manifest.json"):
        build_report(tmp_path)
    run = make_run_dir(tmp_path)
    (run / "med_advisor_phase2" / "eval" / "policy.json").write_text("{not json")
    with pytest.raises(DataError, match="med_advisor_phase2/eval/policy.json:1"):
        build_report(run)


def test_baseline_path_can_be_eval_phase_or_run_dir(tmp_path):
    run = make_run_dir(tmp_path)
    last_eval = run / "med_advisor_phase3" / "eval"
    assert resolve_eval_dir("x", last_eval) == last_eval
    assert resolve_eval_dir("x", last_eval.parent) == last_eval
    assert resolve_eval_dir("x", run) == last_eval
    with pytest.raises(ConfigError, match="baseline x: .* holds no evaluation results"):
        resolve_eval_dir("x", tmp_path / "nothing")
