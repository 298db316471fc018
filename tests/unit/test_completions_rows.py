"""completions table rows: bounded rows and text, NaN as null, the config key and its switch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from medlab.completions_log import MAX_CHARS, CompletionsLog, completion_rows, write_rows
from medlab.config import GRPOConfig, from_dict
from medlab.errors import ConfigError
from medlab.rollout.types import Rollout
from medlab.stages.training_run import _stage_callbacks


def rollout(tokenizer, n: int, texts: list[str]) -> Rollout:
    ids = torch.tensor([tokenizer.encode("hello there")] * n)
    pad = torch.full((n, 2), tokenizer.pad_token_id)
    return Rollout(
        prompt_ids=torch.cat([pad, ids], 1),
        prompt_mask=torch.cat([torch.zeros_like(pad), torch.ones_like(ids)], 1),
        completion_ids=torch.zeros(n, 3, dtype=torch.long),
        completion_mask=torch.ones(n, 3, dtype=torch.long),
        is_truncated=torch.zeros(n, dtype=torch.bool),
        completion_lengths=torch.full((n,), 3),
        rewards=torch.tensor([[1.0, float("nan")]] * n),
        reward_total=torch.full((n,), float("nan")),
        advantages=torch.arange(n, dtype=torch.float32),
        group_size=n,
        texts=texts,
    )


def test_rows_are_bounded_and_strict_json(tokenizer, tmp_path):
    long = "x" * (MAX_CHARS + 500)
    rows = completion_rows(rollout(tokenizer, 6, [long] * 6), ["a", "b"], tokenizer, 7, "train", 4)
    assert len(rows) == 4  # limit, not the 6 rows of the rollout
    assert rows[0]["prompt"] == "hello there"  # left padding dropped
    assert rows[0]["completion"].startswith("x" * MAX_CHARS)
    assert rows[0]["completion"].endswith("[... 500 chars cut]")
    assert rows[2]["rewards"] == {"a": 1.0, "b": None} and rows[2]["reward"] is None
    assert [r["advantage"] for r in rows] == [0.0, 1.0, 2.0, 3.0]
    path = tmp_path / "c.jsonl"
    write_rows(rows, path, [], ["a", "b"])
    write_rows(rows[:1], path, [], ["a", "b"])  # appends
    lines = path.read_text().splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["step"] == 7
    assert "NaN" not in path.read_text()


def test_config_key_is_validated_and_zero_turns_it_off(tmp_path):
    with pytest.raises(ConfigError, match=r"^stage.log_completions_every_n_steps: must be >= 0"):
        from_dict(GRPOConfig, {"log_completions_every_n_steps": -1}, "stage")
    off = from_dict(GRPOConfig, {"log_completions_every_n_steps": 0}, "stage")
    assert _stage_callbacks(off, tmp_path) == []
    (on,) = _stage_callbacks(from_dict(GRPOConfig, {}, "stage"), Path(tmp_path))
    assert isinstance(on, CompletionsLog) and on.every == 10
