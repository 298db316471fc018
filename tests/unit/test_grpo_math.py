"""GRPO math (rewards -> advantages -> clipped loss -> aggregation, k3 KL) worked out by hand.

Notation: G = group size, A = advantage, rho = exp(logp - logp_old), M = completion mask,
eps = 1e-4 (the advantage std guard). "Unbiased" std divides by n - 1.
"""

from __future__ import annotations

import math

import pytest
import torch

from medlab.advantages import combine_rewards, group_relative_advantages
from medlab.losses.grpo import (
    LOSS_AGGREGATIONS,
    aggregate_loss,
    bnpo_aggregation,
    clipped_policy_loss,
    dapo_aggregation,
    dr_grpo_aggregation,
    grpo_aggregation,
    grpo_loss,
)
from medlab.losses.kl import k3_kl

LN2 = math.log(2)
NAN = float("nan")
EPS = 1e-4


# ---- rewards and advantages ---------------------------------------------------------------


def test_combine_rewards_weights_and_nan():
    """weights [2, 0.5, 0]:
    row 0 [1, 0.5, NaN]    -> 2*1 + 0.5*0.5 = 2.25 (NaN sits in the weight-0 column: ignored)
    row 1 [NaN, 1, 2]      -> NaN (the weighted first reward is unscorable)
    row 2 [0.5, 0.25, 3]   -> 2*0.5 + 0.5*0.25 = 1.125 (the 3 has weight 0)
    A nansum would give row 1 = 0.5; multiplying the NaN column by 0 would make row 0 NaN.
    """
    rewards = torch.tensor([[1.0, 0.5, NAN], [NAN, 1.0, 2.0], [0.5, 0.25, 3.0]])
    total = combine_rewards(rewards, torch.tensor([2.0, 0.5, 0.0]))
    assert total.shape == (3,)
    assert total[0].item() == pytest.approx(2.25)
    assert math.isnan(total[1].item())
    assert total[2].item() == pytest.approx(1.125)
    with pytest.raises(ValueError, match="weights"):
        combine_rewards(rewards, torch.tensor([1.0, 1.0]))


def test_one_group_unbiased_std():
    """rewards [1, 0, 0, 1], G = 4: mean 0.5, deviations +-0.5, sum of squares 1,
    unbiased var 1/3, std sqrt(1/3) = 0.57735 -> A = +-0.5 / (0.57735 + 1e-4) = +-0.865875.
    (The biased std 0.5 would give +-0.9998.)
    """
    out = group_relative_advantages(torch.tensor([1.0, 0.0, 0.0, 1.0]), group_size=4)
    a = 0.5 / (math.sqrt(1 / 3) + EPS)
    assert torch.allclose(out.advantages, torch.tensor([a, -a, -a, a]))
    assert out.group_mean.tolist() == [0.5]
    assert out.group_std.item() == pytest.approx(math.sqrt(1 / 3), rel=1e-6)
    assert out.advantages[0].item() == pytest.approx(0.8658754, rel=1e-6)  # the literal
    assert out.num_unscorable.item() == 0
    assert out.frac_zero_std.item() == 0.0


