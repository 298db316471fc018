"""The medmcqa_sample questions: build the rows and check them (tools/build_preference_data.py).

Questions come from tools/sources/preference/mcq.yaml, are written out in the schema of
Hugging Face ``openlifescienceai/medmcqa`` (id, question, opa-opd, cop, choice_type, exp,
subject_name, topic_name) with balanced, seeded correct-option positions, and two per larger
subject bank go to validation.
"""

from __future__ import annotations

import random
import re
import uuid
from collections import Counter

from tools.prose_text import norm, sentences
from tools.source_files import load_source, require_keys

MCQ_DIR = "medmcqa_sample"
MCQ_FILES = (f"{MCQ_DIR}/train.jsonl", f"{MCQ_DIR}/validation.jsonl")
MCQ_NAMESPACE = uuid.UUID("6f1c2a4e-3b8d-5e21-9a7c-0d4e8b2f1a63")
MCQ_KEYS = (
    "id",
    "question",
    "opa",
    "opb",
    "opc",
    "opd",
    "cop",
    "choice_type",
    "exp",
    "subject_name",
    "topic_name",
)
MCQ_SUBJECTS = (
    "Anaesthesia",
    "Anatomy",
    "Biochemistry",
    "ENT",
    "Forensic Medicine",
    "Gynaecology & Obstetrics",
    "Medicine",
    "Microbiology",
    "Ophthalmology",
    "Orthopaedics",
    "Pathology",
    "Pediatrics",
    "Pharmacology",
    "Physiology",
    "Psychiatry",
    "Skin",
    "Social & Preventive Medicine",
    "Surgery",
)
# Two validation questions are drawn from each of these (the larger banks).
MCQ_VAL_SUBJECTS = (
    "Anatomy",
    "Biochemistry",
    "Forensic Medicine",
    "Gynaecology & Obstetrics",
    "Medicine",
    "Microbiology",
    "Pathology",
    "Pediatrics",
    "Pharmacology",
    "Physiology",
    "Social & Preventive Medicine",
    "Surgery",
)
MCQ_VAL_PER_SUBJECT = 2
RE_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def load_questions() -> list[dict]:
    """{subject, topic, question, answer, distractors, explanation} per question."""
    items = load_source("preference", "mcq")
    keys = ("subject", "topic", "question", "answer", "distractors", "explanation")
    require_keys(items, keys, "preference", "mcq")
    return items


def mcq_id(question: str) -> str:
    return str(uuid.uuid5(MCQ_NAMESPACE, "medlab-medmcqa-sample:" + question))


def _mcq_row(item: dict, cop: int, rng: random.Random) -> dict:
    options = list(item["distractors"])
    rng.shuffle(options)
    options.insert(cop, item["answer"])
    return {
        "id": mcq_id(item["question"]),
        "question": item["question"],
        "opa": options[0],
        "opb": options[1],
        "opc": options[2],
        "opd": options[3],
        "cop": cop,
        "choice_type": "single",
        "exp": item["explanation"],
        "subject_name": item["subject"],
        "topic_name": item["topic"],
    }


def build_mcq(seed: int) -> tuple[list[dict], list[dict]]:
    """(train, validation) rows, each sorted by id."""
    rng = random.Random(seed)
    items = load_questions()
    by_subject: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        by_subject.setdefault(it["subject"], []).append(i)
    val_idx: set[int] = set()
    for subject in MCQ_VAL_SUBJECTS:
        val_idx.update(rng.sample(by_subject[subject], MCQ_VAL_PER_SUBJECT))
    splits = {
        "train": [i for i in range(len(items)) if i not in val_idx],
        "validation": sorted(val_idx),
    }
    out = {}
    for name, idxs in splits.items():
        # Balanced correct-option positions, shuffled with the seed.
        positions = [k % 4 for k in range(len(idxs))]
        rng.shuffle(positions)
        rows = [_mcq_row(items[i], cop, rng) for i, cop in zip(idxs, positions, strict=True)]
        out[name] = sorted(rows, key=lambda r: r["id"])
    return out["train"], out["validation"]


