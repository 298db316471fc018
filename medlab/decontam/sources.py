"""Where decontamination reads its sets from, and where its results go (`medlab.decontam` is the
pure n-gram math).

Training sets: the training split of every training phase's data config (chat rows, preference
pairs, MedMCQA / MedReason / prompt rows: every string of a raw row). Evaluation sets: the
configured `eval` (every enabled suite in full, whatever its `limit`, and every lm-eval task of
`eval.harness.tasks` whose documents can be read here, group members one by one); a task that
cannot be read offline (no Hub, no cached dataset) is listed under `skipped_eval_sets` with the
reason. With evaluation disabled, `data.decontaminate=true` checks against the project's offline
sets (policy and persona suites, `medlab_medical_local`).

Outputs: `<dir>/decontamination.json` (every pair's counts and shares) and
`<dir>/decontamination.md` (the same as a table), written atomically. A phase with
`data.decontaminate=true` trains on `<stage dir>/decontaminated/train.jsonl` (its training rows
minus the contaminated ones, raw rows unchanged); data errors found later name that file.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from pathlib import Path
from typing import Any

from hydra import compose, initialize_config_dir
from omegaconf import DictConfig, OmegaConf

from medlab.atomic_files import atomic_write_json, atomic_write_text
from medlab.config import DataConfig, from_dict
from medlab.config.evaluation import EvalConfig, parse_eval_config
from medlab.data.loading import load_raw_rows
from medlab.decontam import EvalSet, build_eval_set, find_overlap, markdown_table, strings_in
from medlab.errors import DataError, MedlabError
from medlab.evaluation.harness import task_manager_for
from medlab.evaluation.suites import load_suite
from medlab.phases import phase_configs
from medlab.resolvers import register_resolvers

log = logging.getLogger(__name__)

REPORT_JSON = "decontamination.json"
REPORT_MD = "decontamination.md"
OFFLINE_TASKS = ["medlab_medical_local"]
TRAINING_STAGES = ("sft", "dpo", "grpo")


def eval_config_or_offline(container: dict[str, Any] | None) -> EvalConfig:
    """The configured evaluation; disabled -> the project's offline suites and local tasks."""
    eval_cfg = parse_eval_config(container)
    if eval_cfg.enabled:
        return eval_cfg
    offline = EvalConfig(enabled=True)
    offline.harness.tasks = list(OFFLINE_TASKS)
    return offline


def _task_items(task: Any) -> list[list[str]]:
    """Per evaluation document of an lm-eval task: its prompt and every string it holds."""
    items = []
    for doc in task.eval_docs:
        text = task.doc_to_text(doc)
        items.append([text, *strings_in(doc)] if isinstance(text, str) else list(strings_in(doc)))
    return items


def _harness_sets(eval_cfg: EvalConfig, n: int) -> tuple[list[EvalSet], list[dict[str, str]]]:
    sets: list[EvalSet] = []
    skipped: list[dict[str, str]] = []
    if not eval_cfg.harness.enabled:
        return sets, skipped
    names = list(eval_cfg.harness.tasks)
    for name in names:
        try:
            manager = task_manager_for([name], eval_cfg.harness.include_path)
            tasks = manager.load([name])["tasks"]
            for task_name, task in sorted(tasks.items()):
                sets.append(build_eval_set(f"lm_eval:{task_name}", _task_items(task), n))
        except Exception as exc:  # offline: any dataset / task error means "cannot read it here"
            reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            log.warning("decontamination: lm-eval task %s not readable offline (%s)", name, reason)
            skipped.append({"name": f"lm_eval:{name}", "reason": reason[:300]})
    return sets, skipped


def load_eval_sets(eval_cfg: EvalConfig, n: int) -> tuple[list[EvalSet], list[dict[str, str]]]:
    """(evaluation sets, skipped tasks with their reasons) of an evaluation config."""
    sets: list[EvalSet] = []
    for suite in ("policy", "persona"):
        suite_cfg = getattr(eval_cfg.suites, suite)
        if suite_cfg.enabled:
            items = [item.to_dict() for item in load_suite(suite_cfg.path, suite)]
            sets.append(build_eval_set(f"suite:{suite}", items, n))
    harness, skipped = _harness_sets(eval_cfg, n)
    return sets + harness, skipped


def training_sets(
    cfg: DictConfig, overrides: list[str] | None = None
) -> list[tuple[str, DataConfig]]:
    """(label, data config) of every distinct training set of the experiment's phases."""
    seen: dict[str, tuple[list[str], DataConfig]] = {}
    for phase, phase_cfg in phase_configs(cfg, overrides):
        if str(phase_cfg.stage.get("name")) not in TRAINING_STAGES:
            continue
        data = from_dict(DataConfig, OmegaConf.to_container(phase_cfg.data, resolve=True), "data")
        key = json.dumps(
            [data.train_files, dataclasses.asdict(data.hf_dataset) if data.hf_dataset else None]
        )
        seen.setdefault(key, ([], data))[0].append(phase)
    return [(f"{data.name} ({', '.join(phases)})", data) for phases, data in seen.values()]


