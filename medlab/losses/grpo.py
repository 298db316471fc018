"""GRPO: clipped policy-gradient loss per token, then one of four aggregations picked by name.

For completion i of a batch of B (T token slots, completion mask M [B, T], advantage A_i from
`medlab.advantages`) and each active token t:

    rho_{i,t}  = exp(logp_theta - logp_old)                               (importance ratio)
    l_{i,t}    = -min(rho A_i, clip(rho, 1 - eps_low, 1 + eps_high) A_i)  + beta * k3_{i,t}

with k3 the per-token KL estimate against the reference model (`medlab.losses.kl.k3_kl`); the
KL term is skipped entirely when beta = 0 (no reference model needed). eps_high > eps_low is
DAPO's "clip-higher".

Engine / trainer mismatch (TRL's vLLM importance-sampling correction): when the completions
were sampled by an engine with its own copy of the weights and kernels (vLLM), the engine's
sampling distribution pi_engine differs slightly from the trainer's pi_old. With the engine's
log-prob of each sampled token, `sampling_importance_weights` gives

    w_{i,t} = exp(logp_old - logp_engine)        per token           (token_* modes)
    w_{i}   = exp(sum_t M (logp_old - logp_engine))  per completion  (sequence_* modes)

then min(w, C) (*_truncate) or w * [w <= C] (*_mask), detached; the clipped term is multiplied
by w BEFORE beta * k3 is added (the KL term is not reweighted), exactly TRL's order:

    l_{i,t} = -min(rho A_i, clip(rho, 1 - eps_low, 1 + eps_high) A_i) * w  + beta * k3_{i,t}

Aggregations (LOSS_AGGREGATIONS, one function each):

    grpo     mean_i [ sum_t l M / sum_t M ]             per-sequence mean, then mean: short
                                                        completions weigh more per token
    bnpo     sum(l M) / sum(M)                          token mean over the local micro-batch
    dr_grpo  sum(l M) / (B * max_completion_length)     constant denominator (Dr. GRPO)
    dapo     sum(l M) / num_items_in_batch              num_items_in_batch = active tokens of
                                                        the WHOLE generation batch

dapo returns this micro-batch's share of the whole-batch token mean, so the sum of the dapo
losses of all micro-batches equals the loss of the batch in one piece, however it is split
(bnpo is not: it averages per-micro-batch means). The caller must undo any averaging its
framework adds: DDP averages gradients over ranks, so pass num_items_in_batch / world_size
(as TRL does and as `SFTModule` does for SFT), and never let Lightning's automatic
optimisation divide by accumulate_grad_batches on top ("divided twice").

With num_iterations (mu) = 1 the rollout policy IS the current policy: old_logps =
logps.detach() (pass old_logps=None for that), so rho = 1 everywhere, nothing is clipped and
l_{i,t} = -A_i (+ beta k3). The loss VALUE is then ~0 whenever the advantages sum to zero
over the batch, but its gradient is not: d l_{i,t} / d logp_{i,t} = -A_i, the REINFORCE
gradient with the group mean as baseline. A GRPO loss curve hovering near 0 is expected.

The mask must exclude padding; whether truncated completions (no EOS within
max_completion_length) are also masked out is the caller's choice (TRL's
mask_truncated_completions). Masked positions contribute exactly 0 to the loss and to the
gradient, even if their log-probs are garbage (NaN / inf): they are replaced, not multiplied
by 0 (0 * NaN = NaN).

Deliberately simplified: token-level ratios only (no GSPO sequence-level ratio), no dual
clip, no entropy bonus; the caller computes log-probs, rollout (old) log-probs and reference
log-probs. Torch only; no Lightning.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import NamedTuple

import torch

from medlab.losses.kl import k3_kl


class PolicyLossOutput(NamedTuple):
    """Per-token clipped loss and its detached statistics over the active tokens."""

    per_token_loss: torch.Tensor
    """[B, T] l_{i,t} including beta * k3 (differentiable); exactly 0 where mask is 0."""
    clip_ratio_low: torch.Tensor
    """[] fraction of active tokens with rho < 1 - eps_low and A < 0 (clipped from below)."""
    clip_ratio_high: torch.Tensor
    """[] fraction of active tokens with rho > 1 + eps_high and A > 0 (clipped from above)."""
    clip_ratio_region: torch.Tensor
    """[] clip_ratio_low + clip_ratio_high: tokens whose gradient the clip switched off."""
    kl: torch.Tensor
    """[] mean k3 KL over the active tokens; 0 when beta == 0 (not computed)."""


class GRPOLossOutput(NamedTuple):
    """The aggregated GRPO loss plus the `PolicyLossOutput` statistics."""

    loss: torch.Tensor
    """[] aggregated loss (differentiable), the value to backward."""
    per_token_loss: torch.Tensor
    """[B, T] l_{i,t} including beta * k3 (differentiable); 0 where mask is 0."""
    clip_ratio_low: torch.Tensor
    """[] fraction of active tokens clipped from below (rho < 1 - eps_low, A < 0)."""
    clip_ratio_high: torch.Tensor
    """[] fraction of active tokens clipped from above (rho > 1 + eps_high, A > 0)."""
    clip_ratio_region: torch.Tensor
    """[] fraction of active tokens clipped on either side."""
    kl: torch.Tensor
    """[] mean k3 KL over the active tokens; 0 when beta == 0."""
    num_tokens: torch.Tensor
    """[] long: active tokens of this (local) micro-batch."""


def _check_token_shapes(mask: torch.Tensor, **per_token: torch.Tensor | None) -> None:
    if mask.dim() != 2:
        raise ValueError(f"mask must be [B, T], got {tuple(mask.shape)}")
    for name, tensor in per_token.items():
        if tensor is not None and tensor.shape != mask.shape:
            raise ValueError(
                f"{name} must have the mask's shape {tuple(mask.shape)}, got {tuple(tensor.shape)}"
            )


def _masked_mean(values: torch.Tensor, active: torch.Tensor) -> torch.Tensor:
    """Mean of `values` [B, T] over the True entries of `active` [B, T] (0 if none), detached."""
    values = values.detach()
    total = torch.where(active, values, torch.zeros_like(values)).sum()
    return total / active.sum().clamp(min=1)


def _check_policy_args(
    advantages: torch.Tensor,
    mask: torch.Tensor,
    epsilon_low: float,
    epsilon_high: float,
    ref_logps: torch.Tensor | None,
    beta: float,
    is_weights: torch.Tensor | None,
) -> None:
    if advantages.shape != mask.shape[:1]:
        raise ValueError(
            f"advantages must be [B] = [{mask.shape[0]}], got {tuple(advantages.shape)}"
        )
    if not 0.0 <= epsilon_low < 1.0 or epsilon_high < 0.0:
        raise ValueError(
            f"need 0 <= epsilon_low < 1 and epsilon_high >= 0, got {epsilon_low}, {epsilon_high}"
        )
    if beta < 0:
        raise ValueError(f"GRPO beta must be >= 0, got {beta}")
    if beta > 0 and ref_logps is None:
        raise ValueError(f"GRPO beta = {beta} > 0 needs ref_logps (reference log-probs, [B, T])")
    if is_weights is not None and (
        is_weights.dim() != 2
        or is_weights.shape[0] != mask.shape[0]
        or is_weights.shape[1] not in (1, mask.shape[1])
    ):
        raise ValueError(
            f"is_weights must be [B, T] = {tuple(mask.shape)} or [B, 1], "
            f"got {tuple(is_weights.shape)}"
        )


IMPORTANCE_SAMPLING_MODES = ("token_truncate", "token_mask", "sequence_truncate", "sequence_mask")


def sampling_importance_weights(
    old_logps: torch.Tensor,  # [B, T] log pi_old (the trainer's, at sampling time)
    sampled_logps: torch.Tensor,  # [B, T] log pi_engine of the same tokens (the sampler's)
    mask: torch.Tensor,  # [B, T]
    cap: float,
    mode: str = "sequence_mask",
) -> torch.Tensor:  # [B, T] for token_* modes, [B, 1] for sequence_* modes; detached
    """Capped importance weights pi_old / pi_engine (TRL's vllm_importance_sampling_ratio).

    Masked positions contribute log-ratio 0 (weight 1 per token; nothing to a sequence's sum).
    """
    if mode not in IMPORTANCE_SAMPLING_MODES:
        raise ValueError(
            f"unknown importance sampling mode {mode!r}; expected one of "
            f"{list(IMPORTANCE_SAMPLING_MODES)}"
        )
    if not cap > 0:
        raise ValueError(f"importance sampling cap must be > 0, got {cap}")
    _check_token_shapes(mask, old_logps=old_logps, sampled_logps=sampled_logps)
    with torch.no_grad():
        diff = old_logps.detach().float() - sampled_logps.detach().float()
        diff = torch.where(mask.bool(), diff, torch.zeros_like(diff))  # [B, T]
        if mode.startswith("sequence"):
            diff = diff.sum(dim=-1, keepdim=True)  # [B, 1]
        ratio = torch.exp(diff)
        if mode.endswith("truncate"):
            return ratio.clamp(max=cap)
        return ratio.masked_fill(ratio > cap, 0.0)


def clipped_policy_loss(
    logps: torch.Tensor,  # [B, T] log pi_theta of the sampled tokens
    old_logps: torch.Tensor | None,  # [B, T] log pi_old; None means mu = 1: logps.detach()
    advantages: torch.Tensor,  # [B]
    mask: torch.Tensor,  # [B, T] 1 / True on completion tokens that carry a loss
    epsilon_low: float,
    epsilon_high: float,
    ref_logps: torch.Tensor | None = None,  # [B, T] log pi_ref; needed only when beta > 0
    beta: float = 0.0,
    is_weights: torch.Tensor | None = None,  # [B, T] or [B, 1]; None = no correction
) -> PolicyLossOutput:
    """-min(rho A, clip(rho, 1 - eps_low, 1 + eps_high) A) * w + beta k3 per token, plus stats
    (w = `is_weights`, detached; 1 when None)."""
    if old_logps is None:
        old_logps = logps.detach()
    _check_token_shapes(mask, logps=logps, old_logps=old_logps, ref_logps=ref_logps)
    _check_policy_args(advantages, mask, epsilon_low, epsilon_high, ref_logps, beta, is_weights)
    # Padding may hold garbage (NaN / inf) log-probs. The `where` at the end drops them from
    # the loss; filling the policy's with 0 here also keeps them out of the backward, where
    # exp's derivative would otherwise give 0 * NaN = NaN (masked_fill passes back exact 0).
    active = mask.bool()
    logps = logps.masked_fill(~active, 0.0)
    adv = advantages.to(logps.dtype).unsqueeze(1)  # [B, 1]
    ratio = torch.exp(logps - old_logps)  # [B, T]
    clipped = ratio.clamp(min=1.0 - epsilon_low, max=1.0 + epsilon_high)
    loss = -torch.minimum(ratio * adv, clipped * adv)  # [B, T]
    if is_weights is not None:  # engine / trainer mismatch correction, before the KL term
        loss = loss * is_weights.detach().to(loss.dtype)
    kl = torch.zeros((), dtype=logps.dtype, device=logps.device)
    if beta > 0:
        assert ref_logps is not None
        per_token_kl = k3_kl(logps, ref_logps)  # [B, T]
        loss = loss + beta * per_token_kl
        kl = _masked_mean(per_token_kl, active)
    per_token_loss = torch.where(active, loss, torch.zeros_like(loss))

    low = (ratio.detach() < 1.0 - epsilon_low) & (adv < 0)  # [B, T]
    high = (ratio.detach() > 1.0 + epsilon_high) & (adv > 0)  # [B, T]
    return PolicyLossOutput(
        per_token_loss=per_token_loss,
        clip_ratio_low=_masked_mean(low.to(logps.dtype), active),
        clip_ratio_high=_masked_mean(high.to(logps.dtype), active),
        clip_ratio_region=_masked_mean((low | high).to(logps.dtype), active),
        kl=kl,
    )


def _masked_sum(per_token_loss: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """[B] per-sequence sum of the loss over active tokens (masked entries are dropped)."""
    active = mask.bool()
    return torch.where(active, per_token_loss, torch.zeros_like(per_token_loss)).sum(dim=1)


def grpo_aggregation(per_token_loss: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """mean_i [ sum_t l M / max(1, sum_t M) ]: per-sequence token mean, then mean over B."""
    lengths = mask.bool().sum(dim=1).clamp(min=1).to(per_token_loss.dtype)  # [B]
    return (_masked_sum(per_token_loss, mask) / lengths).mean()


def bnpo_aggregation(per_token_loss: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """sum(l M) / max(1, sum(M)): token mean over this micro-batch."""
    return _masked_sum(per_token_loss, mask).sum() / mask.bool().sum().clamp(min=1)


def dr_grpo_aggregation(
    per_token_loss: torch.Tensor, mask: torch.Tensor, max_completion_length: int
) -> torch.Tensor:
    """sum(l M) / (B * max_completion_length): no length normalisation (Dr. GRPO)."""
    if max_completion_length < 1:
        raise ValueError(f"max_completion_length must be >= 1, got {max_completion_length}")
    batch = per_token_loss.shape[0]
    return _masked_sum(per_token_loss, mask).sum() / (batch * max_completion_length)


def dapo_aggregation(
    per_token_loss: torch.Tensor, mask: torch.Tensor, num_items_in_batch: torch.Tensor | int
) -> torch.Tensor:
    """sum(l M) / num_items_in_batch (active tokens of the whole generation batch)."""
    if isinstance(num_items_in_batch, int) and num_items_in_batch < 1:
        raise ValueError(f"num_items_in_batch must be >= 1, got {num_items_in_batch}")
    return _masked_sum(per_token_loss, mask).sum() / num_items_in_batch


LOSS_AGGREGATIONS: dict[str, Callable[..., torch.Tensor]] = {
    "grpo": grpo_aggregation,
    "bnpo": bnpo_aggregation,
    "dr_grpo": dr_grpo_aggregation,
    "dapo": dapo_aggregation,
}

_OPTION_HELP = {
    "max_completion_length": "the generation budget in tokens (rollout max_new_tokens)",
    "num_items_in_batch": (
        "the active completion tokens of the whole generation batch "
        "(all grad-accumulation micro-batches, all ranks)"
    ),
}


def aggregate_loss(
    name: str,
    per_token_loss: torch.Tensor,  # [B, T]
    mask: torch.Tensor,  # [B, T]
    *,
    max_completion_length: int | None = None,
    num_items_in_batch: torch.Tensor | int | None = None,
) -> torch.Tensor:  # []
    """The LOSS_AGGREGATIONS variant `name`; each receives only the options it declares."""
    if name not in LOSS_AGGREGATIONS:
        raise ValueError(
            f"unknown GRPO loss aggregation {name!r}; expected one of {sorted(LOSS_AGGREGATIONS)}"
        )
    _check_token_shapes(mask, per_token_loss=per_token_loss)
    fn = LOSS_AGGREGATIONS[name]
    accepted = inspect.signature(fn).parameters
    options = {
        "max_completion_length": max_completion_length,
        "num_items_in_batch": num_items_in_batch,
    }
    needed = {key: value for key, value in options.items() if key in accepted}
    for key, value in needed.items():
        if value is None:
            raise ValueError(f"GRPO loss aggregation {name!r} needs {key}: {_OPTION_HELP[key]}")
    return fn(per_token_loss, mask, **needed)


def grpo_loss(
    aggregation: str,
    logps: torch.Tensor,  # [B, T]
    old_logps: torch.Tensor | None,  # [B, T]; None means mu = 1: logps.detach()
    advantages: torch.Tensor,  # [B]
    mask: torch.Tensor,  # [B, T]
    *,
    epsilon_low: float,
    epsilon_high: float,
    ref_logps: torch.Tensor | None = None,  # [B, T]
    beta: float = 0.0,
    max_completion_length: int | None = None,
    num_items_in_batch: torch.Tensor | int | None = None,
    is_weights: torch.Tensor | None = None,  # [B, T] or [B, 1]
) -> GRPOLossOutput:
    """`clipped_policy_loss` aggregated with LOSS_AGGREGATIONS[aggregation]."""
    out = clipped_policy_loss(
        logps, old_logps, advantages, mask, epsilon_low, epsilon_high, ref_logps, beta, is_weights
    )
    loss = aggregate_loss(
        aggregation,
        out.per_token_loss,
        mask,
        max_completion_length=max_completion_length,
        num_items_in_batch=num_items_in_batch,
    )
    return GRPOLossOutput(
        loss=loss,
        per_token_loss=out.per_token_loss,
        clip_ratio_low=out.clip_ratio_low,
        clip_ratio_high=out.clip_ratio_high,
        clip_ratio_region=out.clip_ratio_region,
        kl=out.kl,
        num_tokens=mask.bool().sum(),
    )