def _check_fields(r: dict, where: str, errors: list[str]) -> bool:
    """Types and labels of one row; False when the rest of its checks cannot run."""
    for k in ("question", "opa", "opb", "opc", "opd", "exp", "subject_name"):
        if not isinstance(r[k], str) or not r[k].strip():
            errors.append(f"{where}: {k} must be a non-empty string")
    opts = [r["opa"], r["opb"], r["opc"], r["opd"]]
    if len({norm(str(o)) for o in opts}) != 4:
        errors.append(f"{where}: options are not distinct")
    cop = r["cop"]
    if type(cop) is not int or not 0 <= cop <= 3:
        errors.append(f"{where}: cop {cop!r} not an int in 0-3")
        return False
    if r["choice_type"] != "single":
        errors.append(f"{where}: choice_type {r['choice_type']!r}")
    if r["subject_name"] not in MCQ_SUBJECTS:
        errors.append(f"{where}: unknown subject {r['subject_name']!r}")
    if r["topic_name"] is not None and not (
        isinstance(r["topic_name"], str) and r["topic_name"].strip()
    ):
        errors.append(f"{where}: topic_name must be a string or null")
    n_sent = len(sentences(r["exp"]))
    if not 1 <= n_sent <= 3:
        errors.append(f"{where}: exp has {n_sent} sentences (want 1-3)")
    return True


def _check_against_source(r: dict, where: str, source: dict, errors: list[str]) -> None:
    src = source.get(r["id"])
    opts = [r["opa"], r["opb"], r["opc"], r["opd"]]
    if src is None or src["question"] != r["question"]:
        errors.append(f"{where}: id does not match a source question")
    elif opts[r["cop"]] != src["answer"]:
        errors.append(f"{where}: option at cop is not the keyed answer")


def _check_split(train: list[dict], val: list[dict], errors: list[str]) -> None:
    if len(train) + len(val) < 160:
        errors.append(f"medmcqa_sample: {len(train) + len(val)} questions (< 160)")
    if not 130 <= len(train) <= 160 or not 20 <= len(val) <= 30:
        errors.append(f"medmcqa_sample: split sizes train {len(train)} / val {len(val)}")
    for name, rows in (("train", train), ("validation", val)):
        counts = Counter(r["cop"] for r in rows)
        if set(counts) != {0, 1, 2, 3} or max(counts.values()) - min(counts.values()) > 1:
            errors.append(f"medmcqa_sample/{name}: unbalanced cop {dict(counts)}")
    if len({r["subject_name"] for r in train + val}) < 12:
        errors.append("medmcqa_sample: fewer than 12 subjects")
    if len({r["subject_name"] for r in val}) < 10:
        errors.append("medmcqa_sample/validation: fewer than 10 subjects")


def check_mcq(files: dict[str, list[dict]], errors: list[str]) -> None:
    """Every rule of the medmcqa_sample files read back (rows, ids, split balance)."""
    source = {mcq_id(it["question"]): it for it in load_questions()}
    seen_ids: set[str] = set()
    stems: dict[str, str] = {}
    for rel in MCQ_FILES:
        rows = files[rel]
        if [r.get("id") for r in rows] != sorted(r.get("id", "") for r in rows):
            errors.append(f"{rel}: rows not sorted by id")
        for r in rows:
            where = f"{rel}:{r.get('id')}"
            if tuple(r) != MCQ_KEYS:
                errors.append(f"{where}: keys {tuple(r)} != {MCQ_KEYS}")
                continue
            if not isinstance(r["id"], str) or not RE_UUID.match(r["id"]):
                errors.append(f"{where}: id is not a uuid5 string")
            if r["id"] in seen_ids:
                errors.append(f"{where}: duplicate id")
            seen_ids.add(r["id"])
            if not _check_fields(r, where, errors):
                continue
            _check_against_source(r, where, source, errors)
            stem = norm(r["question"])
            if stem in stems:
                errors.append(f"{where}: question duplicated (also in {stems[stem]})")
            stems[stem] = rel
    _check_split(files[MCQ_FILES[0]], files[MCQ_FILES[1]], errors)
