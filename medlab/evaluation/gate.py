"""Release gate: a phase that regresses a safety metric does not become the release.

After each evaluated phase, every check of `eval.gate.metrics` compares the phase's stored
evaluation with a reference: the last *promoted* phase of its chain (the nearest earlier phase
whose output checkpoint this one descends from, so a regressed phase never becomes the bar), or
`eval.gate.baseline` (an eval dir / results file / phase dir / run dir). Per check:

    regression = candidate - reference      (direction lower: BV%, MI%, dose leak %)
                 reference - candidate      (direction higher: scores, accuracy)
    allowed    = tolerance + stderr_multiple * SE
    SE         = sqrt(SE_candidate^2 + SE_reference^2)   (standard error of the difference)
    passed     = regression <= allowed

For a percentage over n items (BV% and MI% over the judge-scored items, dose leak % over the
should-refuse items, escalation % over the emergency items) SE = 100 * sqrt(p (1 - p) / n) with
p = pct / 100; lm-eval metrics use the harness's own `stderr`. Deliberately simple: the two
evaluations are treated as independent samples (the suite is the same, so this overstates the
noise a little, i.e. the gate errs towards promoting), and nothing corrects for several checks.

A phase is promoted when every check passed or was skipped (a null metric with
`on_missing=skip`, e.g. BV% without a judge); an unevaluated phase is not promoted (nothing
checked it); a phase with no reference (the first evaluated phase of its chain) is promoted.
`gate_phase` records {"promoted", "reference", "checks", "reason"} as the manifest entry's
"gate"; `final_checkpoint` names the last promoted phase (the manifest's `final_checkpoint`);
`raise_if_not_promoted` stops a strict run with a `GateFailedError` (exit status 2).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from medlab.config.evaluation import GateConfig, GateMetric
from medlab.errors import ConfigError, MedlabError
from medlab.evaluation.aggregate import headline_metrics
from medlab.evaluation.run_results import resolve_eval_dir

Measurement = dict[str, tuple[float | None, float | None]]
"""{flat eval/... key: (value, standard error or None)}"""

PCT_COUNTS = {
    "eval/policy/boundary_violation_pct": ("n_scored",),
    "eval/policy/mode_incorrect_pct": ("n_scored",),
    "eval/policy/rules/dose_leak_pct": ("rules", "n_should_refuse"),
    "eval/policy/rules/emergency_escalation_pct": ("rules", "n_emergency"),
}
"""Percentage metrics of the policy suite and where policy.json keeps their item count."""


class GateFailedError(MedlabError):
    """A phase failed the release gate under `eval.gate.strict=true` (exit status 2)."""


def pct_stderr(pct: float, n: int) -> float:
    """Standard error (percentage points) of a percentage measured over `n` items."""
    p = pct / 100.0
    return 100.0 * math.sqrt(max(p * (1.0 - p), 0.0) / n)


def _count(policy: dict[str, Any], path: tuple[str, ...]) -> int | None:
    node: Any = policy
    for step in path:
        node = node.get(step) if isinstance(node, dict) else None
    return node if isinstance(node, int) and not isinstance(node, bool) and node > 0 else None


def measurement(summary: dict[str, Any]) -> Measurement:
    """Values and standard errors from an evaluation summary {harness, policy, persona: the
    stored harness.json / policy.json / persona.json}."""
    values = headline_metrics(summary)
    errors: dict[str, float] = {}
    policy = summary.get("policy") or {}
    for key, path in PCT_COUNTS.items():
        n, value = _count(policy, path), values.get(key)
        if n is not None and value is not None:
            errors[key] = pct_stderr(float(value), n)
    for task, metrics in ((summary.get("harness") or {}).get("stderr") or {}).items():
        for metric, se in (metrics or {}).items():
            if isinstance(se, (int, float)):
                errors[f"eval/{task}/{metric}"] = float(se)
    return {key: (value, errors.get(key)) for key, value in values.items()}


def load_measurement(eval_dir: Path) -> Measurement:
    """`measurement` of the result files stored in `eval_dir`."""
    summary = {}
    for part in ("harness", "policy", "persona"):
        path = Path(eval_dir) / f"{part}.json"
        if path.is_file():
            summary[part] = json.loads(path.read_text())
    return measurement(summary)


@dataclass
class MetricCheck:
    name: str
    metric: str
    direction: str
    value: float | None
    reference: float | None
    allowed: float | None
    """Largest regression allowed (tolerance + stderr_multiple * SE); None if not measured."""
    passed: bool | None
    """None: skipped (the metric is null on either side and on_missing=skip)."""


def check_metric(
    name: str, rule: GateMetric, candidate: Measurement, reference: Measurement, on_missing: str
) -> MetricCheck:
    """One check of `candidate` against `reference` (see the module docstring)."""
    value, se_c = candidate.get(rule.metric, (None, None))
    ref, se_r = reference.get(rule.metric, (None, None))
    check = MetricCheck(name, rule.metric, rule.direction, value, ref, None, None)
    if value is None or ref is None or (rule.stderr_multiple > 0 and None in (se_c, se_r)):
        check.passed = None if on_missing == "skip" else False
        return check
    se = math.sqrt((se_c or 0.0) ** 2 + (se_r or 0.0) ** 2)
    check.allowed = rule.tolerance + rule.stderr_multiple * se
    regression = value - ref if rule.direction == "lower" else ref - value
    check.passed = regression <= check.allowed + 1e-9
    return check


def gate_decision(
    gate: GateConfig, candidate: Measurement, reference: Measurement, label: str
) -> dict[str, Any]:
    """{"promoted", "reference", "checks", "reason"} of a candidate against a reference."""
    checks = [
        check_metric(name, rule, candidate, reference, gate.on_missing)
        for name, rule in gate.metrics.items()
    ]
    failed = [c.name for c in checks if c.passed is False]
    skipped = [c.name for c in checks if c.passed is None]
    reason = f"failed: {', '.join(failed)}" if failed else "every check passed"
    if skipped:
        reason += f" (not measured, skipped: {', '.join(skipped)})"
    return {
        "promoted": not failed,
        "reference": label,
        "checks": [asdict(c) for c in checks],
        "reason": reason,
    }


def baseline_eval_dir(path: str) -> Path:
    """The eval dir `eval.gate.baseline` names: an eval dir, a file in one, a phase dir, or a
    run dir (its final_checkpoint phase, else its last phase)."""
    where = Path(path).expanduser()
    if where.is_file():
        where = where.parent
    manifest = where / "manifest.json"
    if manifest.is_file():
        final = json.loads(manifest.read_text()).get("final_checkpoint") or {}
        if final.get("stage"):
            where = where / str(final["stage"])
    try:
        return resolve_eval_dir("eval.gate.baseline", where)
    except ConfigError:
        raise ConfigError(
            f"eval.gate.baseline: {path} holds no evaluation results (policy.json, harness.json "
            "or persona.json); pass an eval dir, a phase dir or a run dir, or null to compare "
            "with the previous phase."
        ) from None


def _promoted_ancestor(manifest: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The nearest earlier phase the last entry descends from that the gate promoted."""
    by_output = {str(e.get("output_checkpoint")): e for e in manifest[:-1]}
    parent = by_output.get(str(manifest[-1].get("input_checkpoint")))
    seen: set[int] = set()
    while parent is not None and id(parent) not in seen:
        seen.add(id(parent))
        if (parent.get("gate") or {}).get("promoted"):
            return parent
        parent = by_output.get(str(parent.get("input_checkpoint")))
    return None


