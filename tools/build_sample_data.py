#!/usr/bin/env python3
"""Build medlab's shipped sample SFT data (medical education chat corpus).

Run from the repository root:

    python tools/build_sample_data.py

It (re)writes, deterministically (fixed seed, rows sorted by id, no timestamps):

    medlab/assets/data/medical_sft/{train,val}.jsonl
    medlab/assets/data/persona_sft/{train,val}.jsonl

and then re-reads the files and runs a self-check (tools/sample_data_check.py) that validates
the row schema and the dataset composition rules, printing counts per category and file.

Every row is one JSON object per line:

    {"id": "medical_sft-0001", "category": "...", "audience": "...",
     "messages": [{"role": ..., "content": ...}, ...],
     "tools": [...]}        # only on category == "tool_search"

persona_sft rows additionally carry a "trait" field.

The text lives in tools/sources/sample_data/*.yaml (one file per category, plus the system
prompts); tools/sample_data_rows.py combines it into rows. It is hand-written general medical
education, not medical advice: it never gives individual doses, diagnoses or interpretations of
personal results.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tools.jsonl_files import write_jsonl  # noqa: E402
from tools.sample_data_check import self_check  # noqa: E402
from tools.sample_data_rows import (  # noqa: E402
    build_diagnosis,
    build_dosing,
    build_emergency,
    build_explain,
    build_labs,
    build_multi_turn,
    build_persona,
    build_tool_search,
    public_rows,
    system_prompts_by_kind,
)
from tools.source_files import DATA_DIR  # noqa: E402

SEED = 20240917


def _system_kind(row: dict) -> str:
    if row["category"] == "persona":
        return "persona"
    if row["category"] == "tool_search":
        return "tool"
    if row["audience"] in ("student", "clinician"):
        return "tutor"
    return "family"


def finalize(rows: list[dict], prefix: str, rng: random.Random) -> list[dict]:
    """Shuffle, assign ids, add system prompts to about a third, fix key order."""
    system_by_kind = system_prompts_by_kind()
    rows = list(rows)
    rng.shuffle(rows)
    with_sys = set(rng.sample(range(len(rows)), round(len(rows) / 3)))
    out = []
    for i, row in enumerate(rows):
        msgs = [dict(m) for m in row["messages"]]
        if i in with_sys:
            prompt = rng.choice(system_by_kind[_system_kind(row)])
            msgs.insert(0, {"role": "system", "content": prompt})
        new = {
            "id": f"{prefix}-{i + 1:04d}",
            "category": row["category"],
            "audience": row["audience"],
        }
        if "trait" in row:
            new["trait"] = row["trait"]
        new["messages"] = msgs
        if "tools" in row:
            new["tools"] = row["tools"]
        for k, v in row.items():  # internal bookkeeping (e.g. _topic), not written
            if k.startswith("_"):
                new[k] = v
        out.append(new)
    return out


def split(rows: list[dict], key: str, frac: float, rng: random.Random):
    """Deterministic stratified split; every stratum gets at least one val row."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: r["id"]):
        groups[r[key]].append(r)
    val_ids: set[str] = set()
    for g in sorted(groups):
        members = groups[g]
        k = max(1, round(frac * len(members)))
        val_ids.update(r["id"] for r in rng.sample(members, k))
    train = [r for r in sorted(rows, key=lambda r: r["id"]) if r["id"] not in val_ids]
    val = [r for r in sorted(rows, key=lambda r: r["id"]) if r["id"] in val_ids]
    return train, val


def build() -> dict[str, list[dict]]:
    """Return {relative_path: rows} for all output files. Pure and deterministic."""
    rng = random.Random(SEED)
    medical = (
        build_explain()
        + build_dosing(rng)
        + build_diagnosis()
        + build_labs(rng)
        + build_emergency()
        + build_tool_search()
        + build_multi_turn()
    )
    medical = finalize(medical, "medical_sft", rng)
    med_train, med_val = split(medical, "category", 0.11, rng)

    persona = finalize(build_persona(), "persona_sft", rng)
    per_train, per_val = split(persona, "trait", 0.10, rng)
    return {
        "medical_sft/train.jsonl": med_train,
        "medical_sft/val.jsonl": med_val,
        "persona_sft/train.jsonl": per_train,
        "persona_sft/val.jsonl": per_val,
    }


def main() -> int:
    outputs = build()
    for rel, rows in outputs.items():
        write_jsonl(DATA_DIR / rel, public_rows(rows))
    return self_check(outputs, build(), DATA_DIR)


if __name__ == "__main__":
    sys.exit(main())
