"""DPO loss variants, their statistics and `sequence_logps` against values worked out by hand.

Notation: Delta = (pc - rc) - (pr - rr) with pc/pr the policy log-probs of chosen/rejected and
rc/rr the reference ones; sigma(ln 3) = 3 / (3 + 1) = 3/4 and sigma(-ln 3) = 1/4.
"""

from __future__ import annotations

import math

import pytest
import torch

from medlab.losses.dpo import (
    DPO_LOSSES,
    dpo_loss,
    hinge_dpo_loss,
    ipo_loss,
    pair_accuracy,
    robust_dpo_loss,
    sequence_logps,
    sigmoid_dpo_loss,
    split_pairs,
)

LN2, LN3 = math.log(2), math.log(3)


def make_pairs(chosen_logratios, rejected_logratios, requires_grad=False):
    """(pc, pr, rc, rr) [B] with pc - rc = chosen_logratios and pr - rr = rejected_logratios.

    The reference log-probs are arbitrary, unequal negatives so that a loss which mixes up
    policy and reference, or chosen and rejected, gives a different number.
    """
    b = len(chosen_logratios)
    ref_chosen = -torch.arange(2.0, 2.0 + b)  # -2, -3, ...
    ref_rejected = -torch.arange(5.0, 5.0 + 2 * b, 2)  # -5, -7, ...
    policy_chosen = ref_chosen + torch.tensor(chosen_logratios)
    policy_rejected = ref_rejected + torch.tensor(rejected_logratios)
    if requires_grad:
        policy_chosen.requires_grad_()
        policy_rejected.requires_grad_()
    return policy_chosen, policy_rejected, ref_chosen, ref_rejected


def test_registry_names():
    assert dict(DPO_LOSSES) == {
        "sigmoid": sigmoid_dpo_loss,
        "ipo": ipo_loss,
        "hinge": hinge_dpo_loss,
        "robust": robust_dpo_loss,
    }


def test_sigmoid_hand_computed():
    """beta = 1.
    pair 0: chosen log-ratio ln 3, rejected 0  -> Delta = ln 3  -> -log sigma(ln 3) = ln(4/3)
    pair 1: chosen 0, rejected ln 3            -> Delta = -ln 3 -> -log sigma(-ln 3) = ln 4
    loss = (ln(4/3) + ln 4) / 2 = ln(16/3) / 2 = 0.836988...
    With beta = 0.5 and both log-ratios doubled, beta * Delta is unchanged: same losses.
    """
    out = sigmoid_dpo_loss(*make_pairs([LN3, 0.0], [0.0, LN3]), beta=1.0)
    assert torch.allclose(out.losses, torch.tensor([math.log(4 / 3), math.log(4)]))
    assert out.loss.item() == pytest.approx(math.log(16 / 3) / 2, rel=1e-6)

    half = sigmoid_dpo_loss(*make_pairs([2 * LN3, 0.0], [0.0, 2 * LN3]), beta=0.5)
    assert torch.allclose(half.losses, torch.tensor([math.log(4 / 3), math.log(4)]))


def test_cdpo_label_smoothing_hand_computed():
    """eps = 0.1, beta = 1, Delta = ln 3:
    -(0.9) log(3/4) - 0.1 log(1/4) = 0.9 ln(4/3) + 0.1 ln 4
                                   = 0.9 * 0.287682 + 0.1 * 1.386294 = 0.397543
    """
    pairs = make_pairs([LN3], [0.0])
    out = dpo_loss("sigmoid", *pairs, beta=1.0, label_smoothing=0.1)
    assert out.loss.item() == pytest.approx(0.9 * math.log(4 / 3) + 0.1 * math.log(4), rel=1e-6)
    assert out.loss.item() == pytest.approx(0.397543301, rel=1e-6)


def test_robust_hand_computed_and_eps_zero_is_sigmoid():
    """eps = 0.1, beta = 1, Delta = ln 3 (note the + sign on the eps term):
    [-(0.9) log(3/4) + 0.1 log(1/4)] / (1 - 0.2) = (0.9 ln(4/3) - 0.1 ln 4) / 0.8
                                               = (0.258914 - 0.138629) / 0.8 = 0.150356
    eps = 0: [-log sigma(beta Delta)] / 1 = the sigmoid loss, pair by pair.
    """
    out = dpo_loss("robust", *make_pairs([LN3], [0.0]), beta=1.0, label_smoothing=0.1)
    assert out.loss.item() == pytest.approx(0.150355536, rel=1e-6)

    pairs = make_pairs([LN3, 0.0, 0.7], [0.0, LN3, -0.2])
    robust = robust_dpo_loss(*pairs, beta=0.3, label_smoothing=0.0)
    sigmoid = sigmoid_dpo_loss(*pairs, beta=0.3)
    assert torch.allclose(robust.losses, sigmoid.losses)
    assert not torch.allclose(robust_dpo_loss(*pairs, 0.3, 0.1).losses, sigmoid.losses)


