"""Engine / trainer mismatch: TRL's vLLM importance-sampling correction (issue 13, part 3).

w = exp(logp_old - logp_engine) per token (token_*) or exp(sum_t M (logp_old - logp_engine))
per completion (sequence_*), then min(w, C) (*_truncate) or 0 above C (*_mask), detached;
the clipped policy term is multiplied by w BEFORE beta * k3 is added (TRL's order).

The hand-worked case used throughout: one completion of 2 tokens, A = +1, mu = 1 (old =
logps.detach(), rho = 1, so l_t = -A w_t), bnpo (token mean over 2 tokens):

    logp_old    = [-1.0, -2.0]
    logp_engine = [-1.5, -1.0]      delta = old - engine = [+0.5, -1.0]
    exp(delta)  = [1.648721, 0.367879];  sequence: exp(0.5 - 1.0) = exp(-0.5) = 0.606531

    mode               C    w                    l_t                    loss (mean)
    token_truncate     1.5  [1.5, 0.367879]      [-1.5, -0.367879]      -0.933940
    token_mask         1.5  [0,   0.367879]      [ 0,   -0.367879]      -0.183940
    sequence_truncate  1.5  0.606531             [-0.606531] x 2        -0.606531
    sequence_truncate  0.5  0.5                  [-0.5] x 2             -0.5
    sequence_mask      1.5  0.606531                                    -0.606531
    sequence_mask      0.5  0 (0.61 > 0.5)                              0
"""

from __future__ import annotations

import math

import lightning as L
import pytest
import torch

from medlab.config import GRPOConfig
from medlab.losses.grpo import LOSS_AGGREGATIONS, grpo_loss, sampling_importance_weights
from medlab.models.forward import completion_logps
from medlab.rollout.backend import GenerationOutput, completion_mask
from medlab.stages.grpo import GRPOModule
from medlab.stages.grpo_setup import build_rewards
from tests.unit.test_grpo_module import REWARDS_CFG, ScriptedBackend, prompts

OLD = [[-1.0, -2.0]]
ENGINE = [[-1.5, -1.0]]
MASK = [[1, 1]]


def hand_loss(mode: str, cap: float, beta: float = 0.0, ref=None):
    logps = torch.tensor(OLD, requires_grad=True)
    mask = torch.tensor(MASK)
    w = sampling_importance_weights(logps.detach(), torch.tensor(ENGINE), mask, cap, mode)
    out = grpo_loss(
        "bnpo", logps, None, torch.tensor([1.0]), mask, epsilon_low=0.2, epsilon_high=0.2,
        beta=beta, ref_logps=None if ref is None else torch.tensor(ref), is_weights=w,
    )  # fmt: skip
    return w, out, logps


@pytest.mark.parametrize(
    "mode, cap, weights, per_token, loss",
    [
        ("token_truncate", 1.5, [[1.5, 0.367879]], [[-1.5, -0.367879]], -0.933940),
        ("token_mask", 1.5, [[0.0, 0.367879]], [[0.0, -0.367879]], -0.183940),
        ("sequence_truncate", 1.5, [[0.606531]], [[-0.606531, -0.606531]], -0.606531),
        ("sequence_truncate", 0.5, [[0.5]], [[-0.5, -0.5]], -0.5),
        ("sequence_mask", 1.5, [[0.606531]], [[-0.606531, -0.606531]], -0.606531),
        ("sequence_mask", 0.5, [[0.0]], [[0.0, 0.0]], 0.0),
    ],
)
def test_hand_worked_weights_and_loss(mode, cap, weights, per_token, loss):
    w, out, _ = hand_loss(mode, cap)
    assert torch.allclose(w, torch.tensor(weights), atol=1e-6)
    assert not w.requires_grad
    assert torch.allclose(out.per_token_loss, torch.tensor(per_token), atol=1e-6)
    assert out.loss.item() == pytest.approx(loss, abs=1e-6)


def test_kl_term_is_added_after_the_weighting():
    """beta = 0.1, logp_ref = [-1.0, -2.5]: x = ref - logp = [0, -0.5],
    k3 = [0, exp(-0.5) + 0.5 - 1] = [0, 0.106531]. token_truncate at 1.5:
    l = [-1.5 + 0, -0.367879 + 0.1 x 0.106531] = [-1.5, -0.357226]; loss = -0.928613.
    (Weighting the KL too would give -0.367879 x (1 - 0.0106531) = -0.363960, loss -0.931980.)
    """
    _, out, _ = hand_loss("token_truncate", 1.5, beta=0.1, ref=[[-1.0, -2.5]])
    assert torch.allclose(out.per_token_loss, torch.tensor([[-1.5, -0.357226]]), atol=1e-6)
    assert out.loss.item() == pytest.approx(-0.928613, abs=1e-6)
    assert out.kl.item() == pytest.approx(0.106531 / 2, abs=1e-6)  # the KL stat is unweighted


