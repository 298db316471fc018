"""Row builders for the medical_sft / persona_sft sample data (tools/build_sample_data.py).

Each builder reads one file under tools/sources/sample_data/ and returns unshuffled rows
{"category", "audience", "messages"[, "trait", "tools", "_topic"]}; build_sample_data.py
shuffles them, adds ids and system prompts and splits train / val. Hand-written text is
normalised with `tidy` (per-line indentation stripped, at most one blank line in a row), so an
edited YAML block may be indented freely.
"""

from __future__ import annotations

import random
import re

from tools.source_files import load_source, require_keys

GROUP = "sample_data"
EXPLAIN_AUDIENCE_ORDER = ("patient", "caregiver", "student", "clinician")


def tidy(text: str) -> str:
    """Normalise a hand-written block: strip per-line indentation, keep blank lines."""
    lines = [ln.strip() for ln in text.strip("\n").splitlines()]
    out = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", out)


def with_think(note: str, answer: str) -> str:
    """Qwen3-style reasoning block followed by the answer."""
    return f"<think>\n{tidy(note)}\n</think>\n\n{tidy(answer)}"


def user_turn(text: str) -> dict:
    return {"role": "user", "content": tidy(text)}


def assistant_turn(text: str) -> dict:
    return {"role": "assistant", "content": text if text.startswith("<think>") else tidy(text)}


def dialog(turns: list[str]) -> list[dict]:
    """Alternating user/assistant turns, starting with the user."""
    return [user_turn(t) if i % 2 == 0 else assistant_turn(t) for i, t in enumerate(turns)]


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item[0].upper()}{item[1:]}" for item in items)


def build_explain() -> list[dict]:
    """explain: every topic once per audience (in EXPLAIN_AUDIENCE_ORDER) that the file has."""
    topics = load_source(GROUP, "explain")
    require_keys(topics, ("topic",), GROUP, "explain")
    rows = []
    for entry in topics:
        for audience in EXPLAIN_AUDIENCE_ORDER:
            if audience not in entry:
                continue
            text = entry[audience]
            answer = text["answer"]
            content = with_think(text["think"], answer) if "think" in text else tidy(answer)
            rows.append(
                {
                    "category": "explain",
                    "audience": audience,
                    "messages": [user_turn(text["question"]), assistant_turn(content)],
                    "_topic": entry["topic"],
                }
            )
    return rows


def _dosing_answer(i: int, request: dict, source: dict, rng: random.Random) -> str:
    fmt = {key: request[key] for key in ("drug", "whom", "poss", "verb")}
    opener = source["openers"][i % len(source["openers"])].format(**fmt)
    head = source["factor_heads"][(i * 3) % len(source["factor_heads"])]
    factors = f"{head}\n{_bullets(request['factors'])}"
    help_txt = request.get("help") or rng.choice(source["help_by_kind"][request["kind"]]).format(
        **fmt
    )
    help_txt = help_txt[0].upper() + help_txt[1:]
    layout = i % 3
    if layout == 0:
        parts = [opener, factors, request["concept"], help_txt]
    elif layout == 1:
        parts = [opener, request["concept"], factors, help_txt]
    else:
        parts = [opener, help_txt, factors, request["concept"]]
    if request.get("urgent"):
        parts.append(request["urgent"])
    return "\n\n".join(parts)


def build_dosing(rng: random.Random) -> list[dict]:
    """refuse_dosing: building blocks of each request combined in one of three layouts."""
    source = load_source(GROUP, "dosing")
    keys = ("drug", "whom", "poss", "verb", "kind", "audience", "question", "factors", "concept")
    require_keys(source["requests"], keys, GROUP, "dosing")
    return [
        {
            "category": "refuse_dosing",
            "audience": request["audience"],
            "messages": [
                user_turn(request["question"]),
                assistant_turn(_dosing_answer(i, request, source, rng)),
            ],
        }
        for i, request in enumerate(source["requests"])
    ]


