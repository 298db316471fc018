"""Issue 12 part 4: every bad input ends in ONE `medlab: error:` line naming the file:line or the
key, exit status 2, no traceback, and nothing that looks finished (no COMPLETE marker, no
results.json / summary.json / manifest.json, no half-written temp file).

One section per category: config values, data rows, checkpoints, merge inputs, run directory /
disk. Each has at least one case through the real command line (`python -m medlab.run`); the
other cases call the loaders in-process (seconds each).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from medlab import chat
from medlab.atomic_files import atomic_write_json
from medlab.checkpointing import export_hf_checkpoint
from medlab.config import (
    DataConfig,
    GRPOConfig,
    MergeConfig,
    ModelConfig,
    ModelShape,
    SFTConfig,
    TinyModelConfig,
)
from medlab.data.grpo_prompts import prompt_row
from medlab.data.loading import load_splits
from medlab.errors import ConfigError, DataError, ModelLoadError, OutputError, output_error
from medlab.merge.mergekit_merge import run_merge_stage
from medlab.models.build import build_tiny_model
from medlab.models.tokenizer import load_tokenizer
from medlab.output_dir import check_writable
from medlab.preflight import check_context_length, max_positions, plan_experiment
from medlab.stage_registry import run_stage
from medlab.stages.preference_datamodule import load_pairs
from tests.conftest import REPO_ROOT, compose_config

FAST = ["logger=csv", "stage.max_steps=1", "stage.warmup_steps=0", "stage.val_every_n_steps=1"]
SMALL_TINY = TinyModelConfig(
    hidden_size=64,
    num_hidden_layers=2,
    num_attention_heads=4,
    num_key_value_heads=2,
    intermediate_size=128,
)
FINISHED_LOOKING = {"COMPLETE", "results.json", "summary.json", "manifest.json"}


def run_cli(*args: str, tmp_path: Path, prelude: str | None = None) -> subprocess.CompletedProcess:
    """`python -m medlab.run ARGS` (with `prelude` Python run first in the same process)."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", MEDLAB_LOG_DIR=str(tmp_path / "logs"))
    if prelude is None:
        command = [sys.executable, "-m", "medlab.run", *args]
    else:
        runner = "import runpy; runpy.run_module('medlab.run', run_name='__main__')"
        command = [sys.executable, "-c", f"{prelude}\n{runner}", *args]
    return subprocess.run(
        command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, env=env
    )


def one_error_line(out: subprocess.CompletedProcess) -> str:
    """The single `medlab: error:` line of a run that exited with status 2, no traceback."""
    assert out.returncode == 2, out.stderr[-3000:]
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    lines = [x for x in out.stderr.splitlines() if x.startswith("medlab: error:")]
    assert len(lines) == 1, out.stderr[-3000:]
    return lines[0]


