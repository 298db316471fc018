"""A resumable batch sampler: the items of optimizer step s depend only on (seed, s).

Step s takes the next `batch_size` items of an endless stream made of per-epoch permutations
(epoch e shuffled with seed + e). Restarting at `start_step` after an interruption therefore
yields exactly the batches the uninterrupted run would have seen.

To Lightning the whole run is one epoch of `num_steps` batches: `len()` is `num_steps` also
when iteration starts at `start_step`. Lightning restores its position inside the epoch
(`batch_progress.current.ready` = the checkpoint's step) and ends the epoch when that count
reaches `len()`; a length of `num_steps - start_step` ended it early and started a second
"epoch" that replayed the batches from `start_step` again.

Under data parallelism `batch_size` is per rank: step s draws the next batch_size x world_size
items and rank r takes items r, r + world, ... of them, so the union over ranks is the batch
one process with batch_size x world_size would see (tests check 2 x 2 == 1 x 4).
`rank_slice` splits a held-out set the same way.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from torch.utils.data import Sampler

T = TypeVar("T")


def rank_slice(items: Sequence[T], rank: int, world_size: int) -> list[T]:
    """This rank's share of a held-out set: items rank, rank + world, ...

    With fewer items than ranks every rank keeps all of them: each rank must run validation to
    join its all-reduce, and the reduced sums are then all scaled alike, so means are unchanged.
    """
    if world_size <= 1 or len(items) < world_size:
        return list(items)
    return list(items[rank::world_size])


def rank_and_world(trainer: Any) -> tuple[int, int]:
    """(global rank, world size) of an attached trainer; (0, 1) without one."""
    if trainer is None:
        return 0, 1
    return int(trainer.global_rank), int(trainer.world_size)


class ResumableBatchSampler(Sampler[list[int]]):
    def __init__(
        self,
        num_items: int,
        batch_size: int,
        num_steps: int,
        seed: int,
        start_step: int = 0,
        rank: int = 0,
        world_size: int = 1,
    ) -> None:
        if num_items <= 0:
            raise ValueError("ResumableBatchSampler needs at least one item")
        self.num_items = num_items
        self.batch_size = batch_size
        self.num_steps = num_steps
        self.seed = seed
        self.start_step = start_step
        self.rank = rank
        self.world_size = world_size
        self._perm_cache: dict[int, list[int]] = {}

    def _permutation(self, epoch: int) -> list[int]:
        if epoch not in self._perm_cache:
            order = list(range(self.num_items))
            random.Random(self.seed + epoch).shuffle(order)
            self._perm_cache = {epoch: order}
        return self._perm_cache[epoch]

    def batch_for_step(self, step: int) -> list[int]:
        """Global batch of `step`, split across ranks (this rank's slice)."""
        global_size = self.batch_size * self.world_size
        start = step * global_size
        items = []
        for k in range(start, start + global_size):
            epoch, offset = divmod(k, self.num_items)
            items.append(self._permutation(epoch)[offset])
        return items[self.rank :: self.world_size]

    def __iter__(self) -> Iterator[list[int]]:
        for step in range(self.start_step, self.num_steps):
            yield self.batch_for_step(step)

    def __len__(self) -> int:
        return self.num_steps  # one Lightning epoch = the whole run, resumed or not
