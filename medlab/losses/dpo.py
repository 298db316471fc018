"""Direct Preference Optimization losses: one pure function per variant, picked by name.

Every variant takes four per-pair tensors [B] of log-probabilities SUMMED over the completion
tokens (policy / reference, chosen y+ / rejected y-) and works on the log-ratio margin

    Delta = [logp_pi(y+) - logp_ref(y+)] - [logp_pi(y-) - logp_ref(y-)]

    sigmoid   -(1 - eps) log sigma(beta Delta) - eps log sigma(-beta Delta)
              (eps = label_smoothing; eps = 0 is plain DPO, eps > 0 is conservative cDPO)
    hinge     relu(1 - beta Delta)                                   (SLiC)
    robust    [-(1 - eps) log sigma(beta Delta) + eps log sigma(-beta Delta)] / (1 - 2 eps)
              (rDPO: unbiased under a label-flip rate eps < 1/2)
    ipo       (Delta_bar - 1 / (2 beta))^2  with the per-token AVERAGED log-ratios
              Delta_bar = [logp_pi(y+) - logp_ref(y+)] / n+ - [logp_pi(y-) - logp_ref(y-)] / n-

`loss` is the mean over pairs. `dpo_loss` can add an NLL-on-chosen term (RPO style):
loss_i += nll_weight * chosen_nll_i, where chosen_nll_i is the chosen completion's mean token NLL.

Detached statistics, identical for every variant (TRL naming):
    rewards/chosen     beta (logp_pi(y+) - logp_ref(y+))      (summed log-ratios, also for ipo)
    rewards/rejected   beta (logp_pi(y-) - logp_ref(y-))
    rewards/margins    chosen - rejected
    rewards/accuracies 1.0 where chosen > rejected, 0.5 where chosen == rejected (a tie),
                       0.0 where chosen < rejected                    (see `pair_accuracy`)

Ties count 0.5 ON PURPOSE, unlike TRL (`DPOTrainer` logs (chosen_rewards > rejected_rewards),
a tie counting 0). Before the first step (policy == reference) every margin is exactly 0, so
TRL's definition reports 0.0 there and a 0 -> 1 jump that is partly an artefact; with ties at
0.5 the untrained model reports 0.5, the chance level of a pairwise ranking. This detached
statistic is the only difference: the losses and their gradients do not depend on it and keep
TRL's formulas (TRL itself is not a dependency).

Deliberately simplified: the caller computes the log-probs (see `sequence_logps`), the
reference log-probs (frozen copy, disabled adapters or a cache), and the chosen NLL.
Torch only; no Lightning.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import NamedTuple

import torch
import torch.nn.functional as F

from medlab.losses import IGNORE_INDEX


class DPOLossOutput(NamedTuple):
    """A DPO loss and its per-pair statistics (B = number of preference pairs)."""

    loss: torch.Tensor
    """[] mean of `losses` over the batch (differentiable)."""
    losses: torch.Tensor
    """[B] per-pair loss (differentiable)."""
    chosen_rewards: torch.Tensor
    """[B] beta * (policy_chosen_logps - ref_chosen_logps) (detached)."""
    rejected_rewards: torch.Tensor
    """[B] beta * (policy_rejected_logps - ref_rejected_logps) (detached)."""
    margins: torch.Tensor
    """[B] chosen_rewards - rejected_rewards (detached)."""
    accuracies: torch.Tensor
    """[B] float, pair_accuracy(chosen_rewards, rejected_rewards): 1 / 0.5 (tie) / 0 (detached)."""


def pair_accuracy(chosen: torch.Tensor, rejected: torch.Tensor) -> torch.Tensor:
    """[B] float: 1.0 where chosen > rejected, 0.5 where equal (a tie), 0.0 where below.

    The expected score of a coin flip between two tied answers, so an untrained model whose
    margins are all 0 scores 0.5, not 0.0. Works on any scores (rewards, mean log-probs).
    """
    return (chosen > rejected).float() + 0.5 * (chosen == rejected).float()


def _check_inputs(beta: float, *per_pair: torch.Tensor) -> None:
    if not beta > 0:
        raise ValueError(f"DPO beta must be > 0, got {beta}")
    shape = per_pair[0].shape
    if len(shape) != 1 or any(t.shape != shape for t in per_pair):
        shapes = [tuple(t.shape) for t in per_pair]
        raise ValueError(f"DPO inputs must all be per-pair tensors [B] of one shape, got {shapes}")


def _output(
    losses: torch.Tensor,  # [B]
    chosen_logratios: torch.Tensor,  # [B]
    rejected_logratios: torch.Tensor,  # [B]
    beta: float,
) -> DPOLossOutput:
    chosen_rewards = beta * chosen_logratios.detach()
    rejected_rewards = beta * rejected_logratios.detach()
    return DPOLossOutput(
        loss=losses.mean(),
        losses=losses,
        chosen_rewards=chosen_rewards,
        rejected_rewards=rejected_rewards,
        margins=chosen_rewards - rejected_rewards,
        accuracies=pair_accuracy(chosen_rewards, rejected_rewards),
    )


def sigmoid_dpo_loss(
    policy_chosen_logps: torch.Tensor,  # [B]
    policy_rejected_logps: torch.Tensor,  # [B]
    ref_chosen_logps: torch.Tensor,  # [B]
    ref_rejected_logps: torch.Tensor,  # [B]
    beta: float,
    label_smoothing: float = 0.0,
) -> DPOLossOutput:
    """-(1 - eps) log sigma(beta Delta) - eps log sigma(-beta Delta); eps > 0 is cDPO."""
    _check_inputs(
        beta, policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps
    )
    if not 0.0 <= label_smoothing <= 0.5:
        raise ValueError(f"sigmoid DPO label_smoothing must be in [0, 0.5], got {label_smoothing}")
    chosen = policy_chosen_logps - ref_chosen_logps
    rejected = policy_rejected_logps - ref_rejected_logps
    logits = beta * (chosen - rejected)
    losses = -(1 - label_smoothing) * F.logsigmoid(logits) - label_smoothing * F.logsigmoid(-logits)
    return _output(losses, chosen, rejected, beta)


def hinge_dpo_loss(
    policy_chosen_logps: torch.Tensor,  # [B]
    policy_rejected_logps: torch.Tensor,  # [B]
    ref_chosen_logps: torch.Tensor,  # [B]
    ref_rejected_logps: torch.Tensor,  # [B]
    beta: float,
) -> DPOLossOutput:
    """relu(1 - beta Delta): zero (and no gradient) once the margin beta Delta reaches 1."""
    _check_inputs(
        beta, policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps
    )
    chosen = policy_chosen_logps - ref_chosen_logps
    rejected = policy_rejected_logps - ref_rejected_logps
    losses = torch.relu(1 - beta * (chosen - rejected))
    return _output(losses, chosen, rejected, beta)


def robust_dpo_loss(
    policy_chosen_logps: torch.Tensor,  # [B]
    policy_rejected_logps: torch.Tensor,  # [B]
    ref_chosen_logps: torch.Tensor,  # [B]
    ref_rejected_logps: torch.Tensor,  # [B]
    beta: float,
    label_smoothing: float = 0.0,
) -> DPOLossOutput:
    """[-(1 - eps) log sigma(beta Delta) + eps log sigma(-beta Delta)] / (1 - 2 eps), eps < 1/2."""
    _check_inputs(
        beta, policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps
    )
    if not 0.0 <= label_smoothing < 0.5:
        raise ValueError(f"robust DPO label_smoothing must be in [0, 0.5), got {label_smoothing}")
    chosen = policy_chosen_logps - ref_chosen_logps
    rejected = policy_rejected_logps - ref_rejected_logps
    logits = beta * (chosen - rejected)
    losses = (
        -(1 - label_smoothing) * F.logsigmoid(logits) + label_smoothing * F.logsigmoid(-logits)
    ) / (1 - 2 * label_smoothing)
    return _output(losses, chosen, rejected, beta)


def ipo_loss(
    policy_chosen_logps: torch.Tensor,  # [B]
    policy_rejected_logps: torch.Tensor,  # [B]
    ref_chosen_logps: torch.Tensor,  # [B]
    ref_rejected_logps: torch.Tensor,  # [B]
    beta: float,
    chosen_lengths: torch.Tensor,  # [B] completion tokens of y+
    rejected_lengths: torch.Tensor,  # [B] completion tokens of y-
) -> DPOLossOutput:
    """(Delta_bar - 1/(2 beta))^2 on per-token averaged log-ratios (lengths = token counts)."""
    if chosen_lengths is None or rejected_lengths is None:
        raise ValueError(
            "ipo needs chosen_lengths and rejected_lengths (completion token counts, [B]); "
            "pass the num_tokens returned by sequence_logps"
        )
    _check_inputs(
        beta,
        policy_chosen_logps,
        policy_rejected_logps,
        ref_chosen_logps,
        ref_rejected_logps,
        chosen_lengths,
        rejected_lengths,
    )
    if bool((chosen_lengths <= 0).any()) or bool((rejected_lengths <= 0).any()):
        raise ValueError("ipo completion lengths must be >= 1 (found an empty completion)")
    chosen = policy_chosen_logps - ref_chosen_logps
    rejected = policy_rejected_logps - ref_rejected_logps
    delta_bar = chosen / chosen_lengths.to(chosen.dtype) - rejected / rejected_lengths.to(
        rejected.dtype
    )
    losses = (delta_bar - 1 / (2 * beta)) ** 2
    return _output(losses, chosen, rejected, beta)


DPO_LOSSES: dict[str, Callable[..., DPOLossOutput]] = {
    "sigmoid": sigmoid_dpo_loss,
    "ipo": ipo_loss,
    "hinge": hinge_dpo_loss,
    "robust": robust_dpo_loss,
}


def dpo_loss(
    name: str,
    policy_chosen_logps: torch.Tensor,  # [B]
    policy_rejected_logps: torch.Tensor,  # [B]
    ref_chosen_logps: torch.Tensor,  # [B]
    ref_rejected_logps: torch.Tensor,  # [B]
    *,
    beta: float,
    label_smoothing: float = 0.0,
    chosen_lengths: torch.Tensor | None = None,  # [B]
    rejected_lengths: torch.Tensor | None = None,  # [B]
    nll_weight: float = 0.0,
    chosen_nll: torch.Tensor | None = None,  # [B] mean token NLL of y+
) -> DPOLossOutput:
    """The DPO_LOSSES variant `name`, plus nll_weight * chosen_nll per pair when nll_weight > 0.

    Each variant receives only the options it declares; a nonzero label_smoothing for a
    variant that has none is an error rather than silently ignored.
    """
    if name not in DPO_LOSSES:
        raise ValueError(f"unknown DPO loss {name!r}; expected one of {sorted(DPO_LOSSES)}")
    fn = DPO_LOSSES[name]
    accepted = inspect.signature(fn).parameters
    if label_smoothing and "label_smoothing" not in accepted:
        raise ValueError(f"DPO loss {name!r} has no label_smoothing; set it to 0.0")
    options = {
        "label_smoothing": label_smoothing,
        "chosen_lengths": chosen_lengths,
        "rejected_lengths": rejected_lengths,
    }
    out = fn(
        policy_chosen_logps,
        policy_rejected_logps,
        ref_chosen_logps,
        ref_rejected_logps,
        beta=beta,
        **{k: v for k, v in options.items() if k in accepted},
    )
    if nll_weight < 0:
        raise ValueError(f"nll_weight must be >= 0, got {nll_weight}")
    if nll_weight == 0:
        return out
    if chosen_nll is None:
        raise ValueError("nll_weight > 0 needs chosen_nll (mean token NLL of each chosen, [B])")
    if chosen_nll.shape != out.losses.shape:
        raise ValueError(f"chosen_nll must have shape {tuple(out.losses.shape)}")
    losses = out.losses + nll_weight * chosen_nll
    return out._replace(loss=losses.mean(), losses=losses)


def sequence_logps(
    token_logps: torch.Tensor,  # [K] log p(target) at the trained positions, row-major
    targets: torch.Tensor,  # [N, T], IGNORE_INDEX where not a completion token
    ignore_index: int = IGNORE_INDEX,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-row sum of the K token log-probs and number of counted tokens: ([N], [N] long).

    `token_logps` holds one value per position of `targets` that is not `ignore_index`, in
    row-major order (what `medlab.models.forward.trained_token_logps` returns); the sums keep
    its dtype (float32 there). No host sync: the count is not checked here.
    """
    keep = targets != ignore_index  # [N, T]
    per_token = torch.zeros(keep.shape, device=token_logps.device, dtype=token_logps.dtype)
    return per_token.masked_scatter(keep, token_logps).sum(-1), keep.sum(-1)


def split_pairs(rows: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(chosen [B], rejected [B]) of a per-row tensor [2B] of a pair batch (chosen rows first)."""
    pairs = rows.shape[0] // 2
    return rows[:pairs], rows[pairs:]
