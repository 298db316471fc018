"""Trained parameters in fp32, whatever dtype the model was loaded in.

Real models load in `model.dtype: bfloat16`, and `hardware.precision: bf16-mixed` only autocasts
the forward: without this module AdamW would update bf16 weights. A bf16 weight of magnitude
0.02 has a spacing of ~1.2e-4 between representable values, so an update of lr ~ 5e-7 rounds
away for ~99% of its elements. `upcast_trainable_parameters` makes every trainable parameter
fp32 (the optimizer state follows: AdamW allocates it like the parameter); bf16 compute still
comes from autocast. Frozen weights (the LoRA base, reference models) keep their dtype, and so
does memory for them. peft's LoRA adapters are fp32 already (`autocast_adapter_dtype`).

Every stage calls `keep_trained_parameters_fp32` from `configure_model` (through
`medlab.stages.trainer.shard_model`), i.e. before FSDP2 shards the model and before the
optimizer is built, and after the frozen reference copies were taken (they stay bf16).
"""

from __future__ import annotations

import logging

import torch

log = logging.getLogger(__name__)

_LOGGED = "_medlab_trained_dtype_logged"


def upcast_trainable_parameters(model: torch.nn.Module) -> int:
    """Cast every trainable floating-point parameter that is not fp32 to fp32, in place.

    The Parameter objects are kept (`param.data` is replaced), so tied weights stay tied and
    references held by peft / Lightning stay valid. Returns the number of elements upcast.
    """
    upcast = 0
    for param in model.parameters():  # each shared (tied) parameter once
        if param.requires_grad and param.is_floating_point() and param.dtype != torch.float32:
            param.data = param.data.float()
            upcast += param.numel()
    return upcast


def trainable_dtypes(model: torch.nn.Module) -> set[torch.dtype]:
    """The dtypes of the trainable parameters of `model`."""
    return {p.dtype for p in model.parameters() if p.requires_grad}


def keep_trained_parameters_fp32(model: torch.nn.Module) -> int:
    """`upcast_trainable_parameters`, with one log line (per model) saying what dtypes the
    trained and the frozen parameters are kept in."""
    upcast = upcast_trainable_parameters(model)
    if not getattr(model, _LOGGED, False):
        frozen = {str(p.dtype) for p in model.parameters() if not p.requires_grad}
        log.info(
            "trained parameters (and their optimizer state) kept in %s (%.2fM elements upcast); "
            "frozen parameters in %s; compute dtype set by hardware.precision (autocast)",
            ", ".join(sorted(str(d) for d in trainable_dtypes(model))) or "-",
            upcast / 1e6,
            ", ".join(sorted(frozen)) or "-",
        )
        setattr(model, _LOGGED, True)
    return upcast


def export_dtype(model: torch.nn.Module) -> torch.dtype | None:
    """The dtype `model` was loaded in (Hugging Face `config.dtype`), the dtype to save it in;
    None when the model does not record one."""
    dtype = getattr(getattr(model, "config", None), "dtype", None)
    if isinstance(dtype, str):
        dtype = getattr(torch, dtype, None)
    return dtype if isinstance(dtype, torch.dtype) and dtype.is_floating_point else None
