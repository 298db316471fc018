"""Head + log-softmax in chunks (`medlab.losses.chunked`) equals the unchunked computation.

For every stage (SFT cross-entropy, DPO sequence log-probs and loss, GRPO token log-probs,
entropy and loss) the chunked result and its gradients match a one-piece reference within
1e-5 (fp32), with chunk sizes that do and do not divide the number of trained tokens, on tied
and untied heads, and through a LoRA-wrapped model with trainable token rows.
"""

from __future__ import annotations

import copy

import pytest
import torch
import torch.nn.functional as F

from medlab.config import DPOConfig, GRPOConfig, LoRAConfig, SFTConfig, TinyModelConfig
from medlab.data.chat_format import encode_chat
from medlab.data.collate import pad_batch
from medlab.losses.chunked import chunked_token_logps
from medlab.losses.dpo import sigmoid_dpo_loss
from medlab.losses.grpo import grpo_loss
from medlab.losses.sft import chunked_cross_entropy, token_cross_entropy
from medlab.models.build import apply_lora, build_tiny_model
from medlab.models.forward import completion_logps, trained_sequence_logps, trained_token_logits
from medlab.stages.dpo import DPOModule
from medlab.stages.reference import FrozenCopyReference
from medlab.stages.sft import SFTModule

TOL = 1e-5


def tiny(tokenizer, tie: bool) -> torch.nn.Module:
    cfg = TinyModelConfig(
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=1,
        intermediate_size=64,
        tie_word_embeddings=tie,
    )
    return build_tiny_model(cfg, tokenizer).train()