def test_hinge_both_sides_hand_computed():
    """beta = 0.5, Deltas [0.5, 4, -2] -> beta * Delta = [0.25, 2, -1]
    relu(1 - beta Delta) = [0.75, 0 (past the hinge), 2] -> loss = 2.75 / 3
    d loss / d pc = -beta / B = -1/6 where the hinge is active, exactly 0 where it is flat.
    """
    pairs = make_pairs([0.5, 4.0, 0.0], [0.0, 0.0, 2.0], requires_grad=True)
    out = hinge_dpo_loss(*pairs, beta=0.5)
    assert torch.allclose(out.losses, torch.tensor([0.75, 0.0, 2.0]))
    assert out.loss.item() == pytest.approx(2.75 / 3, rel=1e-6)
    out.loss.backward()
    assert torch.allclose(pairs[0].grad, torch.tensor([-1 / 6, 0.0, -1 / 6]))


def test_ipo_uses_per_token_averages_hand_computed():
    """beta = 0.25 -> target 1 / (2 beta) = 2.
    pair 0: chosen log-ratio 6 over n+ = 2 tokens -> 3; rejected -4 over n- = 4 -> -1
            Delta_bar = 3 - (-1) = 4 -> (4 - 2)^2 = 4
    pair 1: chosen 3 over 2 -> 1.5; rejected 1 over 2 -> 0.5; Delta_bar = 1 -> (1 - 2)^2 = 1
    loss = (4 + 1) / 2 = 2.5
    Summed log-ratios would give (10 - 2)^2 = 64 and (2 - 2)^2 = 0; swapped lengths on pair 0
    give 6/4 + 4/2 = 3.5 -> 2.25: both differ.
    """
    pairs = make_pairs([6.0, 3.0], [-4.0, 1.0])
    chosen_lengths, rejected_lengths = torch.tensor([2, 2]), torch.tensor([4, 2])
    out = ipo_loss(*pairs, 0.25, chosen_lengths, rejected_lengths)
    assert torch.allclose(out.losses, torch.tensor([4.0, 1.0]))
    assert out.loss.item() == pytest.approx(2.5, rel=1e-6)

    via_name = dpo_loss(
        "ipo",
        *pairs,
        beta=0.25,
        chosen_lengths=chosen_lengths,
        rejected_lengths=rejected_lengths,
    )
    assert torch.allclose(via_name.losses, torch.tensor([4.0, 1.0]))
    with pytest.raises(ValueError, match="chosen_lengths"):
        dpo_loss("ipo", *pairs, beta=0.25)


@pytest.mark.parametrize("name", sorted(DPO_LOSSES))
def test_reward_stats_hand_computed(name):
    """beta = 0.5; rewards = beta * log-ratio (summed log-probs, whatever the variant).
    pair 0: log-ratios (2 ln 3, 0) -> rewards (ln 3, 0), margin  ln 3, accuracy 1
    pair 1: log-ratios (0, 2 ln 3) -> rewards (0, ln 3), margin -ln 3, accuracy 0
    pair 2: log-ratios (0, 0)      -> rewards (0, 0),    margin 0,     accuracy 0.5 (a tie)
    Stats are detached although the policy log-probs require grad; the loss is not.
    """
    pairs = make_pairs([2 * LN3, 0.0, 0.0], [0.0, 2 * LN3, 0.0], requires_grad=True)
    lengths = torch.tensor([1, 2, 3])
    out = dpo_loss(name, *pairs, beta=0.5, chosen_lengths=lengths, rejected_lengths=lengths)
    assert torch.allclose(out.chosen_rewards, torch.tensor([LN3, 0.0, 0.0]))
    assert torch.allclose(out.rejected_rewards, torch.tensor([0.0, LN3, 0.0]))
    assert torch.allclose(out.margins, torch.tensor([LN3, -LN3, 0.0]))
    assert out.accuracies.dtype == torch.float32
    assert out.accuracies.tolist() == [1.0, 0.0, 0.5]
    for stat in (out.chosen_rewards, out.rejected_rewards, out.margins, out.accuracies):
        assert not stat.requires_grad
    assert out.loss.requires_grad and out.loss.dim() == 0
    assert out.losses.shape == (3,)
    assert out.loss.item() == pytest.approx(out.losses.mean().item(), rel=1e-6)


