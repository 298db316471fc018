"""Batching: padded micro-batches, packed rows, and one optimizer step's worth of micro-batches.

A training batch is a list of micro-batches (one optimizer step). Each micro-batch is a dict:
  input_ids     [B, T] long
  targets       [B, T] long, -100 = no loss (already shifted: targets[t] = token t+1)
  position_ids  [B, T] long
  attention_mask[B, T] long (padded batches only; packed rows carry none: transformers reads
                the example boundaries from position_ids restarting at 0 and builds a
                block-diagonal causal mask, so attention never crosses packed examples)
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from medlab.data.chat_format import EncodedChat
from medlab.losses import IGNORE_INDEX

MicroBatch = dict[str, torch.Tensor]


def pad_batch(examples: Sequence[EncodedChat], pad_id: int) -> MicroBatch:
    """Right-pad examples to the longest one."""
    width = max(len(e.input_ids) for e in examples)
    input_ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    targets = torch.full((len(examples), width), IGNORE_INDEX, dtype=torch.long)
    attention_mask = torch.zeros((len(examples), width), dtype=torch.long)
    for row, e in enumerate(examples):
        n = len(e.input_ids)
        input_ids[row, :n] = torch.tensor(e.input_ids)
        targets[row, :n] = torch.tensor(e.targets)
        attention_mask[row, :n] = 1
    position_ids = (attention_mask.cumsum(-1) - 1).clamp(min=0)
    return {
        "input_ids": input_ids,
        "targets": targets,
        "attention_mask": attention_mask,
        "position_ids": position_ids,
    }


def pack_examples(examples: Sequence[EncodedChat], max_length: int) -> list[list[EncodedChat]]:
    """Greedy first-fit-decreasing packing into rows of at most max_length tokens.

    Deterministic: ties keep input order. Every example must fit in one row (they are
    truncated to max_length when tokenised).
    """
    order = sorted(range(len(examples)), key=lambda i: -len(examples[i].input_ids))
    rows: list[list[int]] = []
    space: list[int] = []
    for i in order:
        n = len(examples[i].input_ids)
        for r, free in enumerate(space):
            if n <= free:
                rows[r].append(i)
                space[r] -= n
                break
        else:
            rows.append([i])
            space.append(max_length - n)
    return [[examples[i] for i in sorted(row)] for row in rows]


def packed_batch(rows: Sequence[Sequence[EncodedChat]], pad_id: int) -> MicroBatch:
    """Concatenate each row's examples; position_ids restart at 0 for every example."""
    width = max(sum(len(e.input_ids) for e in row) for row in rows)
    input_ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    targets = torch.full((len(rows), width), IGNORE_INDEX, dtype=torch.long)
    position_ids = torch.zeros((len(rows), width), dtype=torch.long)
    for r, row in enumerate(rows):
        start = 0
        for e in row:
            n = len(e.input_ids)
            input_ids[r, start : start + n] = torch.tensor(e.input_ids)
            targets[r, start : start + n] = torch.tensor(e.targets)
            position_ids[r, start : start + n] = torch.arange(n)
            start += n
        # Padding forms its own block (positions restart at 0) and carries no loss.
        position_ids[r, start:] = torch.arange(width - start)
    return {"input_ids": input_ids, "targets": targets, "position_ids": position_ids}


class StepCollator:
    """Collate one optimizer step's items into `num_micro_batches` micro-batches."""

    def __init__(self, pad_id: int, micro_batch_size: int, packed: bool) -> None:
        self.pad_id = pad_id
        self.micro_batch_size = micro_batch_size
        self.packed = packed

    def __call__(self, items: list) -> list[MicroBatch]:
        chunks = [
            items[i : i + self.micro_batch_size]
            for i in range(0, len(items), self.micro_batch_size)
        ]
        if self.packed:
            return [packed_batch(chunk, self.pad_id) for chunk in chunks]
        return [pad_batch(chunk, self.pad_id) for chunk in chunks]
