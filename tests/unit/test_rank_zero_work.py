"""Rank-0-only work (evaluation, merging) with the other ranks waiting on a marker file."""

from __future__ import annotations

import json
import threading
import time

import pytest

from medlab import rank_zero_work
from medlab.atomic_files import atomic_write_json
from medlab.errors import ConfigError, MedlabError
from medlab.rank_zero_work import ATTEMPT_ENV, attempt_id, run_on_rank_zero


@pytest.fixture
def launch(monkeypatch):
    for name in (
        ATTEMPT_ENV,
        "TORCHELASTIC_RUN_ID",
        "SLURM_JOB_ID",
        "NODE_RANK",
        "SLURM_RESTART_COUNT",
    ):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _as_rank(monkeypatch, rank: int) -> None:
    monkeypatch.setattr(rank_zero_work, "is_rank_zero", lambda: rank == 0)


def test_rank_zero_works_and_writes_the_marker(launch, tmp_path):
    _as_rank(launch, 0)
    marker = tmp_path / "phase" / ".eval_rank0.json"
    assert run_on_rank_zero(marker, lambda: {"acc": 0.5}, "evaluation") == {"acc": 0.5}
    assert json.loads(marker.read_text()) == {"attempt": attempt_id(), "ok": True}


def test_a_failure_on_rank_zero_is_recorded_and_raised(launch, tmp_path):
    _as_rank(launch, 0)
    marker = tmp_path / ".merge_rank0.json"

    def boom():
        raise ValueError("mergekit: bad base model")

    with pytest.raises(ValueError):
        run_on_rank_zero(marker, boom, "merge phase m")
    record = json.loads(marker.read_text())
    assert record["ok"] is False and "bad base model" in record["error"]
    _as_rank(launch, 1)  # the other ranks raise with rank 0's reason instead of hanging
    with pytest.raises(MedlabError, match="merge phase m failed on rank 0: mergekit: bad base"):
        run_on_rank_zero(marker, boom, "merge phase m", poll_s=0.01)


def test_other_ranks_wait_for_this_launchs_marker_and_ignore_a_stale_one(launch, tmp_path):
    launch.setenv(ATTEMPT_ENV, "launch-2")
    marker = tmp_path / ".eval_rank0.json"
    atomic_write_json(marker, {"attempt": "launch-1", "ok": True})  # an interrupted earlier run
    _as_rank(launch, 1)
    done: list[object] = []
    waiter = threading.Thread(
        target=lambda: done.append(run_on_rank_zero(marker, lambda: 1, "eval", poll_s=0.01))
    )
    waiter.start()
    time.sleep(0.3)
    assert waiter.is_alive() and not done  # the stale marker did not release it
    atomic_write_json(marker, {"attempt": "launch-2", "ok": True})
    waiter.join(timeout=5)
    assert done == [None]


def test_the_attempt_id_comes_from_the_launcher_and_is_kept(launch):
    launch.setenv("TORCHELASTIC_RUN_ID", "tr-42")
    launch.setenv("TORCHELASTIC_RESTART_COUNT", "1")
    assert attempt_id() == "tr-42-1"
    launch.delenv("TORCHELASTIC_RUN_ID")
    assert attempt_id() == "tr-42-1"  # fixed for the launch (and inherited by spawned ranks)
    launch.delenv(ATTEMPT_ENV)
    launch.setenv("SLURM_JOB_ID", "7")
    launch.setenv("SLURM_RESTART_COUNT", "2")
    assert attempt_id() == "slurm-7-2"  # a requeued job is a new attempt


def test_a_manual_multi_node_launch_without_a_shared_id_is_refused(launch):
    launch.setenv("NODE_RANK", "1")
    with pytest.raises(ConfigError, match=f"export {ATTEMPT_ENV}="):
        attempt_id()
