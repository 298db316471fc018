"""The policy's weights as its forward pass uses them, under Hugging Face checkpoint names, for
an inference engine that keeps its own copy (`medlab.rollout.vllm_backend`).

- peft LoRA: W + scaling * B @ A per adapted linear layer (the merge peft's `merge_and_unload`
  does), computed on copies: the policy itself is never merged / unmerged, so its frozen base
  weights stay bitwise what they were (an in-place merge + unmerge would drift them by
  rounding every step).
- peft trainable tokens (the added chat-token rows medlab trains under LoRA): the trained rows
  copied into the embedding.
- FSDP2 (DTensor parameters): every rank gathers the full tensor (a collective: all ranks
  must call this together).
- A tied lm_head is left out (the engine ties it to the embedding itself).

Adapter tensors (`lora_*`, `trainable_tokens_*`) never reach the engine. Only plain LoRA on
linear layers is merged; DoRA or LoRA on embeddings stop with a clear error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import torch

ADAPTER_MARKERS = ("lora_", "trainable_tokens_")


def ties_word_embeddings(model: torch.nn.Module) -> bool:
    base = base_model(model)
    return bool(getattr(base.config, "tie_word_embeddings", False))


def policy_weights(model: torch.nn.Module) -> Iterator[tuple[str, torch.Tensor]]:
    """(HF name, full detached tensor) of every weight the engine needs, adapters merged."""
    base = base_model(model)
    merged = _merged_adapter_weights(base)
    tied = ties_word_embeddings(model)
    for raw_name, tensor in base.state_dict(keep_vars=True).items():
        if any(marker in raw_name for marker in ADAPTER_MARKERS):
            continue
        name = raw_name.replace(".base_layer.", ".").replace(".token_adapter.", ".")
        if tied and name == "lm_head.weight":
            continue
        value = merged.get(name, tensor)
        yield name, _full(value).detach()


def base_model(model: torch.nn.Module) -> Any:
    """The transformers model under a peft wrapper (the model itself otherwise)."""
    get_base = getattr(model, "get_base_model", None)
    return get_base() if callable(get_base) else model


def _full(tensor: torch.Tensor) -> torch.Tensor:
    """The whole tensor of an FSDP2 DTensor shard (a collective); the tensor otherwise."""
    full_tensor = getattr(tensor, "full_tensor", None)
    return full_tensor() if callable(full_tensor) else tensor


def _merged_adapter_weights(base: torch.nn.Module) -> dict[str, torch.Tensor]:
    """{HF weight name: merged weight} for every peft-adapted module of `base`."""
    try:
        from peft.tuners.lora import LoraLayer
        from peft.tuners.trainable_tokens.layer import TrainableTokensLayer
    except ImportError:  # no peft: nothing can be adapted
        return {}
    merged: dict[str, torch.Tensor] = {}
    for module_name, module in base.named_modules():
        name = module_name.replace(".base_layer", "").replace(".token_adapter", "") + ".weight"
        if isinstance(module, LoraLayer):
            merged[name] = _merged_lora(module, module_name)
        elif isinstance(module, TrainableTokensLayer):
            merged[name] = _merged_token_rows(module)
    return merged


def _merged_lora(layer: Any, module_name: str) -> torch.Tensor:
    """W + scaling * B @ A over the active adapters of one LoRA linear layer."""
    weight = _full(layer.get_base_layer().weight).detach()
    if layer.merged:  # already merged into the base weight by the user
        return weight
    for adapter in layer.active_adapters:
        if adapter not in layer.lora_A:
            raise NotImplementedError(
                f"{module_name}: only LoRA on linear layers can be pushed to vLLM "
                f"(adapter {adapter!r} is not a linear LoRA)."
            )
        if layer.use_dora.get(adapter, False):
            raise NotImplementedError(f"{module_name}: DoRA cannot be pushed to vLLM.")
        lora_a = _full(layer.lora_A[adapter].weight).detach()  # [r, in]
        lora_b = _full(layer.lora_B[adapter].weight).detach()  # [out, r]
        delta = (lora_b @ lora_a) * layer.scaling[adapter]  # [out, in]
        if getattr(layer, "fan_in_fan_out", False):
            delta = delta.T
        weight = weight + delta.to(weight.dtype)
    return weight


def _merged_token_rows(layer: Any) -> torch.Tensor:
    """The embedding with the trained rows of the active trainable-token adapters."""
    weight = _full(layer.base_layer.weight).detach()
    for adapter in layer.active_adapters:
        if adapter not in layer.trainable_tokens_delta:
            continue
        rows = torch.tensor(layer.token_indices[adapter], device=weight.device)
        delta = _full(layer.trainable_tokens_delta[adapter]).detach().to(weight)
        weight = weight.index_copy(0, rows, delta)
    return weight
