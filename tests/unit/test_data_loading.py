"""Reading chat rows from JSONL / JSON / Parquet, schema errors and the train / val split.

Every malformed row must stop the run with one DataError naming 'file:line', the field at
fault and what to do; nothing is skipped silently.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from medlab.config import ASSETS_DIR, DataConfig
from medlab.data.loading import load_splits, read_rows
from medlab.data.schema import validate_chat_row
from medlab.errors import DataError

SHIPPED_DATA = ASSETS_DIR / "data"
MEDICAL_SFT = SHIPPED_DATA / "medical_sft"


def _row(i: int) -> dict:
    return {
        "messages": [
            {"role": "user", "content": f"question {i}"},
            {"role": "assistant", "content": f"answer {i}"},
        ]
    }


def _write_jsonl(path: Path, rows: list, blank_after: tuple[int, ...] = ()) -> Path:
    """One row per line; a blank line after each 1-based row number in `blank_after`."""
    lines = []
    for i, row in enumerate(rows, start=1):
        lines.append(row if isinstance(row, str) else json.dumps(row))
        if i in blank_after:
            lines.append("")
    path.write_text("\n".join(lines) + "\n")
    return path


def _data_cfg(train: list[Path], val: list[Path] | None = None, **kw) -> DataConfig:
    return DataConfig(
        name="test",
        train_files=[str(p) for p in train],
        val_files=[str(p) for p in val or []],
        **kw,
    )


# --------------------------------------------------------------------------------------------
# read_rows
# --------------------------------------------------------------------------------------------
def test_jsonl_locations_count_blank_lines(tmp_path):
    path = _write_jsonl(tmp_path / "d.jsonl", [_row(0), _row(1), _row(2)], blank_after=(1, 2))
    # line 1: row 0, line 2: blank, line 3: row 1, line 4: blank, line 5: row 2
    rows = read_rows(path)
    assert [where for where, _ in rows] == [f"{path}:1", f"{path}:3", f"{path}:5"]
    assert [row for _, row in rows] == [_row(0), _row(1), _row(2)]


def test_jsonl_whitespace_only_lines_are_blank(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text("   \n" + json.dumps(_row(0)) + "\n\t\n")
    assert [where for where, _ in read_rows(path)] == [f"{path}:2"]


def test_jsonl_invalid_line_names_file_and_line(tmp_path):
    path = _write_jsonl(tmp_path / "d.jsonl", [_row(0), _row(1), '{"messages": [}'])
    with pytest.raises(DataError) as exc:
        read_rows(path)
    msg = str(exc.value)
    assert msg.startswith(f"{path}:3: invalid JSON at column")
    assert "Each line must be one JSON object" in msg


def test_jsonl_invalid_line_after_blank_line_counts_the_blank(tmp_path):
    path = _write_jsonl(tmp_path / "d.jsonl", [_row(0), "not json"], blank_after=(1,))
    with pytest.raises(DataError, match=r":3: invalid JSON"):
        read_rows(path)


def test_json_list_file(tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps([_row(0), _row(1)], indent=2))
    rows = read_rows(path)
    assert [where for where, _ in rows] == [f"{path}:item 0", f"{path}:item 1"]
    assert [row for _, row in rows] == [_row(0), _row(1)]


def test_json_file_must_hold_a_list(tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps(_row(0)))
    with pytest.raises(DataError, match=r"must hold a list of rows"):
        read_rows(path)


def test_json_file_invalid_names_line(tmp_path):
    path = tmp_path / "d.json"
    path.write_text('[\n  {"messages": []},\n  oops\n]')
    with pytest.raises(DataError, match=rf"^{path}:3: invalid JSON"):
        read_rows(path)


def test_parquet_rows_and_locations(tmp_path):
    rows = [_row(0), _row(1), _row(2)]
    path = tmp_path / "d.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    got = read_rows(path)
    assert [where for where, _ in got] == [f"{path}:row {i}" for i in range(3)]
    assert [row for _, row in got] == rows


def test_parquet_with_tool_calls_validates_and_renders_like_jsonl(tmp_path, chat_rows, tokenizer):
    """Parquet fills absent struct fields with None (user messages get tool_calls=None); the
    rows must still validate and render to exactly the same text as the JSONL originals."""
    # Parquet cannot store an empty struct, so give the tool one parameter.
    chat_rows[2]["tools"][0]["function"]["parameters"]["properties"] = {"query": {"type": "string"}}
    path = tmp_path / "d.parquet"
    table = pa.table(
        {
            "messages": [r["messages"] for r in chat_rows],
            "tools": [r.get("tools") for r in chat_rows],
        }
    )
    pq.write_table(table, path)
    got = read_rows(path)
    assert got[0][1]["messages"][0]["tool_calls"] is None  # the filled-in nulls are really there
    for (where, row), original in zip(got, chat_rows, strict=True):
        validate_chat_row(row, where)
        assert tokenizer.apply_chat_template(
            row["messages"], tools=row["tools"], tokenize=False
        ) == tokenizer.apply_chat_template(
            original["messages"], tools=original.get("tools"), tokenize=False
        )


def test_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match=r"file not found"):
        read_rows(tmp_path / "absent.jsonl")


# --------------------------------------------------------------------------------------------
# Schema errors: file:line, field, and "fix or remove"
# --------------------------------------------------------------------------------------------
def _call(name: str = "search") -> dict:
    return {"type": "function", "function": {"name": name, "arguments": {"query": "x"}}}


SCHEMA_ERRORS = {
    "unknown_role": (
        {"messages": [{"role": "user", "content": "q"}, {"role": "doctor", "content": "a"}]},
        "messages[1].role",
        "unknown role 'doctor'",
    ),
    "content_not_string": (
        {"messages": [{"role": "user", "content": ["q"]}, {"role": "assistant", "content": "a"}]},
        "messages[0].content",
        "must be a string, got list",
    ),
    "content_missing": (
        {"messages": [{"role": "user"}, {"role": "assistant", "content": "a"}]},
        "messages[0].content",
        "missing",
    ),
    "missing_messages": ({"conversation": []}, "messages", "missing"),
    "empty_messages": ({"messages": []}, "messages", "must be a non-empty list"),
    "message_not_object": (
        {"messages": ["hi", {"role": "assistant", "content": "a"}]},
        "messages[0]",
        "must be an object",
    ),
    "tool_without_call": (
        {
            "messages": [
                {"role": "user", "content": "q"},
                {"role": "assistant", "content": "let me think"},
                {"role": "tool", "content": "result"},
                {"role": "assistant", "content": "a"},
            ]
        },
        "messages[2].role",
        "a tool result must follow an assistant tool call",
    ),
    "tool_after_user": (
        {
            "messages": [
                {"role": "user", "content": "q"},
                {"role": "assistant", "content": "", "tool_calls": [_call()]},
                {"role": "user", "content": "hurry"},
                {"role": "tool", "content": "result"},
                {"role": "assistant", "content": "a"},
            ]
        },
        "messages[1].tool_calls",  # the call is left unanswered before the stray tool result
        "the tool call has no tool result after it",
    ),
    "system_not_first": (
        {
            "messages": [
                {"role": "user", "content": "q"},
                {"role": "system", "content": "be nice"},
                {"role": "assistant", "content": "a"},
            ]
        },
        "messages[1].role",
        "a system message may only come first",
    ),
    "no_assistant": (
        {"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "q"}]},
        "messages",
        "has no assistant message",
    ),
    "tool_call_without_name": (
        {
            "messages": [
                {"role": "user", "content": "q"},
                {
                    "role": "assistant",
                    "content": "",
                    "tool_calls": [{"type": "function", "function": {"arguments": {}}}],
                },
            ]
        },
        "messages[1].tool_calls[0].function.name",
        "missing or not a string",
    ),
    "tool_call_bad_arguments": (
        {
            "messages": [
                {"role": "user", "content": "q"},
                {
                    "role": "assistant",
                    "content": "",
                    "tool_calls": [_call(), {"function": {"name": "search", "arguments": 3}}],
                },
            ]
        },
        "messages[1].tool_calls[1].function.arguments",
        "must be an object or JSON string",
    ),
    "tools_not_list": (
        {"tools": {"name": "search"}, "messages": _row(0)["messages"]},
        "tools",
        "must be a list",
    ),
}


@pytest.mark.parametrize("case", SCHEMA_ERRORS)
def test_schema_error_names_file_line_and_field(tmp_path, case):
    bad_row, field, problem = SCHEMA_ERRORS[case]
    path = _write_jsonl(tmp_path / "train.jsonl", [_row(0), bad_row, _row(2)])
    with pytest.raises(DataError) as exc:
        load_splits(_data_cfg([path], val_fraction=0.0))
    msg = str(exc.value)
    assert msg.startswith(f"{path}:2: field '{field}': ")
    assert problem in msg
    assert msg.endswith("Fix or remove this row (nothing is skipped).")


def test_schema_error_in_val_file_names_val_file(tmp_path):
    train = _write_jsonl(tmp_path / "train.jsonl", [_row(0)])
    val = _write_jsonl(tmp_path / "val.jsonl", [_row(1), {"messages": [{"role": "user"}]}])
    with pytest.raises(DataError, match=rf"^{val}:2: field 'messages\[0\]\.content'"):
        load_splits(_data_cfg([train], [val]))


def test_row_that_is_not_an_object(tmp_path):
    path = _write_jsonl(tmp_path / "train.jsonl", [_row(0), [1, 2]])
    with pytest.raises(DataError, match=rf"^{path}:2: expected a JSON object per row, got list"):
        load_splits(_data_cfg([path]))


@pytest.mark.parametrize(
    "messages",
    [
        # a valid tool exchange: parallel calls answered by consecutive tool results
        [
            {"role": "system", "content": "s"},
            {"role": "user", "content": "q"},
            {"role": "assistant", "content": None, "tool_calls": [_call(), _call("lookup")]},
            {"role": "tool", "content": "r1"},
            {"role": "tool", "content": "r2"},
            {"role": "assistant", "content": "a"},
        ],
        # OpenAI-style JSON-string arguments (a call must be answered: issue 12)
        [
            {"role": "user", "content": "q"},
            {
                "role": "assistant",
                "content": "",
                "tool_calls": [{"function": {"name": "search", "arguments": '{"query": "x"}'}}],
            },
            {"role": "tool", "content": "r"},
            {"role": "assistant", "content": "a"},
        ],
    ],
)
def test_valid_tool_rows_pass(messages):
    validate_chat_row({"messages": messages}, "mem:1")


def test_custom_messages_field_name_is_used_in_errors():
    with pytest.raises(DataError, match=r"field 'conversation': missing"):
        validate_chat_row({"messages": []}, "f:1", messages_field="conversation")
    validate_chat_row({"conversation": _row(0)["messages"]}, "f:1", messages_field="conversation")


# --------------------------------------------------------------------------------------------
# load_splits
# --------------------------------------------------------------------------------------------
def _questions(rows: list[dict]) -> list[str]:
    return [r["messages"][0]["content"] for r in rows]


def test_val_fraction_split_is_deterministic_disjoint_and_complete(tmp_path):
    rows = [_row(i) for i in range(20)]
    path = _write_jsonl(tmp_path / "train.jsonl", rows)
    cfg = _data_cfg([path], val_fraction=0.25, shuffle_seed=3)
    train, val = load_splits(cfg)
    train2, val2 = load_splits(cfg)
    assert (train, val) == (train2, val2)
    assert len(val) == 5 and len(train) == 15  # int(20 * 0.25)
    assert set(_questions(train)).isdisjoint(_questions(val))
    assert sorted(_questions(train) + _questions(val)) == sorted(_questions(rows))
    # the remaining training rows keep their file order
    assert _questions(train) == [q for q in _questions(rows) if q not in set(_questions(val))]
    _, val_other_seed = load_splits(_data_cfg([path], val_fraction=0.25, shuffle_seed=4))
    assert set(_questions(val_other_seed)) != set(_questions(val))


def test_val_fraction_holds_out_at_least_one_row(tmp_path):
    path = _write_jsonl(tmp_path / "train.jsonl", [_row(i) for i in range(3)])
    train, val = load_splits(_data_cfg([path], val_fraction=0.1))
    assert (len(train), len(val)) == (2, 1)


def test_val_fraction_zero_keeps_every_row_for_training(tmp_path):
    path = _write_jsonl(tmp_path / "train.jsonl", [_row(i) for i in range(4)])
    train, val = load_splits(_data_cfg([path], val_fraction=0.0))
    assert _questions(train) == [f"question {i}" for i in range(4)] and val == []


def test_explicit_val_files_are_used_as_is(tmp_path):
    train_rows = [_row(i) for i in range(6)]
    val_rows = [_row(i) for i in range(100, 103)]
    a = _write_jsonl(tmp_path / "a.jsonl", train_rows[:4])
    b = _write_jsonl(tmp_path / "b.jsonl", train_rows[4:])
    v = _write_jsonl(tmp_path / "v.jsonl", val_rows)
    train, val = load_splits(_data_cfg([a, b], [v], val_fraction=0.5))
    assert train == train_rows  # nothing held out of train, files concatenated in order
    assert val == val_rows


def test_empty_training_files_are_an_error(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_text("\n\n")
    with pytest.raises(DataError, match=r"data config 'test': the training files hold no rows"):
        load_splits(_data_cfg([path]))


# --------------------------------------------------------------------------------------------
# Shipped data under medlab/assets/data
# --------------------------------------------------------------------------------------------
def _shipped_files() -> list[Path]:
    return sorted(SHIPPED_DATA.rglob("*.jsonl")) if SHIPPED_DATA.is_dir() else []


def _medical_rows() -> list[dict]:
    files = [MEDICAL_SFT / "train.jsonl", MEDICAL_SFT / "val.jsonl"]
    if not all(f.is_file() for f in files):
        pytest.skip("medlab/assets/data/medical_sft/{train,val}.jsonl not written yet")
    return [row for f in files for _, row in read_rows(f)]


def _check_chat(row, where):
    validate_chat_row(row, where)
    return json.dumps(row["messages"])


def _check_preference(row, where):
    from medlab.data.preference import validate_preference_row

    return json.dumps(validate_preference_row(row, where).prompt)


def _check_medmcqa(row, where):
    from medlab.data.preference import medmcqa_to_pairs

    medmcqa_to_pairs(row, where, "first", 0)
    return row["question"]


def _check_medreason(row, where):
    from medlab.data.grpo_prompts import medreason_row

    medreason_row(row, where)
    return row["question"]


def _check_prompt(row, where):
    from medlab.data.grpo_prompts import prompt_row

    return json.dumps(prompt_row(row, where).messages)


# (train file, held-out file, validator returning a key that must not repeat across them)
SHIPPED_SPLITS = {
    "medical_sft": ("train.jsonl", "val.jsonl", _check_chat),
    "persona_sft": ("train.jsonl", "val.jsonl", _check_chat),
    "policy_dpo": ("train.jsonl", "val.jsonl", _check_preference),
    "medmcqa_sample": ("train.jsonl", "validation.jsonl", _check_medmcqa),
    "medreason_sample": ("train.jsonl", "val.jsonl", _check_medreason),
    "toy_triage": ("train.jsonl", "val.jsonl", _check_prompt),
    "toy_triage/sft": ("sft_train.jsonl", "sft_val.jsonl", _check_chat),
    "safety_prompts": ("train.jsonl", "val.jsonl", _check_prompt),
    "safety_prompts/sft": ("sft_train.jsonl", "sft_val.jsonl", _check_chat),
}


def test_every_shipped_data_file_is_covered_and_validates():
    files = _shipped_files()
    if not files:
        pytest.skip("no shipped data under medlab/assets/data yet")
    covered = set()
    for name, (train, val, check) in SHIPPED_SPLITS.items():
        folder = SHIPPED_DATA / name.split("/")[0]
        for split in (train, val):
            rows = read_rows(folder / split)
            assert rows, f"{folder / split} is empty"
            for where, row in rows:
                check(row, where)
            covered.add(folder / split)
    assert set(files) == covered, "a shipped data file has no validator in SHIPPED_SPLITS"


def test_shipped_train_and_val_do_not_overlap():
    if not _shipped_files():
        pytest.skip("no shipped data under medlab/assets/data yet")
    for name, (train, val, check) in SHIPPED_SPLITS.items():
        folder = SHIPPED_DATA / name.split("/")[0]
        train_keys = {check(r, w) for w, r in read_rows(folder / train)}
        val_keys = {check(r, w) for w, r in read_rows(folder / val)}
        assert not train_keys & val_keys, f"{name}: rows in both {train} and {val}"


def test_medical_sft_size_and_coverage():
    rows = _medical_rows()
    assert len(rows) >= 200
    ids = [r.get("id") for r in rows]
    assert len(set(ids)) == len(ids), "row ids must be unique across train and val"
    categories = Counter(r.get("category") for r in rows)
    audiences = Counter(r.get("audience") for r in rows)
    required_categories = {
        "explain",
        "refuse_dosing",
        "refuse_diagnosis",
        "refuse_lab_interpretation",
        "emergency",
        "tool_search",
    }
    assert required_categories <= set(categories), f"categories: {dict(categories)}"
    assert {"patient", "caregiver", "student", "clinician"} <= set(audiences), dict(audiences)


def test_medical_sft_tool_rows_call_the_search_tool():
    rows = [r for r in _medical_rows() if r.get("category") == "tool_search"]
    assert rows
    for row in rows:
        assert row.get("tools"), f"{row.get('id')}: tool_search row without tools"
        names = [
            call["function"]["name"] for m in row["messages"] for call in m.get("tool_calls") or []
        ]
        assert "search" in names, row.get("id")
        assert any(m["role"] == "tool" for m in row["messages"]), row.get("id")