def assert_nothing_finished(root: Path) -> None:
    """No completed-looking output under `root`: markers, result files, temp leftovers."""
    if not root.exists():
        return
    names = [p.name for p in root.rglob("*")]
    assert not FINISHED_LOOKING & set(names), sorted(names)
    assert not [n for n in names if ".tmp-" in n], sorted(names)
    assert not (root / "hf_checkpoint").exists()


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory) -> dict[str, Path]:
    """A good tiny checkpoint and broken copies: truncated / garbage weights, no tokenizer,
    a tokenizer with an empty vocabulary."""
    root = tmp_path_factory.mktemp("checkpoints")
    tokenizer = load_tokenizer(None)
    good = root / "good"
    build_tiny_model(SMALL_TINY, tokenizer).save_pretrained(good)
    tokenizer.save_pretrained(good)
    out = {"good": good}
    for name in ("truncated", "garbage", "no_tokenizer", "empty_vocab", "bad_config"):
        out[name] = root / name
        shutil.copytree(good, out[name])
    weights = (good / "model.safetensors").read_bytes()
    (out["truncated"] / "model.safetensors").write_bytes(weights[: len(weights) // 2])
    (out["garbage"] / "model.safetensors").write_bytes(b"not a safetensors file\n")
    (out["bad_config"] / "config.json").write_text("{garbage")
    for file in ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja"):
        (out["no_tokenizer"] / file).unlink()
    data = json.loads((good / "tokenizer.json").read_text())
    data["model"]["vocab"], data["model"]["merges"], data["added_tokens"] = {}, [], []
    (out["empty_vocab"] / "tokenizer.json").write_text(json.dumps(data))
    return out


# --------------------------------------------------------------------------------------------
# Config values
# --------------------------------------------------------------------------------------------
def test_cli_non_integer_seed_is_one_error_line(tmp_path):
    run_dir = tmp_path / "run"
    out = run_cli("seed=abc", *FAST, f"hydra.run.dir={run_dir}", tmp_path=tmp_path)
    line = one_error_line(out)
    assert line.startswith("medlab: error: seed: expected an integer")
    assert "'abc'" in line and "seed=<integer>" in line
    assert_nothing_finished(run_dir)


@pytest.mark.parametrize("value", ["1.5", "-1", "true", "4294967296", "null"])
def test_seed_must_be_an_integer_a_seed_function_accepts(value):
    with pytest.raises(ConfigError) as exc:
        list(plan_experiment(compose_config([f"seed={value}"]), []))
    assert str(exc.value).startswith("seed: expected an integer in [0, 4294967295]")


def test_max_length_beyond_the_tiny_models_context_stops_the_preflight():
    with pytest.raises(ConfigError) as exc:
        list(plan_experiment(compose_config(["stage.max_length=4096", *FAST]), []))
    msg = str(exc.value)
    assert msg.startswith("stage.max_length (4096) is longer than the model's context")
    assert "2048 tokens (model.tiny.max_position_embeddings)" in msg
    assert "Set stage.max_length=2048 or less" in msg


def test_max_length_against_real_model_shapes_checkpoints_and_grpo(checkpoints):
    def key(group: str, name: str) -> str:
        return f"{group}.{name}"

    qwen = ModelConfig(name="q", path="Qwen/Qwen3-4B-Base", shape=ModelShape())
    with pytest.raises(ConfigError, match=r"model.shape.max_position_embeddings"):
        check_context_length(qwen, SFTConfig(max_length=40000, warmup_steps=0), key)
    check_context_length(qwen, SFTConfig(max_length=32768, warmup_steps=0), key)  # fits
    local = ModelConfig(name="local", path=str(checkpoints["good"]))
    assert max_positions(local) == (
        2048,
        f"max_position_embeddings in {checkpoints['good'] / 'config.json'}",
    )
    tiny = ModelConfig(name="t", tiny=TinyModelConfig())
    grpo = GRPOConfig(
        max_prompt_length=2000, max_completion_length=100, warmup_steps=0, max_steps=1
    )
    with pytest.raises(ConfigError) as exc:
        check_context_length(tiny, grpo, key)
    assert str(exc.value).startswith(
        "stage.max_prompt_length + stage.max_completion_length (2000 + 100 = 2100) is longer"
    )


# --------------------------------------------------------------------------------------------
# Data rows
# --------------------------------------------------------------------------------------------
def _chat(*messages: dict) -> dict:
    return {"messages": list(messages)}


GOOD_ROW = _chat({"role": "user", "content": "q"}, {"role": "assistant", "content": "a"})
CALL = {"type": "function", "function": {"name": "search", "arguments": {"q": "x"}}}


def _jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_cli_non_utf8_bytes_name_file_and_line(tmp_path):
    data = tmp_path / "train.jsonl"
    bad = json.dumps(_chat({"role": "user", "content": "cafe"}, GOOD_ROW["messages"][1]))
    text = (json.dumps(GOOD_ROW) + "\n") * 2 + bad + "\n"
    data.write_bytes(text.encode().replace(b"cafe", b"caf\xe9"))
    run_dir = tmp_path / "run"
    out = run_cli(
        f"data.train_files=[{data}]",
        "data.val_files=[]",
        *FAST,
        f"hydra.run.dir={run_dir}",
        tmp_path=tmp_path,
    )
    line = one_error_line(out)
    column = bad.index("cafe") + 4
    assert line == (
        f"medlab: error: {data}:3: not UTF-8 text (byte 0xe9 at column {column}). Save the file "
        "as UTF-8, e.g. `iconv -f latin1 -t utf-8 IN > OUT`."
    )
    assert_nothing_finished(run_dir)


BAD_CHAT_ROWS = {
    "empty_user": (
        _chat({"role": "user", "content": ""}, {"role": "assistant", "content": "a"}),
        "messages[0].content",
        "is empty (every user message needs text)",
    ),
    "blank_assistant": (
        _chat({"role": "user", "content": "q"}, {"role": "assistant", "content": " \n "}),
        "messages[1].content",
        "is empty (every assistant message needs text)",
    ),
    "empty_tool_result": (
        _chat(
            {"role": "user", "content": "q"},
            {"role": "assistant", "content": "", "tool_calls": [CALL]},
            {"role": "tool", "content": ""},
            {"role": "assistant", "content": "a"},
        ),
        "messages[2].content",
        "is empty (every tool message needs text)",
    ),
    "call_never_answered": (
        _chat(
            {"role": "user", "content": "q"},
            {"role": "assistant", "content": "", "tool_calls": [CALL]},
        ),
        "messages[1].tool_calls",
        "the conversation ends with a tool call that has no tool result after it",
    ),
    "call_followed_by_user": (
        _chat(
            {"role": "user", "content": "q"},
            {"role": "assistant", "content": "", "tool_calls": [CALL]},
            {"role": "user", "content": "well?"},
            {"role": "assistant", "content": "a"},
        ),
        "messages[1].tool_calls",
        "the tool call has no tool result after it (the next message is 'user')",
    ),
}


@pytest.mark.parametrize("case", BAD_CHAT_ROWS)
def test_bad_chat_rows_stop_naming_file_line_and_field(tmp_path, case):
    row, field, problem = BAD_CHAT_ROWS[case]
    path = _jsonl(tmp_path / "train.jsonl", [GOOD_ROW, row, GOOD_ROW])
    with pytest.raises(DataError) as exc:
        load_splits(DataConfig(name="t", train_files=[str(path)], val_fraction=0.0))
    assert str(exc.value).startswith(f"{path}:2: field '{field}': {problem}")


def test_an_answered_tool_call_with_empty_content_is_valid(tmp_path):
    row = _chat(
        {"role": "user", "content": "q"},
        {"role": "assistant", "content": "", "tool_calls": [CALL]},
        {"role": "tool", "content": "result"},
        {"role": "assistant", "content": "a"},
    )
    path = _jsonl(tmp_path / "train.jsonl", [row])
    assert load_splits(DataConfig(name="t", train_files=[str(path)], val_fraction=0.0))[0] == [row]


def test_grpo_prompt_with_empty_content_names_the_field():
    row = {"prompt": [{"role": "system", "content": " "}, {"role": "user", "content": "q"}]}
    with pytest.raises(DataError, match=r"f:4: field 'prompt\[0\].content': must be a non-empty"):
        prompt_row({**row, "answer": "A"}, "f:4")


def _pair(chosen: str, rejected: str) -> dict:
    return {
        "prompt": [{"role": "user", "content": "How much ibuprofen for my child?"}],
        "chosen": [{"role": "assistant", "content": chosen}],
        "rejected": [{"role": "assistant", "content": rejected}],
    }


def test_preference_pairs_with_chosen_equal_rejected_are_dropped_and_counted(tmp_path):
    good = _pair("Ask a pharmacist; I can't dose.", "Give 200 mg.")
    ties = [_pair("Same answer.", "Same answer."), _pair("Same.", "  Same.\n")]
    path = _jsonl(tmp_path / "train.jsonl", [good, ties[0], good, ties[1]])
    data = DataConfig(name="t", format="preference", train_files=[str(path)])
    dropped: dict[str, int] = {}
    pairs = load_pairs(data, "train", dropped)
    assert len(pairs) == 2 and all(p.chosen != p.rejected for p in pairs)
    assert dropped == {"train/chosen_equals_rejected": 2}


@pytest.mark.slow
def test_dropped_pairs_are_reported_in_results_json(tmp_path):
    good = [_pair(f"Ask a pharmacist ({i}).", f"Give {100 + i} mg.") for i in range(6)]
    tie = _pair("Same answer.", "Same answer.")
    train = _jsonl(tmp_path / "train.jsonl", [*good, tie, tie])
    val = _jsonl(tmp_path / "val.jsonl", [good[0], tie])
    cfg = compose_config(
        [
            "stage=dpo",
            "data=policy_dpo_sample",
            *FAST,
            "model.tiny.hidden_size=64",
            "model.tiny.num_hidden_layers=2",
            "model.tiny.intermediate_size=128",
            f"data.train_files=[{train}]",
            f"data.val_files=[{val}]",
            "stage.micro_batch_size=2",
            "stage.val_before_training=false",
        ]
    )
    results = run_stage(cfg, tmp_path / "dpo")
    expected = {"train/chosen_equals_rejected": 2, "val/chosen_equals_rejected": 1}
    assert results["data_dropped"] == expected
    on_disk = json.loads((tmp_path / "dpo" / "results.json").read_text())
    assert on_disk["data_dropped"] == expected


# --------------------------------------------------------------------------------------------
# Checkpoints
# --------------------------------------------------------------------------------------------
def test_cli_training_from_corrupt_weights_is_one_error_line(tmp_path, checkpoints):
    run_dir = tmp_path / "run"
    out = run_cli(
        f"model.path={checkpoints['truncated']}",
        *FAST,
        f"hydra.run.dir={run_dir}",
        tmp_path=tmp_path,
    )
    line = one_error_line(out)
    assert f"could not load '{checkpoints['truncated']}' (model.path)" in line
    assert "a weights file is corrupt or truncated (SafetensorError" in line
    assert_nothing_finished(run_dir)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("truncated", "a weights file is corrupt or truncated"),
        ("garbage", "a weights file is corrupt or truncated"),
        ("no_tokenizer", "holds no tokenizer (none of tokenizer.json"),
        ("empty_vocab", "does not encode text"),
    ],
)
def test_chat_with_a_broken_checkpoint_is_one_error_line(checkpoints, capsys, broken, message):
    assert chat.main([f"model.path={checkpoints[broken]}"]) == 2
    err = capsys.readouterr().err
    lines = [x for x in err.splitlines() if x.startswith("medlab: error:")]
    assert len(lines) == 1 and message in lines[0] and str(checkpoints[broken]) in lines[0]
    assert "Traceback" not in err


