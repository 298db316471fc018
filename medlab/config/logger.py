"""Typed config of the metric loggers (``logger=``, conf/logger/*.yaml): CSV always, W&B when
`logger.wandb.enabled` (`medlab.logging_setup.build_loggers`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from medlab.config.parsing import from_dict


@dataclass
class WandbConfig:
    """Weights & Biases through Lightning's WandbLogger (defaults: conf/logger/wandb.yaml)."""

    enabled: bool = True
    mode: str = "offline"
    """offline (no account needed; `wandb sync DIR` uploads later), online (WANDB_API_KEY in the
    environment, never in a config) or disabled."""
    project: str = "medlab"
    entity: str | None = None
    """W&B team or user; null: the account's default entity."""
    tags: list[str] | None = field(default_factory=list)
    group: str | None = None
    """Run group; null: the experiment name (`medlab.run` sets the sweep name in a multirun)."""


@dataclass
class LoggerConfig:
    """Where metrics go besides <run>/csv/metrics.csv."""

    wandb: WandbConfig = field(default_factory=WandbConfig)


def parse_logger_config(node: dict[str, Any] | None) -> LoggerConfig:
    """`LoggerConfig` from the resolved `logger` node. W&B logs only when the node says
    `wandb.enabled: true` (no node, no `wandb` key or no `enabled` key: CSV only)."""
    node = dict(node or {})
    wandb = node.get("wandb") or {}
    if isinstance(wandb, dict):
        node["wandb"] = {"enabled": False, **wandb}
    return from_dict(LoggerConfig, node, "logger")
