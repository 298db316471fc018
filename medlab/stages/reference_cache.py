"""The on-disk cache of precomputed DPO reference log-probs (``stage.reference=precomputed``).

Reference log-probs are computed once before training (`medlab.stages.dpo_setup`) and cached
under a key derived from everything they depend on: the reference checkpoint
(`checkpoint_identity`), the tokenizer (`tokenizer_identity`), the data files and settings, the
max length and the split (`cache_key`). A sweep reuses them; a changed input changes the key,
so a stale cache is never read.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save

from medlab.atomic_files import atomic_write_bytes

log = logging.getLogger(__name__)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def checkpoint_identity(path: str | None, revision: str | None, tiny: dict[str, Any] | None) -> str:
    """A string that changes whenever the reference weights can change."""
    if path is None:
        return "tiny:" + json.dumps(tiny, sort_keys=True)
    local = Path(path)
    if local.is_dir():
        files = sorted(p for p in local.iterdir() if p.suffix in (".safetensors", ".json", ".bin"))
        return "dir:" + ",".join(f"{p.name}={_file_digest(p)}" for p in files)
    return f"hub:{path}@{revision or 'main'}"


def tokenizer_identity(tokenizer: Any) -> str:
    vocab = json.dumps(sorted(tokenizer.get_vocab().items()))
    return hashlib.sha256((vocab + (tokenizer.chat_template or "")).encode()).hexdigest()


def cache_key(
    reference: str,
    tokenizer: str,
    data_files: list[str],
    data_settings: dict[str, Any],
    max_length: int,
    split: str,
) -> str:
    """sha256 of everything the reference log-probs depend on."""
    parts = {
        "reference": reference,
        "tokenizer": tokenizer,
        "data": [(f, _file_digest(Path(f)) if Path(f).is_file() else f) for f in data_files],
        "data_settings": data_settings,
        "max_length": max_length,
        "split": split,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"ref_logps-{key[:24]}.safetensors"


def load_cached(cache_dir: Path, key: str, expected: int) -> dict[str, torch.Tensor] | None:
    path = cache_path(cache_dir, key)
    if not path.is_file():
        return None
    tensors = load_file(str(path))
    if tensors["chosen"].shape[0] != expected:
        log.warning(
            "ignoring reference cache %s: %d rows, expected %d",
            path,
            tensors["chosen"].shape[0],
            expected,
        )
        return None
    log.info("reference log-probs: reusing %s", path)
    return tensors


def save_cached(cache_dir: Path, key: str, chosen: torch.Tensor, rejected: torch.Tensor) -> Path:
    path = cache_path(cache_dir, key)
    data = save(
        {"chosen": chosen.contiguous(), "rejected": rejected.contiguous()}, metadata={"key": key}
    )
    atomic_write_bytes(path, data)
    return path