def test_weight_multiplies_the_clipped_term():
    """mu > 1: rho = [1.5, 0.5] against old, A = +1, eps 0.2: -min(rho, clip(rho)) =
    [-1.2, -0.5]; token_truncate weights [1.5, 0.367879] -> [-1.8, -0.183940]."""
    old = torch.tensor(OLD)
    logps = (old + torch.log(torch.tensor([[1.5, 0.5]]))).requires_grad_()
    w = sampling_importance_weights(
        old, torch.tensor(ENGINE), torch.tensor(MASK), 1.5, "token_truncate"
    )
    out = grpo_loss(
        "bnpo", logps, old, torch.tensor([1.0]), torch.tensor(MASK), epsilon_low=0.2,
        epsilon_high=0.2, is_weights=w,
    )  # fmt: skip
    assert torch.allclose(out.per_token_loss, torch.tensor([[-1.8, -0.183940]]), atol=1e-5)
    assert out.clip_ratio_high.item() == 0.5  # clip statistics are those of rho, unweighted


def test_correction_scales_each_token_gradient_by_its_weight():
    """With rho = 1, d loss / d logp_t = -A w_t / 2 (bnpo over 2 tokens). Uncorrected: -0.5 on
    both. token_truncate: token 0, which the engine UNDER-sampled (trainer prob e^0.5 x the
    engine's), is pushed harder but only up to C: -1.5 / 2 = -0.75 (not -1.648721 / 2);
    token 1, which the engine OVER-sampled (e^-1), is pushed less: -0.367879 / 2 = -0.183940.
    token_mask drops token 0 (w above C) entirely."""
    for mode, want in (("token_truncate", [-0.75, -0.183940]), ("token_mask", [0.0, -0.183940])):
        _, out, logps = hand_loss(mode, 1.5)
        out.loss.backward()
        assert torch.allclose(logps.grad, torch.tensor([want]), atol=1e-6), mode
    logps = torch.tensor(OLD, requires_grad=True)
    plain = grpo_loss(
        "bnpo",
        logps,
        None,
        torch.tensor([1.0]),
        torch.tensor(MASK),
        epsilon_low=0.2,
        epsilon_high=0.2,
    )
    plain.loss.backward()
    assert torch.allclose(logps.grad, torch.tensor([[-0.5, -0.5]]))


def random_case(seed: int = 0):
    gen = torch.Generator().manual_seed(seed)
    logps = (-torch.rand(3, 5, generator=gen) * 3).requires_grad_()
    old = logps.detach() + 0.3 * torch.randn(3, 5, generator=gen)  # rho != 1, some clipped
    ref = logps.detach() - 0.2 * torch.rand(3, 5, generator=gen)
    mask = torch.tensor([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1], [1, 0, 0, 0, 0]])
    adv = torch.tensor([1.0, -0.5, 2.0])
    return logps, old, ref, mask, adv


@pytest.mark.parametrize("aggregation", sorted(LOSS_AGGREGATIONS))
def test_no_weights_is_todays_loss_bit_for_bit(aggregation):
    """is_weights=None (HF backend, or stage.importance_sampling_cap null) leaves the loss and
    its gradient exactly as without the argument; all-ones weights too (x * 1.0 is exact)."""
    logps, old, ref, mask, adv = random_case()
    options = dict(
        epsilon_low=0.2, epsilon_high=0.28, ref_logps=ref, beta=0.04, max_completion_length=5,
        num_items_in_batch=int(mask.sum()),
    )  # fmt: skip
    results = []
    for extra in ({}, {"is_weights": None}, {"is_weights": torch.ones(3, 5)}):
        out = grpo_loss(aggregation, logps, old, adv, mask, **options, **extra)
        (grad,) = torch.autograd.grad(out.loss, logps)
        results.append((out.loss.detach(), out.per_token_loss.detach(), grad))
    for loss, per_token, grad in results[1:]:
        assert torch.equal(loss, results[0][0])
        assert torch.equal(per_token, results[0][1])
        assert torch.equal(grad, results[0][2])


def test_masked_positions_and_garbage_do_not_enter_the_weights():
    """A masked token adds log-ratio 0: weight 1 per token, nothing to the sequence sum; NaN
    engine log-probs there stay out."""
    old = torch.tensor([[-1.0, -2.0, 5.0]])
    engine = torch.tensor([[-1.5, -1.0, float("nan")]])
    mask = torch.tensor([[1, 1, 0]])
    token = sampling_importance_weights(old, engine, mask, 10.0, "token_truncate")
    assert torch.allclose(token, torch.tensor([[math.exp(0.5), math.exp(-1.0), 1.0]]))
    seq = sampling_importance_weights(old, engine, mask, 10.0, "sequence_truncate")
    assert seq.shape == (1, 1) and seq.item() == pytest.approx(math.exp(-0.5))


