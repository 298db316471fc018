"""The committed tiny tokenizer is exactly what `make tokenizer` trains from the shipped data."""

from __future__ import annotations

import json

from medlab.models.tokenizer import TINY_TOKENIZER_DIR
from medlab.models.train_tokenizer import project_corpus, train_tokenizer


def test_committed_tokenizer_is_reproducible_from_the_corpus(tmp_path):
    retrained = train_tokenizer(project_corpus(), vocab_size=4096)
    retrained.save_pretrained(tmp_path)
    fresh = json.loads((tmp_path / "tokenizer.json").read_text())
    committed = json.loads((TINY_TOKENIZER_DIR / "tokenizer.json").read_text())
    assert fresh["model"]["vocab"] == committed["model"]["vocab"]
    assert fresh["model"]["merges"] == committed["model"]["merges"]
    assert fresh["added_tokens"] == committed["added_tokens"]
