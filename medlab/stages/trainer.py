"""`build_trainer`: the Lightning Trainer every stage uses (hardware from `hardware=`).

The `hardware` node is passed to `lightning.Trainer` as keyword arguments (accelerator,
devices, num_nodes, precision, strategy). A `strategy` given as a mapping with `_target_`
(FSDPStrategy, DDPStrategy, DeepSpeedStrategy, ...) is built with `hydra.utils.instantiate`
first, so its own arguments (sharding, wrap policy, process group backend) live in the config.
"""

from __future__ import annotations

import importlib.util
import os
import warnings
from pathlib import Path
from typing import Any

import lightning as L
import torch
from lightning.pytorch.callbacks import Callback, ModelCheckpoint, TQDMProgressBar
from lightning.pytorch.loggers import Logger
from lightning.pytorch.utilities.exceptions import MisconfigurationException

from medlab.checkpointing import AtomicCheckpointIO
from medlab.errors import ConfigError

CHECKPOINT_DIR = "checkpoints"

# With manual optimisation Lightning warns that checkpoints hold the weights *after* the
# optimizer step. That is what medlab wants: weights, optimizer and global_step agree.
warnings.filterwarnings("ignore", message="Using ModelCheckpoint with manual optimization")
# Under DDP Lightning suggests sync_dist=True for epoch-level logs; medlab's modules all-reduce
# their validation sums themselves before logging, so the logged values are already global.
warnings.filterwarnings("ignore", message=".*when logging on epoch level in distributed setting")


def decoder_layer_policy(module: torch.nn.Module, recurse: bool, nonwrapped_numel: int) -> bool:
    """FSDP wrap / activation-checkpointing policy: one unit per transformer block.

    Matches any module class named ``*DecoderLayer`` (Qwen3, Arcee, Llama, Mistral, ...), so one
    config serves every Hugging Face decoder-only model. Signature of torch's auto-wrap policies
    (`recurse` True means "keep descending").
    """
    if recurse:
        return True
    return type(module).__name__.endswith("DecoderLayer")


def build_strategy(strategy: Any) -> Any:
    """`hardware.strategy` as Lightning takes it: a name ("auto", "ddp") or a built strategy."""
    if not isinstance(strategy, dict) or "_target_" not in strategy:
        return strategy
    target = str(strategy["_target_"])
    if "DeepSpeed" in target and importlib.util.find_spec("deepspeed") is None:
        raise ConfigError(
            f"hardware.strategy: {target} needs the deepspeed package, which is not installed. "
            "Run `pip install deepspeed` on the GPU machine, or pick hardware=gpu_8x_fsdp."
        )
    from hydra.utils import instantiate

    try:
        return instantiate(strategy)
    except Exception as exc:
        cause = exc.__cause__ or exc
        raise ConfigError(
            f"hardware.strategy: cannot build {target} ({type(cause).__name__}: {cause}). "
            "Check the strategy's arguments against its Lightning signature."
        ) from exc


def _refuse_fsdp(strategy: Any) -> None:
    """Lightning 2.6's FSDPStrategy cannot run medlab's stages, so stop before any GPU time.

    Every medlab stage optimises by hand: one `training_step` runs several micro-batch
    backwards and clips by norm. Lightning runs `training_step` inside the root FSDP forward,
    and a backward there breaks FSDP's hooks (Lightning issue #19626, open); FSDPPrecision also
    refuses norm clipping. Supporting it means routing each micro-batch forward through the
    root FSDP module and clipping with `clip_grad_norm_` of that module (not done: no GPU here
    to test it). The config still composes and its strategy builds (tests check both).
    """
    from lightning.pytorch.strategies import FSDPStrategy

    if isinstance(strategy, FSDPStrategy) or strategy in ("fsdp", "fsdp_cpu_offload"):
        raise ConfigError(
            "hardware.strategy: FSDP is not supported yet: medlab's stages run several "
            "micro-batch backwards per step (manual optimisation), which Lightning's "
            "FSDPStrategy cannot do (Lightning issue #19626). Use hardware=gpu_8x_ddp (with "
            "stage.lora.enabled=true for 4-5B models) or hardware=mi300x_8x."
        )


