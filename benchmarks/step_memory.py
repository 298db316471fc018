"""Memory benchmark: peak memory of one optimizer step at the real Qwen3 vocabulary.

    python -m benchmarks.step_memory                    # SFT, DPO, GRPO update at T=1024, 2048
    python -m benchmarks.step_memory --lengths 1024 --stages sft
    make bench                                          # after the step-time benchmarks

A tiny Qwen3 body (hidden 64, 2 layers) with the real vocabulary (151,936, tied head), fp32, on
CPU, so the output head dominates: the memory that decides batch size and sequence length on a
GPU. Batch 2 (SFT: 2 rows; DPO: 2 pairs = 4 rows, frozen-copy reference; GRPO: 2 completions,
the update only), each row of T tokens with its second half trained. Two implementations:

  medlab        the stage module's own step (SFTModule / DPOModule `accumulate_gradients`,
                GRPOModule `policy_update`) + AdamW from `configure_adamw`
  bare_chunked  a hand-written loop: decoder, then the head + cross-entropy over 1024 trained
                positions at a time under `torch.utils.checkpoint` (the usual chunked loss)

Measured as tests/integration/test_memory_measured.py does: each case in a fresh process
(glibc mmap threshold 64 KiB, so big tensors go back to the OS when freed), a small warm-up
step, the model and AdamW built, one step to create the AdamW state, freed memory trimmed,
the peak-RSS mark reset (/proc/self/clear_refs = 5), then ONE more step; the result is the
peak RSS of that step minus the RSS before it: the step's extra memory (activations, logits,
gradients), without weights and optimizer state. Linux only. Targets (issue 14): medlab /
bare_chunked <= 1.25 at T=2048 for every stage, and T=2048 / T=1024 <= 1.2 (flat in length).
"""

from __future__ import annotations

import argparse
import copy
import ctypes
import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint
from transformers import AutoModelForCausalLM, Qwen3Config

from medlab.atomic_files import atomic_write_json
from medlab.config import DPOConfig, GRPOConfig, SFTConfig
from medlab.models.tokenizer import load_tokenizer
from medlab.rollout.types import Rollout
from medlab.stages.dpo import DPOModule
from medlab.stages.grpo import GRPOModule
from medlab.stages.optim import configure_adamw
from medlab.stages.reference import FrozenCopyReference
from medlab.stages.sft import SFTModule

QWEN3_VOCAB = 151_936
BARE_CHUNK = 1024
MMAP_THRESHOLD = 65536
STAGES = ("sft", "dpo", "grpo")
REPO_ROOT = Path(__file__).resolve().parents[1]
"""Where `python -m benchmarks.step_memory --child` finds the `benchmarks` package."""


# ---- measuring (child process) ---------------------------------------------------------------
def _status_bytes(key: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise KeyError(key)


def _trim() -> None:
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)


def _model(vocab: int, hidden: int, layers: int) -> torch.nn.Module:
    config = Qwen3Config(
        vocab_size=vocab,
        hidden_size=hidden,
        num_hidden_layers=layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        head_dim=hidden // 4,
        intermediate_size=3 * hidden,
        bos_token_id=None,
        eos_token_id=0,
        pad_token_id=0,
        tie_word_embeddings=True,
        max_position_embeddings=4096,
    )
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(
        config, dtype=torch.float32, attn_implementation="sdpa"
    )
    return model.train()