def test_training_from_a_checkpoint_without_tokenizer_names_the_cause(tmp_path, checkpoints):
    cfg = compose_config([*FAST, f"model.path={checkpoints['no_tokenizer']}"])
    with pytest.raises(ModelLoadError) as exc:
        run_stage(cfg, tmp_path / "sft")
    assert str(exc.value).startswith(
        f"model.tokenizer_path / model.path: {checkpoints['no_tokenizer']} holds no tokenizer"
    )
    assert_nothing_finished(tmp_path / "sft")


def test_dpo_reference_with_corrupt_weights_names_stage_reference_path(tmp_path, checkpoints):
    pairs = [_pair(f"Ask a pharmacist ({i}).", f"Give {100 + i} mg.") for i in range(4)]
    train = _jsonl(tmp_path / "train.jsonl", pairs)
    cfg = compose_config(
        [
            "stage=dpo",
            "data=policy_dpo_sample",
            *FAST,
            f"data.train_files=[{train}]",
            f"data.val_files=[{train}]",
            f"stage.reference_path={checkpoints['garbage']}",
        ]
    )
    with pytest.raises(ModelLoadError) as exc:
        run_stage(cfg, tmp_path / "dpo")
    assert str(exc.value).startswith(
        f"could not load '{checkpoints['garbage']}' (stage.reference_path): a weights file is "
        "corrupt or truncated"
    )
    assert_nothing_finished(tmp_path / "dpo")


