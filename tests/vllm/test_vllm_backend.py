"""The vLLM backend against the trainer, on CPU in fp32, with the session's one engine.

Parity: after one AdamW step and a weight sync, the engine's log-prob of every sampled token
equals the trainer's (`completion_logps` at the sampling temperature) within 1e-5, and greedy
decoding equals Hugging Face generate token for token. Teeth: the same comparison without the
sync, and with a sync that skips the CPU repack of the tied head, must fail by far more.
"""

from __future__ import annotations

import random

import pytest
import torch

from medlab.config import LoRAConfig
from medlab.models.build import apply_lora
from medlab.models.forward import completion_logps
from medlab.models.tokenizer import end_of_turn_ids
from medlab.rollout.backend import HFGenerateBackend, SamplingConfig, completion_mask
from medlab.rollout.policy_weights import policy_weights
from medlab.rollout.vllm_backend import VLLMBackend, push_weights
from tests.vllm.conftest import build_policy

TOLERANCE = 1e-5
STALE = 1e-3  # a stale engine is off by far more than this
G = 3
TEXTS = [
    "Which organ makes insulin? Answer with one letter.",
    "Name a symptom of anaemia.",
    "What does the heart pump around the body, and how often does it beat at rest?",
]


@pytest.fixture(scope="module")
def prompts(tokenizer) -> tuple[torch.Tensor, torch.Tensor]:
    """([P, Lp] left-padded ids, [P, Lp] mask) of prompts of different lengths."""
    rows = [tokenizer(t, add_special_tokens=False).input_ids for t in TEXTS]
    width = max(len(r) for r in rows)
    ids = torch.full((len(rows), width), tokenizer.pad_token_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, r in enumerate(rows):
        ids[i, width - len(r) :] = torch.tensor(r)
        mask[i, width - len(r) :] = 1
    return ids, mask


def sample(engine, model, prompts, tokenizer, temperature=1.0, greedy=False, n=G):
    """(completion ids [P*n, Lc], engine log-probs [P*n, Lc], completion mask [P*n, Lc])."""
    ids, mask = prompts
    eos = end_of_turn_ids(tokenizer)
    sampling = SamplingConfig(max_completion_length=12, temperature=temperature)
    out = engine.generate(model, ids, mask, n, sampling, eos, tokenizer.pad_token_id, greedy)
    return out.completion_ids, out.sampled_logps, completion_mask(out.completion_ids, eos)[0]


def trainer_logps(model, prompts, completions, mask, temperature=1.0, n=G) -> torch.Tensor:
    ids, prompt_mask = prompts
    with torch.no_grad():
        return completion_logps(
            model,
            ids.repeat_interleave(n, 0),
            prompt_mask.repeat_interleave(n, 0),
            completions,
            mask,
            temperature=temperature,
        )[0]


def max_gap(model, engine, prompts, tokenizer, temperature=1.0) -> float:
    """Largest |engine - trainer| log-prob over the active tokens of a fresh sample."""
    completions, engine_logps, mask = sample(engine, model, prompts, tokenizer, temperature)
    assert engine_logps is not None and engine_logps.dtype == torch.float32
    assert (engine_logps[mask == 0] == 0).all(), "padding must carry log-prob 0"
    train = trainer_logps(model, prompts, completions, mask, temperature)
    return (train - engine_logps)[mask.bool()].abs().max().item()


def adamw_step(model, engine, prompts, tokenizer, lr=1e-2) -> None:
    """One AdamW step raising the log-likelihood of the engine's own samples (a GRPO-like
    update: every trainable weight moves by about lr)."""
    completions, _, mask = sample(engine, model, prompts, tokenizer)
    ids, prompt_mask = prompts
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=lr)
    logps = completion_logps(
        model, ids.repeat_interleave(G, 0), prompt_mask.repeat_interleave(G, 0), completions, mask
    )[0]
    (-(logps.sum() / mask.sum())).backward()
    optimizer.step()
    optimizer.zero_grad()


def test_logprob_parity_after_an_optimizer_step(engine, tokenizer, prompts):
    """Built lazily from the policy, the engine matches it; after an AdamW step it matches only
    once synced, and only with the tied head repacked."""
    model = build_policy(tokenizer)
    engine.sync_weights(model)  # no-op when this test builds the session's engine
    assert max_gap(model, engine, prompts, tokenizer) < TOLERANCE

    adamw_step(model, engine, prompts, tokenizer)
    stale = max_gap(model, engine, prompts, tokenizer)
    assert stale > STALE, f"an unsynced engine must be caught (gap {stale:.2e})"

    with torch.inference_mode():  # the sync minus the tied-head repack
        push_weights(engine.llm, policy_weights(model), tied_head=False)
    no_repack = max_gap(model, engine, prompts, tokenizer)
    assert no_repack > STALE, f"a stale packed head must be caught (gap {no_repack:.2e})"

    engine.sync_weights(model)
    for temperature in (1.0, 0.7):
        gap = max_gap(model, engine, prompts, tokenizer, temperature)
        assert gap < TOLERANCE, f"T={temperature}: engine vs trainer log-probs differ by {gap:.2e}"


