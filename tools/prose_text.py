"""Word and sentence counts shared by the preference-data builders and their self-checks."""

from __future__ import annotations

import re

RE_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"(*])")


def words(text: str) -> int:
    return len(text.split())


def sentences(text: str) -> list[str]:
    return [s for s in RE_SENTENCE_SPLIT.split(text.strip()) if s]


def norm(text: str) -> str:
    """Lower case, whitespace runs collapsed: the key for spotting duplicated texts."""
    return re.sub(r"\s+", " ", text.strip().lower())
