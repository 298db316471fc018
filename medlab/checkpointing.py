"""Checkpoints and the ranks that write them.

- `AtomicCheckpointIO`: Lightning checkpoints (`*.ckpt`) written atomically
  (`medlab.atomic_files`).
- `export_hf_checkpoint`: `save_pretrained` weights (safetensors, in the dtype the model was
  loaded in), tokenizer and chat template, atomically, with LoRA adapters merged in when asked.
- `is_rank_zero` / `wait_for_rank_zero`: under DDP / FSDP every rank runs the same code, and
  shared files (results, manifest, exports) are written by global rank 0 only; the other
  ranks wait at a barrier where they need what rank 0 wrote.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from lightning.fabric.utilities.rank_zero import rank_zero_only
from lightning.pytorch.plugins.io import TorchCheckpointIO

from medlab.atomic_files import atomic_directory, atomic_file
from medlab.models.precision import export_dtype


def is_rank_zero() -> bool:
    """True in the process that writes shared files: global rank 0, or a single process.

    Before a process group exists, the rank comes from the launcher's environment (LOCAL_RANK
    for Lightning's re-launched ranks, SLURM_PROCID under SLURM), as Lightning reads it.
    """
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        return torch.distributed.get_rank() == 0
    return int(getattr(rank_zero_only, "rank", 0)) == 0


def wait_for_rank_zero() -> None:
    """Barrier over all ranks (no-op in one process): rank 0's files are complete after it."""
    if (
        torch.distributed.is_available()
        and torch.distributed.is_initialized()
        and torch.distributed.get_world_size() > 1
    ):
        torch.distributed.barrier()


class AtomicCheckpointIO(TorchCheckpointIO):
    """Lightning checkpoint IO that never leaves a truncated .ckpt behind."""

    def save_checkpoint(
        self, checkpoint: dict[str, Any], path: Any, storage_options: Any | None = None
    ) -> None:
        with atomic_file(path) as handle:
            torch.save(checkpoint, handle)


def export_hf_checkpoint(
    model: torch.nn.Module, tokenizer: Any, out_dir: str | Path, merge_lora: bool = True
) -> Path:
    """Write a Hugging Face checkpoint `AutoModelForCausalLM.from_pretrained` can load.

    With peft adapters and `merge_lora`, the adapters are merged into a copy-free unloaded
    model (the in-memory peft model is merged in place, so call this at the end of training).
    The weights are saved in the dtype the model was loaded in (`config.dtype`, i.e.
    `model.dtype` of a Hub / local checkpoint): the fp32 trained parameters of a bf16 model
    (`medlab.models.precision`) are cast back in place, so a bf16 4B export is not doubled.
    """
    out_dir = Path(out_dir)
    to_save: Any = model
    if hasattr(model, "merge_and_unload") and merge_lora:
        to_save = model.merge_and_unload()  # type: ignore[operator]
    dtype = export_dtype(to_save)
    if dtype is not None and any(
        p.is_floating_point() and p.dtype != dtype for p in to_save.parameters()
    ):
        to_save.to(dtype)
    with atomic_directory(out_dir) as tmp:
        to_save.save_pretrained(tmp, safe_serialization=True)
        tokenizer.save_pretrained(tmp)
    return out_dir
