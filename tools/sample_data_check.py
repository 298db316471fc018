"""Self-check of the written medical_sft / persona_sft files (tools/build_sample_data.py).

`self_check` re-reads the files, validates every row (tools/sample_row_schema.py), checks
determinism, uniqueness and the composition rules (counts, val fractions, coverage,
system-prompt share, size), prints the counts and returns 1 on any problem.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

from medlab.evaluation.suites import PERSONA_DIMENSIONS
from tools.jsonl_files import jsonl_text, read_jsonl
from tools.sample_data_rows import EXPLAIN_AUDIENCE_ORDER, public_rows, search_tool
from tools.sample_row_schema import MEDICAL_CATEGORIES, validate_row

MIN_COUNTS = {
    "explain": 90,
    "refuse_dosing": 20,
    "refuse_diagnosis": 20,
    "refuse_lab_interpretation": 15,
    "emergency": 15,
    "tool_search": 40,
    "multi_turn": 15,
}
MEDICAL_FILES = ("medical_sft/train.jsonl", "medical_sft/val.jsonl")
PERSONA_FILES = ("persona_sft/train.jsonl", "persona_sft/val.jsonl")


def _words(text: str) -> int:
    return len(re.sub(r"<think>.*?</think>", "", text, flags=re.S).split())


def _read_files(outputs: dict[str, list[dict]], data_dir: Path, errors: list[str]) -> dict:
    """{relative path: rows read back}; every row validated, file text compared to the build."""
    tool = search_tool()
    files: dict[str, list[dict]] = {}
    for rel in outputs:
        path = data_dir / rel
        if path.read_bytes().decode("utf-8") != jsonl_text(public_rows(outputs[rel])):
            errors.append(f"{rel}: file content differs from in-memory build")
        rows = read_jsonl(path, rel, errors)
        ids: list[Any] = [r.get("id") for r in rows]
        if ids != sorted(ids):
            errors.append(f"{rel}: rows not sorted by id")
        files[rel] = rows
        for r in rows:
            validate_row(r, rel.split("/")[0], errors, tool)
    return files


def _check_unique(files: dict[str, list[dict]], errors: list[str]) -> list[str]:
    """Ids unique, answers unique, persona questions not reused; returns the answer texts."""
    all_ids = [r["id"] for rows in files.values() for r in rows]
    dup_ids = [k for k, v in Counter(all_ids).items() if v > 1]
    if dup_ids:
        errors.append(f"duplicate ids across files: {dup_ids[:5]}")
    answers = [
        m["content"]
        for rows in files.values()
        for r in rows
        for m in r["messages"]
        if m["role"] == "assistant" and m["content"] and not m.get("tool_calls")
    ]
    dup_answers = [a[:60] for a, n in Counter(answers).items() if n > 1]
    if dup_answers:
        errors.append(f"identical assistant answers: {dup_answers[:3]}")
    med_questions = {
        m["content"]
        for name in MEDICAL_FILES
        for r in files[name]
        for m in r["messages"]
        if m["role"] == "user"
    }
    per_questions = {
        m["content"]
        for name in PERSONA_FILES
        for r in files[name]
        for m in r["messages"]
        if m["role"] == "user"
    }
    if med_questions & per_questions:
        errors.append(
            f"persona reuses medical_sft questions: {sorted(med_questions & per_questions)[:3]}"
        )
    return answers


def _calls_per_turn(row: dict) -> int:
    best = cur = 0
    for m in row["messages"]:
        if m["role"] == "user":
            cur = 0
        elif m.get("tool_calls"):
            cur += len(m["tool_calls"])
            best = max(best, cur)
    return best


def _check_medical_counts(med: list[dict], med_va: list[dict], errors: list[str]) -> None:
    cats = Counter(r["category"] for r in med)
    if len(med) < 240:
        errors.append(f"medical_sft has {len(med)} conversations (< 240)")
    for cat, lo in MIN_COUNTS.items():
        if cats[cat] < lo:
            errors.append(f"medical_sft/{cat}: {cats[cat]} < {lo}")
    val_frac = len(med_va) / len(med)
    if not 0.09 <= val_frac <= 0.13:
        errors.append(f"medical_sft val fraction {val_frac:.3f} outside 0.09-0.13")
    missing = set(MEDICAL_CATEGORIES) - {r["category"] for r in med_va}
    if missing:
        errors.append(f"medical_sft val misses categories {sorted(missing)}")


def _check_medical(files: dict, outputs: dict, errors: list[str]) -> dict:
    """medical_sft composition rules; returns the numbers the report prints."""
    med = files[MEDICAL_FILES[0]] + files[MEDICAL_FILES[1]]
    _check_medical_counts(med, files[MEDICAL_FILES[1]], errors)
    explain_rows = [
        r for name in MEDICAL_FILES for r in outputs[name] if r["category"] == "explain"
    ]
    topics = {r["_topic"] for r in explain_rows}
    if len(topics) < 30:
        errors.append(f"explain covers {len(topics)} topics (< 30)")
    if min(Counter(r["_topic"] for r in explain_rows).values()) < 3:
        errors.append("every explain topic should have at least 3 audiences")
    exp_aud = Counter(r["audience"] for r in med if r["category"] == "explain")
    if set(exp_aud) != set(EXPLAIN_AUDIENCE_ORDER):
        errors.append(f"explain audiences {dict(exp_aud)}")
    think_rows = [
        r
        for r in med
        if r["category"] == "explain"
        and any(
            m["role"] == "assistant" and m["content"].startswith("<think>") for m in r["messages"]
        )
    ]
    if not think_rows:
        errors.append("no explain answers with <think> blocks")
    if any(r["audience"] not in ("student", "clinician") for r in think_rows):
        errors.append("<think> blocks in explain should be for student/clinician answers only")
    tool_rows = [r for r in med if r["category"] == "tool_search"]
    multi_call = sum(_calls_per_turn(r) >= 2 for r in tool_rows)
    multi_turn_tool = sum(sum(m["role"] == "user" for m in r["messages"]) >= 2 for r in tool_rows)
    if multi_call < 5:
        errors.append(f"tool_search multi-call rows {multi_call} < 5")
    if multi_turn_tool < 5:
        errors.append(f"tool_search multi-turn rows {multi_turn_tool} < 5")
    return {
        "topics": len(topics),
        "explain_audiences": dict(sorted(exp_aud.items())),
        "think": len(think_rows),
        "multi_call": multi_call,
        "multi_turn_tool": multi_turn_tool,
    }


def _check_persona(files: dict, errors: list[str]) -> int:
    """persona_sft composition rules; returns the number of multi-turn conversations."""
    per_va = files[PERSONA_FILES[1]]
    per = files[PERSONA_FILES[0]] + per_va
    if len(per) < 80:
        errors.append(f"persona_sft has {len(per)} conversations (< 80)")
    traits = Counter(r["trait"] for r in per)
    if set(traits) != set(PERSONA_DIMENSIONS):
        errors.append(f"persona traits {dict(traits)}")
    per_multi = sum(sum(m["role"] == "user" for m in r["messages"]) >= 2 for r in per)
    if per_multi < 15:
        errors.append(f"persona multi-turn rows {per_multi} < 15")
    per_val_frac = len(per_va) / len(per)
    if not 0.08 <= per_val_frac <= 0.13:
        errors.append(f"persona_sft val fraction {per_val_frac:.3f} outside 0.08-0.13")
    return per_multi


def _system_shares(files: dict, errors: list[str]) -> dict[str, float]:
    shares = {}
    for name, rels in (("medical_sft", MEDICAL_FILES), ("persona_sft", PERSONA_FILES)):
        rows = files[rels[0]] + files[rels[1]]
        share = sum(r["messages"][0]["role"] == "system" for r in rows) / len(rows)
        shares[name] = share
        if not 0.28 <= share <= 0.40:
            errors.append(f"{name}: system-prompt share {share:.2f} outside 0.28-0.40")
    return shares


def _print_counts(files: dict) -> None:
    print("Per-category counts (train / val / total):")
    for name, (rel_tr, rel_va) in (("medical_sft", MEDICAL_FILES), ("persona_sft", PERSONA_FILES)):
        tr, va = files[rel_tr], files[rel_va]
        key = "category" if name == "medical_sft" else "trait"
        ctr, cva = Counter(r[key] for r in tr), Counter(r[key] for r in va)
        print(f"  {name} (by {key}):")
        for k in sorted(set(ctr) | set(cva)):
            print(f"    {k:28s} {ctr[k]:4d} {cva[k]:4d} {ctr[k] + cva[k]:5d}")
        print(f"    {'TOTAL':28s} {len(tr):4d} {len(va):4d} {len(tr) + len(va):5d}")


def _print_report(files: dict, stats: dict, answers: list[str], sizes: dict[str, int]) -> None:
    _print_counts(files)
    print(
        f"  explain topics: {stats['topics']}; audiences: {stats['explain_audiences']}; "
        f"with <think>: {stats['think']}"
    )
    print(f"  tool_search: multi-call {stats['multi_call']}, multi-turn {stats['multi_turn_tool']}")
    print(f"  persona multi-turn conversations: {stats['persona_multi']}")
    print("  system-prompt share: " + ", ".join(f"{k} {v:.2f}" for k, v in stats["shares"].items()))
    wc = [_words(a) for a in answers]
    in_band = sum(40 <= w <= 200 for w in wc) / len(wc)
    print(
        f"  assistant answer words: min {min(wc)}, median {statistics.median(wc):.0f}, "
        f"max {max(wc)}, {in_band:.0%} within 40-200"
    )
    print("File sizes:")
    for rel, size in sizes.items():
        print(f"  {rel:28s} {size:9,d} bytes  ({len(files[rel])} rows)")
    print(f"  {'TOTAL':28s} {sum(sizes.values()):9,d} bytes")


def self_check(
    outputs: dict[str, list[dict]], rebuilt: dict[str, list[dict]], data_dir: Path
) -> int:
    """Validate the files written from `outputs` (`rebuilt`: a second, independent build)."""
    errors: list[str] = []
    files = _read_files(outputs, data_dir, errors)
    for rel in outputs:
        if jsonl_text(public_rows(rebuilt[rel])) != jsonl_text(public_rows(outputs[rel])):
            errors.append(f"{rel}: build is not deterministic")
    answers = _check_unique(files, errors)
    stats = _check_medical(files, outputs, errors)
    stats["persona_multi"] = _check_persona(files, errors)
    stats["shares"] = _system_shares(files, errors)
    sizes = {rel: (data_dir / rel).stat().st_size for rel in outputs}
    if sum(sizes.values()) > 1_500_000:
        errors.append(f"total size {sum(sizes.values())} bytes exceeds 1.5 MB")
    _print_report(files, stats, answers, sizes)
    if errors:
        print(f"\nSELF-CHECK FAILED ({len(errors)} problems):")
        for e in errors[:50]:
            print("  - " + e)
        return 1
    print("\nSelf-check passed.")
    return 0
