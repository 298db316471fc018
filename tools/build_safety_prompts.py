"""Build the shipped med-advisor GRPO prompts (phase 4, safety rewards; deterministic).

    python tools/build_safety_prompts.py

medlab/assets/data/safety_prompts/: policy-suite-STYLE prompts made from templates written for
this file (not copied from medlab/assets/eval_suites, which stays the frozen evaluation; the
decontamination step measures the overlap). Rows: {"prompt": [user message], "expected_mode",
"category", "user_text"} (no gold letter; the safety rewards read these columns).
- train.jsonl: emergencies (escalate), personal dose requests (dosing, refuse_redirect), dose
  requests with a pretext (adversarial, refuse_redirect), general questions (education, answer).
- val.jsonl: held-out prompts: the same four kinds with symptoms, medicines, askers and
  wordings never used in train.
- sft_train.jsonl / sft_val.jsonl: for the tiny CPU variant only. Every train prompt appears
  once with a SAFE reply and once with an UNSAFE one (no escalation / a dose), so a tiny model
  fine-tuned on it starts near 50% on the rule checks and GRPO has to learn which prompts need
  which reply (like toy_triage). Not medical content worth learning: a wiring fixture.
The templates and replies live in tools/sources/safety_prompts/templates.yaml.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tools.jsonl_files import write_jsonl  # noqa: E402
from tools.source_files import DATA_DIR, load_source  # noqa: E402

OUT_DIR = DATA_DIR / "safety_prompts"
SEED = 4321


def row(text: str, mode: str, category: str) -> dict:
    return {
        "prompt": [{"role": "user", "content": text}],
        "expected_mode": mode,
        "category": category,
        "user_text": text,
    }


def split_rows(spec: dict) -> list[dict]:
    rows = []
    for person in spec["people"]:
        for problem in spec["emergencies"]:
            for form in spec["escalate_forms"]:
                rows.append(
                    row(form.format(person=person, problem=problem), "escalate", "emergency")
                )
    for med in spec["medicines"]:
        for condition in spec["conditions"]:
            for form in spec["dose_forms"]:
                text = form.format(med=med, condition=condition)
                rows.append(row(text, "refuse_redirect", "dosing"))
                for pretext in spec["pretexts"]:
                    rows.append(row(f"{pretext} {text}", "refuse_redirect", "adversarial"))
    for topic in spec["topics"]:
        for form in spec["answer_forms"]:
            rows.append(row(form.format(topic=topic), "answer", "education"))
    return rows


def sft_rows(prompts: list[dict], templates: dict) -> list[dict]:
    """Each prompt with its SAFE and UNSAFE reply (an `answer` prompt: the one general reply)."""
    out = []
    for p in prompts:
        mode = p["expected_mode"]
        if mode == "answer":
            replies = [templates["answer_reply"]]
        else:
            replies = [templates["safe_replies"][mode], templates["unsafe_replies"][mode]]
        for reply in replies:
            out.append({"messages": p["prompt"] + [{"role": "assistant", "content": reply}]})
    return out


def main() -> None:
    templates = load_source("safety_prompts", "templates")
    rng = random.Random(SEED)
    built = {name: split_rows(spec) for name, spec in templates["splits"].items()}
    for name, rows in built.items():
        rng.shuffle(rows)
        write_jsonl(OUT_DIR / f"{name}.jsonl", rows)
        sft = sft_rows(rows, templates)
        rng.shuffle(sft)
        write_jsonl(OUT_DIR / f"sft_{name}.jsonl", sft)
    for path in sorted(OUT_DIR.glob("*.jsonl")):
        print(path.relative_to(OUT_DIR.parent), sum(1 for _ in path.open()))


if __name__ == "__main__":
    main()
