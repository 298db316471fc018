"""Sweep summaries: one row per job of a Hydra multirun, in `<sweep dir>/summary.csv` and `.md`.

    python -m medlab.run -m model=tiny_qwen3,tiny_arcee stage=sft,dpo   # -> <sweep dir>/summary.md

Every job of a sweep writes `<job dir>/job.json` (`medlab.run.sweep_job`: overrides, status
ok / failed, error, the metric it returned to the sweeper). `SweepSummaryCallback` (listed under
`hydra.callbacks` in conf/config.yaml) gathers those records with each job's `manifest.json`
(held-out metrics of its last finished stage) and rewrites both summary files atomically after
every job (so a sweep that dies still leaves one) and once more when the sweep ends, adding
Optuna's best trial (`optimization_results.yaml`) and printing the path. A job directory
without `job.json` is a job that was killed (or, with a parallel launcher, still runs).
Simplifications: job directories are found one level below the sweep dir (medlab's
`hydra.sweep.subdir`); multi-objective Optuna results are not marked.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hydra.experimental.callback import Callback
from hydra.types import RunMode
from omegaconf import DictConfig, OmegaConf

from medlab.atomic_files import atomic_write_json, atomic_write_text

log = logging.getLogger(__name__)

JOB_RECORD = "job.json"
OPTUNA_RESULTS = "optimization_results.yaml"
NO_RECORD = "no job.json: the job was killed before it finished (or is still running)"
CSV_COLUMNS = [
    "job",
    "status",
    "best",
    "metric_name",
    "metric",
    "last_stage",
    "overrides",
    "error",
    "run_dir",
]


@dataclass
class JobRow:
    """One job of a sweep as the summary shows it."""

    job: int
    """hydra.job.num (also the job's subdirectory name by default)."""
    overrides: list[str]
    """The job's command-line overrides, e.g. ["model=tiny_arcee", "stage=dpo"]."""
    status: str
    """ok | failed."""
    error: str | None = None
    """One-line error of a failed job."""
    metric_name: str | None = None
    """Name of the metric the job returned to the sweeper (e.g. val/rewards/accuracies)."""
    metric: float | None = None
    """The value returned to the sweeper (None: failed or not measured)."""
    last_stage: str | None = None
    """Last stage that finished (manifest.json), whose held-out metrics are `final_metrics`."""
    final_metrics: dict[str, float] = field(default_factory=dict)
    """Held-out metrics of `last_stage`: after training (`val/...`), its evaluation (`eval/...`)."""
    run_dir: str = ""
    """The job's directory."""
    best: bool = False
    """The best trial of an Optuna sweep."""


def sweep_name(experiment_name: str, sweep_dir: str | Path) -> str:
    """`<experiment_name>-<sweep dir name>`: a sweep's W&B group and summary title."""
    return f"{experiment_name}-{Path(sweep_dir).name}"


def write_job_record(run_dir: str | Path, record: dict[str, Any]) -> None:
    """Write `<run_dir>/job.json` atomically (read back by `read_job`)."""
    atomic_write_json(Path(run_dir) / JOB_RECORD, record)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_job(job_dir: Path) -> JobRow:
    """A job's row from its job.json, manifest.json and .hydra/overrides.yaml."""
    record = _read_json(job_dir / JOB_RECORD)
    stages = _read_json(job_dir / "manifest.json").get("stages") or [{}]
    overrides = record.get("overrides")
    if overrides is None and (job_dir / ".hydra" / "overrides.yaml").is_file():
        overrides = OmegaConf.to_container(OmegaConf.load(job_dir / ".hydra" / "overrides.yaml"))
    job = record.get("job", int(job_dir.name) if job_dir.name.isdigit() else -1)
    metric = record.get("metric")
    last = stages[-1]
    measured = {**(last.get("eval") or {}), **(last.get("final_metrics") or {})}
    return JobRow(
        job=int(job),
        overrides=[str(o) for o in overrides or []],
        status=str(record.get("status", "failed")),
        error=record.get("error") if record else NO_RECORD,
        metric_name=record.get("metric_name"),
        metric=None if metric is None else float(metric),
        last_stage=last.get("stage"),
        final_metrics={k: float(v) for k, v in measured.items() if isinstance(v, (int, float))},
        run_dir=str(job_dir),
    )


def collect_jobs(sweep_dir: str | Path) -> list[JobRow]:
    """Rows of every job directory directly under `sweep_dir`, in job order."""
    sweep_dir = Path(sweep_dir)
    dirs = {p.parent for p in sweep_dir.glob(f"*/{JOB_RECORD}")}
    dirs |= {p.parent.parent for p in sweep_dir.glob("*/.hydra/overrides.yaml")}
    return sorted((read_job(d) for d in dirs), key=lambda row: (row.job, row.run_dir))


def read_best_trial(sweep_dir: str | Path) -> dict[str, Any] | None:
    """Optuna's {best_params, best_value} from the sweep dir, or None (no / multi-objective)."""
    path = Path(sweep_dir) / OPTUNA_RESULTS
    if not path.is_file():
        return None
    data = OmegaConf.to_container(OmegaConf.load(path))
    if not isinstance(data, dict) or "best_params" not in data:
        return None
    return {str(k): v for k, v in data.items()}


def _same(a: Any, b: Any) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    except (TypeError, ValueError):
        return str(a) == str(b)


def _override_values(overrides: list[str]) -> dict[str, str]:
    pairs = (o.lstrip("+~").split("=", 1) for o in overrides if "=" in o)
    return {key: value for key, value in pairs}


def mark_best(rows: list[JobRow], best: dict[str, Any]) -> JobRow | None:
    """Mark (and return) the job whose overrides hold Optuna's best_params and whose metric is
    its best_value; None if no job matches."""
    params = best.get("best_params") or {}
    for row in rows:
        values = _override_values(row.overrides)
        if (
            row.status == "ok"
            and row.metric is not None
            and _same(row.metric, best.get("best_value"))
            and all(k in values and _same(values[k], v) for k, v in params.items())
        ):
            row.best = True
            return row
    return None


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.4g}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_csv(rows: list[JobRow]) -> str:
    """One line per job; one column per held-out metric seen in any job (full precision)."""
    metric_keys = sorted({k for row in rows for k in row.final_metrics})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS + metric_keys)
    for row in rows:
        writer.writerow(
            [
                row.job,
                row.status,
                "yes" if row.best else "",
                row.metric_name or "",
                "" if row.metric is None else repr(row.metric),
                row.last_stage or "",
                " ".join(row.overrides),
                row.error or "",
                row.run_dir,
            ]
            + [repr(row.final_metrics[k]) if k in row.final_metrics else "" for k in metric_keys]
        )
    return out.getvalue()


