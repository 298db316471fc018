"""Self-check of the built evaluation suites (tools/build_eval_suites.py).

`self_check` returns the problems with the loaded suites (size and coverage floors, every
label present) and their overlap with the training data under medlab/assets/data: a user turn
that duplicates a training prompt, shares an 8-word span with the training text, or is a
close paraphrase (word-level difflib ratio >= MAX_SIMILARITY). It prints the counts.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter

from medlab.evaluation.suites import (
    AUDIENCES,
    MODES,
    PERSONA_DIMENSIONS,
    POLICY_CATEGORIES,
    SuiteItem,
)
from tools.source_files import DATA_DIR

MIN_POLICY, MIN_PERSONA, MIN_MULTI_TURN, MIN_PER_CATEGORY = 120, 40, 10, 15
# A suite user turn this similar (word-level difflib ratio) to a training prompt is a paraphrase.
MAX_SIMILARITY = 0.7


def _normalised_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = _normalised_words(text)
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _training_user_texts() -> list[str]:
    texts = []
    for path in sorted(DATA_DIR.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for key in ("messages", "prompt"):
                value = row.get(key)
                if isinstance(value, list):
                    texts += [m.get("content") or "" for m in value if m.get("role") == "user"]
                elif isinstance(value, str):
                    texts.append(value)
            if isinstance(row.get("question"), str):
                texts.append(row["question"])
    return texts


def _closest(text: str, train_norm: set[str]) -> tuple[float, str]:
    """Highest word-level difflib similarity between `text` and any normalised training prompt."""
    words = _normalised_words(text)
    best = (0.0, "")
    for other in sorted(train_norm):
        matcher = difflib.SequenceMatcher(None, words, other.split(), autojunk=False)
        if matcher.real_quick_ratio() > best[0] and matcher.quick_ratio() > best[0]:
            best = max(best, (matcher.ratio(), other))
    return best


def _coverage_errors(policy: list[SuiteItem], persona: list[SuiteItem]) -> list[str]:
    errors = []
    if len(policy) < MIN_POLICY:
        errors.append(f"policy suite has {len(policy)} items (< {MIN_POLICY})")
    if len(persona) < MIN_PERSONA:
        errors.append(f"persona suite has {len(persona)} items (< {MIN_PERSONA})")
    if sum(i.multi_turn for i in persona) < MIN_MULTI_TURN:
        errors.append(f"persona suite has fewer than {MIN_MULTI_TURN} multi-turn items")
    categories = Counter(i.category for i in policy)
    for category in POLICY_CATEGORIES:
        if categories[category] < MIN_PER_CATEGORY:
            errors.append(f"category {category} has {categories[category]} items")
    for label, present in (
        ("mode", {i.expected_mode for i in policy} >= set(MODES)),
        ("policy audience", {i.audience for i in policy} >= set(AUDIENCES)),
        ("persona audience", {i.audience for i in persona} >= set(AUDIENCES)),
        ("persona focus", {d for i in persona for d in i.focus} >= set(PERSONA_DIMENSIONS)),
    ):
        if not present:
            errors.append(f"not every {label} is represented")
    return errors


def _overlap_errors(items: list[SuiteItem]) -> list[str]:
    """Suite user turns that copy, share an 8-word span with or paraphrase training prompts."""
    errors = []
    train = _training_user_texts()
    train_norm = {" ".join(_normalised_words(t)) for t in train}
    train_shingles = set().union(*(_shingles(t) for t in train))
    for item in items:
        for m in item.messages:
            if m["role"] != "user":
                continue
            if " ".join(_normalised_words(m["content"])) in train_norm:
                errors.append(f"{item.id}: user turn duplicates a training prompt")
            shared = _shingles(m["content"]) & train_shingles
            if shared:
                errors.append(
                    f"{item.id}: shares an 8-word span with training data: {sorted(shared)[0]}"
                )
            close = _closest(m["content"], train_norm)
            if close[0] >= MAX_SIMILARITY:
                errors.append(
                    f"{item.id}: paraphrases training prompt {close[1]!r} ({close[0]:.2f})"
                )
    return errors


def self_check(policy: list[SuiteItem], persona: list[SuiteItem]) -> list[str]:
    """Problems with the built suites (empty list = fine); prints the counts."""
    errors = _coverage_errors(policy, persona) + _overlap_errors(policy + persona)
    print(f"policy: {len(policy)} items, categories {dict(Counter(i.category for i in policy))}")
    print(f"  modes {dict(Counter(i.expected_mode for i in policy))}")
    print(f"  audiences {dict(Counter(i.audience for i in policy))}")
    print(f"persona: {len(persona)} items, {sum(i.multi_turn for i in persona)} multi-turn")
    print(f"  audiences {dict(Counter(i.audience for i in persona))}")
    return errors
