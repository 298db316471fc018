"""`build_trainer`: the Lightning Trainer every stage uses (hardware from `hardware=`).

The `hardware` node (`medlab.config.hardware.HardwareConfig`) is passed to `lightning.Trainer`
as keyword arguments (accelerator, devices, num_nodes, precision, strategy, any other key). A
`strategy` given as a mapping with `_target_` (FullShardStrategy, DDPStrategy,
DeepSpeedStrategy, ...) is built with `hydra.utils.instantiate` first, so its own arguments
(activation checkpointing, process group backend) live in the config. `FullShardStrategy` +
`shard_model` are medlab's FSDP (FSDP2).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import types
import warnings
from datetime import timedelta
from pathlib import Path
from typing import Any

import lightning as L
import torch
from lightning.fabric.plugins.environments import SLURMEnvironment
from lightning.pytorch.callbacks import Callback, ModelCheckpoint
from lightning.pytorch.loggers import Logger
from lightning.pytorch.strategies import ModelParallelStrategy
from lightning.pytorch.utilities.exceptions import MisconfigurationException

from medlab.checkpointing import AtomicCheckpointIO
from medlab.config.hardware import HardwareConfig
from medlab.console import StepProgressBar, quiet_known_noise
from medlab.errors import ConfigError
from medlab.models.forward import SHARDED_CALL
from medlab.models.precision import keep_trained_parameters_fp32
from medlab.resume import Preemption, RngStateCheckpoint

log = logging.getLogger(__name__)

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


def set_process_group_timeout(strategy: Any, minutes: float | None) -> None:
    """`hardware.process_group_timeout_min`: how long a collective may wait for the slowest rank
    before the watchdog kills the job (torch's default: 30 min). Applies to DDP, FSDP2 and
    DeepSpeed strategies built from the config; a strategy named by a string keeps the default."""
    if minutes is None:
        return
    if (
        isinstance(minutes, bool)
        or not isinstance(minutes, (int, float))
        or not 0 < minutes < float("inf")
    ):
        raise ConfigError(
            f"hardware.process_group_timeout_min: must be a finite number of minutes > 0, got "
            f"{minutes!r}. Set hardware.process_group_timeout_min=60."
        )
    if hasattr(strategy, "_timeout"):
        strategy._timeout = timedelta(minutes=float(minutes))


class FullShardStrategy(ModelParallelStrategy):
    """FSDP full shard for medlab's stages: FSDP2 `fully_shard` over every rank, no tensor
    parallelism; checkpoints and exports hold full (gathered) weights.

    Lightning's FSDPStrategy (FSDP1) cannot run medlab's stages (several micro-batch backwards
    per step; Lightning issue #19626). FSDP2 shards per module instead: `shard_model` (each
    stage's `configure_model`) makes every ``*DecoderLayer`` and then the whole model one unit,
    each micro-batch forward gathers and frees its units, and gradients are reduce-scattered
    (averaged over ranks, as DDP does). `activation_checkpointing` recomputes each decoder
    layer in the backward (Hugging Face's gradient checkpointing, non-reentrant).
    """

    def __init__(
        self, activation_checkpointing: bool = False, process_group_backend: str | None = None
    ) -> None:
        super().__init__(
            tensor_parallel_size=1,
            save_distributed_checkpoint=False,
            process_group_backend=process_group_backend,
        )
        self.activation_checkpointing = activation_checkpointing

    def setup_environment(self) -> None:
        # every process is one data-parallel shard (Lightning's default is one per node)
        self._data_parallel_size = self.num_nodes * self.num_processes
        super().setup_environment()


def shard_model(module: L.LightningModule) -> None:
    """`configure_model` of every stage: trained parameters in fp32, then FSDP2-shard
    `module.model` under FullShardStrategy.

    The upcast (`medlab.models.precision`) runs before sharding and before the optimizer is
    built, under every strategy but DeepSpeed (which keeps its own fp32 master weights and
    casts the module to its bf16 / fp16 compute dtype itself).

    Sharding is a no-op under any other strategy, and on a model sharded already (Lightning
    calls the hook again for `validate` after `fit`). Registers
    `medlab.models.forward.SHARDED_CALL` so medlab's decoder + head calls run inside the root
    unit's hooks (see `through_root`).
    """
    from lightning.pytorch.strategies import DeepSpeedStrategy
    from torch.distributed.fsdp import FSDPModule, fully_shard, register_fsdp_forward_method

    strategy = module._trainer.strategy if module._trainer is not None else None
    model: Any = module.model
    if not isinstance(strategy, DeepSpeedStrategy):
        keep_trained_parameters_fp32(model)
    if not isinstance(strategy, FullShardStrategy) or isinstance(model, FSDPModule):
        return
    if strategy.activation_checkpointing:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    assert module.device_mesh is not None  # set by ModelParallelStrategy before this hook
    mesh = module.device_mesh["data_parallel"]
    layers = [m for m in model.modules() if decoder_layer_policy(m, False, 0)]
    for layer in layers:
        fully_shard(layer, mesh=mesh)
    fully_shard(model, mesh=mesh)
    log.info(
        "FSDP2 full shard over %d ranks: %d decoder layers + root, activation checkpointing %s",
        mesh.size(),
        len(layers),
        "on" if strategy.activation_checkpointing else "off",
    )
    setattr(model, SHARDED_CALL, types.MethodType(_call_on, model))
    register_fsdp_forward_method(model, SHARDED_CALL)


def _call_on(model: torch.nn.Module, fn: Any, *args: Any) -> Any:
    return fn(model, *args)


def _refuse_fsdp(strategy: Any) -> None:
    """Lightning 2.6's FSDPStrategy (FSDP1) cannot run medlab's stages: stop before GPU time.

    Lightning runs `training_step` inside the root FSDP1 forward, and the micro-batch
    backwards there break FSDP's hooks (Lightning issue #19626); FSDPPrecision also refuses
    norm clipping. `FullShardStrategy` (FSDP2) does the same sharding and works.
    """
    from lightning.pytorch.strategies import FSDPStrategy

    if isinstance(strategy, FSDPStrategy) or strategy in ("fsdp", "fsdp_cpu_offload"):
        raise ConfigError(
            "hardware.strategy: Lightning's FSDPStrategy cannot run medlab's stages (several "
            "micro-batch backwards per step, Lightning issue #19626). Use "
            "_target_: medlab.stages.trainer.FullShardStrategy (FSDP2), as hardware=gpu_8x_fsdp."
        )


class LogFirstAndLastStep(Callback):
    """Write the train metrics of the first and of the last batch of a fit too.

    Lightning writes the metrics a training step logged only every `log_every_n_steps`
    batches, so a run shorter than that logged none and the final step was often missing. This
    callback sets `trainer.log_every_n_steps` to 1 for the first batch of each fit and for the
    batch that reaches `max_steps` (or ends the last epoch), and back to `every` otherwise;
    Lightning reads it right after `on_train_batch_end`. Logged tensors are only read (a host
    sync) on the batches written.
    """

    def __init__(self, every: int) -> None:
        self.every = every
        self._first = True

    def on_train_start(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        self._first = True

    def on_train_batch_end(
        self, trainer: L.Trainer, pl_module: L.LightningModule, *args: Any, **kwargs: Any
    ) -> None:
        last = 0 < trainer.max_steps <= trainer.global_step
        max_epochs = trainer.max_epochs
        if max_epochs is not None and max_epochs > 0 and trainer.is_last_batch:
            last = last or trainer.current_epoch + 1 >= max_epochs
        every = 1 if self._first or last else self.every
        trainer.log_every_n_steps = every  # type: ignore[attr-defined]  # set by Lightning
        self._first = False

    def on_train_end(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        trainer.log_every_n_steps = self.every  # type: ignore[attr-defined]


def _check_launchable(hardware: HardwareConfig) -> None:
    """A local multi-process run cannot start from a Hydra --multirun sweep.

    Lightning starts ranks 1..N-1 by re-running the command line; under -m that re-runs the
    whole sweep. Under SLURM / torchrun the processes exist already, so that is fine.
    """
    processes = int(hardware.devices or 1) * int(hardware.num_nodes or 1)  # type: ignore[arg-type]
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


def _trainer_hardware(hardware: HardwareConfig) -> dict[str, Any]:
    """`lightning.Trainer` keyword arguments of the `hardware` node, the strategy built (and
    refused when it cannot run medlab's stages) and its process-group timeout set."""
    _check_launchable(hardware)
    strategy = build_strategy(hardware.strategy)
    set_process_group_timeout(strategy, hardware.process_group_timeout_min)
    _refuse_fsdp(strategy)
    return {
        "accelerator": hardware.accelerator,
        "devices": hardware.devices,
        "num_nodes": hardware.num_nodes,
        "strategy": strategy,
        "precision": hardware.precision,
        **hardware.trainer_kwargs,
    }


def _checkpoint_plugins(strategy: Any) -> list[Any]:
    # FSDP and DeepSpeed write checkpoints themselves (no CheckpointIO plugin).
    plugins: list[Any] = [] if _own_checkpoint_io(strategy) else [AtomicCheckpointIO()]
    if SLURMEnvironment.detect():  # medlab.resume.Preemption checkpoints and requeues at a step
        plugins.append(SLURMEnvironment(auto_requeue=False))  # end, not mid-step as Lightning
    return plugins


def build_trainer(
    hardware: HardwareConfig,
    max_steps: int,
    val_every_n_steps: int,
    checkpoint_every_n_steps: int,
    log_every_n_steps: int,
    run_dir: Path,
    loggers: list[Logger],
    callbacks: list[Callback] | None = None,
) -> L.Trainer:
    """Trainer counting optimizer steps, validating every N steps, checkpointing for resume;
    train metrics are written every `log_every_n_steps` batches and at the first and last."""
    quiet_known_noise()
    trainer_hardware = _trainer_hardware(hardware)
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
            log_every_n_steps=min(log_every_n_steps, max_steps),  # no "nothing logged" warning
            num_sanity_val_steps=0,
            default_root_dir=str(run_dir),
            logger=loggers,
            callbacks=[
                checkpoint,
                StepProgressBar(run_dir.name),
                LogFirstAndLastStep(log_every_n_steps),
                RngStateCheckpoint(),
                Preemption(run_dir / CHECKPOINT_DIR / "last.ckpt"),
                *(callbacks or []),
            ],
            plugins=_checkpoint_plugins(trainer_hardware["strategy"]),
            use_distributed_sampler=False,
            enable_model_summary=False,
            **trainer_hardware,
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
