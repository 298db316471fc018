"""Answers of a chat model to evaluation conversations, decoded as the model card recommends.

`generate_replies(model, tokenizer, conversations, cfg)` prepends `cfg.system_prompt` (when set
and the conversation has no system turn of its own), renders each conversation with the
tokenizer's chat template (`add_generation_prompt=True`), generates in batches of
`cfg.batch_size` with left padding (greedy unless `cfg.do_sample`; `repetition_penalty`,
`no_repeat_ngram_size`, `max_new_tokens`), stops each row at its end-of-turn token
(`<|im_end|>` or eos, as GRPO rollouts do) and returns the new tokens' text with special tokens
skipped and surrounding whitespace stripped.

Deterministic: greedy decoding is a pure function of the weights and the prompt; sampling
(`do_sample=true`) runs under a fixed seed in a forked RNG so the caller's RNG is untouched.
Deliberately simple: Hugging Face `generate` only (no vLLM), prompts are not truncated.
"""

from __future__ import annotations

import logging
from typing import Any

import torch

from medlab.config.evaluation import GenerationConfig
from medlab.models.tokenizer import end_of_turn_ids

log = logging.getLogger(__name__)

SAMPLING_SEED = 1234


def with_system_prompt(
    conversation: list[dict[str, Any]], system_prompt: str | None
) -> list[dict[str, Any]]:
    """`conversation` with `system_prompt` as its first turn (unchanged when None or when the
    conversation already starts with a system turn)."""
    messages = [dict(m) for m in conversation]
    if system_prompt and not (messages and messages[0].get("role") == "system"):
        messages.insert(0, {"role": "system", "content": system_prompt})
    return messages


def render_prompt_ids(
    tokenizer: Any, conversation: list[dict[str, Any]], system_prompt: str | None
) -> list[int]:
    """Token ids of the chat-template prompt for the next assistant turn."""
    rendered: Any = tokenizer.apply_chat_template(
        with_system_prompt(conversation, system_prompt),
        tokenize=True,
        add_generation_prompt=True,
        return_dict=True,
    )
    return list(rendered["input_ids"])


def left_pad(prompts: list[list[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(ids [B, L], attention mask [B, L]) with every prompt right-aligned."""
    width = max(len(p) for p in prompts)
    ids = torch.full((len(prompts), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(prompts), width), dtype=torch.long)
    for row, prompt in enumerate(prompts):
        ids[row, width - len(prompt) :] = torch.tensor(prompt, dtype=torch.long)
        mask[row, width - len(prompt) :] = 1
    return ids, mask


def cut_at_end_of_turn(tokens: list[int], stop_ids: list[int]) -> list[int]:
    """`tokens` up to (not including) the first end-of-turn token."""
    for i, token in enumerate(tokens):
        if token in stop_ids:
            return tokens[:i]
    return tokens


def _generate_kwargs(cfg: GenerationConfig) -> dict[str, Any]:
    sampling = cfg.do_sample
    return {
        "do_sample": sampling,
        "temperature": cfg.temperature if sampling else None,
        "top_p": cfg.top_p if sampling else None,
        # top_k=None would fall back to generation_config's 50; 0 disables it.
        "top_k": 0 if sampling else None,
        "repetition_penalty": cfg.repetition_penalty,
        "no_repeat_ngram_size": cfg.no_repeat_ngram_size,
        "max_new_tokens": cfg.max_new_tokens,
        "use_cache": True,
    }


@torch.no_grad()
def _generate_batch(
    model: Any, prompts: list[list[int]], pad_id: int, stop_ids: list[int], cfg: GenerationConfig
) -> list[list[int]]:
    ids, mask = left_pad(prompts, pad_id)
    device = next(model.parameters()).device
    with torch.random.fork_rng(devices=[device] if device.type == "cuda" else []):
        torch.manual_seed(SAMPLING_SEED)
        out = model.generate(
            input_ids=ids.to(device),
            attention_mask=mask.to(device),
            eos_token_id=stop_ids,
            pad_token_id=pad_id,
            **_generate_kwargs(cfg),
        )
    new_tokens = out[:, ids.shape[1] :].tolist()
    return [cut_at_end_of_turn(row, stop_ids) for row in new_tokens]


def generate_replies(
    model: Any,
    tokenizer: Any,
    conversations: list[list[dict[str, Any]]],
    cfg: GenerationConfig,
) -> list[str]:
    """One reply per conversation (each a list of {"role", "content"} ending with a user turn)."""
    if not conversations:
        return []
    stop_ids = end_of_turn_ids(tokenizer)
    pad_id = tokenizer.pad_token_id
    if pad_id is None:
        pad_id = stop_ids[0]
    prompts = [render_prompt_ids(tokenizer, conv, cfg.system_prompt) for conv in conversations]
    was_training = model.training
    model.eval()
    replies: list[str] = []
    try:
        for start in range(0, len(prompts), cfg.batch_size):
            batch = prompts[start : start + cfg.batch_size]
            for tokens in _generate_batch(model, batch, pad_id, stop_ids, cfg):
                text = tokenizer.decode(tokens, skip_special_tokens=True)
                replies.append(text.strip())
    finally:
        model.train(was_training)
    return replies
