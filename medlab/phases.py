"""The phases of an experiment, each a full config, with the command line's overrides applied.

``phases`` maps a phase name to ``{stage: ..., data: ..., model: ..., overrides: {...}}``, in
run order. ``stage`` / ``data`` / ``model`` replace that whole node (so a phase can be another
stage type, e.g. ``stage: ${phase_stage.sft}``); the phase's ``overrides`` are merged over it.

Command-line overrides of a pipeline, from least to most specific:

- ``stage.<key>=V`` / ``data.<key>=V`` reach every training phase (not merge phases);
  ``model.<key>=V`` and ``model=NAME`` reach every phase. They win over the experiment file's
  per-phase values, so ``stage.max_steps=20`` is a smoke test of the whole chain.
- ``phase_stage.<ref>.<key>=V`` / ``phase_data.<ref>.<key>=V`` or
  ``++phases.<phase>.overrides.stage.<key>=V`` set one phase only, and win over the above.

A key that does not exist in a phase's node stops the run with one line naming the per-phase
key to use instead; ``stage=NAME`` / ``data=NAME`` on a pipeline whose phases choose their own
stage / data stops the same way. Nothing on the command line is silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from omegaconf import DictConfig, OmegaConf

from medlab.errors import ConfigError

GROUPS = ("stage", "data", "model")
TRAINING_STAGES = ("sft", "dpo", "grpo")
NOT_PHASE_KEYS = ("phases", "phase_data", "phase_stage", "phase_model", "dry_run")


@dataclass(frozen=True)
class CliOverride:
    """One `group.key=value` (or `model=NAME`) from the command line that a pipeline spreads."""

    group: str
    """stage, data or model."""
    key: str
    """Dotted key inside the group ('' for a whole-group choice such as `model=tiny_qwen3`)."""


def command_line_overrides(overrides: list[str] | None = None) -> list[str]:
    """The overrides the user typed (Hydra's `overrides.task`); [] outside a Hydra app."""
    if overrides is not None:
        return list(overrides)
    from hydra.core.hydra_config import HydraConfig

    if not HydraConfig.initialized():
        return []
    return list(HydraConfig.get().overrides.task)


def _parse(overrides: list[str]) -> tuple[list[CliOverride], set[str]]:
    """(group overrides to spread, every dotted key the command line sets)."""
    from hydra.core.override_parser.overrides_parser import OverridesParser

    spread: list[CliOverride] = []
    keys: set[str] = set()
    for ov in OverridesParser.create().parse_overrides(overrides):
        if ov.is_delete():
            continue
        key = ov.key_or_group
        keys.add(key if ov.package is None else f"{ov.package}")
        group, _, rest = key.partition(".")
        if group in GROUPS and ov.package in (None, ""):
            spread.append(CliOverride(group, rest))
    return spread, keys


def _phase_ref(raw_phase: Any, group: str) -> str | None:
    """'sft' when the phase's raw node is `${phase_stage.sft}` (None: not a phase_* reference)."""
    value = raw_phase.get(group) if isinstance(raw_phase, dict) else None
    match = re.fullmatch(r"\$\{phase_" + group + r"\.([\w-]+)\}", str(value or ""))
    return match.group(1) if match else None


def phase_key(raw_phases: dict[Any, Any], phase: str, group: str, key: str) -> str:
    """The command-line key that sets `group.key` for `phase` alone."""
    ref = _phase_ref(raw_phases.get(phase) or {}, group)
    if ref is not None:
        return f"phase_{group}.{ref}.{key}"
    return f"++phases.{phase}.overrides.{group}.{key}"


def _is_training(node: DictConfig) -> bool:
    return str(node.stage.get("name")) in TRAINING_STAGES


def _has(node: DictConfig, dotted: str) -> bool:
    """Whether `dotted` is a key of `node` (an unset ??? value counts: the user may set it)."""
    parent_key, _, leaf = dotted.rpartition(".")
    parent = OmegaConf.select(node, parent_key, throw_on_missing=False) if parent_key else node
    return isinstance(parent, DictConfig) and leaf in parent.keys()  # noqa: SIM118 (`in` skips ???)


def _spread(
    cfg: DictConfig,
    built: list[tuple[str, DictConfig]],
    raw_phases: dict[Any, Any],
    ov: CliOverride,
    keys: set[str],
) -> None:
    """Apply one top-level override to every phase it reaches (in place), or stop naming the
    per-phase keys to use instead."""
    reached = [(n, m) for n, m in built if ov.group == "model" or _is_training(m)]
    if not ov.key:  # a whole-group choice: model=NAME reaches every phase
        for name, merged in reached:
            if ov.group == "model":
                merged.model = OmegaConf.to_container(cfg.model, resolve=True)
            elif (raw_phases.get(name) or {}).get(ov.group) is not None:
                ref = _phase_ref(raw_phases.get(name) or {}, ov.group) or "<name>"
                raise ConfigError(
                    f"{ov.group}=: phase {name!r} of this pipeline chooses its own {ov.group}, so "
                    f"the command line's choice would not reach it. Choose one phase's with "
                    f"{ov.group}@phase_{ov.group}.{ref}=NAME."
                )
        return
    dotted = f"{ov.group}.{ov.key}"
    lacking = [n for n, m in reached if not _has(m, dotted)]
    if lacking:
        having = [phase_key(raw_phases, n, ov.group, ov.key) for n, m in reached if _has(m, dotted)]
        fix = f"set it per phase: {'=VALUE, '.join(having)}=VALUE" if having else "remove it"
        raise ConfigError(
            f"{dotted}: a top-level {dotted} applies to every training phase of a pipeline, but "
            f"phase {lacking[0]!r} ({dict(built)[lacking[0]].stage.get('name')} stage) has no "
            f"such key; {fix}."
        )
    value = OmegaConf.select(cfg, dotted, throw_on_missing=False)
    if OmegaConf.is_config(value):
        value = OmegaConf.to_container(value, resolve=True)
    for name, merged in reached:
        phase_ref = _phase_ref(raw_phases.get(name) or {}, ov.group)
        specific = {f"phases.{name}.overrides.{dotted}"}
        if phase_ref is not None:
            specific.add(f"phase_{ov.group}.{phase_ref}.{ov.key}")
        if not specific & keys:  # a per-phase command-line value wins
            OmegaConf.update(merged, dotted, value, merge=False)


def phase_configs(
    cfg: DictConfig, overrides: list[str] | None = None
) -> list[tuple[str, DictConfig]]:
    """(name, config) per phase, without chaining (model.path of later phases set at run time).

    `overrides` are the command line's (default: Hydra's `overrides.task` when inside the app);
    see the module docstring for how they reach the phases."""
    phases = cfg.get("phases") or {}
    if not phases:
        return [(str(cfg.stage.name), cfg)]
    if not isinstance(phases, DictConfig):
        raise ConfigError("phases: must be a mapping {phase_name: {overrides: {...}}}.")
    spread, keys = _parse(command_line_overrides(overrides))
    raw_phases = OmegaConf.to_container(phases, resolve=False)
    assert isinstance(raw_phases, dict)
    base = OmegaConf.masked_copy(cfg, [str(k) for k in cfg if k not in NOT_PHASE_KEYS])
    out = []
    for name, phase in phases.items():
        phase = phase if phase is not None else OmegaConf.create({})
        merged = OmegaConf.merge(base, {})
        assert isinstance(merged, DictConfig)
        for group in GROUPS:  # whole-node replacement, e.g. another stage type
            if phase.get(group) is not None:
                setattr(merged, group, OmegaConf.to_container(phase[group], resolve=True))
        phase_overrides = phase.get("overrides")
        if phase_overrides:
            merged = OmegaConf.merge(merged, OmegaConf.to_container(phase_overrides, resolve=True))
        assert isinstance(merged, DictConfig)
        merged.stage_label = str(name)
        out.append((str(name), merged))
    for ov in spread:
        _spread(cfg, out, raw_phases, ov, keys)
    return out
