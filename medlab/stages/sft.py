"""`SFTModule`: supervised fine-tuning with token-normalised gradient accumulation.

Manual optimisation: each training batch is one optimizer step made of micro-batches. The
trained tokens of all micro-batches (all ranks) are counted first; every micro-batch's summed
loss is divided by that count before its backward. The gradient is therefore the mean over
every trained token of the step, exactly as one big batch would give (tests check 4 x 2 == 8).

Logits are computed only at trained positions (the decoder's hidden states are gathered
before the output projection), which saves the [B, T, V] logits of prompt tokens, and only
`stage.logps_chunk_size` positions at a time (`medlab.losses.chunked`), so the loss's memory does
not grow with the number of trained tokens.

Under DDP each rank gets `micro_batch_size x grad_accum_steps` conversations per step; gradients
are all-reduced once per step (on the last micro-batch), and the logged train metrics are those
of the whole global batch (sums over ranks), equal to one process with the same global batch.
Under FSDP2 (`FullShardStrategy`) too (tests/integration/test_fsdp.py): the helpers here, shared
by all stages, run the decoder + head calls through the sharded root (`through_root`) and give
every rank as many validation forwards (`validation_replays`, `replay_last`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import Any

import lightning as L
import torch

from medlab.config import SFTConfig, TrainingConfig
from medlab.data.collate import MicroBatch
from medlab.losses.chunked import DEFAULT_CHUNK_SIZE, TokenLogps, chunked_token_logps
from medlab.losses.sft import IGNORE_INDEX, TokenCEStats, chunked_cross_entropy
from medlab.stages.trainer import shard_model

# Name of the method `shard_model` (medlab.stages.trainer) registers on an FSDP2-sharded model.
SHARDED_CALL = "medlab_sharded_call"


def through_root(model: torch.nn.Module, fn: Callable[..., Any], *args: Any) -> Any:
    """`fn(model, *args)`; on an FSDP2-sharded model inside the root's forward hooks.

    medlab calls the decoder and the output head separately (logits only where needed), which
    bypasses the root's `forward`; FSDP2 would then leave the root's own weights (embeddings,
    final norm, head) sharded and never reduce their gradients. The registered method runs the
    root's pre-/post-forward hooks around `fn` instead.
    """
    call = getattr(model, SHARDED_CALL, None)
    return call(fn, *args) if call is not None else fn(model, *args)


def decoder_hidden(model: torch.nn.Module, batch: MicroBatch) -> torch.Tensor:
    """The decoder's last hidden states [B, T, H] of `batch` (call inside `through_root`)."""
    return model.get_decoder()(  # type: ignore[operator,no-any-return]
        input_ids=batch["input_ids"],
        attention_mask=batch.get("attention_mask"),
        position_ids=batch["position_ids"],
        use_cache=False,
    ).last_hidden_state


