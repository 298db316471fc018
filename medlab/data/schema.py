"""Validation of chat rows: every problem names the source, line and field.

A chat row is ``{"messages": [{"role": ..., "content": ...}, ...], "tools": [...]?}`` with
roles system / user / assistant / tool. Assistant messages may carry OpenAI-style
``tool_calls`` (``{"type": "function", "function": {"name": ..., "arguments": {...}}}``); a
tool message must follow an assistant message that made a tool call, and an assistant tool call
must be answered by at least one tool message right after it. Every message needs non-blank
content, except an assistant message that makes a tool call (its content may be empty).
Any violation stops the run (nothing is dropped): a blank turn or an unanswered tool call is a
broken export, and training on it would teach the model to produce it.
"""

from __future__ import annotations

from typing import Any

from medlab.errors import DataError

ROLES = ("system", "user", "assistant", "tool")


def _bad(where: str, field: str, problem: str) -> DataError:
    return DataError(
        f"{where}: field '{field}': {problem}. Fix or remove this row (nothing is skipped)."
    )


def validate_chat_row(
    row: Any, where: str, messages_field: str = "messages", tools_field: str = "tools"
) -> None:
    """Raise DataError naming `where` (e.g. 'data/train.jsonl:12') and the field at fault."""
    if not isinstance(row, dict):
        raise DataError(f"{where}: expected a JSON object per row, got {type(row).__name__}.")
    if messages_field not in row:
        raise _bad(where, messages_field, "missing (every row needs a list of chat messages)")
    messages = row[messages_field]
    if not isinstance(messages, list) or not messages:
        raise _bad(where, messages_field, "must be a non-empty list of messages")
    tools = row.get(tools_field)
    if tools is not None and not isinstance(tools, list):
        raise _bad(where, tools_field, "must be a list of function definitions or absent")
    has_assistant = False
    previous_role: str | None = None
    pending_tool_call = False
    for i, message in enumerate(messages):
        key = f"{messages_field}[{i}]"
        if not isinstance(message, dict):
            raise _bad(where, key, "must be an object with 'role' and 'content'")
        role = message.get("role")
        if role not in ROLES:
            raise _bad(where, f"{key}.role", f"unknown role {role!r}; expected one of {ROLES}")
        content = message.get("content")
        if content is None and not (role == "assistant" and message.get("tool_calls")):
            raise _bad(where, f"{key}.content", "missing")
        if content is not None and not isinstance(content, str):
            raise _bad(where, f"{key}.content", f"must be a string, got {type(content).__name__}")
        if not (content or "").strip() and not (role == "assistant" and message.get("tool_calls")):
            raise _bad(where, f"{key}.content", f"is empty (every {role} message needs text)")
        if pending_tool_call and role != "tool":
            raise _bad(
                where,
                f"{messages_field}[{i - 1}].tool_calls",
                "the tool call has no tool result after it (the next message is "
                f"{role!r}); add the {{'role': 'tool', ...}} message with its result",
            )
        if role == "system" and i != 0:
            raise _bad(where, f"{key}.role", "a system message may only come first")
        if role == "tool" and not (pending_tool_call or previous_role == "tool"):
            raise _bad(where, f"{key}.role", "a tool result must follow an assistant tool call")
        if role == "assistant":
            has_assistant = True
            _validate_tool_calls(message.get("tool_calls"), where, f"{key}.tool_calls")
            pending_tool_call = bool(message.get("tool_calls"))
        else:
            pending_tool_call = False
        previous_role = role
    if pending_tool_call:
        raise _bad(
            where,
            f"{messages_field}[{len(messages) - 1}].tool_calls",
            "the conversation ends with a tool call that has no tool result after it; add the "
            "{'role': 'tool', ...} message with its result and the assistant's answer",
        )
    if not has_assistant:
        raise _bad(where, messages_field, "has no assistant message, so nothing to train on")


def _validate_tool_calls(calls: Any, where: str, key: str) -> None:
    if calls is None:
        return
    if not isinstance(calls, list):
        raise _bad(where, key, "must be a list")
    for j, call in enumerate(calls):
        fn = call.get("function", call) if isinstance(call, dict) else None
        if not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
            raise _bad(where, f"{key}[{j}].function.name", "missing or not a string")
        if not isinstance(fn.get("arguments"), (dict, str)):
            raise _bad(where, f"{key}[{j}].function.arguments", "must be an object or JSON string")
