"""Frozen regression suites for the LLM judge: the policy suite and the persona suite.

A suite is a JSONL file (shipped in `medlab/assets/eval_suites/`, written by
`tools/build_eval_suites.py`), one item per line:

    {"id": "policy-dosing-001", "suite": "policy",
     "messages": [{"role": "user", "content": "..."}, ...],   # user/assistant turns, ends
                                                              # with a user turn, no system turn
     "audience": "patient",                                   # one of AUDIENCES
     "category": "dosing", "expected_mode": "refuse_redirect", # policy items only
     "focus": ["warmth", "hedging"],                          # persona items only
     "notes": "what a good answer does (shown to the judge)"}

`load_suite` validates every line strictly: the first problem raises a `DataError` naming the
file, line and field (nothing is skipped). Policy rows must not carry `focus` (or carry `[]`);
persona rows must not carry `category` / `expected_mode` (or carry null). The system prompt is
not part of an item: it comes from `eval.generation.system_prompt`.

`suite_fingerprint(items)` is the sha256 of the items' canonical JSON, so a report can say
exactly which frozen version (and which `limit` prefix) it was computed on; changing any item
changes it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medlab.errors import ConfigError, DataError

SUITES = ("policy", "persona")
POLICY_CATEGORIES = (
    "dosing",
    "diagnosis",
    "lab_interpretation",
    "emergency",
    "adversarial",
    "education",
)
MODES = ("answer", "refuse_redirect", "escalate")
AUDIENCES = ("patient", "caregiver", "student", "clinician", "general")
PERSONA_DIMENSIONS = (
    "depth",
    "audience",
    "warmth",
    "structure",
    "hedging",
    "verbosity",
    "evidence",
    "multi_turn",
)
ITEM_ROLES = ("user", "assistant")

_COMMON_FIELDS = ("id", "suite", "messages", "audience", "notes")
_POLICY_FIELDS = ("category", "expected_mode")
_PERSONA_FIELDS = ("focus",)
_ALL_FIELDS = _COMMON_FIELDS + _POLICY_FIELDS + _PERSONA_FIELDS


@dataclass(frozen=True)
class SuiteItem:
    """One frozen suite item (a conversation to answer plus what the judge needs to know)."""

    id: str
    suite: str
    """"policy" or "persona"."""
    messages: tuple[dict[str, str], ...]
    """Chat turns ({"role": "user"|"assistant", "content": str}), alternating, starting and
    ending with a user turn; no system turn."""
    audience: str
    """Who is asking: one of AUDIENCES."""
    category: str | None
    """Policy items: one of POLICY_CATEGORIES; persona items: None."""
    expected_mode: str | None
    """Policy items: answer / refuse_redirect / escalate; persona items: None."""
    focus: tuple[str, ...]
    """Persona items: the PERSONA_DIMENSIONS the item stresses; policy items: ()."""
    notes: str
    """What a good answer does (given to the judge)."""

    @property
    def multi_turn(self) -> bool:
        """True when the conversation has more than one user turn."""
        return sum(1 for m in self.messages if m["role"] == "user") > 1

    def to_dict(self) -> dict[str, Any]:
        """The item as its JSONL row (lists instead of tuples), suite-specific fields only."""
        row: dict[str, Any] = {
            "id": self.id,
            "suite": self.suite,
            "messages": [dict(m) for m in self.messages],
            "audience": self.audience,
        }
        if self.suite == "policy":
            row["category"] = self.category
            row["expected_mode"] = self.expected_mode
        else:
            row["focus"] = list(self.focus)
        row["notes"] = self.notes
        return row


def _bad(where: str, field: str, problem: str) -> DataError:
    return DataError(
        f"{where}: field '{field}': {problem}. Fix the suite file "
        "(regenerate it with tools/build_eval_suites.py for the shipped suites)."
    )


def _nonempty_str(row: dict[str, Any], key: str, where: str) -> str:
    value = row[key]
    if not isinstance(value, str) or not value.strip():
        raise _bad(where, key, f"must be a non-empty string, got {value!r}")
    return value


def _choice(row: dict[str, Any], key: str, allowed: tuple[str, ...], where: str) -> str:
    value = row[key]
    if value not in allowed:
        raise _bad(where, key, f"unknown value {value!r}; expected one of {allowed}")
    return str(value)


def _parse_messages(value: Any, where: str) -> tuple[dict[str, str], ...]:
    if not isinstance(value, list) or not value:
        raise _bad(where, "messages", "must be a non-empty list of {role, content} turns")
    turns = []
    for i, message in enumerate(value):
        key = f"messages[{i}]"
        if not isinstance(message, dict):
            raise _bad(where, key, "must be an object with 'role' and 'content'")
        extra = sorted(set(message) - {"role", "content"})
        if extra:
            raise _bad(where, f"{key}.{extra[0]}", "unknown field (only role and content)")
        role = message.get("role")
        if role == "system":
            raise _bad(
                where,
                f"{key}.role",
                "no system turn in a suite item (it comes from eval.generation.system_prompt)",
            )
        if role not in ITEM_ROLES:
            raise _bad(where, f"{key}.role", f"unknown role {role!r}; expected one of {ITEM_ROLES}")
        expected = ITEM_ROLES[i % 2]
        if role != expected:
            raise _bad(
                where,
                f"{key}.role",
                f"turns must alternate starting with user; expected {expected}",
            )
        content = message.get("content")
        if not isinstance(content, str) or not content.strip():
            raise _bad(where, f"{key}.content", "missing or not a non-empty string")
        turns.append({"role": role, "content": content})
    if turns[-1]["role"] != "user":
        raise _bad(where, "messages", "must end with a user turn (the one the model answers)")
    return tuple(turns)


def parse_item(row: Any, where: str, suite: str) -> SuiteItem:
    """Validate one JSONL row of `suite`; raise DataError naming `where` and the field."""
    if not isinstance(row, dict):
        raise DataError(f"{where}: expected a JSON object per line, got {type(row).__name__}.")
    unknown = sorted(set(row) - set(_ALL_FIELDS))
    if unknown:
        raise _bad(where, unknown[0], f"unknown field; allowed fields are {_ALL_FIELDS}")
    own = _POLICY_FIELDS if suite == "policy" else _PERSONA_FIELDS
    for key in _COMMON_FIELDS + own:
        if key not in row:
            raise _bad(where, key, f"missing (a {suite} item needs {_COMMON_FIELDS + own})")
    if row["suite"] != suite:
        raise _bad(where, "suite", f"is {row['suite']!r} but this file is loaded as {suite!r}")
    item_id = _nonempty_str(row, "id", where)
    messages = _parse_messages(row["messages"], where)
    audience = _choice(row, "audience", AUDIENCES, where)
    notes = _nonempty_str(row, "notes", where)
    category: str | None = None
    mode: str | None = None
    focus: tuple[str, ...] = ()
    if suite == "policy":
        category = _choice(row, "category", POLICY_CATEGORIES, where)
        mode = _choice(row, "expected_mode", MODES, where)
        if row.get("focus") not in (None, []):
            raise _bad(where, "focus", "is for persona items only; remove it")
    else:
        focus = _parse_focus(row["focus"], where)
        for key in _POLICY_FIELDS:
            if row.get(key) is not None:
                raise _bad(where, key, "is for policy items only; remove it")
    item = SuiteItem(item_id, suite, messages, audience, category, mode, focus, notes)
    if "multi_turn" in focus and not item.multi_turn:
        raise _bad(where, "focus", "lists multi_turn but the conversation has one user turn")
    return item


def _parse_focus(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise _bad(where, "focus", f"must be a non-empty list of {PERSONA_DIMENSIONS}")
    for dim in value:
        if dim not in PERSONA_DIMENSIONS:
            raise _bad(where, "focus", f"unknown dimension {dim!r}; expected {PERSONA_DIMENSIONS}")
    if len(set(value)) != len(value):
        raise _bad(where, "focus", "lists a dimension twice")
    return tuple(value)


def load_suite(path: str | Path, suite: str, limit: int | None = None) -> list[SuiteItem]:
    """All items of a suite JSONL file, validated (the whole file, even with `limit`).

    `limit`: keep only the first N items in file order (None: all)."""
    if suite not in SUITES:
        raise ConfigError(f"suite: unknown suite {suite!r}; expected one of {SUITES}.")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ConfigError(f"eval.suites.{suite}.limit: must be a positive integer, got {limit!r}.")
    path = Path(path)
    if not path.is_file():
        raise DataError(
            f"{path}: suite file not found. Point eval.suites.{suite}.path at a suite JSONL "
            "(shipped ones: medlab/assets/eval_suites/)."
        )
    items: list[SuiteItem] = []
    first_seen: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(
                    f"{where}: invalid JSON at column {exc.colno} ({exc.msg}). "
                    "Each line must be one JSON object."
                ) from exc
            item = parse_item(row, where, suite)
            if item.id in first_seen:
                raise _bad(
                    where, "id", f"duplicate id {item.id!r} (first on line {first_seen[item.id]})"
                )
            first_seen[item.id] = lineno
            items.append(item)
    if not items:
        raise DataError(f"{path}: the suite file has no items.")
    return items[:limit] if limit is not None else items


def canonical_json(items: list[SuiteItem]) -> str:
    """Deterministic JSON of the items (sorted keys, no whitespace, UTF-8 kept)."""
    return json.dumps(
        [item.to_dict() for item in items],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )


def suite_fingerprint(items: list[SuiteItem]) -> str:
    """sha256 hex digest of `canonical_json(items)`; any change to any item changes it."""
    return hashlib.sha256(canonical_json(items).encode("utf-8")).hexdigest()
