"""Score GRPO completions with the reward functions (torch only, no Lightning).

`RewardSpec` names one reward function and its weight; `score` calls every function on a batch
of decoded completions and stacks the values into an [N, K] tensor, None (unscorable) -> NaN.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch

RewardFn = Callable[..., list]


@dataclass
class RewardSpec:
    name: str
    fn: RewardFn
    weight: float


def score(
    rewards: list[RewardSpec],
    texts: list[str],
    answers: list[str],
    columns: dict[str, list[Any]] | None = None,
) -> torch.Tensor:
    """[N, K] reward of each completion under each function; None -> NaN.

    Each function is called as fn(texts, answer=gold letters, **other dataset columns)."""
    scores = []
    for spec in rewards:
        values = spec.fn(texts, answer=answers, **(columns or {}))
        if len(values) != len(texts):
            raise ValueError(
                f"reward {spec.name} returned {len(values)} values for {len(texts)} completions"
            )
        scores.append([float("nan") if v is None else float(v) for v in values])
    return torch.tensor(scores, dtype=torch.float32).T.reshape(len(texts), len(rewards))