def _rows(rows: int, length: int, vocab: int) -> dict[str, torch.Tensor]:
    """`rows` sequences of `length` tokens; the second half of each row is trained."""
    ids = torch.randint(1, vocab, (rows, length))
    targets = ids.roll(-1, dims=1)
    targets[:, : length // 2] = -100
    targets[:, -1] = -100
    return {
        "input_ids": ids,
        "targets": targets,
        "attention_mask": torch.ones_like(ids),
        "position_ids": torch.arange(length).expand(rows, -1).contiguous(),
    }


def _chunked_ce(head: torch.nn.Module, hidden: torch.Tensor, targets: torch.Tensor) -> Any:
    """Per-token cross-entropy [K] of the bare loop, BARE_CHUNK positions per checkpoint."""
    parts = [
        checkpoint(
            lambda h, t: F.cross_entropy(head(h).float(), t, reduction="none"),
            hidden[i : i + BARE_CHUNK],
            targets[i : i + BARE_CHUNK],
            use_reentrant=False,
        )
        for i in range(0, hidden.shape[0], BARE_CHUNK)
    ]
    return torch.cat(parts)


def _bare_token_nll(model: Any, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """[K] -log p at the trained positions, row-major."""
    hidden = model.model(
        input_ids=batch["input_ids"],
        attention_mask=batch["attention_mask"],
        position_ids=batch["position_ids"],
    ).last_hidden_state
    keep = batch["targets"] != -100
    return _chunked_ce(model.lm_head, hidden[keep], batch["targets"][keep])  # type: ignore[no-any-return]


def _bare_row_logps(model: Any, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    keep = batch["targets"] != -100
    per_token = torch.zeros(keep.shape).masked_scatter(keep, -_bare_token_nll(model, batch))
    return per_token.sum(-1)


def _bare_step(stage: str, model: Any, reference: Any, batch: Any) -> None:
    if stage == "sft":
        nll = _bare_token_nll(model, batch)
        (nll.sum() / nll.shape[0]).backward()
    elif stage == "dpo":
        with torch.no_grad():
            ref = _bare_row_logps(reference, batch)
        logps = _bare_row_logps(model, batch)
        n = logps.shape[0] // 2
        margin = (logps[:n] - ref[:n]) - (logps[n:] - ref[n:])
        (-F.logsigmoid(0.1 * margin)).mean().backward()
    else:  # GRPO update, num_iterations = 1: ratio = exp(logp - logp.detach()), dapo
        logps = -_bare_token_nll(model, batch)
        advantages = torch.tensor([1.0, -1.0]).repeat_interleave(logps.shape[0] // 2)
        ratio = torch.exp(logps - logps.detach())
        (-(ratio * advantages).sum() / logps.shape[0]).backward()


def _medlab_parts(stage: str, model: Any, length: int, vocab: int) -> tuple[Any, Any]:
    """(step function, optimizer) of the medlab stage module for this case."""
    backward = torch.Tensor.backward
    if stage == "sft":
        sft = SFTModule(model, SFTConfig(micro_batch_size=2, max_length=length))
        batch = _rows(2, length, vocab)
        return lambda: sft.accumulate_gradients([batch], backward), configure_adamw(model, sft.cfg)[
            "optimizer"
        ]
    if stage == "dpo":
        ref = FrozenCopyReference(copy.deepcopy(model))
        dpo = DPOModule(model, DPOConfig(micro_batch_size=2, max_length=length), ref)
        pairs = _rows(4, length, vocab)
        return lambda: dpo.accumulate_gradients([pairs], backward), configure_adamw(model, dpo.cfg)[
            "optimizer"
        ]
    half = length // 2
    cfg = GRPOConfig(
        prompts_per_step=1,
        num_generations=2,
        micro_batch_size=2,
        max_completion_length=half,
        max_prompt_length=half,
    )
    grpo = GRPOModule(model, cfg, load_tokenizer(None), [], backend=None)  # type: ignore[arg-type]
    ids = torch.randint(1, vocab, (2, length))
    mask = torch.ones(2, half, dtype=torch.long)
    mask[:, -1] = 0  # as many trained tokens as SFT's rows
    rollout = Rollout(
        prompt_ids=ids[:, :half],
        prompt_mask=torch.ones(2, half, dtype=torch.long),
        completion_ids=ids[:, half:],
        completion_mask=mask,
        is_truncated=torch.zeros(2, dtype=torch.bool),
        completion_lengths=mask.sum(-1),
        rewards=torch.zeros(2, 1),
        reward_total=torch.zeros(2),
        advantages=torch.tensor([1.0, -1.0]),
        group_size=2,
    )
    return lambda: grpo.policy_update(rollout, backward), configure_adamw(model, cfg)["optimizer"]


def _bare_parts(stage: str, model: Any, length: int, vocab: int) -> tuple[Any, Any]:
    reference = copy.deepcopy(model).eval().requires_grad_(False) if stage == "dpo" else None
    batch = _rows(4 if stage == "dpo" else 2, length, vocab)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.9, 0.95))
    return lambda: _bare_step(stage, model, reference, batch), optimizer


def measure_case(impl: str, stage: str, length: int, vocab: int, hidden: int, layers: int) -> int:
    """Extra peak bytes of the second optimizer step of one case (this process)."""
    model = _model(vocab, hidden, layers)
    parts = _medlab_parts if impl == "medlab" else _bare_parts
    step, optimizer = parts(stage, model, length, vocab)
    for index in range(2):
        if index == 1:  # the AdamW state exists now
            _trim()
            with open("/proc/self/clear_refs", "w") as handle:
                handle.write("5")  # VmHWM := VmRSS
            before = _status_bytes("VmRSS")
        step()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
    return _status_bytes("VmHWM") - before


def child(impl: str, stage: str, length: int, vocab: int, hidden: int, layers: int) -> None:
    torch.set_num_threads(min(2, os.cpu_count() or 1))
    measure_case(impl, stage, 64, 512, 16, 1)  # load the code paths and thread pools
    _trim()
    print(json.dumps({"bytes": measure_case(impl, stage, length, vocab, hidden, layers)}))


# ---- driver ----------------------------------------------------------------------------------
def run_case(impl: str, stage: str, length: int, vocab: int, hidden: int, layers: int) -> int:
    args = [impl, stage, str(length), str(vocab), str(hidden), str(layers)]
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.step_memory", "--child", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        env={**os.environ, "MALLOC_MMAP_THRESHOLD_": str(MMAP_THRESHOLD)},
    )
    if out.returncode != 0:
        raise RuntimeError(f"memory case {args} failed:\n{out.stderr[-3000:]}")
    return int(json.loads(out.stdout.strip().splitlines()[-1])["bytes"])


def bench_memory(
    stages: list[str], lengths: list[int], vocab: int, hidden: int, layers: int
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for stage in stages:
        for length in lengths:
            medlab = run_case("medlab", stage, length, vocab, hidden, layers)
            bare = run_case("bare_chunked", stage, length, vocab, hidden, layers)
            results[f"{stage}@{length}"] = {
                "medlab_bytes": medlab,
                "bare_chunked_bytes": bare,
                "ratio": medlab / bare,
            }
            print(
                f"{stage:<5} T={length:<5} medlab {medlab / 1e9:6.2f} GB   bare_chunked "
                f"{bare / 1e9:6.2f} GB   medlab / bare {medlab / bare:5.2f}",
                flush=True,
            )
    longest, shortest = max(lengths), min(lengths)
    for stage in stages:
        if longest != shortest:
            growth = (
                results[f"{stage}@{longest}"]["medlab_bytes"]
                / results[f"{stage}@{shortest}"]["medlab_bytes"]
            )
            results[f"{stage}_growth"] = growth
            print(f"{stage:<5} medlab T={longest} / T={shortest}: {growth:.2f}  (target <= 1.2)")
        ratio = results[f"{stage}@{longest}"]["ratio"]
        print(f"{stage:<5} medlab / bare_chunked at T={longest}: {ratio:.2f}  (target <= 1.25)")
    return results


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        impl, stage, *numbers = sys.argv[2:]
        length, vocab, hidden, layers = map(int, numbers)
        child(impl, stage, length, vocab, hidden, layers)
        return
    parser = argparse.ArgumentParser(description="medlab peak step memory benchmark")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument("--lengths", nargs="+", type=int, default=[1024, 2048])
    parser.add_argument("--vocab", type=int, default=QWEN3_VOCAB)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--out", default=None, help="also write the result as JSON")
    args = parser.parse_args()
    print(
        f"peak extra memory of one optimizer step, vocab {args.vocab}, hidden {args.hidden}, "
        f"{args.layers} layers, batch 2, half of each row trained, fp32, CPU"
    )
    result = bench_memory(args.stages, args.lengths, args.vocab, args.hidden, args.layers)
    if args.out:
        atomic_write_json(Path(args.out), result)


if __name__ == "__main__":
    main()
