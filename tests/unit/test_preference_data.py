"""Preference rows and the MedMCQA -> preference-pair builder."""

from __future__ import annotations

import json

import pytest

from medlab.config import DataConfig
from medlab.data.preference import medmcqa_to_pairs, validate_preference_row
from medlab.errors import DataError
from medlab.stages.preference_datamodule import load_pairs

ROW = {
    "id": "q1",
    "question": "Which vitamin deficiency causes scurvy?",
    "opa": "Vitamin A",
    "opb": "Vitamin C",
    "opc": "Vitamin D",
    "opd": "Vitamin K",
    "cop": 1,
    "choice_type": "single",
    "exp": "Vitamin C is needed for collagen synthesis.",
    "subject_name": "Biochemistry",
    "topic_name": None,
}


QUESTION = (
    "Which vitamin deficiency causes scurvy?\n\n"
    "A. Vitamin A\nB. Vitamin C\nC. Vitamin D\nD. Vitamin K\n\n"
)
EXPLANATION = "\n\nExplanation: Vitamin C is needed for collagen synthesis."


def test_medmcqa_pair_default_none_is_the_answer_line_on_both_sides():
    """pair_rationale=none (the default): chosen and rejected are both the answer line only.
    "The answer is " + "B. " + "Vitamin C" = 14 + 3 + 9 = 26 characters, and the rejected
    "The answer is A. Vitamin A" is also 26: only the letter and the option text differ. The row
    HAS an explanation; none of it may reach either side (before: chosen alone carried it).
    The prompt asks for no explanation, since neither completion gives one.
    """
    (pair,) = medmcqa_to_pairs(ROW, "f:1", "first", seed=0)
    assert pair.prompt == [{"role": "user", "content": QUESTION + "Choose the single best answer."}]
    assert pair.chosen == [{"role": "assistant", "content": "The answer is B. Vitamin C"}]
    assert pair.rejected == [{"role": "assistant", "content": "The answer is A. Vitamin A"}]
    assert len(pair.chosen[0]["content"]) == len(pair.rejected[0]["content"]) == 26
    assert medmcqa_to_pairs(ROW, "f:1", "first", seed=0, pair_rationale="none") == [pair]


def test_medmcqa_pair_both_puts_the_same_explanation_on_both_sides():
    """pair_rationale=both: each side is its answer line + "\n\nExplanation: " + exp.
    "\n\nExplanation: " is 15 characters and the exp 43, so both sides are 26 + 15 + 43 = 84
    characters; they differ only in the answer line. The prompt asks to explain briefly.
    """
    (pair,) = medmcqa_to_pairs(ROW, "f:1", "first", seed=0, pair_rationale="both")
    assert pair.prompt[-1]["content"] == (
        QUESTION + "Choose the single best answer and explain briefly."
    )
    assert pair.chosen[0]["content"] == "The answer is B. Vitamin C" + EXPLANATION
    assert pair.rejected[0]["content"] == "The answer is A. Vitamin A" + EXPLANATION
    assert len(pair.chosen[0]["content"]) == len(pair.rejected[0]["content"]) == 84


@pytest.mark.parametrize("exp", [None, "", "   \n"])
def test_medmcqa_pair_both_without_an_explanation_has_none_on_either_side(exp):
    """A row whose exp is null, empty or blank gets no "Explanation:" on either side."""
    (pair,) = medmcqa_to_pairs({**ROW, "exp": exp}, "f:1", "first", seed=0, pair_rationale="both")
    assert pair.chosen[0]["content"] == "The answer is B. Vitamin C"
    assert pair.rejected[0]["content"] == "The answer is A. Vitamin A"


@pytest.mark.parametrize("rationale", ["none", "both"])
@pytest.mark.parametrize("strategy", ["first", "random", "all"])
def test_medmcqa_pairs_are_symmetric_for_every_strategy(rationale, strategy):
    """Every pair: both sides match one pattern, "The answer is <letter>. <option>" followed by
    the explanation exactly when pair_rationale=both; chosen is option B, rejected never B.
    The exp is stripped: surrounding whitespace in the row does not change the text.
    """
    row = {**ROW, "exp": "  Vitamin C is needed for collagen synthesis.\n"}
    pairs = medmcqa_to_pairs(row, "f", strategy, seed=3, pair_rationale=rationale)
    assert len(pairs) == (3 if strategy == "all" else 1)
    tail = EXPLANATION if rationale == "both" else ""
    options = {"A": "Vitamin A", "B": "Vitamin C", "C": "Vitamin D", "D": "Vitamin K"}
    wrong = set()
    for pair in pairs:
        chosen, rejected = pair.chosen[0]["content"], pair.rejected[0]["content"]
        assert chosen == "The answer is B. Vitamin C" + tail
        letter = rejected[len("The answer is ")]
        assert letter != "B"
        assert rejected == f"The answer is {letter}. {options[letter]}" + tail
        assert ("Explanation:" in chosen) == ("Explanation:" in rejected) == bool(tail)
        wrong.add(letter)
    if strategy == "all":
        assert wrong == {"A", "C", "D"}


def test_unknown_pair_rationale_is_an_error():
    with pytest.raises(ValueError, match="pair_rationale"):
        medmcqa_to_pairs(ROW, "f", "first", seed=0, pair_rationale="chosen")


