"""Completions tables of a real evaluation: the tiny eval config (policy + persona suites, judge
none, rule checks) on a random-init tiny model, with offline W&B.

Two ways a table reaches W&B, both checked against the `<suite>_items.jsonl` rows the same
evaluation wrote:
- a run the caller started (`wandb.init`) is attached while `evaluate_checkpoint` runs;
- the evaluation's own W&B run (`build_loggers` on the eval dir, as the pipeline builds it)
  gets them from `log_suite_tables`.
Expected tables: completions/policy with 6 rows, completions/persona with 2 rows (the limits),
columns without judge fields (no judge configured) and with the two rule checks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import wandb

from medlab.config import ModelConfig, from_dict
from medlab.config.evaluation import parse_eval_config
from medlab.config.logger import parse_logger_config
from medlab.config.resolve import resolved_container
from medlab.evaluation.checkpoint_eval import evaluate_checkpoint
from medlab.evaluation.suite_tables import log_suite_tables, read_items
from medlab.logging_setup import build_loggers, finish_loggers
from tests.conftest import compose_config

pytestmark = pytest.mark.slow

OVERRIDES = [
    "eval=tiny",
    "logger=wandb",
    "eval.harness.enabled=false",
    "eval.suites.policy.limit=6",
    "eval.suites.persona.limit=2",
    "eval.generation.max_new_tokens=8",
    "model.tiny.hidden_size=64",
    "model.tiny.num_hidden_layers=2",
    "model.tiny.intermediate_size=128",
]
RULES = ["rule/dose_leak", "rule/emergency_escalated"]


def tables(wandb_dir: Path, suite: str) -> list[dict]:
    files = sorted(wandb_dir.glob(f"offline-run-*/files/media/table/completions/{suite}_*.json"))
    return [json.loads(f.read_text()) for f in files]


def check_table(table: dict, items: list[dict], suite: str) -> None:
    first = (
        ["id", "category", "expected_mode"] if suite == "policy" else ["id", "audience", "focus"]
    )
    assert table["columns"] == [*first, "prompt", "reply", *RULES]  # no judge: no judge columns
    assert len(table["data"]) == len(items)
    for cells, item in zip(table["data"], items, strict=True):
        row = dict(zip(table["columns"], cells, strict=True))
        assert row["id"] == item["id"] and row["reply"] == item["answer"]
        assert row["prompt"].startswith("[user]\n") and len(row["prompt"]) > 20
        assert [row[k] for k in RULES] == [item["rules"][k.removeprefix("rule/")] for k in RULES]
        if suite == "policy":
            assert (row["category"], row["expected_mode"]) == (
                item["category"],
                item["expected_mode"],
            )


def test_eval_suites_log_completions_tables_to_wandb(tmp_path):
    container = resolved_container(compose_config(OVERRIDES))
    eval_cfg = parse_eval_config(container["eval"])
    model_cfg = from_dict(ModelConfig, container["model"], "model")
    eval_dir = tmp_path / "evaluate" / "eval"

    attached = wandb.init(mode="offline", dir=tmp_path / "attached", project="medlab")
    evaluate_checkpoint(model_cfg, eval_cfg, eval_dir)
    attached.finish()
    items = {s: read_items(eval_dir / f"{s}_items.jsonl") for s in ("policy", "persona")}
    assert [len(items["policy"]), len(items["persona"])] == [6, 2]
    assert any(i["rules"]["dose_leak"] is not None for i in items["policy"])  # a rule applied
    for suite in ("policy", "persona"):
        [table] = tables(tmp_path / "attached" / "wandb", suite)
        check_table(table, items[suite], suite)

    loggers = build_loggers(
        parse_logger_config(container["logger"]), eval_dir, "t", "evaluate", {}, None
    )
    assert log_suite_tables(loggers, eval_dir) == ["completions/policy", "completions/persona"]
    finish_loggers(loggers, failed=False)
    for suite in ("policy", "persona"):
        [table] = tables(eval_dir / "wandb", suite)
        check_table(table, items[suite], suite)

    # The pipeline's own `<phase>-eval` / `evaluate` W&B run (medlab.phase_eval) logs them too.
    from medlab.phase_eval import log_eval_metrics

    piped = tmp_path / "piped" / "eval"
    piped.mkdir(parents=True)
    for suite in ("policy", "persona"):
        name = f"{suite}_items.jsonl"
        (piped / name).write_text((eval_dir / name).read_text())
    log_eval_metrics(container, "evaluate", piped, {"eval/policy/dose_leak_pct": 0.0})
    for suite in ("policy", "persona"):
        [table] = tables(piped / "wandb", suite)
        check_table(table, items[suite], suite)