# --------------------------------------------------------------------------------------------
# Merge inputs
# --------------------------------------------------------------------------------------------
def test_cli_merging_a_checkpoint_with_itself_is_one_error_line(tmp_path, checkpoints):
    run_dir = tmp_path / "run"
    good = checkpoints["good"]
    out = run_cli(
        "+experiment=merge_only",
        "logger=csv",
        f"merge.base={good}",
        f"merge.other={good}/.",
        f"hydra.run.dir={run_dir}",
        tmp_path=tmp_path,
    )
    line = one_error_line(out)
    assert line.startswith(
        f"medlab: error: merge.other: {good} is the same checkpoint as merge.base"
    )
    assert_nothing_finished(run_dir)


@pytest.mark.parametrize(
    ("base", "other", "message"),
    [
        ("good", "truncated", "merge.other: {other}/model.safetensors is corrupt or truncated"),
        ("garbage", "good", "merge.base: {base}/model.safetensors is corrupt or truncated"),
        ("no_tokenizer", "good", "merge.base: {base} holds no tokenizer"),
        ("good", "bad_config", "merge.other: {other}/config.json is not readable JSON"),
    ],
)
def test_broken_merge_inputs_name_the_key(tmp_path, checkpoints, base, other, message):
    cfg = MergeConfig(base=str(checkpoints[base]), other=str(checkpoints[other]))
    with pytest.raises(ModelLoadError) as exc:
        run_merge_stage(cfg, tmp_path / "merge")
    assert str(exc.value).startswith(
        message.format(base=checkpoints[base], other=checkpoints[other])
    )
    assert_nothing_finished(tmp_path / "merge")