def test_two_groups_group_batch_and_none_scaling():
    """rewards [1, 3 | 5, 9], G = 2.
    group means [2, 7] -> r - mean = [-1, 1, -2, 2]
    group stds: [1, 3] -> var (1 + 1) / 1 = 2, std sqrt 2;  [5, 9] -> var 8, std 2 sqrt 2
      "group": [-1, 1] / (sqrt 2 + eps), [-2, 2] / (2 sqrt 2 + eps)   (~ +-0.70706, +-0.70709)
    batch: mean 4.5, deviations [-3.5, -1.5, 0.5, 4.5], squares 12.25 + 2.25 + 0.25 + 20.25
      = 35, var 35 / 3, std 3.415650
      "batch": [-1, 1, -2, 2] / (3.415650 + eps)   (centred on the GROUP mean, not 4.5)
      "none":  [-1, 1, -2, 2]
    """
    rewards = torch.tensor([1.0, 3.0, 5.0, 9.0])
    centred = torch.tensor([-1.0, 1.0, -2.0, 2.0])
    s2 = math.sqrt(2)

    group = group_relative_advantages(rewards, group_size=2, scale_rewards="group")
    expected = torch.tensor(
        [-1 / (s2 + EPS), 1 / (s2 + EPS), -2 / (2 * s2 + EPS), 2 / (2 * s2 + EPS)]
    )
    assert torch.allclose(group.advantages, expected, atol=1e-6)
    assert torch.allclose(group.group_mean, torch.tensor([2.0, 7.0]))
    assert torch.allclose(group.group_std, torch.tensor([s2, 2 * s2]))

    batch = group_relative_advantages(rewards, group_size=2, scale_rewards="batch")
    assert torch.allclose(batch.advantages, centred / (3.415650 + EPS), atol=1e-6)
    # group_std is reported per group whatever the scaling
    assert torch.allclose(batch.group_std, torch.tensor([s2, 2 * s2]))

    none = group_relative_advantages(rewards, group_size=2, scale_rewards="none")
    assert torch.allclose(none.advantages, centred, atol=1e-6)


def test_nan_rewards_excluded_from_stats_and_get_zero_advantage():
    """rewards [1, NaN, 0, 2], G = 4: the scorable rewards are 1, 0, 2 -> mean 1,
    deviations [0, -1, 1], sum of squares 2, unbiased var 2 / (3 - 1) = 1, std 1.
    A = [0, 0 (NaN), -1 / (1 + eps), 1 / (1 + eps)]; one unscorable.
    Counting the NaN as 0 would give mean 0.75; dividing by n = 3 would give std 0.8165.
    """
    out = group_relative_advantages(torch.tensor([1.0, NAN, 0.0, 2.0]), group_size=4)
    a = 1 / (1 + EPS)
    assert torch.allclose(out.advantages, torch.tensor([0.0, 0.0, -a, a]))
    assert out.group_mean.item() == pytest.approx(1.0)
    assert out.group_std.item() == pytest.approx(1.0)
    assert out.num_unscorable.item() == 1
    assert out.num_unscorable.dtype == torch.long


def test_all_nan_all_equal_and_single_scorable_groups():
    """G = 3, groups [NaN, NaN, NaN | 0.9, 0.9, 0.9 | NaN, 5, NaN | 0, 1, 2]
    whole-NaN group:   mean NaN, std 0, A = 0 0 0
    all-equal group:   mean 0.9, std 0, A = 0 (in float32 the mean of three 0.9 is off by
                       one ulp and the std comes out 7.3e-8 > 1e-8: stats run in float64)
    one scorable (5):  mean 5, std 0 (needs two values), A = 5 - 5 = 0
    [0, 1, 2]:         mean 1, unbiased std 1, A = [-1, 0, 1] / (1 + eps)
    num_unscorable = 3 + 2 = 5; zero-std groups 3 of 4 -> frac_zero_std = 0.75.

    "batch": std over the scorable [0.9, 0.9, 0.9, 5, 0, 1, 2]: mean 10.7 / 7 = 1.528571,
    squares 3 * 0.395102 + 12.050816 + 2.336531 + 0.279388 + 0.222245 = 16.074286,
    var 16.074286 / 6 = 2.679048, std 1.636780 -> last group [-1, 0, 1] / (1.636780 + eps).
    """
    rewards = torch.tensor([NAN, NAN, NAN, 0.9, 0.9, 0.9, NAN, 5.0, NAN, 0.0, 1.0, 2.0])
    out = group_relative_advantages(rewards, group_size=3)
    a = 1 / (1 + EPS)
    expected = torch.tensor([0.0] * 9 + [-a, 0.0, a])
    assert torch.all(torch.isfinite(out.advantages))
    assert torch.allclose(out.advantages, expected, atol=1e-9)
    assert math.isnan(out.group_mean[0].item())
    assert out.group_mean[1:].tolist() == pytest.approx([0.9, 5.0, 1.0])
    assert torch.all(out.group_std[:3].abs() < 1e-12)
    assert out.group_std[3].item() == pytest.approx(1.0)
    assert out.num_unscorable.item() == 5
    assert out.frac_zero_std.item() == pytest.approx(0.75)

    batch = group_relative_advantages(rewards, group_size=3, scale_rewards="batch")
    b = 1 / (1.636780 + EPS)
    assert torch.allclose(batch.advantages, torch.tensor([0.0] * 9 + [-b, 0.0, b]), atol=1e-6)


