"""Exact resume and preemption: what a Lightning checkpoint needs beyond weights and optimizer.

- `RngStateCheckpoint`: every rank's torch / numpy / Python RNG states (CUDA too when present)
  go into each checkpoint, gathered on rank 0, and are put back just before the first step
  after a resume, so GRPO's sampled completions (and anything else random) continue as in an
  uninterrupted run. Every step starts from the states the previous step ended with, so what
  runs between steps (validation, which a resumed run does not repeat at its checkpoint step)
  never shifts the training stream.
- `Preemption`: SIGTERM, SIGUSR1 and SIGUSR2 (SLURM's time-limit / preemption warnings; submitit
  sends USR2) finish the step in progress, save `checkpoints/last.ckpt` at that step
  (atomically, through the trainer's CheckpointIO), run that step's validation if one is due and
  write its metrics, print one line saying how to resume and exit with status `EXIT_PREEMPTED`
  (75, EX_TEMPFAIL). A signal during the last step lets the stage finish as usual. Under SLURM,
  USR1 / USR2 also requeue the job (`scontrol requeue $SLURM_JOB_ID` from rank 0); SLURM
  requeues a preempted job after SIGTERM itself when the partition's PreemptMode is REQUEUE. No
  export or COMPLETE marker is written.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

import lightning as L
import torch
from lightning.fabric.utilities.seed import _collect_rng_states, _set_rng_states
from lightning.pytorch.callbacks import Callback

log = logging.getLogger(__name__)

EXIT_PREEMPTED = 75  # sysexits.h EX_TEMPFAIL: temporary failure, re-run to continue
PREEMPTION_SIGNALS = ("SIGTERM", "SIGUSR1", "SIGUSR2")
REQUEUE_SIGNALS = ("SIGUSR1", "SIGUSR2")


def _all_ranks(obj: Any) -> list[Any]:
    """`obj` of every rank, rank-major (one process: [obj])."""
    dist = torch.distributed
    if not (dist.is_available() and dist.is_initialized()) or dist.get_world_size() == 1:
        return [obj]
    gathered: list[Any] = [None] * dist.get_world_size()
    dist.all_gather_object(gathered, obj)
    return gathered


def _rng_states() -> dict[str, Any]:
    """This process's RNG states as plain bytes / numbers (gathered across ranks by pickling,
    which tensors do not survive under gloo)."""
    states = _collect_rng_states(include_cuda=torch.cuda.is_available())
    out: dict[str, Any] = {"python": states["python"]}
    out["torch"] = states["torch"].numpy().tobytes()
    out["torch.cuda"] = [s.cpu().numpy().tobytes() for s in states.get("torch.cuda") or []]
    if "numpy" in states:
        kind, keys, pos, has_gauss, gauss = states["numpy"]
        out["numpy"] = (kind, keys.astype("<u4").tobytes(), int(pos), int(has_gauss), float(gauss))
    return out


def _restore_rng(states: dict[str, Any]) -> None:
    import numpy as np

    def tensor(raw: bytes) -> torch.Tensor:
        return torch.frombuffer(bytearray(raw), dtype=torch.uint8)

    restored: dict[str, Any] = {"python": states["python"], "torch": tensor(states["torch"])}
    if states.get("torch.cuda") and torch.cuda.is_available():
        restored["torch.cuda"] = [tensor(s) for s in states["torch.cuda"]]
    if "numpy" in states:
        kind, keys, pos, has_gauss, gauss = states["numpy"]
        restored["numpy"] = (kind, np.frombuffer(keys, dtype="<u4").copy(), pos, has_gauss, gauss)
    _set_rng_states(restored)


class RngStateCheckpoint(Callback):
    """Checkpoints every rank's RNG states and restores them at the first step after a resume.

    Each step starts from the RNG states the previous step ended with, whatever ran between
    them (validation, its data loader's seed draw, checkpointing): those do not run again after
    a resume, so they must not shift the training stream.
    """

    def __init__(self) -> None:
        self._pending: list[dict[str, Any]] | None = None
        self._after_step: dict[str, Any] | None = None

    def state_dict(self) -> dict[str, Any]:
        # Called on every rank when a checkpoint is saved (rank 0 writes it): a collective.
        states = self._after_step if self._after_step is not None else _rng_states()
        return {"rng_states": _all_ranks(states)}

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        self._pending = list(state_dict.get("rng_states") or []) or None

    def on_train_start(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        self._after_step = None

    def on_train_batch_end(
        self, trainer: L.Trainer, pl_module: L.LightningModule, *args: Any, **kwargs: Any
    ) -> None:
        self._after_step = _rng_states()

    def on_train_batch_start(
        self, trainer: L.Trainer, pl_module: L.LightningModule, batch: Any, batch_idx: int
    ) -> None:
        if self._pending is not None:
            states, self._pending = self._pending, None
            if len(states) == trainer.world_size:
                _restore_rng(states[trainer.global_rank])
                return
            log.warning(
                "checkpoint holds the RNG states of %d ranks, this run has %d: random draws "
                "after the resume differ from an uninterrupted run",
                len(states),
                trainer.world_size,
            )
        if self._after_step is not None:
            _restore_rng(self._after_step)


class Preempted(SystemExit):
    """Raised after the preemption checkpoint is written: exits with EXIT_PREEMPTED."""

    def __init__(self, message: str) -> None:
        super().__init__(EXIT_PREEMPTED)
        self.message = message


def _run_dir(stage_dir: Path) -> Path:
    """The hydra.run.dir of this run (the stage directory itself outside Hydra)."""
    from hydra.core.hydra_config import HydraConfig

    if HydraConfig.initialized():
        return Path(HydraConfig.get().runtime.output_dir)
    return stage_dir


def slurm_requeue() -> str:
    """`scontrol requeue` this SLURM job (array tasks too); a one-line outcome."""
    array_job, array_task = (
        os.environ.get("SLURM_ARRAY_JOB_ID"),
        os.environ.get("SLURM_ARRAY_TASK_ID"),
    )
    job_id = f"{array_job}_{array_task}" if array_job and array_task else os.environ["SLURM_JOB_ID"]
    if not re.fullmatch(r"[0-9_]+", job_id):
        return f"not requeued: unexpected SLURM job id {job_id!r}"
    try:
        done = subprocess.run(
            ["scontrol", "requeue", job_id], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"requeue of SLURM job {job_id} failed ({exc}); resubmit the same command"
    if done.returncode != 0:
        return (
            f"requeue of SLURM job {job_id} failed (scontrol exit {done.returncode}: "
            f"{done.stderr.strip()[:200]}); resubmit the same command"
        )
    return f"SLURM job {job_id} requeued; it resumes from this checkpoint"


class Preemption(Callback):
    """SIGTERM / SIGUSR1 / SIGUSR2: checkpoint at the end of the step in progress, then exit.

    The handlers replace Lightning's for the length of the fit (Lightning's SIGTERM handler
    would exit after the step without a checkpoint); every rank agrees on stopping at the same
    step (an all-reduce of the flag per step), so a signal delivered to one rank is enough.
    """

    def __init__(self, checkpoint_path: Path) -> None:
        self.checkpoint_path = Path(checkpoint_path)
        self.received: str | None = None
        self._message: str | None = None
        self._previous: dict[int, Any] = {}
        self._trainer: L.Trainer | None = None

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        # Only set a flag: writing to stderr here could re-enter a write the signal interrupted
        # (the progress bar writes there all the time) and raise in the training loop.
        if self.received is None:
            self.received = signal.Signals(signum).name
        launcher = getattr(self._trainer, "strategy", None)
        launcher = getattr(launcher, "launcher", None)
        from lightning.pytorch.strategies.launchers import _SubprocessScriptLauncher

        if isinstance(launcher, _SubprocessScriptLauncher):  # local DDP: tell the other ranks
            launcher.kill(signum)

    def on_train_start(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        self._trainer = trainer
        self.received = None
        self._message = None
        if threading.current_thread() is not threading.main_thread():
            return
        for name in PREEMPTION_SIGNALS:
            signum = getattr(signal, name, None)
            if signum is not None:
                self._previous[signum] = signal.getsignal(signum)
                signal.signal(signum, self._handler)

    def _restore_handlers(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for signum, handler in self._previous.items():
            if handler is not None:
                signal.signal(signum, handler)
        self._previous = {}

    def on_train_end(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        self._restore_handlers()

    def on_exception(
        self, trainer: L.Trainer, pl_module: L.LightningModule, exception: BaseException
    ) -> None:
        self._restore_handlers()

    def on_train_batch_end(
        self, trainer: L.Trainer, pl_module: L.LightningModule, *args: Any, **kwargs: Any
    ) -> None:
        stop = trainer.strategy.reduce_boolean_decision(self.received is not None, all=False)
        if not stop or self._message is not None or trainer.global_step >= trainer.max_steps > 0:
            return  # (the last step: the stage finishes and exports as usual)
        trainer.save_checkpoint(self.checkpoint_path)
        self._message = (
            f"medlab: stopped by {self.received or 'a signal to another rank'} at step "
            f"{trainer.global_step}; checkpoint {self.checkpoint_path}.{{requeue}} To resume, "
            f"re-run the same command with hydra.run.dir="
            f"{_run_dir(self.checkpoint_path.parent.parent)}"
        )

    def on_train_batch_start(
        self, trainer: L.Trainer, pl_module: L.LightningModule, batch: Any, batch_idx: int
    ) -> None:
        # The previous step's metrics (and its validation) are logged by now: write them, so a
        # kill loses no row of a finished step; after a preemption checkpoint, stop here.
        for logger in trainer.loggers:
            logger.save()
        if self._message is None:
            return
        requeue = ""  # last: `scontrol requeue` ends a running job (after SLURM's KillWait)
        slurm = "SLURM_JOB_ID" in os.environ and self.received in REQUEUE_SIGNALS
        if trainer.is_global_zero and slurm:
            requeue = " " + slurm_requeue() + "."
        message = self._message.replace("{requeue}", requeue)
        if trainer.is_global_zero:
            print(message, file=sys.stderr, flush=True)
        raise Preempted(message)
