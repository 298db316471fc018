"""The LLM judge of the policy and persona suites: the `Judge` protocol and `judge_item`.

- `judge_item(...)`: cached verdict, or ask; an unparseable reply is re-asked up to
  `parse_retries` times with a short corrective turn, then reported as a judge error (never a
  pass, never dropped).
- Backends (`Judge` protocol: `name`, `complete(messages) -> str`):
  `medlab.evaluation.judge_http.OpenAICompatibleJudge` (any OpenAI-compatible endpoint) and
  `medlab.evaluation.judge_local.LocalHFJudge` (a Hugging Face checkpoint, greedy), built by
  `medlab.evaluation.suite_runner.build_judge`.
- Prompts: `medlab.evaluation.judge_prompts`; verdict parsing: `medlab.evaluation.judge_verdict`.
"""

from __future__ import annotations

from typing import Any, Protocol

from medlab.config.evaluation import JudgeConfig
from medlab.evaluation.judge_cache import JudgeCache, verdict_key
from medlab.evaluation.judge_prompts import CORRECTIVE, PROMPT_VERSION, build_judge_messages
from medlab.evaluation.judge_verdict import VerdictParseError, parse_verdict
from medlab.evaluation.suites import SuiteItem


class JudgeError(RuntimeError):
    """A judge request that failed (after retries where retrying makes sense)."""


class Judge(Protocol):
    name: str
    """Identifies the judge in the cache key (never holds a secret)."""

    def complete(self, messages: list[dict[str, str]]) -> str: ...


def judge_item(
    judge: Judge,
    item: SuiteItem,
    answer: str,
    suite: str,
    cfg: JudgeConfig,
    cache: JudgeCache | None,
) -> tuple[dict[str, Any] | None, str | None]:
    """(verdict, None) or (None, error message). Only parsed verdicts are cached."""
    key = verdict_key(judge.name, PROMPT_VERSION, item.to_dict(), answer)
    if cache is not None:
        cached = cache.get(key)
        if cached is not None:
            return cached, None
    messages = build_judge_messages(item, answer, suite)
    multi_turn = item.multi_turn if suite == "persona" else None
    reason = ""
    for _ in range(cfg.parse_retries + 1):
        try:
            reply = judge.complete(messages)
        except JudgeError as exc:
            return None, f"judge request failed: {exc}"
        try:
            verdict = parse_verdict(reply, suite, multi_turn)
        except VerdictParseError as exc:
            reason = str(exc)
            messages = [
                *messages,
                {"role": "assistant", "content": reply},
                {"role": "user", "content": CORRECTIVE.format(reason=reason)},
            ]
            continue
        if cache is not None:
            cache.put(key, verdict, item.id)
        return verdict, None
    return None, f"unparseable verdict after {cfg.parse_retries + 1} attempt(s): {reason}"
