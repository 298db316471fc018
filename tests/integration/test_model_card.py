"""MODEL_CARD.md, tables.json and the PNGs of a fixture run (eval files as medlab writes them)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml

from medlab.evaluation.card import portable, write_model_card
from medlab.evaluation.report_tables import build_report
from medlab.report import main
from tests.conftest import REPO_ROOT
from tests.unit.test_report_tables import make_baselines, make_run_dir

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def card(tmp_path_factory):
    """(card path, run dir, baselines) written once for the tests that only read them."""
    tmp_path = tmp_path_factory.mktemp("card")
    run = make_run_dir(tmp_path)
    baselines = make_baselines(tmp_path)
    path = write_model_card(run, None, baselines=baselines, title="med-advisor-tiny")
    return path, run, baselines


def test_card_tables_and_figures_are_written(card):
    path, run, _ = card
    out = run / "report"
    assert path == out / "MODEL_CARD.md"
    names = sorted(p.name for p in (out / "plots").iterdir())
    assert names == [
        "benchmarks.png",
        "mmlu.png",
        "policy_categories.png",
        "rules.png",
        "training_med_advisor_phase1.png",
        "training_med_advisor_phase2.png",
        "training_med_advisor_phase3.png",
    ]
    for png in (out / "plots").iterdir():
        assert png.read_bytes()[:8] == PNG_MAGIC, png
        assert png.stat().st_size > 5_000, f"{png} looks empty"
    assert not [p for p in out.rglob("*") if ".tmp-" in p.name], "no temp file left behind"


def test_every_link_in_the_card_points_to_an_existing_file(card):
    path, _, _ = card
    text = path.read_text()
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(links) == 7
    for link in links:
        assert not link.startswith("/"), "links are relative to the card"
        assert (path.parent / link).is_file(), link


def test_tables_json_matches_the_report_and_the_card(card):
    path, run, baselines = card
    stored = json.loads((path.parent / "tables.json").read_text())
    report = build_report(run, baselines)  # machine paths written as RUN_DIR / MEDLAB
    expected = json.loads(portable(json.dumps(report.to_dict()), report.run_dir))
    assert stored["run_dir"] == "RUN_DIR"
    assert stored == expected
    text = path.read_text()
    for key in ("training", "policy", "baselines", "persona", "rules", "benchmarks", "mmlu"):
        for row in stored["tables"][key]["rows"]:
            assert "| " + " | ".join(row) + " |" in text, (key, row)
    phase3 = stored["tables"]["policy"]["data"][2]
    assert phase3["model"] == "med_advisor_phase3"
    assert phase3["boundary_violation_pct"] == pytest.approx(100 * 18 / 468)


def test_card_front_matter_settings_and_limitations(card):
    path, _, _ = card
    text = path.read_text()
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["base_model"] == ["Qwen/Qwen3-4B-Base"]
    assert {"medical", "sft", "dpo"} <= set(front["tags"]) and "license" in front
    assert text.count("# med-advisor-tiny") == 1
    assert "| med_advisor_phase3 | 4.5449 | 4.7885 | 4.5406 | 4.6880 | 3.85% | 4.91% |" in text
    assert "| Qwen3-4B-Base | 3.66 | 26.24% | 28.39% |" in text
    # exact eval settings: judge per model, decoding, suite fingerprint
    assert "openai `gpt-5-mini`, reasoning_effort=low" in text
    assert "Judge (Qwen3-4B-Instruct): none" in text
    assert "greedy (do_sample=false), repetition_penalty=1.1, no_repeat_ngram_size=6" in text
    assert "max_new_tokens=768" in text and "You are a medical education assistant." in text
    assert "fingerprint `3f2a9c1d`" in text
    assert "not a clinician" in text
    assert "judge was not run for Qwen3-4B-Instruct" in text
    assert "partial" not in text.split("## Safety and limitations")[1]


def test_judge_free_partial_run_says_so(tmp_path):
    run = make_run_dir(tmp_path, partial=True)
    for phase in ("med_advisor_phase1", "med_advisor_phase2", "med_advisor_phase3"):
        policy = run / phase / "eval" / "policy.json"
        data = json.loads(policy.read_text())
        data["judge"], data["n_scored"] = {"backend": "none"}, 0
        data["metrics"] = dict.fromkeys(data["metrics"])
        data["per_category"] = {c: {"n": v["n"]} for c, v in data["per_category"].items()}
        policy.write_text(json.dumps(data))
    text = write_model_card(run, tmp_path / "card").read_text()
    limits = text.split("## Safety and limitations")[1]
    assert (
        "judge was not run for med_advisor_phase1, med_advisor_phase2, med_advisor_phase3" in limits
    )
    assert "Numbers are partial" in limits
    # the six judge columns are n/a for every model: left out, with why and how to fill them
    assert "| med_advisor_phase1 (partial) | 0/468 | 0 |" in text
    assert "| n/a | n/a |" not in text
    assert "Not shown (Overall, Safety, Helpfulness, Medical Accuracy, Boundary Violation, " in text
    assert "no LLM judge scored any item" in text and "eval.judge.base_url=" in text
    assert not (tmp_path / "card" / "plots" / "policy_categories.png").exists(), "nothing to draw"


def test_missing_eval_files_give_notes_not_numbers(tmp_path):
    text = write_model_card(make_run_dir(tmp_path, with_eval=False)).read_text()
    assert "_Frozen policy regression: omitted, no evaluated model has eval/policy.json._" in text
    assert "%" not in text.split("## Evaluation")[1].split("## Safety")[0]
    assert "The policy and persona suites were not run" in text


def test_cli_writes_the_card_with_baselines(tmp_path, capsys):
    run = make_run_dir(tmp_path)
    base = make_baselines(tmp_path)["Qwen3-4B-Base"]
    code = main([str(run), "--baseline", f"Qwen3-4B-Base={base}", "--out", str(tmp_path / "o")])
    assert code == 0
    assert (
        capsys.readouterr().out.strip() == f"medlab: model card {tmp_path / 'o' / 'MODEL_CARD.md'}"
    )
    assert "| Qwen3-4B-Base | 3.66 |" in (tmp_path / "o" / "MODEL_CARD.md").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{tmp}/missing"], "is not a directory"),
        (["{tmp}"], "not a medlab run directory (no manifest.json)"),
        (["{run}", "--baseline", "nameonly"], "expected NAME=PATH"),
        (["{run}", "--baseline", "b={tmp}"], "baseline b: "),
    ],
)
def test_cli_user_errors_are_one_line_exit_2(tmp_path, capsys, args, message):
    run = make_run_dir(tmp_path / "r")
    argv = [a.format(tmp=tmp_path, run=run) for a in args]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("medlab: error: ") and message in err[0]


def test_cli_entry_point_exit_status(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "medlab.report", str(tmp_path / "nope")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.startswith("medlab: error: RUN_DIR")
