"""User mistakes at the command line end in one `medlab: error:` line, exit status 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO_ROOT


def run_cli(*overrides: str, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", MEDLAB_LOG_DIR=str(tmp_path / "logs"))
    return subprocess.run(
        [sys.executable, "-m", "medlab.run", "logger=csv", *overrides],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_hub_model_without_network_says_how_to_use_a_local_copy(tmp_path):
    out = run_cli("model=qwen3_4b_base", "hardware=cpu", tmp_path=tmp_path)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    line = [x for x in out.stderr.splitlines() if x.startswith("medlab: error:")]
    assert len(line) == 1
    assert "Qwen/Qwen3-4B-Base" in line[0] and "not in the local Hugging Face cache" in line[0]
    assert "model.path=DIR" in line[0]


def test_malformed_row_names_file_line_and_field(tmp_path):
    good = {"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}
    bad = {"messages": [{"role": "user", "content": "q"}, {"role": "bot", "content": "a"}]}
    data = tmp_path / "train.jsonl"
    data.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    out = run_cli(f"data.train_files=[{data}]", "data.val_files=[]", tmp_path=tmp_path)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert f"medlab: error: {data}:3: field 'messages[1].role': unknown role 'bot'" in out.stderr
