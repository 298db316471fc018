"""Per-token log-probs and entropy of GRPO completions under the policy, at a temperature.

The decoder runs once over prompt + completion; the output head and the log-softmax run only
at the active completion positions, `chunk_size` at a time (`medlab.losses.chunked`), on
logits / temperature: the sampling distribution, so policy, old and reference log-probs all
describe what the rollout engine sampled from (TRL divides by the temperature likewise).
"""

from __future__ import annotations

import torch

from medlab.losses.chunked import DEFAULT_CHUNK_SIZE, chunked_token_logps
from medlab.stages.sft import through_root


def completion_logps(
    model: torch.nn.Module,
    prompt_ids: torch.Tensor,
    prompt_mask: torch.Tensor,
    completion_ids: torch.Tensor,
    mask: torch.Tensor,
    with_entropy: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    temperature: float = 1.0,
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Per-token log-probs [b, Lc] (fp32) of the completion tokens (0 where mask is 0), and the
    per-token entropy [b, Lc] (detached) if asked, of softmax(logits / temperature). Logits
    only at the active positions, `chunk_size` of them at a time (`medlab.losses.chunked`)."""
    return through_root(  # type: ignore[no-any-return]
        model,
        _completion_logps,
        prompt_ids,
        prompt_mask,
        completion_ids,
        mask,
        with_entropy,
        chunk_size,
        temperature,
    )


def _completion_logps(
    model: torch.nn.Module,
    prompt_ids: torch.Tensor,
    prompt_mask: torch.Tensor,
    completion_ids: torch.Tensor,
    mask: torch.Tensor,
    with_entropy: bool,
    chunk_size: int,
    temperature: float,
) -> tuple[torch.Tensor, torch.Tensor | None]:
    input_ids = torch.cat([prompt_ids, completion_ids], dim=1)  # [b, Lp + Lc]
    attention = torch.cat([prompt_mask, torch.ones_like(completion_ids)], dim=1)
    position_ids = (attention.cumsum(-1) - 1).clamp(min=0)
    hidden = model.get_decoder()(  # type: ignore[operator]
        input_ids=input_ids, attention_mask=attention, position_ids=position_ids, use_cache=False
    ).last_hidden_state  # [b, L, H]
    lp = prompt_ids.shape[1]
    predicting = hidden[:, lp - 1 : -1]  # [b, Lc, H]: position t predicts completion token t
    active = mask.bool()
    tokens = chunked_token_logps(
        model.get_output_embeddings(),  # type: ignore[operator]
        predicting[active],  # [K, H]
        completion_ids[active],  # [K]
        chunk_size,
        with_entropy=with_entropy,
        temperature=temperature,
    )
    zeros = torch.zeros(mask.shape, dtype=tokens.logps.dtype, device=mask.device)
    out = zeros.masked_scatter(active, tokens.logps)
    entropy = None if tokens.entropy is None else zeros.masked_scatter(active, tokens.entropy)
    return out, entropy
