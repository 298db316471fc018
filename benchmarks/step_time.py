"""Step-time benchmark: a medlab stage next to bare PyTorch loops doing the same work.

    python -m benchmarks.step_time sft         # tiny Qwen3, shipped conversations, CPU
    python -m benchmarks.step_time dpo         # tiny Qwen3, shipped policy pairs, frozen reference
    python -m benchmarks.step_time grpo        # tiny Qwen3, toy triage prompts, generation + update
    python -m benchmarks.step_time chunking    # SFT: head in chunks vs in one piece, alternated
    python -m benchmarks.step_time sft --steps 40 --micro-batch-size 4 --grad-accum-steps 2
    make bench

Run from the repository root (`benchmarks` is not installed with medlab).

Three timings of one optimizer step (median over the measured steps, after warm-up), all in
one process on the same model, batches and optimizer:
  bare_hf      model(...).logits over every position + F.cross_entropy (what a hand-written
               loop usually does)
  bare_same    the same computation medlab does (logits only at trained positions), no
               framework: the floor
  medlab       SFTModule driven by a Lightning Trainer (progress bar off, no checkpoints)
For dpo, bare_same is a loop with the same policy forward (chosen + rejected in one pass),
reference forward without grad, sigmoid loss, backward and AdamW step.
The reported ratio is medlab / bare_same; the target is <= 1.05. Absolute seconds depend on
the machine and are not comparable across machines, the ratio is. For sft, bare_same computes
the logits of all trained positions in one piece (medlab's computation before issue 14), so the
ratio includes the cost of medlab's chunked head (`stage.logps_chunk_size`, recomputed in
backward); dpo and grpo call medlab's own (chunked) log-prob functions.
Peak step memory at the real Qwen3 vocabulary: `python -m benchmarks.step_memory`.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lightning as L
import torch
import torch.nn.functional as F

from benchmarks.grpo_step_time import bench_grpo
from benchmarks.step_timer import StepTimer, bare_optimizer, fit_timed, fresh_model
from medlab.atomic_files import atomic_write_json
from medlab.config import ASSETS_DIR, DataConfig, DPOConfig, SFTConfig
from medlab.data.chat_format import encode_chat
from medlab.data.collate import MicroBatch, StepCollator
from medlab.data.loading import read_rows
from medlab.losses.dpo import sigmoid_dpo_loss
from medlab.losses.sft import token_cross_entropy
from medlab.models.forward import trained_sequence_logps, trained_token_logits
from medlab.models.tokenizer import load_tokenizer
from medlab.stages.dpo import DPOModule
from medlab.stages.preference_datamodule import PairCollator, encode_pairs, load_pairs
from medlab.stages.reference import FrozenCopyReference
from medlab.stages.sft import SFTModule


def _step_batches(cfg: SFTConfig, steps: int) -> list[list[MicroBatch]]:
    tokenizer = load_tokenizer(None)
    rows = [r for _, r in read_rows(ASSETS_DIR / "data" / "medical_sft" / "train.jsonl")]
    encoded = [
        encode_chat(tokenizer, r["messages"], r.get("tools"), cfg.train_on, cfg.max_length)
        for r in rows
    ]
    collate = StepCollator(tokenizer.pad_token_id, cfg.micro_batch_size, cfg.packing)
    per_step = cfg.examples_per_step
    return [
        collate([encoded[(s * per_step + i) % len(encoded)] for i in range(per_step)])
        for s in range(steps)
    ]


def _time_bare(
    batches: list[list[MicroBatch]],
    loss_fn: Callable[[torch.nn.Module, MicroBatch], tuple[torch.Tensor, torch.Tensor]],
    warmup: int,
) -> list[float]:
    model = fresh_model()
    opt = bare_optimizer(model, 1e-4)
    times = []
    for batch in batches:
        start = time.perf_counter()
        total = sum(int((mb["targets"] != -100).sum()) for mb in batch)
        for mb in batch:
            loss_sum, _ = loss_fn(model, mb)
            (loss_sum / total).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        times.append(time.perf_counter() - start)
    return times[warmup:]


def _hf_loss(model: torch.nn.Module, mb: MicroBatch) -> tuple[torch.Tensor, torch.Tensor]:
    logits = model(
        input_ids=mb["input_ids"],
        attention_mask=mb.get("attention_mask"),
        position_ids=mb["position_ids"],
    ).logits
    loss = F.cross_entropy(
        logits.flatten(0, 1).float(), mb["targets"].flatten(), ignore_index=-100, reduction="sum"
    )
    return loss, (mb["targets"] != -100).sum()


def _same_loss(model: torch.nn.Module, mb: MicroBatch) -> tuple[torch.Tensor, torch.Tensor]:
    logits, targets = trained_token_logits(model, mb)
    stats = token_cross_entropy(logits, targets)
    return stats.loss_sum, stats.num_tokens


def _time_medlab(
    batches: list[list[MicroBatch]], module: L.LightningModule, warmup: int
) -> list[float]:
    timer = StepTimer()
    fit_timed(batches, module, timer)
    return timer.times[warmup:]


def bench_sft(
    steps: int, warmup: int, micro_batch_size: int, grad_accum_steps: int, max_length: int
) -> dict[str, Any]:
    cfg = SFTConfig(
        micro_batch_size=micro_batch_size,
        grad_accum_steps=grad_accum_steps,
        max_length=max_length,
        max_steps=steps + warmup,
        warmup_steps=0,
        lr=1e-4,
        packing=False,
    )
    batches = _step_batches(cfg, steps + warmup)
    results = {
        "bare_hf": statistics.median(_time_bare(batches, _hf_loss, warmup)),
        "bare_same": statistics.median(_time_bare(batches, _same_loss, warmup)),
        "medlab": statistics.median(_time_medlab(batches, SFTModule(fresh_model(), cfg), warmup)),
    }
    return {
        "stage": "sft",
        "model": "tiny_qwen3 (hidden 256, 4 layers)",
        "micro_batch_size": micro_batch_size,
        "grad_accum_steps": grad_accum_steps,
        "measured_steps": steps,
        "median_step_s": results,
        "ratio_medlab_over_floor": results["medlab"] / results["bare_same"],
        "ratio_medlab_over_bare_hf": results["medlab"] / results["bare_hf"],
        "torch_threads": torch.get_num_threads(),
    }


def bench_chunking(
    steps: int, warmup: int, micro_batch_size: int, grad_accum_steps: int, max_length: int
) -> dict[str, Any]:
    """SFT step with the head in chunks of `stage.logps_chunk_size` (recomputed in backward)
    next to the same step in one chunk (the computation before issue 14), same weights and
    batches, the two alternated step by step so that a shared CPU's load hits both alike."""
    cfg = SFTConfig(
        micro_batch_size=micro_batch_size,
        grad_accum_steps=grad_accum_steps,
        max_length=max_length,
        max_steps=steps + warmup,
        warmup_steps=0,
        lr=1e-4,
        packing=False,
    )
    batches = _step_batches(cfg, steps + warmup)
    sizes = {"chunked": cfg.logps_chunk_size, "one_chunk": 1 << 30}
    modules = {
        name: SFTModule(fresh_model(), dataclasses.replace(cfg, logps_chunk_size=size))
        for name, size in sizes.items()
    }
    optimizers = {name: bare_optimizer(m.model, 1e-4) for name, m in modules.items()}
    times: dict[str, list[float]] = {name: [] for name in sizes}
    for index, batch in enumerate(batches):
        order = list(sizes) if index % 2 == 0 else list(sizes)[::-1]
        for name in order:
            start = time.perf_counter()
            modules[name].accumulate_gradients(batch, torch.Tensor.backward)
            torch.nn.utils.clip_grad_norm_(modules[name].model.parameters(), 1.0)
            optimizers[name].step()
            optimizers[name].zero_grad(set_to_none=True)
            times[name].append(time.perf_counter() - start)
    results = {name: statistics.median(t[warmup:]) for name, t in times.items()}
    paired = [  # each step's two timings ran back to back: robust to a drifting CPU load
        a / b for a, b in zip(times["chunked"][warmup:], times["one_chunk"][warmup:], strict=True)
    ]
    trained = [int((mb["targets"] != -100).sum()) for step in batches for mb in step]
    return {
        "stage": "sft_chunking",
        "model": "tiny_qwen3 (hidden 256, 4 layers)",
        "micro_batch_size": micro_batch_size,
        "trained_tokens_per_micro_batch_mean": statistics.mean(trained),
        "logps_chunk_size": cfg.logps_chunk_size,
        "measured_steps": steps,
        "median_step_s": results,
        "ratio_medlab_over_floor": results["chunked"] / results["one_chunk"],
        "ratio_paired_median": statistics.median(paired),
        "torch_threads": torch.get_num_threads(),
    }


