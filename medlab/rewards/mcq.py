"""Multiple-choice correctness: 1.0 when the completion's final letter matches the gold letter.

    reward_i = 1.0   extract_choice(completion_i) == gold_i
               0.0   a different letter, or no letter could be extracted (hedging, negation,
                     unfinished <think>, no answer at all: see `answer_parsing`)
               None  the gold answer of row i is missing or unparseable (the caller turns it
                     into NaN and the row gets advantage 0)

Gold answers are normalised: ``"C"``, ``" c "``, ``"(C)"``, ``"C."``, ``"C)"`` -> ``"C"``; an int
index (MedMCQA ``cop``) 0..len(letters)-1 -> ``"A"``... Anything else (``"C. Vitamin C"``,
``"2"``, ``True``, a letter outside `letters`) is unparseable rather than guessed.
"""

from __future__ import annotations

import operator
import re
from typing import Any

from medlab.rewards.answer_parsing import extract_choice

_GOLD = re.compile(r"^[(\[]?\s*([A-Za-z])\s*[)\]]?[.:)]?$")


def normalize_gold(gold: Any, letters: str = "ABCD") -> str | None:
    """The gold letter in `letters`, from a letter string or an option index; else None."""
    if gold is None or isinstance(gold, bool):
        return None
    if isinstance(gold, str):
        m = _GOLD.match(gold.strip())
        letter = m.group(1).upper() if m else None
        return letter if letter is not None and letter in letters else None
    try:
        index = operator.index(gold)  # int, numpy integer
    except TypeError:
        return None
    return letters[index] if 0 <= index < len(letters) else None


def mcq_correctness_reward(
    completions: list[str],
    answer: list[Any] | None = None,
    letters: str = "ABCD",
    **_: Any,
) -> list[float | None]:
    """1.0 / 0.0 per completion for a right / wrong final letter; None where gold is unusable.

    `answer` is the dataset's gold column (one entry per completion). Without it every row is
    unscorable. `letters` (a config value, not a column) is the allowed set, e.g.
    ``functools.partial(mcq_correctness_reward, letters="ABCDEFGHIJ")`` for 10 options.
    """
    if answer is None:
        return [None] * len(completions)
    if len(answer) != len(completions):
        raise ValueError(
            f"mcq_correctness_reward: got {len(completions)} completions but {len(answer)} "
            "'answer' values; pass the gold column repeated once per completion"
        )
    rewards: list[float | None] = []
    for completion, gold in zip(completions, answer, strict=True):
        gold_letter = normalize_gold(gold, letters)
        if gold_letter is None:
            rewards.append(None)
        else:
            rewards.append(1.0 if extract_choice(completion, letters) == gold_letter else 0.0)
    return rewards