def test_frac_zero_std_counts_only_degenerate_groups():
    """Groups [0.7 x 4 | 1, 0, 0, 1]: the first is all-equal (std 0, A = 0 under every
    scaling), the second is not -> frac_zero_std = 1 / 2.
    """
    rewards = torch.tensor([0.7, 0.7, 0.7, 0.7, 1.0, 0.0, 0.0, 1.0])
    for scale in ("group", "batch", "none"):
        out = group_relative_advantages(rewards, group_size=4, scale_rewards=scale)
        assert torch.all(out.advantages[:4].abs() < 1e-9), scale
        assert torch.all(out.advantages[4:].abs() > 0.4), scale
        assert out.frac_zero_std.item() == 0.5


@pytest.mark.parametrize(
    "call",
    [
        lambda: group_relative_advantages(torch.zeros(6), group_size=4),
        lambda: group_relative_advantages(torch.zeros(4), group_size=2, scale_rewards="std"),
        lambda: group_relative_advantages(torch.zeros(2, 2), group_size=2),
    ],
    ids=["not-divisible", "bad-scale", "not-flat"],
)
def test_advantage_bad_arguments_raise(call):
    with pytest.raises(ValueError):
        call()


# ---- k3 KL ----------------------------------------------------------------------------------


def test_k3_nonnegative_zero_and_hand_values():
    """x = ref - logp.
    x = ln 2:  e^x - x - 1 = 2 - ln 2 - 1 = 1 - ln 2 = 0.306853
    x = -ln 2: 1/2 + ln 2 - 1 = ln 2 - 1/2 = 0.193147  (asymmetric: swapped arguments differ)
    identical log-probs: e^0 - 0 - 1 = 0 exactly; 100,000 random pairs: all >= 0.
    """
    logp = torch.tensor([-1.0, -1.0])
    ref = torch.tensor([-1.0 + LN2, -1.0 - LN2])
    assert torch.allclose(k3_kl(logp, ref), torch.tensor([1 - LN2, LN2 - 0.5]))
    assert k3_kl(logp, ref)[0].item() == pytest.approx(0.306853, rel=1e-5)  # the literal

    gen = torch.Generator().manual_seed(0)
    a, b = torch.randn(100_000, generator=gen) * 5, torch.randn(100_000, generator=gen) * 5
    kl = k3_kl(a, b)
    assert torch.all(kl >= 0)
    assert kl.max() > 1.0  # the inputs really are far apart somewhere
    assert torch.all(k3_kl(a, a) == 0)


def test_k3_clamp():
    """x = 50 clamped to 20: e^20 - 21 = 4.851652e8 (unclamped e^50 ~ 5e21);
    x = 50 with clamp 5: e^5 - 6 = 142.413159; x = -50 clamped to -20: e^-20 + 19 = 19.0;
    x = 1000 stays finite (exp(1000) alone overflows to inf).
    """
    logp = torch.zeros(4, dtype=torch.float64)
    ref = torch.tensor([50.0, -50.0, 1000.0, 0.3], dtype=torch.float64)
    kl = k3_kl(logp, ref)
    assert kl[0].item() == pytest.approx(math.exp(20) - 21, rel=1e-9)
    assert kl[1].item() == pytest.approx(math.exp(-20) + 19, rel=1e-9)
    assert math.isfinite(kl[2].item())
    assert kl[3].item() == pytest.approx(math.exp(0.3) - 1.3, rel=1e-9)  # inside: untouched
    assert k3_kl(logp[:1], ref[:1], clamp=5.0).item() == pytest.approx(142.413159, rel=1e-6)


# ---- aggregations ---------------------------------------------------------------------------

# per-token loss [2, 3]; masked entries are 100 so forgetting the mask is obvious
LOSS = torch.tensor([[1.0, 2.0, 100.0], [4.0, 100.0, 100.0]])
MASK = torch.tensor([[1, 1, 0], [1, 0, 0]])


