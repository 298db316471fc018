"""Typed configs of merging: the `merge=` group (which two checkpoints, which mergekit method)
and ``stage=merge``, the stage that runs it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from medlab.config.parsing import check_choice, reject

MERGE_METHODS = ("arcee_fusion", "linear", "slerp")


@dataclass
class MergeStageConfig:
    """``stage=merge``: not a training stage; the `merge=` group says what to merge."""

    name: Literal["merge"] = "merge"


@dataclass
class MergeConfig:
    """Which two checkpoints to merge and how (``merge=``)."""

    method: str = "arcee_fusion"
    """arcee_fusion (base + delta * importance mask), linear or slerp."""
    base: str | None = None
    """Base checkpoint directory; in a pipeline, null = the checkpoint the previous stage
    started from."""
    other: str | None = None
    """The tuned checkpoint; in a pipeline, null = the previous stage's output."""
    weight: float = 0.5
    """linear: weight of `other` (base gets 1 - weight)."""
    t: float = 0.5
    """slerp: interpolation factor toward `other`."""
    dtype: Literal["float32", "bfloat16", "float16"] = "float32"
    seed: int = 0

    def __post_init__(self) -> None:
        check_choice("merge.method", self.method, MERGE_METHODS)
        if not 0 <= self.weight <= 1:
            reject("merge.weight", f"must be in [0, 1], got {self.weight!r}.")
        if not 0 <= self.t <= 1:
            reject("merge.t", f"must be in [0, 1], got {self.t!r}.")