def test_bad_arguments_raise():
    old, mask = torch.zeros(1, 2), torch.ones(1, 2)
    with pytest.raises(ValueError, match="unknown importance sampling mode"):
        sampling_importance_weights(old, old, mask, 2.0, "token_clip")
    with pytest.raises(ValueError, match="cap must be > 0"):
        sampling_importance_weights(old, old, mask, 0.0)
    with pytest.raises(ValueError, match="is_weights must be"):
        grpo_loss(
            "bnpo", old, None, torch.ones(1), mask, epsilon_low=0.2, epsilon_high=0.2,
            is_weights=torch.ones(1, 3),
        )  # fmt: skip


# ---- the module ----------------------------------------------------------------------------
TEXTS = [
    "<think>\na\n</think>\nAnswer: A",
    "Answer: B",
    "<think>\nlonger reasoning here\n</think>\nAnswer: A",
    "x",
    "Answer: B",
    "<think>\nb\n</think>\nAnswer: B",
    "Answer: A",
    "<think>\nc\n</think>",
]


class EngineBackend(ScriptedBackend):
    """Scripted completions, plus the log-prob of each sampled token under a scripted engine
    whose sampling distribution is the trainer's (at the sampling temperature) shifted by a
    known amount: logp_engine = logp_trainer - delta, delta = +0.5 on row 0's first token and
    -0.2 on every other active token. Records every sync and generate with a fingerprint of
    the weights it saw."""

    def __init__(self, tokenizer, texts):
        super().__init__(tokenizer, texts)
        self.events: list[tuple[str, torch.Tensor]] = []

    @staticmethod
    def delta(mask):
        delta = torch.full(mask.shape, -0.2) * mask
        delta[0, 0] = 0.5
        return delta

    def generate(self, model, prompt_ids, prompt_mask, num_generations, sampling, eos, pad, greedy=False):  # fmt: skip
        self.events.append(("generate", fingerprint(model)))
        ids = super().generate(model, prompt_ids, prompt_mask, num_generations, sampling, eos, pad)
        mask, _, _ = completion_mask(ids, eos)
        with torch.no_grad():
            trainer = completion_logps(
                model,
                prompt_ids.repeat_interleave(num_generations, 0),
                prompt_mask.repeat_interleave(num_generations, 0),
                ids,
                mask,
                temperature=sampling.temperature,
            )[0]
        return GenerationOutput(ids, (trainer - self.delta(mask)) * mask)

    def sync_weights(self, model):
        self.events.append(("sync", fingerprint(model)))


def fingerprint(model) -> torch.Tensor:
    return model.get_output_embeddings().weight.detach().clone()


def engine_module(tiny_model, tokenizer, **cfg):
    config = GRPOConfig(
        **{
            "prompts_per_step": 2, "num_generations": 4, "micro_batch_size": 8, "max_steps": 10,
            "max_completion_length": 16, "temperature": 0.7, "lr": 2e-4, "lr_schedule": "cosine",
            **cfg,
        }
    )  # fmt: skip
    backend = EngineBackend(tokenizer, TEXTS)
    return GRPOModule(tiny_model, config, tokenizer, build_rewards(REWARDS_CFG), backend)


def test_module_logs_mismatch_and_ratio_stats_from_the_engine_logps(tiny_model, tokenizer):
    """K active tokens; |delta| = 0.5 once and 0.2 on K - 1: mismatch mean (0.5 + 0.2 (K-1)) / K,
    max 0.5. token_truncate at C = 1.2: weights min(e^0.5, 1.2) = 1.2 once and e^-0.2 =
    0.818731 on K - 1: mean (1.2 + 0.818731 (K-1)) / K, min 0.818731, max 1.2."""
    module = engine_module(
        tiny_model,
        tokenizer,
        importance_sampling_cap=1.2,
        importance_sampling_mode="token_truncate",
    )
    rollout, _ = module.make_rollout(prompts(tokenizer, 2), 4, module.sampling)
    assert rollout.sampled_logps is not None and rollout.sampled_logps.dtype == torch.float32
    k = int(rollout.completion_mask.sum())
    stats = module.policy_update(rollout, torch.Tensor.backward)
    e = math.exp(-0.2)
    want = {
        "rollout/logprob_mismatch_mean": (0.5 + 0.2 * (k - 1)) / k,
        "rollout/logprob_mismatch_max": 0.5,
        "rollout/is_ratio_mean": (1.2 + e * (k - 1)) / k,
        "rollout/is_ratio_min": e,
        "rollout/is_ratio_max": 1.2,
    }
    for key, value in want.items():
        assert stats[key].dim() == 0 and stats[key].item() == pytest.approx(value, abs=1e-5), key


