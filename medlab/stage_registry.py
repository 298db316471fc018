"""The one registry of stage kinds: what each `stage.name` parses into, builds and runs.

    kind      config             run               build        alone
    sft       SFTConfig          train_phase       build_sft
    dpo       DPOConfig          train_phase       build_dpo
    grpo      GRPOConfig         train_phase       build_grpo
    merge     MergeStageConfig   merge_phase       -
    evaluate  -                  evaluate_alone    -            yes
    report    -                  report_alone      -            yes

Every kind runs with the same call, `kind.run(PhaseRun) -> PhaseOutcome` (`medlab.stages.kind`);
a new kind is one entry here plus its `conf/stage/<name>.yaml` and `conf/data/<name>_default.yaml`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lightning.pytorch.callbacks import Callback
from omegaconf import DictConfig

from medlab.config import (
    DataConfig,
    DPOConfig,
    GRPOConfig,
    MergeStageConfig,
    ModelConfig,
    SFTConfig,
)
from medlab.config.resolve import parse_phase_configs
from medlab.errors import ConfigError
from medlab.evaluate_and_report import evaluate_alone, report_alone
from medlab.merge.phase import merge_phase
from medlab.stages.builders import build_dpo, build_grpo, build_sft
from medlab.stages.kind import StageKind
from medlab.stages.training_run import train_phase, train_stage

STAGE_KINDS: dict[str, StageKind] = {
    kind.name: kind
    for kind in (
        StageKind("sft", train_phase, config=SFTConfig, build=build_sft),
        StageKind("dpo", train_phase, config=DPOConfig, build=build_dpo),
        StageKind("grpo", train_phase, config=GRPOConfig, build=build_grpo),
        StageKind("merge", merge_phase, config=MergeStageConfig),
        StageKind("evaluate", evaluate_alone, alone=True),
        StageKind("report", report_alone, alone=True),
    )
}

STAGE_CONFIGS: dict[str, type] = {
    name: kind.config for name, kind in STAGE_KINDS.items() if kind.config is not None
}
"""The kinds a phase of a pipeline can be, with their typed configs."""


def stage_kind(name: Any) -> StageKind:
    """The kind named by `stage.name`; an unknown name is one ConfigError listing the kinds."""
    if name not in STAGE_KINDS:
        raise ConfigError(
            f"stage.name: unknown stage {name!r}; available: {', '.join(STAGE_KINDS)}."
        )
    return STAGE_KINDS[name]


def parse_configs(cfg: DictConfig) -> tuple[ModelConfig, DataConfig, Any]:
    """Typed, validated model / data / stage configs of a phase (ConfigError names the bad key)."""
    return parse_phase_configs(cfg, STAGE_CONFIGS)


def run_stage(
    cfg: DictConfig, stage_dir: Path, callbacks: list[Callback] | None = None
) -> dict[str, Any]:
    """Train one stage of a training kind (`stage.name`) into `stage_dir`; its results."""
    kind = stage_kind(cfg.stage.get("name"))
    if kind.build is None:
        raise ConfigError(
            f"stage.name: {kind.name!r} does not train; a training stage is one of "
            f"{', '.join(n for n, k in STAGE_KINDS.items() if k.build is not None)}."
        )
    return train_stage(cfg, stage_dir, kind, callbacks)
