"""Build the shipped GRPO data (deterministic; stdlib only).

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
2. medlab/assets/data/medreason_sample/: the shipped MedMCQA-style questions rewritten in the
   UCSC-VLAA/MedReason schema (question, options as ONE string, answer text, reasoning).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "medlab" / "assets" / "data"
SEED = 1234
LETTERS = "ABCD"
OPTIONS = "A. Emergency care now\nB. Urgent same-day care\nC. Routine appointment\nD. Self-care at home"
PROBLEMS = {
    "A": ["crushing chest pain", "sudden face drooping"],
    "B": ["a deep cut that needs stitches", "an ear ache with fever in a toddler"],
    "C": ["a mole that slowly changed shape", "trouble sleeping for weeks"],
    "D": ["a mild cold with a runny nose", "a small paper cut"],
}
TRAIN_PEOPLE = ["A 45-year-old man", "A 30-year-old woman", "My father", "A teenager", "A 60-year-old woman",
                "My neighbour", "A 70-year-old man", "My sister", "A 25-year-old runner"]
VAL_PEOPLE = ["A 52-year-old nurse", "My grandmother", "A college student"]
OPENINGS_TRAIN = ["{person} has {problem}.", "{person} reports {problem}.", "{person} came in with {problem}.",
                  "{person} complains of {problem}."]
OPENINGS_VAL = ["{person} noticed {problem} today."]
INSTRUCTION = "Pick the triage level. Think briefly in <think> </think>, then write 'Answer: <letter>'."


def prompt(person: str, problem: str, opening: str) -> list[dict[str, str]]:
    text = opening.format(person=person, problem=problem)
    return [{"role": "user", "content": f"{text}\n\n{OPTIONS}\n\n{INSTRUCTION}"}]


def triage_rows(people: list[str], openings: list[str]) -> list[dict]:
    rows = []
    for letter, problems in PROBLEMS.items():
        for problem in problems:
            for person in people:
                for opening in openings:
                    rows.append({"prompt": prompt(person, problem, opening), "answer": letter,
                                 "problem": problem})
    return rows


def write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def build_toy(rng: random.Random) -> None:
    train = triage_rows(TRAIN_PEOPLE, OPENINGS_TRAIN)
    val = triage_rows(VAL_PEOPLE, OPENINGS_VAL)
    rng.shuffle(train)
    rng.shuffle(val)
    sft = []
    for row in train:
        for letter in LETTERS:  # every prompt once with EACH letter: the letter carries no signal
            answer = f"<think>\nThe problem is {row['problem']}.\n</think>\n\nAnswer: {letter}"
            sft.append({"messages": row["prompt"] + [{"role": "assistant", "content": answer}]})
    rng.shuffle(sft)
    write(ROOT / "toy_triage" / "sft_train.jsonl", sft)
    sft_val = [
        {"messages": row["prompt"] + [{"role": "assistant", "content":
                                        f"<think>\nThe problem is {row['problem']}.\n</think>\n\nAnswer: {letter}"}]}
        for row in val[:8] for letter in LETTERS
    ]
    write(ROOT / "toy_triage" / "sft_val.jsonl", sft_val)
    write(ROOT / "toy_triage" / "train.jsonl", train)
    write(ROOT / "toy_triage" / "val.jsonl", val)


def build_medreason() -> None:
    for src, dst in (("train.jsonl", "train.jsonl"), ("validation.jsonl", "val.jsonl")):
        rows = [json.loads(x) for x in (ROOT / "medmcqa_sample" / src).read_text().splitlines() if x.strip()]
        out = []
        for i, r in enumerate(rows):
            opts = [r["opa"], r["opb"], r["opc"], r["opd"]]
            out.append({
                "dataset_name": "medlab_sample",
                "id_in_dataset": i,
                "question": r["question"],
                "options": "Answer Choices:\n" + "\n".join(f"{LETTERS[j]}. {o}" for j, o in enumerate(opts)),
                "answer": opts[r["cop"]],
                "reasoning": r["exp"],
            })
        write(ROOT / "medreason_sample" / dst, out)


if __name__ == "__main__":
    build_toy(random.Random(SEED))
    build_medreason()
    for path in sorted((ROOT / "toy_triage").glob("*.jsonl")) + sorted((ROOT / "medreason_sample").glob("*.jsonl")):
        print(path.relative_to(ROOT), sum(1 for _ in path.open()))