def test_medmcqa_strategies_are_deterministic_and_never_pick_the_answer():
    picks = {
        medmcqa_to_pairs({**ROW, "id": f"q{i}"}, "f", "random", seed=7)[0].rejected[0]["content"]
        for i in range(40)
    }
    assert picks == {
        "The answer is A. Vitamin A",
        "The answer is C. Vitamin D",
        "The answer is D. Vitamin K",
    }
    again = [
        medmcqa_to_pairs({**ROW, "id": f"q{i}"}, "f", "random", seed=7)[0].rejected
        for i in range(40)
    ]
    first = [
        medmcqa_to_pairs({**ROW, "id": f"q{i}"}, "f", "random", seed=7)[0].rejected
        for i in range(40)
    ]
    assert again == first
    other_seed = [
        medmcqa_to_pairs({**ROW, "id": f"q{i}"}, "f", "random", seed=8)[0].rejected
        for i in range(40)
    ]
    assert other_seed != first
    all_pairs = medmcqa_to_pairs(ROW, "f", "all", seed=0)
    assert [p.rejected[0]["content"][:15] for p in all_pairs] == [
        "The answer is A",
        "The answer is C",
        "The answer is D",
    ]
    with_system = medmcqa_to_pairs(ROW, "f", "first", seed=0, system_prompt="Be brief.")[0]
    assert with_system.prompt[0] == {"role": "system", "content": "Be brief."}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"cop": 4}, "cop"),
        ({"cop": "1"}, "cop"),
        ({"opb": ""}, "opb"),
        ({"question": None}, "question"),
        ({"exp": 3}, "exp"),
    ],
)
def test_malformed_medmcqa_row_names_location_and_field(change, field):
    with pytest.raises(DataError) as exc:
        medmcqa_to_pairs({**ROW, **change}, "data/medmcqa.jsonl:7", "random", seed=0)
    assert str(exc.value).startswith(f"data/medmcqa.jsonl:7: field '{field}'")


GOOD = {
    "prompt": [{"role": "user", "content": "Dose for my son?"}],
    "chosen": [{"role": "assistant", "content": "Ask your pharmacist."}],
    "rejected": [{"role": "assistant", "content": "Give 500 mg."}],
}


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({k: v for k, v in GOOD.items() if k != "chosen"}, "chosen"),
        ({**GOOD, "prompt": [{"role": "assistant", "content": "hi"}]}, "prompt[0].role"),
        ({**GOOD, "rejected": [{"role": "user", "content": "x"}]}, "rejected[0].role"),
        ({**GOOD, "chosen": [{"role": "assistant", "content": "  "}]}, "chosen[0].content"),
        ({**GOOD, "chosen": []}, "chosen"),
    ],
)
def test_malformed_preference_row_names_field(row, field):
    with pytest.raises(DataError) as exc:
        validate_preference_row(row, "pairs.jsonl:3")
    assert f"pairs.jsonl:3: field '{field}'" in str(exc.value)


def test_load_pairs_reads_files_and_reports_bad_line(tmp_path):
    good = tmp_path / "pairs.jsonl"
    good.write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n")
    cfg = DataConfig(train_files=[str(good)], val_files=[str(good)], format="preference")
    assert len(load_pairs(cfg, "train")) == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "rejected": "text"}) + "\n")
    with pytest.raises(DataError, match=rf"{bad}:2: field 'rejected'"):
        load_pairs(DataConfig(train_files=[str(bad)], format="preference"), "train")
    mcq = tmp_path / "mcq.jsonl"
    mcq.write_text(json.dumps(ROW) + "\n")
    pairs = load_pairs(
        DataConfig(train_files=[str(mcq)], format="medmcqa", rejected_strategy="all"), "train"
    )
    assert len(pairs) == 3
    assert not any("Explanation:" in p.chosen[0]["content"] for p in pairs)  # default: none
    both = load_pairs(
        DataConfig(
            train_files=[str(mcq)],
            format="medmcqa",
            rejected_strategy="all",
            pair_rationale="both",
        ),
        "train",
    )
    assert [p.rejected[0]["content"] for p in both] == [
        f"The answer is {x}{EXPLANATION}" for x in ("A. Vitamin A", "C. Vitamin D", "D. Vitamin K")
    ]
    assert all(p.chosen[0]["content"].endswith(EXPLANATION) for p in both)


def test_medmcqa_by_dataset_id_goes_through_datasets(tmp_path):
    """data=medmcqa loads by id with `datasets`; here the 'id' is a local directory (offline)."""
    from medlab.config import HFDatasetConfig

    root = tmp_path / "medmcqa_local"
    root.mkdir()
    (root / "train.jsonl").write_text(
        "".join(json.dumps({**ROW, "id": f"q{i}"}) + "\n" for i in range(5))
    )
    (root / "validation.jsonl").write_text(json.dumps(ROW) + "\n")
    cfg = DataConfig(
        format="medmcqa", hf_dataset=HFDatasetConfig(path=str(root), val_split="validation")
    )
    assert len(load_pairs(cfg, "train")) == 5 and len(load_pairs(cfg, "val")) == 1
