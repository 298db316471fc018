"""Rollout generation time: Hugging Face `generate` (`stage.backend=hf`) next to the colocated
vLLM engine (`stage.backend=vllm`) on the same prompts, model and sampling settings.

    .venv-vllm/bin/python -m benchmarks.rollout_generation       # what `make bench` runs last
    .venv-vllm/bin/python -m benchmarks.rollout_generation --rounds 10 --max-new-tokens 64

Needs vLLM, so it runs in `.venv-vllm` (`make vllm-install`), from the repository root. The model is the GRPO benchmark's
tiny Qwen3 (hidden 256, 4 layers, fp32) and the prompts its toy triage batches (8 prompts x 8
completions per round). The two backends alternate round by round (HF, then vLLM, each from
the same RNG state) so a drifting CPU load hits both alike; each round of vLLM also pushes the
weights into the engine first (`sync_weights`, what the GRPO module does after every optimizer
step), timed on its own. Reported: median seconds per round, generated tokens per second, and
the engine's one-off start. On a GPU the gap is expected to be much larger than on CPU
(paged attention, CUDA graphs, continuous batching); this benchmark was only run on CPU.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

import torch

from benchmarks.grpo_step_time import toy_triage_batches
from benchmarks.step_timer import fresh_model
from medlab.config import VLLMConfig
from medlab.models.tokenizer import end_of_turn_ids
from medlab.rollout.backend import (
    GenerationOutput,
    HFGenerateBackend,
    SamplingConfig,
    completion_mask,
)


def _tokens(out: GenerationOutput, eos: list[int]) -> int:
    """Generated tokens (up to and including each completion's EOS)."""
    return int(completion_mask(out.completion_ids, eos)[2].sum())


def bench_generation(rounds: int, warmup: int, max_new_tokens: int, generations: int) -> dict:
    os.environ.setdefault("VLLM_ENABLE_V1_MULTIPROCESSING", "0")
    from medlab.rollout.vllm_backend import VLLMBackend

    tokenizer, _rewards, batches = toy_triage_batches(rounds + warmup)
    torch.manual_seed(0)
    model = fresh_model().eval()
    eos, pad = end_of_turn_ids(tokenizer), tokenizer.pad_token_id
    sampling = SamplingConfig(max_completion_length=max_new_tokens)
    hf = HFGenerateBackend()
    longest = max(int(b["prompt_ids"].shape[1]) for b in batches)
    engine = VLLMBackend(VLLMConfig(dtype="float32"), max_model_len=longest + max_new_tokens)
    start = time.perf_counter()
    engine.generate(
        model, batches[0]["prompt_ids"][:1], batches[0]["prompt_mask"][:1], 1, sampling, eos, pad
    )
    engine_start = time.perf_counter() - start
    times: dict[str, list[float]] = {"hf": [], "vllm": [], "vllm_sync": []}
    tokens: dict[str, list[int]] = {"hf": [], "vllm": []}
    for i, batch in enumerate(batches):
        args = (model, batch["prompt_ids"], batch["prompt_mask"], generations, sampling, eos, pad)
        torch.manual_seed(100 + i)
        start = time.perf_counter()
        out = hf.generate(*args)
        times["hf"].append(time.perf_counter() - start)
        tokens["hf"].append(_tokens(out, eos))
        start = time.perf_counter()
        engine.sync_weights(model)
        times["vllm_sync"].append(time.perf_counter() - start)
        torch.manual_seed(100 + i)
        start = time.perf_counter()
        out = engine.generate(*args)
        times["vllm"].append(time.perf_counter() - start)
        tokens["vllm"].append(_tokens(out, eos))
    engine.close()
    median = {name: statistics.median(t[warmup:]) for name, t in times.items()}
    per_second = {
        name: sum(tokens[name][warmup:]) / sum(times[name][warmup:]) for name in ("hf", "vllm")
    }
    return {
        "model": "tiny_qwen3 (hidden 256, 4 layers, fp32), CPU",
        "prompts_x_completions": f"8 x {generations}, <= {max_new_tokens} new tokens",
        "measured_rounds": rounds,
        "median_round_s": median,
        "tokens_per_s": per_second,
        "engine_start_s": engine_start,
        "speedup_vllm_over_hf": median["hf"] / median["vllm"],
        "torch_threads": torch.get_num_threads(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="HF generate vs vLLM rollout time")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--max-new-tokens", type=int, default=32)
    parser.add_argument("--generations", type=int, default=8)
    args = parser.parse_args()
    result: dict[str, Any] = bench_generation(
        args.rounds, args.warmup, args.max_new_tokens, args.generations
    )
    print(f"generation: {result['prompts_x_completions']}, {result['model']}")
    print(f"{'backend':<22}{'median (s)':>12}{'tokens/s':>12}")
    for name in ("hf", "vllm"):
        rate = result["tokens_per_s"][name]
        print(f"{name:<22}{result['median_round_s'][name]:>12.4f}{rate:>12.1f}")
    print(f"{'vllm weight push':<22}{result['median_round_s']['vllm_sync']:>12.4f}")
    print(f"vLLM engine start (once): {result['engine_start_s']:.1f} s")
    print(f"hf / vllm (generation speed-up): {result['speedup_vllm_over_hf']:.2f}")


if __name__ == "__main__":
    main()