# --------------------------------------------------------------------------------------------
# Run directory and disk
# --------------------------------------------------------------------------------------------
def test_cli_run_dir_under_a_file_is_one_error_line(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a directory\n")
    out = run_cli(*FAST, f"hydra.run.dir={blocker}/run", tmp_path=tmp_path)
    line = one_error_line(out)
    assert line.startswith(
        f"medlab: error: hydra.run.dir: cannot create or write the directory {blocker}/run"
    )
    assert "Set hydra.run.dir=<a writable directory>" in line


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EROFS, "read-only file system"),
        (errno.EACCES, "permission denied"),
        (errno.ENOSPC, "no space left on device"),
    ],
)
def test_unwritable_run_dir_names_the_key(tmp_path, monkeypatch, code, reason):
    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(tmp_path / "run"))

    monkeypatch.setattr("medlab.output_dir.tempfile.mkstemp", refuse)
    with pytest.raises(OutputError) as exc:
        check_writable(tmp_path / "run", "hydra.run.dir")
    assert str(exc.value) == (
        f"hydra.run.dir: cannot create or write the directory {tmp_path / 'run'} ({reason}). "
        "Set hydra.run.dir=<a writable directory>."
    )


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_top_level_disk_errors_without_a_file_name_name_the_run_dir_key():
    full = output_error(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "hydra.run.dir")
    assert str(full).startswith(
        "hydra.run.dir: no space left on device (ENOSPC) while writing the run's outputs;"
    )
    assert output_error(OSError(errno.ENOENT, "missing"), "hydra.run.dir") is None


def test_disk_full_while_writing_results_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr("medlab.atomic_files.os.fsync", _disk_full)
    with pytest.raises(OutputError) as exc:
        atomic_write_json(tmp_path / "results.json", {"val/loss": 1.0})
    assert str(exc.value).startswith(f"{tmp_path / 'results.json'}: no space left on device")
    assert list(tmp_path.iterdir()) == []


def test_disk_full_while_exporting_leaves_no_complete_checkpoint(tmp_path, tiny_model, tokenizer):
    def save_half(directory, **kwargs):
        (Path(directory) / "model.safetensors").write_bytes(b"half")
        _disk_full()

    tiny_model.save_pretrained = save_half
    with pytest.raises(OutputError) as exc:
        export_hf_checkpoint(tiny_model, tokenizer, tmp_path / "hf_checkpoint")
    assert str(exc.value).startswith(f"{tmp_path / 'hf_checkpoint'}: no space left on device")
    assert list(tmp_path.iterdir()) == []


def test_cli_disk_full_during_a_run_is_one_error_line(tmp_path):
    """ENOSPC injected into every fsync of medlab's atomic writers, through the real CLI: the
    first checkpoint / result write of the stage fails, nothing finished-looking is left."""
    run_dir = tmp_path / "run"
    prelude = (
        "import errno, os, types, medlab.atomic_files as c\n"
        "def full(*a):\n"
        "    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
        "c.os = types.SimpleNamespace(**{**vars(os), 'fsync': full})"
    )
    train = _jsonl(tmp_path / "train.jsonl", [GOOD_ROW] * 4)
    out = run_cli(
        *FAST,
        "model.tiny.hidden_size=64",
        "model.tiny.num_hidden_layers=2",
        "model.tiny.intermediate_size=128",
        f"data.train_files=[{train}]",
        f"data.val_files=[{train}]",
        f"hydra.run.dir={run_dir}",
        tmp_path=tmp_path,
        prelude=prelude,
    )
    line = one_error_line(out)
    assert f"{run_dir}/sft/" in line and ": no space left on device (ENOSPC)" in line
    assert "re-run the same command" in line
    assert_nothing_finished(run_dir)


def test_cli_resume_from_a_truncated_lightning_checkpoint_is_one_error_line(tmp_path):
    """An interrupted stage's last.ckpt cut short (e.g. copied off a full disk): one line naming
    the file and the two ways out, not an unpickling traceback; the stage is not finished."""
    run_dir = tmp_path / "run"
    ckpt = run_dir / "sft" / "checkpoints" / "last.ckpt"
    ckpt.parent.mkdir(parents=True)
    ckpt.write_bytes(b"PK\x03\x04 truncated")
    out = run_cli(*FAST, f"hydra.run.dir={run_dir}", tmp_path=tmp_path)
    line = one_error_line(out)
    assert f"{ckpt}: not a readable Lightning checkpoint" in line
    assert "delete it to restart this stage" in line
    assert_nothing_finished(run_dir / "sft")
