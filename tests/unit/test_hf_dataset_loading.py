"""`data.hf_dataset` goes through `datasets.load_dataset` (here on a local directory, offline)."""

from __future__ import annotations

import json

import pytest

from medlab.config import DataConfig, HFDatasetConfig
from medlab.data.loading import load_splits
from medlab.errors import DataError, ModelLoadError


def test_hf_dataset_path_loads_through_datasets(tmp_path, chat_rows):
    root = tmp_path / "my_chats"
    root.mkdir()
    (root / "train.jsonl").write_text(
        "".join(json.dumps({"messages": r["messages"]}) + "\n" for r in chat_rows * 3)
    )
    (root / "test.jsonl").write_text(
        "".join(json.dumps({"messages": r["messages"]}) + "\n" for r in chat_rows[:2])
    )
    cfg = DataConfig(
        hf_dataset=HFDatasetConfig(path=str(root), train_split="train", val_split="test")
    )
    train, val = load_splits(cfg)
    assert len(train) == 12 and len(val) == 2
    assert train[0]["messages"][0]["content"] == chat_rows[0]["messages"][0]["content"]


def test_hf_dataset_malformed_row_names_dataset_and_row(tmp_path, chat_rows):
    root = tmp_path / "bad"
    root.mkdir()
    rows = [{"messages": r["messages"]} for r in chat_rows]
    rows[2] = {"messages": [{"role": "user", "content": "q"}]}  # no assistant turn
    (root / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    cfg = DataConfig(hf_dataset=HFDatasetConfig(path=str(root)), val_fraction=0.0)
    with pytest.raises(DataError, match=r"\[train\]:row 2: field 'messages'"):
        load_splits(cfg)


def test_unreachable_hub_dataset_is_a_clear_error():
    cfg = DataConfig(hf_dataset=HFDatasetConfig(path="some-org/not-a-cached-dataset"))
    with pytest.raises(ModelLoadError, match="data.hf_dataset.path"):
        load_splits(cfg)