def render_markdown(
    rows: list[JobRow], title: str, sweep_dir: str | Path, best: dict[str, Any] | None = None
) -> str:
    """A readable table: overrides shared by every job go in the header, each row keeps the ones
    that differ; held-out metrics are shown to 4 significant digits."""
    common = [o for o in (rows[0].overrides if rows else []) if all(o in r.overrides for r in rows)]
    metric_keys = sorted({k for row in rows for k in row.final_metrics})
    failed = sum(row.status != "ok" for row in rows)
    lines = [
        f"# Sweep {title}",
        "",
        f"Sweep dir `{sweep_dir}` (W&B group `{title}`): {_jobs(len(rows))}, "
        f"{len(rows) - failed} ok, {failed} failed.",
    ]
    if common:
        lines += ["", "Overrides of every job: `" + " ".join(common) + "`"]
    winner = next((row for row in rows if row.best), None)
    if best is not None:
        params = ", ".join(f"{k}={v}" for k, v in (best.get("best_params") or {}).items())
        where = f"job {winner.job}" if winner else "no job matched"
        lines += ["", f"Optuna best trial ({where}): {params} -> {best.get('best_value')}"]
    header = ["job", "overrides", "status", "returned metric", *metric_keys, "error"]
    lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        varying = " ".join(o for o in row.overrides if o not in common)
        returned = f"{row.metric_name} = {_fmt(row.metric)}" if row.metric is not None else ""
        cells = [
            f"{row.job} (best)" if row.best else str(row.job),
            f"`{varying}`" if varying else "",
            row.status,
            returned,
            *[_fmt(row.final_metrics.get(k)) for k in metric_keys],
            row.error or "",
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines += ["", "Held-out metrics are those of each job's last finished stage."]
    return "\n".join(lines) + "\n"


def write_summary(
    sweep_dir: str | Path, title: str, best: dict[str, Any] | None = None
) -> tuple[Path, list[JobRow]]:
    """Collect the jobs of `sweep_dir`, mark Optuna's best, write summary.csv / summary.md
    atomically; returns (summary.md path, rows)."""
    sweep_dir = Path(sweep_dir)
    rows = collect_jobs(sweep_dir)
    if best is not None:
        mark_best(rows, best)
    atomic_write_text(sweep_dir / "summary.csv", render_csv(rows))
    atomic_write_text(sweep_dir / "summary.md", render_markdown(rows, title, sweep_dir, best))
    return sweep_dir / "summary.md", rows


class SweepSummaryCallback(Callback):
    """Hydra callback: rewrite the sweep summary after each job and at the end of the sweep."""

    def on_job_end(self, config: DictConfig, job_return: Any, **kwargs: Any) -> None:
        mode = config.hydra.get("mode")
        if getattr(mode, "name", mode) != RunMode.MULTIRUN.name:  # enum, or a plain string
            return
        try:
            write_summary(config.hydra.sweep.dir, _title(config))
        except Exception as exc:  # noqa: BLE001 - a summary must never fail a job
            log.warning("could not update the sweep summary: %s", exc)

    def on_multirun_end(self, config: DictConfig, **kwargs: Any) -> None:
        sweep_dir = config.hydra.sweep.dir
        path, rows = write_summary(sweep_dir, _title(config), read_best_trial(sweep_dir))
        failed = sum(row.status != "ok" for row in rows)
        print(
            f"\nmedlab: sweep summary {path} ({_jobs(len(rows))}, {failed} failed)"
            f"\n  table: {Path(sweep_dir) / 'summary.csv'}"
        )


def _jobs(count: int) -> str:
    return f"{count} job" if count == 1 else f"{count} jobs"


def _title(config: DictConfig) -> str:
    return sweep_name(str(config.get("experiment_name", "medlab")), config.hydra.sweep.dir)
