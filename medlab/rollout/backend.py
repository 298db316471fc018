"""Generation backends behind one small interface, so a faster engine (vLLM on GPU) can be
added without touching the loss or the module.

`HFGenerateBackend` uses Hugging Face `generate`: KV cache, left padding, sampling with
temperature / top_p / top_k, a stop at EOS per sequence, `max_completion_length` new tokens,
all prompts of a batch at once with `num_return_sequences = G`.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

import torch


@dataclass
class SamplingConfig:
    """How completions are sampled."""

    max_completion_length: int = 64
    temperature: float = 1.0
    top_p: float = 1.0
    top_k: int = 0
    """0 = no top-k filtering."""


class GenerationOutput(NamedTuple):
    """What a backend returns for one batch of prompts."""

    completion_ids: torch.Tensor
    """[P * G, Lc] completion ids (rows of one prompt contiguous), padded with pad_token_id
    after each sequence's EOS."""
    sampled_logps: torch.Tensor | None = None
    """[P * G, Lc] fp32 log-prob of each sampled token under the engine's sampling
    distribution (temperature / top-p / top-k applied), 0 on padding; None when the engine
    does not report them (HF generate)."""


def as_generation_output(result: GenerationOutput | torch.Tensor) -> GenerationOutput:
    """Backends written against the older protocol return bare completion ids."""
    if isinstance(result, torch.Tensor):
        return GenerationOutput(result)
    return result


class GenerationBackend(Protocol):
    """Turns prompts into sampled completions. A backend that keeps its own copy of the
    weights (vLLM) also has `sync_weights(model)`, which the GRPO module calls at train start
    (after any resume checkpoint is loaded) and after every optimizer step."""

    def generate(
        self,
        model: torch.nn.Module,
        prompt_ids: torch.Tensor,  # [P, Lp] left-padded
        prompt_mask: torch.Tensor,  # [P, Lp]
        num_generations: int,
        sampling: SamplingConfig,
        eos_token_ids: list[int],
        pad_token_id: int,
        greedy: bool = False,
    ) -> GenerationOutput:
        """G completions of each prompt; see `GenerationOutput`."""
        ...


class HFGenerateBackend:
    """`model.generate` with sampling; eval mode and no grad during generation."""

    @torch.no_grad()
    def generate(
        self,
        model: torch.nn.Module,
        prompt_ids: torch.Tensor,
        prompt_mask: torch.Tensor,
        num_generations: int,
        sampling: SamplingConfig,
        eos_token_ids: list[int],
        pad_token_id: int,
        greedy: bool = False,
    ) -> GenerationOutput:
        was_training = model.training
        model.eval()
        try:
            out = model.generate(  # type: ignore[operator]
                input_ids=prompt_ids,
                attention_mask=prompt_mask,
                do_sample=not greedy,
                temperature=None if greedy else sampling.temperature,
                top_p=None if greedy else sampling.top_p,
                # top_k=0 disables top-k (None would fall back to generation_config's 50).
                top_k=None if greedy else sampling.top_k,
                max_new_tokens=sampling.max_completion_length,
                num_return_sequences=num_generations,
                eos_token_id=eos_token_ids,
                pad_token_id=pad_token_id,
                use_cache=True,
                # Sharded weights: every forward is a collective, so a rank whose sequences all
                # ended must keep stepping until every rank is done (else the others hang).
                synced_gpus=is_sharded(model),
            )
        finally:
            model.train(was_training)
        return GenerationOutput(out[:, prompt_ids.shape[1] :])


def is_sharded(model: torch.nn.Module) -> bool:
    """True when FSDP (1 or 2) shards `model` over more than one process."""
    import torch.distributed as dist
    from torch.distributed.fsdp import FSDPModule, FullyShardedDataParallel

    if not (dist.is_available() and dist.is_initialized() and dist.get_world_size() > 1):
        return False
    return any(isinstance(m, (FSDPModule, FullyShardedDataParallel)) for m in model.modules())


def completion_mask(
    completion_ids: torch.Tensor, eos_token_ids: list[int]
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(mask [N, Lc] up to and including the first EOS, is_truncated [N], lengths [N])."""
    is_eos = torch.zeros_like(completion_ids, dtype=torch.bool)
    for eos in eos_token_ids:
        is_eos |= completion_ids == eos
    has_eos = is_eos.any(dim=1)
    width = completion_ids.shape[1]
    first_eos = torch.where(
        has_eos, is_eos.int().argmax(dim=1), torch.full_like(has_eos, width, dtype=torch.long)
    )
    positions = torch.arange(width, device=completion_ids.device)[None, :]
    mask = (positions <= first_eos[:, None]).long()
    lengths = torch.where(has_eos, first_eos + 1, torch.full_like(first_eos, width))
    return mask, ~has_eos, lengths


def missing_rollout_engine(stage: Any, key: Callable[[str, str], str]) -> str | None:
    """Why a GRPO phase's `stage.backend=vllm` cannot be built here (vLLM not importable), or
    None: checked before the first phase, not after SFT and DPO spent their hours."""
    if getattr(stage, "name", None) != "grpo" or getattr(stage, "backend", "hf") != "vllm":
        return None
    if importlib.util.find_spec("vllm") is not None:
        return None
    return (
        f"{key('stage', 'backend')}=vllm but vLLM is not installed in this environment "
        f"({sys.executable}). On a GPU machine: `make vllm-install VLLM_TARGET=gpu`, then run "
        f"from .venv-vllm (.venv-vllm/bin/python -m medlab.run ...); on CPU: `make vllm-install`;"
        f" or set {key('stage', 'backend')}=hf (Hugging Face generate, much slower rollouts)."
    )
