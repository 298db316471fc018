"""Format reward for reasoning completions: one think block, then a final answer line.

    1.0  the whole completion is
             optional whitespace, <think>, non-blank reasoning, </think>, final part
         with exactly one <think> and one </think>, and the LAST line of the final part that
         has a letter or digit in it is an answer line: `extract_choice` reads a letter from
         that line alone, the same letter it reads from the whole final part. So "Answer: C"
         (or a bare "C") may be followed by blank or punctuation-only lines, but not by
         "Hope this helps!".
    0.5  the think block is well formed as above, but no such answer line ends the completion
         (missing, unparseable, hedged, or followed by more prose).
    0.0  anything else: text before <think>, no / unclosed / empty / repeated think block.

Deliberately lenient about what sits between </think> and the answer line (a short rationale
is encouraged), and strict about the answer being last, because the correctness reward reads
the final answer and trailing text invites answer-changing afterthoughts.
"""

from __future__ import annotations

import re
from typing import Any

from medlab.rewards.answer_parsing import THINK_CLOSE, THINK_OPEN, extract_choice

_WORDLIKE = re.compile(r"[A-Za-z0-9]")
_THINK_BLOCK = re.compile(r"\A\s*<think>(?P<reasoning>.*?)</think>(?P<final>.*)\Z", re.DOTALL)


def think_format_score(completion: str, letters: str = "ABCD") -> float:
    """1.0 / 0.5 / 0.0 for one completion (see the module docstring)."""
    m = _THINK_BLOCK.match(completion)
    if (
        m is None
        or not m.group("reasoning").strip()
        or completion.count(THINK_OPEN) != 1
        or completion.count(THINK_CLOSE) != 1
    ):
        return 0.0
    final = m.group("final")
    lines = [line for line in final.splitlines() if _WORDLIKE.search(line)]
    if not lines:
        return 0.5
    letter = extract_choice(final, letters)
    if letter is not None and extract_choice(lines[-1], letters) == letter:
        return 1.0
    return 0.5


def think_format_reward(
    completions: list[str], letters: str = "ABCD", **_: Any
) -> list[float | None]:
    """`think_format_score` per completion; `letters` is a config value (allowed choices)."""
    return [think_format_score(c, letters) for c in completions]
