"""Defaults kept once: each config group's base YAML sets the dataclass defaults, no other values.

The CLI runs what the YAML says; Python code that builds a config (tests, benchmarks, notebooks)
gets the dataclass defaults. For every group with a typed config, every key its base file sets
must be a field of the dataclass (nested blocks such as `stage.lora`, `stage.vllm`,
`model.tiny`, `logger.wandb` too) and hold the field's default value, so the two cannot drift
apart (litgpt style: a test parses the YAML against the code). `conf/eval/default.yaml`, the
every-setting file of the eval group, is checked the same way by tests/unit/test_eval_config.py.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

import pytest
from omegaconf import OmegaConf

from medlab.config import (
    DPOConfig,
    EvalConfig,
    GRPOConfig,
    HardwareConfig,
    LoggerConfig,
    MergeConfig,
    MergeStageConfig,
    ModelConfig,
    RewardEntry,
    SFTConfig,
    TinyModelConfig,
    parse_hardware_config,
    parse_logger_config,
    parse_reward_config,
)
from tests.conftest import CONF_DIR, compose_config

# group/file of conf/ -> the dataclass instance holding the defaults it must equal
BASE_FILES: dict[str, Any] = {
    "stage/sft": SFTConfig(),
    "stage/dpo": DPOConfig(),
    "stage/grpo": GRPOConfig(),
    "stage/merge": MergeStageConfig(),
    "merge/arcee_fusion": MergeConfig(),
    "hardware/cpu": HardwareConfig(),
    "logger/wandb": LoggerConfig(),
    "model/tiny_qwen3": ModelConfig(tiny=TinyModelConfig()),
    "eval/none": EvalConfig(),
}


def _nested_dataclass(hint: Any) -> type | None:
    """The dataclass a field holds (`X` or `X | None`), or None."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(hint) if dataclasses.is_dataclass(a)]
        return members[0] if members else None
    return hint if dataclasses.is_dataclass(hint) else None


def drift(node: dict[str, Any], defaults: Any, where: str) -> list[str]:
    """Keys of `node` that are no field of `defaults` or differ from its value."""
    hints = typing.get_type_hints(type(defaults))
    fields = {f.name for f in dataclasses.fields(defaults)}
    problems = []
    for key, value in node.items():
        if key not in fields:
            problems.append(f"{where}.{key}: not a field of {type(defaults).__name__}")
            continue
        default = getattr(defaults, key)
        nested = _nested_dataclass(hints[key])
        if isinstance(value, dict) and nested is not None:
            problems += drift(value, default if default is not None else nested(), f"{where}.{key}")
        elif value != default:
            problems.append(f"{where}.{key}: YAML {value!r} != dataclass default {default!r}")
    return problems


def base_yaml(name: str) -> dict[str, Any]:
    node = OmegaConf.to_container(OmegaConf.load(CONF_DIR / f"{name}.yaml"))
    assert isinstance(node, dict), name
    assert "defaults" not in node, f"{name} is a base file: it inherits nothing"
    return node


@pytest.mark.parametrize("name", sorted(BASE_FILES))
def test_base_yaml_equals_the_dataclass_defaults(name):
    assert drift(base_yaml(name), BASE_FILES[name], name.split("/")[0]) == []


def test_the_base_files_are_the_groups_defaults():
    """The files checked above are what `python -m medlab.run` composes without overrides
    (stage sft / dpo / grpo are each their own stage type's base)."""
    cfg = compose_config([])
    assert OmegaConf.to_container(cfg.hardware) == base_yaml("hardware/cpu")
    assert OmegaConf.to_container(cfg.logger) == base_yaml("logger/wandb")
    assert OmegaConf.to_container(cfg.merge) == base_yaml("merge/arcee_fusion")
    assert OmegaConf.to_container(cfg.model) == base_yaml("model/tiny_qwen3")
    assert OmegaConf.to_container(cfg.eval) == base_yaml("eval/none")
    assert OmegaConf.to_container(cfg.reward) == {}


def test_drift_is_reported_per_key():
    node = {"lr": 1.0, "lora": {"r": 16, "rank": 4}, "packing": True}
    assert drift(node, SFTConfig(), "stage") == [
        "stage.lr: YAML 1.0 != dataclass default 0.003",
        "stage.lora.rank: not a field of LoRAConfig",
    ]


@pytest.mark.parametrize("name", sorted(p.stem for p in (CONF_DIR / "hardware").glob("*.yaml")))
def test_every_hardware_file_uses_only_named_keys(name):
    node = OmegaConf.to_container(compose_config([f"hardware={name}"]).hardware, resolve=True)
    assert isinstance(node, dict)
    assert parse_hardware_config(node).trainer_kwargs == {}, "a key HardwareConfig does not name"


@pytest.mark.parametrize("name", sorted(p.stem for p in (CONF_DIR / "logger").glob("*.yaml")))
def test_every_logger_file_parses(name):
    node = OmegaConf.to_container(compose_config([f"logger={name}"]).logger, resolve=True)
    assert isinstance(node, dict)
    assert parse_logger_config(node).wandb.enabled is (name == "wandb")


@pytest.mark.parametrize("name", sorted(p.stem for p in (CONF_DIR / "reward").glob("*.yaml")))
def test_every_reward_file_parses_into_entries(name):
    node = OmegaConf.to_container(compose_config([f"reward={name}"]).reward, resolve=True)
    assert isinstance(node, dict)
    entries = parse_reward_config(node)
    assert set(entries) == set(node)
    assert all(isinstance(e, RewardEntry) and e.fn and "_target_" in e.fn for e in entries.values())
