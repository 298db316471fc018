"""The frozen policy / persona suites: shipped files, loader validation and fingerprints.

The shipped JSONL files must load, meet the size and coverage floors, match what
tools/build_eval_suites.py generates byte for byte, and match the counts and fingerprints in
their README. A malformed line must stop loading with one DataError naming 'file:line' and
the field at fault.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from medlab.config.evaluation import SUITES_DIR
from medlab.errors import ConfigError, DataError
from medlab.evaluation.suites import (
    AUDIENCES,
    MODES,
    POLICY_CATEGORIES,
    SuiteItem,
    canonical_json,
    load_suite,
    parse_item,
    suite_fingerprint,
)
from tools import build_eval_suites, eval_suites_check

POLICY_FILE = SUITES_DIR / "policy_suite.jsonl"
PERSONA_FILE = SUITES_DIR / "persona_suite.jsonl"
README = SUITES_DIR / "README.md"


@pytest.fixture(scope="module")
def policy() -> list[SuiteItem]:
    return load_suite(POLICY_FILE, "policy")


@pytest.fixture(scope="module")
def persona() -> list[SuiteItem]:
    return load_suite(PERSONA_FILE, "persona")


# --- the shipped suites ----------------------------------------------------------------------


def test_policy_suite_size_and_coverage(policy):
    categories = Counter(item.category for item in policy)
    modes = Counter(item.expected_mode for item in policy)
    assert len(policy) >= 120
    assert set(categories) == set(POLICY_CATEGORIES)
    assert min(categories.values()) >= 15, categories
    assert set(modes) == set(MODES)
    assert min(modes.values()) >= 15, modes
    assert {item.audience for item in policy} == set(AUDIENCES)
    assert all(item.suite == "policy" and item.focus == () for item in policy)


def test_mode_is_not_a_function_of_category(policy):
    """General dosing / lab education is `answer`, personal requests `refuse_redirect`, and
    overdoses / red-flag results `escalate`: each of these categories has all three modes."""
    for category in ("dosing", "diagnosis", "lab_interpretation", "adversarial"):
        modes = {item.expected_mode for item in policy if item.category == category}
        assert modes == set(MODES), (category, modes)


def test_persona_suite_size_and_coverage(persona):
    assert len(persona) >= 40
    multi = [item for item in persona if item.multi_turn]
    assert len(multi) >= 10
    assert all(any(m["role"] == "assistant" for m in item.messages) for item in multi)
    assert len({item.audience for item in persona}) >= 4
    assert all(item.category is None and item.expected_mode is None for item in persona)
    assert all(item.focus for item in persona)


def test_ids_are_unique_across_both_suites(policy, persona):
    ids = [item.id for item in policy + persona]
    assert len(ids) == len(set(ids))


def test_every_conversation_ends_with_a_user_turn_and_has_no_system_turn(policy, persona):
    for item in policy + persona:
        roles = [m["role"] for m in item.messages]
        assert roles[-1] == "user" and "system" not in roles, item.id


def test_a_prefix_covers_every_category(policy):
    """Items are interleaved, so `limit=18` (3 per category) still sees all six categories."""
    assert {item.category for item in policy[:18]} == set(POLICY_CATEGORIES)


def test_shipped_files_match_the_generator_byte_for_byte():
    """The suites are frozen: the committed files are exactly what the script writes."""
    outputs = build_eval_suites.build_outputs()
    assert outputs["policy_suite.jsonl"] == POLICY_FILE.read_text(encoding="utf-8")
    assert outputs["persona_suite.jsonl"] == PERSONA_FILE.read_text(encoding="utf-8")


def test_readme_counts_and_fingerprints_are_current(policy, persona):
    text = README.read_text(encoding="utf-8")
    assert text == build_eval_suites.render_readme(policy, persona)
    assert suite_fingerprint(policy) in text and suite_fingerprint(persona) in text
    assert f"policy_suite.jsonl: {len(policy)} items" in text
    dosing = [item for item in policy if item.category == "dosing"]
    row = "| dosing | " + " | ".join(
        str(sum(item.expected_mode == mode for item in dosing)) for mode in MODES
    )
    assert row + f" | {len(dosing)} |" in text
    assert "frozen" in text.lower() and "not been reviewed by a clinician" in text


# --- fingerprints ----------------------------------------------------------------------------


def test_fingerprint_is_a_stable_sha256(policy):
    again = load_suite(POLICY_FILE, "policy")
    assert suite_fingerprint(policy) == suite_fingerprint(again)
    assert re.fullmatch(r"[0-9a-f]{64}", suite_fingerprint(policy))


@pytest.mark.parametrize(
    "change",
    [
        {"notes": "a different note"},
        {"expected_mode": "answer"},
        {"audience": "clinician"},
        {"messages": ({"role": "user", "content": "another question"},)},
    ],
    ids=["notes", "mode", "audience", "messages"],
)
def test_fingerprint_changes_when_an_item_changes(policy, change):
    base = suite_fingerprint(policy)
    first = policy[0]
    if first.expected_mode == change.get("expected_mode"):
        change = {"expected_mode": "escalate"}
    edited = [dataclasses.replace(first, **change), *policy[1:]]
    assert suite_fingerprint(edited) != base
    assert suite_fingerprint(list(reversed(policy))) != base  # order is part of the version
    assert suite_fingerprint(policy[:10]) != base  # a limited run has its own fingerprint


def test_canonical_json_is_key_sorted_and_round_trips(persona):
    item = persona[0]
    data = json.loads(canonical_json([item]))[0]
    assert list(data) == sorted(data)
    assert parse_item(data, "roundtrip", "persona") == item


# --- loader behaviour ------------------------------------------------------------------------


_DROP = object()  # a field value meaning "leave the field out"


def _policy_row(i: int, **changes) -> dict:
    row = {
        "id": f"p{i}",
        "suite": "policy",
        "messages": [{"role": "user", "content": f"question {i}"}],
        "audience": "patient",
        "category": "education",
        "expected_mode": "answer",
        "notes": "explains clearly",
    }
    row.update(changes)
    return {k: v for k, v in row.items() if v is not _DROP}


def _persona_row(i: int, **changes) -> dict:
    row = {
        "id": f"q{i}",
        "suite": "persona",
        "messages": [{"role": "user", "content": f"question {i}"}],
        "audience": "student",
        "focus": ["depth"],
        "notes": "goes deep",
    }
    row.update(changes)
    return {k: v for k, v in row.items() if v is not _DROP}


def _write(path: Path, rows: list) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows),
        encoding="utf-8",
    )
    return path


def test_multi_turn_counts_user_turns():
    single = parse_item(_policy_row(1), "x", "policy")
    conversation = [
        {"role": "user", "content": "a"},
        {"role": "assistant", "content": "b"},
        {"role": "user", "content": "c"},
    ]
    multi = parse_item(_policy_row(2, messages=conversation), "x", "policy")
    assert not single.multi_turn and multi.multi_turn
    assert multi.messages[1] == {"role": "assistant", "content": "b"}


def test_limit_keeps_the_first_items_in_file_order(tmp_path):
    path = _write(tmp_path / "s.jsonl", [_policy_row(i) for i in range(5)])
    assert [item.id for item in load_suite(path, "policy", limit=2)] == ["p0", "p1"]
    assert len(load_suite(path, "policy")) == 5
    with pytest.raises(ConfigError, match="limit"):
        load_suite(path, "policy", limit=0)


def test_missing_and_empty_files_are_data_errors(tmp_path):
    with pytest.raises(DataError, match="not found"):
        load_suite(tmp_path / "nope.jsonl", "policy")
    with pytest.raises(DataError, match="no items"):
        load_suite(_write(tmp_path / "empty.jsonl", []), "policy")


USER_ONLY = [{"role": "user", "content": "q"}]
BAD_POLICY_ROWS = [
    ("bad_json", '{"id": "p1", "suite": ', "invalid JSON"),
    ("not_object", '["a", "b"]', "JSON object"),
    ("missing_notes", _policy_row(1, notes=_DROP), "'notes'"),
    ("missing_mode", _policy_row(1, expected_mode=_DROP), "'expected_mode'"),
    ("unknown_field", _policy_row(1, difficulty="hard"), "'difficulty'"),
    ("unknown_category", _policy_row(1, category="surgery"), "'category'"),
    ("unknown_mode", _policy_row(1, expected_mode="refuse"), "'expected_mode'"),
    ("unknown_audience", _policy_row(1, audience="nurse"), "'audience'"),
    ("wrong_suite", _policy_row(1, suite="persona"), "'suite'"),
    ("empty_id", _policy_row(1, id=""), "'id'"),
    ("duplicate_id", _policy_row(0), "'id'"),
    ("empty_messages", _policy_row(1, messages=[]), "'messages'"),
    (
        "ends_with_assistant",
        _policy_row(1, messages=[*USER_ONLY, {"role": "assistant", "content": "a"}]),
        "'messages'",
    ),
    (
        "system_turn",
        _policy_row(1, messages=[{"role": "system", "content": "s"}, *USER_ONLY]),
        "'messages[0].role'",
    ),
    (
        "starts_with_assistant",
        _policy_row(1, messages=[{"role": "assistant", "content": "a"}]),
        "'messages[0].role'",
    ),
    ("two_user_turns", _policy_row(1, messages=USER_ONLY * 2), "'messages[1].role'"),
    (
        "blank_content",
        _policy_row(1, messages=[{"role": "user", "content": " "}]),
        "'messages[0].content'",
    ),
    (
        "extra_message_key",
        _policy_row(1, messages=[{**USER_ONLY[0], "name": "x"}]),
        "'messages[0].name'",
    ),
    ("policy_with_focus", _policy_row(1, focus=["depth"]), "'focus'"),
]


@pytest.mark.parametrize(
    ("bad", "field"), [c[1:] for c in BAD_POLICY_ROWS], ids=[c[0] for c in BAD_POLICY_ROWS]
)
def test_malformed_policy_row_names_file_line_and_field(tmp_path, bad, field):
    """Line 1 is valid, line 2 is blank, line 3 is the bad row: the error says ':3'."""
    path = _write(tmp_path / "policy.jsonl", [_policy_row(0), "", bad])
    with pytest.raises(DataError) as info:
        load_suite(path, "policy")
    message = str(info.value)
    assert f"{path}:3" in message
    assert field in message
    assert "\n" not in message


BAD_PERSONA_ROWS = [
    ("missing_focus", _persona_row(1, focus=_DROP), "'focus'"),
    ("empty_focus", _persona_row(1, focus=[]), "'focus'"),
    ("unknown_focus", _persona_row(1, focus=["humour"]), "'focus'"),
    ("repeated_focus", _persona_row(1, focus=["depth", "depth"]), "'focus'"),
    ("multi_turn_focus_single_turn", _persona_row(1, focus=["multi_turn"]), "'focus'"),
    ("persona_with_category", _persona_row(1, category="dosing"), "'category'"),
    ("persona_with_mode", _persona_row(1, expected_mode="answer"), "'expected_mode'"),
]


@pytest.mark.parametrize(
    ("bad", "field"), [c[1:] for c in BAD_PERSONA_ROWS], ids=[c[0] for c in BAD_PERSONA_ROWS]
)
def test_malformed_persona_row_names_file_line_and_field(tmp_path, bad, field):
    path = _write(tmp_path / "persona.jsonl", [_persona_row(0), bad])
    with pytest.raises(DataError) as info:
        load_suite(path, "persona")
    assert f"{path}:2" in str(info.value) and field in str(info.value)


def test_duplicate_id_names_the_first_line(tmp_path):
    path = _write(tmp_path / "policy.jsonl", [_policy_row(0), _policy_row(1), _policy_row(0)])
    with pytest.raises(
        DataError, match=r"policy\.jsonl:3: .*duplicate id 'p0' \(first on line 1\)"
    ):
        load_suite(path, "policy")


def test_null_other_suite_fields_are_accepted(tmp_path):
    """A row may carry the other suite's fields as null / [] (e.g. a dump of every field)."""
    rows = [_policy_row(0, focus=[]), _policy_row(1, focus=None)]
    assert len(load_suite(_write(tmp_path / "p.jsonl", rows), "policy")) == 2
    rows = [_persona_row(0, category=None, expected_mode=None)]
    assert load_suite(_write(tmp_path / "q.jsonl", rows), "persona")[0].category is None


def test_unknown_suite_name_is_a_config_error():
    with pytest.raises(ConfigError, match="suite"):
        load_suite(POLICY_FILE, "safety")


@pytest.mark.slow
def test_generator_self_check_passes_including_training_overlap(policy, persona, capsys):
    """The script's self-check (floors, every label present, no user turn that duplicates,
    shares an 8-word span with, or paraphrases a prompt of medlab/assets/data) finds nothing.
    Fails if a training-data generator later adds a prompt close to a suite item."""
    assert eval_suites_check.self_check(policy, persona) == []
    assert f"policy: {len(policy)} items" in capsys.readouterr().out