def test_pair_accuracy_counts_a_tie_as_half():
    """chosen [0, 1, 0] vs rejected [0, 0, 1]: margins [0, 1, -1] -> [0.5, 1, 0], mean 1.5 / 3
    = 0.5 (TRL's `chosen > rejected` would give [0, 1, 0], mean 1/3). Exact float equality
    decides a tie: 1e-6 above is a win, not a tie.
    """
    acc = pair_accuracy(torch.tensor([0.0, 1.0, 0.0]), torch.tensor([0.0, 0.0, 1.0]))
    assert acc.dtype == torch.float32
    assert acc.tolist() == [0.5, 1.0, 0.0]
    assert acc.mean().item() == pytest.approx(0.5)
    assert pair_accuracy(torch.tensor([1e-6]), torch.tensor([0.0])).tolist() == [1.0]


@pytest.mark.parametrize("name", sorted(DPO_LOSSES))
def test_untrained_policy_scores_half_and_ties_leave_the_loss_unchanged(name):
    """Policy == reference (all log-ratios 0, as at step 0): every margin is 0, so every pair is
    a tie and accuracies = [0.5, 0.5, 0.5] for every variant (TRL's definition: 0). The loss
    at Delta = 0 is the variant's own: sigmoid / robust (eps = 0) ln 2, hinge relu(1) = 1,
    ipo (0 - 1 / (2 * 0.5))^2 = 1.
    """
    pairs = make_pairs([0.0, 0.0, 0.0], [0.0, 0.0, 0.0])
    lengths = torch.tensor([1, 2, 3])
    out = dpo_loss(name, *pairs, beta=0.5, chosen_lengths=lengths, rejected_lengths=lengths)
    assert out.accuracies.tolist() == [0.5, 0.5, 0.5]
    expected = {"sigmoid": LN2, "robust": LN2, "hinge": 1.0, "ipo": 1.0}[name]
    assert out.loss.item() == pytest.approx(expected, rel=1e-6)


def test_sigmoid_gradient_matches_hand_formula():
    """d/d pc [-log sigma(beta Delta_i) / B] = -beta * sigma(-beta Delta_i) / B; d/d pr = -that.
    beta = 0.5, B = 2, beta * Delta = [ln 3, -ln 3]:
    pair 0: -0.5 * sigma(-ln 3) / 2 = -0.5 * (1/4) / 2 = -0.0625
    pair 1: -0.5 * sigma(ln 3) / 2  = -0.5 * (3/4) / 2 = -0.1875
    """
    pairs = make_pairs([2 * LN3, 0.0], [0.0, 2 * LN3], requires_grad=True)
    sigmoid_dpo_loss(*pairs, beta=0.5).loss.backward()
    assert torch.allclose(pairs[0].grad, torch.tensor([-0.0625, -0.1875]))
    assert torch.allclose(pairs[1].grad, torch.tensor([0.0625, 0.1875]))


