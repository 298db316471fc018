"""Typed config of the GRPO reward functions (``reward=``, conf/reward/*.yaml).

The node maps a name to one entry, ``{weight: float, fn: {_target_: module.function, **kwargs}}``;
`parse_reward_config` types every entry (a misspelt key or a non-number weight is one
`ConfigError` naming ``reward.<name>.<key>``). `medlab.stages.grpo_setup.build_rewards` builds
the functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from medlab.config.parsing import from_dict, reject


@dataclass
class RewardEntry:
    """One reward function and its weight in the total reward."""

    weight: float = 1.0
    """Weight of this function's score in the per-completion total (0: logged, not trained on)."""
    fn: dict[str, Any] | None = field(default_factory=dict)
    """``{_target_: module.function, **kwargs}``: any importable function with the signature
    ``fn(completions: list[str], **columns) -> list[float | None]``; kwargs are bound."""


def parse_reward_config(node: dict[str, Any] | None) -> dict[str, RewardEntry]:
    """{name: `RewardEntry`} from the resolved `reward` node (None or {}: no rewards)."""
    entries = {}
    for name, entry in (node or {}).items():
        if not isinstance(entry, dict) or "fn" not in entry:
            reject(f"reward.{name}", "expected {weight: float, fn: {_target_: ...}}.")
        entries[str(name)] = from_dict(RewardEntry, entry, f"reward.{name}")
    return entries
