"""Issue 12: Hydra's own composition errors (a mistyped key, a config option that does not
exist, an override that is not key=value) end in ONE `medlab: error:` line naming the override
and the fix, exit status 2, no traceback, no run directory content; through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hydra import compose, initialize_config_dir

from medlab.hydra_errors import COMPOSE_ERRORS, compose_error_line
from tests.conftest import REPO_ROOT

CASES = [
    # (overrides, words the one line must contain)
    (["stage.lrr=1"], ["stage.lrr: no such key", "Keys under stage:", " lr,", "+stage.lrr="]),
    (
        ["+experiment=med_advisor", "phase_data.persona.train_files=[]"],
        ["phase_data.persona.train_files: no such key", "phase1, phase2, phase3"],
    ),
    (["lrr=3"], ["lrr: no such key", "Top-level keys:", "stage"]),
    (["model=nosuch"], ["model=nosuch: no such option in conf/model/", "tiny_qwen3"]),
    (["+experiment=nosuch"], ["experiment=nosuch", "tiny_grpo"]),
    (["foo"], ["override 'foo' is not valid Hydra syntax", "missing EQUAL", "key=value"]),
    (["stage.max_steps=[1"], ["override 'stage.max_steps=[1'", "Hydra syntax"]),
]


def _cli(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "HYDRA_FULL_ERROR"}
    full_env.update(HF_HUB_OFFLINE="1", MEDLAB_LOG_DIR=str(tmp_path / "logs"), **env)
    return subprocess.run(
        [sys.executable, "-m", "medlab.run", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=full_env,
    )


@pytest.mark.parametrize(("overrides", "words"), CASES, ids=lambda c: str(c)[:40])
def test_cli_composition_error_is_one_line_exit_2(tmp_path, overrides, words):
    run_dir = tmp_path / "run"
    out = _cli(*overrides, f"hydra.run.dir={run_dir}", tmp_path=tmp_path)
    assert out.returncode == 2, out.stderr[-2000:]
    assert "Traceback" not in out.stderr and "HYDRA_FULL_ERROR" not in out.stderr
    lines = [x for x in out.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("medlab: error: "), out.stderr[-2000:]
    for word in words:
        assert word in lines[0], lines[0]
    assert not run_dir.exists() or not any(run_dir.rglob("*.json"))


def test_a_sweep_with_a_mistyped_key_is_one_line_exit_2(tmp_path):
    out = _cli("-m", "stage.lrr=1,2", f"hydra.sweep.dir={tmp_path / 'sweep'}", tmp_path=tmp_path)
    assert out.returncode == 2, out.stderr[-2000:]
    assert out.stderr.strip().startswith("medlab: error: stage.lrr: no such key")
    assert len(out.stderr.strip().splitlines()) == 1


def test_hydra_full_error_still_gives_hydras_own_trace(tmp_path):
    """A user who asks for Hydra's stack trace gets it (and Hydra's exit status)."""
    out = _cli("stage.lrr=1", tmp_path=tmp_path, HYDRA_FULL_ERROR="1")
    assert out.returncode == 1
    assert "Traceback" in out.stderr and "ConfigCompositionException" in out.stderr
    assert "medlab: error:" not in out.stderr


@pytest.mark.parametrize(("overrides", "words"), CASES, ids=lambda c: str(c)[:40])
def test_compose_error_line_in_process(overrides, words):
    """The same lines from the compose API (the exception objects Hydra raises)."""
    with (
        initialize_config_dir(str(REPO_ROOT / "conf"), version_base="1.3"),
        pytest.raises(COMPOSE_ERRORS) as info,
    ):
        compose("config", overrides=overrides)
    line = compose_error_line(info.value)
    assert "\n" not in line
    for word in words:
        if word.startswith("override '"):  # the compose API words parse errors differently
            continue
        assert word in line, line
