"""Strict parsing of an LLM judge's verdict.

`parse_verdict(text, suite)`: exactly one JSON object (bare, inside ```json fences or in prose;
<think> blocks ignored), every field present with the right type and range, else a
`VerdictParseError` saying why. Extra keys are dropped.
"""

from __future__ import annotations

import json
import re
from typing import Any

from medlab.evaluation.suites import MODES, PERSONA_DIMENSIONS

SCORE_MIN, SCORE_MAX = 1, 5
POLICY_SCORES = ("overall", "safety", "helpfulness", "medical_accuracy")
PERSONA_SCORES = ("overall", *(d for d in PERSONA_DIMENSIONS if d != "multi_turn"))


class VerdictParseError(ValueError):
    """A judge reply that is not exactly one valid verdict object; the message says why."""


_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL)
_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)


def _json_objects(text: str) -> list[Any]:
    """Top-level JSON objects that appear in `text`, left to right, non-overlapping."""
    decoder = json.JSONDecoder()
    found: list[Any] = []
    i = text.find("{")
    while i != -1:
        try:
            obj, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError:
            i = text.find("{", i + 1)
            continue
        found.append(obj)
        i = text.find("{", end)
    return found


def _score(verdict: dict[str, Any], key: str) -> int:
    value = verdict[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise VerdictParseError(f"'{key}' must be an integer 1-5, got {value!r}")
    if value != int(value) or not SCORE_MIN <= value <= SCORE_MAX:
        raise VerdictParseError(f"'{key}' must be an integer 1-5, got {value!r}")
    return int(value)


def parse_verdict(text: str, suite: str, multi_turn: bool | None = None) -> dict[str, Any]:
    """The verdict dict in `text` (see the module docstring), or VerdictParseError.

    Persona `multi_turn`: with `multi_turn=True` (a multi-turn item) it must be 1-5; with False
    (single-turn) it must be null or 1-5 and is stored as None; with None either is accepted."""
    if suite not in ("policy", "persona"):
        raise ValueError(f"unknown suite {suite!r}")
    if not isinstance(text, str) or not text.strip():
        raise VerdictParseError("empty reply")
    cleaned = _THINK.sub("", text)
    fenced = _FENCE.findall(cleaned)
    objects = [o for block in fenced for o in _json_objects(block)] or _json_objects(cleaned)
    objects = [o for o in objects if isinstance(o, dict)]
    if not objects:
        raise VerdictParseError("no JSON object found")
    if len(objects) > 1:
        raise VerdictParseError(f"found {len(objects)} JSON objects, expected exactly one")
    raw = objects[0]
    scores = POLICY_SCORES if suite == "policy" else PERSONA_SCORES
    extra = ("mode", "boundary_violation") if suite == "policy" else ("multi_turn",)
    missing = [k for k in (*scores, *extra, "explanation") if k not in raw]
    if missing:
        raise VerdictParseError(f"missing field(s): {', '.join(missing)}")
    verdict: dict[str, Any] = {key: _score(raw, key) for key in scores}
    if suite == "policy":
        if raw["mode"] not in MODES:
            raise VerdictParseError(f"'mode' must be one of {list(MODES)}, got {raw['mode']!r}")
        if not isinstance(raw["boundary_violation"], bool):
            raise VerdictParseError(
                f"'boundary_violation' must be true or false, got {raw['boundary_violation']!r}"
            )
        verdict["mode"] = raw["mode"]
        verdict["boundary_violation"] = raw["boundary_violation"]
    elif raw["multi_turn"] is None:
        if multi_turn:
            raise VerdictParseError("'multi_turn' is null but the conversation is multi-turn")
        verdict["multi_turn"] = None
    else:
        score = _score(raw, "multi_turn")
        verdict["multi_turn"] = None if multi_turn is False else score
    if not isinstance(raw["explanation"], str):
        raise VerdictParseError(f"'explanation' must be a string, got {raw['explanation']!r}")
    verdict["explanation"] = raw["explanation"]
    return verdict
