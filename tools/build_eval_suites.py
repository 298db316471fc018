#!/usr/bin/env python3
"""Build medlab's frozen evaluation suites (policy + persona) for the LLM judge.

Run from the repository root:

    python tools/build_eval_suites.py           # (re)write the suites and their README
    python tools/build_eval_suites.py --check   # only verify the shipped files are up to date

It writes, deterministically (no randomness, no timestamps):

    medlab/assets/eval_suites/policy_suite.jsonl
        Policy regression prompts labelled with category (dosing, diagnosis,
        lab_interpretation, emergency, adversarial, education), expected mode (answer,
        refuse_redirect, escalate) and audience. Mode is not a function of category: general
        dosing / lab education is `answer`, overdoses and red-flag symptoms are `escalate`.
    medlab/assets/eval_suites/persona_suite.jsonl
        Persona prompts (single- and multi-turn, prior assistant turns included) labelled with
        the persona dimensions they stress.
    medlab/assets/eval_suites/README.md
        Schema, counts per category / mode / audience and fingerprints, all computed here
        (from tools/sources/eval_suites/suites_readme.template.md).

The items live in tools/sources/eval_suites/{policy,persona}.yaml. They are interleaved across
categories (policy) and single/multi-turn (persona) so that `eval.suites.*.limit=N` still
covers every category. Then it re-reads the files with `medlab.evaluation.suites.load_suite`
and runs a self-check (tools/eval_suites_check.py: counts, every label present, no prompt
shared with the training data in medlab/assets/data, 8-word shingles included).

The prose was written for medlab (not copied from any data set) as general medical education;
no clinician has reviewed it. The suites are frozen: editing any item changes the fingerprint
that every evaluation report prints, so results before and after an edit are not comparable.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from medlab.atomic_files import atomic_write_text  # noqa: E402
from medlab.evaluation.suites import (  # noqa: E402
    AUDIENCES,
    MODES,
    PERSONA_DIMENSIONS,
    POLICY_CATEGORIES,
    SuiteItem,
    load_suite,
    suite_fingerprint,
)
from tools.eval_suites_check import self_check  # noqa: E402
from tools.jsonl_files import jsonl_text  # noqa: E402
from tools.source_files import SOURCES_DIR, load_source, require_keys  # noqa: E402

OUT_DIR = REPO_ROOT / "medlab" / "assets" / "eval_suites"
README_TEMPLATE = SOURCES_DIR / "eval_suites" / "suites_readme.template.md"


def _messages(item: dict) -> list[dict]:
    """A single `prompt`, or alternating user / assistant `turns` starting with the user."""
    texts = [item["prompt"]] if "prompt" in item else item["turns"]
    return [
        {"role": "user" if i % 2 == 0 else "assistant", "content": t} for i, t in enumerate(texts)
    ]


def interleave(groups: list[list[dict]]) -> list[dict]:
    """Spread the groups evenly through one list (stable; group i's k-th row sits at relative
    position (k + 0.5) / len(group)), so any prefix samples every group."""
    keyed = [((k + 0.5) / len(g), i, row) for i, g in enumerate(groups) for k, row in enumerate(g)]
    return [row for _, _, row in sorted(keyed, key=lambda t: (t[0], t[1]))]


def build_policy() -> list[dict]:
    source = load_source("eval_suites", "policy")
    groups = []
    for category in POLICY_CATEGORIES:
        items = source[category]
        require_keys(items, ("audience", "expected_mode", "notes"), "eval_suites", "policy")
        groups.append(
            [
                {
                    "id": f"policy-{category}-{k:03d}",
                    "suite": "policy",
                    "messages": _messages(item),
                    "audience": item["audience"],
                    "category": category,
                    "expected_mode": item["expected_mode"],
                    "notes": item["notes"],
                }
                for k, item in enumerate(items, start=1)
            ]
        )
    return interleave(groups)


def build_persona() -> list[dict]:
    items = load_source("eval_suites", "persona")
    require_keys(items, ("audience", "focus", "notes"), "eval_suites", "persona")
    groups: list[list[dict]] = [[], []]
    for k, item in enumerate(items, start=1):
        row = {
            "id": f"persona-{k:03d}",
            "suite": "persona",
            "messages": _messages(item),
            "audience": item["audience"],
            "focus": list(item["focus"]),
            "notes": item["notes"],
        }
        groups[0 if "prompt" in item else 1].append(row)
    return interleave(groups)


def _table(title: str, counter: Counter, order: tuple[str, ...]) -> str:
    lines = [f"| {title} | items |", "|---|---|"]
    lines += [f"| {key} | {counter.get(key, 0)} |" for key in order]
    lines.append(f"| total | {sum(counter.values())} |")
    return "\n".join(lines)


def _cross_table(items: list[SuiteItem]) -> str:
    head = "| category | " + " | ".join(MODES) + " | total |"
    lines = [head, "|---" * (len(MODES) + 2) + "|"]
    for category in POLICY_CATEGORIES:
        cells = [
            sum(1 for i in items if i.category == category and i.expected_mode == m) for m in MODES
        ]
        lines.append(f"| {category} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    totals = [sum(1 for i in items if i.expected_mode == m) for m in MODES]
    lines.append("| total | " + " | ".join(map(str, totals)) + f" | {len(items)} |")
    return "\n".join(lines)


def render_readme(policy: list[SuiteItem], persona: list[SuiteItem]) -> str:
    focus = Counter(dim for item in persona for dim in item.focus)
    return README_TEMPLATE.read_text(encoding="utf-8").format(
        n_policy=len(policy),
        n_persona=len(persona),
        policy_multi=sum(i.multi_turn for i in policy),
        persona_multi=sum(i.multi_turn for i in persona),
        policy_fp=suite_fingerprint(policy),
        persona_fp=suite_fingerprint(persona),
        cross=_cross_table(policy),
        policy_audience=_table("audience", Counter(i.audience for i in policy), AUDIENCES),
        persona_audience=_table("audience", Counter(i.audience for i in persona), AUDIENCES),
        focus=_table("focus dimension", focus, PERSONA_DIMENSIONS).replace(
            f"| total | {sum(focus.values())} |", f"| (items) | {len(persona)} |"
        ),
    )


def build_outputs() -> dict[str, str]:
    """File name -> exact text of every shipped file (README counts come from the loader)."""
    return {
        "policy_suite.jsonl": jsonl_text(build_policy()),
        "persona_suite.jsonl": jsonl_text(build_persona()),
    }


def _stale(texts: dict[str, str]) -> list[str]:
    return [
        name
        for name, text in texts.items()
        if not (OUT_DIR / name).is_file() or (OUT_DIR / name).read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    texts = build_outputs()
    if not check_only:
        for name, text in texts.items():
            atomic_write_text(OUT_DIR / name, text)
    policy = load_suite(OUT_DIR / "policy_suite.jsonl", "policy")
    persona = load_suite(OUT_DIR / "persona_suite.jsonl", "persona")
    readme = render_readme(policy, persona)
    if check_only:
        stale = _stale({**texts, "README.md": readme})
        if stale:
            print(f"stale: {stale}; run python tools/build_eval_suites.py", file=sys.stderr)
            return 1
    else:
        atomic_write_text(OUT_DIR / "README.md", readme)
    errors = self_check(policy, persona)
    for error in errors:
        print(f"ERROR: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
