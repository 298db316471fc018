"""Token cross-entropy and the SFT module's loss against values worked out by hand."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from medlab.config import SFTConfig
from medlab.data.chat_format import encode_chat
from medlab.data.collate import StepCollator, pad_batch
from medlab.losses.sft import token_cross_entropy
from medlab.stages.optim import lr_lambda
from medlab.stages.sft import SFTModule


def test_token_cross_entropy_hand_computed():
    """Three positions, V = 3; the middle one is ignored.

    pos 0: logits [0, 0, 0], target 1 -> CE = -log(1/3) = ln 3; argmax 0 != 1 (wrong)
    pos 1: ignored (-100): contributes nothing even with extreme logits
    pos 2: logits [ln 2, 0, 0], target 0 -> p0 = 2 / (2 + 1 + 1) = 1/2 -> CE = ln 2; argmax 0 (right)
    sum = ln 3 + ln 2 = ln 6, tokens = 2, correct = 1
    """
    logits = torch.tensor([[[0.0, 0.0, 0.0], [100.0, -100.0, 0.0], [math.log(2), 0.0, 0.0]]])
    targets = torch.tensor([[1, -100, 0]])
    stats = token_cross_entropy(logits, targets)
    assert stats.loss_sum.item() == pytest.approx(math.log(6), abs=1e-6)
    assert int(stats.num_tokens) == 2
    assert int(stats.num_correct) == 1


def test_token_cross_entropy_gradient_is_softmax_minus_onehot():
    """d CE / d logits = softmax - onehot at trained positions, 0 at ignored ones."""
    logits = torch.tensor([[0.0, 0.0, 0.0], [1.0, 2.0, 3.0]], requires_grad=True)
    token_cross_entropy(logits, torch.tensor([2, -100])).loss_sum.backward()
    assert torch.allclose(logits.grad[0], torch.tensor([1 / 3, 1 / 3, 1 / 3 - 1]))
    assert torch.all(logits.grad[1] == 0)


def reference_loss(model, tokenizer, rows):
    """Independent reference: full forward per conversation, HF-style shift, assistant mask
    straight from the chat template. Returns (sum of token NLL, number of trained tokens)."""
    total, count = 0.0, 0
    for row in rows:
        out = tokenizer.apply_chat_template(
            row["messages"],
            tools=row.get("tools"),
            tokenize=True,
            return_dict=True,
            return_assistant_tokens_mask=True,
        )
        ids = torch.tensor([out["input_ids"]])
        labels = torch.tensor(
            [
                [
                    i if m else -100
                    for i, m in zip(out["input_ids"], out["assistant_masks"], strict=True)
                ]
            ]
        )
        logits = model(input_ids=ids).logits
        total += F.cross_entropy(
            logits[0, :-1], labels[0, 1:], ignore_index=-100, reduction="sum"
        ).item()
        count += int((labels[0, 1:] != -100).sum())
    return total, count


def test_module_loss_matches_independent_reference(tiny_model, tokenizer, chat_rows):
    """The module's gathered-logits loss == a plain per-example HF forward (assistant tokens)."""
    module = SFTModule(tiny_model, SFTConfig(micro_batch_size=4))
    encoded = [encode_chat(tokenizer, r["messages"], r.get("tools")) for r in chat_rows]
    stats = module.micro_batch_stats(pad_batch(encoded, tokenizer.pad_token_id))
    ref_sum, ref_count = reference_loss(tiny_model, tokenizer, chat_rows)
    assert int(stats.num_tokens) == ref_count
    assert stats.loss_sum.item() == pytest.approx(ref_sum, rel=1e-5)


def _grads(model):
    return {n: p.grad.detach().clone() for n, p in model.named_parameters() if p.grad is not None}


