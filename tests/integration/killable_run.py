"""`python tests/integration/killable_run.py N SIGNAL OVERRIDES...`: `python -m medlab.run
OVERRIDES` in which this process sends itself SIGNAL (KILL, TERM, USR1; KILLPG: SIGKILL to its
whole process group, i.e. every rank of a local DDP run) just before its N-th backward pass,
i.e. at a fixed point inside an optimizer step (between two micro-batches when N - 1 is not a
multiple of the accumulation count). A real signal to a real process, at a deterministic point,
so the resume tests are not timing-dependent.
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
from typing import Any

from lightning.pytorch import LightningModule


def main() -> None:
    at, name = int(sys.argv[1]), sys.argv[2]
    calls = 0
    original = LightningModule.manual_backward

    def manual_backward(self: LightningModule, loss: Any, *args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == at and name == "KILLPG":
            os.killpg(os.getpgid(0), signal.SIGKILL)
        elif calls == at:
            os.kill(os.getpid(), getattr(signal, f"SIG{name}"))
        original(self, loss, *args, **kwargs)

    LightningModule.manual_backward = manual_backward  # type: ignore[method-assign]
    sys.argv = ["medlab.run", *sys.argv[3:]]
    # = python -m medlab.run (and Lightning starts DDP rank 1 as `python -m medlab.run ...`,
    # without this patch: rank 0 counts the backward passes)
    runpy.run_module("medlab.run", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
