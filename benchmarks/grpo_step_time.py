"""GRPO step-time benchmark (`python -m benchmarks.step_time grpo`): `GRPOModule` driven by a Trainer
next to a bare loop doing the same work (HF generate with the same sampling settings, rewards,
group advantages, dapo loss over medlab's chunked log-probs, AdamW), on the tiny Qwen3 and the
toy triage prompts. The two alternate step by step (bare, then medlab, on the same batch from
the same RNG state), so a CPU load that drifts during the run hits both alike; the median of
the per-step ratios is reported next to the ratio of the medians.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import torch

from benchmarks.step_timer import StepTimer, bare_optimizer, fit_timed, fresh_model
from medlab.advantages import combine_rewards, group_relative_advantages
from medlab.config import ASSETS_DIR, DataConfig, GRPOConfig
from medlab.losses.grpo import grpo_loss
from medlab.models.forward import completion_logps
from medlab.models.tokenizer import end_of_turn_ids, load_tokenizer
from medlab.rollout.backend import HFGenerateBackend, completion_mask
from medlab.stages.grpo import GRPOModule
from medlab.stages.grpo_scoring import score
from medlab.stages.grpo_setup import build_rewards
from medlab.stages.prompt_datamodule import PromptCollator, load_prompt_rows


def toy_triage_batches(steps: int) -> tuple[Any, Any, list[dict[str, Any]]]:
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


class _BareGRPO:
    """Same work without the framework: HF generate, rewards, advantages, dapo loss, AdamW."""

    def __init__(self, tokenizer: Any, rewards: Any, cfg: GRPOConfig) -> None:
        self.tokenizer, self.rewards, self.cfg = tokenizer, rewards, cfg
        self.model = fresh_model()
        self.opt = bare_optimizer(self.model, 1e-4)
        self.eos = end_of_turn_ids(tokenizer)
        self.weights = torch.tensor([r.weight for r in rewards])

    def step(self, batch: dict[str, Any]) -> tuple[float, float]:
        """(step seconds, generation seconds) of one optimizer step on `batch`."""
        cfg, tokenizer, model = self.cfg, self.tokenizer, self.model
        start = time.perf_counter()
        with torch.no_grad():
            model.eval()
            out = model.generate(  # the sampling settings HFGenerateBackend passes
                input_ids=batch["prompt_ids"],
                attention_mask=batch["prompt_mask"],  # type: ignore[operator]
                do_sample=True,
                temperature=cfg.temperature,
                top_p=cfg.top_p,
                top_k=cfg.top_k,
                max_new_tokens=cfg.max_completion_length,
                num_return_sequences=cfg.num_generations,
                eos_token_id=self.eos,
                pad_token_id=tokenizer.pad_token_id,
            )
            model.train()
        completions = out[:, batch["prompt_ids"].shape[1] :]
        mask, _, _ = completion_mask(completions, self.eos)
        texts = tokenizer.batch_decode(
            completions * mask + (1 - mask) * tokenizer.pad_token_id, skip_special_tokens=True
        )
        answers = [a for a in batch["answers"] for _ in range(cfg.num_generations)]
        total = combine_rewards(score(self.rewards, texts, answers), self.weights)
        adv = group_relative_advantages(total, cfg.num_generations).advantages
        generation = time.perf_counter() - start
        self._update(batch, completions, mask, adv)
        return time.perf_counter() - start, generation

    def _update(
        self,
        batch: dict[str, Any],
        completions: torch.Tensor,
        mask: torch.Tensor,
        adv: torch.Tensor,
    ) -> None:
        cfg, model = self.cfg, self.model
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
        self.opt.step()
        self.opt.zero_grad(set_to_none=True)


class _InterleavedTimer(StepTimer):
    """Runs the bare loop's step on the same batch right before each medlab step, both from the
    same RNG state, so each pair of timings shares the machine's load of that moment."""

    def __init__(self, bare: _BareGRPO) -> None:
        super().__init__()
        self.bare = bare
        self.bare_times: list[float] = []
        self.bare_generation: list[float] = []
        self.generation: list[float] = []

    def on_train_batch_start(self, trainer: Any, module: Any, batch: Any, batch_idx: int) -> None:
        torch.manual_seed(1000 + batch_idx)
        step_s, generation_s = self.bare.step(batch)
        self.bare_times.append(step_s)
        self.bare_generation.append(generation_s)
        torch.manual_seed(1000 + batch_idx)
        super().on_train_batch_start()

    def on_train_batch_end(self, trainer: Any, module: Any, *args: Any) -> None:
        super().on_train_batch_end()
        self.generation.append(float(trainer.callback_metrics["time/generation_s"]))


def bench_grpo(
    steps: int, warmup: int, micro_batch_size: int, grad_accum_steps: int, max_length: int
) -> dict[str, Any]:
    """Medlab's GRPO step next to the bare loop's, the two alternating step by step."""
    cfg = GRPOConfig(
        prompts_per_step=8,
        num_generations=8,
        micro_batch_size=32,
        max_completion_length=32,
        max_steps=steps + warmup,
        lr=1e-4,
        lr_schedule="cosine",
        max_prompt_length=512,
    )
    tokenizer, rewards, batches = toy_triage_batches(steps + warmup)
    torch.manual_seed(0)
    timer = _InterleavedTimer(_BareGRPO(tokenizer, rewards, cfg))
    torch.manual_seed(0)
    module = GRPOModule(fresh_model(), cfg, tokenizer, rewards, HFGenerateBackend())
    fit_timed(batches, module, timer)
    bare_steps, bare_gen = timer.bare_times[warmup:], timer.bare_generation[warmup:]
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
        "ratio_paired_median": median(m / b for m, b in zip(med_steps, bare_steps, strict=True)),
        "ratio_update_medlab_over_floor": results["medlab_update"] / results["bare_same_update"],
        "torch_threads": torch.get_num_threads(),
    }
