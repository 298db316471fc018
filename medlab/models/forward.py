"""Forward passes every stage shares: decoder hidden states, then the head only where needed.

medlab calls the decoder and the output head separately: the logits are computed only at the
positions that carry a loss (SFT / DPO: the trained targets of a `MicroBatch`; GRPO: the active
completion tokens), `chunk_size` positions at a time (`medlab.losses.chunked`), which saves the
[B, T, V] logits of prompt tokens and bounds the loss's memory.

Calling the decoder and the head directly bypasses the root module's `forward`. Under FSDP2
(`medlab.stages.trainer.shard_model`) the root's own weights (embeddings, final norm, head) would
then stay sharded and their gradients never be reduced, so every call here runs through
`through_root`, which uses the method `shard_model` registers under `SHARDED_CALL`.

- `trained_token_stats` / `trained_token_logps` / `trained_token_logits`: SFT and DPO batches.
- `trained_sequence_logps`: DPO's per-row sums (`medlab.losses.dpo.sequence_logps`).
- `completion_logps`: GRPO's per-token log-probs (and entropy) of completions at a temperature.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from medlab.data.collate import MicroBatch
from medlab.losses import IGNORE_INDEX
from medlab.losses.chunked import DEFAULT_CHUNK_SIZE, TokenLogps, chunked_token_logps
from medlab.losses.dpo import sequence_logps
from medlab.losses.sft import TokenCEStats, chunked_cross_entropy

# Name of the method `shard_model` (medlab.stages.trainer) registers on an FSDP2-sharded model.
SHARDED_CALL = "medlab_sharded_call"


def through_root(model: torch.nn.Module, fn: Callable[..., Any], *args: Any) -> Any:
    """`fn(model, *args)`; on an FSDP2-sharded model inside the root's forward hooks.

    medlab calls the decoder and the output head separately (logits only where needed), which
    bypasses the root's `forward`; FSDP2 would then leave the root's own weights (embeddings,
    final norm, head) sharded and never reduce their gradients. The registered method runs the
    root's pre-/post-forward hooks around `fn` instead.
    """
    call = getattr(model, SHARDED_CALL, None)
    return call(fn, *args) if call is not None else fn(model, *args)


def decoder_hidden(model: torch.nn.Module, batch: MicroBatch) -> torch.Tensor:
    """The decoder's last hidden states [B, T, H] of `batch` (call inside `through_root`)."""
    return model.get_decoder()(  # type: ignore[operator,no-any-return]
        input_ids=batch["input_ids"],
        attention_mask=batch.get("attention_mask"),
        position_ids=batch["position_ids"],
        use_cache=False,
    ).last_hidden_state


def trained_token_stats(
    model: torch.nn.Module, batch: MicroBatch, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> TokenCEStats:
    """Summed cross-entropy, trained tokens and argmax hits of `batch`, head in chunks."""
    return through_root(model, _trained_token_stats, batch, chunk_size)  # type: ignore[no-any-return]


def _trained_token_stats(
    model: torch.nn.Module, batch: MicroBatch, chunk_size: int
) -> TokenCEStats:
    head = model.get_output_embeddings()  # type: ignore[operator]
    return chunked_cross_entropy(head, decoder_hidden(model, batch), batch["targets"], chunk_size)


def trained_token_logps(
    model: torch.nn.Module, batch: MicroBatch, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> torch.Tensor:
    """log p(target) [K] at the K positions of `batch` that carry a loss (row-major order)."""
    out: TokenLogps = through_root(model, _trained_token_logps, batch, chunk_size)
    return out.logps


def _trained_token_logps(model: torch.nn.Module, batch: MicroBatch, chunk_size: int) -> TokenLogps:
    keep = batch["targets"] != IGNORE_INDEX  # [B, T]
    head = model.get_output_embeddings()  # type: ignore[operator]
    hidden = decoder_hidden(model, batch)[keep]  # [K, H]
    return chunked_token_logps(head, hidden, batch["targets"][keep], chunk_size)


def trained_sequence_logps(
    model: torch.nn.Module, batch: MicroBatch, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> tuple[torch.Tensor, torch.Tensor]:
    """(sum of completion-token log-probs [N] fp32, completion-token counts [N]) per row."""
    return sequence_logps(trained_token_logps(model, batch, chunk_size), batch["targets"])


def trained_token_logits(
    model: torch.nn.Module, batch: MicroBatch
) -> tuple[torch.Tensor, torch.Tensor]:
    """(logits [K, V], targets [K]) at the K positions of `batch` that carry a loss, in one
    piece: the unchunked reference the tests and `benchmarks.step_time` compare against."""
    return through_root(model, _trained_token_logits, batch)  # type: ignore[no-any-return]


def _trained_token_logits(
    model: torch.nn.Module, batch: MicroBatch
) -> tuple[torch.Tensor, torch.Tensor]:
    head = model.get_output_embeddings()  # type: ignore[operator]
    keep = batch["targets"] != IGNORE_INDEX  # [B, T]
    return head(decoder_hidden(model, batch)[keep]), batch["targets"][keep]


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
    per-token entropy [b, Lc] (detached) if asked, of softmax(logits / temperature).

    The decoder runs once over prompt + completion; the head and the log-softmax run only at
    the active completion positions, `chunk_size` of them at a time, on logits / temperature:
    the sampling distribution, so policy, old and reference log-probs all describe what the
    rollout engine sampled from (TRL divides by the temperature likewise).
    """
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
