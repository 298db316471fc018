"""The policy_dpo preference pairs: build the rows (tools/build_preference_data.py).

Each category file under tools/sources/preference/ holds records (a prompt `conversation`
plus category-specific building blocks) and phrasing templates. The builders combine them,
handing out templates in seeded, reshuffled cycles (`Rotator`) so every variant is used about
equally, and pad the deliberately bad "rejected" answer to a length similar to "chosen".
"""

from __future__ import annotations

import random
from collections.abc import Callable

from medlab.evaluation.suites import POLICY_CATEGORIES
from tools.prose_text import words
from tools.source_files import load_source, require_keys

DPO_DIR = "policy_dpo"
DPO_FILES = (f"{DPO_DIR}/train.jsonl", f"{DPO_DIR}/val.jsonl")
DPO_VAL_FRACTION = 0.12
# Building blocks each category's records must have (besides the conversation).
RECORD_KEYS = {
    "dosing": ("drug", "concept", "caution", "who", "bad"),
    "diagnosis": ("general", "who", "red", "bad"),
    "lab_interpretation": ("test", "measures", "factors", "who", "bad"),
    "emergency": ("steps", "bad"),
    "adversarial": ("chosen", "rejected"),
    "education": ("topic", "chosen"),
}
Pair = tuple[dict, str, str]  # (record, chosen, rejected)


class Rotator:
    """Hands out items of a pool in seeded, reshuffled cycles (balanced variety)."""

    def __init__(self, items: list[str], rng: random.Random) -> None:
        self.items = list(items)
        self.rng = rng
        self.queue: list[str] = []

    def next(self) -> str:
        if not self.queue:
            self.queue = self.items[:]
            self.rng.shuffle(self.queue)
        return self.queue.pop()


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def fill(template: str, rec: dict) -> str:
    who = rec.get("who", "")
    values = {
        "drug": rec.get("drug", ""),
        "test": rec.get("test", ""),
        "who": who,
        "Who": cap(who),
        "whom": rec.get("whom", "you"),
        "whose": rec.get("whose", "your"),
        "topic": rec.get("topic", ""),
    }
    return template.format(**values)


def _pad_rejected(bad: str, chosen: str, fillers: Rotator, target: float = 0.6) -> str:
    """Append up to two fluent, confident lines so the rejected answer is of similar length."""
    text = bad
    for _ in range(2):
        if words(text) >= target * words(chosen):
            break
        text = f"{text} {fillers.next()}"
    return text


def _dosing(src: dict, rng: random.Random) -> list[Pair]:
    openers, redirects = Rotator(src["openers"], rng), Rotator(src["redirects"], rng)
    fillers, bad_open = Rotator(src["fillers"], rng), Rotator(src["bad_openers"], rng)
    pairs = []
    for rec in src["records"]:
        opener = rec.get("open") or fill(openers.next(), rec)
        chosen = " ".join((opener, rec["concept"], rec["caution"], fill(redirects.next(), rec)))
        bad = f"{bad_open.next()} {rec['bad']}"
        pairs.append((rec, chosen, _pad_rejected(bad, chosen, fillers)))
    return pairs


def _diagnosis(src: dict, rng: random.Random) -> list[Pair]:
    openers, fillers = Rotator(src["openers"], rng), Rotator(src["fillers"], rng)
    bad_open = Rotator(src["bad_openers"], rng)
    pairs = []
    for rec in src["records"]:
        chosen = " ".join((fill(openers.next(), rec), rec["general"], rec["who"], rec["red"]))
        bad = f"{bad_open.next()} {rec['bad']}"
        pairs.append((rec, chosen, _pad_rejected(bad, chosen, fillers)))
    return pairs


def _lab_interpretation(src: dict, rng: random.Random) -> list[Pair]:
    openers, discuss = Rotator(src["openers"], rng), Rotator(src["discuss"], rng)
    fillers, bad_open = Rotator(src["fillers"], rng), Rotator(src["bad_openers"], rng)
    pairs = []
    for rec in src["records"]:
        parts = (fill(openers.next(), rec), rec["measures"], rec["factors"])
        chosen = " ".join((*parts, fill(discuss.next(), rec)))
        bad = f"{bad_open.next()} {rec['bad']}"
        pairs.append((rec, chosen, _pad_rejected(bad, chosen, fillers)))
    return pairs


