"""`DPOModule`: direct preference optimisation with the losses in `medlab.losses.dpo`.

Each micro-batch holds B pairs as 2B rows (chosen rows first, then rejected) that go through
the policy in ONE forward pass. Per-sequence log-probs are summed over completion tokens only
(logits are computed only at those positions, `stage.logps_chunk_size` at a time, see
`medlab.losses.chunked`). The reference log-probs come from a `ReferenceModel` (frozen copy,
disabled adapters, or a precomputed cache), computed before the policy's forward so that its
chunks never sit next to the policy's kept log-softmax.

Gradient accumulation: each micro-batch's summed pair losses are divided by the number of
pairs in the whole optimizer step (times world size under DDP), so accumulation is exact.
Under DDP every rank holds the same number of pairs per step, so the logged train metrics (the
mean over ranks of each rank's pair mean) are the means over the global batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import lightning as L
import torch

from medlab.config import DPOConfig
from medlab.data.collate import MicroBatch
from medlab.losses.dpo import DPOLossOutput, dpo_loss, pair_accuracy, split_pairs
from medlab.models.forward import trained_sequence_logps
from medlab.stages.distributed import replay_last, sum_over_ranks, validation_replays
from medlab.stages.optim import configure_adamw, optimizer_step, step_backward
from medlab.stages.reference import ReferenceModel
from medlab.stages.trainer import shard_model

VAL_KEYS = (
    "loss",
    "chosen",
    "rejected",
    "margins",
    "accuracies",
    "logps_chosen",
    "logps_rejected",
    "logps_accuracy",
)


class DPOModule(L.LightningModule):
    def __init__(self, model: torch.nn.Module, cfg: DPOConfig, reference: ReferenceModel) -> None:
        super().__init__()
        self.model = model
        self.cfg = cfg
        self.reference = reference
        self.automatic_optimization = False
        self._val_sums: dict[str, torch.Tensor] = {}

    def pair_outputs(self, batch: MicroBatch) -> tuple[DPOLossOutput, dict[str, torch.Tensor]]:
        # the reference first: see the module docstring
        ref_chosen, ref_rejected = split_pairs(self.reference.sequence_logps(batch))
        logps, counts = trained_sequence_logps(self.model, batch, self.cfg.logps_chunk_size)
        policy_chosen, policy_rejected = split_pairs(logps)  # [2B] -> [B], [B]
        chosen_counts, rejected_counts = split_pairs(counts)
        out = dpo_loss(
            self.cfg.loss,
            policy_chosen,
            policy_rejected,
            ref_chosen,
            ref_rejected,
            beta=self.cfg.beta,
            label_smoothing=self.cfg.label_smoothing,
            chosen_lengths=chosen_counts,
            rejected_lengths=rejected_counts,
            nll_weight=self.cfg.nll_weight,
            chosen_nll=(-policy_chosen / chosen_counts.clamp(min=1))
            if self.cfg.nll_weight
            else None,
        )
        mean_chosen = policy_chosen.detach() / chosen_counts.clamp(min=1)
        mean_rejected = policy_rejected.detach() / rejected_counts.clamp(min=1)
        stats = {  # per pair [B], detached; keys = VAL_KEYS
            "loss": out.losses.detach(),
            "chosen": out.chosen_rewards,
            "rejected": out.rejected_rewards,
            "margins": out.margins,
            "accuracies": out.accuracies,
            "logps_chosen": policy_chosen.detach(),
            "logps_rejected": policy_rejected.detach(),
            "logps_accuracy": pair_accuracy(mean_chosen, mean_rejected),  # tie = 0.5
        }
        return out, stats

    def _world(self) -> int:
        return 1 if self._trainer is None else self.trainer.world_size

    def accumulate_gradients(
        self, micro_batches: Sequence[MicroBatch], backward: Callable[[torch.Tensor], Any]
    ) -> dict[str, torch.Tensor]:
        """Backward each micro-batch with sum(pair losses) * world / (pairs in the step)."""
        local_pairs = sum(int(mb["input_ids"].shape[0]) // 2 for mb in micro_batches)
        world = self._world()
        total_pairs = local_pairs * world  # every rank gets the same number of pairs
        sums: dict[str, torch.Tensor] = {}
        for mb in micro_batches:
            out, stats = self.pair_outputs(mb)
            backward(out.losses.sum() * world / total_pairs)
            for key, value in stats.items():
                sums[key] = sums.get(key, 0) + value.sum()
        return {key: value / local_pairs for key, value in sums.items()}

    def training_step(self, batch: list[MicroBatch], batch_idx: int) -> None:
        start = time.perf_counter()
        optimizer: Any = self.optimizers()
        scheduler: Any = self.lr_schedulers()
        means = self.accumulate_gradients(batch, step_backward(self, len(batch)))
        optimizer_step(self, optimizer, scheduler, self.cfg.max_grad_norm)
        keys = list(means)
        world = self._world()
        stacked = sum_over_ranks(self, torch.stack([means[k].float() for k in keys])) / world
        values = dict(zip(keys, stacked.tolist(), strict=True))
        step_time = time.perf_counter() - start
        tokens = sum(int(mb["input_ids"].numel()) for mb in batch) * world  # ~global
        self.log_dict(
            {
                "train/loss": values["loss"],
                "rewards/chosen": values["chosen"],
                "rewards/rejected": values["rejected"],
                "rewards/margins": values["margins"],
                "rewards/accuracies": values["accuracies"],
                "logps/chosen": values["logps_chosen"],
                "logps/rejected": values["logps_rejected"],
                "train/step_time": step_time,
                "train/tokens_per_sec": tokens / step_time,
                "train/lr": optimizer.param_groups[0]["lr"],
            },
            on_step=True,
            on_epoch=False,
            batch_size=len(batch),
        )
        self.log("loss", values["loss"], prog_bar=True, logger=False, on_step=True, batch_size=1)

    def on_validation_epoch_start(self) -> None:
        self._val_sums = {
            k: torch.zeros((), device=self.device, dtype=torch.float64)
            for k in (*VAL_KEYS, "pairs")
        }
        self._val_replays = validation_replays(self)

    def validation_step(self, batch: list[MicroBatch], batch_idx: int) -> None:
        for mb in batch:
            out, stats = self.pair_outputs(mb)
            for key, value in stats.items():
                self._val_sums[key] += value.double().sum()
            self._val_sums["pairs"] += out.losses.shape[0]
        replay_last(self, batch_idx, self._val_replays, lambda: list(map(self.pair_outputs, batch)))

    def on_validation_epoch_end(self) -> None:
        reduced = {
            k: self.trainer.strategy.reduce(v, reduce_op="sum") for k, v in self._val_sums.items()
        }
        pairs = reduced.pop("pairs").clamp(min=1)
        names = {
            "loss": "val/loss",
            "chosen": "val/rewards/chosen",
            "rejected": "val/rewards/rejected",
            "margins": "val/rewards/margins",
            "accuracies": "val/rewards/accuracies",
            "logps_chosen": "val/logps/chosen",
            "logps_rejected": "val/logps/rejected",
            "logps_accuracy": "val/logps_accuracy",
        }
        for key, name in names.items():
            self.log(name, (reduced[key] / pairs).float(), prog_bar=key in ("loss", "accuracies"))

    def configure_model(self) -> None:
        shard_model(self)

    def configure_optimizers(self) -> Any:
        return configure_adamw(self.model, self.cfg)
