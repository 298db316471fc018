"""`GRPOModule`: group relative policy optimisation with verifiable rewards.

One training batch = P prompts. Per batch:
  1. generate G completions per prompt with the rollout backend (KV cache, sampling),
  2. score them with the reward functions (NaN = unscorable), combine with weights,
  3. group-relative advantages (medlab.advantages),
  4. old log-probs (only if num_iterations > 1) and reference log-probs (only if beta > 0),
  5. num_iterations optimizer steps over micro-batches of completions, loss from
     medlab.losses.grpo (clipped ratio, k3 KL, grpo / bnpo / dr_grpo / dapo aggregation),
     each followed by `backend.sync_weights(model)` for an engine with its own weights (vLLM).
Validation decodes greedily on held-out prompts and reports each reward's mean.

Every log-prob (policy, old, reference) and the entropy are those of logits / temperature: the
distribution the completions were sampled from (TRL does the same). When the backend reports
the engine's log-prob of each sampled token, the mismatch with the trainer's old log-probs is
logged and, with `stage.importance_sampling_cap`, the loss is importance-weighted
(`medlab.losses.grpo.sampling_importance_weights`, metrics in `medlab.stages.grpo_metrics`).

Under DDP each rank generates for its own `prompts_per_step` prompts, so a group (the G
completions of one prompt) always lives on one rank. The rewards of all ranks are gathered
before the advantages are computed (whole groups, rank-major), so `scale_rewards=batch` uses
the std of the global batch, and the rollout metrics describe the global batch. `dapo`
normalises by the active tokens of every rank (an all-reduce); tests check that 2 ranks x 2
prompts give the same update as 1 process x 4 prompts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import lightning as L
import torch

from medlab.advantages import AdvantageOutput, combine_rewards, group_relative_advantages
from medlab.config import GRPOConfig
from medlab.losses.grpo import GRPOLossOutput, grpo_loss
from medlab.models.forward import completion_logps
from medlab.models.tokenizer import end_of_turn_ids
from medlab.rollout.backend import (
    GenerationBackend,
    SamplingConfig,
    as_generation_output,
    completion_mask,
)
from medlab.rollout.types import Rollout
from medlab.stages.distributed import replay_last, sum_over_ranks, validation_replays
from medlab.stages.grpo_metrics import SamplingCorrection, rollout_metrics
from medlab.stages.grpo_scoring import RewardSpec, score
from medlab.stages.optim import configure_adamw, optimizer_step, step_backward
from medlab.stages.reference import ReferenceModel
from medlab.stages.trainer import shard_model


class GRPOModule(L.LightningModule):
    def __init__(
        self,
        model: torch.nn.Module,
        cfg: GRPOConfig,
        tokenizer: Any,
        rewards: list[RewardSpec],
        backend: GenerationBackend,
        reference: ReferenceModel | None = None,
    ) -> None:
        super().__init__()
        self.model = model
        self.cfg = cfg
        self.tokenizer = tokenizer
        self.reward_specs = rewards
        self.backend = backend
        self.reference = reference
        self.automatic_optimization = False
        self.sampling = SamplingConfig(
            cfg.max_completion_length, cfg.temperature, cfg.top_p, cfg.top_k
        )
        self.eos_ids = end_of_turn_ids(tokenizer)
        self._val: dict[str, torch.Tensor] = {}
        self.last_rollout: Rollout | None = None  # read by medlab.completions_log

    # ---- rollout ---------------------------------------------------------------------------
    def make_rollout(
        self,
        batch: dict[str, Any],
        num_generations: int,
        sampling: SamplingConfig,
        greedy: bool = False,
        gather: bool = False,
    ) -> tuple[Rollout, AdvantageOutput]:
        """Generate, score and compute advantages for one batch of prompts.

        With `gather` (training), advantages come from the rewards of every rank; the returned
        AdvantageOutput then describes the global batch and the Rollout holds this rank's rows.
        """
        prompt_ids, prompt_mask = batch["prompt_ids"], batch["prompt_mask"]
        completions, sampled = self._generate(
            prompt_ids, prompt_mask, num_generations, sampling, greedy
        )
        mask, truncated, lengths = completion_mask(completions, self.eos_ids)
        texts = self.tokenizer.batch_decode(
            completions * mask + (1 - mask) * self.tokenizer.pad_token_id, skip_special_tokens=True
        )
        answers = [a for a in batch["answers"] for _ in range(num_generations)]
        columns = {
            key: [v for v in values for _ in range(num_generations)]
            for key, values in (batch.get("columns") or {}).items()
        }
        rewards = score(self.reward_specs, texts, answers, columns)  # [N, K] this rank's rows
        weights = torch.tensor([r.weight for r in self.reward_specs])
        everyone = self._gather_rows(rewards) if gather else rewards  # [world * N, K]
        adv = group_relative_advantages(
            combine_rewards(everyone, weights), num_generations, self.cfg.scale_rewards
        )
        start = self.global_rank * len(texts) if gather else 0  # this rank's rows in `everyone`
        total = combine_rewards(rewards, weights)
        if self.cfg.mask_truncated_completions:
            mask = mask * (~truncated)[:, None].long()
        self.last_rollout = Rollout(
            prompt_ids=prompt_ids.repeat_interleave(num_generations, 0),
            prompt_mask=prompt_mask.repeat_interleave(num_generations, 0),
            completion_ids=completions,
            completion_mask=mask,
            is_truncated=truncated,
            completion_lengths=lengths,
            rewards=rewards,
            reward_total=total,
            advantages=adv.advantages[start : start + len(texts)].to(completions.device),
            group_size=num_generations,
            sampled_logps=sampled,
            texts=texts,
        )
        return self.last_rollout, adv

    def _generate(
        self,
        prompt_ids: torch.Tensor,
        prompt_mask: torch.Tensor,
        num_generations: int,
        sampling: SamplingConfig,
        greedy: bool,
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(completion ids [N, Lc], the engine's sampled-token log-probs [N, Lc] fp32 or None)."""
        generated = as_generation_output(
            self.backend.generate(
                self.model,
                prompt_ids,
                prompt_mask,
                num_generations,
                sampling,
                self.eos_ids,
                self.tokenizer.pad_token_id,
                greedy=greedy,
            )
        )
        completions, sampled = generated.completion_ids, generated.sampled_logps
        if sampled is None:
            return completions, None
        if sampled.shape != completions.shape:
            raise ValueError(
                f"{type(self.backend).__name__}: sampled_logps {tuple(sampled.shape)} must have "
                f"the shape of completion_ids {tuple(completions.shape)}"
            )
        return completions, sampled.float().to(completions.device)

    def _gather_rows(self, rows: torch.Tensor) -> torch.Tensor:
        """[world * N, ...]: every rank's rows, rank-major (one process: `rows` itself)."""
        if self._trainer is None or self.trainer.world_size == 1:
            return rows
        gathered = self.all_gather(rows.to(self.device))  # [world, N, ...]
        assert isinstance(gathered, torch.Tensor)
        return gathered.reshape(-1, *rows.shape[1:]).to(rows.device)

    @torch.no_grad()
    def _fill_logps(self, rollout: Rollout) -> None:
        step, cfg = self.cfg.micro_batch_size, self.cfg
        micro = [rollout.rows(slice(i, i + step)) for i in range(0, rollout.num_rows, step)]
        if cfg.num_iterations > 1:
            rollout.old_logps = torch.cat(
                [
                    completion_logps(
                        self.model,
                        *(r.prompt_ids, r.prompt_mask, r.completion_ids, r.completion_mask),
                        chunk_size=cfg.logps_chunk_size,
                        temperature=cfg.temperature,
                    )[0]
                    for r in micro
                ]
            )
        if cfg.beta > 0 and self.reference is not None:
            rollout.ref_logps = torch.cat([self.reference.completion_logps(r) for r in micro])

    # ---- update ----------------------------------------------------------------------------
    def policy_update(
        self, rollout: Rollout, backward: Callable[[torch.Tensor], Any]
    ) -> dict[str, torch.Tensor]:
        """One optimizer step's gradients over all micro-batches of `rollout`.

        Returns the step's loss and token-weighted kl / clip ratios / entropy over every rank
        (plus the `SamplingCorrection` metrics when the backend reported sampled log-probs),
        as 0-dim tensors: no host sync inside the loop (the logger reads them once).
        """
        cfg = self.cfg
        world = 1 if self._trainer is None else self.trainer.world_size
        num_items = sum_over_ranks(self, rollout.completion_mask.sum().float())  # all ranks
        # loss, then token-weighted sums of kl, clip_ratio_low, clip_ratio_high, entropy; tokens
        sums = torch.zeros(6, dtype=torch.float64, device=rollout.completion_mask.device)
        correction = SamplingCorrection(
            cfg.importance_sampling_cap, cfg.importance_sampling_mode, sums.device
        )
        n_micro = rollout.num_rows // cfg.micro_batch_size
        for i in range(0, rollout.num_rows, cfg.micro_batch_size):
            mb = rollout.rows(slice(i, i + cfg.micro_batch_size))
            out, entropy = self._micro_batch_loss(mb, num_items.clamp(min=1) / world, correction)
            # dapo is already normalised by the whole batch; the others average micro-batches.
            loss = out.loss if cfg.loss_type == "dapo" else out.loss / n_micro
            backward(loss)
            active = mb.completion_mask.sum().to(sums)
            sums += torch.stack(
                [
                    loss.detach().to(sums),
                    out.kl.to(sums) * active,
                    out.clip_ratio_low.to(sums) * active,
                    out.clip_ratio_high.to(sums) * active,
                    (entropy * mb.completion_mask).sum().to(sums),
                    active,
                ]
            )
        total = sum_over_ranks(self, sums.to(self.device))
        tokens = total[5].clamp(min=1.0)
        return {
            "loss": (total[0] / world).float(),  # each rank's loss is its share x world
            "kl": (total[1] / tokens).float(),
            "clip_ratio_low": (total[2] / tokens).float(),
            "clip_ratio_high": (total[3] / tokens).float(),
            "entropy": (total[4] / tokens).float(),
        } | correction.metrics(self)

    def _micro_batch_loss(
        self, mb: Rollout, num_items: torch.Tensor, correction: SamplingCorrection
    ) -> tuple[GRPOLossOutput, torch.Tensor]:
        """The GRPO loss of one micro-batch and its per-token entropy [b, Lc] (detached)."""
        cfg = self.cfg
        logps, entropy = completion_logps(
            self.model,
            mb.prompt_ids,
            mb.prompt_mask,
            mb.completion_ids,
            mb.completion_mask,
            with_entropy=True,
            chunk_size=cfg.logps_chunk_size,
            temperature=cfg.temperature,
        )
        is_weights = None
        if mb.sampled_logps is not None:
            # The trainer's log-probs at sampling time: stored when mu > 1; with mu = 1 this
            # forward's own (same weights), so the comparison costs no extra forward.
            old = logps.detach() if mb.old_logps is None else mb.old_logps
            is_weights = correction.weights(old, mb.sampled_logps, mb.completion_mask)
        out = grpo_loss(
            cfg.loss_type,
            logps,
            mb.old_logps,
            mb.advantages,
            mb.completion_mask,
            epsilon_low=cfg.epsilon_low,
            epsilon_high=cfg.epsilon_high,
            ref_logps=mb.ref_logps,
            beta=cfg.beta,
            max_completion_length=cfg.max_completion_length,
            num_items_in_batch=num_items,
            is_weights=is_weights,
        )
        assert entropy is not None
        return out, entropy

    def training_step(self, batch: dict[str, Any], batch_idx: int) -> None:
        start = time.perf_counter()
        optimizer: Any = self.optimizers()
        scheduler: Any = self.lr_schedulers()
        rollout, adv = self.make_rollout(
            batch, self.cfg.num_generations, self.sampling, gather=True
        )
        generation_s = time.perf_counter() - start
        self._fill_logps(rollout)
        n_micro = rollout.num_rows // self.cfg.micro_batch_size
        for _ in range(self.cfg.num_iterations):
            stats = self.policy_update(rollout, step_backward(self, n_micro))
            optimizer_step(self, optimizer, scheduler, self.cfg.max_grad_norm)
            self.sync_backend_weights()
        step_s = time.perf_counter() - start
        self.log_dict(
            rollout_metrics(rollout, adv, self.reward_specs, self._gather_rows)
            | {key: value for key, value in stats.items() if key.startswith("rollout/")}
            | {
                "train/loss": stats["loss"],
                "train/kl": stats["kl"],
                "train/entropy": stats["entropy"],
                "train/clip_ratio_low": stats["clip_ratio_low"],
                "train/clip_ratio_high": stats["clip_ratio_high"],
                "train/lr": optimizer.param_groups[0]["lr"],
                "time/generation_s": generation_s,
                "time/step_s": step_s,
                "time/generation_share": generation_s / step_s,
            },
            on_step=True,
            on_epoch=False,
            batch_size=rollout.num_rows,
        )
        self.log(
            "reward",
            float(torch.nanmean(rollout.reward_total)),
            prog_bar=True,
            logger=False,
            on_step=True,
            batch_size=1,
        )

    # ---- validation ------------------------------------------------------------------------
    def on_validation_epoch_start(self) -> None:
        self._val = {}
        self._val_replays = validation_replays(self)

    def validation_step(self, batch: dict[str, Any], batch_idx: int) -> None:
        greedy = SamplingConfig(self.cfg.max_completion_length)
        rollout, _ = self.make_rollout(batch, 1, greedy, greedy=True)
        sums = {spec.name: rollout.rewards[:, k] for k, spec in enumerate(self.reward_specs)}
        sums["reward"] = rollout.reward_total
        sums["completion_length"] = rollout.completion_lengths.float()
        for key, values in sums.items():
            scored = values[~values.isnan()]
            acc = self._val.setdefault(key, torch.zeros(2, dtype=torch.float64))
            acc += torch.tensor([float(scored.sum()), float(scored.numel())], dtype=torch.float64)
        replay_last(
            self, batch_idx, self._val_replays, lambda: self.make_rollout(batch, 1, greedy, True)
        )

    def on_validation_epoch_end(self) -> None:
        for key, acc in self._val.items():
            total = self.trainer.strategy.reduce(acc.to(self.device), reduce_op="sum")
            name = (
                f"val/rewards/{key}/mean"
                if key not in ("reward", "completion_length")
                else f"val/{key}_mean"
            )
            self.log(name, float(total[0] / total[1].clamp(min=1)), prog_bar=key == "reward")

    def on_train_start(self) -> None:
        # seed_everything seeded every rank alike; give ranks > 0 their own sampling stream so
        # their completions do not share rank 0's random draws (one process is unchanged).
        if self.trainer.world_size > 1 and self.global_rank > 0:
            torch.manual_seed(torch.initial_seed() + 7919 * self.global_rank)
        self.sync_backend_weights()  # after any resume checkpoint was loaded

    def sync_backend_weights(self) -> None:
        """Push the policy's current weights into a backend that keeps its own copy (vLLM);
        no-op for HF generate, which samples from the policy itself."""
        sync = getattr(self.backend, "sync_weights", None)
        if callable(sync):
            sync(self.model)

    def configure_model(self) -> None:
        shard_model(self)

    def configure_optimizers(self) -> Any:
        return configure_adamw(self.model, self.cfg)
