"""`ChatDataModule`: loads, validates and tokenises chat rows; serves resumable step batches.

Training batches are one optimizer step each (a list of micro-batches, see
`medlab.data.collate`). The order depends only on (seed, step), and the sampler starts at the
trainer's restored global step, so a resumed run sees exactly the batches it would have seen.
"""

from __future__ import annotations

import logging
from typing import Any

import lightning as L
from torch.utils.data import DataLoader
from transformers import PreTrainedTokenizerBase

from medlab.config import DataConfig, SFTConfig
from medlab.data.chat_format import EncodedChat, encode_chat
from medlab.data.collate import StepCollator, pack_examples
from medlab.data.loading import load_splits
from medlab.data.sampler import ResumableBatchSampler, rank_and_world, rank_slice
from medlab.errors import DataError

log = logging.getLogger(__name__)


def encode_rows(
    rows: list[dict[str, Any]],
    tokenizer: PreTrainedTokenizerBase,
    data: DataConfig,
    train_on: str,
    max_length: int,
    split: str,
    report: bool = True,
) -> list[EncodedChat]:
    """Tokenise rows; report (not hide) truncated rows and rows left with no trained token.
    `report=False` (the preflight of a real run, which the stage encodes again) skips the
    warnings so each prints once per run; a row set with no trained token still raises."""
    encoded = [
        encode_chat(
            tokenizer, r[data.messages_field], r.get(data.tools_field), train_on, max_length
        )
        for r in rows
    ]
    truncated = sum(e.truncated for e in encoded)
    kept = [e for e in encoded if e.num_targets > 0]
    if truncated and report:
        log.warning(
            "%s: %d of %d conversations were longer than stage.max_length=%d and were cut",
            split,
            truncated,
            len(encoded),
            max_length,
        )
    if len(kept) < len(encoded) and report:
        log.warning(
            "%s: %d conversations have no trained token within stage.max_length=%d and are "
            "left out; raise stage.max_length to keep them",
            split,
            len(encoded) - len(kept),
            max_length,
        )
    if not kept:
        raise DataError(
            f"data {data.name!r} ({split}): no conversation has a trained token within "
            f"stage.max_length={max_length}. Raise stage.max_length."
        )
    return kept


class ChatDataModule(L.LightningDataModule):
    def __init__(
        self, tokenizer: PreTrainedTokenizerBase, data: DataConfig, stage_cfg: SFTConfig
    ) -> None:
        super().__init__()
        self.tokenizer = tokenizer
        self.data = data
        self.stage_cfg = stage_cfg
        self.train_items: list[Any] = []
        self.val_items: list[EncodedChat] = []

    def setup(self, stage: str | None = None) -> None:
        if self.train_items:
            return
        train_rows, val_rows = load_splits(self.data)
        args = (self.tokenizer, self.data, self.stage_cfg.train_on, self.stage_cfg.max_length)
        train = encode_rows(train_rows, *args, split="train")
        self.val_items = encode_rows(val_rows, *args, split="val") if val_rows else []
        self.train_items = (
            pack_examples(train, self.stage_cfg.max_length)
            if self.stage_cfg.packing
            else list(train)
        )
        log.info(
            "data %s: %d train %s, %d val conversations",
            self.data.name,
            len(self.train_items),
            "packed rows" if self.stage_cfg.packing else "conversations",
            len(self.val_items),
        )

    def _collator(self, packed: bool) -> StepCollator:
        return StepCollator(self.tokenizer.pad_token_id, self.stage_cfg.micro_batch_size, packed)

    def train_dataloader(self) -> DataLoader:
        trainer = self.trainer
        start = trainer.global_step if trainer is not None else 0
        rank = trainer.global_rank if trainer is not None else 0
        world = trainer.world_size if trainer is not None else 1
        sampler = ResumableBatchSampler(
            len(self.train_items),
            self.stage_cfg.examples_per_step,
            self.stage_cfg.max_steps,
            seed=self.data.shuffle_seed,
            start_step=start,
            rank=rank,
            world_size=world,
        )
        return DataLoader(
            self.train_items,  # type: ignore[arg-type]
            batch_sampler=sampler,
            collate_fn=self._collator(self.stage_cfg.packing),
            num_workers=self.data.num_workers,
        )

    def val_dataloader(self) -> DataLoader:
        return DataLoader(
            rank_slice(self.val_items, *rank_and_world(self.trainer)),  # type: ignore[arg-type]
            batch_size=self.stage_cfg.micro_batch_size,
            shuffle=False,
            collate_fn=self._collator(False),
            num_workers=self.data.num_workers,
        )