def _pair_batches(cfg: DPOConfig, steps: int) -> list[list[MicroBatch]]:
    data = DataConfig(
        name="policy_dpo_sample",
        format="preference",
        train_files=[str(ASSETS_DIR / "data" / "policy_dpo" / "train.jsonl")],
    )
    tokenizer = load_tokenizer(None)
    pairs = encode_pairs(load_pairs(data, "train"), tokenizer, cfg.max_length, "train")
    collate = PairCollator(tokenizer.pad_token_id, cfg.micro_batch_size, None)
    per_step = cfg.examples_per_step
    return [
        collate([pairs[(s * per_step + i) % len(pairs)] for i in range(per_step)])
        for s in range(steps)
    ]


def _time_bare_dpo(batches: list[list[MicroBatch]], beta: float, warmup: int) -> list[float]:
    """Policy forward on chosen+rejected at once, reference forward without grad, sigmoid loss."""
    model = fresh_model()
    reference = copy.deepcopy(model).eval().requires_grad_(False)
    opt = bare_optimizer(model, 1e-4)
    times = []
    for batch in batches:
        start = time.perf_counter()
        total = sum(int(mb["input_ids"].shape[0]) // 2 for mb in batch)
        for mb in batch:
            logps, _ = trained_sequence_logps(model, mb)
            with torch.no_grad():
                ref, _ = trained_sequence_logps(reference, mb)
            n = logps.shape[0] // 2
            out = sigmoid_dpo_loss(logps[:n], logps[n:], ref[:n], ref[n:], beta=beta)
            (out.losses.sum() / total).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        times.append(time.perf_counter() - start)
    return times[warmup:]


def bench_dpo(
    steps: int, warmup: int, micro_batch_size: int, grad_accum_steps: int, max_length: int
) -> dict[str, Any]:
    cfg = DPOConfig(
        micro_batch_size=micro_batch_size,
        grad_accum_steps=grad_accum_steps,
        max_length=max_length,
        max_steps=steps + warmup,
        warmup_steps=0,
        lr=1e-4,
    )
    batches = _pair_batches(cfg, steps + warmup)
    model = fresh_model()
    module = DPOModule(model, cfg, FrozenCopyReference(copy.deepcopy(model)))
    results = {
        "bare_same": statistics.median(_time_bare_dpo(batches, cfg.beta, warmup)),
        "medlab": statistics.median(_time_medlab(batches, module, warmup)),
    }
    return {
        "stage": "dpo",
        "model": "tiny_qwen3 (hidden 256, 4 layers), frozen-copy reference",
        "micro_batch_size": micro_batch_size,
        "grad_accum_steps": grad_accum_steps,
        "measured_steps": steps,
        "median_step_s": results,
        "ratio_medlab_over_floor": results["medlab"] / results["bare_same"],
        "torch_threads": torch.get_num_threads(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="medlab step-time benchmark")
    parser.add_argument("stage", choices=["sft", "dpo", "grpo", "chunking"])
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--micro-batch-size", type=int, default=8)
    parser.add_argument("--grad-accum-steps", type=int, default=1)
    parser.add_argument("--max-length", type=int, default=512)
    parser.add_argument("--out", type=Path, default=None, help="also write the result as JSON")
    args = parser.parse_args()
    torch.manual_seed(0)
    bench = {"sft": bench_sft, "dpo": bench_dpo, "grpo": bench_grpo, "chunking": bench_chunking}[
        args.stage
    ]
    result = bench(
        args.steps, args.warmup, args.micro_batch_size, args.grad_accum_steps, args.max_length
    )
    print(f"{'loop':<22}{'median (s)':>12}")
    for name, value in result["median_step_s"].items():
        print(f"{name:<22}{value:>12.4f}")
    print(f"medlab / floor (bare_same): {result['ratio_medlab_over_floor']:.3f}  (target <= 1.05)")
    if "ratio_paired_median" in result:
        print(f"median of per-step ratios:  {result['ratio_paired_median']:.3f}")
    if "ratio_medlab_over_bare_hf" in result:
        print(f"medlab / bare_hf:           {result['ratio_medlab_over_bare_hf']:.3f}")
    if args.out:
        atomic_write_json(args.out, result)


if __name__ == "__main__":
    main()
