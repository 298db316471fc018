"""`+experiment=evaluate` (any checkpoint, no training) and `+experiment=report` through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

SMALL = [
    "logger=csv",
    "eval.harness.limit=8",
    "eval.suites.policy.limit=6",
    "eval.suites.persona.limit=2",
    "eval.generation.max_new_tokens=8",
]


def medlab(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-m", "medlab.run", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_evaluate_writes_results_and_card_then_reuses_them(tmp_path):
    run_dir = tmp_path / "ev"
    out = medlab("+experiment=evaluate", *SMALL, f"hydra.run.dir={run_dir}")
    assert out.returncode == 0, out.stderr[-3000:]
    eval_dir = run_dir / "evaluate" / "eval"
    harness = json.loads((eval_dir / "harness.json").read_text())
    assert harness["n_samples"]["medlab_medmcqa_local"] == 8
    policy = json.loads((eval_dir / "policy.json").read_text())
    assert policy["n_items"] == 6 and policy["partial"] is True
    rows = [json.loads(line) for line in (eval_dir / "policy_items.jsonl").read_text().splitlines()]
    assert len(rows) == 6 and all(isinstance(r["answer"], str) for r in rows)
    manifest = json.loads((run_dir / "manifest.json").read_text())
    acc = harness["results"]["medlab_medmcqa_local"]["acc"]
    assert manifest["stages"][0]["eval"]["eval/medlab_medmcqa_local/acc"] == acc
    import csv

    with (eval_dir / "csv" / "metrics.csv").open() as handle:
        logged = list(csv.DictReader(handle))
    assert len(logged) == 1 and float(logged[0]["eval/medlab_medmcqa_local/acc"]) == acc
    card = (run_dir / "report" / "MODEL_CARD.md").read_text()
    assert f"{100 * acc:.2f}" in card and "Frozen policy regression" in card

    stamp = (eval_dir / "harness.json").stat().st_mtime_ns
    again = medlab("+experiment=evaluate", *SMALL, f"hydra.run.dir={run_dir}")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "evaluation already complete, reusing" in again.stdout + again.stderr
    assert (eval_dir / "harness.json").stat().st_mtime_ns == stamp

    changed = medlab(
        "+experiment=evaluate", *SMALL, "eval.harness.limit=4", f"hydra.run.dir={run_dir}"
    )
    assert changed.returncode == 0, changed.stderr[-3000:]
    harness = json.loads((eval_dir / "harness.json").read_text())
    assert harness["n_samples"]["medlab_medmcqa_local"] == 4  # settings changed: re-run

    rebuilt = medlab(
        "+experiment=report", f"report.run_dir={run_dir}", f"hydra.run.dir={tmp_path}/r"
    )
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert f"model card: {run_dir / 'report' / 'MODEL_CARD.md'}" in rebuilt.stdout
    assert "Frozen policy regression" in (run_dir / "report" / "MODEL_CARD.md").read_text()


def test_report_on_a_directory_that_is_not_a_run_names_the_key(tmp_path):
    out = medlab("+experiment=report", f"report.run_dir={tmp_path}", f"hydra.run.dir={tmp_path}/r")
    assert out.returncode == 2
    assert "medlab: error: report.run_dir:" in out.stderr
    assert "Traceback" not in out.stderr


def test_evaluate_with_eval_none_is_refused(tmp_path):
    out = medlab("+experiment=evaluate", "eval=none", f"hydra.run.dir={tmp_path}")
    assert out.returncode == 2 and "eval=tiny" in out.stderr


def test_baselines_are_evaluated_once_and_become_rows_of_the_card(tmp_path, tiny_model, tokenizer):
    """eval.baselines={name: checkpoint}: evaluated into <run>/baselines/<name>/eval and shown
    in the card's baselines table next to the evaluated model."""
    base = tmp_path / "base_ckpt"
    tiny_model.save_pretrained(base)
    tokenizer.save_pretrained(base)
    run_dir = tmp_path / "ev"
    args = [
        "+experiment=evaluate",
        *SMALL,
        "eval.harness.enabled=false",
        "eval.suites.persona.enabled=false",
        f"+eval.baselines.tiny_base={base}",
        f"hydra.run.dir={run_dir}",
    ]
    out = medlab(*args)
    assert out.returncode == 0, out.stderr[-3000:]
    policy = json.loads((run_dir / "baselines" / "tiny_base" / "eval" / "policy.json").read_text())
    assert policy["n_items"] == 6
    tables = json.loads((run_dir / "report" / "tables.json").read_text())
    assert "tiny_base" in json.dumps(tables)
    card = (run_dir / "report" / "MODEL_CARD.md").read_text()
    assert "| tiny_base" in card
