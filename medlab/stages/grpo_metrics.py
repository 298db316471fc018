"""What `GRPOModule` logs about a generation batch, beside the loss.

- `rollout_metrics`: reward / length statistics of the global batch (every rank's rows).
- `SamplingCorrection`: for a backend that reports the log-prob of each sampled token under
  its own sampling distribution (vLLM), the engine / trainer mismatch
  |logp_old - logp_engine| over the active tokens (`rollout/logprob_mismatch_mean`, `_max`)
  and, when `stage.importance_sampling_cap` is set, the importance weights of
  `medlab.losses.grpo.sampling_importance_weights` for each micro-batch with their
  min / mean / max (`rollout/is_ratio_*`), as TRL logs `sampling/sampling_logp_difference/*`
  and `sampling/importance_sampling_ratio/*`. Means are over the tokens (sequence modes: the
  completions) of every rank, so 2 ranks x 2 prompts report what 1 process x 4 prompts does
  (TRL averages the per-rank means instead).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lightning as L
import torch

from medlab.advantages import AdvantageOutput, combine_rewards
from medlab.losses.grpo import sampling_importance_weights
from medlab.rollout.types import Rollout
from medlab.stages.distributed import sum_over_ranks


def max_over_ranks(module: L.LightningModule, values: torch.Tensor) -> torch.Tensor:
    """Element-wise max of `values` over data-parallel ranks (unchanged in one process)."""
    if module._trainer is None or module.trainer.world_size == 1:
        return values
    return module.trainer.strategy.reduce(values.clone(), reduce_op="max")  # type: ignore[no-any-return]


def rollout_metrics(
    rollout: Rollout,
    adv: AdvantageOutput,
    reward_specs: list[Any],
    gather_rows: Callable[[torch.Tensor], torch.Tensor],
) -> dict[str, float]:
    """Reward / length statistics of the global batch; `gather_rows` collects every rank's."""
    local = torch.cat(
        [
            rollout.rewards,
            rollout.completion_lengths.float().cpu()[:, None],
            rollout.is_truncated.float().cpu()[:, None],
        ],
        dim=1,
    )
    rows = gather_rows(local)  # [world * N, K + 2]
    rewards, lengths, truncated = rows[:, :-2], rows[:, -2], rows[:, -1]
    weights = torch.tensor([r.weight for r in reward_specs])
    total = combine_rewards(rewards, weights)
    scored = total[~total.isnan()]
    metrics = {
        "rollout/reward_mean": float(torch.nanmean(total)),
        "rollout/reward_std": float(scored.std()) if scored.numel() > 1 else 0.0,
        "rollout/frac_reward_zero_std": float(adv.frac_zero_std),
        "rollout/num_unscorable": float(adv.num_unscorable),
        "rollout/completion_length_mean": float(lengths.mean()),
        "rollout/completion_length_min": float(lengths.min()),
        "rollout/completion_length_max": float(lengths.max()),
        "rollout/clipped_ratio": float(truncated.mean()),
    }
    for k, spec in enumerate(reward_specs):
        column = rewards[:, k]
        metrics[f"rewards/{spec.name}/mean"] = (
            float(torch.nanmean(column)) if (~column.isnan()).any() else float("nan")
        )
    return metrics


class SamplingCorrection:
    """Importance weights of each micro-batch of one policy update, and their statistics.

    Accumulates on the device (no host sync per micro-batch); `metrics` reduces over ranks once.
    """

    def __init__(self, cap: float | None, mode: str, device: torch.device) -> None:
        self.cap = cap
        self.mode = mode
        # sum |delta|, active tokens, sum of weights, number of weights
        self.sums = torch.zeros(4, dtype=torch.float64, device=device)
        # max |delta|, max weight, -min weight: all reduced with max
        self.extremes = torch.tensor([0.0, -torch.inf, -torch.inf], dtype=torch.float64)
        self.extremes = self.extremes.to(device)
        self.seen = False

    def weights(
        self,
        old_logps: torch.Tensor,  # [b, Lc] the trainer's log-probs at sampling time
        sampled_logps: torch.Tensor,  # [b, Lc] the engine's
        mask: torch.Tensor,  # [b, Lc]
    ) -> torch.Tensor | None:
        """[b, Lc] or [b, 1] detached weights for `grpo_loss` (None when the cap is off)."""
        self.seen = True
        active = mask.bool()
        with torch.no_grad():
            delta = (old_logps.detach() - sampled_logps.to(old_logps.dtype)).abs()
            delta = torch.where(active, delta, torch.zeros_like(delta)).double()
            self.sums[0] += delta.sum()
            self.sums[1] += active.sum()
            self.extremes[0] = torch.maximum(self.extremes[0], delta.amax())
        if self.cap is None:
            return None
        weights = sampling_importance_weights(old_logps, sampled_logps, mask, self.cap, self.mode)
        if self.mode.startswith("sequence"):  # one weight per completion, every row counted
            counted = torch.ones_like(weights, dtype=torch.bool)  # [b, 1]
        else:
            counted = active  # [b, Lc]
        w = weights.double()
        self.sums[2] += torch.where(counted, w, torch.zeros_like(w)).sum()
        self.sums[3] += counted.sum()
        self.extremes[1] = torch.maximum(
            self.extremes[1], torch.where(counted, w, torch.full_like(w, -torch.inf)).amax()
        )
        self.extremes[2] = torch.maximum(
            self.extremes[2], torch.where(counted, -w, torch.full_like(w, -torch.inf)).amax()
        )
        return weights

    def metrics(self, module: L.LightningModule) -> dict[str, torch.Tensor]:
        """Global-batch statistics as 0-dim fp32 tensors; {} if no micro-batch had any."""
        if not self.seen:
            return {}
        sums = sum_over_ranks(module, self.sums.to(module.device))
        extremes = max_over_ranks(module, self.extremes.to(module.device))
        out = {
            "rollout/logprob_mismatch_mean": sums[0] / sums[1].clamp(min=1),
            "rollout/logprob_mismatch_max": extremes[0],
        }
        if self.cap is not None:
            some = sums[3] > 0
            zero = torch.zeros_like(sums[3])
            out["rollout/is_ratio_mean"] = sums[2] / sums[3].clamp(min=1)
            out["rollout/is_ratio_min"] = torch.where(some, -extremes[2], zero)
            out["rollout/is_ratio_max"] = torch.where(some, extremes[1], zero)
        return {key: value.float() for key, value in out.items()}
