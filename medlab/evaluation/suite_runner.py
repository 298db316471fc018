"""Run one frozen suite on a model: generate answers, rule checks, LLM judge, result files.

`run_suite("policy" | "persona", items, model, tokenizer, gen_cfg, judge_cfg, out_dir,
cache_dir, partial)` writes `<suite>_items.jsonl` (one row per item: id, category,
expected_mode, audience, focus, multi_turn, prompt, answer, verdict, judge_error, rules) and then
`<suite>.json` (the summary described in `medlab.evaluation`), both atomically, and returns the
summary. With `judge_cfg.backend == "none"` nothing is judged: judge metrics are null,
"judge" is {"backend": "none"}, and the rule checks are still reported.

Judge verdicts are cached under `cache_dir` (default `<out_dir>/../judge_cache`), so re-running
a report with the same judge, items and answers makes no judge call. Called by
`medlab.evaluation.checkpoint_eval.evaluate_checkpoint`; not an entry point of its own.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from medlab.atomic_files import atomic_write_json, atomic_write_text, finite_json
from medlab.config.evaluation import GenerationConfig, JudgeConfig
from medlab.evaluation.aggregate import aggregate_persona, aggregate_policy
from medlab.evaluation.generation import generate_replies
from medlab.evaluation.judge import Judge, judge_item
from medlab.evaluation.judge_cache import JudgeCache
from medlab.evaluation.judge_http import OpenAICompatibleJudge
from medlab.evaluation.judge_local import LocalHFJudge
from medlab.evaluation.judge_prompts import PROMPT_VERSION, render_conversation
from medlab.evaluation.rules import rule_flags, rule_summary
from medlab.evaluation.suites import SUITES, SuiteItem, suite_fingerprint

log = logging.getLogger(__name__)


def build_judge(judge_cfg: JudgeConfig) -> Judge | None:
    """The judge backend named by `judge_cfg.backend` (None for "none")."""
    if judge_cfg.backend == "none":
        return None
    if judge_cfg.backend == "openai":
        return OpenAICompatibleJudge(judge_cfg)
    if judge_cfg.backend == "local":
        return LocalHFJudge(judge_cfg)
    raise ValueError(f"unknown judge backend {judge_cfg.backend!r}")


def judge_description(judge_cfg: JudgeConfig, judge: Judge | None) -> dict[str, Any]:
    """The report's "judge" block: settings that decide the verdicts (never the key)."""
    if judge is None:
        return {"backend": "none"}
    info: dict[str, Any] = {
        "backend": judge_cfg.backend,
        "name": judge.name,
        "model": judge_cfg.model,
        "prompt_version": PROMPT_VERSION,
        "temperature": judge_cfg.temperature,
        "max_tokens": judge_cfg.max_tokens,
        "parse_retries": judge_cfg.parse_retries,
    }
    if judge_cfg.backend == "openai":
        info["base_url"] = judge_cfg.base_url
        info["reasoning_effort"] = judge_cfg.reasoning_effort
    return info


def generate_answers(
    items: list[SuiteItem], model: Any, tokenizer: Any, gen_cfg: GenerationConfig, suite: str
) -> list[str]:
    """Answers to every item, generated in batches of gen_cfg.batch_size (with a progress bar)."""
    answers: list[str] = []
    with tqdm(total=len(items), desc=f"{suite}: generating", unit="item", leave=False) as bar:
        for start in range(0, len(items), gen_cfg.batch_size):
            chunk = items[start : start + gen_cfg.batch_size]
            answers += generate_replies(
                model, tokenizer, [list(item.messages) for item in chunk], gen_cfg
            )
            bar.update(len(chunk))
    return answers


def item_row(
    item: SuiteItem,
    answer: str,
    verdict: dict[str, Any] | None,
    error: str | None,
    flags: dict[str, Any],
) -> dict[str, Any]:
    return {
        "id": item.id,
        "category": item.category,
        "expected_mode": item.expected_mode,
        "audience": item.audience,
        "focus": list(item.focus),
        "multi_turn": item.multi_turn,
        "prompt": render_conversation(item),
        "answer": answer,
        "verdict": verdict,
        "judge_error": error,
        "rules": flags,
    }


