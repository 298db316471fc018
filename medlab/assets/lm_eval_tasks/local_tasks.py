"""Dataset loaders and prompt / scoring functions of medlab's offline lm-eval tasks.

lm-eval imports this file through the `!function local_tasks.<name>` tags of the YAML files next
to it. The loaders read the JSONL samples shipped in medlab/assets/data with paths resolved from
this file's location, so the tasks work from any working directory (lm-eval's own
`dataset_kwargs: {data_files: ...}` would resolve relative paths against the current directory).
Each loader also accepts `data_dir=DIR` (a directory holding the same file names, e.g. a larger
local export) through the task's `dataset_kwargs`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from datasets import Dataset, DatasetDict

from medlab.data.grpo_prompts import medreason_row, parse_option_lines
from medlab.errors import DataError
from medlab.rewards.answer_parsing import extract_choice

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
MEDMCQA_FILES = {"train": "train.jsonl", "validation": "validation.jsonl"}
MEDREASON_FILES = {"train": "train.jsonl", "validation": "val.jsonl"}


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise DataError(f"{path}: lm-eval task data file not found. Check the task's data_dir.")
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"{path}:{line_no}: not valid JSON ({exc.msg}).") from exc
            if not isinstance(row, dict):
                raise DataError(f"{path}:{line_no}: expected a JSON object per line.")
            rows.append(row)
    return rows


def load_medmcqa_sample(data_dir: str | None = None, **_: Any) -> DatasetDict:
    """MedMCQA-schema rows (question, opa..opd, cop 0-3): train (few-shot) and validation."""
    root = Path(data_dir) if data_dir else DATA_DIR / "medmcqa_sample"
    splits = {}
    for split, name in MEDMCQA_FILES.items():
        rows = _read_jsonl(root / name)
        for line_no, row in enumerate(rows, start=1):
            missing = [k for k in ("question", "opa", "opb", "opc", "opd") if k not in row]
            if missing or row.get("cop") not in (0, 1, 2, 3):
                raise DataError(
                    f"{root / name}:{line_no}: MedMCQA rows need question, opa..opd and "
                    f"cop in 0-3 (missing {missing or ['cop']})."
                )
        splits[split] = Dataset.from_list(rows)
    return DatasetDict(splits)


def medmcqa_doc_to_text(doc: dict[str, Any]) -> str:
    """The prompt of lm-eval's built-in `medmcqa` task (lm_eval/tasks/medmcqa/utils_medmcqa.py):

    Question: <question>\\nChoices:\\nA. <opa>\\nB. <opb>\\nC. <opc>\\nD. <opd>\\nAnswer:
    """
    prompt = "Question: " + doc["question"] + "\nChoices:\n"
    for letter, key in zip("ABCD", ("opa", "opb", "opc", "opd"), strict=True):
        prompt += f"{letter}. {doc[key]}\n"
    return prompt + "Answer:"


def _medreason_doc(row: dict[str, Any], where: str) -> dict[str, Any]:
    prompt_row = medreason_row(row, where)  # validates the row and builds the GRPO prompt
    options = parse_option_lines(row["options"])
    # An answer that is exactly one option's text names that option, even when the text starts
    # with a capital letter and a space ("A warm, moist environment" is option B, not letter A).
    by_text = [
        k for k, text in options.items() if text.strip().lower() == row["answer"].strip().lower()
    ]
    gold = by_text[0] if len(by_text) == 1 else prompt_row.answer
    reasoning = str(row.get("reasoning") or "").strip()
    think = f"<think>\n{reasoning}\n</think>\n\n" if reasoning else ""
    return {
        "prompt": prompt_row.messages[-1]["content"],
        "gold": gold,
        "letters": "".join(sorted(options)),
        "fewshot_answer": f"{think}Answer: {gold}",
    }


def load_medreason_sample(data_dir: str | None = None, **_: Any) -> DatasetDict:
    """MedReason-schema rows turned into {prompt, gold, letters, fewshot_answer} docs.

    `prompt` is the GRPO stage's prompt (question, options, then the instruction
    "...give the final answer on its own line as 'Answer: <letter>'"), so a GRPO-trained
    checkpoint is evaluated in the format it was trained on.
    """
    root = Path(data_dir) if data_dir else DATA_DIR / "medreason_sample"
    splits = {}
    for split, name in MEDREASON_FILES.items():
        rows = _read_jsonl(root / name)
        docs = [_medreason_doc(row, f"{root / name}:{i}") for i, row in enumerate(rows, start=1)]
        splits[split] = Dataset.from_list(docs)
    return DatasetDict(splits)


def medreason_process_results(doc: dict[str, Any], results: list[str]) -> dict[str, float]:
    """acc: the extracted final letter equals the gold letter; answered: a letter was found.

    Letters are read with medlab.rewards.answer_parsing.extract_choice (the GRPO reward's parser:
    the last explicit answer statement after any </think>; hedging gives no letter).
    """
    choice = extract_choice(results[0], letters=doc["letters"])
    return {"acc": float(choice == doc["gold"]), "answered": float(choice is not None)}
