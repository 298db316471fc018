"""Decontamination: n-gram math, planted overlaps in the shipped evaluation sets, the card table.

The planted training file is the shipped persona SFT data (no 8-gram in common with any shipped
evaluation set: checked first) plus rows holding copies of evaluation items, so every expected
count is exact.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.decontam_speed import run_bench
from medlab.config import ASSETS_DIR, DataConfig, from_dict
from medlab.decontam import build_eval_set, find_overlap, ngram_hashes, normalise
from medlab.decontam.__main__ import main
from medlab.decontam.sources import (
    REPORT_JSON,
    REPORT_MD,
    build_report,
    eval_config_or_offline,
    write_report,
)
from medlab.errors import ConfigError
from medlab.evaluation.card import write_model_card
from medlab.evaluation.suites import load_suite
from tests.unit.test_report_tables import make_run_dir

SUITES = ASSETS_DIR / "eval_suites"
CLEAN_TRAIN = ASSETS_DIR / "data" / "persona_sft" / "train.jsonl"
MEDMCQA_VAL = ASSETS_DIR / "data" / "medmcqa_sample" / "validation.jsonl"


def chat(text: str) -> dict:
    return {
        "messages": [
            {"role": "user", "content": text},
            {"role": "assistant", "content": "A short general answer."},
        ]
    }


def test_normalisation_ignores_case_punctuation_and_whitespace():
    a = "Caseous necrosis is most characteristic of which infection, doctor?"
    b = "  CASEOUS   necrosis -- is most\ncharacteristic of WHICH infection; Doctor!! "
    assert normalise(a) == normalise(b)
    assert ngram_hashes(a) == ngram_hashes(b)
    assert len(ngram_hashes(a)) == 9 - 8 + 1  # 9 words -> 2 eight-grams
    assert ngram_hashes("seven words only in this short one") == set()


def test_near_miss_below_n_shared_words_is_not_flagged():
    """The eval item shares 7 consecutive words with row 0 (one word changed in the middle of
    an 8-word run on each side) and 8 with row 1: only row 1 is contaminated."""
    item = "one two three four five six seven eight nine ten"
    eval_set = build_eval_set("e", [item])
    rows = [
        "zz one two three four five six seven XX nine ten",  # runs of 7 and 2 shared words
        "zz yy two three four five six seven eight nine qq",  # a run of 8 shared words
        "ten nine eight seven six five four three two one",  # same words, other order
    ]
    overlap = find_overlap("t", rows, [eval_set])
    assert overlap.contaminated_rows == {1}
    pair = overlap.pairs[0]
    assert (pair.contaminated_train_rows, pair.contaminated_eval_items) == (1, 1)
    assert find_overlap("t", rows, [build_eval_set("e", [item], n=7)], n=7).contaminated_rows == {
        0,
        1,
    }


def test_template_ngrams_shared_by_most_items_are_ignored():
    """A prompt template repeated in every eval item (here 10 of 10) matches no training row."""
    template = "think briefly then give the final answer on its own line"
    items = [f"item {i}: {template}" for i in range(10)]
    eval_set = build_eval_set("e", items)
    assert eval_set.template_ngrams == len(ngram_hashes(template))
    overlap = find_overlap("t", [template, items[3]], [eval_set])
    assert overlap.contaminated_rows == {1}


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, int]:
    """(training file, clean row count): clean rows + 3 policy items (one re-cased and
    re-punctuated) + 2 MedMCQA-local questions + 1 near miss of a policy item (7 words)."""
    policy = load_suite(SUITES / "policy_suite.jsonl", "policy")
    questions = [json.loads(line)["question"] for line in MEDMCQA_VAL.read_text().splitlines()]
    clean = [json.loads(line) for line in CLEAN_TRAIN.read_text().splitlines() if line.strip()]
    prompts = [item.messages[0]["content"] for item in policy[:3]]
    prompts[2] = prompts[2].upper().replace(" ", "  ,  ")
    long_questions = [q for q in questions if len(normalise(q)) >= 8][:2]
    near_miss = " ".join(normalise(policy[5].messages[0]["content"])[:7])
    rows = (
        clean + [chat(p) for p in prompts] + [chat(q) for q in long_questions] + [chat(near_miss)]
    )
    path = tmp_path_factory.mktemp("planted") / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path, len(clean)


def data_config(path: Path, **extra) -> DataConfig:
    return from_dict(DataConfig, {"name": "planted", "train_files": [str(path)], **extra}, "data")


@pytest.fixture(scope="module")
def offline_report(planted):
    path, _ = planted
    train = [("clean", data_config(CLEAN_TRAIN)), ("planted", data_config(path))]
    return build_report(train, eval_config_or_offline(None))


def pair(report: dict, train: str, eval_set: str) -> dict:
    return next(p for p in report["pairs"] if p["train"] == train and p["eval"] == eval_set)


def test_shipped_eval_sets_are_all_read(offline_report):
    names = [s["name"] for s in offline_report["eval_sets"]]
    assert names == [
        "suite:policy",
        "suite:persona",
        "lm_eval:medlab_medmcqa_local",
        "lm_eval:medlab_medreason_local",
    ]
    items = {s["name"]: s["items"] for s in offline_report["eval_sets"]}
    assert items["suite:policy"] == 136 and items["lm_eval:medlab_medmcqa_local"] == 24
    assert offline_report["skipped_eval_sets"] == []


def test_planted_overlaps_are_counted_exactly(offline_report, planted):
    _, n_clean = planted
    for name in ("suite:policy", "suite:persona", "lm_eval:medlab_medmcqa_local"):
        assert pair(offline_report, "clean", name)["contaminated_train_rows"] == 0
    policy = pair(offline_report, "planted", "suite:policy")
    assert (policy["contaminated_eval_items"], policy["contaminated_train_rows"]) == (3, 3)
    assert policy["train_rows"] == n_clean + 6
    assert policy["eval_share"] == round(3 / 136, 6)
    assert policy["train_share"] == round(3 / (n_clean + 6), 6)
    mcq = pair(offline_report, "planted", "lm_eval:medlab_medmcqa_local")
    assert (mcq["contaminated_eval_items"], mcq["contaminated_train_rows"]) == (2, 2)
    persona = pair(offline_report, "planted", "suite:persona")
    assert persona["contaminated_train_rows"] == persona["contaminated_eval_items"] == 0


def test_report_files_and_card_table(offline_report, tmp_path):
    run = make_run_dir(tmp_path)
    write_report(offline_report, run)
    saved = json.loads((run / REPORT_JSON).read_text())
    assert saved["pairs"] == offline_report["pairs"]
    assert "| planted | suite:policy | 3 / 136 | 2.2% |" in (run / REPORT_MD).read_text()
    card = write_model_card(run, tmp_path / "card").read_text()
    section = card.split("## Decontamination", 1)[1]
    assert "| planted | lm_eval:medlab_medmcqa_local | 2 / 24 | 8.3% |" in section
    assert "word 8-gram" in section


def test_card_has_no_section_without_a_report(tmp_path):
    card = write_model_card(make_run_dir(tmp_path), tmp_path / "card").read_text()
    assert "## Decontamination" not in card


def test_bad_ngram_is_one_config_error():
    with pytest.raises(ConfigError, match=r"data\.decontaminate_ngram: must be > 0"):
        data_config(CLEAN_TRAIN, decontaminate_ngram=0)


def test_cli_writes_the_report(tmp_path, capsys):
    """python -m medlab.decontam on a composed single-stage experiment with eval=tiny."""
    out = tmp_path / "out"
    assert main(["--out", str(out), "eval=tiny", f"data.train_files=[{CLEAN_TRAIN}]"]) == 0
    printed = capsys.readouterr().out
    assert "| medical_sft_sample (sft) | suite:policy | 0 / 136 |" in printed
    assert json.loads((out / REPORT_JSON).read_text())["ngram"] == [8]


def test_bench_finds_exactly_the_planted_copies():
    result = run_bench(rows=500, items=300)
    assert result["planted"] == 5
    assert result["exact"] is True
