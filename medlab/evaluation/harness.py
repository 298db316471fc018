"""lm-evaluation-harness benchmarks on an already-loaded model: `run_harness` -> harness.json.

`run_harness(model, tokenizer, cfg, out_path, checkpoint)` wraps the model and tokenizer in
lm-eval's `HFLM` (nothing is downloaded for the model), runs `lm_eval.simple_evaluate` on
`cfg.tasks` (built-in tasks plus the directory `cfg.include_path`, by default the project's
offline tasks in medlab/assets/lm_eval_tasks) and writes a compact summary atomically:

    {"checkpoint": str,
     "settings": {tasks, include_path, limit, num_fewshot, n_shot: {task: k}, batch_size,
                  apply_chat_template, fewshot_as_multiturn, max_length, seed,
                  lm_eval_version, task_versions, group_subtasks: {group: [children]}},
     "results": {task or group: {metric: value}},
     "stderr":  {task or group: {metric: value or null}},
     "n_samples": {task or group: n}}

Metric keys: lm-eval names a value "<metric>,<filter>". The filter "none" (no post-processing)
is dropped; any other filter is kept after a slash: "acc,none" -> "acc",
"exact_match,custom-extract" -> "exact_match/custom-extract". "<metric>_stderr,<filter>" goes to
`stderr` under the same key ("N/A" or NaN -> null). Groups (e.g. mmlu and its categories
mmlu_stem / mmlu_humanities / mmlu_social_sciences / mmlu_other) appear in `results` next to
their subtasks (mmlu_clinical_knowledge, ...); a group's n_samples is the sum over its leaf tasks.

Deliberate simplifications: one process (no data-parallel lm-eval), no per-sample logs
(log_samples=False), lm-eval's own defaults for everything HarnessConfig does not name.
Run it through the pipeline (`eval=tiny|afm_leaderboard|medical_benchmarks`) or
`python -m medlab.run +experiment=evaluate model.path=DIR eval=afm_leaderboard`.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import logging
import math
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import torch

from medlab.atomic_files import atomic_write_json
from medlab.config.evaluation import HarnessConfig
from medlab.errors import ConfigError

log = logging.getLogger(__name__)

KEY = "eval.harness"
NON_METRIC_KEYS = {"alias", "name", "sample_len", "sample_count", "samples"}


def metric_key(raw: str) -> tuple[str, bool] | None:
    """("metric" or "metric/filter", is_stderr) for an lm-eval result key; None if not a metric.

    >>> metric_key("acc,none"), metric_key("exact_match_stderr,custom-extract")
    (('acc', False), ('exact_match/custom-extract', True))
    """
    if "," not in raw:
        return None
    metric, filter_name = raw.split(",", 1)
    is_stderr = metric.endswith("_stderr")
    if is_stderr:
        metric = metric[: -len("_stderr")]
    return (metric if filter_name == "none" else f"{metric}/{filter_name}"), is_stderr


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return None if math.isnan(value) else float(value)


def _leaf_tasks(name: str, group_subtasks: dict[str, list[str]]) -> list[str]:
    if name not in group_subtasks:
        return [name]
    return [leaf for child in group_subtasks[name] for leaf in _leaf_tasks(child, group_subtasks)]


def summarize_results(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """{"results", "stderr", "n_samples"} of harness.json from simple_evaluate's output."""
    results: dict[str, dict[str, float]] = {}
    stderr: dict[str, dict[str, float | None]] = {}
    for task, values in raw["results"].items():
        results[task], stderr[task] = {}, {}
        for raw_key, value in values.items():
            parsed = None if raw_key in NON_METRIC_KEYS else metric_key(raw_key)
            if parsed is None:
                continue
            key, is_stderr = parsed
            number = _number(value)
            if is_stderr:
                stderr[task][key] = number
            elif number is not None:
                results[task][key] = number
    effective = {task: int(n["effective"]) for task, n in raw.get("n-samples", {}).items()}
    groups = raw.get("group_subtasks", {})
    n_samples = {
        task: sum(effective.get(leaf, 0) for leaf in _leaf_tasks(task, groups)) for task in results
    }
    return {"results": results, "stderr": stderr, "n_samples": n_samples}


