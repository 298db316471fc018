"""Prompts with a gold answer for RL with verifiable rewards.

Each source row becomes a `PromptRow`: chat messages that ask for `<think>` reasoning and a
final `Answer: <letter>` line, plus the gold letter (the `answer` column the rewards read).

Schemas:
- medreason (UCSC-VLAA/MedReason): question, options (ONE string such as
  "Answer Choices:\\nA. ...\\nB. ..."), answer (a letter, "C. text", or the option text),
  reasoning (kept as a column, unused by the default rewards).
- medmcqa (openlifescienceai/medmcqa): question, opa..opd, cop (0-3).
- prompt: already-built rows {"prompt": [messages], "answer": "C"}; `answer` may be absent or
  null (gold "") for rewards that read other columns, e.g. the safety prompts' expected_mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from medlab.data.preference import LETTERS, OPTION_FIELDS, check_medmcqa_row
from medlab.errors import DataError

DEFAULT_INSTRUCTION = (
    "Think briefly inside <think> </think>, then give the final answer on its own line as "
    "'Answer: <letter>'."
)
_OPTION_LINE = re.compile(r"^\s*\(?([A-J])[.)]\s*(.+?)\s*$")


@dataclass
class PromptRow:
    messages: list[dict[str, str]]
    """The prompt (system?, user)."""
    answer: str
    """Gold option letter."""


def _bad(where: str, field: str, problem: str) -> DataError:
    return DataError(f"{where}: field '{field}': {problem}. Fix or remove this row.")


def _messages(question: str, system_prompt: str | None, instruction: str) -> list[dict[str, str]]:
    messages = [{"role": "system", "content": system_prompt}] if system_prompt else []
    return messages + [{"role": "user", "content": f"{question.strip()}\n\n{instruction}"}]


def parse_option_lines(options: str) -> dict[str, str]:
    """{'A': text, ...} from a MedReason-style options string."""
    parsed = {}
    for line in options.splitlines():
        match = _OPTION_LINE.match(line)
        if match:
            parsed[match.group(1)] = match.group(2)
    return parsed


def medreason_row(
    row: Any, where: str, system_prompt: str | None = None, instruction: str = DEFAULT_INSTRUCTION
) -> PromptRow:
    if not isinstance(row, dict):
        raise DataError(f"{where}: expected a JSON object per row, got {type(row).__name__}.")
    for key in ("question", "options", "answer"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise _bad(where, key, "missing or not a non-empty string (MedReason schema)")
    options = parse_option_lines(row["options"])
    if len(options) < 2:
        raise _bad(where, "options", "needs lines like 'A. text' for at least two options")
    answer = row["answer"].strip()
    # An answer equal to one option's text wins over a leading capital that merely looks like a
    # letter ("A warm, moist environment" is option B's text, not "A").
    matches = [k for k, text in options.items() if text.strip().lower() == answer.lower()]
    letter_match = re.match(r"^\(?([A-J])\)?(?:[.):\s]|$)", answer)
    if len(matches) == 1:
        letter = matches[0]
    elif letter_match and letter_match.group(1) in options:
        letter = letter_match.group(1)
    else:
        raise _bad(where, "answer", f"{answer!r} is neither an option letter nor one option's text")
    question = f"{row['question'].strip()}\n\n{row['options'].strip()}"
    return PromptRow(_messages(question, system_prompt, instruction), letter)


def medmcqa_row(
    row: Any, where: str, system_prompt: str | None = None, instruction: str = DEFAULT_INSTRUCTION
) -> PromptRow:
    check_medmcqa_row(row, where)
    options = "\n".join(f"{LETTERS[i]}. {row[f].strip()}" for i, f in enumerate(OPTION_FIELDS))
    question = f"{row['question'].strip()}\n\n{options}"
    return PromptRow(_messages(question, system_prompt, instruction), LETTERS[row["cop"]])


def prompt_row(
    row: Any, where: str, system_prompt: str | None = None, instruction: str = DEFAULT_INSTRUCTION
) -> PromptRow:
    if not isinstance(row, dict):
        raise DataError(f"{where}: expected a JSON object per row, got {type(row).__name__}.")
    prompt = row.get("prompt")
    if not isinstance(prompt, list) or not prompt or not all(isinstance(m, dict) for m in prompt):
        raise _bad(where, "prompt", "must be a non-empty list of chat messages")
    if prompt[-1].get("role") != "user":
        raise _bad(
            where, f"prompt[{len(prompt) - 1}].role", "the prompt must end with a user message"
        )
    for i, message in enumerate(prompt):
        content = message.get("content")
        if not isinstance(content, str) or not content.strip():
            raise _bad(where, f"prompt[{i}].content", "must be a non-empty string")
    answer = row.get("answer")
    if answer is None:  # no gold letter: rewards read other columns (e.g. the safety rewards)
        return PromptRow(list(prompt), "")
    if not isinstance(answer, str) or not re.fullmatch(r"[A-J]", answer.strip()):
        raise _bad(where, "answer", f"must be one option letter, got {answer!r}")
    return PromptRow(list(prompt), answer.strip())


PROMPT_BUILDERS = {"medreason": medreason_row, "medmcqa": medmcqa_row, "prompt": prompt_row}
