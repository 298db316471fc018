"""Preference pairs: schema checks, the MedMCQA -> pair builder, and tokenisation.

A preference row is ``{"prompt": [messages...], "chosen": [assistant message],
"rejected": [assistant message], "tools": [...]?}``; the prompt ends with a user message.
MedMCQA rows (``openlifescienceai/medmcqa`` columns: question, opa..opd, cop, exp, ...) become
pairs: chosen = the correct option, rejected = a wrong option picked by `rejected_strategy`
(deterministic under the seed). Both completions have the SAME format, chosen by
`pair_rationale` (data.pair_rationale), so DPO can only learn "correct wins", not "longer wins":

    none   "The answer is B. Vitamin C"  /  "The answer is A. Vitamin A"
    both   "The answer is B. Vitamin C\n\nExplanation: <exp>"  /
           "The answer is A. Vitamin A\n\nExplanation: <exp>"

With `both` the rejected side carries the dataset's explanation of the correct answer too, so the
pair differs only in the answer line; a row whose `exp` is missing, null or blank gets no
explanation on either side. The question's closing instruction asks for an explanation only
with `both`, so the prompt never asks for something neither completion gives.

A pair whose chosen equals its rejected (same roles, text and tool calls, surrounding whitespace
ignored) carries no preference signal (its DPO gradient is zero and it counts as a tie): such
pairs are left out with a count (`is_tie`; logged, and in the stage's results.json under
`data_dropped`) instead of stopping the run, since Hub-scale preference sets hold a few.

Encoding renders prompt + completion with the chat template; the loss / log-prob mask covers
only the final assistant message (its text and closing <|im_end|>).
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from typing import Any

from transformers import PreTrainedTokenizerBase

from medlab.data.chat_format import EncodedChat, encode_chat
from medlab.data.schema import validate_chat_row
from medlab.errors import DataError
from medlab.losses import IGNORE_INDEX

LETTERS = "ABCD"
OPTION_FIELDS = ("opa", "opb", "opc", "opd")
PAIR_RATIONALES = ("none", "both")


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


def _normalised(messages: list[dict[str, Any]]) -> list[tuple[Any, str, str]]:
    return [
        (
            m.get("role"),
            (m.get("content") or "").strip(),
            json.dumps(m.get("tool_calls"), sort_keys=True, default=str),
        )
        for m in messages
    ]


def is_tie(pair: PreferencePair) -> bool:
    """True if the pair's chosen and rejected completions are the same messages."""
    return _normalised(pair.chosen) == _normalised(pair.rejected)


def medmcqa_question_text(row: dict[str, Any], explain: bool = True) -> str:
    """The question, its lettered options and the instruction (asking to explain if `explain`)."""
    options = "\n".join(f"{LETTERS[i]}. {row[f]}" for i, f in enumerate(OPTION_FIELDS))
    instruction = "Choose the single best answer" + (" and explain briefly." if explain else ".")
    return f"{row['question'].strip()}\n\n{options}\n\n{instruction}"


def _answer(letter: str, text: str, explanation: str | None) -> str:
    """'The answer is X. text', plus a blank line and 'Explanation: ...' when one is given."""
    answer = f"The answer is {letter}. {text.strip()}"
    if explanation:
        answer += f"\n\nExplanation: {explanation}"
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
    row: Any,
    where: str,
    strategy: str,
    seed: int,
    system_prompt: str | None = None,
    pair_rationale: str = "none",
) -> list[PreferencePair]:
    """Turn one MedMCQA row into preference pairs (one, or three with strategy='all').

    Chosen and rejected share one format (`pair_rationale`, see the module docstring).
    """
    if pair_rationale not in PAIR_RATIONALES:
        raise ValueError(
            f"data.pair_rationale must be one of {PAIR_RATIONALES}, got {pair_rationale!r}"
        )
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
    explain = pair_rationale == "both"
    prompt.append({"role": "user", "content": medmcqa_question_text(row, explain)})
    # One explanation (or none) for both sides: the pair differs only in the answer line.
    explanation = (row.get("exp") or "").strip() if explain else ""

    def completion(option: int) -> list[dict[str, Any]]:
        text = _answer(LETTERS[option], row[OPTION_FIELDS[option]], explanation or None)
        return [{"role": "assistant", "content": text}]

    return [PreferencePair(prompt, completion(cop), completion(i)) for i in picks]


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
