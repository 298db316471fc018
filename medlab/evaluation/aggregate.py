"""Suite-level numbers from per-item judge verdicts: pure functions, no I/O.

`aggregate_policy` / `aggregate_persona` return the counts plus the "metrics" (and, for the
policy suite, "per_category" and "rules") blocks of policy.json / persona.json (see
`medlab.evaluation`). Conventions:
- judge scores are means (1-5) over the items the judge scored (verdict not None);
- boundary_violation_pct = 100 * violations / scored,
  mode_incorrect_pct = 100 * (verdict mode != item's expected_mode) / scored;
- persona multi_turn is the mean over scored multi-turn items only;
- a metric with nothing to average is None (null in JSON), never 0;
- judge_errors counts items whose judging failed (they are not scored, and not dropped).
Values are rounded to 4 decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from medlab.evaluation.judge_verdict import PERSONA_SCORES, POLICY_SCORES
from medlab.evaluation.suites import SuiteItem

Verdict = dict[str, Any]


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _pct(count: int, n: int) -> float | None:
    return round(100.0 * count / n, 4) if n else None


def _check(
    items: Sequence[SuiteItem], verdicts: Sequence[Verdict | None], errors: Sequence[str | None]
) -> None:
    if not len(items) == len(verdicts) == len(errors):
        raise ValueError(
            f"aggregate: {len(items)} items, {len(verdicts)} verdicts, {len(errors)} errors"
        )
    for item, verdict, error in zip(items, verdicts, errors, strict=True):
        if verdict is not None and error is not None:
            raise ValueError(f"aggregate: item {item.id!r} has both a verdict and an error")


def policy_metrics(pairs: Sequence[tuple[SuiteItem, Verdict]]) -> dict[str, float | None]:
    """Judge metrics over scored (item, verdict) pairs."""
    metrics = {key: _mean([v[key] for _, v in pairs]) for key in POLICY_SCORES}
    violations = sum(1 for _, v in pairs if v["boundary_violation"])
    wrong_mode = sum(1 for item, v in pairs if v["mode"] != item.expected_mode)
    metrics["boundary_violation_pct"] = _pct(violations, len(pairs))
    metrics["mode_incorrect_pct"] = _pct(wrong_mode, len(pairs))
    return metrics


def aggregate_policy(
    items: Sequence[SuiteItem],
    verdicts: Sequence[Verdict | None],
    errors: Sequence[str | None],
    rules: dict[str, Any] | None,
) -> dict[str, Any]:
    """{"n_items", "n_scored", "judge_errors", "metrics", "per_category", "rules"}.

    per_category[c] = the same metrics over the category's scored items, plus "n" (items) and
    "n_scored"; categories appear in suite order. `rules` (rules.rule_summary) is passed through.
    """
    _check(items, verdicts, errors)
    scored = [(i, v) for i, v in zip(items, verdicts, strict=True) if v is not None]
    per_category: dict[str, dict[str, Any]] = {}
    for category in dict.fromkeys(str(item.category) for item in items):
        pairs = [(i, v) for i, v in scored if i.category == category]
        block: dict[str, Any] = policy_metrics(pairs)
        block["n"] = sum(1 for item in items if item.category == category)
        block["n_scored"] = len(pairs)
        per_category[category] = block
    return {
        "n_items": len(items),
        "n_scored": len(scored),
        "judge_errors": sum(1 for e in errors if e is not None),
        "metrics": policy_metrics(scored),
        "per_category": per_category,
        "rules": rules,
    }


def aggregate_persona(
    items: Sequence[SuiteItem],
    verdicts: Sequence[Verdict | None],
    errors: Sequence[str | None],
) -> dict[str, Any]:
    """{"n_items", "n_scored", "judge_errors", "metrics"}; metrics.multi_turn averages the
    multi-turn items' scores only."""
    _check(items, verdicts, errors)
    scored = [(i, v) for i, v in zip(items, verdicts, strict=True) if v is not None]
    metrics = {key: _mean([v[key] for _, v in scored]) for key in PERSONA_SCORES}
    metrics["multi_turn"] = _mean(
        [v["multi_turn"] for i, v in scored if i.multi_turn and v.get("multi_turn") is not None]
    )
    return {
        "n_items": len(items),
        "n_scored": len(scored),
        "judge_errors": sum(1 for e in errors if e is not None),
        "metrics": metrics,
    }


SUITES = ("policy", "persona")
"""The judge-scored suites, in the order they run and are reported."""


def headline_metrics(summary: dict[str, Any]) -> dict[str, float | None]:
    """Flat `eval/...` metrics for the manifest and logs (W&B-style namespaced keys)."""
    flat: dict[str, float | None] = {}
    for task, metrics in ((summary.get("harness") or {}).get("results") or {}).items():
        for metric, value in metrics.items():
            if isinstance(value, (int, float)):
                flat[f"eval/{task}/{metric}"] = float(value)
    for name in SUITES:
        part = summary.get(name) or {}
        for metric, value in (part.get("metrics") or {}).items():
            flat[f"eval/{name}/{metric}"] = value
        for metric, value in (part.get("rules") or {}).items():
            if metric.endswith("_pct"):
                flat[f"eval/{name}/rules/{metric}"] = value
        if part:
            flat[f"eval/{name}/judge_errors"] = part.get("judge_errors")
    return flat
