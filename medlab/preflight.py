"""Preflight: every phase of an experiment checked before the first one trains.

    python -m medlab.run +experiment=afm_grpo_cot dry_run=true    # print the plan, exit 0

For each phase (with the command line's overrides applied, see `medlab.phases`) the typed
model / data / stage configs are validated, every row of the phase's data (train and held-out)
is read and checked, the number of passes over it is computed, and the per-device memory is
estimated from `conf/model/*.yaml` sizes. A real run does the same before its first phase, so a
bad row in the GRPO data stops the run before SFT spends hours. The dry run prints one line per
phase (format in `PhasePlan.line`) and loads no weights.

Simplifications: a Hub dataset is read through `datasets` (cache or network); offline, a dry run
prints `rows=?` and a note while a real run stops. Packed SFT counts packed rows with the phase's
tokenizer, `epochs=?` when that tokenizer cannot be loaded (a Hub id offline).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from omegaconf import DictConfig, OmegaConf

from medlab.config import DataConfig, ModelConfig, TrainingConfig
from medlab.config.hardware import HardwareConfig, parse_hardware_config
from medlab.config.resolve import resolved_container, typed_phase_configs
from medlab.config.reward import parse_reward_config
from medlab.data.collate import pack_examples
from medlab.data.loading import load_splits
from medlab.errors import ConfigError, MedlabError, ModelLoadError
from medlab.memory_plan import estimate_memory_of, format_estimate
from medlab.models.tokenizer import load_tokenizer
from medlab.phases import phase_configs, phase_key
from medlab.rewards import rewards_needing_gold_answer
from medlab.rollout.backend import missing_rollout_engine
from medlab.stage_registry import STAGE_CONFIGS
from medlab.stages.chat_datamodule import encode_rows
from medlab.stages.preference_datamodule import load_pairs
from medlab.stages.prompt_datamodule import load_prompt_rows

log = logging.getLogger(__name__)


@dataclass
class PhasePlan:
    """What one phase will do; `line()` is the dry run's stable output format."""

    phase: str
    stage: str
    model: str
    data: str = "-"
    rows: int | None = None
    max_steps: int | None = None
    world_size: int = 1
    global_batch: int | None = None
    """Rows per optimizer step over all ranks: micro x accumulation x world size (SFT: packed
    rows when packing, DPO: pairs, GRPO: completions = prompts_per_step x G x world)."""
    epochs: float | None = None
    lr: float | None = None
    est_mem_gb: float | None = None
    notes: list[str] = field(default_factory=list)
    problems: list[ConfigError] = field(default_factory=list)
    """Errors a dry run reports after printing every phase's line (a real run stops at once)."""

    def line(self) -> str:
        def fmt(value: Any, spec: str = "") -> str:
            if value is None:
                return "?" if self.stage in ("sft", "dpo", "grpo") else "-"
            return format(value, spec)

        return (
            f"phase={self.phase} stage={self.stage} model={self.model} data={self.data} "
            f"rows={fmt(self.rows)} max_steps={fmt(self.max_steps)} world_size={self.world_size} "
            f"global_batch={fmt(self.global_batch)} epochs={fmt(self.epochs, '.2f')} "
            f"lr={fmt(self.lr, '.3g')} est_mem_gb={fmt(self.est_mem_gb, '.1f')}"
        )


def world_size(hardware: HardwareConfig) -> int:
    """Processes of a run: devices x num_nodes (a device list counts its entries)."""
    devices = hardware.devices
    if isinstance(devices, (list, tuple)):
        devices = len(devices)
    if not isinstance(devices, int) or devices < 1:  # "auto" / -1: all visible devices
        devices = 1
    return devices * int(hardware.num_nodes or 1)


def global_batch(stage: Any, world: int) -> int:
    """Rows per optimizer step over all ranks."""
    if stage.name == "grpo":
        return int(stage.prompts_per_step * stage.num_generations * world)
    return int(stage.micro_batch_size * stage.grad_accum_steps * world)


