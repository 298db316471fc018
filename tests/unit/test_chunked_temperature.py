"""Log-probs and entropy at the sampling temperature (issue 13, part 2).

GRPO scores completions under the distribution they were sampled from: softmax(logits / T)
(TRL divides the logits by the temperature before the log-softmax, for the policy, old and
reference log-probs and the entropy). At T = 1 nothing changes, bit for bit: SFT and DPO
never pass a temperature.
"""

from __future__ import annotations

import copy

import pytest
import torch
import torch.nn.functional as F

from medlab.config import LoRAConfig
from medlab.losses.chunked import chunked_token_logps
from medlab.models.build import apply_lora
from medlab.models.forward import completion_logps
from medlab.rollout.types import Rollout
from medlab.stages.reference import DisabledAdapterReference, FrozenCopyReference

T = 0.7


def head_and_hidden(seed: int = 0):
    """A tiny head over V = 50 and K = 25 hidden states (|logp| < 6, so fp32 rounding of
    the per-chunk matmul stays below 1e-6; T = 0.7 moves logp by up to 0.57)."""
    torch.manual_seed(seed)
    head = torch.nn.Linear(16, 50, bias=False)
    hidden = torch.randn(25, 16)
    targets = torch.randint(0, 50, (25,))
    return head, hidden, targets


@pytest.mark.parametrize("chunk", [1, 7, 25, 1024])
def test_logps_and_entropy_at_temperature_equal_log_softmax_of_scaled_logits(chunk):
    head, hidden, targets = head_and_hidden()
    with torch.no_grad():
        log_probs = F.log_softmax(head(hidden).float() / T, dim=-1)  # by hand: logits / T
    want = log_probs.gather(-1, targets[:, None])[:, 0]
    want_entropy = -(log_probs.exp() * log_probs).sum(-1)
    out = chunked_token_logps(
        head, hidden.requires_grad_(), targets, chunk, with_entropy=True, temperature=T
    )
    assert torch.allclose(out.logps, want, atol=1e-6, rtol=0)
    assert torch.allclose(out.entropy, want_entropy, atol=1e-6, rtol=0)
    # ... and T really changes them (the latent bug: logp at T = 1 while sampling at 0.7)
    plain = chunked_token_logps(head, hidden, targets, chunk, with_entropy=True)
    assert (plain.logps - out.logps).abs().max() > 0.1
    assert (plain.entropy - out.entropy).abs().max() > 0.1


def test_temperature_gradient_is_that_of_the_scaled_log_softmax():
    """d/dW of sum logp at T through two chunks (one checkpointed) = the one-piece gradient."""
    head, hidden, targets = head_and_hidden()
    (F.log_softmax(head(hidden) / T, -1).gather(-1, targets[:, None]).sum()).backward()
    want = head.weight.grad.clone()
    head.weight.grad = None
    chunked_token_logps(head, hidden, targets, 13, temperature=T).logps.sum().backward()
    assert torch.allclose(head.weight.grad, want, atol=1e-5)


@pytest.mark.parametrize("chunk", [1, 7, 1024])
def test_temperature_one_is_bit_identical_to_the_plain_log_softmax(chunk):
    """T = 1.0 (the default, and what SFT / DPO use) takes no division at all: the values are
    exactly those of log_softmax(logits) per chunk, as before temperature existed."""
    head, hidden, targets = head_and_hidden()
    with torch.no_grad():
        parts = []
        for start in range(0, 25, chunk):  # the pre-temperature computation, chunk by chunk
            log_probs = F.log_softmax(head(hidden[start : start + chunk]).float(), dim=-1)
            parts.append(log_probs.gather(-1, targets[start : start + chunk, None])[:, 0])
        want = torch.cat(parts)
        out = chunked_token_logps(head, hidden, targets, chunk, temperature=1.0)
        default = chunked_token_logps(head, hidden, targets, chunk)
    assert torch.equal(out.logps, want)
    assert torch.equal(default.logps, want)


