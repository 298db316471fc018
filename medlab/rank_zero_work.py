"""Work that only global rank 0 does (evaluation, merging) while the other ranks wait on disk.

A rank waiting in a collective (a barrier, or the next phase's first all-reduce) is killed by the
process-group watchdog after `hardware.process_group_timeout_min` (torch's default 30 min); the
AFM benchmark set on a 4.5B model takes longer than that. So the other ranks wait outside any
collective: rank 0 writes a marker file (e.g. `<phase>/.eval_rank0.json`) when its work ends (with the error if it
failed), and they poll for that file. The file carries this launch's attempt id, so a marker left
by an earlier, interrupted launch is never mistaken for this one's. The run directory is shared
by all ranks (as for checkpoints and exports), so this works across nodes too.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from medlab.atomic_files import atomic_write_json
from medlab.checkpointing import is_rank_zero
from medlab.errors import ConfigError, MedlabError

T = TypeVar("T")
ATTEMPT_ENV = "MEDLAB_RUN_ATTEMPT"


def attempt_id() -> str:
    """One id per launch, the same on every rank: the launcher's job id where there is one
    (torchrun, SLURM), else one made by rank 0 and inherited by the ranks Lightning starts.

    Call it before the first `Trainer.fit` (`run_experiment` does): Lightning starts the other
    ranks of a node there, and they inherit the environment as it is at that moment."""
    if ATTEMPT_ENV not in os.environ:
        launcher = None
        if "TORCHELASTIC_RUN_ID" in os.environ:  # an elastic restart is a new attempt
            restarts = os.environ.get("TORCHELASTIC_RESTART_COUNT", "0")
            launcher = f"{os.environ['TORCHELASTIC_RUN_ID']}-{restarts}"
        elif "SLURM_JOB_ID" in os.environ:  # so is a requeued job
            launcher = (
                f"slurm-{os.environ['SLURM_JOB_ID']}-{os.environ.get('SLURM_RESTART_COUNT', '0')}"
            )
        if launcher is None and int(os.environ.get("NODE_RANK", "0") or 0) > 0:
            raise ConfigError(
                f"{ATTEMPT_ENV}: a multi-node launch without torchrun or SLURM needs one id "
                f"shared by every node; export {ATTEMPT_ENV}=<same new value> on each node."
            )
        os.environ[ATTEMPT_ENV] = launcher or uuid.uuid4().hex
    return os.environ[ATTEMPT_ENV]


def run_on_rank_zero(
    marker: Path, work: Callable[[], T], what: str, poll_s: float = 1.0
) -> T | None:
    """`work()` on rank 0 (its result returned there); the other ranks return None once it is
    done, or raise if it failed. No collective is pending while rank 0 works."""
    marker = Path(marker)
    marker.parent.mkdir(parents=True, exist_ok=True)
    attempt = attempt_id()
    if is_rank_zero():
        try:
            result = work()
        except BaseException as exc:
            atomic_write_json(marker, {"attempt": attempt, "ok": False, "error": str(exc)[:500]})
            raise
        atomic_write_json(marker, {"attempt": attempt, "ok": True})
        return result
    parent = os.getppid()
    while True:
        record = _read(marker)
        if record.get("attempt") == attempt:
            if record.get("ok"):
                return None
            raise MedlabError(f"{what} failed on rank 0: {record.get('error')}")
        if os.getppid() != parent:  # Lightning's launcher (rank 0) is gone
            raise MedlabError(f"{what}: rank 0 exited before finishing; see its log.")
        time.sleep(poll_s)


def _read(marker: Path) -> dict:
    try:
        return dict(json.loads(marker.read_text()))
    except (OSError, ValueError):
        return {}
