"""Self-check of the policy_dpo preference pairs read back (tools/build_preference_data.py).

`check_dpo` validates every row (keys, ids, prompt turns, one assistant message per side,
40-160 words, no duplicates), the category rules (a dosing "chosen" redirects and names no
amount while its "rejected" gives one, an emergency "chosen" opens with a call, an education
"rejected" is an over-refusal, ...) and the totals, and returns the numbers the report prints.
"""

from __future__ import annotations

import re
from collections import Counter

from medlab.evaluation.suites import POLICY_CATEGORIES
from tools.policy_dpo_pairs import DPO_FILES
from tools.prose_text import sentences, words

DPO_MINIMUM = {
    "dosing": 30,
    "diagnosis": 30,
    "lab_interpretation": 25,
    "emergency": 25,
    "adversarial": 30,
    "education": 30,
}
DPO_KEYS = ("id", "category", "prompt", "chosen", "rejected")
RE_CALL_EMERGENCY = re.compile(r"\b(call|phone)\b", re.I)
RE_EMERGENCY_NUMBER = re.compile(r"\b(911|112|999)\b|emergency (number|services)", re.I)
RE_DOSE_AMOUNT = re.compile(
    r"\b\d[\d,.]*\s*(mg|mL|g|IU|units?|micrograms|mEq|puffs?|tablets?|capsules?)\b", re.I
)
RE_REDIRECT = re.compile(
    r"pharmacist|prescriber|label|leaflet|doctor|\bGP\b|team|clinic|midwife|nurse|visitor", re.I
)
RE_CLINICIAN = re.compile(
    r"\bGP\b|doctor|clinician|specialist|dermatologist|optometrist|physiotherapist|dentist|"
    r"pharmacist|paediatrician|health visitor|emergency|urgent",
    re.I,
)
RE_REFUSAL = re.compile(
    r"\b(I can't|I cannot|I'm unable|I'm not able|I won't|I have to decline|I'd rather not|"
    r"isn't something I can)\b",
    re.I,
)
RE_SPECIFIC_DOSE = re.compile(
    r"(\b\d[\d,.]*\s*(mg|mL|g|IU|units?|micrograms|mEq|puffs?|tablets?|pills?|capsules?)\b|"
    r"\b\d+(\.\d+)?%|\b(one|two|three|four|half|both|extra half)\b[\w -]{0,20}?"
    r"\b(tablets?|pills?|capsules?|puffs?)\b)",
    re.I,
)
RE_BOUNDARY = re.compile(
    r"\b(can't|cannot|won't|not able|not going to|don't want|doesn't change|wouldn't change|"
    r"please don't)\b",
    re.I,
)
RE_NUMBER = re.compile(r"(?<![A-Za-z\d.^])\d+(?:\.\d+)?")
RE_DPO_ID = re.compile(r"^policy_dpo-\d{4}$")


def _check_prompt(prompt: list, where: str, errors: list[str], stats: dict) -> bool:
    """Roles, contents and turn order of one prompt; False when it is unusable."""
    ok = True
    for k, m in enumerate(prompt):
        if not isinstance(m, dict) or set(m) != {"role", "content"}:
            errors.append(f"{where}: prompt[{k}] must have exactly role/content")
            ok = False
            continue
        if m["role"] not in ("system", "user", "assistant"):
            errors.append(f"{where}: prompt[{k}] role {m['role']!r}")
            ok = False
        if not isinstance(m["content"], str) or not m["content"].strip():
            errors.append(f"{where}: prompt[{k}] empty content")
            ok = False
    if not ok:
        return False
    roles = [m["role"] for m in prompt]
    if "system" in roles[1:]:
        errors.append(f"{where}: system message not first")
    turns = roles[1:] if roles[0] == "system" else roles
    expected = ["user" if k % 2 == 0 else "assistant" for k in range(len(turns))]
    if not turns or turns != expected or turns[-1] != "user":
        errors.append(f"{where}: turns must alternate user/assistant and end with user")
    stats["system"] += roles[0] == "system"
    stats["multi"] += turns.count("user") >= 2
    return True


def _side_text(row: dict, side: str, where: str, errors: list[str]) -> str:
    """The one assistant message of `side` ("" when malformed); checks its word count."""
    msgs = row[side]
    if (
        not isinstance(msgs, list)
        or len(msgs) != 1
        or not isinstance(msgs[0], dict)
        or set(msgs[0]) != {"role", "content"}
        or msgs[0]["role"] != "assistant"
        or not isinstance(msgs[0]["content"], str)
        or not msgs[0]["content"].strip()
    ):
        errors.append(f"{where}: {side} must be one non-empty assistant message")
        return ""
    n = words(msgs[0]["content"])
    if not 40 <= n <= 160:
        errors.append(f"{where}: {side} has {n} words (want 40-160)")
    return msgs[0]["content"]


def _quoted_values(last_user: str, text: str) -> list[str]:
    """Numbers of the user's message that `text` repeats."""
    return [
        v
        for v in RE_NUMBER.findall(last_user)
        if re.search(rf"(?<![A-Za-z\d.^]){re.escape(v)}(?!\d)", text)
    ]


def _check_lab(ch: str, rj: str, last_user: str, where: str, errors: list[str]) -> None:
    values = _quoted_values(last_user, rj)
    if not values:
        errors.append(f"{where}: lab rejected does not interpret the user's value")
    for v in values:
        if re.search(rf"(?<![A-Za-z\d.^]){re.escape(v)}(?!\d)", ch):
            errors.append(f"{where}: lab chosen repeats the user's value {v}")
    if "measur" not in ch.lower():
        errors.append(f"{where}: lab chosen does not explain what is measured")


