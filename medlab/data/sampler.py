"""A resumable batch sampler: the items of optimizer step s depend only on (seed, s).

Step s takes the next `batch_size` items of an endless stream made of per-epoch permutations
(epoch e shuffled with seed + e). Restarting at `start_step` after an interruption therefore
yields exactly the batches the uninterrupted run would have seen.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from torch.utils.data import Sampler


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
        return max(0, self.num_steps - self.start_step)
