"""Build the shipped GRPO data (deterministic).

    python tools/build_grpo_data.py

1. medlab/assets/data/toy_triage/: a toy verifiable task for showing that GRPO learns on a
   tiny CPU model. Each prompt describes a presenting problem and asks for its triage level
   with FIXED options (A. emergency now, B. urgent same-day care, C. routine appointment,
   D. self-care at home); the gold letter is a function of the presenting problem. Files:
   - sft_train.jsonl: chat rows teaching the FORMAT only ("<think>The problem is ...</think>"
     then "Answer: X"); every prompt appears once with each of the four letters, so the SFT
     model restates the problem but is at chance (0.25) on the letter and cannot memorise one;
     GRPO has to learn problem -> level.
   - train.jsonl / val.jsonl: prompt rows {"prompt": [...], "answer": "A"}; val uses patient
     descriptions (ages, openings) never seen in train, with the same set of problems.
   The problems, people, openings and options live in tools/sources/grpo_data/toy_triage.yaml.
2. medlab/assets/data/medreason_sample/: the shipped MedMCQA-style questions rewritten in the
   UCSC-VLAA/MedReason schema (question, options as ONE string, answer text, reasoning).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tools.jsonl_files import write_jsonl  # noqa: E402
from tools.source_files import DATA_DIR, load_source  # noqa: E402

SEED = 1234
LETTERS = "ABCD"


def prompt(task: dict, person: str, problem: str, opening: str) -> list[dict[str, str]]:
    text = opening.format(person=person, problem=problem)
    return [{"role": "user", "content": f"{text}\n\n{task['options']}\n\n{task['instruction']}"}]


def triage_rows(task: dict, split: str) -> list[dict]:
    rows = []
    for letter, problems in task["problems"].items():
        for problem in problems:
            for person in task[split]["people"]:
                for opening in task[split]["openings"]:
                    rows.append(
                        {
                            "prompt": prompt(task, person, problem, opening),
                            "answer": letter,
                            "problem": problem,
                        }
                    )
    return rows


def format_reply(row: dict, letter: str) -> dict:
    """A chat row: the prompt plus a reply that restates the problem and picks `letter`."""
    answer = f"<think>\nThe problem is {row['problem']}.\n</think>\n\nAnswer: {letter}"
    return {"messages": row["prompt"] + [{"role": "assistant", "content": answer}]}


def build_toy(rng: random.Random) -> None:
    task = load_source("grpo_data", "toy_triage")
    train = triage_rows(task, "train")
    val = triage_rows(task, "val")
    rng.shuffle(train)
    rng.shuffle(val)
    # every prompt once with EACH letter: the letter carries no signal
    sft = [format_reply(row, letter) for row in train for letter in LETTERS]
    rng.shuffle(sft)
    write_jsonl(DATA_DIR / "toy_triage" / "sft_train.jsonl", sft)
    sft_val = [format_reply(row, letter) for row in val[:8] for letter in LETTERS]
    write_jsonl(DATA_DIR / "toy_triage" / "sft_val.jsonl", sft_val)
    write_jsonl(DATA_DIR / "toy_triage" / "train.jsonl", train)
    write_jsonl(DATA_DIR / "toy_triage" / "val.jsonl", val)


def build_medreason() -> None:
    for src, dst in (("train.jsonl", "train.jsonl"), ("validation.jsonl", "val.jsonl")):
        lines = (DATA_DIR / "medmcqa_sample" / src).read_text(encoding="utf-8").splitlines()
        rows = [json.loads(x) for x in lines if x.strip()]
        out = []
        for i, r in enumerate(rows):
            opts = [r["opa"], r["opb"], r["opc"], r["opd"]]
            options = "\n".join(f"{LETTERS[j]}. {o}" for j, o in enumerate(opts))
            out.append(
                {
                    "dataset_name": "medlab_sample",
                    "id_in_dataset": i,
                    "question": r["question"],
                    "options": "Answer Choices:\n" + options,
                    "answer": opts[r["cop"]],
                    "reasoning": r["exp"],
                }
            )
        write_jsonl(DATA_DIR / "medreason_sample" / dst, out)


if __name__ == "__main__":
    build_toy(random.Random(SEED))
    build_medreason()
    for path in sorted((DATA_DIR / "toy_triage").glob("*.jsonl")) + sorted(
        (DATA_DIR / "medreason_sample").glob("*.jsonl")
    ):
        print(path.relative_to(DATA_DIR), sum(1 for _ in path.open()))
