"""Suite-answer generation: greedy equals a hand-rolled argmax loop, batching changes nothing,
the system prompt is rendered, generation stops at the end-of-turn token."""

from __future__ import annotations

import pytest
import torch

import medlab.evaluation.generation as generation
from medlab.config.evaluation import GenerationConfig
from medlab.evaluation.generation import (
    cut_at_end_of_turn,
    generate_replies,
    left_pad,
    render_prompt_ids,
)
from medlab.models.tokenizer import end_of_turn_ids

CONVERSATIONS = [
    [{"role": "user", "content": "What does insulin do?"}],
    [{"role": "user", "content": "Hi"}],
    [
        {"role": "user", "content": "Explain anemia simply."},
        {"role": "assistant", "content": "Too few red cells."},
        {"role": "user", "content": "Why does it cause tiredness in older adults?"},
    ],
]


@pytest.fixture
def sharp_model(tiny_model):
    """The tiny model re-initialised with large weights, so that different prompts give
    different greedy continuations (the default 0.02 init answers every prompt alike)."""
    gen = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for param in tiny_model.parameters():
            if param.dim() > 1:
                param.copy_(torch.randn(param.shape, generator=gen) * 0.3)
    return tiny_model


def plain_cfg(**overrides) -> GenerationConfig:
    values = dict(
        system_prompt=None, max_new_tokens=6, repetition_penalty=1.0, no_repeat_ngram_size=0
    )
    values.update(overrides)
    return GenerationConfig(**values)


@torch.no_grad()
def argmax_loop(model, prompt_ids: list[int], steps: int, stop_ids: list[int]) -> list[int]:
    """Greedy decoding by hand: full forward pass each step, no KV cache, no padding."""
    ids = list(prompt_ids)
    new: list[int] = []
    for _ in range(steps):
        logits = model(input_ids=torch.tensor([ids])).logits[0, -1]
        token = int(logits.argmax())
        if token in stop_ids:
            break
        new.append(token)
        ids.append(token)
    return new


def test_greedy_matches_hand_rolled_argmax(sharp_model, tokenizer):
    cfg = plain_cfg(system_prompt="You teach medicine.")
    stop = end_of_turn_ids(tokenizer)
    expected = []
    for conv in CONVERSATIONS:
        prompt = render_prompt_ids(tokenizer, conv, cfg.system_prompt)
        tokens = argmax_loop(sharp_model, prompt, cfg.max_new_tokens, stop)
        expected.append(tokenizer.decode(tokens, skip_special_tokens=True).strip())
    assert generate_replies(sharp_model, tokenizer, CONVERSATIONS, cfg) == expected
    assert len(set(expected)) == len(expected), "prompts should give different replies"


def test_batching_gives_the_same_replies_as_one_by_one(sharp_model, tokenizer):
    """Left padding of the short prompts must not change their continuations."""
    cfg = plain_cfg(max_new_tokens=8, repetition_penalty=1.1, no_repeat_ngram_size=3)
    batched = generate_replies(sharp_model, tokenizer, CONVERSATIONS, cfg)
    one_by_one = [generate_replies(sharp_model, tokenizer, [c], cfg)[0] for c in CONVERSATIONS]
    assert batched == one_by_one
    # Deterministic: the same call again gives the same text.
    assert generate_replies(sharp_model, tokenizer, CONVERSATIONS, cfg) == batched


def test_training_mode_is_restored(sharp_model, tokenizer):
    sharp_model.train()
    generate_replies(sharp_model, tokenizer, CONVERSATIONS[:1], plain_cfg(max_new_tokens=2))
    assert sharp_model.training


def test_system_prompt_is_rendered_once(tokenizer):
    system = "You are a careful tutor."
    text = tokenizer.decode(render_prompt_ids(tokenizer, CONVERSATIONS[0], system))
    assert text.startswith(f"<|im_start|>system\n{system}<|im_end|>")
    assert text.endswith("<|im_start|>assistant\n")
    own = [{"role": "system", "content": "Own system turn."}, *CONVERSATIONS[0]]
    text = tokenizer.decode(render_prompt_ids(tokenizer, own, system))
    assert "Own system turn." in text and system not in text
    text = tokenizer.decode(render_prompt_ids(tokenizer, CONVERSATIONS[0], None))
    assert "<|im_start|>system" not in text


def test_stops_at_end_of_turn(sharp_model, tokenizer, monkeypatch):
    """Declare the k-th greedy token an end-of-turn token: the reply must be tokens [0, k)."""
    prompt = render_prompt_ids(tokenizer, CONVERSATIONS[0], None)
    tokens = argmax_loop(sharp_model, prompt, 6, end_of_turn_ids(tokenizer))
    k = next(i for i in range(1, len(tokens)) if tokens[i] not in tokens[:i])
    stop = [tokens[k], *end_of_turn_ids(tokenizer)]
    monkeypatch.setattr(generation, "end_of_turn_ids", lambda tok: stop)
    reply = generate_replies(sharp_model, tokenizer, CONVERSATIONS[:1], plain_cfg())
    assert reply == [tokenizer.decode(tokens[:k], skip_special_tokens=True).strip()]


def test_left_pad_and_cut():
    ids, mask = left_pad([[5, 6, 7], [8]], pad_id=0)
    assert ids.tolist() == [[5, 6, 7], [0, 0, 8]]
    assert mask.tolist() == [[1, 1, 1], [0, 0, 1]]
    assert cut_at_end_of_turn([4, 9, 2, 9], [9]) == [4]
    assert cut_at_end_of_turn([4, 5], [9]) == [4, 5]
    assert generate_replies(None, None, [], plain_cfg()) == []
