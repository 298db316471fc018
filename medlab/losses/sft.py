"""Token cross-entropy for supervised fine-tuning, returned as sums so callers can normalise.

The SFT module divides the summed loss of every micro-batch by the number of trained tokens
of the *whole* optimizer step (all accumulated micro-batches, all ranks). Returning sums
instead of a mean is what makes gradient accumulation exact: accumulating 4 x 2 examples
gives the same gradient as one batch of 8, however the trained tokens are spread.

`token_cross_entropy` takes logits; `chunked_cross_entropy` takes hidden states and the output
head and never holds more than one chunk's logits (`medlab.losses.chunked`): what the SFT stage
uses. Both give the same numbers to float32 rounding.
"""

from __future__ import annotations

from typing import NamedTuple

import torch
import torch.nn.functional as F

from medlab.losses import IGNORE_INDEX
from medlab.losses.chunked import DEFAULT_CHUNK_SIZE, chunked_token_logps


class TokenCEStats(NamedTuple):
    """Sums over the trained (target != ignore_index) tokens."""

    loss_sum: torch.Tensor
    """[] sum of per-token negative log-likelihoods (differentiable)."""
    num_tokens: torch.Tensor
    """[] number of trained tokens (long, detached)."""
    num_correct: torch.Tensor
    """[] trained tokens whose argmax prediction equals the target (long, detached)."""


def token_cross_entropy(
    logits: torch.Tensor, targets: torch.Tensor, ignore_index: int = IGNORE_INDEX
) -> TokenCEStats:
    """Summed CE of `logits` [..., V] against `targets` [...] (already aligned, not shifted).

    Positions whose target is `ignore_index` contribute nothing. Computed in float32.
    """
    logits = logits.reshape(-1, logits.shape[-1])  # [N, V]
    targets = targets.reshape(-1)  # [N]
    keep = targets != ignore_index
    logits, targets = logits[keep].float(), targets[keep]
    loss_sum = F.cross_entropy(logits, targets, reduction="sum")
    num_correct = (logits.detach().argmax(-1) == targets).sum()
    return TokenCEStats(loss_sum, keep.sum(), num_correct)


def chunked_cross_entropy(
    head: torch.nn.Module,
    hidden: torch.Tensor,  # [..., H]
    targets: torch.Tensor,  # [...], already aligned with `hidden` (not shifted)
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    ignore_index: int = IGNORE_INDEX,
) -> TokenCEStats:
    """`token_cross_entropy(head(hidden), targets)` with the head applied `chunk_size` trained
    positions at a time (float32, each chunk's logits recomputed in backward)."""
    keep = targets != ignore_index  # [...]
    out = chunked_token_logps(
        head, hidden[keep], targets[keep], chunk_size, with_correct=True
    )  # [K]
    assert out.correct is not None
    return TokenCEStats(-out.logps.sum(), keep.sum(), out.correct.sum())