@functools.lru_cache(maxsize=4)
def _task_manager(include_path: str | None, include_defaults: bool = True) -> Any:
    """lm-eval's task index; the built-in one (~15k tasks) takes seconds to build, so cached."""
    from lm_eval.tasks import TaskManager

    return TaskManager(include_path=include_path, include_defaults=include_defaults)


def _resolves_locally(index: dict[str, Any], name: str, depth: int = 0) -> bool:
    """Whether `name` and, for a group, every member it lists are in `index`."""
    entry = index.get(name)
    if entry is None or depth > 20:
        return False
    members = (entry.cfg or {}).get("task") if entry.cfg and "group" in entry.cfg else None
    if not isinstance(members, list):
        return True
    for member in members:
        if isinstance(member, dict):
            member = member.get("task") or member.get("group")
        if not isinstance(member, str) or not _resolves_locally(index, member, depth + 1):
            return False
    return True


def task_manager_for(names: list[str], include_path: str | None) -> Any:
    """A TaskManager for `names`: include_path alone when it defines all of them (fast, the
    offline case), else lm-eval's built-in tasks plus include_path."""
    if include_path:
        local = _task_manager(include_path, include_defaults=False)
        if all(_resolves_locally(local.task_index, name) for name in names):
            return local
    return _task_manager(include_path)


def _task_sources(include_path: str | None) -> str:
    local = f" and the task YAMLs under {KEY}.include_path ({include_path})" if include_path else ""
    return f"lm-eval's built-in tasks (list them: `lm-eval ls tasks`){local}"


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _network_error_types() -> tuple[type[BaseException], ...]:
    types: list[type[BaseException]] = [ConnectionError, TimeoutError]
    with contextlib.suppress(ImportError):
        from huggingface_hub.errors import LocalEntryNotFoundError, OfflineModeIsEnabled

        types += [LocalEntryNotFoundError, OfflineModeIsEnabled]
    with contextlib.suppress(ImportError):
        import requests

        types.append(requests.exceptions.ConnectionError)
    with contextlib.suppress(ImportError):
        import httpx

        types.append(httpx.TransportError)
    return tuple(types)


def task_load_error(task: str, exc: BaseException) -> ConfigError | None:
    """A ConfigError saying what to do when building `task` failed for a known reason."""
    network = _network_error_types()
    for cause in _chain(exc):
        if isinstance(cause, network):
            return ConfigError(
                f"{KEY}.tasks: task {task!r} needs its dataset from the Hugging Face Hub, which "
                f"cannot be reached ({type(cause).__name__}: {cause}). Run on a machine with "
                "the Hub, or pre-populate HF_DATASETS_CACHE there and copy it here (with "
                "HF_DATASETS_OFFLINE=1), or use the offline tasks in "
                "medlab/assets/lm_eval_tasks (e.g. medlab_medmcqa_local)."
            )
        if isinstance(cause, ModuleNotFoundError):
            return ConfigError(
                f"{KEY}.tasks: task {task!r} needs the Python package {cause.name!r}, which is "
                f"not installed. Install the task's extra (e.g. pip install 'lm_eval[ifeval]' "
                f"for IFEval) or drop the task from {KEY}.tasks."
            )
    return None


def load_tasks(task_manager: Any, names: list[str], include_path: str | None) -> list[Any]:
    """lm-eval Task / Group objects for `names`; unknown or unloadable tasks -> ConfigError."""
    objects: list[Any] = []
    owner: dict[str, str] = {}
    for name in names:
        if name not in task_manager.all_tasks and not (
            name.endswith(".yaml") and Path(name).is_file()
        ):
            close = difflib.get_close_matches(name, task_manager.all_tasks, n=5, cutoff=0.6)
            hint = f" Close matches: {', '.join(close)}." if close else ""
            raise ConfigError(
                f"{KEY}.tasks: unknown lm-eval task {name!r}.{hint} Tasks come from "
                f"{_task_sources(include_path)}."
            )
        try:
            loaded = task_manager.load([name])
        except Exception as exc:
            error = task_load_error(name, exc)
            if error is not None:
                raise error from exc
            raise
        for task in loaded["tasks"]:
            if task in owner:
                raise ConfigError(
                    f"{KEY}.tasks: task {task!r} is part of both {owner[task]!r} and {name!r}; "
                    "list it once (a group already runs all its subtasks)."
                )
            owner[task] = name
        groups = loaded.get("groups") or {}
        objects.extend([groups[name]] if name in groups else loaded["tasks"].values())
    return objects