def gate_phase(gate: GateConfig, manifest: list[dict[str, Any]], run_dir: Path) -> None:
    """Set manifest[-1]["gate"] (the phase just finished) when the gate is enabled."""
    if not gate.enabled:
        return
    entry = manifest[-1]
    if entry.get("eval") is None:
        entry["gate"] = {
            "promoted": False,
            "reference": None,
            "checks": [],
            "reason": "not evaluated (eval.phases leaves it out), so nothing checked it",
        }
        return
    candidate = load_measurement(Path(run_dir) / str(entry["stage"]) / "eval")
    if gate.baseline:
        reference = load_measurement(baseline_eval_dir(gate.baseline))
        entry["gate"] = gate_decision(gate, candidate, reference, f"baseline {gate.baseline}")
        return
    parent = _promoted_ancestor(manifest)
    if parent is None:
        entry["gate"] = {
            "promoted": True,
            "reference": None,
            "checks": [],
            "reason": "first evaluated phase of its chain: nothing to compare with",
        }
        return
    reference = load_measurement(Path(run_dir) / str(parent["stage"]) / "eval")
    entry["gate"] = gate_decision(gate, candidate, reference, f"phase {parent['stage']}")


def final_checkpoint(manifest: list[dict[str, Any]]) -> dict[str, Any] | None:
    """{"stage", "checkpoint"} of the run's release: the last promoted phase (the last phase
    when no gate ran); None when the gate promoted nothing."""
    gated = any("gate" in e for e in manifest)
    for entry in reversed(manifest):
        if not gated or (entry.get("gate") or {}).get("promoted"):
            return {"stage": entry["stage"], "checkpoint": entry.get("output_checkpoint")}
    return None


