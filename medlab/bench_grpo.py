"""GRPO step-time benchmark (`python -m medlab.bench grpo`): `GRPOModule` driven by a Trainer
next to a bare loop doing the same work (HF generate, rewards, group advantages, dapo loss over
medlab's chunked log-probs, AdamW), on the tiny Qwen3 and the toy triage prompts.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import torch

from medlab.bench_common import StepTimer, bare_optimizer, fit_timed, fresh_model
from medlab.config import ASSETS_DIR, DataConfig, GRPOConfig
from medlab.models.tokenizer import load_tokenizer


def _grpo_setup(steps: int) -> tuple[Any, Any, list[dict[str, Any]]]:
    from medlab.stages.grpo_setup import build_rewards
    from medlab.stages.prompt_datamodule import PromptCollator, load_prompt_rows

    tokenizer = load_tokenizer(None)
    data = DataConfig(
        name="toy_triage",
        format="prompt",
        train_files=[str(ASSETS_DIR / "data" / "toy_triage" / "train.jsonl")],
    )
    rows = load_prompt_rows(data, "train")
    items = []
    for messages, answer, _columns in rows:
        rendered: Any = tokenizer.apply_chat_template(
            messages, tokenize=True, add_generation_prompt=True, return_dict=True
        )
        items.append((list(rendered["input_ids"]), answer))
    collate = PromptCollator(tokenizer.pad_token_id)
    batches = [collate(items[s * 8 : s * 8 + 8]) for s in range(steps)]
    rewards = build_rewards(
        {
            "mcq_correctness": {
                "weight": 1.0,
                "fn": {"_target_": "medlab.rewards.mcq.mcq_correctness_reward"},
            },
            "think_format": {
                "weight": 0.1,
                "fn": {"_target_": "medlab.rewards.format.think_format_reward"},
            },
        }
    )
    return tokenizer, rewards, batches


class _SplitTimer(StepTimer):
    def __init__(self) -> None:
        super().__init__()
        self.generation: list[float] = []

    def on_train_batch_end(self, trainer: Any, module: Any, *args: Any) -> None:
        super().on_train_batch_end()
        self.generation.append(float(trainer.callback_metrics["time/generation_s"]))


def _time_bare_grpo(
    tokenizer: Any, rewards: Any, batches: list[dict[str, Any]], cfg: Any, warmup: int
) -> tuple[list[float], list[float]]:
    """Same work without the framework: HF generate, rewards, advantages, dapo loss, AdamW."""
    from medlab.advantages import combine_rewards, group_relative_advantages
    from medlab.losses.grpo import grpo_loss
    from medlab.models.tokenizer import end_of_turn_ids
    from medlab.rollout.backend import completion_mask
    from medlab.stages.grpo import completion_logps, score

    torch.manual_seed(0)
    model = fresh_model()
    opt = bare_optimizer(model, 1e-4)
    eos = end_of_turn_ids(tokenizer)
    weights = torch.tensor([r.weight for r in rewards])
    steps, gens = [], []
    for batch in batches:
        start = time.perf_counter()
        with torch.no_grad():
            model.eval()
            out = model.generate(
                input_ids=batch["prompt_ids"],
                attention_mask=batch["prompt_mask"],  # type: ignore[operator]
                do_sample=True,
                temperature=1.0,
                max_new_tokens=cfg.max_completion_length,
                num_return_sequences=cfg.num_generations,
                eos_token_id=eos,
                pad_token_id=tokenizer.pad_token_id,
            )
            model.train()
        completions = out[:, batch["prompt_ids"].shape[1] :]
        mask, _, _ = completion_mask(completions, eos)
        texts = tokenizer.batch_decode(
            completions * mask + (1 - mask) * tokenizer.pad_token_id, skip_special_tokens=True
        )
        answers = [a for a in batch["answers"] for _ in range(cfg.num_generations)]
        total = combine_rewards(score(rewards, texts, answers), weights)
        adv = group_relative_advantages(total, cfg.num_generations).advantages
        gens.append(time.perf_counter() - start)
        prompt_ids = batch["prompt_ids"].repeat_interleave(cfg.num_generations, 0)
        prompt_mask = batch["prompt_mask"].repeat_interleave(cfg.num_generations, 0)
        num_items = mask.sum()
        for i in range(0, completions.shape[0], cfg.micro_batch_size):
            sl = slice(i, i + cfg.micro_batch_size)
            logps, _ = completion_logps(
                model, prompt_ids[sl], prompt_mask[sl], completions[sl], mask[sl], with_entropy=True
            )
            loss = grpo_loss(
                "dapo",
                logps,
                None,
                adv[sl],
                mask[sl],
                epsilon_low=0.2,
                epsilon_high=0.2,
                num_items_in_batch=num_items,
            ).loss
            loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        steps.append(time.perf_counter() - start)
    return steps[warmup:], gens[warmup:]


def bench_grpo(
    steps: int, warmup: int, micro_batch_size: int, grad_accum_steps: int, max_length: int
) -> dict[str, Any]:
    from medlab.rollout.backend import HFGenerateBackend
    from medlab.stages.grpo import GRPOModule

    cfg = GRPOConfig(
        prompts_per_step=8,
        num_generations=8,
        micro_batch_size=32,
        max_completion_length=32,
        max_steps=steps + warmup,
        lr=1e-4,
    )
    tokenizer, rewards, batches = _grpo_setup(steps + warmup)
    bare_steps, bare_gen = _time_bare_grpo(tokenizer, rewards, batches, cfg, warmup)
    torch.manual_seed(0)
    module = GRPOModule(fresh_model(), cfg, tokenizer, rewards, HFGenerateBackend())
    timer = _SplitTimer()
    fit_timed(batches, module, timer)
    med_steps, med_gen = timer.times[warmup:], timer.generation[warmup:]
    median = statistics.median
    results = {
        "bare_same": median(bare_steps),
        "medlab": median(med_steps),
        "bare_same_generation": median(bare_gen),
        "medlab_generation": median(med_gen),
        "bare_same_update": median(s - g for s, g in zip(bare_steps, bare_gen, strict=True)),
        "medlab_update": median(s - g for s, g in zip(med_steps, med_gen, strict=True)),
    }
    return {
        "stage": "grpo",
        "model": "tiny_qwen3 (hidden 256, 4 layers), 8 prompts x 8 completions, <= 32 new tokens",
        "measured_steps": steps,
        "median_step_s": results,
        "ratio_medlab_over_floor": results["medlab"] / results["bare_same"],
        "ratio_update_medlab_over_floor": results["medlab_update"] / results["bare_same_update"],
        "torch_threads": torch.get_num_threads(),
    }