def planned_rows(stage: Any, world: int) -> tuple[int, str]:
    """(data rows max_steps consumes, how: the arithmetic in words). GRPO reads one batch of
    prompts per num_iterations optimizer steps; SFT / DPO a global batch per step."""
    if stage.name == "grpo":
        generations = stage.max_steps // stage.num_iterations
        rows = generations * stage.prompts_per_step * world
        how = (
            f"{stage.max_steps} steps / num_iterations {stage.num_iterations} x "
            f"{stage.prompts_per_step} prompts x {world} ranks = {rows} prompts"
        )
        return rows, how
    rows = stage.max_steps * global_batch(stage, world)
    return (
        rows,
        f"{stage.max_steps} steps x global batch {global_batch(stage, world)} = {rows} rows",
    )


def planned_epochs(stage: Any, rows_per_epoch: int, world: int) -> float:
    """Passes over the data that max_steps plans."""
    return planned_rows(stage, world)[0] / max(rows_per_epoch, 1)


class _Tokenizers:
    """Tokenizers by source, loaded once; None where one cannot be loaded (offline Hub id)."""

    def __init__(self, local_only: bool) -> None:
        self.cache: dict[tuple[Any, ...], Any] = {}
        self.local_only = local_only
        """The dry run reads a directory or the Hugging Face cache only (seconds, no network)."""

    def get(self, model: ModelConfig) -> Any:
        source = model.tokenizer_path or model.path
        key = (source, model.chat_template, model.revision)
        if key not in self.cache:
            try:
                self.cache[key] = load_tokenizer(
                    source,
                    model.chat_template,
                    model.revision,
                    model.trust_remote_code,
                    local_files_only=self.local_only,
                )
            except (MedlabError, OSError, ValueError):
                self.cache[key] = None
        return self.cache[key]


def _count_rows(
    stage: Any, data: DataConfig, tok: Any, report: bool, gold_for: list[str]
) -> tuple[int, int | None]:
    """(rows, rows per epoch in global-batch units; None if unknown). Reads and validates every
    row of both splits with the loaders the stage uses; warns about cut rows only if `report`
    (a dry run: a real run's stage encodes the rows again and warns then)."""
    if stage.name == "dpo":
        train = load_pairs(data, "train")
        load_pairs(data, "val")
        return len(train), len(train)
    if stage.name == "grpo":
        prompts = load_prompt_rows(data, "train", gold_for)
        load_prompt_rows(data, "val", gold_for)
        return len(prompts), len(prompts)
    rows, _ = load_splits(data)
    if not stage.packing:
        return len(rows), len(rows)
    if tok is None:
        return len(rows), None
    encoded = encode_rows(rows, tok, data, stage.train_on, stage.max_length, "train", report)
    return len(rows), len(pack_examples(encoded, stage.max_length))


def _missing_data_message(cfg: DictConfig, raw: dict[Any, Any], name: str, pipeline: bool) -> str:
    data_name = OmegaConf.select(cfg, "data.name", default="?")
    key = phase_key(raw, name, "data", "train_files") if pipeline else "data.train_files"
    group = "data"
    if pipeline and key.startswith("phase_data."):
        group = f"data@phase_data.{key.split('.')[1]}"
    return (
        f"data={data_name}: no training files given (data.train_files is ???): the recipe "
        f"card's data for this phase is not public. Point it at your copy (chat JSONL / Parquet, "
        f"see README 'Data') with {key}=[/path/train.jsonl], or smoke-test on a shipped sample "
        f"with {group}=NAME_sample (conf/data/*_sample.yaml)."
    )


def _epoch_guard(plan: PhasePlan, stage: TrainingConfig, key: Any, per_epoch: int | None) -> None:
    if plan.epochs is None or plan.epochs <= stage.max_epochs:
        return
    _, how = planned_rows(stage, plan.world_size)
    has = f"{plan.rows}" if per_epoch == plan.rows else f"{plan.rows} rows, {per_epoch} packed"
    raise ConfigError(
        f"{key('stage', 'max_epochs')}: the phase plans {plan.epochs:.1f} passes over "
        f"data={plan.data} ({how}; the data has {has}) "
        f"> max_epochs={stage.max_epochs:g}. Lower {key('stage', 'max_steps')}, give more data "
        f"({key('data', 'train_files')}=[...]) or raise {key('stage', 'max_epochs')}."
    )


def _gold_answer_rewards(stage_cfg: Any, resolved: dict[str, Any]) -> list[str]:
    """GRPO: the configured rewards that score against each row's gold answer (the `reward`
    node is read, and checked, only for GRPO: the other stages inherit one they never use)."""
    if stage_cfg.name != "grpo":
        return []
    return rewards_needing_gold_answer(parse_reward_config(resolved.get("reward")))


