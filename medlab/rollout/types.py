"""The typed container of one GRPO generation batch.

Shapes (P prompts, G completions per prompt, N = P * G rows, group members contiguous:
rows g*G .. g*G+G-1 belong to prompt g; Lp = longest prompt, Lc = longest completion):
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch


@dataclass
class Rollout:
    prompt_ids: torch.Tensor
    """[N, Lp] prompt tokens, LEFT-padded (each prompt repeated G times)."""
    prompt_mask: torch.Tensor
    """[N, Lp] 1 on real prompt tokens, 0 on left padding."""
    completion_ids: torch.Tensor
    """[N, Lc] sampled tokens, right-padded after the first EOS."""
    completion_mask: torch.Tensor
    """[N, Lc] 1 up to and including the first EOS; 0 after it (and on every token of a
    truncated completion when mask_truncated_completions is on)."""
    is_truncated: torch.Tensor
    """[N] bool: no EOS within max_completion_length."""
    completion_lengths: torch.Tensor
    """[N] number of generated tokens up to and including EOS (Lc if truncated)."""
    rewards: torch.Tensor
    """[N, K] per reward function; NaN = could not be scored."""
    reward_total: torch.Tensor
    """[N] weighted sum of rewards; NaN if any weighted reward is NaN."""
    advantages: torch.Tensor
    """[N] group-relative advantages (0 for NaN rewards)."""
    group_size: int
    """G, completions per prompt."""
    old_logps: torch.Tensor | None = None
    """[N, Lc] per-token log-probs of the sampling policy (only needed when num_iterations > 1;
    with one update per generation batch old = current.detach())."""
    ref_logps: torch.Tensor | None = None
    """[N, Lc] per-token log-probs of the reference model (only when beta > 0)."""
    sampled_logps: torch.Tensor | None = None
    """[N, Lc] fp32 log-prob of each sampled token under the engine's sampling distribution
    (0 on padding); None when the backend does not report them (HF generate). Compared with
    the trainer's old log-probs for the mismatch metrics and the importance-sampling weights."""
    texts: list[str] = field(default_factory=list)
    """[N] decoded completions (what the reward functions scored)."""

    @property
    def num_rows(self) -> int:
        return int(self.completion_ids.shape[0])

    def rows(self, index: slice) -> Rollout:
        """A micro-batch view: the same fields restricted to rows `index`."""

        def take(t: torch.Tensor | None) -> torch.Tensor | None:
            return None if t is None else t[index]

        return Rollout(
            prompt_ids=self.prompt_ids[index],
            prompt_mask=self.prompt_mask[index],
            completion_ids=self.completion_ids[index],
            completion_mask=self.completion_mask[index],
            is_truncated=self.is_truncated[index],
            completion_lengths=self.completion_lengths[index],
            rewards=self.rewards[index],
            reward_total=self.reward_total[index],
            advantages=self.advantages[index],
            group_size=self.group_size,
            old_logps=take(self.old_logps),
            ref_logps=take(self.ref_logps),
            sampled_logps=take(self.sampled_logps),
            texts=self.texts[index],
        )