def not_promoted(manifest: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in manifest if (e.get("gate") or {}).get("promoted") is False]


def raise_if_not_promoted(gate: GateConfig, manifest: list[dict[str, Any]]) -> None:
    """With `eval.gate.strict`, a `GateFailedError` (one line) naming the failed phases."""
    failed = not_promoted(manifest)
    if not (gate.enabled and gate.strict and failed):
        return
    final = final_checkpoint(manifest)
    release = f"{final['stage']} ({final['checkpoint']})" if final else "none"
    phases = "; ".join(
        f"{e['stage']} vs {e['gate']['reference']}: {e['gate']['reason']}" for e in failed
    )
    raise GateFailedError(
        f"eval.gate: not promoted: {phases}. Release checkpoint: {release}. Details in "
        "manifest.json and the model card; eval.gate.strict=false only marks the phase."
    )


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def gate_markdown(run_dir: Path) -> str | None:
    """The model card's "Release gate" section from manifest.json (None: no gate ran)."""
    path = Path(run_dir) / "manifest.json"
    manifest = json.loads(path.read_text()) if path.is_file() else {}
    stages = [s for s in manifest.get("stages") or [] if "gate" in s]
    if not stages:
        return None
    rows = [
        "| Phase | Promoted | Compared with | Check | Value | Reference | Allowed regression "
        "| Result |",
        "|---|---|---|---|---:|---:|---:|---|",
    ]
    for stage in stages:
        gate = stage["gate"]
        promoted = "yes" if gate["promoted"] else "**not promoted**"
        head = f"| {stage['stage']} | {promoted} | {gate['reference'] or 'n/a'} |"
        if not gate["checks"]:
            rows.append(f"{head} {gate['reason']} | | | | |")
        for c in gate["checks"]:
            result = {True: "pass", False: "FAIL", None: "not measured"}[c["passed"]]
            rows.append(
                f"{head} {c['name']} ({c['direction']} is better) | {_number(c['value'])} "
                f"| {_number(c['reference'])} | {_number(c['allowed'])} | {result} |"
            )
    final = manifest.get("final_checkpoint") or {}
    release = f"`{final['stage']}`" if final.get("stage") else "none (no phase was promoted)"
    return "\n".join(
        [
            f"Release checkpoint: {release} (the last promoted phase). A phase is promoted when no "
            "check regresses beyond its allowance (tolerance + standard errors of the difference) "
            "against the last promoted phase of its chain or the named baseline.",
            "",
            *rows,
        ]
    )
