"""Per-token log-probs, entropy and argmax hits from hidden states, the head applied in chunks.

Every stage needs log p(target) at K trained positions: SFT sums -log p (cross-entropy), DPO
sums log p per sequence, GRPO needs log p per token (policy, reference, rollout policy) and the
entropy. Done in one piece this materialises the fp32 logits [K, V], the log-softmax kept for
backward [K, V] and its gradient [K, V]: at a real vocabulary (Qwen3: V = 151,936) that is
1.8 GB per 1,000 trained tokens, growing with the sequence length.

`chunked_token_logps` applies the output head and the log-softmax to `chunk_size` positions
at a time:

    for each chunk c of the K positions:   logits_c = head(h_c).float() / T    # [k, V] fp32
                                           logp_c   = log_softmax(logits_c)[target_c]

T is the sampling temperature (GRPO scores completions under the distribution they were
sampled from, as TRL does; the entropy is that distribution's too). T = 1 skips the division:
SFT and DPO (always T = 1) compute exactly what they computed before T existed.

Each chunk except the last runs under `torch.utils.checkpoint` (non-reentrant): only its hidden
states [k, H] are kept, its logits are recomputed in backward (one extra head forward per
chunk). The last chunk keeps its log-softmax, because backward starts with it, so a batch that
fits in one chunk costs no recomputation at all. Peak memory of the loss: ~3 x chunk_size x V x
4 bytes, whatever K is. The values are today's to float32 rounding (the same log_softmax +
gather per token; only the order of the sums over tokens changes).

The head is called as a module (`model.get_output_embeddings()`), so tied and untied heads,
peft-wrapped heads (LoRA, trainable token rows), autocast (bf16 logits, upcast to fp32 per
chunk) and FSDP2 (the head's weights are unsharded inside the root's hooks, which also cover
the backward) all work as with an unchunked head.

Torch only; no Lightning.
"""

from __future__ import annotations

from typing import NamedTuple

import torch
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint

DEFAULT_CHUNK_SIZE = 1024


class TokenLogps(NamedTuple):
    """Per-token results at the K positions (fp32)."""

    logps: torch.Tensor
    """[K] log p(target) (differentiable when the head or the hidden states are)."""
    entropy: torch.Tensor | None
    """[K] entropy of the predicted distribution, detached; None unless asked for."""
    correct: torch.Tensor | None
    """[K] bool, argmax == target, detached; None unless asked for."""


def _chunk_logps(
    head: torch.nn.Module,
    hidden: torch.Tensor,  # [k, H]
    targets: torch.Tensor,  # [k]
    with_entropy: bool,
    with_correct: bool,
    temperature: float = 1.0,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(logps [k], entropy [k] or [0], correct [k] or [0]) of one chunk."""
    logits = head(hidden).float()  # [k, V]; no-op .float() on fp32
    if temperature != 1.0:
        logits = logits / temperature  # the sampling distribution's logits
    log_probs = F.log_softmax(logits, dim=-1)  # [k, V], the only [k, V] kept for backward
    del logits
    logps = log_probs.gather(-1, targets[:, None])[:, 0]  # [k]
    empty = log_probs.new_zeros(0)
    entropy, correct = empty, empty.bool()
    with torch.no_grad():  # recomputed in backward only up to here (checkpoint early stop)
        if with_entropy:
            probs = log_probs.exp()  # [k, V]
            entropy = -probs.mul_(log_probs).sum(-1)  # in place: one [k, V] temporary
            del probs
        if with_correct:
            correct = log_probs.argmax(-1) == targets
    return logps, entropy, correct


def chunked_token_logps(
    head: torch.nn.Module,
    hidden: torch.Tensor,  # [K, H] hidden states at the K positions that predict `targets`
    targets: torch.Tensor,  # [K] token ids
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    *,
    with_entropy: bool = False,
    with_correct: bool = False,
    temperature: float = 1.0,
) -> TokenLogps:
    """log p(targets) [K] (fp32), head + log-softmax over `chunk_size` positions at a time;
    with `temperature` T the log-softmax (and entropy) is of logits / T.

    Chunks other than the last are checkpointed when a gradient is needed, so at most one
    chunk's [chunk_size, V] logits and log-softmax are alive at once, forward or backward.
    """
    if hidden.dim() != 2 or targets.shape != hidden.shape[:1]:
        raise ValueError(
            f"expected hidden [K, H] and targets [K], got {tuple(hidden.shape)} "
            f"and {tuple(targets.shape)}"
        )
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, got {chunk_size}")
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    count = hidden.shape[0]
    needs_grad = torch.is_grad_enabled() and (
        hidden.requires_grad or any(p.requires_grad for p in head.parameters())
    )
    parts = []
    for start in range(0, max(count, 1), chunk_size):
        h, t = hidden[start : start + chunk_size], targets[start : start + chunk_size]
        last = start + chunk_size >= count
        if needs_grad and not last:
            parts.append(
                checkpoint(
                    _chunk_logps,
                    head,
                    h,
                    t,
                    with_entropy,
                    with_correct,
                    temperature,
                    use_reentrant=False,
                )
            )
        else:
            parts.append(_chunk_logps(head, h, t, with_entropy, with_correct, temperature))
    logps, entropy, correct = (torch.cat(column) for column in zip(*parts, strict=True))
    return TokenLogps(
        logps=logps,
        entropy=entropy if with_entropy else None,
        correct=correct if with_correct else None,
    )