def _plan_phase(
    name: str,
    phase_cfg: DictConfig,
    start: str | None,
    root_model: ModelConfig | None,
    tokenizers: _Tokenizers,
    key: Any,
    dry_run: bool,
) -> tuple[PhasePlan, ModelConfig]:
    if phase_cfg.stage.get("name") == "merge":  # checked by the merge itself (merge.* keys)
        return PhasePlan(name, "merge", start or "-"), root_model  # type: ignore[return-value]
    resolved = resolved_container(phase_cfg)
    hardware = parse_hardware_config(resolved.get("hardware"))
    world = world_size(hardware)
    model_cfg, data_cfg, stage_cfg = typed_phase_configs(resolved, STAGE_CONFIGS)
    root = model_cfg if start is None or root_model is None else root_model
    model_label = start or model_cfg.path or f"tiny:{model_cfg.name}"
    plan = PhasePlan(name, stage_cfg.name, model_label, world_size=world)
    plan.data, plan.max_steps, plan.lr = data_cfg.name, stage_cfg.max_steps, stage_cfg.lr
    plan.global_batch = global_batch(stage_cfg, world)
    tokenizer = tokenizers.get(root)
    try:
        gold_for = _gold_answer_rewards(stage_cfg, resolved)
        plan.rows, per_epoch = _count_rows(stage_cfg, data_cfg, tokenizer, dry_run, gold_for)
    except ModelLoadError as exc:  # a Hub dataset out of reach
        if not dry_run:
            raise ConfigError(_unreachable(data_cfg, exc, key)) from exc
        plan.notes.append(_unreachable(data_cfg, exc, key))
        per_epoch = None
    if per_epoch is not None:
        plan.epochs = planned_epochs(stage_cfg, per_epoch, world)
    elif plan.rows is not None:
        plan.notes.append(
            "epochs=?: packing needs the model's tokenizer, not in a local directory or the "
            "Hugging Face cache (a dry run downloads nothing; the real run counts them)"
        )
    memory = estimate_memory_of(root, stage_cfg, tokenizer, hardware, world)
    if memory is not None:
        plan.est_mem_gb = memory.total_gb
        plan.notes.append(f"memory: {format_estimate(memory)}")
    engine = missing_rollout_engine(stage_cfg, key)
    if engine and not dry_run:
        raise ConfigError(engine)
    if engine:
        plan.notes.append(f"the real run would stop here: {engine}")
    for check in (
        lambda: _epoch_guard(plan, stage_cfg, key, per_epoch),
        lambda: check_context_length(root, stage_cfg, key),
    ):
        try:
            check()
        except ConfigError as exc:
            if not dry_run:
                raise
            plan.problems.append(exc)  # the dry run prints every line first, then stops
    return plan, root


SEED_MAX = 2**32 - 1  # numpy's limit; Lightning's seed_everything picks a random seed beyond it


def check_seed(cfg: DictConfig) -> None:
    """`seed` must be an integer in [0, 2**32 - 1] (not a string, float or bool)."""
    seed = cfg.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= SEED_MAX:
        raise ConfigError(
            f"seed: expected an integer in [0, {SEED_MAX}], got {seed!r}. Set seed=<integer>, "
            "e.g. seed=0."
        )


