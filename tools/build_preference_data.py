#!/usr/bin/env python3
"""Build medlab's shipped sample data for the preference / MCQ stages.

Run from the repository root:

    python tools/build_preference_data.py

It (re)writes, deterministically (fixed seed, rows sorted by id, no timestamps):

    medlab/assets/data/medmcqa_sample/{train,validation}.jsonl
        Original single-answer questions in the schema of Hugging Face
        ``openlifescienceai/medmcqa`` (id, question, opa, opb, opc, opd, cop,
        choice_type, exp, subject_name, topic_name). Written for medlab; not
        copied from the real data set. Built by tools/mcq_sample.py.

    medlab/assets/data/policy_dpo/{train,val}.jsonl
        Conversational preference pairs for the med-advisor phase-3 DPO stage
        (policy boundaries): {"id", "category", "prompt", "chosen", "rejected"},
        where prompt is a list of chat messages ending with a user turn and
        chosen / rejected are one assistant message each. Built by
        tools/policy_dpo_pairs.py.

and then re-reads the files and runs a self-check (tools/mcq_sample.py,
tools/policy_dpo_check.py) that validates every rule and prints counts per
file, category and correct-option index.

The prose lives in tools/sources/preference/*.yaml (mcq.yaml, one file per DPO
category with its phrasing templates, system_prompts.yaml). It is hand-written
general medical education. The "rejected" answers are deliberately bad
(personal doses, diagnoses, interpretations of personal results, missed
escalation, jailbreak compliance, over-refusal): they exist only as negative
examples for preference training.
"""

from __future__ import annotations

import hashlib
import statistics
import sys
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from medlab.evaluation.suites import POLICY_CATEGORIES  # noqa: E402
from tools.jsonl_files import jsonl_text, read_jsonl, write_jsonl  # noqa: E402
from tools.mcq_sample import MCQ_FILES, build_mcq, check_mcq  # noqa: E402
from tools.policy_dpo_check import check_dpo  # noqa: E402
from tools.policy_dpo_pairs import DPO_FILES, build_dpo  # noqa: E402
from tools.source_files import DATA_DIR  # noqa: E402

SEED = 20240611


def build() -> dict[str, list[dict]]:
    mcq_train, mcq_val = build_mcq(SEED)
    dpo_train, dpo_val = build_dpo(SEED)
    return {
        MCQ_FILES[0]: mcq_train,
        MCQ_FILES[1]: mcq_val,
        DPO_FILES[0]: dpo_train,
        DPO_FILES[1]: dpo_val,
    }


def _print_mcq(mtr: list[dict], mva: list[dict]) -> None:
    print("medmcqa_sample:")
    for name, rows in (("train", mtr), ("validation", mva)):
        cop = Counter(r.get("cop") for r in rows)
        print(
            f"  {name:10s} {len(rows):4d} rows; cop " + ", ".join(f"{k}={cop[k]}" for k in range(4))
        )
    subj_tr, subj_va = (
        Counter(r["subject_name"] for r in mtr),
        Counter(r["subject_name"] for r in mva),
    )
    print(f"  subjects ({len(set(subj_tr) | set(subj_va))}), train / validation:")
    for s in sorted(set(subj_tr) | set(subj_va)):
        print(f"    {s:30s} {subj_tr[s]:3d} {subj_va[s]:3d}")
    print(f"  null topic_name: {sum(r['topic_name'] is None for r in mtr + mva)}")


def _print_dpo(dtr: list[dict], dva: list[dict], stats: dict) -> None:
    ctr, cva = Counter(r["category"] for r in dtr), Counter(r["category"] for r in dva)
    print("policy_dpo (train / val / total):")
    for c in POLICY_CATEGORIES:
        print(f"    {c:20s} {ctr[c]:4d} {cva[c]:4d} {ctr[c] + cva[c]:5d}")
    print(f"    {'TOTAL':20s} {len(dtr):4d} {len(dva):4d} {len(dtr) + len(dva):5d}")
    if not stats["cwords"]:
        return
    print(
        f"  val fraction {stats['frac']:.3f}; system-prompt share {stats['share']:.2f}; "
        f"multi-turn prompts {stats['multi']}"
    )
    print(
        f"  words: chosen {min(stats['cwords'])}-{max(stats['cwords'])} "
        f"(median {statistics.median(stats['cwords']):.0f}), rejected "
        f"{min(stats['rwords'])}-{max(stats['rwords'])} "
        f"(median {statistics.median(stats['rwords']):.0f}); rejected/chosen ratio "
        f"{min(stats['ratio']):.2f}-{max(stats['ratio']):.2f} "
        f"(median {statistics.median(stats['ratio']):.2f})"
    )


def _print_sizes(files: dict[str, list[dict]], sizes: dict[str, int]) -> None:
    print("File sizes:")
    for rel, size in sizes.items():
        digest = hashlib.sha256((DATA_DIR / rel).read_bytes()).hexdigest()[:12]
        print(f"  {rel:30s} {size:9,d} bytes  {len(files[rel]):4d} rows  sha256 {digest}")
    print(f"  {'TOTAL':30s} {sum(sizes.values()):9,d} bytes")


def self_check(outputs: dict[str, list[dict]]) -> int:
    """Re-read the written files, validate every rule, print the counts; 1 on any problem."""
    errors: list[str] = []
    files = {rel: read_jsonl(DATA_DIR / rel, rel, errors) for rel in outputs}
    # Determinism: a second build must serialise to the same bytes as the files.
    rebuilt = build()
    for rel in outputs:
        if jsonl_text(rebuilt[rel]).encode("utf-8") != (DATA_DIR / rel).read_bytes():
            errors.append(f"{rel}: a second build differs from the file (non-deterministic)")
    check_mcq(files, errors)
    stats = check_dpo(files, errors)
    sizes = {rel: (DATA_DIR / rel).stat().st_size for rel in outputs}
    if sum(sizes.values()) > 1_000_000:
        errors.append(f"total size {sum(sizes.values())} bytes exceeds 1 MB")
    _print_mcq(files[MCQ_FILES[0]], files[MCQ_FILES[1]])
    _print_dpo(files[DPO_FILES[0]], files[DPO_FILES[1]], stats)
    _print_sizes(files, sizes)
    if errors:
        print(f"\nSELF-CHECK FAILED ({len(errors)} problems):")
        for e in errors[:60]:
            print("  - " + e)
        return 1
    print("\nSelf-check passed.")
    return 0


def main() -> int:
    outputs = build()
    for rel, rows in outputs.items():
        write_jsonl(DATA_DIR / rel, rows)
    return self_check(outputs)


if __name__ == "__main__":
    sys.exit(main())