def test_greedy_matches_hf_generate(engine, tokenizer, prompts):
    """Token for token, including the stop: a token greedy decoding emits mid-completion is made
    the EOS, so rows end early (EOS kept, then padding with log-prob 0) exactly as with HF."""
    model = build_policy(tokenizer, init_seed=1)
    engine.sync_weights(model)
    ids, mask = prompts
    sampling = SamplingConfig(max_completion_length=12)
    pad = tokenizer.pad_token_id
    first = engine.generate(model, ids, mask, 1, sampling, [pad], pad, greedy=True)
    eos = [int(first.completion_ids[0, 4])]  # row 0 stops at its 5th token (or earlier)
    ours = engine.generate(model, ids, mask, 1, sampling, eos, pad, greedy=True)
    hf = HFGenerateBackend().generate(model, ids, mask, 1, sampling, eos, pad, greedy=True)
    assert ours.completion_ids.shape == hf.completion_ids.shape
    assert torch.equal(ours.completion_ids, hf.completion_ids)
    done, _, lengths = completion_mask(ours.completion_ids, eos)
    assert lengths[0] <= 5 < ours.completion_ids.shape[1], "row 0 must stop early"
    assert (ours.completion_ids[done == 0] == pad).all()
    assert (ours.sampled_logps[done == 0] == 0).all()
    assert (ours.sampled_logps[done == 1] <= 0).all()


def test_lora_merged_weights(engine, tokenizer, prompts):
    """The engine runs W + scale * B @ A (and the trained token rows): its log-probs match the
    adapted policy, not the base model, and the policy's own weights are left untouched."""
    added = [len(tokenizer) - 1, len(tokenizer) - 2]
    lora = LoRAConfig(
        enabled=True,
        target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "up_proj", "down_proj"],
    )
    model = apply_lora(build_policy(tokenizer, init_seed=2), lora, added)
    adamw_step(model, engine, prompts, tokenizer, lr=5e-2)  # lora_B starts at 0: make it count
    before = {k: v.clone() for k, v in model.state_dict().items()}
    engine.sync_weights(model)
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())

    completions, engine_logps, mask = sample(engine, model, prompts, tokenizer)
    gap = (trainer_logps(model, prompts, completions, mask) - engine_logps)[mask.bool()]
    assert gap.abs().max().item() < TOLERANCE
    with model.disable_adapter():
        base = trainer_logps(model, prompts, completions, mask)
    assert (base - engine_logps)[mask.bool()].abs().max().item() > STALE


def test_sync_equals_a_fresh_engine(engine, tokenizer, prompts, tmp_path):
    """Resume: a model restored from a checkpoint, pushed into a running engine, samples
    exactly what a fresh engine built from the same checkpoint samples (same request seeds)."""
    trained = build_policy(tokenizer, init_seed=3)
    adamw_step(trained, engine, prompts, tokenizer)
    torch.save(trained.state_dict(), tmp_path / "policy.pt")
    restored = build_policy(tokenizer, init_seed=4)  # different weights until loaded
    engine.sync_weights(restored)
    restored.load_state_dict(torch.load(tmp_path / "policy.pt"))

    torch.manual_seed(0)
    before_sync = sample(engine, restored, prompts, tokenizer)
    engine.sync_weights(restored)  # what GRPOModule.on_train_start does after a resume
    torch.manual_seed(0)
    synced = sample(engine, restored, prompts, tokenizer)
    fresh = VLLMBackend(engine.settings, max_model_len=engine.max_model_len)
    try:
        rng = torch.get_rng_state(), random.getstate()
        sample(fresh, restored, prompts, tokenizer, greedy=True, n=1)  # builds it, draws no seed
        assert torch.equal(rng[0], torch.get_rng_state()), "building must not reseed torch"
        assert rng[1] == random.getstate(), "building must not reseed Python's RNG"
        torch.manual_seed(0)
        from_scratch = sample(fresh, restored, prompts, tokenizer)
    finally:
        fresh.close()
    assert torch.equal(synced[0], from_scratch[0])
    assert torch.allclose(synced[1], from_scratch[1], atol=1e-6, rtol=0)
    assert not torch.equal(before_sync[1], synced[1]), "the sync must change the engine"