def trained_token_stats(
    model: torch.nn.Module, batch: MicroBatch, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> TokenCEStats:
    """Summed cross-entropy, trained tokens and argmax hits of `batch`, head in chunks."""
    return through_root(model, _trained_token_stats, batch, chunk_size)  # type: ignore[no-any-return]


def _trained_token_stats(
    model: torch.nn.Module, batch: MicroBatch, chunk_size: int
) -> TokenCEStats:
    head = model.get_output_embeddings()  # type: ignore[operator]
    return chunked_cross_entropy(head, decoder_hidden(model, batch), batch["targets"], chunk_size)


def trained_token_logps(
    model: torch.nn.Module, batch: MicroBatch, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> torch.Tensor:
    """log p(target) [K] at the K positions of `batch` that carry a loss (row-major order)."""
    out: TokenLogps = through_root(model, _trained_token_logps, batch, chunk_size)
    return out.logps


def _trained_token_logps(model: torch.nn.Module, batch: MicroBatch, chunk_size: int) -> TokenLogps:
    keep = batch["targets"] != IGNORE_INDEX  # [B, T]
    head = model.get_output_embeddings()  # type: ignore[operator]
    hidden = decoder_hidden(model, batch)[keep]  # [K, H]
    return chunked_token_logps(head, hidden, batch["targets"][keep], chunk_size)


def trained_token_logits(
    model: torch.nn.Module, batch: MicroBatch
) -> tuple[torch.Tensor, torch.Tensor]:
    """(logits [K, V], targets [K]) at the K positions of `batch` that carry a loss, in one
    piece: the unchunked reference the tests and `medlab.bench` compare against."""
    return through_root(model, _trained_token_logits, batch)  # type: ignore[no-any-return]


def _trained_token_logits(
    model: torch.nn.Module, batch: MicroBatch
) -> tuple[torch.Tensor, torch.Tensor]:
    head = model.get_output_embeddings()  # type: ignore[operator]
    keep = batch["targets"] != IGNORE_INDEX  # [B, T]
    return head(decoder_hidden(model, batch)[keep]), batch["targets"][keep]


def lr_lambda(
    schedule: str, warmup_steps: int, max_steps: int, floor: float = 0.1
) -> Callable[[int], float]:
    """Multiplier of the peak lr at step s: linear warmup, then cosine / linear to `floor`."""

    def factor(step: int) -> float:
        if step < warmup_steps:
            return (step + 1) / (warmup_steps + 1)
        if schedule == "constant":
            return 1.0
        progress = min(1.0, (step - warmup_steps) / max(1, max_steps - warmup_steps))
        if schedule == "linear":
            return 1.0 - (1.0 - floor) * progress
        return floor + (1.0 - floor) * 0.5 * (1.0 + math.cos(math.pi * progress))

    return factor


class SFTModule(L.LightningModule):
    def __init__(self, model: torch.nn.Module, cfg: SFTConfig) -> None:
        super().__init__()
        self.model = model
        self.cfg = cfg
        self.automatic_optimization = False
        self._val_sums: list[torch.Tensor] = []

    # ---- loss -----------------------------------------------------------------------------
    def micro_batch_stats(self, batch: MicroBatch) -> TokenCEStats:
        return trained_token_stats(self.model, batch, self.cfg.logps_chunk_size)

    def _global_token_count(self, local: torch.Tensor) -> tuple[torch.Tensor, int]:
        if self._trainer is None or self.trainer.world_size == 1:
            return local, 1
        total = self.trainer.strategy.reduce(local.float(), reduce_op="sum")
        return total, self.trainer.world_size

    def accumulate_gradients(
        self, micro_batches: Sequence[MicroBatch], backward: Callable[[torch.Tensor], Any]
    ) -> dict[str, torch.Tensor]:
        """Backward every micro-batch with loss_sum * world / (trained tokens of the step).

        DDP averages gradients over ranks, hence the world-size factor: the result is the
        gradient of (sum of token losses over all ranks) / (all trained tokens).
        """
        local_tokens = sum((mb["targets"] != IGNORE_INDEX).sum() for mb in micro_batches)
        assert isinstance(local_tokens, torch.Tensor)
        total_tokens, world = self._global_token_count(local_tokens)
        denominator = total_tokens.clamp(min=1).float() / world
        loss = torch.zeros((), device=self.device)
        correct = torch.zeros((), device=self.device, dtype=torch.long)
        for mb in micro_batches:
            stats = self.micro_batch_stats(mb)
            scaled = stats.loss_sum / denominator
            backward(scaled)
            loss += scaled.detach() / world
            correct += stats.num_correct
        return {"loss": loss, "num_tokens": local_tokens, "num_correct": correct}

    def _global_stats(self, stats: dict[str, torch.Tensor]) -> tuple[float, int, int]:
        """(loss, trained tokens, correct tokens) of the global batch: one all-reduce."""
        local = torch.stack(
            [stats["loss"].float(), stats["num_tokens"].float(), stats["num_correct"].float()]
        )
        loss, tokens, correct = sum_over_ranks(self, local).tolist()
        return loss, int(tokens), int(correct)

    # ---- Lightning hooks ------------------------------------------------------------------
    def training_step(self, batch: list[MicroBatch], batch_idx: int) -> None:
        start = time.perf_counter()
        optimizer: Any = self.optimizers()
        scheduler: Any = self.lr_schedulers()
        stats = self.accumulate_gradients(batch, step_backward(self, len(batch)))
        optimizer_step(self, optimizer, scheduler, self.cfg.max_grad_norm)
        # One sync per step (also makes step_time honest on GPU): every rank's share.
        loss, num_tokens, num_correct = self._global_stats(stats)
        step_time = time.perf_counter() - start
        world = self.trainer.world_size
        input_tokens = sum(int(mb["input_ids"].numel()) for mb in batch) * world  # ~global
        num_tokens = max(1, num_tokens)
        self.log_dict(
            {
                "train/loss": loss,
                "train/mean_token_accuracy": num_correct / num_tokens,
                "train/tokens_per_sec": input_tokens / step_time,
                "train/step_time": step_time,
                "train/lr": optimizer.param_groups[0]["lr"],
                "train/trained_tokens": float(num_tokens),
            },
            on_step=True,
            on_epoch=False,
            batch_size=len(batch),
        )
        self.log("loss", loss, prog_bar=True, logger=False, on_step=True, batch_size=len(batch))

    def on_validation_epoch_start(self) -> None:
        self._val_sums = [
            torch.zeros((), device=self.device, dtype=torch.float64) for _ in range(3)
        ]
        self._val_replays = validation_replays(self)

    def validation_step(self, batch: list[MicroBatch], batch_idx: int) -> None:
        for mb in batch:
            stats = self.micro_batch_stats(mb)
            for acc, value in zip(self._val_sums, stats, strict=True):
                acc += value.detach().double()
        replay_last(
            self, batch_idx, self._val_replays, lambda: list(map(self.micro_batch_stats, batch))
        )

    def on_validation_epoch_end(self) -> None:
        loss_sum, count, correct = (
            self.trainer.strategy.reduce(v, reduce_op="sum") for v in self._val_sums
        )
        count = count.clamp(min=1)
        self.log("val/loss", (loss_sum / count).float(), prog_bar=True, on_epoch=True)
        self.log("val/mean_token_accuracy", (correct / count).float(), on_epoch=True)

    def configure_model(self) -> None:
        shard_model(self)

    def configure_optimizers(self) -> Any:
        return configure_adamw(self.model, self.cfg)


def sum_over_ranks(module: L.LightningModule, values: torch.Tensor) -> torch.Tensor:
    """`values` summed over data-parallel ranks (unchanged in one process / without trainer)."""
    if module._trainer is None or module.trainer.world_size == 1:
        return values
    return module.trainer.strategy.reduce(values.clone(), reduce_op="sum")


def validation_replays(module: L.LightningModule) -> int:
    """Extra validation steps this rank replays so that every rank runs as many (0 unless
    FSDP2-sharded). Call in `on_validation_epoch_start`: a collective, before any forward.

    A sharded forward is a collective (each unit all-gathers its weights), so every rank must
    run the same number. `rank_slice` gives ranks held-out shards that differ by up to one item
    (5 items on 2 ranks: 3 / 2), so the short ranks replay their last step (`replay_last`) with
    the result discarded: the metrics are those of the real items only.
    """
    if module._trainer is None or module.trainer.world_size == 1:
        return 0
    if getattr(module.model, SHARDED_CALL, None) is None:
        return 0
    mine = int(module.trainer.num_val_batches[0])
    most = torch.tensor(mine, device=module.device)
    torch.distributed.all_reduce(most, op=torch.distributed.ReduceOp.MAX)
    return int(most) - mine


def replay_last(
    module: L.LightningModule, batch_idx: int, replays: int, step: Callable[[], Any]
) -> None:
    """After this rank's last validation batch, run `step` `replays` times (no grad, the
    result discarded): see `validation_replays`."""
    if replays and batch_idx + 1 == int(module.trainer.num_val_batches[0]):
        with torch.no_grad():
            for _ in range(replays):
                step()


def step_backward(module: L.LightningModule, num_micro: int) -> Callable[[torch.Tensor], None]:
    """`manual_backward` for the `num_micro` micro-batches of one optimizer step.

    Under DDP the gradient all-reduce runs once, on the last micro-batch (the earlier ones run
    under `no_sync` and accumulate locally); averaging is linear, so the result is the same as
    syncing every micro-batch. No-op outside DDP (FSDP / DeepSpeed sync their own way).
    """
    calls = 0
    block = getattr(module.trainer.strategy, "block_backward_sync", None)

    def backward(loss: torch.Tensor) -> None:
        nonlocal calls
        calls += 1
        if block is not None and calls < num_micro:
            with block():
                module.manual_backward(loss)
        else:
            module.manual_backward(loss)

    return backward


def optimizer_step(
    module: L.LightningModule, optimizer: Any, scheduler: Any, max_grad_norm: float
) -> torch.Tensor | None:
    """Clip to `max_grad_norm` (0: no clipping), step, zero, schedule; logs `train/grad_norm`.

    The logged norm is the global L2 norm of the gradients before clipping (all ranks under
    DDP, all shards under FSDP2, DeepSpeed's own under DeepSpeed), also without clipping. It
    stays a device tensor: Lightning reads it (one host sync) only on the steps it writes.
    Clipping is torch's `clip_grad_norm_` split in two (norm, then scale), as Lightning's
    precision plugins for fp32 / bf16-mixed do it; fp16 loss scaling is not unscaled first.
    Returns the norm (None where no gradient is visible and DeepSpeed reports none).
    """
    params = [p for group in optimizer.param_groups for p in group["params"] if p.grad is not None]
    norm = global_grad_norm(params)
    if norm is not None and max_grad_norm > 0:
        torch.nn.utils.clip_grads_with_norm_(params, max_grad_norm, norm)
    optimizer.step()
    if norm is None:  # DeepSpeed ZeRO keeps the gradients in its own buffers
        norm = _deepspeed_grad_norm(module)
    optimizer.zero_grad(set_to_none=True)
    scheduler.step()
    if norm is not None:
        module.log("train/grad_norm", norm, on_step=True, on_epoch=False, batch_size=1)
    return norm


def global_grad_norm(params: Sequence[torch.Tensor]) -> torch.Tensor | None:
    """L2 norm of the gradients of `params` (None without any), fp32, no host sync.

    FSDP2 gradients are DTensors: their norm is reduced over the shards (`full_tensor`).
    """
    grads = [p.grad for p in params if p.grad is not None]
    if not grads:
        return None
    norm = torch.nn.utils.get_total_norm(grads, norm_type=2.0)
    full_tensor = getattr(norm, "full_tensor", None)
    if full_tensor is not None:
        norm = full_tensor()
    return norm.detach().float()


def _deepspeed_grad_norm(module: L.LightningModule) -> torch.Tensor | None:
    """The global gradient norm DeepSpeed computed in its last step (untested: no GPU here)."""
    if module._trainer is None:
        return None
    engine = getattr(module.trainer.strategy, "deepspeed_engine", None)
    norm = engine.get_global_grad_norm() if engine is not None else None
    if norm is None:
        return None
    return torch.as_tensor(norm, dtype=torch.float32, device=module.device)


def configure_adamw(model: torch.nn.Module, cfg: TrainingConfig) -> dict[str, Any]:
    """AdamW (decay on matrices only) + warmup / decay schedule stepped per optimizer step."""
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.ndim >= 2]
    no_decay = [p for p in params if p.ndim < 2]
    optimizer = torch.optim.AdamW(
        [
            {"params": decay, "weight_decay": cfg.weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ],
        lr=cfg.lr,
        betas=(cfg.adam_beta1, cfg.adam_beta2),
        eps=cfg.adam_eps,
    )
    schedule = lr_lambda(cfg.lr_schedule, cfg.warmup_steps, cfg.max_steps)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    return {"optimizer": optimizer, "lr_scheduler": {"scheduler": scheduler, "interval": "step"}}
