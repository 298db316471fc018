"""Prompt rows for GRPO: MedReason, MedMCQA and prebuilt prompt schemas."""

from __future__ import annotations

import pytest

from medlab.data.grpo_prompts import medmcqa_row, medreason_row, parse_option_lines, prompt_row
from medlab.errors import DataError

MEDREASON = {
    "question": "Deficiency of which vitamin causes scurvy?",
    "options": "Answer Choices:\nA. Vitamin A\nB. Vitamin C\nC. Vitamin D\nD. Vitamin K",
    "answer": "Vitamin C",
    "reasoning": "Collagen synthesis needs vitamin C.",
}


def test_option_lines_parse():
    assert parse_option_lines(MEDREASON["options"]) == {
        "A": "Vitamin A",
        "B": "Vitamin C",
        "C": "Vitamin D",
        "D": "Vitamin K",
    }


@pytest.mark.parametrize("answer", ["Vitamin C", "B", "B. Vitamin C", "(B)", "vitamin c"])
def test_medreason_gold_letter_from_text_or_letter(answer):
    row = medreason_row({**MEDREASON, "answer": answer}, "f:1")
    assert row.answer == "B"
    assert (
        "A. Vitamin A" in row.messages[-1]["content"]
        and "Answer: <letter>" in row.messages[-1]["content"]
    )


def test_medreason_option_text_starting_with_a_capital_is_not_a_letter():
    """'A warm, moist environment' is option B's text; the leading 'A ' is not the letter A."""
    row = medreason_row(
        {
            "question": "Which wound environment favours healing?",
            "options": "A. A dry scab\nB. A warm, moist environment\nC. Cold air\nD. Sunlight",
            "answer": "A warm, moist environment",
        },
        "f:2",
    )
    assert row.answer == "B"


def test_medreason_unmatched_answer_names_field():
    with pytest.raises(DataError, match=r"f:4: field 'answer'"):
        medreason_row({**MEDREASON, "answer": "Vitamin B12"}, "f:4")
    with pytest.raises(DataError, match=r"f:5: field 'options'"):
        medreason_row({**MEDREASON, "options": "no options here"}, "f:5")


def test_medmcqa_prompt_row_and_system_prompt():
    row = medmcqa_row(
        {"question": "Q?", "opa": "a", "opb": "b", "opc": "c", "opd": "d", "cop": 3},
        "f",
        "Be brief.",
    )
    assert row.answer == "D" and row.messages[0] == {"role": "system", "content": "Be brief."}
    with pytest.raises(DataError, match="field 'cop'"):
        medmcqa_row(
            {"question": "Q?", "opa": "a", "opb": "b", "opc": "c", "opd": "d", "cop": 9}, "f"
        )


def test_prompt_row_checks_answer():
    good = {"prompt": [{"role": "user", "content": "Q"}], "answer": "C"}
    assert prompt_row(good, "f").answer == "C"
    with pytest.raises(DataError, match="field 'answer'"):
        prompt_row({**good, "answer": "C or D"}, "f")
