"""What a stage kind is, and the one call shape every kind runs with.

A stage kind (`stage.name`: sft, dpo, grpo, merge, evaluate, report) is a `StageKind`: its typed
config, how it runs a phase (`run(PhaseRun) -> PhaseOutcome`) and, for the training kinds, how it
builds its data and LightningModule (`build(StageInputs) -> StageParts`). The six kinds are listed
once, in `medlab.stage_registry`; `medlab.experiment` runs a phase by calling its kind's `run`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lightning as L
from omegaconf import DictConfig

from medlab.config import DataConfig, ModelConfig


@dataclass
class StageInputs:
    """What a training kind's `build` gets: typed configs, the tokenizer and a policy factory."""

    stage_cfg: Any
    """The kind's typed stage config (SFTConfig, DPOConfig, GRPOConfig)."""
    data_cfg: DataConfig
    model_cfg: ModelConfig
    tokenizer: Any
    policy: Callable[..., Any]
    """`policy(apply_adapters=True)` builds the model to train (LoRA applied when enabled)."""
    stage_dir: Path
    container: dict[str, Any]
    """The phase's whole config, resolved (the `reward` / `rollout` nodes GRPO reads)."""


@dataclass
class StageParts:
    """What a training kind's `build` returns to the training loop (`medlab.stages.training_run`)."""

    datamodule: Any
    """A LightningDataModule with `val_items` after setup."""
    module: L.LightningModule
    """The LightningModule; its `.model` is exported."""


@dataclass
class PhaseRun:
    """One phase to run: its config and where it sits in the chain."""

    name: str
    """The phase's name (its directory under the run directory)."""
    cfg: DictConfig
    """The phase's composed config (`medlab.phases.phase_configs`)."""
    kind: StageKind
    run_dir: Path
    start: str | None = None
    """The checkpoint the phase starts from (the previous phase's export); None: `model`."""
    start_input: str | None = None
    """The checkpoint the phase that wrote `start` started from (a merge's default base)."""

    @property
    def stage_dir(self) -> Path:
        return self.run_dir / self.name


@dataclass
class PhaseOutcome:
    """What a phase returns: its results (written to `<phase>/results.json`) and its input."""

    results: dict[str, Any]
    input_checkpoint: str | None


@dataclass(frozen=True)
class StageKind:
    """One `stage.name`: its typed config, how it runs, how a training kind builds its parts."""

    name: str
    run: Callable[[PhaseRun], PhaseOutcome]
    config: type | None = None
    """The typed `stage` config; None: the kind reads other nodes (`eval`, `report`)."""
    build: Callable[[StageInputs], StageParts] | None = None
    """Training kinds: the datamodule and LightningModule of the stage."""
    alone: bool = False
    """True: a whole run on its own (evaluate, report), never a phase of a pipeline."""
