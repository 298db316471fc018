"""User-facing errors.

A `MedlabError` is a mistake the user can fix (bad config value, malformed data row, missing model,
no network). `medlab.run` prints its message alone, without a traceback, and exits with status 2.
Every message names the key / file / line at fault and what to do about it.
"""

import errno


class MedlabError(Exception):
    """A mistake the user can fix; the message says where and how."""


class ConfigError(MedlabError):
    """An invalid config value; the message names the dotted key."""


class DataError(MedlabError):
    """A malformed data file or row; the message names the file, line and field."""


class ModelLoadError(MedlabError):
    """A model or tokenizer that cannot be loaded (missing, offline, wrong path)."""


class OutputError(MedlabError):
    """An output (run directory, checkpoint, result file) that cannot be written: full disk,
    read-only or unwritable location. Nothing half-written is left behind that looks whole."""


_DISK_FULL = {errno.ENOSPC, errno.EDQUOT}
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


def output_error(
    exc: OSError, key: str = "hydra.run.dir", path: object = None
) -> OutputError | None:
    """An OutputError for a full disk or an unwritable location (`exc` while writing `path`,
    default the exception's own file name), naming the file and `key` to change; None for any
    other OSError."""
    target = path if path is not None else exc.filename
    where, it = (f"{target}", "it") if target else (key, "the run's outputs")
    if exc.errno in _DISK_FULL:
        return OutputError(
            f"{where}: no space left on device ({errno.errorcode[exc.errno]}) while writing {it}; "
            "nothing half-written was kept. Free space there, or set "
            f"{key}=<a directory on a larger disk>, and re-run the same command (finished stages "
            "are skipped, an interrupted one resumes from its last checkpoint)."
        )
    if exc.errno in _NOT_WRITABLE:
        why = "read-only file system" if exc.errno == errno.EROFS else "permission denied"
        return OutputError(
            f"{where}: cannot write or read {it} ({why}). Make it writable / readable by this user "
            f"or set {key}=<a writable directory>."
        )
    return None