def test_registry_names():
    assert dict(LOSS_AGGREGATIONS) == {
        "grpo": grpo_aggregation,
        "bnpo": bnpo_aggregation,
        "dr_grpo": dr_grpo_aggregation,
        "dapo": dapo_aggregation,
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("grpo", 2.75),  # mean((1 + 2) / 2, 4 / 1) = mean(1.5, 4) = 2.75
        ("bnpo", 7 / 3),  # (1 + 2 + 4) / 3 active tokens
        ("dr_grpo", 0.875),  # 7 / (B * max_completion_length) = 7 / (2 * 4)
        ("dapo", 0.7),  # 7 / num_items_in_batch = 7 / 10
    ],
)
def test_aggregation_hand_computed(name, expected):
    """L = [[1, 2, (100)], [4, (100), (100)]], M = [[1, 1, 0], [1, 0, 0]], B = 2,
    max_completion_length = 4, num_items_in_batch = 10 (the whole generation batch).
    Masked entries turned NaN must not leak (they are dropped, not multiplied by 0).
    """
    options = {"max_completion_length": 4, "num_items_in_batch": 10}
    assert aggregate_loss(name, LOSS, MASK, **options).item() == pytest.approx(expected)
    nan_padded = LOSS.masked_fill(MASK == 0, NAN)
    assert aggregate_loss(name, nan_padded, MASK.bool(), **options).item() == pytest.approx(
        expected
    )


def test_aggregation_missing_option_and_unknown_name():
    with pytest.raises(ValueError, match="max_completion_length"):
        aggregate_loss("dr_grpo", LOSS, MASK)
    with pytest.raises(ValueError, match="num_items_in_batch"):
        aggregate_loss("dapo", LOSS, MASK, max_completion_length=4)
    with pytest.raises(ValueError, match="seq_mean") as err:
        aggregate_loss("seq_mean", LOSS, MASK)
    for name in ("grpo", "bnpo", "dr_grpo", "dapo"):
        assert repr(name) in str(err.value)
    with pytest.raises(ValueError, match="shape"):
        aggregate_loss("bnpo", LOSS[:, :2], MASK)


def test_dapo_hand_split_invariance_and_bnpo_not():
    """L = [[4, (0), (0)], [1, 1, 1]], lengths 1 and 3, 4 tokens in the whole batch.
    one batch:  bnpo = dapo = (4 + 3) / 4 = 1.75
    split [seq 0], [seq 1]:
      dapo: 4 / 4 + 3 / 4 = 1.75                         (equal to the whole batch)
      bnpo: 4 / 1 = 4 and 3 / 3 = 1 -> mean 2.5, sum 5    (neither is 1.75)
    """
    loss = torch.tensor([[4.0, 0.0, 0.0], [1.0, 1.0, 1.0]])
    mask = torch.tensor([[1, 0, 0], [1, 1, 1]])
    whole = aggregate_loss("dapo", loss, mask, num_items_in_batch=4)
    assert whole.item() == pytest.approx(1.75)
    assert aggregate_loss("bnpo", loss, mask).item() == pytest.approx(1.75)
    parts = [
        aggregate_loss("dapo", loss[i : i + 1], mask[i : i + 1], num_items_in_batch=4)
        for i in range(2)
    ]
    assert sum(p.item() for p in parts) == pytest.approx(1.75)
    bnpo_parts = [aggregate_loss("bnpo", loss[i : i + 1], mask[i : i + 1]).item() for i in range(2)]
    assert bnpo_parts == pytest.approx([4.0, 1.0])


def _rollout_batch(seed: int = 0):
    """8 completions of lengths [6, 1, 3, 5, 2, 4, 6, 3] (30 tokens) in T = 6 slots."""
    gen = torch.Generator().manual_seed(seed)
    lengths = torch.tensor([6, 1, 3, 5, 2, 4, 6, 3])
    mask = torch.arange(6).unsqueeze(0) < lengths.unsqueeze(1)  # [8, 6]
    logps = (-torch.rand(8, 6, generator=gen) * 3).requires_grad_()
    old_logps = logps.detach() + 0.3 * torch.randn(8, 6, generator=gen)  # rho != 1: clipping
    ref_logps = logps.detach() + 0.5 * torch.randn(8, 6, generator=gen)
    advantages = torch.randn(8, generator=gen)
    return logps, old_logps, ref_logps, advantages, mask


