"""`SFTModule`: supervised fine-tuning with token-normalised gradient accumulation.

Manual optimisation: each training batch is one optimizer step made of micro-batches. The
trained tokens of all micro-batches (all ranks) are counted first; every micro-batch's summed
loss is divided by that count before its backward. The gradient is therefore the mean over
every trained token of the step, exactly as one big batch would give (tests check 4 x 2 == 8).

Logits are computed only at trained positions (the decoder's hidden states are gathered
before the output projection), which saves the [B, T, V] logits of prompt tokens, and only
`stage.logps_chunk_size` positions at a time (`medlab.losses.chunked`), so the loss's memory does
not grow with the number of trained tokens.

Under DDP each rank gets `micro_batch_size x grad_accum_steps` conversations per step; gradients
are all-reduced once per step (on the last micro-batch), and the logged train metrics are those
of the whole global batch (sums over ranks), equal to one process with the same global batch.
Under FSDP2 (`FullShardStrategy`) too (tests/integration/test_fsdp.py). The plumbing every stage
shares lives in its own modules: `medlab.models.forward` (decoder + head calls through the
sharded root), `medlab.stages.optim` (AdamW, schedule, backward, step) and
`medlab.stages.distributed` (sums over ranks, validation replays).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import lightning as L
import torch

from medlab.config import SFTConfig
from medlab.data.collate import MicroBatch
from medlab.losses import IGNORE_INDEX
from medlab.losses.sft import TokenCEStats
from medlab.models.forward import trained_token_stats
from medlab.stages.distributed import replay_last, sum_over_ranks, validation_replays
from medlab.stages.optim import configure_adamw, optimizer_step, step_backward
from medlab.stages.trainer import shard_model


class SFTModule(L.LightningModule):
    def __init__(self, model: torch.nn.Module, cfg: SFTConfig) -> None:
        super().__init__()
        self.model = model
        self.cfg = cfg
        self.automatic_optimization = False
        self._val_sums: list[torch.Tensor] = []

    # ---- loss -----------------------------------------------------------------------------
    def micro_batch_stats(self, batch: MicroBatch) -> TokenCEStats:
        return trained_token_stats(self.model, batch, self.cfg.logps_chunk_size)

    def _global_token_count(self, local: torch.Tensor) -> tuple[torch.Tensor, int]:
        if self._trainer is None or self.trainer.world_size == 1:
            return local, 1
        total = self.trainer.strategy.reduce(local.float(), reduce_op="sum")
        return total, self.trainer.world_size

    def accumulate_gradients(
        self, micro_batches: Sequence[MicroBatch], backward: Callable[[torch.Tensor], Any]
    ) -> dict[str, torch.Tensor]:
        """Backward every micro-batch with loss_sum * world / (trained tokens of the step).

        DDP averages gradients over ranks, hence the world-size factor: the result is the
        gradient of (sum of token losses over all ranks) / (all trained tokens).
        """
        local_tokens = sum((mb["targets"] != IGNORE_INDEX).sum() for mb in micro_batches)
        assert isinstance(local_tokens, torch.Tensor)
        total_tokens, world = self._global_token_count(local_tokens)
        denominator = total_tokens.clamp(min=1).float() / world
        loss = torch.zeros((), device=self.device)
        correct = torch.zeros((), device=self.device, dtype=torch.long)
        for mb in micro_batches:
            stats = self.micro_batch_stats(mb)
            scaled = stats.loss_sum / denominator
            backward(scaled)
            loss += scaled.detach() / world
            correct += stats.num_correct
        return {"loss": loss, "num_tokens": local_tokens, "num_correct": correct}

    def _global_stats(self, stats: dict[str, torch.Tensor]) -> tuple[float, int, int]:
        """(loss, trained tokens, correct tokens) of the global batch: one all-reduce."""
        local = torch.stack(
            [stats["loss"].float(), stats["num_tokens"].float(), stats["num_correct"].float()]
        )
        loss, tokens, correct = sum_over_ranks(self, local).tolist()
        return loss, int(tokens), int(correct)

    # ---- Lightning hooks ------------------------------------------------------------------
    def training_step(self, batch: list[MicroBatch], batch_idx: int) -> None:
        start = time.perf_counter()
        optimizer: Any = self.optimizers()
        scheduler: Any = self.lr_schedulers()
        stats = self.accumulate_gradients(batch, step_backward(self, len(batch)))
        optimizer_step(self, optimizer, scheduler, self.cfg.max_grad_norm)
        # One sync per step (also makes step_time honest on GPU): every rank's share.
        loss, num_tokens, num_correct = self._global_stats(stats)
        step_time = time.perf_counter() - start
        world = self.trainer.world_size
        input_tokens = sum(int(mb["input_ids"].numel()) for mb in batch) * world  # ~global
        num_tokens = max(1, num_tokens)
        self.log_dict(
            {
                "train/loss": loss,
                "train/mean_token_accuracy": num_correct / num_tokens,
                "train/tokens_per_sec": input_tokens / step_time,
                "train/step_time": step_time,
                "train/lr": optimizer.param_groups[0]["lr"],
                "train/trained_tokens": float(num_tokens),
            },
            on_step=True,
            on_epoch=False,
            batch_size=len(batch),
        )
        self.log("loss", loss, prog_bar=True, logger=False, on_step=True, batch_size=len(batch))

    def on_validation_epoch_start(self) -> None:
        self._val_sums = [
            torch.zeros((), device=self.device, dtype=torch.float64) for _ in range(3)
        ]
        self._val_replays = validation_replays(self)

    def validation_step(self, batch: list[MicroBatch], batch_idx: int) -> None:
        for mb in batch:
            stats = self.micro_batch_stats(mb)
            for acc, value in zip(self._val_sums, stats, strict=True):
                acc += value.detach().double()
        replay_last(
            self, batch_idx, self._val_replays, lambda: list(map(self.micro_batch_stats, batch))
        )

    def on_validation_epoch_end(self) -> None:
        loss_sum, count, correct = (
            self.trainer.strategy.reduce(v, reduce_op="sum") for v in self._val_sums
        )
        count = count.clamp(min=1)
        self.log("val/loss", (loss_sum / count).float(), prog_bar=True, on_epoch=True)
        self.log("val/mean_token_accuracy", (correct / count).float(), on_epoch=True)

    def configure_model(self) -> None:
        shard_model(self)

    def configure_optimizers(self) -> Any:
        return configure_adamw(self.model, self.cfg)
