"""GRPO module pieces: completion log-probs, EOS masks, rollout scoring, accumulation, rewards config."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from medlab.config import GRPOConfig
from medlab.errors import ConfigError
from medlab.models.forward import completion_logps
from medlab.rollout.backend import SamplingConfig, completion_mask
from medlab.stages.grpo import GRPOModule
from medlab.stages.grpo_setup import build_rewards
from medlab.stages.prompt_datamodule import PromptCollator

REWARDS_CFG = {
    "mcq_correctness": {
        "weight": 1.0,
        "fn": {"_target_": "medlab.rewards.mcq.mcq_correctness_reward"},
    },
    "think_format": {
        "weight": 0.5,
        "fn": {"_target_": "medlab.rewards.format.think_format_reward"},
    },
}


class ScriptedBackend:
    """Returns fixed completions (token ids of given texts), ignoring the model."""

    def __init__(self, tokenizer, texts):
        self.tokenizer = tokenizer
        self.texts = texts

    def generate(
        self,
        model,
        prompt_ids,
        prompt_mask,
        num_generations,
        sampling,
        eos_token_ids,
        pad_token_id,
        greedy=False,
    ):
        rows = [
            self.tokenizer(t, add_special_tokens=False)["input_ids"] + [eos_token_ids[0]]
            for t in self.texts
        ]
        width = max(len(r) for r in rows) + 2
        out = torch.full((len(rows), width), pad_token_id)
        for i, r in enumerate(rows):
            out[i, : len(r)] = torch.tensor(r)
        return out


def prompts(tokenizer, n):
    items = []
    for i in range(n):
        ids = tokenizer.apply_chat_template(
            [{"role": "user", "content": f"Question {i}? A. x B. y"}],
            tokenize=True,
            add_generation_prompt=True,
            return_dict=True,
        )["input_ids"]
        items.append((list(ids), "AB"[i % 2]))
    return PromptCollator(tokenizer.pad_token_id)(items)


def test_completion_mask_stops_at_first_eos():
    ids = torch.tensor([[5, 6, 2, 7, 2], [5, 6, 7, 8, 9], [2, 0, 0, 0, 0]])
    mask, truncated, lengths = completion_mask(ids, eos_token_ids=[2])
    assert mask.tolist() == [[1, 1, 1, 0, 0], [1, 1, 1, 1, 1], [1, 0, 0, 0, 0]]
    assert truncated.tolist() == [False, True, False]
    assert lengths.tolist() == [3, 5, 1]


def test_prompt_collator_left_pads():
    batch = PromptCollator(0)([([7, 8, 9], "A"), ([5], "B")])
    assert batch["prompt_ids"].tolist() == [[7, 8, 9], [0, 0, 5]]
    assert batch["prompt_mask"].tolist() == [[1, 1, 1], [0, 0, 1]]
    assert batch["answers"] == ["A", "B"]


def test_completion_logps_match_a_plain_forward(tiny_model, tokenizer):
    batch = prompts(tokenizer, 2)
    completions = torch.tensor([[11, 12, 13, 14], [21, 22, 0, 0]])
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0]])
    logps, entropy = completion_logps(
        tiny_model, batch["prompt_ids"], batch["prompt_mask"], completions, mask, with_entropy=True
    )
    for row in range(2):
        prompt = batch["prompt_ids"][row][batch["prompt_mask"][row].bool()]
        full = torch.cat([prompt, completions[row]])[None]
        log_probs = F.log_softmax(tiny_model(input_ids=full).logits[0].float(), -1)
        for t in range(4):
            if mask[row, t]:
                expected = log_probs[len(prompt) - 1 + t, completions[row, t]].item()
                assert logps[row, t].item() == pytest.approx(expected, abs=1e-4)
                ent = (
                    -(log_probs[len(prompt) - 1 + t].exp() * log_probs[len(prompt) - 1 + t])
                    .sum()
                    .item()
                )
                assert entropy[row, t].item() == pytest.approx(ent, abs=1e-4)
            else:
                assert logps[row, t].item() == 0.0


def make_module(tiny_model, tokenizer, texts, **cfg):
    config = GRPOConfig(
        **{
            "prompts_per_step": 2,
            "num_generations": 4,
            "micro_batch_size": 8,
            "max_steps": 10,
            "max_completion_length": 16,
            **cfg,
        }
    )
    return GRPOModule(
        tiny_model, config, tokenizer, build_rewards(REWARDS_CFG), ScriptedBackend(tokenizer, texts)
    )


def test_rollout_scores_groups_and_advantages(tiny_model, tokenizer):
    """Group 1 (gold A): rewards [1.5, 0.5, 1.0, 0.5]; group 2 (gold B): all 1.5 -> zero std."""
    texts = [
        "<think>\nok\n</think>\nAnswer: A",
        "<think>\nok\n</think>\nAnswer: B",
        "Answer: A",
        "<think>\nok\n</think>\nno idea",
        *["<think>\nhm\n</think>\nAnswer: B"] * 4,
    ]
    module = make_module(tiny_model, tokenizer, texts)
    rollout, adv = module.make_rollout(prompts(tokenizer, 2), 4, module.sampling)
    assert rollout.texts[0] == texts[0]  # decoded up to (not including) EOS
    assert rollout.rewards[:, 0].tolist() == [1, 0, 1, 0, 1, 1, 1, 1]
    assert rollout.rewards[:, 1].tolist() == [1, 1, 0, 0.5, 1, 1, 1, 1]
    total = [1.5, 0.5, 1.0, 0.25]
    assert rollout.reward_total[:4].tolist() == pytest.approx(total)
    mean = sum(total) / 4
    std = (sum((x - mean) ** 2 for x in total) / 3) ** 0.5
    assert rollout.advantages[:4].tolist() == pytest.approx(
        [(x - mean) / (std + 1e-4) for x in total], rel=1e-5
    )
    assert rollout.advantages[4:].tolist() == [0, 0, 0, 0]
    assert float(adv.frac_zero_std) == 0.5
    assert (
        rollout.prompt_ids.shape[0] == 8
        and rollout.completion_mask[0].sum() == rollout.completion_lengths[0]
    )


def _grads(model):
    return {n: p.grad.detach().clone() for n, p in model.named_parameters() if p.grad is not None}


@pytest.mark.parametrize("loss_type", ["dapo", "grpo"])
def test_policy_update_is_invariant_to_micro_batch_size(tiny_model, tokenizer, loss_type):
    texts = [
        "<think>\na\n</think>\nAnswer: A",
        "Answer: B",
        "<think>\nlonger reasoning here\n</think>\nAnswer: A",
        "x",
        "Answer: B",
        "<think>\nb\n</think>\nAnswer: B",
        "Answer: A",
        "<think>\nc\n</think>",
    ]
    module = make_module(tiny_model, tokenizer, texts, loss_type=loss_type, micro_batch_size=8)
    rollout, _ = module.make_rollout(prompts(tokenizer, 2), 4, module.sampling)
    module.policy_update(rollout, torch.Tensor.backward)
    full = _grads(tiny_model)
    tiny_model.zero_grad(set_to_none=True)
    module.cfg.micro_batch_size = 4  # two micro-batches of 4 completions
    module.policy_update(rollout, torch.Tensor.backward)
    split = _grads(tiny_model)
    assert any(g.abs().sum() > 0 for g in full.values())
    for name in full:
        assert torch.allclose(full[name], split[name], rtol=1e-4, atol=1e-7), name


def test_reward_config_errors_name_the_key():
    with pytest.raises(ConfigError, match=r"reward.mine.fn._target_: cannot build 'no.such.fn'"):
        build_rewards({"mine": {"weight": 1.0, "fn": {"_target_": "no.such.fn"}}})
    with pytest.raises(ConfigError, match="reward.mine.weight"):
        build_rewards(
            {
                "mine": {
                    "weight": "high",
                    "fn": {"_target_": "medlab.rewards.mcq.mcq_correctness_reward"},
                }
            }
        )
    with pytest.raises(ConfigError, match="reward=medreason"):
        build_rewards({})


def test_user_reward_by_config_with_arguments():
    specs = build_rewards(
        {
            "short": {
                "weight": 0.3,
                "fn": {
                    "_target_": "medlab.rewards.length.short_rationale_reward",
                    "token_budget": 2,
                },
            }
        }
    )
    assert specs[0].weight == 0.3
    assert specs[0].fn(["<think>\na b\n</think>\nAnswer: A", "<think>\na b c\n</think>"]) == [
        1.0,
        0.5,
    ]


def test_sampling_config_defaults():
    assert SamplingConfig().max_completion_length == 64


def test_mask_truncated_completions_removes_their_tokens(tiny_model, tokenizer):
    """A completion without EOS within the budget carries no loss when the option is on."""

    class NoEos(ScriptedBackend):
        def generate(self, *args, **kwargs):
            out = super().generate(*args, **kwargs)
            out[0, :] = 11  # row 0: no EOS anywhere -> truncated
            return out

    texts = ["Answer: A"] * 8
    module = make_module(tiny_model, tokenizer, texts, mask_truncated_completions=True)
    module.backend = NoEos(tokenizer, texts)
    rollout, _ = module.make_rollout(prompts(tokenizer, 2), 4, module.sampling)
    assert rollout.is_truncated.tolist() == [True] + [False] * 7
    assert rollout.completion_mask[0].sum() == 0 and rollout.completion_mask[1].sum() > 0
    module.cfg.mask_truncated_completions = False
    rollout, _ = module.make_rollout(prompts(tokenizer, 2), 4, module.sampling)
    assert rollout.completion_mask[0].sum() == rollout.completion_ids.shape[1]


SEEN_COLUMNS: dict = {}


def reasoning_overlap_reward(completions, answer=None, reasoning=None, subject_name=None, **_):
    """A user reward reading dataset columns: 1 if the completion mentions the subject."""
    SEEN_COLUMNS.update(answer=answer, reasoning=reasoning, subject_name=subject_name)
    return [float(s.lower() in c.lower()) for c, s in zip(completions, subject_name, strict=True)]


def test_reward_functions_receive_dataset_columns(tiny_model, tokenizer):
    """Columns of the source rows (here MedReason `reasoning`, `subject_name`) reach the
    reward, repeated once per completion of the group; `answer` is the gold letter."""
    specs = build_rewards(
        {
            "subject": {
                "weight": 1.0,
                "fn": {"_target_": "tests.unit.test_grpo_module.reasoning_overlap_reward"},
            }
        }
    )
    texts = ["about Anatomy"] * 4 + ["nothing"] * 4
    module = make_module(tiny_model, tokenizer, texts)
    module.reward_specs = specs
    batch = prompts(tokenizer, 2)
    batch["columns"] = {"reasoning": ["r0", "r1"], "subject_name": ["anatomy", "physiology"]}
    rollout, _ = module.make_rollout(batch, 4, module.sampling)
    fn = specs[0].fn
    seen = getattr(fn, "func", fn).__globals__["SEEN_COLUMNS"]  # Hydra imported its own module copy
    assert seen["answer"] == ["A"] * 4 + ["B"] * 4
    assert seen["reasoning"] == ["r0"] * 4 + ["r1"] * 4
    assert rollout.rewards[:, 0].tolist() == [1, 1, 1, 1, 0, 0, 0, 0]


def test_prompt_rows_keep_scalar_columns():
    from medlab.stages.prompt_datamodule import dataset_columns

    row = {
        "question": "Q",
        "options": "A. x",
        "answer": "x",
        "reasoning": "because",
        "id_in_dataset": 3,
        "prompt": [{"role": "user"}],
        "nested": {"a": 1},
    }
    assert dataset_columns(row) == {
        "question": "Q",
        "options": "A. x",
        "reasoning": "because",
        "id_in_dataset": 3,
    }