def test_dapo_accumulation_invariance_loss_and_gradient():
    """Sum of the dapo losses of the micro-batches (4 x 2 and 2 x 4 sequences), each divided
    by the 30 tokens of the whole batch, = the loss of the 8 in one piece, and so is the
    gradient (sum(l M) / 30 is linear in the per-sequence sums, however they are grouped).
    bnpo (each micro-batch divided by its own token count, then averaged as plain gradient
    accumulation does) gives a different number on the same data: the test tells them apart.
    """
    logps, old, ref, adv, mask = _rollout_batch()
    eps = {"epsilon_low": 0.2, "epsilon_high": 0.28}

    def run(name, splits, **extra):
        """Sum of the micro-batch losses (and its gradient) for micro-batches of `splits`."""
        logps.grad = None
        losses = [
            grpo_loss(
                name, logps[c], old[c], adv[c], mask[c], **eps, ref_logps=ref[c], beta=0.04, **extra
            ).loss
            for c in torch.arange(8).split(splits)
        ]
        total = torch.stack(losses).sum()
        total.backward()
        return total.detach(), logps.grad.clone(), len(losses)

    full_loss, full_grad, _ = run("dapo", 8, num_items_in_batch=30)
    assert full_loss.item() != 0.0 and full_grad.abs().sum() > 0
    whole = grpo_loss(
        "dapo", logps, old, adv, mask, **eps, ref_logps=ref, beta=0.04, num_items_in_batch=30
    )
    assert whole.clip_ratio_region > 0 and whole.kl > 0  # clipping and KL both exercised
    for splits in (2, 4):  # 4 micro-batches of 2, 2 micro-batches of 4
        loss, grad, _ = run("dapo", splits, num_items_in_batch=torch.tensor(30))
        assert torch.allclose(loss, full_loss, atol=1e-6)
        assert torch.allclose(grad, full_grad, atol=1e-7)

    bnpo_full, _, _ = run("bnpo", 8)
    bnpo_sum, _, n = run("bnpo", 2)
    assert abs(bnpo_sum.item() / n - bnpo_full.item()) > 1e-2
    assert bnpo_full.item() == pytest.approx(full_loss.item(), rel=1e-6)  # one piece: same


# ---- clipped policy loss --------------------------------------------------------------------


def _ratios_to_logps(ratios):
    """(logps, old_logps) with exp(logps - old_logps) = ratios; old log-probs arbitrary."""
    old = -torch.arange(1.0, 1.0 + ratios.numel()).view(ratios.shape) / 4
    return (old + torch.log(ratios)).requires_grad_(), old


