"""Preference pairs: schema checks, the MedMCQA -> pair builder, and tokenisation.

A preference row is ``{"prompt": [messages...], "chosen": [assistant message],
"rejected": [assistant message], "tools": [...]?}``; the prompt ends with a user message.
MedMCQA rows (``openlifescienceai/medmcqa`` columns: question, opa..opd, cop, exp, ...) become
pairs: chosen = the correct option with its explanation, rejected = a wrong option picked by
`rejected_strategy` (deterministic under the seed).

Encoding renders prompt + completion with the chat template; the loss / log-prob mask covers
only the final assistant message (its text and closing <|im_end|>).
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Any

from transformers import PreTrainedTokenizerBase

from medlab.data.chat_format import IGNORE_INDEX, EncodedChat, encode_chat
from medlab.data.schema import validate_chat_row
from medlab.errors import DataError

LETTERS = "ABCD"
OPTION_FIELDS = ("opa", "opb", "opc", "opd")


@dataclass
class PreferencePair:
    """One prompt with a preferred and a dispreferred completion (chat messages)."""

    prompt: list[dict[str, Any]]
    chosen: list[dict[str, Any]]
    rejected: list[dict[str, Any]]
    tools: list[dict[str, Any]] | None = None


def _bad(where: str, field: str, problem: str) -> DataError:
    return DataError(f"{where}: field '{field}': {problem}. Fix or remove this row.")


def validate_preference_row(row: Any, where: str) -> PreferencePair:
    """Check a conversational preference row and return it as a PreferencePair."""
    if not isinstance(row, dict):
        raise DataError(f"{where}: expected a JSON object per row, got {type(row).__name__}.")
    for key in ("prompt", "chosen", "rejected"):
        if key not in row:
            raise _bad(where, key, "missing (preference rows need prompt, chosen and rejected)")
        if not isinstance(row[key], list) or not row[key]:
            raise _bad(where, key, "must be a non-empty list of chat messages")
    prompt = row["prompt"]
    if not isinstance(prompt[-1], dict) or prompt[-1].get("role") not in ("user", "tool"):
        raise _bad(
            where, f"prompt[{len(prompt) - 1}].role", "the prompt must end with a user message"
        )
    for key in ("chosen", "rejected"):
        last = row[key][-1]
        if not isinstance(last, dict) or last.get("role") != "assistant":
            raise _bad(where, f"{key}[{len(row[key]) - 1}].role", "must be an assistant message")
        if not isinstance(last.get("content"), str) or not last["content"].strip():
            raise _bad(where, f"{key}[{len(row[key]) - 1}].content", "must be a non-empty string")
        # The whole conversation must also be a valid chat row.
        validate_chat_row(
            {"messages": prompt + row[key], "tools": row.get("tools")}, where, "messages"
        )
    return PreferencePair(prompt, row["chosen"], row["rejected"], row.get("tools"))


def medmcqa_question_text(row: dict[str, Any]) -> str:
    options = "\n".join(f"{LETTERS[i]}. {row[f]}" for i, f in enumerate(OPTION_FIELDS))
    return (
        f"{row['question'].strip()}\n\n{options}\n\n"
        "Choose the single best answer and explain briefly."
    )


def _answer(letter: str, text: str, explanation: str | None) -> str:
    answer = f"The answer is {letter}. {text.strip()}"
    if explanation:
        answer += f"\n\nExplanation: {explanation.strip()}"
    return answer


def check_medmcqa_row(row: Any, where: str) -> None:
    """Raise DataError naming where / field if `row` is not in the MedMCQA schema."""
    if not isinstance(row, dict):
        raise DataError(f"{where}: expected a JSON object per row, got {type(row).__name__}.")
    for key in ("question", *OPTION_FIELDS):
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise _bad(where, key, "missing or not a non-empty string (MedMCQA schema)")
    cop = row.get("cop")
    if isinstance(cop, bool) or not isinstance(cop, int) or not 0 <= cop <= 3:
        raise _bad(where, "cop", f"must be the correct option index 0-3, got {cop!r}")
    if row.get("exp") is not None and not isinstance(row["exp"], str):
        raise _bad(where, "exp", "must be a string or null")


def medmcqa_to_pairs(
    row: Any, where: str, strategy: str, seed: int, system_prompt: str | None = None
) -> list[PreferencePair]:
    """Turn one MedMCQA row into preference pairs (one, or three with strategy='all')."""
    check_medmcqa_row(row, where)
    cop = row["cop"]
    wrong = [i for i in range(4) if i != cop]
    if strategy == "first":
        picks = wrong[:1]
    elif strategy == "all":
        picks = wrong
    else:
        key = f"{seed}:{row.get('id') or row['question']}".encode()
        rng = random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))
        picks = [rng.choice(wrong)]
    prompt: list[dict[str, Any]] = []
    if system_prompt:
        prompt.append({"role": "system", "content": system_prompt})
    prompt.append({"role": "user", "content": medmcqa_question_text(row)})
    chosen_text = _answer(LETTERS[cop], row[OPTION_FIELDS[cop]], row.get("exp"))
    return [
        PreferencePair(
            prompt,
            [{"role": "assistant", "content": chosen_text}],
            [{"role": "assistant", "content": _answer(LETTERS[i], row[OPTION_FIELDS[i]], None)}],
        )
        for i in picks
    ]


def encode_completion(
    tokenizer: PreTrainedTokenizerBase,
    prompt: list[dict[str, Any]],
    completion: list[dict[str, Any]],
    tools: list[dict[str, Any]] | None,
    max_length: int,
) -> EncodedChat:
    """Tokens of prompt + completion; targets only on the completion's assistant tokens."""
    encoded = encode_chat(tokenizer, prompt + completion, tools, "assistant", max_length)
    rendered: Any = tokenizer.apply_chat_template(
        prompt,
        tools=tools or None,  # type: ignore[arg-type]
        tokenize=True,
        add_generation_prompt=True,
        return_dict=True,
    )
    prompt_ids = rendered["input_ids"]
    boundary = len(prompt_ids)
    if (
        encoded.input_ids[: min(boundary, len(encoded.input_ids))]
        != list(prompt_ids)[: len(encoded.input_ids)]
    ):
        raise DataError(
            "the chat template does not render the prompt as a prefix of prompt + completion; "
            "use model.chat_template=medlab_chatml."
        )
    targets = [IGNORE_INDEX if t + 1 < boundary else tgt for t, tgt in enumerate(encoded.targets)]
    return EncodedChat(encoded.input_ids, targets, encoded.truncated)
