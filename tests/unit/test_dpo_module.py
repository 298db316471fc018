"""DPO module pieces: concatenated forward, reference modes, cache keys, accumulation."""

from __future__ import annotations

import copy
import math

import pytest
import torch
import torch.nn.functional as F

from medlab.config import DPOConfig, LoRAConfig
from medlab.data.preference import PreferencePair, encode_completion
from medlab.losses.dpo import split_pairs
from medlab.models.build import apply_lora
from medlab.models.forward import trained_sequence_logps
from medlab.stages.dpo import DPOModule
from medlab.stages.dpo_setup import compute_reference_logps
from medlab.stages.preference_datamodule import EncodedPair, PairCollator
from medlab.stages.reference import (
    DisabledAdapterReference,
    FrozenCopyReference,
    PrecomputedReference,
)
from medlab.stages.reference_cache import (
    cache_key,
    checkpoint_identity,
    load_cached,
    save_cached,
    tokenizer_identity,
)

SYSTEM = {"role": "system", "content": "You teach medicine."}


def make_pairs(n: int) -> list[PreferencePair]:
    pairs = []
    for i in range(n):
        prompt = [SYSTEM] if i % 2 else []
        prompt = prompt + [
            {"role": "user", "content": f"How much ibuprofen should I take, case {i}?"}
        ]
        pairs.append(
            PreferencePair(
                prompt,
                [
                    {
                        "role": "assistant",
                        "content": "Ask your pharmacist; doses depend on you." + " Really." * i,
                    }
                ],
                [{"role": "assistant", "content": f"Take {200 * (i + 1)} mg every 4 hours."}],
            )
        )
    return pairs


def encode(pairs, tokenizer) -> list[EncodedPair]:
    return [
        EncodedPair(
            i,
            encode_completion(tokenizer, p.prompt, p.chosen, None, 512),
            encode_completion(tokenizer, p.prompt, p.rejected, None, 512),
        )
        for i, p in enumerate(pairs)
    ]


def test_completion_mask_covers_only_the_final_assistant_message(tokenizer):
    pair = make_pairs(2)[1]
    enc = encode_completion(tokenizer, pair.prompt, pair.chosen, None, 512)
    trained = [enc.input_ids[t + 1] for t, tgt in enumerate(enc.targets) if tgt != -100]
    assert tokenizer.decode(trained) == pair.chosen[0]["content"] + "<|im_end|>"


def test_sequence_logps_matches_a_plain_forward(tiny_model, tokenizer):
    """Sum of log p(completion token | prefix), computed independently per row."""
    items = encode(make_pairs(3), tokenizer)
    batch = PairCollator(tokenizer.pad_token_id, 3, None)(items)[0]
    sums, counts = trained_sequence_logps(tiny_model, batch)
    for row, enc in enumerate([p.chosen for p in items] + [p.rejected for p in items]):
        ids = torch.tensor([enc.input_ids])
        logprobs = F.log_softmax(tiny_model(input_ids=ids).logits[0].float(), -1)
        expected = sum(logprobs[t, tgt].item() for t, tgt in enumerate(enc.targets) if tgt != -100)
        assert sums[row].item() == pytest.approx(expected, rel=1e-4)
        assert int(counts[row]) == sum(t != -100 for t in enc.targets)


def test_concatenated_forward_equals_separate_forwards(tiny_model, tokenizer):
    items = encode(make_pairs(4), tokenizer)
    joint = PairCollator(tokenizer.pad_token_id, 4, None)(items)[0]
    joint_logps, _ = trained_sequence_logps(tiny_model, joint)
    from medlab.data.collate import pad_batch

    chosen = trained_sequence_logps(
        tiny_model, pad_batch([p.chosen for p in items], tokenizer.pad_token_id)
    )[0]
    rejected = trained_sequence_logps(
        tiny_model, pad_batch([p.rejected for p in items], tokenizer.pad_token_id)
    )[0]
    assert torch.allclose(joint_logps, torch.cat([chosen, rejected]), atol=1e-4)


