"""The typed `hardware`, `logger`, `reward` and `rollout` nodes: a bad key or value is one
`ConfigError` line naming it, the way `from_dict` reports every other config group."""

from __future__ import annotations

import math

import pytest

from medlab.config import (
    HardwareConfig,
    parse_hardware_config,
    parse_logger_config,
    parse_reward_config,
    parse_rollout_config,
)
from medlab.errors import ConfigError
from medlab.rollout.backend import HFGenerateBackend
from medlab.stages.grpo_setup import build_backend

MCQ = {"_target_": "medlab.rewards.mcq.mcq_correctness_reward"}


def test_hardware_named_keys_are_typed_and_the_rest_are_trainer_arguments():
    cfg = parse_hardware_config({"devices": 2, "precision": 32, "deterministic": True})
    assert cfg.devices == 2 and cfg.precision == 32 and cfg.accelerator == "cpu"
    assert cfg.trainer_kwargs == {"deterministic": True}
    assert parse_hardware_config({"devices": [0, 1]}).devices == [0, 1]
    assert parse_hardware_config(None) == HardwareConfig()


@pytest.mark.parametrize(
    ("node", "message"),
    [
        ({"num_nodes": "two"}, r"^hardware\.num_nodes: expected an integer, got 'two'\.$"),
        ({"strategy": 3}, r"^hardware\.strategy: expected a string, got 3\.$"),
        (
            {"process_group_timeout_min": math.inf},
            r"^hardware\.process_group_timeout_min: must be a finite number",
        ),
        ([1], r"^hardware: expected a mapping, got list"),
    ],
)
def test_bad_hardware_values_name_the_key(node, message):
    with pytest.raises(ConfigError, match=message):
        parse_hardware_config(node)


def test_logger_wandb_runs_only_when_the_node_enables_it():
    assert parse_logger_config(None).wandb.enabled is False
    assert parse_logger_config({"wandb": {"mode": "online"}}).wandb.enabled is False
    on = parse_logger_config({"wandb": {"enabled": True, "tags": ["a"], "group": "g"}})
    assert (on.wandb.enabled, on.wandb.tags, on.wandb.group) == (True, ["a"], "g")


def test_misspelt_logger_key_is_named():
    with pytest.raises(ConfigError, match=r"^logger\.wandb\.projet: unknown key\. Did you mean"):
        parse_logger_config({"wandb": {"enabled": True, "projet": "x"}})


def test_reward_entries_are_typed():
    entries = parse_reward_config({"mcq": {"fn": MCQ}, "short": {"weight": 0, "fn": MCQ}})
    assert entries["mcq"].weight == 1.0 and entries["short"].weight == 0.0
    assert entries["mcq"].fn == MCQ
    assert parse_reward_config(None) == {}


@pytest.mark.parametrize(
    ("node", "message"),
    [
        ({"mcq": {"wieght": 1.0, "fn": MCQ}}, r"^reward\.mcq\.wieght: unknown key\. Did you mean"),
        ({"mcq": {"weight": "high", "fn": MCQ}}, r"^reward\.mcq\.weight: expected a number"),
        ({"mcq": {"weight": 1.0}}, r"^reward\.mcq: expected \{weight: float, fn:"),
        ({"mcq": 1.0}, r"^reward\.mcq: expected \{weight: float, fn:"),
    ],
)
def test_bad_reward_entries_name_the_key(node, message):
    with pytest.raises(ConfigError, match=message):
        parse_reward_config(node)


def test_rollout_node_names_a_backend_class_and_its_arguments():
    node = {"_target_": "my_pkg.Engine", "seed": 3}
    rollout = parse_rollout_config(node)
    assert (rollout.target, rollout.arguments) == ("my_pkg.Engine", {"seed": 3})
    assert rollout.as_node() == node
    backend = build_backend({"_target_": "medlab.rollout.backend.HFGenerateBackend"})
    assert isinstance(backend, HFGenerateBackend)
    with pytest.raises(ConfigError, match=r"^rollout: expected \{_target_: module\.Class"):
        parse_rollout_config({"seed": 3})
