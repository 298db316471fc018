"""From a composed Hydra config to plain data and typed configs.

`resolved_container(cfg)` resolves every interpolation (an unset ``???`` value is one
`ConfigError` naming its key); `parse_phase_configs(cfg, stage_configs)` builds the typed model,
data and stage configs of one phase, the stage's class picked by `stage.name`
(`typed_phase_configs` does the same from a config already resolved).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from omegaconf import DictConfig, OmegaConf
from omegaconf.errors import MissingMandatoryValue

from medlab.config.data import DataConfig
from medlab.config.model import ModelConfig
from medlab.config.parsing import from_dict
from medlab.errors import ConfigError


def resolved_container(cfg: DictConfig) -> dict[str, Any]:
    """The config as plain data; an unset mandatory value (???) is a ConfigError naming it."""
    try:
        container = OmegaConf.to_container(cfg, resolve=True, throw_on_missing=True)
    except MissingMandatoryValue as exc:
        raise ConfigError(
            f"{exc.full_key}: mandatory value not set (???). Set it, e.g. {exc.full_key}=VALUE."
        ) from exc
    assert isinstance(container, dict)
    return container  # type: ignore[return-value]


def parse_phase_configs(
    cfg: DictConfig, stage_configs: Mapping[str, type]
) -> tuple[ModelConfig, DataConfig, Any]:
    """Typed, validated model / data / stage configs (ConfigError names the bad key);
    `stage_configs` maps each accepted `stage.name` to its config class."""
    return typed_phase_configs(resolved_container(cfg), stage_configs)


def typed_phase_configs(
    container: dict[str, Any], stage_configs: Mapping[str, type]
) -> tuple[ModelConfig, DataConfig, Any]:
    """`parse_phase_configs` of a config already resolved (`resolved_container`)."""
    stage = container.get("stage") or {}
    name = stage.get("name") if isinstance(stage, dict) else None
    if not isinstance(name, str) or name not in stage_configs:
        raise ConfigError(
            f"stage.name: unknown stage {name!r}; available: {', '.join(stage_configs)}."
        )
    return (
        from_dict(ModelConfig, container.get("model"), "model"),
        from_dict(DataConfig, container.get("data"), "data"),
        from_dict(stage_configs[name], stage, "stage"),
    )