def test_nll_term_adds_weighted_mean_chosen_nll():
    """nll_weight = 0.5, chosen_nll = [2, 4]: per-pair losses gain [1, 2], the mean gains
    0.5 * mean([2, 4]) = 1.5; d loss / d chosen_nll = nll_weight / B = 0.25; rewards unchanged.
    """
    pairs = make_pairs([LN3, 0.0], [0.0, LN3])
    base = dpo_loss("sigmoid", *pairs, beta=1.0)
    chosen_nll = torch.tensor([2.0, 4.0], requires_grad=True)
    out = dpo_loss("sigmoid", *pairs, beta=1.0, nll_weight=0.5, chosen_nll=chosen_nll)
    assert out.loss.item() == pytest.approx(base.loss.item() + 1.5, rel=1e-6)
    assert torch.allclose(out.losses, base.losses + torch.tensor([1.0, 2.0]))
    assert torch.equal(out.chosen_rewards, base.chosen_rewards)
    out.loss.backward()
    assert torch.allclose(chosen_nll.grad, torch.tensor([0.25, 0.25]))

    with pytest.raises(ValueError, match="chosen_nll"):
        dpo_loss("sigmoid", *pairs, beta=1.0, nll_weight=0.5)


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(ValueError, match="kto") as err:
        dpo_loss("kto", *make_pairs([0.0], [0.0]), beta=0.1)
    for name in ("sigmoid", "ipo", "hinge", "robust"):
        assert name in str(err.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda p: dpo_loss("sigmoid", *p, beta=0.0),
        lambda p: dpo_loss("robust", *p, beta=0.1, label_smoothing=0.5),
        lambda p: dpo_loss("sigmoid", *p, beta=0.1, label_smoothing=0.6),
        lambda p: dpo_loss("hinge", *p, beta=0.1, label_smoothing=0.1),
        lambda p: dpo_loss("sigmoid", *p, beta=0.1, nll_weight=-1.0, chosen_nll=p[0]),
        lambda p: sigmoid_dpo_loss(p[0], p[1][:1], p[2], p[3], beta=0.1),
        lambda p: ipo_loss(*p, 0.1, torch.tensor([0, 1]), torch.tensor([1, 1])),
    ],
    ids=["beta0", "robust-eps-half", "cdpo-eps", "hinge-eps", "neg-nll", "shape", "ipo-len0"],
)
def test_bad_arguments_raise(call):
    with pytest.raises(ValueError):
        call(make_pairs([0.0, 1.0], [0.0, 0.0]))


def test_sequence_logps_hand_computed_ignores_masked_positions():
    """V = 3, targets already aligned with logits; the token log-probs are log_softmax at the
    kept positions in row-major order, as `medlab.models.forward.trained_token_logps` gives.
    row 0: [0, 0, 0] -> target 1: p = 1/3        -> ln(1/3)
           [ln 2, 0, 0] -> target 0: p = 2/4     -> ln(1/2)
           [0, 0, ln 2] -> target 0: p = 1/4     -> ln(1/4)   sum = -ln 24, 3 tokens
    row 1: [ln 3, 0, 0] -> target 1: p = 1/5     -> ln(1/5)
           [100, -100, 0] -> -100: ignored (would be about -200 if counted as target 1)
           [0, ln 2, ln 3] -> target 2: p = 3/6  -> ln(1/2)   sum = -ln 10, 2 tokens
    The gradient at the ignored position is exactly 0. With ignore_index = 1 (and the -100
    slot set to 1) the target-1 terms drop out: row 0 -> ln(1/2) + ln(1/4) = -ln 8,
    row 1 -> ln(1/2) = -ln 2.
    """
    logits = torch.tensor(
        [
            [[0.0, 0.0, 0.0], [LN2, 0.0, 0.0], [0.0, 0.0, LN2]],
            [[LN3, 0.0, 0.0], [100.0, -100.0, 0.0], [0.0, LN2, LN3]],
        ],
        requires_grad=True,
    )
    targets = torch.tensor([[1, 0, 0], [1, -100, 2]])

    def kept_logps(targets: torch.Tensor, ignore_index: int = -100) -> torch.Tensor:
        keep = targets != ignore_index
        return torch.log_softmax(logits[keep], -1).gather(-1, targets[keep][:, None])[:, 0]

    sums, counts = sequence_logps(kept_logps(targets), targets)
    assert torch.allclose(sums, torch.tensor([-math.log(24), -math.log(10)]))
    assert counts.tolist() == [3, 2]
    relabelled = targets.masked_fill(targets == -100, 1)
    custom = sequence_logps(kept_logps(relabelled, 1), relabelled, ignore_index=1)
    assert torch.allclose(custom[0], torch.tensor([-math.log(8), -LN2]))
    sums.sum().backward()
    assert torch.all(logits.grad[1, 1] == 0)
    assert torch.all(logits.grad[0, 0] != 0)
    assert sequence_logps(kept_logps(targets).double(), targets)[0].dtype == torch.float64


def test_split_pairs_takes_chosen_rows_first():
    """A pair batch of B pairs holds 2B rows: the B chosen rows, then the B rejected ones."""
    chosen, rejected = split_pairs(torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]))
    assert chosen.tolist() == [1.0, 2.0, 3.0] and rejected.tolist() == [4.0, 5.0, 6.0]