def test_accumulation_4x2_equals_one_batch_of_8(tiny_model, tokenizer, chat_rows):
    """Gradient of 4 accumulated micro-batches of 2 == gradient of one batch of 8.

    The 8 conversations have very different numbers of trained tokens, so normalising each
    micro-batch by its own token count (the classic bug) gives a different gradient; the test
    checks that it does, so it can tell the two apart.
    """
    rows = chat_rows + [
        {"messages": r["messages"][:2] + [{"role": "assistant", "content": "Yes." * (i + 1)}]}
        for i, r in enumerate(chat_rows[:1] * 4)
    ]
    encoded = [encode_chat(tokenizer, r["messages"], r.get("tools")) for r in rows]
    assert len(encoded) == 8
    module = SFTModule(tiny_model, SFTConfig(micro_batch_size=2, grad_accum_steps=4))
    pad = tokenizer.pad_token_id

    stats_accum = module.accumulate_gradients(
        StepCollator(pad, 2, packed=False)(encoded), torch.Tensor.backward
    )
    grads_accum = _grads(tiny_model)
    tiny_model.zero_grad(set_to_none=True)
    stats_big = module.accumulate_gradients(
        StepCollator(pad, 8, packed=False)(encoded), torch.Tensor.backward
    )
    grads_big = _grads(tiny_model)

    assert stats_accum["loss"].item() == pytest.approx(stats_big["loss"].item(), rel=1e-5)
    for name in grads_big:
        assert torch.allclose(grads_accum[name], grads_big[name], rtol=1e-4, atol=1e-7), name

    # The naive per-micro-batch mean / 4 differs measurably.
    tiny_model.zero_grad(set_to_none=True)
    for mb in StepCollator(pad, 2, packed=False)(encoded):
        s = module.micro_batch_stats(mb)
        (s.loss_sum / s.num_tokens / 4).backward()
    naive = _grads(tiny_model)
    diff = max((naive[n] - grads_big[n]).abs().max().item() for n in grads_big)
    scale = max(grads_big[n].abs().max().item() for n in grads_big)
    assert diff > 1e-3 * scale


def test_packed_loss_equals_unpacked(tiny_model, tokenizer, chat_rows):
    """Packing 4 conversations into one row gives the same summed loss and token count as a
    padded batch: attention does not cross examples (position_ids restart at 0). With
    continuous position_ids (no example boundaries) the loss differs, so the check is live."""
    module = SFTModule(tiny_model, SFTConfig())
    encoded = [encode_chat(tokenizer, r["messages"], r.get("tools")) for r in chat_rows]
    unpacked = module.micro_batch_stats(pad_batch(encoded, tokenizer.pad_token_id))
    (packed_mb,) = StepCollator(tokenizer.pad_token_id, 1, packed=True)([encoded])
    assert packed_mb["input_ids"].shape[0] == 1
    packed = module.micro_batch_stats(packed_mb)
    assert int(packed.num_tokens) == int(unpacked.num_tokens)
    assert packed.loss_sum.item() == pytest.approx(unpacked.loss_sum.item(), rel=1e-5)

    # A random tiny model barely uses context, so compare error sizes rather than a fixed rel.
    leaky = dict(packed_mb, position_ids=torch.arange(packed_mb["input_ids"].shape[1])[None])
    packed_err = abs(packed.loss_sum.item() - unpacked.loss_sum.item())
    leaky_err = abs(module.micro_batch_stats(leaky).loss_sum.item() - unpacked.loss_sum.item())
    assert leaky_err > 20 * max(packed_err, 1e-3)


def test_lr_schedule_warmup_then_cosine_to_floor():
    f = lr_lambda("cosine", warmup_steps=4, max_steps=14, floor=0.1)
    assert [round(f(s), 4) for s in range(4)] == [0.2, 0.4, 0.6, 0.8]
    assert f(4) == pytest.approx(1.0)
    assert f(9) == pytest.approx(0.1 + 0.9 * 0.5)  # halfway: cos(pi/2) = 0
    assert f(14) == pytest.approx(0.1)
    assert lr_lambda("linear", 0, 10)(5) == pytest.approx(1 - 0.9 * 0.5)
    assert lr_lambda("constant", 2, 10)(7) == 1.0