def test_bad_temperature_raises():
    head, hidden, targets = head_and_hidden()
    with pytest.raises(ValueError, match="temperature must be > 0"):
        chunked_token_logps(head, hidden, targets, temperature=0.0)


def grpo_rows(tokenizer):
    torch.manual_seed(3)
    prompt_ids = torch.randint(5, 4000, (3, 5))
    prompt_mask = torch.ones_like(prompt_ids)
    prompt_mask[2, :2] = 0  # left padding
    completion_ids = torch.randint(5, 4000, (3, 6))
    mask = torch.ones_like(completion_ids)
    mask[1, 4:] = 0
    return prompt_ids, prompt_mask, completion_ids, mask


def test_completion_logps_at_temperature_match_a_plain_forward(tiny_model, tokenizer):
    """The GRPO policy log-probs at T: the model's own logits, / T, log-softmax (1e-4: the full
    forward attends over the unpadded prompt, a different kernel path)."""
    prompt_ids, prompt_mask, completion_ids, mask = grpo_rows(tokenizer)
    with torch.no_grad():
        logps, entropy = completion_logps(
            tiny_model, prompt_ids, prompt_mask, completion_ids, mask, True, 4, T
        )
        for row in range(3):
            prompt = prompt_ids[row][prompt_mask[row].bool()]
            full = torch.cat([prompt, completion_ids[row]])[None]
            log_probs = F.log_softmax(tiny_model(input_ids=full).logits[0].float() / T, -1)
            for t in range(6):
                at = log_probs[len(prompt) - 1 + t]
                if mask[row, t]:
                    assert logps[row, t].item() == pytest.approx(
                        at[completion_ids[row, t]].item(), abs=1e-4
                    )
                    ent = -(at.exp() * at).sum().item()
                    assert entropy[row, t].item() == pytest.approx(ent, abs=1e-4)
                else:
                    assert logps[row, t].item() == 0.0


def test_frozen_reference_scores_at_the_stage_temperature(tiny_model, tokenizer):
    """The reference log-probs (beta > 0) use the same T as the policy's, so k3 compares two
    distributions at the sampling temperature; the LoRA policy with its adapters disabled gives
    the same numbers as the frozen copy."""
    prompt_ids, prompt_mask, completion_ids, mask = grpo_rows(tokenizer)
    rows = Rollout(
        prompt_ids=prompt_ids,
        prompt_mask=prompt_mask,
        completion_ids=completion_ids,
        completion_mask=mask,
        is_truncated=torch.zeros(3, dtype=torch.bool),
        completion_lengths=mask.sum(-1),
        rewards=torch.zeros(3, 1),
        reward_total=torch.zeros(3),
        advantages=torch.zeros(3),
        group_size=3,
    )
    with torch.no_grad():
        ref = FrozenCopyReference(copy.deepcopy(tiny_model), 1024, T).completion_logps(rows)
        want = completion_logps(
            tiny_model, prompt_ids, prompt_mask, completion_ids, mask, temperature=T
        )[0]
        at_one = completion_logps(tiny_model, prompt_ids, prompt_mask, completion_ids, mask)[0]
    assert torch.equal(ref, want)
    assert not torch.allclose(ref, at_one, atol=1e-3)

    lora = LoRAConfig(
        enabled=True,
        r=4,
        alpha=8,
        target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "up_proj", "down_proj"],
    )
    policy = apply_lora(copy.deepcopy(tiny_model), lora)
    with torch.no_grad():  # pretend training moved the adapters
        for name, p in policy.named_parameters():
            if "lora_B" in name:
                p.normal_(0, 0.05)
    policy.train()
    disabled = DisabledAdapterReference(policy, 1024, T).completion_logps(rows)
    assert policy.training  # the policy's mode is restored after the reference pass
    assert torch.allclose(disabled, want, atol=1e-5)
