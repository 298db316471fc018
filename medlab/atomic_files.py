"""Atomic file writes: nothing half-written ever looks whole (no torch; cheap to import).

- `atomic_write_text` / `atomic_write_json` / `atomic_write_bytes`: write to a temp file in the
  same directory, fsync, then `os.replace` (atomic on POSIX). A full disk or an unwritable
  location raises one `OutputError` naming the file (the temp file is removed).
- `finite_json`: JSON data with every non-finite number replaced and listed, so a NaN never
  reads as a result.
- `atomic_directory`: build a directory under a temp name and rename it into place at the end,
  its `COMPLETE` marker written last (`is_complete`); a crash leaves only a `.tmp-*` directory
  that is ignored and cleaned up next time.
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

from medlab.errors import output_error

COMPLETE_MARKER = "COMPLETE"


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