def test_three_reference_modes_agree(tiny_model, tokenizer, tmp_path):
    """Frozen copy of the start, the LoRA policy with adapters disabled, and the on-disk cache
    give the same reference log-probs; all differ from the (trained) policy's own."""
    items = encode(make_pairs(4), tokenizer)
    start = copy.deepcopy(tiny_model)
    targets = ["q_proj", "k_proj", "v_proj", "o_proj", "up_proj", "down_proj"]
    policy = apply_lora(tiny_model, LoRAConfig(enabled=True, r=4, alpha=8, target_modules=targets))
    with torch.no_grad():  # pretend training moved the adapters
        for name, p in policy.named_parameters():
            if "lora_B" in name:
                p.normal_(0, 0.05)
    batch = PairCollator(tokenizer.pad_token_id, 4, None)(items)[0]

    frozen = split_pairs(FrozenCopyReference(copy.deepcopy(start)).sequence_logps(batch))
    disabled = split_pairs(DisabledAdapterReference(policy).sequence_logps(batch))
    chosen, rejected = compute_reference_logps(start, [[batch]])
    save_cached(tmp_path, "k" * 64, chosen, rejected)
    cache = load_cached(tmp_path, "k" * 64, expected=4)
    cached_batch = PairCollator(tokenizer.pad_token_id, 4, cache)(items)[0]
    precomputed = split_pairs(PrecomputedReference().sequence_logps(cached_batch))

    for a, b in [(frozen, disabled), (frozen, precomputed)]:
        assert torch.allclose(a[0], b[0], atol=1e-4) and torch.allclose(a[1], b[1], atol=1e-4)
    with torch.no_grad():
        policy_logps = trained_sequence_logps(policy, batch)[0]
    assert not torch.allclose(policy_logps[:4], frozen[0], atol=1e-2)


def test_cache_key_changes_with_every_input(tmp_path, tokenizer):
    data = tmp_path / "pairs.jsonl"
    data.write_text('{"a": 1}\n')
    ckpt = tmp_path / "ckpt"
    ckpt.mkdir()
    (ckpt / "model.safetensors").write_bytes(b"weights-v1")
    (ckpt / "config.json").write_text("{}")

    def key(**changes):
        args = dict(
            reference=checkpoint_identity(str(ckpt), None, None),
            tokenizer=tokenizer_identity(tokenizer),
            data_files=[str(data)],
            data_settings={"format": "preference"},
            max_length=512,
            split="train",
        )
        args.update(changes)
        return cache_key(**args)

    base = key()
    assert key() == base, "same inputs -> same key (a sweep reuses the cache)"
    assert key(max_length=256) != base
    assert key(split="val") != base
    assert key(data_settings={"format": "medmcqa"}) != base
    other_tok = copy.deepcopy(tokenizer)
    other_tok.chat_template = tokenizer.chat_template + " "
    assert key(tokenizer=tokenizer_identity(other_tok)) != base
    data.write_text('{"a": 2}\n')
    assert key() != base, "edited data file -> new key"
    data.write_text('{"a": 1}\n')
    assert key() == base
    (ckpt / "model.safetensors").write_bytes(b"weights-v2")
    assert key(reference=checkpoint_identity(str(ckpt), None, None)) != base, (
        "new weights -> new key"
    )
    assert checkpoint_identity(None, None, {"init_seed": 0}) != checkpoint_identity(
        None, None, {"init_seed": 1}
    )


def test_cache_with_wrong_row_count_is_not_used(tmp_path):
    save_cached(tmp_path, "a" * 64, torch.zeros(3), torch.zeros(3))
    assert load_cached(tmp_path, "a" * 64, expected=3) is not None
    assert load_cached(tmp_path, "a" * 64, expected=4) is None
    assert load_cached(tmp_path, "b" * 64, expected=3) is None


def _grads(model):
    return {n: p.grad.detach().clone() for n, p in model.named_parameters() if p.grad is not None}


