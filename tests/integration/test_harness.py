"""lm-evaluation-harness end to end on the tiny model, offline, on medlab's local tasks.

The first test to run builds lm-eval's index of built-in tasks (several seconds, cached for the
session by medlab.evaluation.harness); the rest reuse it.
"""

from __future__ import annotations

import json
import random

import pytest
import torch
from omegaconf import OmegaConf

from medlab.config.evaluation import LM_EVAL_TASKS_DIR, HarnessConfig
from medlab.errors import ConfigError
from medlab.evaluation.harness import _task_manager, run_harness
from tests.conftest import CONF_DIR

pytestmark = pytest.mark.slow


def _mcq_prompt(doc: dict) -> str:
    """lm-eval's medmcqa prompt, written out again here (not imported from the task files)."""
    options = "".join(
        f"{letter}. {doc[k]}\n"
        for letter, k in zip("ABCD", ("opa", "opb", "opc", "opd"), strict=True)
    )
    return f"Question: {doc['question']}\nChoices:\n{options}Answer:"


@torch.no_grad()
def _letter_loglikelihoods(model, tokenizer, prompt: str) -> list[float]:
    """log P(letter | chat prompt) for A-D, scored the way lm-eval's HFLM scores a pair.

    With the chat template the context ends in "<|im_start|>assistant\\n" and the continuation
    is the bare letter. HFLM moves the context's trailing whitespace to the continuation
    ("\\n" + "A"), encodes context + continuation as one string and scores the tokens after the
    context's own tokens: sum over those positions of log_softmax(logits[t - 1])[token_t].
    """
    context = tokenizer.apply_chat_template(
        [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True
    )
    stripped = context.rstrip()
    tail = context[len(stripped) :]
    context_ids = tokenizer.encode(stripped)
    scores = []
    for letter in "ABCD":
        whole = tokenizer.encode(stripped + tail + letter)
        assert whole[: len(context_ids)] == context_ids
        logprobs = torch.log_softmax(model(torch.tensor([whole])).logits[0].float(), dim=-1)
        scores.append(
            sum(logprobs[t - 1, whole[t]].item() for t in range(len(context_ids), len(whole)))
        )
    return scores


def test_multiple_choice_accuracy_matches_an_independent_computation(
    tiny_model, tokenizer, tmp_path
):
    """acc of medlab_medmcqa_local = mean over the first 16 validation docs of
    [argmax_letter log P(letter | prompt) == "ABCD"[cop]], recomputed here with a plain forward
    pass. Every choice is one character, so length normalisation divides all four scores by the
    same 1 byte and acc_norm must equal acc."""
    limit = 16
    cfg = HarnessConfig(tasks=["medlab_medmcqa_local"], limit=limit, num_fewshot=0, batch_size=8)
    result = run_harness(tiny_model, tokenizer, cfg, tmp_path / "harness.json", "tiny")

    docs = [
        json.loads(line)
        for line in (LM_EVAL_TASKS_DIR.parent / "data/medmcqa_sample/validation.jsonl")
        .read_text()
        .splitlines()[:limit]
    ]
    tiny_model.eval()
    predictions = []
    for doc in docs:
        scores = _letter_loglikelihoods(tiny_model, tokenizer, _mcq_prompt(doc))
        predictions.append(max(range(4), key=scores.__getitem__))
    assert len(set(predictions)) > 1, "constant predictions would make the comparison weak"
    expected = sum(p == doc["cop"] for p, doc in zip(predictions, docs, strict=True)) / limit

    metrics = result["results"]["medlab_medmcqa_local"]
    assert metrics["acc"] == pytest.approx(expected)
    assert metrics["acc_norm"] == pytest.approx(expected)
    assert result["n_samples"] == {"medlab_medmcqa_local": limit}
    # A by-hand check: the standard error of a mean of 0/1 scores is sqrt(p (1 - p) / (n - 1)).
    assert result["stderr"]["medlab_medmcqa_local"]["acc"] == pytest.approx(
        (expected * (1 - expected) / (limit - 1)) ** 0.5
    )


def _short_generation_tasks(directory):
    """A task directory that reuses the shipped YAMLs through `include:` (absolute paths, as a
    user would to change a setting) with generation cut to 16 tokens so the test stays fast."""
    directory.mkdir()
    shipped = LM_EVAL_TASKS_DIR
    (directory / "mcq.yaml").write_text(f"include: {shipped / 'medlab_medmcqa_local.yaml'}\n")
    (directory / "gen.yaml").write_text(
        f"include: {shipped / 'medlab_medreason_local.yaml'}\n"
        "task: medreason_short\n"
        "generation_kwargs: {until: ['<|im_end|>'], do_sample: false, max_gen_toks: 16}\n"
    )
    (directory / "group.yaml").write_text(
        "group: medical_short\n"
        "task: [medlab_medmcqa_local, medreason_short]\n"
        "aggregate_metric_list: [{metric: acc, aggregation: mean, weight_by_size: true}]\n"
    )
    return str(directory)


def test_local_group_end_to_end_from_another_directory(
    tiny_model, tokenizer, tmp_path, monkeypatch
):
    """A group of both task kinds (likelihood and generation), one few-shot example as a chat
    turn, run from an unrelated working directory; the group's acc is the size-weighted mean
    (4 acc_mcq + 4 acc_gen) / 8."""
    include_path = _short_generation_tasks(tmp_path / "tasks")
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    tiny_model.train()
    random.seed(7)
    torch.manual_seed(7)
    expected_next = (random.random(), torch.rand(1).item())
    random.seed(7)
    torch.manual_seed(7)

    cfg = HarnessConfig(
        tasks=["medical_short"], include_path=include_path, limit=4, num_fewshot=1, batch_size=4
    )
    out = tmp_path / "eval" / "harness.json"
    result = run_harness(tiny_model, tokenizer, cfg, out, "tiny-checkpoint")

    assert json.loads(out.read_text()) == result
    assert set(result) == {"checkpoint", "settings", "results", "stderr", "n_samples"}
    assert result["checkpoint"] == "tiny-checkpoint"
    assert result["n_samples"] == {
        "medical_short": 8,
        "medlab_medmcqa_local": 4,
        "medreason_short": 4,
    }
    settings = result["settings"]
    assert settings["limit"] == 4 and settings["n_shot"]["medreason_short"] == 1
    assert settings["group_subtasks"] == {
        "medical_short": ["medlab_medmcqa_local", "medreason_short"]
    }
    mcq = result["results"]["medlab_medmcqa_local"]
    gen = result["results"]["medreason_short"]
    assert set(mcq) == {"acc", "acc_norm"} and set(gen) == {"acc", "answered"}
    assert all(0.0 <= v <= 1.0 for v in [*mcq.values(), *gen.values()])
    assert gen["acc"] <= gen["answered"]
    assert result["results"]["medical_short"]["acc"] == pytest.approx(
        (4 * mcq["acc"] + 4 * gen["acc"]) / 8
    )
    # The caller's model mode and random streams are handed back untouched.
    assert tiny_model.training
    assert (random.random(), torch.rand(1).item()) == expected_next


def test_unknown_and_unreachable_tasks_raise_config_errors(tiny_model, tokenizer, tmp_path):
    out = tmp_path / "harness.json"
    with pytest.raises(ConfigError, match=r"unknown lm-eval task 'medmcqa_lcoal'.*medmcqa"):
        run_harness(tiny_model, tokenizer, HarnessConfig(tasks=["medmcqa_lcoal"]), out, "x")
    # conftest sets HF_DATASETS_OFFLINE=1: the built-in medmcqa cannot fetch its dataset.
    with pytest.raises(ConfigError, match=r"task 'medmcqa' needs its dataset.*HF_DATASETS_CACHE"):
        run_harness(tiny_model, tokenizer, HarnessConfig(tasks=["medmcqa"], limit=2), out, "x")
    assert not out.exists()


def test_every_task_named_in_the_eval_configs_is_known_to_lm_eval():
    """conf/eval/*.yaml must only name tasks lm-eval (0.4.13 + medlab's directory) can find."""
    known = set(_task_manager(str(LM_EVAL_TASKS_DIR)).all_tasks)
    named = set()
    for path in CONF_DIR.glob("eval/*.yaml"):
        harness = OmegaConf.load(path).get("harness") or {}
        named |= set(harness.get("tasks") or [])
    assert {"mmlu", "medmcqa", "leaderboard_ifeval", "medlab_medmcqa_local"} <= named
    assert named - known == set()