def _check_launchable(hardware: dict[str, Any]) -> None:
    """A local multi-process run cannot start from a Hydra --multirun sweep.

    Lightning starts ranks 1..N-1 by re-running the command line; under -m that re-runs the
    whole sweep. Under SLURM / torchrun the processes exist already, so that is fine.
    """
    processes = int(hardware.get("devices", 1) or 1) * int(hardware.get("num_nodes", 1) or 1)
    if processes <= 1 or any(k in os.environ for k in ("LOCAL_RANK", "SLURM_NTASKS")):
        return
    from hydra.core.hydra_config import HydraConfig
    from hydra.types import RunMode

    if HydraConfig.initialized() and HydraConfig.get().mode == RunMode.MULTIRUN:
        raise ConfigError(
            "hardware: a sweep (-m) cannot start a local multi-process run (Lightning would "
            "re-run the whole sweep in each process). Use hardware=cpu or gpu_1x per job, or "
            "hydra/launcher=slurm, which starts one task per device."
        )


def build_trainer(
    hardware: dict[str, Any],
    max_steps: int,
    val_every_n_steps: int,
    checkpoint_every_n_steps: int,
    log_every_n_steps: int,
    run_dir: Path,
    loggers: list[Logger],
    callbacks: list[Callback] | None = None,
) -> L.Trainer:
    """Trainer counting optimizer steps, validating every N steps, checkpointing for resume."""
    hardware = dict(hardware)
    _check_launchable(hardware)
    hardware["strategy"] = build_strategy(hardware.get("strategy", "auto"))
    _refuse_fsdp(hardware["strategy"])
    # FSDP and DeepSpeed write checkpoints themselves (no CheckpointIO plugin).
    plugins: list[Any] = [] if _own_checkpoint_io(hardware["strategy"]) else [AtomicCheckpointIO()]
    checkpoint = ModelCheckpoint(
        dirpath=run_dir / CHECKPOINT_DIR,
        filename="step{step:06d}",
        auto_insert_metric_name=False,
        every_n_train_steps=checkpoint_every_n_steps,
        save_top_k=0,
        save_last=True,
        save_on_train_epoch_end=False,
    )
    try:
        return L.Trainer(
            max_steps=max_steps,
            val_check_interval=val_every_n_steps,
            check_val_every_n_epoch=None,
            log_every_n_steps=log_every_n_steps,
            num_sanity_val_steps=0,
            default_root_dir=str(run_dir),
            logger=loggers,
            callbacks=[checkpoint, TQDMProgressBar(refresh_rate=1), *(callbacks or [])],
            plugins=plugins,
            use_distributed_sampler=False,
            enable_model_summary=False,
            **hardware,
        )
    except TypeError as exc:
        raise ConfigError(
            f"hardware: {exc}. Its keys go to lightning.Trainer (accelerator, devices, "
            "num_nodes, strategy, precision)."
        ) from exc
    except MisconfigurationException as exc:
        raise ConfigError(
            f"hardware: {exc} Pick the hardware= config of this machine (hardware=cpu or "
            "cpu_2x_ddp without a GPU)."
        ) from exc


def _own_checkpoint_io(strategy: Any) -> bool:
    from lightning.pytorch.strategies import DeepSpeedStrategy, FSDPStrategy

    return isinstance(strategy, (FSDPStrategy, DeepSpeedStrategy))


def last_checkpoint(run_dir: Path) -> Path | None:
    """The Lightning checkpoint an interrupted run resumes from, if any (a directory with
    DeepSpeed or sharded FSDP state)."""
    path = run_dir / CHECKPOINT_DIR / "last.ckpt"
    return path if path.exists() else None
