"""Row schema of the medical_sft / persona_sft sample data (tools/build_sample_data.py).

`validate_row` checks one written row: labels (id, audience, category, trait), message roles
and contents, tool calls and their answers, turn order, <think> blocks, and the emergency and
multi-turn rules. tools/sample_data_check.py runs it on every row it reads back.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from medlab.evaluation.suites import AUDIENCES, PERSONA_DIMENSIONS

MEDICAL_CATEGORIES = (
    "explain",
    "refuse_dosing",
    "refuse_diagnosis",
    "refuse_lab_interpretation",
    "emergency",
    "tool_search",
    "multi_turn",
)
THINK_RE = re.compile(r"^<think>\n\S[^\n]*(?:\n[^\n]+)*\n</think>\n\n\S", re.S)
CALL_THINK_RE = re.compile(r"^<think>\n\S.*\S\n</think>$", re.S)
FIRST_SENTENCE_RE = re.compile(r"(?<=[.!?])\s")

Report = Callable[[str], None]


def _check_labels(row: dict, dataset: str, err: Report) -> None:
    allowed = {"id", "category", "audience", "messages", "tools"}
    if dataset == "persona_sft":
        allowed = allowed | {"trait"}
    extra = set(row) - allowed
    if extra:
        err(f"unexpected keys {sorted(extra)}")
    if not re.fullmatch(rf"{dataset}-\d{{4}}", str(row.get("id", "<no id>"))):
        err("bad id format")
    if row.get("audience") not in AUDIENCES:
        err(f"bad audience {row.get('audience')!r}")
    cat = row.get("category")
    if dataset == "medical_sft" and cat not in MEDICAL_CATEGORIES:
        err(f"bad category {cat!r}")
    if dataset == "persona_sft":
        if cat != "persona":
            err("persona rows must have category 'persona'")
        if row.get("trait") not in PERSONA_DIMENSIONS:
            err(f"bad trait {row.get('trait')!r}")


def _check_tool_calls(i: int, msgs: list[dict], cat: str | None, err: Report) -> None:
    m = msgs[i]
    if m.get("role") != "assistant":
        err(f"message {i}: tool_calls on non-assistant message")
    if cat != "tool_search":
        err(f"message {i}: tool_calls outside tool_search")
    content = m.get("content", "")
    if content and not CALL_THINK_RE.match(content):
        err(f"message {i}: tool-call content must be empty or a <think> note")
    calls = m["tool_calls"]
    if not isinstance(calls, list) or not calls:
        err(f"message {i}: tool_calls must be a non-empty list")
        return
    for call in calls:
        fn = call.get("function", {})
        if call.get("type") != "function" or fn.get("name") != "search":
            err(f"message {i}: malformed tool call")
        args = fn.get("arguments")
        if (
            not isinstance(args, dict)
            or not isinstance(args.get("query"), str)
            or not args["query"].strip()
        ):
            err(f"message {i}: arguments must be an object with a query string")
    if i + 1 >= len(msgs) or msgs[i + 1].get("role") != "tool":
        err(f"message {i}: tool call not answered by a tool message")


def _check_message(i: int, msgs: list[dict], cat: str | None, err: Report) -> None:
    m = msgs[i]
    role = m.get("role")
    if role not in ("system", "user", "assistant", "tool"):
        err(f"message {i}: bad role {role!r}")
    if not isinstance(m.get("content"), str):
        err(f"message {i}: content must be a string")
    if role == "system" and i != 0:
        err("system message not first")
    if role == "tool":
        prev = msgs[i - 1] if i else {}
        if prev.get("role") != "assistant" or not prev.get("tool_calls"):
            err(f"message {i}: tool message does not follow an assistant tool call")
        if m.get("name") != "search":
            err(f"message {i}: tool message name must be 'search'")
    if "tool_calls" in m:
        _check_tool_calls(i, msgs, cat, err)
    elif role == "assistant" and not m.get("content", "").strip():
        err(f"message {i}: empty assistant message without tool_calls")
    elif role in ("user", "system", "tool") and not m.get("content", "").strip():
        err(f"message {i}: empty {role} content")


def _check_turn_order(msgs: list[dict], err: Report) -> None:
    body = msgs[1:] if msgs[0].get("role") == "system" else msgs
    if not body or body[0].get("role") != "user":
        err("first non-system message must be from the user")
    last = msgs[-1]
    if (
        last.get("role") != "assistant"
        or not last.get("content", "").strip()
        or last.get("tool_calls")
    ):
        err("conversation must end with a non-empty assistant answer")
    # user/assistant alternation (tool steps sit between an assistant call and its answer)
    prev_role = None
    for m in body:
        r = m.get("role")
        if r == "user" and prev_role == "user":
            err("two user messages in a row")
        if r == "assistant" and prev_role == "assistant":
            err("two assistant messages in a row")
        prev_role = r


def _check_category_rules(row: dict, msgs: list[dict], tool: dict, err: Report) -> None:
    cat = row.get("category")
    if cat == "tool_search":
        if row.get("tools") != [tool]:
            err("tool_search rows must carry exactly the shared search tool definition")
    elif "tools" in row:
        err("tools field on a non-tool row")
    for m in msgs:
        if (
            m.get("role") == "assistant"
            and m.get("content", "").startswith("<think>")
            and "tool_calls" not in m
            and not THINK_RE.match(m["content"])
        ):
            err("malformed <think> block")
    if cat == "emergency":
        answer = next(m["content"] for m in msgs if m["role"] == "assistant")
        first = FIRST_SENTENCE_RE.split(answer.strip(), maxsplit=1)[0].lower()
        if not (
            ("emergency number" in first or "emergency services" in first)
            and ("now" in first or "immediately" in first)
        ):
            err("emergency answer must open by telling the user to call emergency services now")
    if cat == "multi_turn" or row.get("trait") == "multi_turn":
        n_user = sum(m["role"] == "user" for m in msgs)
        if not 2 <= n_user <= 3:
            err(f"multi-turn conversation has {n_user} user turns")


def validate_row(row: dict, dataset: str, errors: list[str], tool: dict) -> None:
    """Append '<id>: <problem>' to errors for every schema rule `row` breaks."""
    rid = row.get("id", "<no id>")

    def err(msg: str) -> None:
        errors.append(f"{rid}: {msg}")

    _check_labels(row, dataset, err)
    msgs = row.get("messages")
    if not isinstance(msgs, list) or not msgs:
        err("messages must be a non-empty list")
        return
    for i in range(len(msgs)):
        _check_message(i, msgs, row.get("category"), err)
    _check_turn_order(msgs, err)
    _check_category_rules(row, msgs, tool, err)
