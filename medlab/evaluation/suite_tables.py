"""Completions tables of the policy / persona suites: what the model replied, as W&B Tables.

`log_suite_tables(targets, eval_dir)` reads the `<suite>_items.jsonl` files an evaluation wrote
(`medlab.evaluation.suite_runner`) and logs one bounded table per suite, `completions/policy`
and `completions/persona`, to every W&B target: a Lightning `WandbLogger` (the evaluation's run
built by `medlab.logging_setup.build_loggers`) or a `wandb` run object. Other loggers (CSV) are
skipped. `evaluate_checkpoint` calls it with the W&B run the caller already started
(`attached_wandb_runs()`: e.g. `wandb.init(...)` in a notebook), so nothing is logged when no
run is attached.

Columns: id, category / expected_mode (policy) or audience / focus (persona), prompt (the whole
conversation), reply; then the judge's verdict fields (`judge/<field>`) and `judge_error` only
when the judge scored or failed on some item (with `eval.judge.backend=none` there are none);
then the rule checks (`rule/dose_leak`, `rule/emergency_escalated`; null where a rule does not
apply). Bounded like the GRPO completions tables (`medlab.completions_log`): the first
`MAX_ROWS` items in suite order, prompt / reply / explanation cut at `MAX_CHARS` characters.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from medlab.completions_log import MAX_ROWS, clip_text

SUITE_COLUMNS = {
    "policy": ("id", "category", "expected_mode"),
    "persona": ("id", "audience", "focus"),
}


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return clip_text(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value


def suite_table(
    suite: str, rows: list[dict[str, Any]], max_rows: int = MAX_ROWS
) -> tuple[list[str], list[list[Any]]]:
    """(columns, data) of the first `max_rows` item rows of `suite` (see the module docstring)."""
    rows = rows[:max_rows]
    judged = any(r.get("verdict") or r.get("judge_error") for r in rows)
    verdict_keys = list(dict.fromkeys(k for r in rows for k in (r.get("verdict") or {})))
    rule_keys = list(dict.fromkeys(k for r in rows for k in (r.get("rules") or {})))
    columns = [*SUITE_COLUMNS[suite], "prompt", "reply"]
    if judged:
        columns += [f"judge/{k}" for k in verdict_keys] + ["judge_error"]
    columns += [f"rule/{k}" for k in rule_keys]
    data = []
    for row in rows:
        cells = [row.get(k) for k in SUITE_COLUMNS[suite]] + [row.get("prompt"), row["answer"]]
        if judged:
            verdict = row.get("verdict") or {}
            cells += [verdict.get(k) for k in verdict_keys] + [row.get("judge_error")]
        cells += [(row.get("rules") or {}).get(k) for k in rule_keys]
        data.append([_cell(c) for c in cells])
    return columns, data


def read_items(path: Path) -> list[dict[str, Any]]:
    """Every row of a `<suite>_items.jsonl` file."""
    with Path(path).open() as handle:
        return [json.loads(line) for line in handle if line.strip()]


def attached_wandb_runs() -> list[Any]:
    """[the active `wandb` run] when the caller started one, else [] (wandb is not imported
    just to find out: without the module loaded no run can be active)."""
    wandb = sys.modules.get("wandb")
    run = getattr(wandb, "run", None) if wandb is not None else None
    return [run] if run is not None else []


def log_suite_tables(targets: list[Any], eval_dir: Path, step: int = 0) -> list[str]:
    """Log `completions/<suite>` for each `<suite>_items.jsonl` in `eval_dir` to every W&B
    target (WandbLogger: at `step`; wandb run: at its next step); returns the keys logged
    (none without a W&B target)."""
    from lightning.pytorch.loggers import WandbLogger

    loggers = [t for t in targets if isinstance(t, WandbLogger)]
    runs = [t for t in targets if type(t).__module__.startswith("wandb.")]  # CSV: skipped
    keys: list[str] = []
    if not loggers and not runs:
        return keys
    import wandb

    for suite in SUITE_COLUMNS:
        path = Path(eval_dir) / f"{suite}_items.jsonl"
        if not path.is_file():
            continue
        key = f"completions/{suite}"
        columns, data = suite_table(suite, read_items(path))
        for logger in loggers:
            logger.log_table(key=key, columns=columns, data=data, step=step)
        for run in runs:
            run.log({key: wandb.Table(columns=list[str | int](columns), data=data)})
        keys.append(key)
    return keys