def _check_category(cat: str, ch: str, rj: str, last_user: str, where: str, errors: list) -> None:
    first_c, first_r = sentences(ch)[0], sentences(rj)[0]
    if RE_DOSE_AMOUNT.search(ch):
        errors.append(f"{where}: chosen contains a dose amount")
    if cat == "dosing":
        if not RE_REDIRECT.search(ch):
            errors.append(f"{where}: dosing chosen lacks a redirect")
        if not RE_SPECIFIC_DOSE.search(rj):
            errors.append(f"{where}: dosing rejected lacks a specific dose")
    elif cat == "diagnosis":
        if not RE_CLINICIAN.search(ch):
            errors.append(f"{where}: diagnosis chosen names no clinician / escalation")
    elif cat == "lab_interpretation":
        _check_lab(ch, rj, last_user, where, errors)
    elif cat == "emergency":
        if not (RE_CALL_EMERGENCY.search(first_c) and RE_EMERGENCY_NUMBER.search(first_c)):
            errors.append(f"{where}: emergency chosen does not open with a call: {first_c!r}")
        if RE_EMERGENCY_NUMBER.search(rj):
            errors.append(f"{where}: emergency rejected escalates")
    elif cat == "adversarial":
        if not RE_BOUNDARY.search(" ".join(sentences(ch)[:2])):
            errors.append(f"{where}: adversarial chosen does not hold the boundary early")
    elif cat == "education":
        if RE_REFUSAL.search(first_c):
            errors.append(f"{where}: education chosen opens with a refusal")
        if not RE_REFUSAL.search(first_r):
            errors.append(f"{where}: education rejected is not an over-refusal")


def _check_row(r: dict, where: str, errors: list[str], stats: dict, seen: dict) -> None:
    if not isinstance(r["id"], str) or not RE_DPO_ID.match(r["id"]):
        errors.append(f"{where}: bad id format")
    if r["id"] in seen["ids"]:
        errors.append(f"{where}: duplicate id")
    seen["ids"].add(r["id"])
    if r["category"] not in POLICY_CATEGORIES:
        errors.append(f"{where}: unknown category {r['category']!r}")
    prompt = r["prompt"]
    if not isinstance(prompt, list) or not prompt:
        errors.append(f"{where}: prompt must be a non-empty list")
        return
    if not _check_prompt(prompt, where, errors, stats):
        return
    ch, rj = (_side_text(r, side, where, errors) for side in ("chosen", "rejected"))
    if not ch or not rj:
        return
    if ch == rj:
        errors.append(f"{where}: chosen == rejected")
    if ch in seen["chosen"]:
        errors.append(f"{where}: chosen duplicates {seen['chosen'][ch]}")
    if rj in seen["rejected"]:
        errors.append(f"{where}: rejected duplicates {seen['rejected'][rj]}")
    seen["chosen"][ch], seen["rejected"][rj] = r["id"], r["id"]
    stats["cwords"].append(words(ch))
    stats["rwords"].append(words(rj))
    stats["ratio"].append(words(rj) / words(ch))
    _check_category(r["category"], ch, rj, prompt[-1]["content"], where, errors)


def _check_totals(train: list[dict], val: list[dict], errors: list[str], stats: dict) -> None:
    every = train + val
    cats = Counter(r["category"] for r in every)
    for cat, minimum in DPO_MINIMUM.items():
        if cats[cat] < minimum:
            errors.append(f"policy_dpo: {cat} has {cats[cat]} pairs (< {minimum})")
    if len(every) < 170:
        errors.append(f"policy_dpo: {len(every)} pairs (< 170)")
    val_cats = {r["category"] for r in val}
    if val_cats != set(POLICY_CATEGORIES):
        errors.append(f"policy_dpo/val misses categories {set(POLICY_CATEGORIES) - val_cats}")
    frac = len(val) / max(1, len(every))
    if not 0.10 <= frac <= 0.14:
        errors.append(f"policy_dpo: val fraction {frac:.3f} outside 0.10-0.14")
    share = stats["system"] / max(1, len(every))
    if not 0.4 <= share <= 0.6:
        errors.append(f"policy_dpo: system-prompt share {share:.2f} outside 0.4-0.6")
    if stats["multi"] < 15:
        errors.append(f"policy_dpo: only {stats['multi']} multi-turn prompts")
    if stats["ratio"] and not (min(stats["ratio"]) >= 0.45 and max(stats["ratio"]) <= 1.6):
        errors.append(
            f"policy_dpo: rejected/chosen length ratio out of range "
            f"({min(stats['ratio']):.2f}-{max(stats['ratio']):.2f})"
        )
    stats["share"], stats["frac"] = share, frac


def check_dpo(files: dict[str, list[dict]], errors: list[str]) -> dict:
    """Every rule of the policy_dpo files read back; returns counts and word statistics."""
    seen: dict = {"ids": set(), "chosen": {}, "rejected": {}}
    stats: dict = {"ratio": [], "cwords": [], "rwords": [], "multi": 0, "system": 0}
    for rel in DPO_FILES:
        rows = files[rel]
        if [r.get("id") for r in rows] != sorted(r.get("id", "") for r in rows):
            errors.append(f"{rel}: rows not sorted by id")
        for r in rows:
            where = f"{rel}:{r.get('id')}"
            if tuple(r) != DPO_KEYS:
                errors.append(f"{where}: keys {tuple(r)}")
                continue
            _check_row(r, where, errors, stats, seen)
    _check_totals(files[DPO_FILES[0]], files[DPO_FILES[1]], errors, stats)
    return stats
