"""Timing of `medlab.decontam` on synthetic data of MedReason size (`python -m
benchmarks.decontam_speed [--rows 33000 --items 20000]`, from the repository root).

Training rows look like MedReason's (question ~60 words, options ~25, reasoning ~250, answer);
evaluation items like MedQA / MedMCQA's (question ~60 words, four options). Words are drawn from
a 20,000-word vocabulary with a Zipf-like law, so common words repeat as in real text. Every
100th evaluation item's question is copied into a training row, and the benchmark checks that
exactly those are found. Single process, wall-clock and peak resident memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from typing import Any

from medlab.decontam import build_eval_set, find_overlap

VOCAB = 20_000
PLANT_EVERY = 100


def _words(rng: random.Random, weights: list[float], k: int) -> str:
    return " ".join(f"w{i}" for i in rng.choices(range(VOCAB), cum_weights=weights, k=k))


def synthetic(
    rows: int, items: int, seed: int = 0
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """(training rows, evaluation items, number of planted copies)."""
    rng = random.Random(seed)
    cum: list[float] = []
    total = 0.0
    for rank in range(1, VOCAB + 1):
        total += 1.0 / rank
        cum.append(total)
    eval_items: list[dict[str, Any]] = [
        {
            "question": _words(rng, cum, 60),
            "options": {letter: _words(rng, cum, 6) for letter in "ABCD"},
        }
        for _ in range(items)
    ]
    train: list[dict[str, Any]] = [
        {
            "question": _words(rng, cum, 60),
            "options": _words(rng, cum, 25),
            "reasoning": _words(rng, cum, 250),
            "answer": _words(rng, cum, 5),
        }
        for _ in range(rows)
    ]
    planted = 0
    for i in range(0, min(rows, items * PLANT_EVERY), PLANT_EVERY):
        if i // PLANT_EVERY < items:
            train[i]["question"] = eval_items[i // PLANT_EVERY]["question"]
            planted += 1
    return train, eval_items, planted


def run_bench(rows: int = 33_000, items: int = 20_000, n: int = 8) -> dict[str, Any]:
    """Build the data, time index + scan, check the planted count; the numbers as a dict."""
    started = time.perf_counter()
    train, eval_items, planted = synthetic(rows, items)
    generated = time.perf_counter()
    eval_set = build_eval_set("synthetic_eval", eval_items, n)
    indexed = time.perf_counter()
    overlap = find_overlap("synthetic_train", train, [eval_set], n)
    done = time.perf_counter()
    pair = overlap.pairs[0]
    words = sum(len(" ".join(str(v) for v in row.values()).split()) for row in train)
    return {
        "train_rows": rows,
        "train_words": words,
        "eval_items": items,
        "ngram": n,
        "planted": planted,
        "contaminated_train_rows": pair.contaminated_train_rows,
        "contaminated_eval_items": pair.contaminated_eval_items,
        "exact": pair.contaminated_train_rows == planted == pair.contaminated_eval_items,
        "generate_s": round(generated - started, 2),
        "index_eval_s": round(indexed - generated, 2),
        "scan_train_s": round(done - indexed, 2),
        "decontam_total_s": round(done - generated, 2),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main(argv: list[str] | None = None) -> None:
    """`python -m benchmarks.decontam_speed`: print the numbers of `run_bench`."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.decontam_speed",
        description="time medlab.decontam on synthetic MedReason-size data",
    )
    parser.add_argument("--rows", type=int, default=33_000, help="training rows")
    parser.add_argument("--items", type=int, default=20_000, help="evaluation items")
    args = parser.parse_args(argv)
    print(run_bench(args.rows, args.items))


if __name__ == "__main__":
    main()
