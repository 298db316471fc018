"""Atomic writes: nothing half-written ever looks whole.

- `atomic_write_text` / `atomic_write_json`: write to a temp file in the same directory, fsync,
  then `os.replace` (atomic on POSIX). A full disk or an unwritable location raises one
  `OutputError` naming the file (the temp file is removed, nothing looks whole).
- `atomic_directory`: build a directory under a temp name and rename it into place at the end;
  a crash leaves only a `.tmp-*` directory that is ignored and cleaned up next time.
- `AtomicCheckpointIO`: Lightning checkpoints (`*.ckpt`) written the same way.
- `export_hf_checkpoint`: `save_pretrained` weights (safetensors, in the dtype the model was
  loaded in), tokenizer and chat template, atomically, with LoRA adapters merged in when asked.
- `is_rank_zero` / `wait_for_rank_zero`: under DDP / FSDP every rank runs the same code, and
  shared files (results, manifest, exports) are written by global rank 0 only; the other
  ranks wait at a barrier where they need what rank 0 wrote.
"""

from __future__ import annotations

import contextlib
import json
import math
import numbers
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import torch
from lightning.pytorch.plugins.io import TorchCheckpointIO

from medlab.errors import output_error
from medlab.models.precision import export_dtype

COMPLETE_MARKER = "COMPLETE"


def is_rank_zero() -> bool:
    """True in the process that writes shared files: global rank 0, or a single process.

    Before a process group exists, the rank comes from the launcher's environment (LOCAL_RANK
    for Lightning's re-launched ranks, SLURM_PROCID under SLURM), as Lightning reads it.
    """
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        return torch.distributed.get_rank() == 0
    from lightning.fabric.utilities.rank_zero import rank_zero_only

    return int(getattr(rank_zero_only, "rank", 0)) == 0


def wait_for_rank_zero() -> None:
    """Barrier over all ranks (no-op in one process): rank 0's files are complete after it."""
    if (
        torch.distributed.is_available()
        and torch.distributed.is_initialized()
        and torch.distributed.get_world_size() > 1
    ):
        torch.distributed.barrier()


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_CREATE_MODE = _umask_mode()


@contextlib.contextmanager
def atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """A binary handle on a temp file that replaces `path` (fsynced) only if the block ends."""
    path = Path(path)
    with _output_errors(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.tmp-", dir=path.parent)
    try:
        with _output_errors(path), os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _CREATE_MODE)  # mkstemp makes 0600; give the usual umask-based mode
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


@contextlib.contextmanager
def _output_errors(path: Path) -> Iterator[None]:
    """A full disk or an unwritable location while writing `path` -> one OutputError line."""
    try:
        yield
    except OSError as exc:
        error = output_error(exc, path=path)
        if error is None:
            raise
        raise error from exc


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_file(path) as handle:
        handle.write(data)


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: str | Path, data: Any) -> None:
    """Strict JSON (no bare NaN / Infinity): non-finite numbers become null, and a dict gets
    their dotted paths under `NONFINITE_KEY` (see `finite_json`)."""
    text = json.dumps(finite_json(data), indent=2, sort_keys=True, default=str, allow_nan=False)
    atomic_write_text(path, text + "\n")


NONFINITE_KEY = "nonfinite"


def finite_json(data: Any) -> Any:
    """A copy of `data` with every non-finite float (NaN, +-inf; numpy floats too) replaced by
    None; if `data` is a dict, `data[NONFINITE_KEY]` lists where they were (e.g.
    ``["val_after.val/loss", "val_loss_after"]``, merged with an existing list)."""
    found: list[str] = []
    clean = _finite_copy(data, "", found)
    if found and isinstance(clean, dict):
        previous = clean.get(NONFINITE_KEY)
        previous = list(previous) if isinstance(previous, list) else []
        clean[NONFINITE_KEY] = sorted(set(previous) | set(found))
    return clean


def _finite_copy(value: Any, where: str, found: list[str]) -> Any:
    if isinstance(value, dict):
        prefix = f"{where}." if where else ""
        return {k: _finite_copy(v, f"{prefix}{k}", found) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite_copy(v, f"{where}[{i}]", found) for i, v in enumerate(value)]
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        if not math.isfinite(float(value)):
            found.append(where or "(value)")
            return None
        return float(value)
    return value


@contextlib.contextmanager
def atomic_directory(final: str | Path) -> Iterator[Path]:
    """Yield a temp directory that replaces `final` only if the block completes."""
    final = Path(final)
    with _output_errors(final):
        final.parent.mkdir(parents=True, exist_ok=True)
        for stale in final.parent.glob(f".{final.name}.tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=final.parent))
    try:
        with _output_errors(final):
            yield tmp
            (tmp / COMPLETE_MARKER).write_text("complete\n")
        if final.exists():
            old = final.with_name(f".{final.name}.old-{os.getpid()}")
            os.replace(final, old)
            os.replace(tmp, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, final)
        _fsync_dir(final.parent)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def is_complete(directory: str | Path) -> bool:
    """True if `directory` was finished by `atomic_directory` (its marker is written last)."""
    return (Path(directory) / COMPLETE_MARKER).is_file()


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
