"""Check that the run (or sweep) directory can be created and written before Hydra uses it.

Hydra creates `hydra.run.dir` itself, before `medlab.run.main` starts, so a directory under a
file, on a read-only file system, without permission or on a full disk would end in Hydra's
traceback. `OutputDirCheck` (a Hydra callback, `conf/config.yaml` `hydra.callbacks`) creates the
directory and writes and removes a probe file first; on failure it prints one `medlab: error:`
line naming the key and the directory and exits with status 2.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from hydra.experimental.callback import Callback
from omegaconf import DictConfig, OmegaConf

from medlab.errors import OutputError


def check_writable(directory: str | Path, key: str) -> None:
    """Create `directory` (and its parents) and write a probe file in it; OutputError naming
    `key` and the directory if either fails."""
    directory = Path(directory)
    try:
        if directory.exists() and not directory.is_dir():
            raise OSError(errno.ENOTDIR, "not a directory", str(directory))
        directory.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".medlab-write-check-", dir=directory)
        try:
            os.write(fd, b"ok\n")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        why = {
            errno.ENOTDIR: "it or one of its parents is a file, not a directory",
            errno.EEXIST: "a file of that name exists",
            errno.ENAMETOOLONG: "the name is too long",
            errno.EROFS: "read-only file system",
            errno.EACCES: "permission denied",
            errno.EPERM: "permission denied",
            errno.ENOSPC: "no space left on device",
            errno.EDQUOT: "disk quota exceeded",
        }.get(exc.errno or 0, f"{type(exc).__name__}: {exc.strerror or exc}")
        raise OutputError(
            f"{key}: cannot create or write the directory {directory} ({why}). "
            f"Set {key}=<a writable directory>."
        ) from exc


def _check_or_exit(config: DictConfig, key: str) -> None:
    directory = OmegaConf.select(config, key)
    if directory is None:
        return
    try:
        check_writable(str(directory), key)
    except OutputError as exc:
        print(f"medlab: error: {exc}", file=sys.stderr)
        sys.exit(2)


class OutputDirCheck(Callback):
    """Hydra callback: `hydra.run.dir` (a run) or `hydra.sweep.dir` (-m) must be writable."""

    def on_run_start(self, config: DictConfig, **kwargs: Any) -> None:
        _check_or_exit(config, "hydra.run.dir")

    def on_multirun_start(self, config: DictConfig, **kwargs: Any) -> None:
        _check_or_exit(config, "hydra.sweep.dir")