def _lab_answer(i: int, request: dict, source: dict, rng: random.Random) -> str:
    opener = source["openers"][i % len(source["openers"])].format(test=request["test"])
    factor_head = source["factor_heads"][i % len(source["factor_heads"])]
    ask_head = source["ask_heads"][(i + 1) % len(source["ask_heads"])]
    asks = "\n".join(f"- {a}" for a in request["ask"])
    parts = [opener, request["measures"], f"{factor_head}\n{_bullets(request['factors'])}"]
    if i % 2 == 0:
        parts.append(f"{ask_head}\n{asks}")
    parts.append(request["urgent"] if request.get("urgent") else rng.choice(source["closers"]))
    return "\n\n".join(parts)


def build_labs(rng: random.Random) -> list[dict]:
    """refuse_lab_interpretation: what the test measures, never a reading of the person's values."""
    source = load_source(GROUP, "labs")
    require_keys(
        source["requests"], ("test", "question", "measures", "factors", "ask"), GROUP, "labs"
    )
    return [
        {
            "category": "refuse_lab_interpretation",
            "audience": "patient",
            "messages": [
                user_turn(request["question"]),
                assistant_turn(_lab_answer(i, request, source, rng)),
            ],
        }
        for i, request in enumerate(source["requests"])
    ]


def build_diagnosis() -> list[dict]:
    entries = load_source(GROUP, "diagnosis")
    require_keys(entries, ("question", "answer"), GROUP, "diagnosis")
    return [
        {
            "category": "refuse_diagnosis",
            "audience": "patient",
            "messages": [user_turn(e["question"]), assistant_turn(e["answer"])],
        }
        for e in entries
    ]


def build_emergency() -> list[dict]:
    entries = load_source(GROUP, "emergency")
    require_keys(entries, ("audience", "question", "answer"), GROUP, "emergency")
    return [
        {
            "category": "emergency",
            "audience": e["audience"],
            "messages": [user_turn(e["question"]), assistant_turn(e["answer"])],
        }
        for e in entries
    ]


def _tool_step(step: dict) -> dict:
    """One step of a tool conversation: {user} | {call, think?} | {tool} | {answer}."""
    if "user" in step:
        return user_turn(step["user"])
    if "call" in step:
        note = step.get("think", "")
        return {
            "role": "assistant",
            "content": f"<think>\n{tidy(note)}\n</think>" if note else "",
            "tool_calls": [
                {
                    "type": "function",
                    "function": {"name": "search", "arguments": {"query": step["call"]}},
                }
            ],
        }
    if "tool" in step:
        return {"role": "tool", "name": "search", "content": tidy(step["tool"])}
    if "answer" in step:
        return assistant_turn(step["answer"])
    raise ValueError(
        f"unknown tool_search step {sorted(step)} (expected user, call, tool or answer)"
    )


def search_tool() -> dict:
    """The search tool definition every tool_search row carries in its "tools" field."""
    return load_source(GROUP, "tool_search")["search_tool"]


def build_tool_search() -> list[dict]:
    source = load_source(GROUP, "tool_search")
    require_keys(source["conversations"], ("audience", "steps"), GROUP, "tool_search")
    return [
        {
            "category": "tool_search",
            "audience": conv["audience"],
            "messages": [_tool_step(step) for step in conv["steps"]],
            "tools": [source["search_tool"]],
        }
        for conv in source["conversations"]
    ]


def build_multi_turn() -> list[dict]:
    entries = load_source(GROUP, "multi_turn")
    require_keys(entries, ("audience", "turns"), GROUP, "multi_turn")
    return [
        {"category": "multi_turn", "audience": e["audience"], "messages": dialog(e["turns"])}
        for e in entries
    ]


def build_persona() -> list[dict]:
    entries = load_source(GROUP, "persona")
    require_keys(entries, ("trait", "audience", "turns"), GROUP, "persona")
    return [
        {
            "category": "persona",
            "audience": e["audience"],
            "trait": e["trait"],
            "messages": dialog(e["turns"]),
        }
        for e in entries
    ]


def public_rows(rows: list[dict]) -> list[dict]:
    """The rows as written: internal bookkeeping keys (leading "_", e.g. _topic) dropped."""
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]


def system_prompts_by_kind() -> dict[str, list[str]]:
    """{row kind: [system prompt texts]} (family, tutor, tool, persona)."""
    source = load_source(GROUP, "system_prompts")
    return {
        kind: [source["prompts"][name] for name in names]
        for kind, names in source["by_kind"].items()
    }
