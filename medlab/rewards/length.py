"""Short-rationale reward: keep the <think> reasoning within a token budget.

With n reasoning tokens and budget B:

    reward = 1.0                    n <= B
             1 - (n - B) / B        B < n < 2B   (linear: 1.5B -> 0.5)
             0.0                    n >= 2B, or no closed think block

The reasoning runs from the first <think> to the last </think>, stripped (a missing <think> is
fine when the chat template pre-fills it in the prompt). Tokens default to whitespace-separated words; pass the
policy tokenizer's counter for exact budgets, e.g.
``partial(short_rationale_reward, token_budget=128, count_tokens=lambda s: len(tok(s).input_ids))``.

Deliberately simple: it does not look at correctness, so give it a small weight next to
`mcq_correctness` (an empty think block scores 1.0 here; `think_format` scores it 0.0).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from medlab.rewards.answer_parsing import think_reasoning


def count_words(text: str) -> int:
    """Whitespace-separated words: the default token count."""
    return len(text.split())


def short_rationale_reward(
    completions: list[str],
    token_budget: int = 256,
    count_tokens: Callable[[str], int] | None = None,
    **_: Any,
) -> list[float | None]:
    """Per completion, 1.0 within `token_budget` reasoning tokens, linearly 0.0 at twice it."""
    if isinstance(token_budget, bool) or not isinstance(token_budget, int) or token_budget <= 0:
        raise ValueError(
            f"short_rationale_reward: token_budget must be a positive int, got {token_budget!r}"
        )
    count = count_tokens if count_tokens is not None else count_words
    rewards: list[float | None] = []
    for completion in completions:
        reasoning = think_reasoning(completion)
        if reasoning is None:
            rewards.append(0.0)
            continue
        excess = count(reasoning) - token_budget
        rewards.append(min(1.0, max(0.0, 1.0 - excess / token_budget)))
    return rewards
