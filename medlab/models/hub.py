"""Turn Hugging Face Hub / file-system failures into one clear `ModelLoadError`."""

from __future__ import annotations

import contextlib
import os
import pickle
import zipfile
from collections.abc import Iterator
from pathlib import Path

from safetensors import SafetensorError

from medlab.errors import ModelLoadError

# What reading a damaged weights file raises: safetensors' header / buffer checks, torch.load on
# a truncated pickle (.bin), a zip archive cut short.
CORRUPT_WEIGHTS: tuple[type[BaseException], ...] = (
    SafetensorError,
    pickle.UnpicklingError,
    EOFError,
    zipfile.BadZipFile,
)


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "0").lower() in ("1", "true", "yes", "on")


@contextlib.contextmanager
def hub_errors_as_model_load_error(source: str, key: str = "model.path") -> Iterator[None]:
    """Re-raise loading failures of `source` as a ModelLoadError that says what to do."""
    local = Path(source).expanduser()
    if source.startswith(("/", ".", "~")) and not local.exists():
        raise ModelLoadError(
            f"{key}: directory {source!r} does not exist. Point {key} at a local Hugging Face "
            "checkpoint directory or a Hub id."
        )
    try:
        yield
    except ModelLoadError:
        raise
    except CORRUPT_WEIGHTS as exc:
        raise ModelLoadError(
            f"could not load {source!r} ({key}): a weights file is corrupt or truncated "
            f"({exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}). Copy "
            "the checkpoint again or re-export it (a medlab export is complete when its COMPLETE "
            "marker exists)."
        ) from exc
    except (OSError, ValueError) as exc:
        looks_local = source.startswith(("/", ".", "~")) or Path(source).exists()
        if looks_local:
            detail = (
                f"could not load {source!r} ({key}): {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0] if str(exc) else ''}. Check that the directory "
                "holds a Hugging Face checkpoint (config.json, *.safetensors, tokenizer files)."
            )
        else:
            why = (
                "HF_HUB_OFFLINE is set"
                if _offline()
                else "the Hugging Face Hub could not be reached or the id is wrong"
            )
            detail = (
                f"model {source!r} ({key}) is not in the local Hugging Face cache and {why}. "
                f"Download it where there is network (`hf download {source} --local-dir DIR`), "
                f"copy DIR here and run with model.path=DIR."
            )
        raise ModelLoadError(detail) from exc