def test_clipped_loss_hand_values_and_stats():
    """eps_low = 0.2, eps_high = 0.28 -> clip range [0.8, 1.28]. l = -min(rho A, clip(rho) A).
    seq 0, A = +1:  rho 1.5 -> min(1.5, 1.28) = 1.28, l = -1.28  (clipped high, grad 0)
                    rho 0.5 -> min(0.5, 0.8) = 0.5,   l = -0.5   (not clipped, grad -rho A = -0.5)
                    rho 1.5, masked                   l = 0      (would be a high clip)
    seq 1, A = -2:  rho 0.5 -> min(-1, -1.6) = -1.6,  l = 1.6    (clipped low, grad 0)
                    rho 1.5 -> min(-3, -2.56) = -3,   l = 3      (not clipped, grad 3)
                    rho 1.1 -> inside, -2.2,          l = 2.2    (grad -rho A = 2.2)
    5 active tokens: clip low 1/5, high 1/5, region 2/5.
    Symmetric eps 0.2 would give -1.2 for the first token; eps swapped (0.28, 0.2) -> 1.44.
    """
    logps, old = _ratios_to_logps(torch.tensor([[1.5, 0.5, 1.5], [0.5, 1.5, 1.1]]))
    mask = torch.tensor([[1, 1, 0], [1, 1, 1]])
    adv = torch.tensor([1.0, -2.0])
    out = clipped_policy_loss(logps, old, adv, mask, 0.2, 0.28)
    expected = torch.tensor([[-1.28, -0.5, 0.0], [1.6, 3.0, 2.2]])
    assert torch.allclose(out.per_token_loss, expected, atol=1e-5)
    assert out.per_token_loss[0, 2].item() == 0.0
    assert out.clip_ratio_low.item() == pytest.approx(0.2)
    assert out.clip_ratio_high.item() == pytest.approx(0.2)
    assert out.clip_ratio_region.item() == pytest.approx(0.4)
    assert out.kl.item() == 0.0
    for stat in out[1:]:
        assert not stat.requires_grad and stat.dim() == 0

    out.per_token_loss.sum().backward()
    assert torch.allclose(logps.grad, torch.tensor([[0.0, -0.5, 0.0], [0.0, 3.0, 2.2]]), atol=1e-5)

    symmetric = clipped_policy_loss(logps, old, adv, mask, 0.2, 0.2).per_token_loss
    assert symmetric[0, 0].item() == pytest.approx(-1.2, abs=1e-5)
    swapped = clipped_policy_loss(logps, old, adv, mask, 0.28, 0.2).per_token_loss
    assert swapped[1, 0].item() == pytest.approx(1.44, abs=1e-5)


