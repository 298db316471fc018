"""Training / evaluation overlap by hashed word n-grams (decontamination), as in Tulu 3 / Llama 3.

What it does: every text is normalised (Unicode NFKC, case-folded, every character that is not a
letter or digit turned into a space, split on whitespace) and cut into word n-grams (n=8 by
default), each stored as a 64-bit hash. The n-grams of every evaluation set go into one index;
each training row is then looked up against it once (set intersection), so the cost is linear in
the total number of words, never training rows x evaluation items. A training row is
*contaminated* for an evaluation set when it shares at least one n-gram with it; an evaluation
item is contaminated when at least one of its n-grams occurs in a training row.

What it deliberately simplifies:
- A row's text is every string inside it (message contents, question, options, explanation,
  reasoning ...), each string on its own: n-grams never span two fields. Texts of fewer than n
  words have no n-gram and are never flagged (a one-word option cannot be matched alone).
- Template text: an n-gram found in more than `TEMPLATE_SHARE` of an evaluation set's items (and
  in at least `TEMPLATE_MIN_ITEMS` of them) is the task's prompt template ("give the final answer
  on its own line as ...") and is ignored; the report counts them.
- Python's `hash` of a tuple of words is salted per process: hashes are compared within one
  process only and never stored.

Run it (standalone report of an experiment's training sets vs its evaluation sets, written to
OUT/decontamination.json and OUT/decontamination.md; any `python -m medlab.run` overrides work):

    python -m medlab.decontam --out /tmp/decontam +experiment=tiny_pipeline
    python -m medlab.decontam --out /tmp/decontam +experiment=afm_grpo_cot eval=medical_benchmarks \\
        phase_data.sft.train_files=[/data/afm_sft.jsonl]
    python -m benchmarks.decontam_speed            # timing on synthetic MedReason-size data

Layout: this module is the pure n-gram math; `sources` reads the sets and writes the report;
`__main__` is the command line; `benchmarks/decontam_speed.py` (outside the package) times it.

Inside a run, `medlab.experiment` writes the same report into the run directory before the first
phase trains, and `data.decontaminate=true` drops the contaminated rows of a phase's training data
(`medlab.decontam.sources.decontaminate_data`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

DEFAULT_NGRAM = 8
TEMPLATE_SHARE = 0.1
TEMPLATE_MIN_ITEMS = 3
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> list[str]:
    """The words of `text`: NFKC, case-folded, punctuation and underscores as spaces.

    >>> normalise("Caseous  NECROSIS, is\\nmost-characteristic of:")
    ['caseous', 'necrosis', 'is', 'most', 'characteristic', 'of']
    """
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split()


def ngram_hashes(text: str, n: int = DEFAULT_NGRAM) -> set[int]:
    """Hashes of the word n-grams of `text` (empty when it has fewer than n words)."""
    words = normalise(text)
    return {hash(gram) for gram in zip(*(words[i:] for i in range(n)), strict=False)}


def strings_in(value: Any) -> Iterator[str]:
    """Every string inside `value` (dict values, list items, nested), in order; keys skipped."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)


def row_hashes(row: Any, n: int = DEFAULT_NGRAM) -> set[int]:
    """The n-gram hashes of every string of a row (each string cut on its own)."""
    grams: set[int] = set()
    for text in strings_in(row):
        grams |= ngram_hashes(text, n)
    return grams


@dataclass
class EvalSet:
    """One evaluation set's items, as n-gram hash sets (template n-grams removed)."""

    name: str
    items: list[set[int]]
    """Per item: its n-gram hashes."""
    template_ngrams: int = 0
    """n-grams ignored as the set's prompt template (see the module docstring)."""


def build_eval_set(name: str, items: Iterable[Any], n: int = DEFAULT_NGRAM) -> EvalSet:
    """An `EvalSet` from raw items (each a string, a dict or a list of strings)."""
    hashed = [row_hashes(item, n) for item in items]
    counts = Counter(g for grams in hashed for g in grams)
    limit = max(TEMPLATE_MIN_ITEMS - 1, int(TEMPLATE_SHARE * len(hashed)))
    template = {g for g, c in counts.items() if c > limit}
    if template:
        hashed = [grams - template for grams in hashed]
    return EvalSet(name, hashed, len(template))


@dataclass
class PairCounts:
    """Overlap of one training set with one evaluation set."""

    train: str
    eval: str
    train_rows: int
    eval_items: int
    contaminated_train_rows: int = 0
    contaminated_eval_items: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "train": self.train,
            "eval": self.eval,
            "train_rows": self.train_rows,
            "contaminated_train_rows": self.contaminated_train_rows,
            "train_share": _share(self.contaminated_train_rows, self.train_rows),
            "eval_items": self.eval_items,
            "contaminated_eval_items": self.contaminated_eval_items,
            "eval_share": _share(self.contaminated_eval_items, self.eval_items),
        }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 6) if whole else None


@dataclass
class Overlap:
    """Result of `find_overlap` for one training set."""

    pairs: list[PairCounts]
    """One entry per evaluation set, in order."""
    contaminated_rows: set[int] = field(default_factory=set)
    """Indices of training rows contaminated for any evaluation set."""


def find_overlap(
    train_name: str, rows: Iterable[Any], eval_sets: list[EvalSet], n: int = DEFAULT_NGRAM
) -> Overlap:
    """Which training rows and evaluation items share an n-gram, per evaluation set.

    One pass over the rows: each row's n-grams are intersected with the union index of all
    evaluation n-grams (gram -> indices of the sets holding it); only matched n-grams are kept,
    so memory is the evaluation index plus the matches."""
    owners: dict[int, list[int]] = {}
    for index, eval_set in enumerate(eval_sets):
        for gram in set().union(*eval_set.items) if eval_set.items else ():
            owners.setdefault(gram, []).append(index)
    matched: list[set[int]] = [set() for _ in eval_sets]
    flagged_rows: list[int] = [0] * len(eval_sets)
    contaminated: set[int] = set()
    total = 0
    for row_index, row in enumerate(rows):
        total += 1
        hits = [gram for gram in row_hashes(row, n) if gram in owners]  # O(row), not O(index)
        if not hits:
            continue
        contaminated.add(row_index)
        sets_hit: set[int] = set()
        for gram in hits:
            for index in owners[gram]:
                matched[index].add(gram)
                sets_hit.add(index)
        for index in sets_hit:
            flagged_rows[index] += 1
    pairs = [
        PairCounts(
            train_name,
            eval_set.name,
            total,
            len(eval_set.items),
            flagged_rows[index],
            sum(1 for grams in eval_set.items if not grams.isdisjoint(matched[index])),
        )
        for index, eval_set in enumerate(eval_sets)
    ]
    return Overlap(pairs, contaminated)


def markdown_table(pairs: list[dict[str, Any]]) -> str:
    """The report's table: one line per (training set, evaluation set)."""
    lines = [
        "| training set | evaluation set | contaminated eval items | share | "
        "contaminated training rows | share |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for p in pairs:
        lines.append(
            f"| {p['train']} | {p['eval']} | {p['contaminated_eval_items']} / {p['eval_items']} "
            f"| {_pct(p['eval_share'])} | {p['contaminated_train_rows']} / {p['train_rows']} "
            f"| {_pct(p['train_share'])} |"
        )
    return "\n".join(lines)


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{100 * share:.1f}%"
