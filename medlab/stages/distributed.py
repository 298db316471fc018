"""Collectives the stages share under several ranks: sums over ranks, validation replays.

Under DDP or FSDP2 each rank holds its own share of a batch: `sum_over_ranks` turns the
per-rank sums into global ones (the logged metrics describe the global batch). Under FSDP2 a
forward is itself a collective, so every rank must run as many validation forwards:
`validation_replays` counts the missing ones and `replay_last` runs them, results discarded.
All are no-ops in one process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lightning as L
import torch

from medlab.models.forward import SHARDED_CALL


def sum_over_ranks(module: L.LightningModule, values: torch.Tensor) -> torch.Tensor:
    """`values` summed over data-parallel ranks (unchanged in one process / without trainer)."""
    if module._trainer is None or module.trainer.world_size == 1:
        return values
    return module.trainer.strategy.reduce(values.clone(), reduce_op="sum")


def validation_replays(module: L.LightningModule) -> int:
    """Extra validation steps this rank replays so that every rank runs as many (0 unless
    FSDP2-sharded). Call in `on_validation_epoch_start`: a collective, before any forward.

    A sharded forward is a collective (each unit all-gathers its weights), so every rank must
    run the same number. `rank_slice` gives ranks held-out shards that differ by up to one item
    (5 items on 2 ranks: 3 / 2), so the short ranks replay their last step (`replay_last`) with
    the result discarded: the metrics are those of the real items only.
    """
    if module._trainer is None or module.trainer.world_size == 1:
        return 0
    if getattr(module.model, SHARDED_CALL, None) is None:
        return 0
    mine = int(module.trainer.num_val_batches[0])
    most = torch.tensor(mine, device=module.device)
    torch.distributed.all_reduce(most, op=torch.distributed.ReduceOp.MAX)
    return int(most) - mine


def replay_last(
    module: L.LightningModule, batch_idx: int, replays: int, step: Callable[[], Any]
) -> None:
    """After this rank's last validation batch, run `step` `replays` times (no grad, the
    result discarded): see `validation_replays`."""
    if replays and batch_idx + 1 == int(module.trainer.num_val_batches[0]):
        with torch.no_grad():
            for _ in range(replays):
                step()