def test_garbage_logps_at_padding_do_not_leak():
    """Padding log-probs of NaN / -inf / +inf (policy, old and reference) at masked slots.
    One active token per row, rho = 1, A = [1, -1], beta = 0.1, ref = logp there (k3 = 0):
    per-token loss [[-1, 0, 0], [1, 0, 0]]; bnpo loss (-1 + 1) / 2 = 0; kl stat 0;
    gradient -A / 2 = [-0.5, 0.5] on the active tokens and exactly 0 (not NaN) elsewhere.
    """
    logps = torch.tensor([[-1.0, NAN, -math.inf], [-2.0, math.inf, NAN]], requires_grad=True)
    garbage = torch.tensor([[-1.0, NAN, NAN], [-2.0, -math.inf, math.inf]])
    mask = torch.tensor([[1, 0, 0], [1, 0, 0]])
    out = grpo_loss(
        "bnpo",
        logps,
        garbage,
        torch.tensor([1.0, -1.0]),
        mask,
        epsilon_low=0.2,
        epsilon_high=0.2,
        ref_logps=garbage,
        beta=0.1,
    )
    assert torch.equal(
        out.per_token_loss.detach(), torch.tensor([[-1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    )
    assert out.loss.item() == 0.0 and out.kl.item() == 0.0
    out.loss.backward()
    assert torch.equal(logps.grad, torch.tensor([[-0.5, 0.0, 0.0], [0.5, 0.0, 0.0]]))


@pytest.mark.parametrize("old_is_none", [True, False])
def test_mu_one_gradient_is_reinforce_with_group_baseline(old_is_none):
    """mu = 1: old = logps.detach(), rho = 1, so l_{i,t} = -A_i and nothing is clipped.
    lengths |o| = [1, 2, 4], B = 3, A = [1, -1.5, 0.5] (sums to 0).
    grpo: loss = mean_i(-A_i) = 0 (the value), but d loss / d logp_{i,t} = -A_i / (|o_i| B):
          -1 / 3, 1.5 / 6 = 0.25, -0.5 / 12 = -1/24 on active tokens, 0 on padding.
    bnpo: sum(M) = 7 -> -A_i / 7 = -1/7, 1.5/7, -0.5/7.
    """
    gen = torch.Generator().manual_seed(1)
    lengths = torch.tensor([1, 2, 4])
    mask = torch.arange(4).unsqueeze(0) < lengths.unsqueeze(1)  # [3, 4]
    adv = torch.tensor([1.0, -1.5, 0.5])
    active = mask.float()
    expected = {
        "grpo": torch.tensor([[-1 / 3], [0.25], [-1 / 24]]) * active,  # -A_i / (|o_i| B)
        "bnpo": torch.tensor([[-1 / 7], [1.5 / 7], [-0.5 / 7]]) * active,  # -A_i / sum(M)
    }
    for name, grad in expected.items():
        logps = (-torch.rand(3, 4, generator=gen) * 4).requires_grad_()
        old = None if old_is_none else logps.detach()
        out = grpo_loss(name, logps, old, adv, mask, epsilon_low=0.2, epsilon_high=0.2)
        assert abs(out.loss.item()) < 1e-6
        assert out.clip_ratio_region.item() == 0.0
        out.loss.backward()
        assert torch.allclose(logps.grad, grad, atol=1e-7), name
        assert logps.grad.abs().sum() > 0.1


def test_beta_adds_exact_kl_term():
    """mu = 1 (rho = 1), A = [1], bnpo over the 2 active tokens, beta = 0.1.
    x = ref - logp = [ln 2, -ln 2, (10, masked)] -> k3 = [1 - ln 2, ln 2 - 1/2] -> mean 0.25
    beta = 0:   l = [-1, -1]                        -> loss -1, kl stat 0
    beta = 0.1: l = [-1 + 0.0306853, -1 + 0.0193147] -> loss -1 + 0.1 * 0.25 = -0.975
    d k3 / d logp = 1 - e^x = [-1, 0.5] -> grad = (-A + beta (1 - e^x)) / 2 = [-0.55, -0.475]
    The masked token (k3 = e^10 - 11 = 22015.5) moves neither the loss nor the kl stat.
    """
    logps = torch.tensor([[-1.0, -1.0, -1.0]], requires_grad=True)
    ref = torch.tensor([[-1.0 + LN2, -1.0 - LN2, 9.0]])
    mask = torch.tensor([[1, 1, 0]])
    adv = torch.tensor([1.0])
    eps = {"epsilon_low": 0.2, "epsilon_high": 0.2}

    plain = grpo_loss("bnpo", logps, None, adv, mask, **eps)
    with_ref_beta0 = grpo_loss("bnpo", logps, None, adv, mask, **eps, ref_logps=ref, beta=0.0)
    assert plain.loss.item() == pytest.approx(-1.0)
    assert plain.kl.item() == 0.0 and with_ref_beta0.kl.item() == 0.0
    assert with_ref_beta0.loss.item() == pytest.approx(-1.0)

    out = grpo_loss("bnpo", logps, None, adv, mask, **eps, ref_logps=ref, beta=0.1)
    assert out.kl.item() == pytest.approx(0.25, rel=1e-6)
    assert out.loss.item() == pytest.approx(-0.975, rel=1e-6)
    assert out.loss.item() - plain.loss.item() == pytest.approx(0.1 * 0.25, rel=1e-5)
    assert torch.allclose(
        out.per_token_loss, torch.tensor([[-1 + 0.1 * (1 - LN2), -1 + 0.1 * (LN2 - 0.5), 0.0]])
    )
    assert out.num_tokens.item() == 2
    out.loss.backward()
    assert torch.allclose(logps.grad, torch.tensor([[-0.55, -0.475, 0.0]]), atol=1e-6)

    with pytest.raises(ValueError, match="ref_logps"):
        grpo_loss("bnpo", logps, None, adv, mask, **eps, beta=0.1)


@pytest.mark.parametrize(
    "call",
    [
        lambda lp, m: clipped_policy_loss(lp, None, torch.zeros(3), m, 0.2, 0.2),
        lambda lp, m: clipped_policy_loss(lp, lp[:, :1], torch.zeros(2), m, 0.2, 0.2),
        lambda lp, m: clipped_policy_loss(lp, None, torch.zeros(2), m, 1.0, 0.2),
        lambda lp, m: clipped_policy_loss(lp, None, torch.zeros(2), m, 0.2, -0.1),
        lambda lp, m: clipped_policy_loss(lp, None, torch.zeros(2), m, 0.2, 0.2, lp, -0.1),
    ],
    ids=["adv-shape", "old-shape", "eps-low", "eps-high", "neg-beta"],
)
def test_policy_loss_bad_arguments_raise(call):
    with pytest.raises(ValueError):
        call(torch.zeros(2, 3), torch.ones(2, 3))
