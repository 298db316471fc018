"""`PromptDataModule`: prompts with gold answers for GRPO (MedReason, MedMCQA or prompt rows).

A batch is ``{"prompt_ids": [P, Lp] left-padded, "prompt_mask": [P, Lp], "answers": [P]}``.
Training order is resumable (depends only on seed and generation-batch index).
"""

from __future__ import annotations

import logging
from typing import Any

import lightning as L
import torch
from torch.utils.data import DataLoader
from transformers import PreTrainedTokenizerBase

from medlab.config import DataConfig, GRPOConfig
from medlab.data.grpo_prompts import PROMPT_BUILDERS
from medlab.data.loading import load_raw_rows
from medlab.data.sampler import ResumableBatchSampler, rank_and_world, rank_slice
from medlab.errors import DataError

log = logging.getLogger(__name__)


RESERVED_COLUMNS = ("prompt", "messages", "answer")


def dataset_columns(row: dict[str, Any]) -> dict[str, Any]:
    """The row's scalar columns (e.g. MedReason `reasoning`, MedMCQA `subject_name`), passed to
    reward functions as keyword lists. `answer` is always the gold letter, so the source's own
    `answer` field is not repeated."""
    return {
        k: v
        for k, v in row.items()
        if k not in RESERVED_COLUMNS and (v is None or isinstance(v, (str, int, float, bool)))
    }


def load_prompt_rows(
    data: DataConfig, split: str, gold_for: list[str] | None = None
) -> list[tuple[list[dict[str, str]], str, dict[str, Any]]]:
    """(prompt messages, gold letter, other dataset columns) of one split. `gold_for` names the
    configured rewards that score against the gold letter: a row without one is then an error
    naming its file and line."""
    if data.format not in PROMPT_BUILDERS:
        raise DataError(
            f"data {data.name!r} has format {data.format!r} but stage grpo needs prompts with a "
            f"gold answer: data.format must be one of {', '.join(PROMPT_BUILDERS)}."
        )
    rows = load_raw_rows(data, split)
    build = PROMPT_BUILDERS[data.format]
    out = []
    for where, row in rows:
        built = build(row, where, data.system_prompt)
        if gold_for and not built.answer:
            raise DataError(
                f"{where}: answer: missing, but reward {', '.join(gold_for)} scores against the "
                "gold letter. Give the row an answer (A-J), or use rewards that read other "
                "columns (e.g. reward=med_advisor_safety)."
            )
        out.append((built.messages, built.answer, dataset_columns(row)))
    return out


class PromptCollator:
    def __init__(self, pad_id: int) -> None:
        self.pad_id = pad_id

    def __call__(self, items: list[tuple[Any, ...]]) -> dict[str, Any]:
        """items: (prompt ids, gold letter[, {column: value}])."""
        width = max(len(item[0]) for item in items)
        prompt_ids = torch.full((len(items), width), self.pad_id, dtype=torch.long)
        prompt_mask = torch.zeros((len(items), width), dtype=torch.long)
        for row, (ids, *_) in enumerate(items):  # left padding
            prompt_ids[row, width - len(ids) :] = torch.tensor(ids)
            prompt_mask[row, width - len(ids) :] = 1
        extras = [item[2] if len(item) > 2 else {} for item in items]
        columns = {
            key: [extra.get(key) for extra in extras]
            for key in sorted({k for extra in extras for k in extra})
        }
        return {
            "prompt_ids": prompt_ids,
            "prompt_mask": prompt_mask,
            "answers": [item[1] for item in items],
            "columns": columns,
        }


class PromptDataModule(L.LightningDataModule):
    def __init__(
        self,
        tokenizer: PreTrainedTokenizerBase,
        data: DataConfig,
        stage_cfg: GRPOConfig,
        gold_for: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.tokenizer = tokenizer
        self.data = data
        self.stage_cfg = stage_cfg
        self.gold_for = gold_for
        """Rewards that need each row's gold letter (`load_prompt_rows`)."""
        self.train_items: list[tuple[list[int], str, dict[str, Any]]] = []
        self.val_items: list[tuple[list[int], str, dict[str, Any]]] = []

    def _encode(
        self, rows: list[tuple[list[dict[str, str]], str, dict[str, Any]]], split: str
    ) -> list[tuple[list[int], str, dict[str, Any]]]:
        items = []
        for messages, answer, columns in rows:
            rendered: Any = self.tokenizer.apply_chat_template(
                messages, tokenize=True, add_generation_prompt=True, return_dict=True
            )
            ids = list(rendered["input_ids"])
            if len(ids) <= self.stage_cfg.max_prompt_length:
                items.append((ids, answer, columns))
        if len(items) < len(rows):
            log.warning(
                "%s: %d of %d prompts are longer than stage.max_prompt_length=%d and are left "
                "out; raise it to keep them",
                split,
                len(rows) - len(items),
                len(rows),
                self.stage_cfg.max_prompt_length,
            )
        return items

    def setup(self, stage: str | None = None) -> None:
        if self.train_items:
            return
        self.train_items = self._encode(
            load_prompt_rows(self.data, "train", self.gold_for), "train"
        )
        self.val_items = self._encode(load_prompt_rows(self.data, "val", self.gold_for), "val")[
            : self.stage_cfg.val_max_prompts
        ]
        if not self.train_items:
            raise DataError(
                f"data {self.data.name!r}: no training prompts within stage.max_prompt_length."
            )
        log.info(
            "data %s: %d train prompts, %d val prompts",
            self.data.name,
            len(self.train_items),
            len(self.val_items),
        )

    def train_dataloader(self) -> DataLoader:
        trainer = self.trainer
        mu = self.stage_cfg.num_iterations
        sampler = ResumableBatchSampler(
            len(self.train_items),
            self.stage_cfg.prompts_per_step,
            self.stage_cfg.max_steps // mu,
            seed=self.data.shuffle_seed,
            start_step=(trainer.global_step // mu) if trainer is not None else 0,
            rank=trainer.global_rank if trainer is not None else 0,
            world_size=trainer.world_size if trainer is not None else 1,
        )
        return DataLoader(
            self.train_items,  # type: ignore[arg-type]
            batch_sampler=sampler,
            collate_fn=PromptCollator(self.tokenizer.pad_token_id),
        )

    def val_dataloader(self) -> DataLoader:
        return DataLoader(
            rank_slice(self.val_items, *rank_and_world(self.trainer)),  # type: ignore[arg-type]
            batch_size=self.stage_cfg.prompts_per_step * 4,
            shuffle=False,
            collate_fn=PromptCollator(self.tokenizer.pad_token_id),
        )