def grads(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    out = {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}
    model.zero_grad(set_to_none=True)
    return out


def assert_same_grads(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> None:
    assert a.keys() == b.keys() and a
    for name in a:
        assert torch.allclose(a[name], b[name], atol=TOL, rtol=TOL), name


def chunk_sizes(count: int) -> list[int]:
    """A size that does not divide `count`, one that does (and splits), one above `count`."""
    divisor = next(d for d in range(2, count) if count % d == 0)
    sizes = [7 if count % 7 else 11, count // divisor, count + 5]
    assert count % sizes[0] and count % sizes[1] == 0 and sizes[1] < count
    return sizes


# ---- the pure function ---------------------------------------------------------------------
@pytest.mark.parametrize("chunk", [1, 3, 10, 25, 40])
def test_chunked_logps_entropy_argmax_and_grads_equal_one_piece(chunk):
    """K = 25 positions, V = 50: log p, entropy, argmax hits and d/d(hidden, W) all match."""
    torch.manual_seed(0)
    head = torch.nn.Linear(16, 50, bias=False)
    hidden = torch.randn(25, 16, requires_grad=True)
    targets = torch.randint(0, 50, (25,))
    upstream = torch.randn(25)  # a non-uniform gradient on every token

    log_probs = F.log_softmax(head(hidden).float(), -1)
    want = log_probs.gather(-1, targets[:, None])[:, 0]
    want_entropy = -(log_probs.exp() * log_probs).sum(-1)
    (want * upstream).sum().backward()
    want_grads = (hidden.grad.clone(), head.weight.grad.clone())
    hidden.grad, head.weight.grad = None, None

    out = chunked_token_logps(head, hidden, targets, chunk, with_entropy=True, with_correct=True)
    (out.logps * upstream).sum().backward()
    assert torch.allclose(out.logps, want, atol=TOL)
    assert torch.allclose(out.entropy, want_entropy.detach(), atol=TOL)
    assert torch.equal(out.correct, log_probs.argmax(-1) == targets)
    assert not out.entropy.requires_grad
    assert torch.allclose(hidden.grad, want_grads[0], atol=TOL)
    assert torch.allclose(head.weight.grad, want_grads[1], atol=TOL)


def test_chunked_cross_entropy_keeps_the_hand_worked_values():
    """The hand-worked case of test_sft_loss, through an identity head: sum = ln 6, 2 tokens,
    1 correct, whatever the chunk size (1 splits the two trained tokens)."""
    import math

    head = torch.nn.Linear(3, 3, bias=False)
    with torch.no_grad():
        head.weight.copy_(torch.eye(3))
    hidden = torch.tensor([[[0.0, 0.0, 0.0], [100.0, -100.0, 0.0], [math.log(2), 0.0, 0.0]]])
    targets = torch.tensor([[1, -100, 0]])
    for chunk in (1, 2, 1024):
        stats = chunked_cross_entropy(head, hidden, targets, chunk)
        assert stats.loss_sum.item() == pytest.approx(math.log(6), abs=1e-6)
        assert int(stats.num_tokens) == 2 and int(stats.num_correct) == 1


def test_bf16_autocast_chunks_accumulate_in_fp32():
    """Under bf16 autocast the logits are bf16 and upcast per chunk: fp32 results equal to the
    unchunked bf16-logits computation."""
    torch.manual_seed(0)
    head = torch.nn.Linear(16, 50, bias=False)
    hidden = torch.randn(25, 16)
    targets = torch.randint(0, 50, (25,))
    with torch.autocast("cpu", dtype=torch.bfloat16):
        want = F.log_softmax(head(hidden).float(), -1).gather(-1, targets[:, None])[:, 0]
        out = chunked_token_logps(head, hidden.requires_grad_(), targets, 7)
    assert out.logps.dtype == torch.float32
    assert torch.allclose(out.logps, want, atol=TOL)
    out.logps.sum().backward()
    assert head.weight.grad is not None and torch.isfinite(head.weight.grad).all()


# ---- SFT -----------------------------------------------------------------------------------
@pytest.mark.parametrize("tie", [True, False], ids=["tied", "untied"])
def test_sft_chunked_loss_and_grads_equal_unchunked(tokenizer, chat_rows, tie):
    model = tiny(tokenizer, tie)
    encoded = [encode_chat(tokenizer, r["messages"], r.get("tools")) for r in chat_rows]
    batch = pad_batch(encoded, tokenizer.pad_token_id)
    logits, targets = trained_token_logits(model, batch)
    want = token_cross_entropy(logits, targets)
    want.loss_sum.backward()
    want_grads = grads(model)
    for chunk in chunk_sizes(int(want.num_tokens)):
        stats = SFTModule(model, SFTConfig(logps_chunk_size=chunk)).micro_batch_stats(batch)
        stats.loss_sum.backward()
        assert stats.loss_sum.item() == pytest.approx(want.loss_sum.item(), rel=TOL)
        assert int(stats.num_tokens) == int(want.num_tokens)
        assert int(stats.num_correct) == int(want.num_correct)
        assert_same_grads(grads(model), want_grads)


# ---- DPO -----------------------------------------------------------------------------------
def pair_batch(tokenizer, chat_rows):
    """2 'pairs' = 4 rows: the conversations as chosen, the same reversed as rejected."""
    encoded = [encode_chat(tokenizer, r["messages"], r.get("tools")) for r in chat_rows[:2]]
    return pad_batch(encoded + encoded[::-1], tokenizer.pad_token_id)


@pytest.mark.parametrize("tie", [True, False], ids=["tied", "untied"])
def test_dpo_chunked_logps_loss_and_grads_equal_unchunked(tokenizer, chat_rows, tie):
    model = tiny(tokenizer, tie)
    reference = copy.deepcopy(model).eval().requires_grad_(False)
    with torch.no_grad():  # move the policy away from the reference
        for p in model.parameters():
            p.add_(0.01 * torch.randn_like(p))
    batch = pair_batch(tokenizer, chat_rows)
    keep = batch["targets"] != -100

    def unchunked(m):
        logits, targets = trained_token_logits(m, batch)
        token = -F.cross_entropy(logits.float(), targets, reduction="none")
        return torch.zeros(keep.shape).masked_scatter(keep, token).sum(-1)

    with torch.no_grad():
        ref = unchunked(reference)
    want_logps = unchunked(model)
    want = sigmoid_dpo_loss(want_logps[:2], want_logps[2:], ref[:2], ref[2:], beta=0.1)
    want.loss.backward()
    want_grads = grads(model)
    for chunk in chunk_sizes(int(keep.sum())):
        cfg = DPOConfig(beta=0.1, logps_chunk_size=chunk)
        module = DPOModule(model, cfg, FrozenCopyReference(reference, chunk))
        logps, _ = trained_sequence_logps(model, batch, chunk)
        assert torch.allclose(logps, want_logps, atol=TOL, rtol=TOL)
        out, stats = module.pair_outputs(batch)
        out.loss.backward()
        assert out.loss.item() == pytest.approx(want.loss.item(), abs=TOL)
        assert torch.allclose(stats["margins"], want.margins, atol=TOL)
        assert_same_grads(grads(model), want_grads)


# ---- GRPO ----------------------------------------------------------------------------------
def rollout_tensors(tokenizer):
    torch.manual_seed(1)
    prompt_ids = torch.randint(5, 4000, (4, 6))
    prompt_mask = torch.ones_like(prompt_ids)
    prompt_mask[1, :2] = 0  # left padding
    completion_ids = torch.randint(5, 4000, (4, 9))
    mask = torch.ones_like(completion_ids)
    mask[0, 5:] = 0
    mask[2, 7:] = 0  # 4 x 9 - 4 - 2 = 30 active tokens
    return prompt_ids, prompt_mask, completion_ids, mask


@pytest.mark.parametrize("tie", [True, False], ids=["tied", "untied"])
def test_grpo_chunked_logps_entropy_loss_and_grads_equal_unchunked(tokenizer, tie):
    model = tiny(tokenizer, tie)
    prompt_ids, prompt_mask, completion_ids, mask = rollout_tensors(tokenizer)
    advantages = torch.tensor([1.0, -0.5, 0.25, -0.75])
    with torch.no_grad():
        old = completion_logps(model, prompt_ids, prompt_mask, completion_ids, mask)[0]
        old = old + 0.05 * torch.randn_like(old)  # ratios != 1, some clipped
        ref = old - 0.1

    def update(chunk: int):
        logps, entropy = completion_logps(
            model, prompt_ids, prompt_mask, completion_ids, mask, True, chunk
        )
        out = grpo_loss(
            "dapo", logps, old, advantages, mask, epsilon_low=0.02, epsilon_high=0.02,
            ref_logps=ref, beta=0.04, num_items_in_batch=int(mask.sum()),
        )  # fmt: skip
        out.loss.backward()
        return logps.detach(), entropy, out.loss.detach(), grads(model)

    count = int(mask.sum())
    want = update(count)  # one chunk: no checkpoint, the unchunked computation
    for chunk in chunk_sizes(count):
        logps, entropy, loss, got_grads = update(chunk)
        assert torch.allclose(logps, want[0], atol=TOL)
        assert torch.allclose(entropy, want[1], atol=TOL)
        assert loss.item() == pytest.approx(want[2].item(), abs=TOL)
        assert_same_grads(got_grads, want[3])


def test_grpo_policy_update_stats_are_tensors_equal_across_chunk_sizes(tiny_model, tokenizer):
    """policy_update returns device tensors (no host sync per micro-batch) and the same stats
    and gradients whether the head runs in chunks of 5 or in one piece."""
    from medlab.rollout.types import Rollout
    from medlab.stages.grpo import GRPOModule

    prompt_ids, prompt_mask, completion_ids, mask = rollout_tensors(tokenizer)
    rollout = Rollout(
        prompt_ids=prompt_ids,
        prompt_mask=prompt_mask,
        completion_ids=completion_ids,
        completion_mask=mask,
        is_truncated=torch.zeros(4, dtype=torch.bool),
        completion_lengths=mask.sum(-1),
        rewards=torch.zeros(4, 1),
        reward_total=torch.zeros(4),
        advantages=torch.tensor([1.0, -0.5, 0.25, -0.75]),
        group_size=2,
        texts=[""] * 4,
    )
    results = []
    for chunk in (5, 1024):
        cfg = GRPOConfig(
            prompts_per_step=2, num_generations=2, micro_batch_size=2, logps_chunk_size=chunk
        )
        module = GRPOModule(tiny_model, cfg, tokenizer, [], backend=None)
        stats = module.policy_update(rollout, torch.Tensor.backward)
        assert all(isinstance(v, torch.Tensor) and v.dim() == 0 for v in stats.values())
        results.append((stats, grads(tiny_model)))
    for key in results[0][0]:
        assert results[0][0][key].item() == pytest.approx(results[1][0][key].item(), abs=TOL)
    assert_same_grads(results[0][1], results[1][1])


# ---- LoRA ----------------------------------------------------------------------------------
@pytest.mark.parametrize("tie", [True, False], ids=["tied", "untied"])
def test_lora_with_trainable_token_rows_chunked_equals_unchunked(tokenizer, chat_rows, tie):
    """A peft-wrapped model (adapters + trainable rows of two token ids in the embedding and,
    untied, the lm_head): the same loss and adapter / row gradients in chunks."""
    lora = LoRAConfig(enabled=True, r=4, alpha=8, target_modules=["q_proj", "v_proj"])
    model = apply_lora(tiny(tokenizer, tie), lora, trainable_token_ids=[5, 6])
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "lora_B" in name or "trainable_tokens" in name:
                p.normal_(0, 0.05)
    encoded = [encode_chat(tokenizer, r["messages"], r.get("tools")) for r in chat_rows]
    batch = pad_batch(encoded, tokenizer.pad_token_id)
    logits, targets = trained_token_logits(model, batch)
    want = token_cross_entropy(logits, targets)
    want.loss_sum.backward()
    want_grads = grads(model)
    assert any("trainable_tokens" in n for n in want_grads)
    for chunk in chunk_sizes(int(want.num_tokens))[:2]:
        stats = SFTModule(model, SFTConfig(logps_chunk_size=chunk)).micro_batch_stats(batch)
        stats.loss_sum.backward()
        assert stats.loss_sum.item() == pytest.approx(want.loss_sum.item(), rel=TOL)
        assert_same_grads(grads(model), want_grads)


def test_chunk_size_is_a_validated_stage_key():
    from medlab.errors import ConfigError

    assert SFTConfig().logps_chunk_size == 1024
    with pytest.raises((ConfigError, ValueError, SystemExit), match="logps_chunk_size"):
        SFTConfig(logps_chunk_size=0)
