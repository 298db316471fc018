"""medlab entry point: compose the Hydra config and run the experiment it describes.

    python -m medlab.run                               # default: tiny_sft on CPU, offline
    python -m medlab.run +experiment=med_advisor_sft   # a recipe (see conf/experiment/)
    python -m medlab.run stage.max_steps=20 hydra.run.dir=/tmp/run1
    python -m medlab.run +experiment=afm_sft --cfg job # print the composed config, run nothing
    python -m medlab.run +experiment=afm_grpo_cot dry_run=true  # check everything, print the plan
    python -m medlab.run -m model=tiny_qwen3,tiny_arcee stage=sft,dpo   # a sweep, 4 jobs
    python -m medlab.run -m stage=dpo hparams_search=dpo_optuna         # Optuna search

A mistake the user can fix (bad config value, malformed data row, missing model, no network)
prints one `medlab: error:` line naming the key / file / line and exits with status 2.
Returns the last stage's headline held-out metric (loss for sft, preference accuracy for dpo,
correctness for grpo; `optimized_metric=KEY` picks another) so Hydra sweepers can optimise it.

In a sweep (`-m`) each job runs in its own directory and a failing job does not stop the
sweep: its error is logged, written to `<job dir>/job.json` with status failed, and the job
returns None (Optuna records the trial as failed; a NaN would make the Optuna sweeper itself
crash). `medlab.sweep_summary` gathers the job records into `<sweep dir>/summary.md`.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path
from typing import Any

import hydra
from hydra.core.hydra_config import HydraConfig
from hydra.types import RunMode
from omegaconf import DictConfig, OmegaConf

from medlab.errors import ConfigError, MedlabError, output_error
from medlab.hydra_errors import run_cli
from medlab.resolvers import register_resolvers
from medlab.sweep_summary import sweep_name, write_job_record

log = logging.getLogger("medlab")
# Optuna imports alembic when Hydra loads the optuna sweeper; alembic logs one INFO line per
# plugin it registers ("setup plugin alembic.autogenerate...", 7 lines). Warnings still show.
logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
register_resolvers()
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

HEADLINE_METRIC = {
    "sft": "val/loss",
    "dpo": "val/rewards/accuracies",
    "grpo": "val/rewards/mcq_correctness/mean",
}


@hydra.main(version_base="1.3", config_path="../conf", config_name="config")
def main(cfg: DictConfig) -> float | None:
    hydra_cfg = HydraConfig.get()
    run_dir = Path(hydra_cfg.runtime.output_dir)
    if hydra_cfg.mode != RunMode.MULTIRUN:
        try:
            return run(cfg, run_dir)[1]
        except MedlabError as exc:
            print(f"medlab: error: {exc}", file=sys.stderr)
            sys.exit(2)
        except OSError as exc:
            output = output_error(exc, "hydra.run.dir")
            if output is None:
                raise
            print(f"medlab: error: {output}", file=sys.stderr)
            sys.exit(2)
    group = sweep_name(str(cfg.get("experiment_name", "medlab")), hydra_cfg.sweep.dir)
    return sweep_job(cfg, run_dir, group, int(hydra_cfg.job.num))


def run(cfg: DictConfig, run_dir: Path) -> tuple[str | None, float | None]:
    """Run the experiment into `run_dir`, print where its outputs are; (metric name, value).
    With `dry_run=true`: check every phase and print its plan line, train nothing."""
    if cfg.get("dry_run"):
        from medlab.preflight import print_dry_run

        print_dry_run(cfg)
        return None, None
    from medlab.experiment import run_experiment

    results = run_experiment(cfg, run_dir)
    print(f"\nmedlab: run directory {run_dir}")
    if (run_dir / "manifest.json").is_file():
        print(f"  manifest: {run_dir / 'manifest.json'}")
    for name, res in results.items():
        if res.get("hf_checkpoint"):
            print(f"  {name}: {res['hf_checkpoint']}{_headline(res)}")
        if res.get("data_dropped"):
            left_out = ", ".join(f"{k}={v}" for k, v in sorted(res["data_dropped"].items()))
            print(f"  {name}: data rows left out: {left_out} (see README 'Data')")
    cards = [res["model_card"] for res in results.values() if res.get("model_card")]
    if not cards and (run_dir / "report" / "MODEL_CARD.md").is_file():
        cards = [str(run_dir / "report" / "MODEL_CARD.md")]
    for card in cards:
        print(f"  model card: {card}")
    return returned_metric(list(results.values())[-1], cfg.get("optimized_metric"))


def returned_metric(results: dict, optimized: str | None) -> tuple[str | None, float | None]:
    """(name, value) of the metric main returns: `optimized_metric` if set (a held-out `val/...`
    or `eval/...` metric of the last stage; a ConfigError if it was not measured), else the
    stage's headline held-out metric (None if unmeasured)."""
    measured = {**(results.get("eval") or {}), **(results.get("val_after") or {})}
    measured = {k: v for k, v in measured.items() if v is not None}
    if optimized:
        if optimized not in measured:
            raise ConfigError(
                f"optimized_metric: {optimized!r} is not a metric the last stage "
                f"({results.get('stage')}) measured: {', '.join(sorted(measured)) or 'none'}."
                f" Set optimized_metric=<one of those>."
            )
        return optimized, float(measured[optimized])
    key = HEADLINE_METRIC.get(str(results.get("stage")), "val/loss")
    value = measured.get(key)
    return key, None if value is None else float(value)


def sweep_job(cfg: DictConfig, run_dir: Path, group: str, job: int) -> float | None:
    """One job of a sweep: never raises (Exception), records its outcome in `run_dir/job.json`."""
    OmegaConf.update(cfg, "logger.wandb.group", group, force_add=True)
    overrides = list(HydraConfig.get().overrides.task)
    record: dict[str, Any] = {
        "job": job,
        "overrides": overrides,
        "group": group,
        "metric_name": cfg.get("optimized_metric"),
    }
    try:
        metric_name, value = run(cfg, run_dir)
    except Exception as exc:  # noqa: BLE001 - one failed job must not end the sweep
        if isinstance(exc, MedlabError):
            error = str(exc)
            log.error("job %s failed: %s", job, error)
        else:
            error = f"{type(exc).__name__}: {exc}"
            log.exception("job %s failed", job)
        print(f"medlab: error: job {job} failed (the sweep goes on): {error}", file=sys.stderr)
        write_job_record(run_dir, {**record, "status": "failed", "error": error})
        _free_memory()
        return None
    record.update(status="ok", error=None, metric_name=metric_name, metric=value)
    write_job_record(run_dir, record)
    return value


def _free_memory() -> None:
    """Release what a failed job left behind before the next job of the sweep starts."""
    gc.collect()
    if "torch" in sys.modules:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()


def _headline(results: dict) -> str:
    """'  held-out <metric> before -> after' for the stage's headline metric, if measured."""
    key = HEADLINE_METRIC.get(str(results.get("stage")), "val/loss")
    before, after = (
        (results.get("val_before") or {}).get(key),
        (results.get("val_after") or {}).get(key),
    )
    if before is None or after is None:
        return ""
    return f"  held-out {key.removeprefix('val/')} {before:.3f} -> {after:.3f}"


if __name__ == "__main__":
    run_cli(main)