def test_dpo_accumulation_4x2_equals_one_batch_of_8(tiny_model, tokenizer):
    items = encode(make_pairs(8), tokenizer)
    reference = FrozenCopyReference(copy.deepcopy(tiny_model))
    with torch.no_grad():  # make the policy differ from the reference so the loss is non-trivial
        for p in tiny_model.parameters():
            p.add_(0.01 * torch.randn_like(p))
    module = DPOModule(
        tiny_model, DPOConfig(micro_batch_size=2, grad_accum_steps=4, beta=0.5), reference
    )
    small = module.accumulate_gradients(
        PairCollator(tokenizer.pad_token_id, 2, None)(items), torch.Tensor.backward
    )
    g_small = _grads(tiny_model)
    tiny_model.zero_grad(set_to_none=True)
    big = module.accumulate_gradients(
        PairCollator(tokenizer.pad_token_id, 8, None)(items), torch.Tensor.backward
    )
    g_big = _grads(tiny_model)
    assert small["loss"].item() == pytest.approx(big["loss"].item(), rel=1e-5)
    assert small["accuracies"].item() == pytest.approx(big["accuracies"].item())
    for name in g_big:
        assert torch.allclose(g_small[name], g_big[name], rtol=1e-4, atol=1e-7), name


def test_module_loss_is_sigmoid_dpo_of_the_log_ratios(tiny_model, tokenizer):
    """loss = mean(-log sigma(beta * ((pc - rc) - (pr - rr)))) with the module's own logps."""
    items = encode(make_pairs(3), tokenizer)
    reference = FrozenCopyReference(copy.deepcopy(tiny_model))
    with torch.no_grad():
        for p in tiny_model.parameters():
            p.add_(0.02 * torch.randn_like(p))
    batch = PairCollator(tokenizer.pad_token_id, 3, None)(items)[0]
    module = DPOModule(tiny_model, DPOConfig(beta=0.3), reference)
    out, extra = module.pair_outputs(batch)
    with torch.no_grad():
        pol = trained_sequence_logps(tiny_model, batch)[0]
        ref = trained_sequence_logps(reference.model, batch)[0]
    delta = (pol[:3] - ref[:3]) - (pol[3:] - ref[3:])
    assert out.loss.item() == pytest.approx((-F.logsigmoid(0.3 * delta)).mean().item(), rel=1e-4)
    assert torch.allclose(extra["logps_chosen"], pol[:3], atol=1e-4)


def test_policy_equal_to_reference_scores_ties_as_half(tiny_model, tokenizer):
    """Step 0 (policy == frozen copy): every log-ratio is exactly 0, so every reward margin is 0
    and rewards accuracy is 0.5 per pair (was 0.0 when a tie counted as wrong). Pair 2 has the
    same text as chosen and rejected, so its mean token log-probs tie too: logps_accuracy 0.5
    there, and 1 or 0 on the other pairs (whichever the untrained model prefers).
    """
    pairs = make_pairs(3)
    pairs[2] = PreferencePair(pairs[2].prompt, pairs[2].chosen, pairs[2].chosen)
    batch = PairCollator(tokenizer.pad_token_id, 3, None)(encode(pairs, tokenizer))[0]
    module = DPOModule(
        tiny_model, DPOConfig(beta=0.1), FrozenCopyReference(copy.deepcopy(tiny_model))
    )
    with torch.no_grad():
        out, stats = module.pair_outputs(batch)
    assert stats["margins"].tolist() == [0.0, 0.0, 0.0]
    assert stats["accuracies"].tolist() == [0.5, 0.5, 0.5]
    assert stats["logps_accuracy"][2].item() == 0.5
    assert set(stats["logps_accuracy"][:2].tolist()) <= {0.0, 1.0}
    assert out.loss.item() == pytest.approx(math.log(2), rel=1e-6)  # -log sigma(0) = ln 2


def test_reference_cache_depends_on_every_data_setting_that_shapes_the_pairs(tmp_path):
    """A cache made with data.pair_rationale=none must not be reused with =both (and so on for
    every DataConfig field but the files, digested separately, and the loader's workers)."""
    from dataclasses import fields, replace

    from medlab.config import DataConfig
    from medlab.stages.dpo_setup import CACHE_IRRELEVANT_DATA_KEYS, reference_cache_settings

    (tmp_path / "x.jsonl").write_text("{}\n")
    data = DataConfig(format="preference", train_files=[str(tmp_path / "x.jsonl")])
    settings = reference_cache_settings(data)
    assert set(settings) == {f.name for f in fields(DataConfig)} - set(CACHE_IRRELEVANT_DATA_KEYS)
    both = reference_cache_settings(replace(data, pair_rationale="both"))
    assert both["pair_rationale"] == "both" and both != settings
