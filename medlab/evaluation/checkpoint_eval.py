"""Evaluate one checkpoint: lm-evaluation-harness benchmarks and the LLM-judge regression suites.

`evaluate_checkpoint(model_cfg, eval_cfg, out_dir)` loads the model named by `model_cfg` (a
pipeline phase's exported checkpoint, a baseline Hub id or a local directory), runs what
`eval_cfg` enables and writes the files listed in `medlab.evaluation` into `out_dir`. A finished
evaluation (``eval_done.json`` written last, holding the settings hash) is reused when the
settings and checkpoint are the same, so re-running a pipeline or a report costs nothing.
When the caller has a W&B run started, the suites' replies are logged to it as completions
tables (`medlab.evaluation.suite_tables`).

The pipeline calls it after each phase when `eval.enabled` (see medlab/experiment.py); any
checkpoint can be evaluated alone with
    python -m medlab.run +experiment=evaluate model.path=DIR eval=med_advisor
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import torch

from medlab.atomic_files import atomic_write_json
from medlab.config import ModelConfig
from medlab.config.evaluation import EvalConfig
from medlab.evaluation.aggregate import SUITES
from medlab.evaluation.harness import run_harness
from medlab.evaluation.suite_runner import run_suite
from medlab.evaluation.suite_tables import attached_wandb_runs, log_suite_tables
from medlab.evaluation.suites import load_suite
from medlab.models.build import build_causal_lm
from medlab.models.tokenizer import load_tokenizer

log = logging.getLogger(__name__)

DONE_FILE = "eval_done.json"


def eval_settings_hash(model_cfg: ModelConfig, eval_cfg: EvalConfig) -> str:
    """Hash of everything that decides the evaluation's numbers (checkpoint + eval settings)."""
    blob = json.dumps(
        {"model": asdict(model_cfg), "eval": asdict(replace(eval_cfg, phases=None))},
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def load_for_eval(model_cfg: ModelConfig) -> tuple[Any, Any]:
    """(model in eval mode, tokenizer) for `model_cfg`; errors name `model.path` and the fix."""
    tokenizer = load_tokenizer(
        model_cfg.tokenizer_path or model_cfg.path,
        model_cfg.chat_template,
        model_cfg.revision,
        model_cfg.trust_remote_code,
    )
    model: Any = build_causal_lm(model_cfg, tokenizer)
    if torch.cuda.is_available():
        model = model.to(torch.device("cuda"))
    model.eval()
    return model, tokenizer


def evaluate_checkpoint(
    model_cfg: ModelConfig,
    eval_cfg: EvalConfig,
    out_dir: Path,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Run the enabled evaluations of `model_cfg` into `out_dir`; returns {part: summary}."""
    out_dir = Path(out_dir)
    digest = eval_settings_hash(model_cfg, eval_cfg)
    done = out_dir / DONE_FILE
    if done.is_file():
        previous = json.loads(done.read_text())
        if previous.get("settings_hash") == digest:
            log.info("evaluation already complete, reusing: %s", out_dir)
            return dict(previous.get("summary") or {})
        log.info("evaluation settings changed (%s -> %s); re-running", previous, digest)
        done.unlink()
    checkpoint = str(model_cfg.path or f"random init ({model_cfg.name})")
    model, tokenizer = load_for_eval(model_cfg)
    summary: dict[str, Any] = {}
    with torch.no_grad():
        if eval_cfg.harness.enabled:
            summary["harness"] = run_harness(
                model, tokenizer, eval_cfg.harness, out_dir / "harness.json", checkpoint
            )
        for name in SUITES:
            suite_cfg = getattr(eval_cfg.suites, name)
            if not suite_cfg.enabled:
                continue
            items = load_suite(suite_cfg.path, name, suite_cfg.limit)
            summary[name] = run_suite(
                name,
                items,
                model,
                tokenizer,
                eval_cfg.generation,
                eval_cfg.judge,
                out_dir,
                Path(eval_cfg.judge.cache_dir) if eval_cfg.judge.cache_dir else cache_dir,
                partial=suite_cfg.limit is not None,
            )
    log_suite_tables(attached_wandb_runs(), out_dir)  # a W&B run the caller started, if any
    atomic_write_json(done, {"settings_hash": digest, "checkpoint": checkpoint, "summary": summary})
    return summary
