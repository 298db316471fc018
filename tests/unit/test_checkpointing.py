"""Atomic writes: a failure mid-write never leaves something that looks complete."""

from __future__ import annotations

import pickle

import pytest
import torch

from medlab.atomic_files import atomic_directory, atomic_write_json, is_complete
from medlab.checkpointing import AtomicCheckpointIO


class Unpicklable:
    def __reduce__(self):
        raise RuntimeError("disk full (simulated)")


def test_atomic_checkpoint_keeps_previous_file_on_failure(tmp_path):
    path = tmp_path / "last.ckpt"
    io = AtomicCheckpointIO()
    io.save_checkpoint({"global_step": 4, "w": torch.ones(3)}, path)
    with pytest.raises((RuntimeError, pickle.PicklingError)):
        io.save_checkpoint({"global_step": 6, "bad": Unpicklable()}, path)
    assert torch.load(path, weights_only=False)["global_step"] == 4
    assert [p.name for p in tmp_path.iterdir()] == ["last.ckpt"], "no temp file left behind"


def test_atomic_directory_only_appears_when_complete(tmp_path):
    target = tmp_path / "hf_checkpoint"
    with pytest.raises(RuntimeError), atomic_directory(target) as tmp:
        (tmp / "model.safetensors").write_bytes(b"half")
        raise RuntimeError("killed mid-save")
    assert not target.exists() and not list(tmp_path.iterdir())

    with atomic_directory(target) as tmp:
        (tmp / "model.safetensors").write_bytes(b"whole")
    assert is_complete(target) and (target / "model.safetensors").read_bytes() == b"whole"

    # Replacing an existing export swaps it whole.
    with atomic_directory(target) as tmp:
        (tmp / "model.safetensors").write_bytes(b"newer")
    assert (target / "model.safetensors").read_bytes() == b"newer"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hf_checkpoint"]


def test_atomic_write_json_replaces_whole(tmp_path):
    path = tmp_path / "results.json"
    atomic_write_json(path, {"a": 1})
    with pytest.raises(TypeError):
        atomic_write_json(path, {"a": object.__new__(type("X", (), {"__str__": None}))})
    assert path.read_text().strip().startswith("{")
    assert '"a": 1' in path.read_text()


def test_atomic_files_get_the_umask_mode_not_mkstemp_0600(tmp_path):
    """Result files are readable by the group like any file the user creates (umask 022 here)."""
    import os

    from medlab.atomic_files import atomic_write_text

    old = os.umask(0o022)
    try:
        import importlib

        import medlab.atomic_files as atomic_files

        importlib.reload(atomic_files)
        atomic_files.atomic_write_text(tmp_path / "card.md", "x")
        assert (tmp_path / "card.md").stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(old)
    atomic_write_text(tmp_path / "other.md", "y")
    assert (tmp_path / "other.md").read_text() == "y"
