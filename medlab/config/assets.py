"""Where the files shipped with the package live (chat templates, eval suites, lm-eval tasks,
sample data, the tiny tokenizer)."""

from __future__ import annotations

from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