def check_settings(cfg: HarnessConfig, tokenizer: Any) -> None:
    """Validate `cfg` against the tokenizer before anything slow starts."""
    cfg.validate(KEY)
    if cfg.include_path and not Path(cfg.include_path).is_dir():
        raise ConfigError(
            f"{KEY}.include_path: {cfg.include_path!r} is not a directory. Point it at a folder "
            "of lm-eval task YAMLs (medlab's: medlab/assets/lm_eval_tasks) or set it to null."
        )
    if cfg.apply_chat_template and not getattr(tokenizer, "chat_template", None):
        raise ConfigError(
            f"{KEY}.apply_chat_template: the tokenizer has no chat template. Use "
            "model.chat_template=medlab_chatml, or set apply_chat_template=false and "
            "fewshot_as_multiturn=false."
        )


@contextlib.contextmanager
def _restored_rng() -> Iterator[None]:
    """simple_evaluate seeds python / numpy / torch globally; give the caller its RNG back."""
    py_state, np_state = random.getstate(), np.random.get_state()
    devices = [torch.cuda.current_device()] if torch.cuda.is_available() else []
    with torch.random.fork_rng(devices=devices):
        try:
            yield
        finally:
            random.setstate(py_state)
            np.random.set_state(np_state)


def run_harness(
    model: Any, tokenizer: Any, cfg: HarnessConfig, out_path: Path, checkpoint: str
) -> dict[str, Any]:
    """Evaluate `model` on `cfg.tasks` with lm-eval; writes and returns the harness.json dict."""
    import lm_eval
    from lm_eval.models.huggingface import HFLM

    check_settings(cfg, tokenizer)
    task_manager = task_manager_for(list(cfg.tasks), cfg.include_path)
    was_training = model.training  # HFLM puts the model in eval mode; hand it back as it came
    try:
        with _restored_rng():
            tasks = load_tasks(task_manager, list(cfg.tasks), cfg.include_path)
            lm = HFLM(
                pretrained=model,
                tokenizer=tokenizer,
                batch_size=cfg.batch_size,
                max_length=cfg.max_length,
            )
            raw = lm_eval.simple_evaluate(
                model=lm,
                tasks=tasks,
                num_fewshot=cfg.num_fewshot,
                batch_size=cfg.batch_size,
                limit=cfg.limit,
                log_samples=False,
                apply_chat_template=cfg.apply_chat_template,
                fewshot_as_multiturn=cfg.fewshot_as_multiturn,
                task_manager=task_manager,
                random_seed=cfg.seed,
                numpy_random_seed=cfg.seed,
                torch_random_seed=cfg.seed,
                fewshot_random_seed=cfg.seed,
            )
    finally:
        model.train(was_training)
    if raw is None:  # only on non-zero ranks of a distributed run, which medlab does not start
        raise RuntimeError("lm-eval returned no results (not rank 0)")
    summary = summarize_results(raw)
    settings = {
        "tasks": list(cfg.tasks),
        "include_path": cfg.include_path,
        "limit": cfg.limit,
        "num_fewshot": cfg.num_fewshot,
        "n_shot": dict(raw.get("n-shot", {})),
        "batch_size": cfg.batch_size,
        "apply_chat_template": cfg.apply_chat_template,
        "fewshot_as_multiturn": cfg.fewshot_as_multiturn,
        "max_length": lm.max_length,
        "seed": cfg.seed,
        "lm_eval_version": getattr(lm_eval, "__version__", "unknown"),
        "task_versions": {k: str(v) for k, v in raw.get("versions", {}).items()},
        "group_subtasks": {k: list(v) for k, v in raw.get("group_subtasks", {}).items()},
    }
    result = {"checkpoint": checkpoint, "settings": settings, **summary}
    atomic_write_json(out_path, result)
    for task, metrics in summary["results"].items():
        log.info("lm-eval %s (n=%d): %s", task, summary["n_samples"][task], metrics)
    return result
