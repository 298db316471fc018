"""User-facing errors.

A `MedlabError` is a mistake the user can fix (bad config value, malformed data row, missing model,
no network). `medlab.run` prints its message alone, without a traceback, and exits with status 2.
Every message names the key / file / line at fault and what to do about it.
"""


class MedlabError(Exception):
    """A mistake the user can fix; the message says where and how."""


class ConfigError(MedlabError):
    """An invalid config value; the message names the dotted key."""


class DataError(MedlabError):
    """A malformed data file or row; the message names the file, line and field."""


class ModelLoadError(MedlabError):
    """A model or tokenizer that cannot be loaded (missing, offline, wrong path)."""
