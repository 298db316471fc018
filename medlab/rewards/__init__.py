"""Verifiable reward functions for GRPO (pure Python, no torch).

Every reward has the TRL-style batch signature

    def reward_fn(completions: list[str], **columns) -> list[float | None]

`completions` are the generated assistant texts; `columns` are the dataset columns for the
same rows, as lists (``answer=["C", "A", ...]``); a function takes the columns it needs and
ignores the rest via ``**_``. It returns one float per completion, or None where the row
cannot be scored (e.g. missing gold answer); the caller turns None into NaN and gives that
row advantage 0. Hyperparameters (``token_budget``, ``letters``) are keyword arguments bound
with ``functools.partial`` or Hydra ``_partial_: true``. Add your own by name to
`REWARD_FUNCTIONS` or point a config at any function with this signature.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from medlab.config.reward import RewardEntry
from medlab.errors import ConfigError
from medlab.rewards.answer_parsing import extract_choice
from medlab.rewards.format import think_format_reward
from medlab.rewards.length import short_rationale_reward
from medlab.rewards.mcq import mcq_correctness_reward
from medlab.rewards.safety import (
    education_proxy_reward,
    emergency_escalation_reward,
    refusal_dose_leak_reward,
)

RewardFn = Callable[..., list[float | None]]

REWARD_FUNCTIONS: dict[str, RewardFn] = {
    "mcq_correctness": mcq_correctness_reward,
    "think_format": think_format_reward,
    "short_rationale": short_rationale_reward,
    "emergency_escalation": emergency_escalation_reward,
    "refusal_dose_leak": refusal_dose_leak_reward,
    "education_proxy": education_proxy_reward,
}


GOLD_ANSWER_TARGETS = frozenset({"medlab.rewards.mcq.mcq_correctness_reward"})
"""Reward functions that score against each prompt row's gold `answer` letter."""


def rewards_needing_gold_answer(entries: Mapping[str, RewardEntry]) -> list[str]:
    """Names of the typed `reward=` entries (`medlab.config.reward.parse_reward_config`) whose
    function scores against the gold `answer`: their prompt rows must carry one (a row without
    it would be silently unscorable)."""
    return [
        name
        for name, entry in entries.items()
        if (entry.fn or {}).get("_target_") in GOLD_ANSWER_TARGETS and entry.weight != 0
    ]


def get_reward_function(name: str, **kwargs: Any) -> RewardFn:
    """The registered reward `name`, with `kwargs` bound (e.g. ``token_budget=128``)."""
    try:
        fn = REWARD_FUNCTIONS[name]
    except KeyError:
        raise ConfigError(
            f"unknown reward function {name!r}; registered: {sorted(REWARD_FUNCTIONS)} "
            "(add yours to medlab.rewards.REWARD_FUNCTIONS)"
        ) from None
    if not kwargs:
        return fn
    return functools.partial(fn, **kwargs)


__all__ = [
    "REWARD_FUNCTIONS",
    "RewardFn",
    "education_proxy_reward",
    "emergency_escalation_reward",
    "extract_choice",
    "get_reward_function",
    "mcq_correctness_reward",
    "refusal_dose_leak_reward",
    "short_rationale_reward",
    "think_format_reward",
]
