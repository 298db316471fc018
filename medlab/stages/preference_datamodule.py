"""`PreferenceDataModule`: preference pairs (conversational rows or MedMCQA) as pair batches.

A micro-batch holds B pairs as 2B padded rows (chosen first, then rejected), plus
``pair_index`` [B] and, with a precomputed reference, ``ref_chosen_logps`` /
``ref_rejected_logps`` [B] looked up from the cache by pair index.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import lightning as L
import torch
from torch.utils.data import DataLoader
from transformers import PreTrainedTokenizerBase

from medlab.config import DataConfig, DPOConfig
from medlab.data.chat_format import EncodedChat
from medlab.data.collate import MicroBatch, pad_batch
from medlab.data.loading import load_raw_rows
from medlab.data.preference import (
    PreferencePair,
    encode_completion,
    is_tie,
    medmcqa_to_pairs,
    validate_preference_row,
)
from medlab.data.sampler import ResumableBatchSampler, rank_and_world, rank_slice
from medlab.errors import DataError

log = logging.getLogger(__name__)


@dataclass
class EncodedPair:
    index: int
    chosen: EncodedChat
    rejected: EncodedChat


def load_pairs(
    data: DataConfig, split: str, dropped: dict[str, int] | None = None
) -> list[PreferencePair]:
    """Pairs of one split ('train' / 'val') per the data config (files or Hub dataset).

    Pairs whose chosen equals their rejected are left out (logged; counted in `dropped` under
    '<split>/chosen_equals_rejected')."""
    rows = load_raw_rows(data, split)
    pairs: list[PreferencePair] = []
    ties: list[str] = []
    for where, row in rows:
        if data.format == "medmcqa":
            built = medmcqa_to_pairs(
                row,
                where,
                data.rejected_strategy,
                data.shuffle_seed,
                data.system_prompt,
                data.pair_rationale,
            )
        else:
            built = [validate_preference_row(row, where)]
        for pair in built:
            if is_tie(pair):
                ties.append(where)
            else:
                pairs.append(pair)
    if ties:
        log.warning(
            "%s: %d preference pairs whose chosen equals their rejected are left out (no "
            "preference signal), first at %s",
            split,
            len(ties),
            ties[0],
        )
        if dropped is not None:
            dropped[f"{split}/chosen_equals_rejected"] = len(ties)
    return pairs


def encode_pairs(
    pairs: list[PreferencePair],
    tokenizer: PreTrainedTokenizerBase,
    max_length: int,
    split: str,
    dropped: dict[str, int] | None = None,
) -> list[EncodedPair]:
    encoded: list[EncodedPair] = []
    left_out = truncated = 0
    for pair in pairs:
        chosen = encode_completion(tokenizer, pair.prompt, pair.chosen, pair.tools, max_length)
        rejected = encode_completion(tokenizer, pair.prompt, pair.rejected, pair.tools, max_length)
        truncated += chosen.truncated or rejected.truncated
        if chosen.num_targets == 0 or rejected.num_targets == 0:
            left_out += 1
            continue
        encoded.append(EncodedPair(len(encoded), chosen, rejected))
    if truncated:
        log.warning("%s: %d pairs were cut at stage.max_length=%d", split, truncated, max_length)
    if left_out:
        log.warning(
            "%s: %d pairs have a completion entirely beyond stage.max_length=%d and are "
            "left out; raise stage.max_length to keep them",
            split,
            left_out,
            max_length,
        )
        if dropped is not None:
            dropped[f"{split}/completion_beyond_max_length"] = left_out
    return encoded


class PairCollator:
    def __init__(
        self, pad_id: int, micro_batch_size: int, ref_cache: dict[str, torch.Tensor] | None
    ) -> None:
        self.pad_id = pad_id
        self.micro_batch_size = micro_batch_size
        self.ref_cache = ref_cache

    def micro_batch(self, pairs: list[EncodedPair]) -> MicroBatch:
        batch = pad_batch([p.chosen for p in pairs] + [p.rejected for p in pairs], self.pad_id)
        index = torch.tensor([p.index for p in pairs], dtype=torch.long)
        batch["pair_index"] = index
        if self.ref_cache is not None:
            batch["ref_chosen_logps"] = self.ref_cache["chosen"][index]
            batch["ref_rejected_logps"] = self.ref_cache["rejected"][index]
        return batch

    def __call__(self, items: list[EncodedPair]) -> list[MicroBatch]:
        size = self.micro_batch_size
        return [self.micro_batch(items[i : i + size]) for i in range(0, len(items), size)]


class PreferenceDataModule(L.LightningDataModule):
    def __init__(
        self, tokenizer: PreTrainedTokenizerBase, data: DataConfig, stage_cfg: DPOConfig
    ) -> None:
        super().__init__()
        self.tokenizer = tokenizer
        self.data = data
        self.stage_cfg = stage_cfg
        self.train_items: list[EncodedPair] = []
        self.val_items: list[EncodedPair] = []
        self.ref_cache: dict[str, dict[str, torch.Tensor] | None] = {"train": None, "val": None}
        self.dropped: dict[str, int] = {}
        """Rows left out, by '<split>/<reason>' (reported in results.json `data_dropped`)."""

    def setup(self, stage: str | None = None) -> None:
        if self.train_items:
            return
        if self.data.format == "chat":
            raise DataError(
                f"data {self.data.name!r} has format 'chat' but stage dpo needs preference pairs: "
                "use a data config with data.format=preference or medmcqa."
            )
        self.train_items = encode_pairs(
            load_pairs(self.data, "train", self.dropped),
            self.tokenizer,
            self.stage_cfg.max_length,
            "train",
            self.dropped,
        )
        self.val_items = encode_pairs(
            load_pairs(self.data, "val", self.dropped),
            self.tokenizer,
            self.stage_cfg.max_length,
            "val",
            self.dropped,
        )
        if not self.train_items:
            raise DataError(f"data {self.data.name!r}: no training pairs.")
        log.info(
            "data %s: %d train pairs, %d val pairs",
            self.data.name,
            len(self.train_items),
            len(self.val_items),
        )

    def collator(self, split: str) -> PairCollator:
        return PairCollator(
            self.tokenizer.pad_token_id, self.stage_cfg.micro_batch_size, self.ref_cache[split]
        )

    def train_dataloader(self) -> DataLoader:
        trainer = self.trainer
        sampler = ResumableBatchSampler(
            len(self.train_items),
            self.stage_cfg.examples_per_step,
            self.stage_cfg.max_steps,
            seed=self.data.shuffle_seed,
            start_step=trainer.global_step if trainer is not None else 0,
            rank=trainer.global_rank if trainer is not None else 0,
            world_size=trainer.world_size if trainer is not None else 1,
        )
        return DataLoader(
            self.train_items,  # type: ignore[arg-type]
            batch_sampler=sampler,
            collate_fn=self.collator("train"),
            num_workers=self.data.num_workers,
        )

    def val_dataloader(self) -> DataLoader:
        return DataLoader(
            rank_slice(self.val_items, *rank_and_world(self.trainer)),  # type: ignore[arg-type]
            batch_size=self.stage_cfg.micro_batch_size,
            shuffle=False,  # type: ignore[arg-type]
            collate_fn=self.collator("val"),
            num_workers=self.data.num_workers,
        )

    def plain_loader(self, split: str) -> DataLoader:
        """All pairs of a split in order, without reference log-probs (to fill the cache)."""
        items = self.train_items if split == "train" else self.val_items
        collate = PairCollator(self.tokenizer.pad_token_id, self.stage_cfg.micro_batch_size, None)
        return DataLoader(
            items,  # type: ignore[arg-type]
            batch_size=self.stage_cfg.micro_batch_size,
            shuffle=False,  # type: ignore[arg-type]
            collate_fn=collate,
        )

    def data_files(self) -> list[str]:
        if self.data.hf_dataset is not None:
            hf = self.data.hf_dataset
            return [f"hf:{hf.path}:{hf.name}:{hf.revision}:{hf.train_split}:{hf.val_split}"]
        return [*self.data.train_files, *self.data.val_files]