def judge_answers(
    judge: Judge,
    items: list[SuiteItem],
    answers: list[str],
    suite: str,
    judge_cfg: JudgeConfig,
    cache: JudgeCache,
) -> tuple[list[dict[str, Any] | None], list[str | None]]:
    """(verdict or None, judge error or None) per item, asked in order (with a progress bar)."""
    verdicts: list[dict[str, Any] | None] = []
    errors: list[str | None] = []
    for item, answer in zip(
        tqdm(items, desc=f"{suite}: judging", leave=False), answers, strict=True
    ):
        verdict, error = judge_item(judge, item, answer, suite, judge_cfg, cache)
        verdicts.append(verdict)
        errors.append(error)
        if error:
            log.warning("%s: judge error on %s: %s", suite, item.id, error)
    log.info("%s: judge cache %d hit(s), %d miss(es)", suite, cache.hits, cache.misses)
    return verdicts, errors


def write_item_rows(path: Path, rows: list[dict[str, Any]]) -> None:
    """`rows` as strict JSON lines: a non-finite number is null + "nonfinite" (finite_json)."""
    atomic_write_text(
        path,
        "".join(
            json.dumps(finite_json(row), ensure_ascii=False, sort_keys=True, allow_nan=False) + "\n"
            for row in rows
        ),
    )


def run_suite(
    suite_name: str,
    items: list[SuiteItem],
    model: Any,
    tokenizer: Any,
    gen_cfg: GenerationConfig,
    judge_cfg: JudgeConfig,
    out_dir: str | Path,
    cache_dir: str | Path | None,
    partial: bool,
) -> dict[str, Any]:
    """Evaluate `items` of suite `suite_name`; write the result files; return the summary."""
    if suite_name not in SUITES:
        raise ValueError(f"unknown suite {suite_name!r}; expected one of {SUITES}")
    wrong = [item.id for item in items if item.suite != suite_name]
    if wrong:
        raise ValueError(f"items {wrong[:3]} are not {suite_name} items")
    out_dir = Path(out_dir)
    judge = build_judge(judge_cfg)  # first: a missing key or judge model fails before generating
    answers = generate_answers(items, model, tokenizer, gen_cfg, suite_name)
    flags = [rule_flags(item, answer) for item, answer in zip(items, answers, strict=True)]

    verdicts: list[dict[str, Any] | None] = [None] * len(items)
    errors: list[str | None] = [None] * len(items)
    if judge is not None:
        cache = JudgeCache(Path(cache_dir) if cache_dir else out_dir.parent / "judge_cache")
        verdicts, errors = judge_answers(judge, items, answers, suite_name, judge_cfg, cache)

    if suite_name == "policy":
        numbers = aggregate_policy(items, verdicts, errors, rule_summary(items, answers))
    else:
        numbers = aggregate_persona(items, verdicts, errors)
    summary: dict[str, Any] = {
        "suite": suite_name,
        **numbers,
        "judge": judge_description(judge_cfg, judge),
        "partial": partial,
        "suite_fingerprint": suite_fingerprint(items),
        "generation": asdict(gen_cfg),
    }
    rows = [
        item_row(item, answer, verdict, error, flag)
        for item, answer, verdict, error, flag in zip(
            items, answers, verdicts, errors, flags, strict=True
        )
    ]
    write_item_rows(out_dir / f"{suite_name}_items.jsonl", rows)
    atomic_write_json(out_dir / f"{suite_name}.json", summary)
    if judge is not None and numbers["judge_errors"] == len(items) and items:
        log.error("%s: the judge failed on every item; see %s_items.jsonl", suite_name, suite_name)
    log.info(
        "%s: %d items, %d scored, %d judge errors -> %s",
        suite_name,
        summary["n_items"],
        summary["n_scored"],
        summary["judge_errors"],
        out_dir / f"{suite_name}.json",
    )
    return summary
