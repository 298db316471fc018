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


def test_medmcqa_pair_chosen_is_correct_option_with_explanation():
    (pair,) = medmcqa_to_pairs(ROW, "f:1", "first", seed=0)
    assert pair.prompt[-1]["role"] == "user"
    assert (
        "A. Vitamin A" in pair.prompt[-1]["content"]
        and "D. Vitamin K" in pair.prompt[-1]["content"]
    )
    assert pair.chosen[0]["content"] == (
        "The answer is B. Vitamin C\n\nExplanation: Vitamin C is needed for collagen synthesis."
    )
    assert pair.rejected[0]["content"] == "The answer is A. Vitamin A"  # first wrong option


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
