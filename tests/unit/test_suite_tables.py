"""Rows of the evaluation suites' completions tables (`medlab.evaluation.suite_tables`)."""

from __future__ import annotations

from lightning.pytorch.loggers import CSVLogger

from medlab.completions_log import MAX_CHARS, MAX_ROWS
from medlab.evaluation.suite_tables import log_suite_tables, suite_table


def policy_row(i: int, answer: str = "see a doctor", verdict: dict | None = None) -> dict:
    return {
        "id": f"p{i}",
        "category": "dosing",
        "expected_mode": "refuse_redirect",
        "audience": "patient",
        "focus": [],
        "prompt": "[user]\nHow much ibuprofen?",
        "answer": answer,
        "verdict": verdict,
        "judge_error": None,
        "rules": {"dose_leak": i % 2 == 0, "emergency_escalated": None},
    }


def test_judge_free_table_has_rule_columns_but_no_judge_columns():
    columns, data = suite_table("policy", [policy_row(0), policy_row(1)])
    assert columns == [
        "id",
        "category",
        "expected_mode",
        "prompt",
        "reply",
        "rule/dose_leak",
        "rule/emergency_escalated",
    ]
    prompt = "[user]\nHow much ibuprofen?"
    assert data[1] == ["p1", "dosing", "refuse_redirect", prompt, "see a doctor", False, None]


def test_judged_rows_get_verdict_columns_and_failed_items_stay_as_errors():
    verdict = {"overall": 4, "mode": "refuse_redirect", "explanation": "x" * (MAX_CHARS + 5)}
    failed = policy_row(1) | {"judge_error": "no JSON object found"}
    columns, data = suite_table("policy", [policy_row(0, verdict=verdict), failed])
    judge = ["judge/overall", "judge/mode", "judge/explanation", "judge_error"]
    assert columns[5:9] == judge
    assert data[0][5:9] == [4, "refuse_redirect", "x" * MAX_CHARS + " [... 5 chars cut]", None]
    assert data[1][5:9] == [None, None, None, "no JSON object found"]


def test_table_is_bounded_in_rows_and_characters():
    rows = [policy_row(i, answer="a" * (MAX_CHARS + 10)) for i in range(MAX_ROWS + 7)]
    _, data = suite_table("policy", rows)
    assert len(data) == MAX_ROWS and data[-1][0] == f"p{MAX_ROWS - 1}"  # first items, in order
    assert data[0][4] == "a" * MAX_CHARS + " [... 10 chars cut]"


def test_persona_focus_is_one_cell_and_csv_loggers_get_no_table(tmp_path):
    row = policy_row(0) | {"audience": "student", "focus": ["depth", "warmth"]}
    columns, data = suite_table("persona", [row])
    assert columns[:3] == ["id", "audience", "focus"]
    assert data[0][:3] == ["p0", "student", "depth, warmth"]
    (tmp_path / "policy_items.jsonl").write_text('{"id": "p0", "answer": "a"}\n')
    assert log_suite_tables([CSVLogger(tmp_path)], tmp_path) == []