def max_positions(model: ModelConfig) -> tuple[int, str] | None:
    """(max_position_embeddings, where it comes from) of the model a phase starts from: a local
    checkpoint's config.json, else `model.shape` (Hub models) or `model.tiny`; None if unknown."""
    if model.path is not None:
        config = Path(model.path).expanduser() / "config.json"
        if config.is_file():
            try:
                data = json.loads(config.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = None
            if isinstance(data, dict):
                value = data.get("max_position_embeddings")
                if value is None and isinstance(data.get("text_config"), dict):
                    value = data["text_config"].get("max_position_embeddings")
                if isinstance(value, int) and value > 0:
                    return value, f"max_position_embeddings in {config}"
    if model.shape is not None:
        return model.shape.max_position_embeddings, "model.shape.max_position_embeddings"
    if model.path is None and model.tiny is not None:
        return model.tiny.max_position_embeddings, "model.tiny.max_position_embeddings"
    return None


def check_context_length(model: ModelConfig, stage: Any, key: Any) -> None:
    """The longest sequence a stage builds must fit the model's position embeddings: SFT / DPO
    `stage.max_length`, GRPO `stage.max_prompt_length + stage.max_completion_length`."""
    known = max_positions(model)
    if known is None:
        return
    limit, source = known
    if stage.name == "grpo":
        length = stage.max_prompt_length + stage.max_completion_length
        what = (
            f"{key('stage', 'max_prompt_length')} + {key('stage', 'max_completion_length')} "
            f"({stage.max_prompt_length} + {stage.max_completion_length} = {length})"
        )
        fix = (
            f"Lower {key('stage', 'max_prompt_length')} or {key('stage', 'max_completion_length')}"
        )
    else:
        length = stage.max_length
        what = f"{key('stage', 'max_length')} ({length})"
        fix = f"Set {key('stage', 'max_length')}={limit} or less"
    if length > limit:
        raise ConfigError(
            f"{what} is longer than the model's context, {limit} tokens ({source}): positions "
            f"beyond it were never trained. {fix}."
        )


def _unreachable(data: DataConfig, exc: ModelLoadError, key: Any) -> str:
    path = data.hf_dataset.path if data.hf_dataset else "?"
    return (
        f"data={data.name}: the Hub dataset {path} cannot be read here (no network and not in "
        f"the datasets cache). On a machine with network save it as JSONL (datasets: "
        f"load_dataset('{path}')[split].to_json(...)) and point the phase at the copy: "
        f"{key('data', 'train_files')}=[/path/train.jsonl] {key('data', 'val_files')}=[...] "
        f"{key('data', 'hf_dataset')}=null"
    )


def plan_experiment(
    cfg: DictConfig, overrides: list[str] | None = None, *, dry_run: bool = False
) -> Any:
    """Yield one `PhasePlan` per phase, in run order; a problem raises a MedlabError naming the
    phase and the key to change. With `dry_run`, an unreachable Hub dataset is a note."""
    mode = str(cfg.stage.get("name"))
    if mode in ("evaluate", "report"):  # no training: nothing to plan but what is evaluated
        yield PhasePlan(mode, mode, str(OmegaConf.select(cfg, "model.path") or "-"))
        return
    check_seed(cfg)
    phases = phase_configs(cfg, overrides)
    pipeline = bool(cfg.get("phases"))
    raw = OmegaConf.to_container(cfg.get("phases") or OmegaConf.create({}), resolve=False)
    assert isinstance(raw, dict)
    tokenizers = _Tokenizers(local_only=dry_run)
    roots: dict[str, ModelConfig] = {}
    outputs: dict[str, str] = {}
    previous: str | None = None
    for name, phase_cfg in phases:
        init_from = (raw.get(name) or {}).get("init_from") if pipeline else None
        source = None if init_from == "base" else (init_from or previous)
        start = outputs.get(source) if source else None

        def key(group: str, k: str, name: str = name) -> str:
            return phase_key(raw, name, group, k) if pipeline else f"{group}.{k}"

        try:
            check_seed(phase_cfg)
            training = phase_cfg.stage.get("name") in ("sft", "dpo", "grpo")
            if training and OmegaConf.is_missing(phase_cfg.data, "train_files"):
                raise ConfigError(_missing_data_message(phase_cfg, raw, name, pipeline))
            root = roots.get(source or "")
            plan, roots[name] = _plan_phase(name, phase_cfg, start, root, tokenizers, key, dry_run)
        except MedlabError as exc:
            if not pipeline:
                raise
            raise type(exc)(f"phase {name}: {exc}") from exc
        if pipeline:
            plan.problems = [ConfigError(f"phase {name}: {e}") for e in plan.problems]
        outputs[name] = f"{name}/hf_checkpoint"
        previous = name
        yield plan


def print_dry_run(cfg: DictConfig, overrides: list[str] | None = None) -> None:
    """`dry_run=true`: print the plan, one `phase=` line per phase (notes indented below it).
    A problem raises the same MedlabError a real run would, after the lines planned so far."""
    problems: list[ConfigError] = []
    for plan in plan_experiment(cfg, overrides, dry_run=True):
        print(plan.line(), flush=True)
        for note in plan.notes:
            print(f"  note: {note}", flush=True)
        problems += plan.problems
    if problems:
        raise problems[0]