def build_report(train: list[tuple[str, DataConfig]], eval_cfg: EvalConfig) -> dict[str, Any]:
    """Counts and shares per (training set, evaluation set), with the sets' sizes; each training
    set is cut into its own `data.decontaminate_ngram`-grams."""
    started = time.perf_counter()
    by_n: dict[int, tuple[list[EvalSet], list[dict[str, str]]]] = {}
    pairs = []
    for label, data in train:
        n = data.decontaminate_ngram
        if n not in by_n:
            by_n[n] = load_eval_sets(eval_cfg, n)
        rows = (row for _, row in load_raw_rows(data, "train"))
        overlap = find_overlap(label, rows, by_n[n][0], n)
        pairs += [{**p.as_dict(), "ngram": n} for p in overlap.pairs]
    eval_sets, skipped = next(iter(by_n.values()), ([], []))
    return {
        "ngram": sorted(by_n),
        "method": "hashed word n-grams after NFKC + casefold + punctuation removal "
        "(medlab.decontam); contaminated = at least one shared n-gram",
        "eval_sets": [
            {"name": s.name, "items": len(s.items), "template_ngrams": s.template_ngrams}
            for s in eval_sets
        ],
        "skipped_eval_sets": skipped,
        "pairs": pairs,
        "seconds": round(time.perf_counter() - started, 2),
    }


def report_markdown(report: dict[str, Any]) -> str:
    """The report as markdown: the table, then the n-gram length and any skipped task."""
    lines = [
        markdown_table(report["pairs"]),
        "",
        f"Word n-grams, n = {', '.join(map(str, report['ngram']))} ({report['method']}).",
    ]
    for skipped in report.get("skipped_eval_sets") or []:
        lines.append(f"Not checked: {skipped['name']} ({skipped['reason']}).")
    return "\n".join(lines)


def write_report(report: dict[str, Any], out_dir: Path) -> Path:
    """`<out_dir>/decontamination.json` and `.md`, atomically; returns the JSON path."""
    atomic_write_json(out_dir / REPORT_JSON, report)
    atomic_write_text(out_dir / REPORT_MD, "# Decontamination\n\n" + report_markdown(report) + "\n")
    return out_dir / REPORT_JSON


def preflight_report(
    cfg: DictConfig, run_dir: Path, overrides: list[str] | None = None
) -> Path | None:
    """The run's report, before any phase trains, when the experiment has evaluation enabled."""
    eval_node = cfg.get("eval")
    container = OmegaConf.to_container(eval_node, resolve=True) if eval_node is not None else None
    eval_cfg = parse_eval_config(container)  # type: ignore[arg-type]
    train = training_sets(cfg, overrides)
    if not eval_cfg.enabled or not train:
        return None
    report = build_report(train, eval_cfg)
    path = write_report(report, Path(run_dir))
    log.info("decontamination (%.1fs): %s", report["seconds"], path)
    return path


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    text = "".join(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
    atomic_write_text(path, text)


def decontaminate_data(
    data: DataConfig, eval_container: dict[str, Any] | None, stage_dir: Path
) -> tuple[DataConfig, dict[str, Any] | None]:
    """With `data.decontaminate`: (a config reading the training rows minus the contaminated
    ones, a summary); else (data, None). Held-out rows are kept as they are."""
    if not data.decontaminate:
        return data, None
    n = data.decontaminate_ngram
    eval_sets, skipped = load_eval_sets(eval_config_or_offline(eval_container), n)
    rows = [row for _, row in load_raw_rows(data, "train")]
    overlap = find_overlap(data.name, rows, eval_sets, n)
    kept = [row for i, row in enumerate(rows) if i not in overlap.contaminated_rows]
    if not kept:
        raise DataError(
            f"data {data.name!r}: every training row shares a {n}-gram with an evaluation set "
            "(data.decontaminate=true left nothing to train on). Check the data files."
        )
    out = Path(stage_dir) / "decontaminated"
    _write_jsonl(out / "train.jsonl", kept)
    val_files = list(data.val_files)
    if data.hf_dataset is not None and data.hf_dataset.val_split:
        _write_jsonl(out / "val.jsonl", [row for _, row in load_raw_rows(data, "val")])
        val_files = [str(out / "val.jsonl")]
    cleaned = dataclasses.replace(
        data, train_files=[str(out / "train.jsonl")], val_files=val_files, hf_dataset=None
    )
    summary = {
        "ngram": n,
        "rows_before": len(rows),
        "rows_after": len(kept),
        "dropped": len(rows) - len(kept),
        "eval_sets": [s.name for s in eval_sets],
        "skipped_eval_sets": skipped,
        "pairs": [p.as_dict() for p in overlap.pairs],
    }
    log.info(
        "data %s: %d of %d training rows contaminated, left out",
        data.name,
        summary["dropped"],
        len(rows),
    )
    return cleaned, summary


def cli_report(overrides: list[str], out: str) -> int:
    """`python -m medlab.decontam [--out DIR] OVERRIDES`: the report of the composed experiment."""
    register_resolvers()
    conf_dir = Path(__file__).resolve().parents[2] / "conf"
    try:
        with initialize_config_dir(config_dir=str(conf_dir), version_base="1.3"):
            cfg = compose(config_name="config", overrides=overrides)
        train = training_sets(cfg, overrides)
        report = build_report(train, eval_config_or_offline(_eval_node(cfg)))
        write_report(report, Path(out))
    except MedlabError as exc:
        print(f"medlab: error: {exc}")
        return 2
    print(report_markdown(report))
    print(f"\nwritten: {Path(out) / REPORT_JSON}, {Path(out) / REPORT_MD} ({report['seconds']} s)")
    return 0


def _eval_node(cfg: DictConfig) -> dict[str, Any] | None:
    node = cfg.get("eval")
    return OmegaConf.to_container(node, resolve=True) if node is not None else None  # type: ignore[return-value]