def _emergency(src: dict, rng: random.Random) -> list[Pair]:
    openers, fillers = Rotator(src["openers"], rng), Rotator(src["fillers"], rng)
    pairs = []
    for rec in src["records"]:
        first = rec.get("first") or openers.next()
        chosen = f"{first} {rec['steps']}"
        pairs.append((rec, chosen, _pad_rejected(rec["bad"], chosen, fillers)))
    return pairs


def _adversarial(src: dict, rng: random.Random) -> list[Pair]:
    fillers = Rotator(src["fillers"], rng)
    return [
        (rec, rec["chosen"], _pad_rejected(rec["rejected"], rec["chosen"], fillers, target=0.55))
        for rec in src["records"]
    ]


def _education(src: dict, rng: random.Random) -> list[Pair]:
    apologies, reasons = Rotator(src["apologies"], rng), Rotator(src["reasons"], rng)
    extras, more = Rotator(src["extras"], rng), Rotator(src["more"], rng)
    redirects, closes = Rotator(src["redirects"], rng), Rotator(src["closes"], rng)
    pairs = []
    for rec in src["records"]:
        body = " ".join((fill(apologies.next(), rec), reasons.next(), extras.next()))
        tail = f"{redirects.next()} {closes.next()}"
        target = 0.65 - words(tail) / words(rec["chosen"])
        pairs.append(
            (rec, rec["chosen"], f"{_pad_rejected(body, rec['chosen'], more, target)} {tail}")
        )
    return pairs


PAIR_BUILDERS: dict[str, Callable[[dict, random.Random], list[Pair]]] = {
    "dosing": _dosing,
    "diagnosis": _diagnosis,
    "lab_interpretation": _lab_interpretation,
    "emergency": _emergency,
    "adversarial": _adversarial,
    "education": _education,
}


def _row(category: str, rec: dict, chosen: str, rejected: str) -> dict:
    prompt = [
        {"role": role, "content": content}
        for turn in rec["conversation"]
        for role, content in turn.items()
    ]
    if not prompt or prompt[-1]["role"] != "user":
        raise ValueError(f"{category}: conversation must end with a user turn: {rec}")
    return {
        "category": category,
        "prompt": prompt,
        "chosen": [{"role": "assistant", "content": chosen}],
        "rejected": [{"role": "assistant", "content": rejected}],
    }


def _add_system_prompts(rows: list[dict], rng: random.Random) -> None:
    """A system message on about half of the prompts (balanced within each category)."""
    systems = Rotator(load_source("preference", "system_prompts"), rng)
    for category in POLICY_CATEGORIES:
        cat_rows = [r for r in rows if r["category"] == category]
        flags = [k % 2 == 0 for k in range(len(cat_rows))]
        rng.shuffle(flags)
        for row, flag in zip(cat_rows, flags, strict=True):
            if flag:
                row["prompt"].insert(0, {"role": "system", "content": systems.next()})


def build_dpo_rows(seed: int) -> list[dict]:
    """Every category's pairs, in POLICY_CATEGORIES order, before ids and the split."""
    rng = random.Random(seed)
    rows: list[dict] = []
    for category in POLICY_CATEGORIES:
        src = load_source("preference", category)
        require_keys(
            src["records"], ("conversation", *RECORD_KEYS[category]), "preference", category
        )
        for rec, chosen, rejected in PAIR_BUILDERS[category](src, rng):
            rows.append(_row(category, rec, chosen, rejected))
    _add_system_prompts(rows, rng)
    return rows


def build_dpo(seed: int) -> tuple[list[dict], list[dict]]:
    """(train, val): ids in a seeded order, a stratified DPO_VAL_FRACTION held out."""
    rows = build_dpo_rows(seed + 1)
    rng = random.Random(seed + 2)
    order = list(range(len(rows)))
    rng.shuffle(order)
    final = []
    for n, i in enumerate(order, start=1):
        r = rows[i]
        final.append(
            {
                "id": f"policy_dpo-{n:04d}",
                "category": r["category"],
                "prompt": r["prompt"],
                "chosen": r["chosen"],
                "rejected": r["rejected"],
            }
        )
    val_ids: set[str] = set()
    for category in POLICY_CATEGORIES:
        ids = sorted(r["id"] for r in final if r["category"] == category)
        k = max(1, round(len(ids) * DPO_VAL_FRACTION))
        val_ids.update(rng.sample(ids, k))
    train = sorted((r for r in final if r["id"] not in val_ids), key=lambda r: r["id"])
    val = sorted((r for r in final if r["id"] in val_ids), key=lambda r: r["id"])
    return train, val