def test_module_sequence_mode_counts_completions_and_cap_null_only_logs(tiny_model, tokenizer):
    """sequence_mask (the default) at C = 3: row 0's log-ratio sum is 0.5 - 0.2 (L0 - 1), every
    other row's -0.2 L_i; all are below log 3, so no row is masked and the ratio stats are over
    the 8 completions. With the cap null the mismatch is still logged, no ratio stats, and the
    gradient is exactly that of a backend with no sampled log-probs."""
    module = engine_module(tiny_model, tokenizer)
    assert module.cfg.importance_sampling_mode == "sequence_mask"
    rollout, _ = module.make_rollout(prompts(tokenizer, 2), 4, module.sampling)
    lengths = rollout.completion_mask.sum(-1).double()
    sums = -0.2 * lengths
    sums[0] = 0.5 - 0.2 * (lengths[0] - 1)
    stats = module.policy_update(rollout, torch.Tensor.backward)
    assert stats["rollout/is_ratio_mean"].item() == pytest.approx(
        sums.exp().mean().item(), abs=1e-5
    )
    assert stats["rollout/is_ratio_max"].item() == pytest.approx(sums.exp().max().item(), abs=1e-5)
    corrected = {n: p.grad.clone() for n, p in tiny_model.named_parameters()}
    tiny_model.zero_grad(set_to_none=True)

    module.cfg.importance_sampling_cap = None
    stats = module.policy_update(rollout, torch.Tensor.backward)
    assert "rollout/logprob_mismatch_max" in stats and "rollout/is_ratio_mean" not in stats
    uncorrected = {n: p.grad.clone() for n, p in tiny_model.named_parameters()}
    tiny_model.zero_grad(set_to_none=True)
    rollout.sampled_logps = None  # what the HF backend gives
    stats = module.policy_update(rollout, torch.Tensor.backward)
    assert not any(key.startswith("rollout/") for key in stats)
    for name, grad in uncorrected.items():
        assert torch.equal(grad, tiny_model.get_parameter(name).grad), name
    assert any(not torch.equal(corrected[n], uncorrected[n]) for n in corrected)


def test_backend_weights_synced_at_start_and_after_every_optimizer_step(tiny_model, tokenizer):
    """2 generation batches x 1 update: sync (start), generate, sync, generate, sync. Each sync
    after a step sees new weights; each generate sees the weights of the sync before it. The
    mismatch metrics reach the logger."""
    module = engine_module(tiny_model, tokenizer, max_steps=2, lr=1e-3, lr_schedule="constant")
    batch = prompts(tokenizer, 2)
    trainer = L.Trainer(
        max_steps=2, accelerator="cpu", devices=1, logger=False, enable_checkpointing=False,
        enable_progress_bar=False, enable_model_summary=False, limit_val_batches=0,
    )  # fmt: skip
    trainer.fit(
        module, train_dataloaders=torch.utils.data.DataLoader([batch, batch], batch_size=None)
    )
    events = module.backend.events
    assert [kind for kind, _ in events] == ["sync", "generate", "sync", "generate", "sync"]
    syncs = [w for kind, w in events if kind == "sync"]
    assert not torch.equal(syncs[0], syncs[1]) and not torch.equal(syncs[1], syncs[2])
    assert torch.equal(events[1][1], syncs[0]) and torch.equal(events[3][1], syncs[1])
    assert torch.equal(syncs[2], fingerprint(tiny_model))
    assert (
        0
        < float(trainer.callback_metrics["rollout/logprob_mismatch_max"])
        == pytest.approx(0.5, abs=1e-5)
    )


def test_two_updates_per_generation_sync_after_each(tiny_model, tokenizer):
    """num_iterations = 2: one generation, two optimizer steps, a sync after each."""
    module = engine_module(tiny_model, tokenizer, max_steps=2, num_iterations=2)
    trainer = L.Trainer(
        max_steps=2, accelerator="cpu", devices=1, logger=False, enable_checkpointing=False,
        enable_progress_bar=False, enable_model_summary=False, limit_val_batches=0,
    )  # fmt: skip
    batch = prompts(tokenizer, 2)
    trainer.fit(module, train_dataloaders=torch.utils.data.DataLoader([batch], batch_size=None))
    assert [kind for kind, _ in module.backend.events] == ["sync", "generate", "sync", "sync"]
