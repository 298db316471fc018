"""The reference policy of DPO and GRPO, three ways (``stage.reference``):

- `FrozenCopyReference`: a frozen copy of the starting checkpoint (or, for DPO,
  `stage.reference_path`).
- `DisabledAdapterReference`: with LoRA, the policy itself with its adapters switched off;
  no second copy of the weights in memory.
- `PrecomputedReference` (DPO only): log-probs computed once before training and cached on
  disk (`medlab.stages.reference_cache`); the collator puts them in the batch.

Every kind answers the two questions of `ReferenceModel`, without gradient: DPO's summed
log-probs of each row of a pair batch (`sequence_logps`; the stage splits chosen / rejected)
and GRPO's per-token log-probs of rollout completions at the sampling temperature
(`completion_logps`). All three give the same numbers on the same data (tests check it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

import torch

from medlab.data.collate import MicroBatch
from medlab.losses.chunked import DEFAULT_CHUNK_SIZE
from medlab.models.forward import completion_logps, trained_sequence_logps
from medlab.rollout.types import Rollout


class ReferenceModel(Protocol):
    """Log-probs under the reference policy (no gradient)."""

    def sequence_logps(self, batch: MicroBatch) -> torch.Tensor:
        """[N] log-probs of each row's trained tokens, summed (DPO: chosen rows, then
        rejected; `medlab.losses.dpo.split_pairs` splits them)."""
        ...

    def completion_logps(self, rows: Rollout) -> torch.Tensor:
        """[b, Lc] per-token log-probs (fp32, 0 where masked) of the rollout's completion
        tokens at the sampling temperature (GRPO)."""
        ...


def _rollout_logps(
    model: torch.nn.Module, rows: Rollout, chunk_size: int, temperature: float
) -> torch.Tensor:
    return completion_logps(
        model,
        rows.prompt_ids,
        rows.prompt_mask,
        rows.completion_ids,
        rows.completion_mask,
        chunk_size=chunk_size,
        temperature=temperature,
    )[0]


class FrozenCopyReference:
    """A frozen copy of the starting weights, held apart from the policy.

    Not a submodule of the LightningModule (no optimizer / DDP / checkpoint entry), so it
    follows the batch to its device on first use.
    """

    def __init__(
        self,
        model: torch.nn.Module,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        temperature: float = 1.0,
    ) -> None:
        self.model = model.eval().requires_grad_(False)
        self.chunk_size = chunk_size  # stage.logps_chunk_size
        self.temperature = temperature  # GRPO: stage.temperature (DPO: 1)

    def _on(self, device: torch.device) -> torch.nn.Module:
        if next(self.model.parameters()).device != device:
            self.model.to(device)
        return self.model

    @torch.no_grad()
    def sequence_logps(self, batch: MicroBatch) -> torch.Tensor:
        model = self._on(batch["input_ids"].device)
        return trained_sequence_logps(model, batch, self.chunk_size)[0]

    @torch.no_grad()
    def completion_logps(self, rows: Rollout) -> torch.Tensor:
        model = self._on(rows.prompt_ids.device)
        return _rollout_logps(model, rows, self.chunk_size, self.temperature)


class DisabledAdapterReference:
    """The policy with its adapters off: the starting model. peft's `disable_adapter()` also
    switches off the trainable-token rows (the chat tokens `load_tokenizer` added, trained by
    `apply_lora`), so the added tokens use their initial rows here, as in a frozen copy
    (tests/unit/test_lora_added_tokens.py checks both). The pass runs in eval mode (no
    dropout) and restores the policy's mode after it."""

    def __init__(
        self, peft_model: Any, chunk_size: int = DEFAULT_CHUNK_SIZE, temperature: float = 1.0
    ) -> None:
        if not hasattr(peft_model, "disable_adapter"):
            raise TypeError("adapters_disabled reference needs a peft model (LoRA enabled)")
        self.model = peft_model
        self.chunk_size = chunk_size  # stage.logps_chunk_size
        self.temperature = temperature  # GRPO: stage.temperature (DPO: 1)

    @contextmanager
    def _adapters_off(self) -> Iterator[torch.nn.Module]:
        was_training = self.model.training
        self.model.eval()
        try:
            with self.model.disable_adapter():
                yield self.model
        finally:
            self.model.train(was_training)

    @torch.no_grad()
    def sequence_logps(self, batch: MicroBatch) -> torch.Tensor:
        with self._adapters_off() as model:
            return trained_sequence_logps(model, batch, self.chunk_size)[0]

    @torch.no_grad()
    def completion_logps(self, rows: Rollout) -> torch.Tensor:
        with self._adapters_off() as model:
            return _rollout_logps(model, rows, self.chunk_size, self.temperature)


class PrecomputedReference:
    """Reads `ref_chosen_logps` / `ref_rejected_logps` the collator put in the batch."""

    def sequence_logps(self, batch: MicroBatch) -> torch.Tensor:
        if "ref_chosen_logps" not in batch:
            raise RuntimeError("precomputed reference: the batch carries no cached log-probs")
        return torch.cat([batch["ref_chosen_logps"], batch["ref_rejected_logps"]])

    def completion_logps(self, rows: Rollout) -> torch.Tensor:
        raise TypeError(
            "precomputed reference: only DPO pairs are cached; GRPO scores fresh rollouts "
            "(stage.reference=frozen_copy or adapters_disabled)"
        )
