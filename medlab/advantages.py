"""Group-relative advantages for GRPO: combine reward functions, then baseline per group.

Every prompt is sampled G times; the N = num_prompts * G completions arrive with the G rows of
one prompt contiguous. With r the combined reward of each completion

    r_i   = sum_k w_k r_{i,k}                       (combine_rewards)
    A_i   = (r_i - mean_group(r)) / (s + eps)       (group_relative_advantages)

    s = std within the completion's group    scale_rewards = "group"   (GRPO paper, TRL default)
        std over the whole batch             scale_rewards = "batch"   (Dr. GRPO-friendly)
        no division at all (A_i = r_i - mean) scale_rewards = "none"    (Dr. GRPO)

The std is the UNBIASED sample std (divide by n - 1, the `torch.std` default, as TRL does);
eps = 1e-4 keeps the division finite, so a group whose rewards are all equal gets A = 0.

Unscorable completions carry a NaN reward (a reward function could not judge them). They are
left out of the group mean / std (nan-aware statistics over the scorable rows only) and get
advantage 0, so they add nothing to the policy gradient. A group with no scorable row has
mean NaN, std 0 and all advantages 0. A std needs two scorable rewards; a group with fewer
reports std 0 (its one advantage, r - r, is 0 anyway).

Deliberately simplified: the statistics are local to the tensor passed in. Under data
parallelism the caller must gather the rewards of every rank (whole groups) before calling,
or groups would be split. Torch only; no Lightning.
"""

from __future__ import annotations

from typing import NamedTuple

import torch

SCALE_REWARDS = ("group", "batch", "none")
ZERO_STD_ATOL = 1e-8


class AdvantageOutput(NamedTuple):
    """Advantages and the reward statistics behind them (P = num_prompts, N = P * G)."""

    advantages: torch.Tensor
    """[N] (r_i - mean_group) / (std + eps), or r_i - mean_group for "none"; 0 where r_i is NaN."""
    group_mean: torch.Tensor
    """[P] mean of the scorable rewards of each group; NaN for a group with none."""
    group_std: torch.Tensor
    """[P] unbiased std of the scorable rewards of each group (whatever scale_rewards is);
    0 for a group with fewer than two scorable rewards."""
    num_unscorable: torch.Tensor
    """[] long: number of NaN rewards in the batch."""
    frac_zero_std: torch.Tensor
    """[] fraction of groups whose std is 0 (within 1e-8): all-equal rewards, no signal."""


def combine_rewards(
    rewards: torch.Tensor,  # [N, K] one column per reward function, NaN = unscorable
    weights: torch.Tensor,  # [K]
) -> torch.Tensor:  # [N]
    """Weighted sum sum_k w_k r_{i,k}; NaN where any reward with a nonzero weight is NaN.

    Columns with weight 0 are dropped before summing, so their NaNs do not leak (0 * NaN is
    NaN in IEEE arithmetic). Unlike TRL, which `nansum`s and so scores an unscorable column as
    0, one unscorable weighted reward makes the whole completion unscorable (advantage 0).
    """
    if rewards.dim() != 2 or weights.shape != (rewards.shape[1],):
        raise ValueError(
            f"expected rewards [N, K] and weights [K], got {tuple(rewards.shape)} "
            f"and {tuple(weights.shape)}"
        )
    used = weights != 0  # [K]
    weighted = rewards[:, used] * weights[used].to(rewards.dtype)  # [N, K_used]
    return weighted.sum(dim=1)


def _nan_mean_std(
    values: torch.Tensor,  # [P, G] with NaN for missing entries
) -> tuple[torch.Tensor, torch.Tensor]:  # ([P], [P])
    """Row mean and unbiased std over the non-NaN entries (std 0 below two entries)."""
    valid = ~torch.isnan(values)
    count = valid.sum(dim=1).to(values.dtype)  # [P]
    filled = torch.where(valid, values, torch.zeros_like(values))
    mean = filled.sum(dim=1) / count  # NaN for an all-NaN row (0 / 0)
    centred = torch.where(valid, values - mean.unsqueeze(1), torch.zeros_like(values))
    # below two entries the sum of squares is 0 (one value, or none), so the std is 0
    var = centred.pow(2).sum(dim=1) / (count - 1).clamp(min=1)
    return mean, var.sqrt()


def group_relative_advantages(
    rewards: torch.Tensor,  # [N] = [num_prompts * group_size], NaN = unscorable
    group_size: int,
    scale_rewards: str = "group",
    eps: float = 1e-4,
) -> AdvantageOutput:
    """GRPO advantages: subtract the group mean, divide by the chosen std plus eps.

    Statistics are computed in float64 (the tensors are tiny): in float32 three rewards of
    0.9 have a std of 7e-8, a rounding residue above the 1e-8 zero-std tolerance.
    Outputs have the dtype of `rewards` (float32 for integer rewards).
    """
    if scale_rewards not in SCALE_REWARDS:
        raise ValueError(
            f"unknown scale_rewards {scale_rewards!r}; expected one of {SCALE_REWARDS}"
        )
    if rewards.dim() != 1:
        raise ValueError(f"rewards must be one flat tensor [N], got {tuple(rewards.shape)}")
    if group_size < 1 or rewards.numel() % group_size != 0:
        raise ValueError(
            f"{rewards.numel()} rewards do not split into groups of group_size={group_size}"
        )
    if eps < 0:
        raise ValueError(f"eps must be >= 0, got {eps}")
    out_dtype = rewards.dtype if rewards.is_floating_point() else torch.float32
    values = rewards.to(torch.float64)
    unscorable = torch.isnan(values)  # [N]
    grouped = values.view(-1, group_size)  # [P, G]
    group_mean, group_std = _nan_mean_std(grouped)

    centred = (grouped - group_mean.unsqueeze(1)).reshape(-1)  # [N]
    if scale_rewards == "group":
        centred = centred / (group_std.repeat_interleave(group_size) + eps)
    elif scale_rewards == "batch":
        _, batch_std = _nan_mean_std(values.unsqueeze(0))
        centred = centred / (batch_std + eps)
    advantages = torch.where(unscorable, torch.zeros_like(centred), centred)

    zero_std = torch.isclose(group_std, torch.zeros_like(group_std), rtol=0.0, atol=ZERO_STD_ATOL)
    return AdvantageOutput(
        advantages=advantages.to(out_dtype),
        group_mean=group_mean.to(out_dtype),
        group_std=group_std.to(out_dtype),
        num_unscorable=unscorable.sum(),
        frac_zero_std=zero_std.to(out_dtype).mean(),
    )
