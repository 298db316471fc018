"""Typed config of the data to train on (``data=``): local JSONL / Parquet files or a Hub
dataset, and how rows are read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from medlab.config.parsing import (
    check_choice,
    check_non_negative,
    check_positive,
    reject,
)


@dataclass
class HFDatasetConfig:
    """A dataset on the Hugging Face Hub (or in the local datasets cache)."""

    path: str = ""
    """Dataset id, e.g. 'org/name'."""
    name: str | None = None
    """Dataset configuration name."""
    train_split: str = "train"
    val_split: str | None = None
    """Held-out split; null splits off data.val_fraction of train."""
    revision: str | None = None


@dataclass
class DataConfig:
    """Conversations to train on (``data=``): local JSONL / Parquet files or a Hub dataset."""

    name: str = "medical_sft_sample"
    train_files: list[str] = field(default_factory=list)
    """Local .jsonl / .parquet files with a `messages` column (and optional `tools`)."""
    val_files: list[str] = field(default_factory=list)
    """Held-out files; if empty, data.val_fraction of the training rows is held out."""
    hf_dataset: HFDatasetConfig | None = None
    """Load from the Hub through `datasets` instead of local files."""
    val_fraction: float = 0.1
    """Fraction held out when no validation files / split are given."""
    format: Literal["chat", "preference", "medmcqa", "medreason", "prompt"] = "chat"
    """Row schema: chat (`messages`), preference (`prompt`, `chosen`, `rejected` message lists),
    medmcqa (openlifescienceai/medmcqa columns: preference pairs for dpo, prompts for grpo),
    medreason (UCSC-VLAA/MedReason columns, grpo) or prompt (`prompt` messages + `answer`)."""
    rejected_strategy: Literal["random", "first", "all"] = "random"
    """medmcqa: which wrong option becomes the rejected answer (random is seeded by
    shuffle_seed and the row id; all = one pair per wrong option)."""
    pair_rationale: Literal["none", "both"] = "none"
    """medmcqa pairs: chosen and rejected have the same format, so DPO learns "correct wins" and
    not "longer wins": none = both are the answer line only; both = both carry the dataset's
    explanation after their answer line."""
    system_prompt: str | None = None
    """medmcqa: system message put before each question (null: none)."""
    messages_field: str = "messages"
    tools_field: str = "tools"
    shuffle_seed: int = 0
    """Seed of the (resumable) training order."""
    num_workers: int = 0
    """DataLoader worker processes."""
    decontaminate: bool = False
    """Leave out every training row that shares a word n-gram with an evaluation set of the run
    (the configured `eval`, or the project's offline suites and local tasks when evaluation is
    off) before training; the count is results.json `data_dropped['train/contaminated']`. The
    overlap report of every run with evaluation is written either way (`medlab.decontam`)."""
    decontaminate_ngram: int = 8
    """Words per n-gram of the overlap check (8 as in the Tulu 3 / Llama 3 reports); smaller
    flags more (shorter shared phrases)."""

    def __post_init__(self) -> None:
        check_positive("data.decontaminate_ngram", self.decontaminate_ngram)
        if self.hf_dataset is not None and not self.hf_dataset.path:
            reject("data.hf_dataset.path", "is empty: set data.hf_dataset.path=ORG/NAME.")
        if not self.train_files and self.hf_dataset is None:
            reject(
                "data.train_files",
                "no training data: set data.train_files=[path.jsonl] or data.hf_dataset.path=ID.",
            )
        for i, f in enumerate(self.train_files):
            _check_file(f"data.train_files[{i}]", f)
        for i, f in enumerate(self.val_files):
            _check_file(f"data.val_files[{i}]", f)
        if not 0 <= self.val_fraction < 1:
            reject("data.val_fraction", f"must be in [0, 1), got {self.val_fraction!r}.")
        check_non_negative("data.num_workers", self.num_workers)
        check_choice(
            "data.format", self.format, ("chat", "preference", "medmcqa", "medreason", "prompt")
        )
        check_choice("data.rejected_strategy", self.rejected_strategy, ("random", "first", "all"))
        check_choice("data.pair_rationale", self.pair_rationale, ("none", "both"))


def _check_file(key: str, path: str) -> None:
    p = Path(path)
    if not p.is_file():
        reject(key, f"file not found: {path}. Point {key} at an existing .jsonl or .parquet file.")
    if p.suffix not in (".jsonl", ".parquet", ".json"):
        reject(key, f"unsupported file type {p.suffix!r} ({path}); use .jsonl or .parquet.")
