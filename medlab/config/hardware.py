"""Typed config of the machine a stage runs on (``hardware=``, conf/hardware/*.yaml).

The named keys are checked here; any other key of the node is a `lightning.Trainer` keyword
argument (`trainer_kwargs`), passed through as it is, so Lightning checks it (a misspelt key
is Lightning's "unexpected keyword argument", turned into a `ConfigError` by
`medlab.stages.trainer.build_trainer`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from medlab.config.parsing import from_dict, reject


@dataclass
class HardwareConfig:
    """Accelerator, processes and precision of `lightning.Trainer` (defaults: conf/hardware/cpu.yaml)."""

    accelerator: str = "cpu"
    """cpu or gpu (CUDA and ROCm both)."""
    devices: int | str | list[int] = 1
    """Processes per node (a device list counts its entries; "auto": every visible device)."""
    num_nodes: int = 1
    strategy: str | dict[str, Any] = "auto"
    """A Lightning strategy name ("auto", "ddp") or {_target_: strategy class, **arguments},
    built by `medlab.stages.trainer.build_strategy`."""
    precision: str | int = "32-true"
    """Lightning precision: 32-true, bf16-mixed, 16-mixed, ..."""
    process_group_timeout_min: float | None = 30.0
    """How long a collective waits for the slowest rank before the watchdog stops the job
    (torch's default, 30); null keeps the strategy's own."""
    trainer_kwargs: dict[str, Any] = field(default_factory=dict)
    """Every other key of the `hardware` node: more `lightning.Trainer` arguments."""


def parse_hardware_config(node: dict[str, Any] | None) -> HardwareConfig:
    """`HardwareConfig` from the resolved `hardware` node: the named keys typed, the rest kept
    as `trainer_kwargs`."""
    if node is not None and not isinstance(node, dict):
        reject("hardware", f"expected a mapping, got {type(node).__name__} ({node!r}).")
    named = {f.name for f in dataclasses.fields(HardwareConfig)} - {"trainer_kwargs"}
    node = dict(node or {})
    typed = {key: node.pop(key) for key in list(node) if key in named}
    config = from_dict(HardwareConfig, typed, "hardware")
    config.trainer_kwargs = node
    return config
