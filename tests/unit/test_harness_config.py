"""medlab's offline lm-eval tasks and the harness.json summary, without running a model.

The task YAMLs are indexed and built by lm-eval itself (only the project's directory is
indexed, so this stays fast); the built-in index of several thousand tasks is only used by the
slow tests in tests/integration/test_harness.py.
"""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path
from types import SimpleNamespace

import pytest
from omegaconf import OmegaConf

from medlab.config.evaluation import LM_EVAL_TASKS_DIR, HarnessConfig, parse_eval_config
from medlab.errors import ConfigError
from medlab.evaluation.harness import (
    check_settings,
    load_tasks,
    metric_key,
    summarize_results,
    task_load_error,
)
from tests.conftest import compose_config

LOCAL_TASKS = {"medlab_medmcqa_local", "medlab_medreason_local", "medlab_medical_local"}
DATA_DIR = LM_EVAL_TASKS_DIR.parent / "data"


def _local_task_manager():
    from lm_eval.tasks import TaskManager

    return TaskManager(include_path=str(LM_EVAL_TASKS_DIR), include_defaults=False)


def _local_module():
    spec = importlib.util.spec_from_file_location(
        "local_tasks", LM_EVAL_TASKS_DIR / "local_tasks.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _jsonl(path):
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_task_directory_indexes_exactly_the_local_tasks():
    assert set(_local_task_manager().all_tasks) == LOCAL_TASKS


def test_local_tasks_load_their_files_from_any_working_directory(tmp_path, monkeypatch):
    """Built from another cwd, each task reads the shipped sample: 24 scored docs, 146 few-shot."""
    monkeypatch.chdir(tmp_path)
    loaded = _local_task_manager().load(["medlab_medical_local"])
    assert set(loaded["tasks"]) == LOCAL_TASKS - {"medlab_medical_local"}
    assert loaded["group_map"] == {
        "medlab_medical_local": ["medlab_medmcqa_local", "medlab_medreason_local"]
    }
    for task in loaded["tasks"].values():
        assert len(task.eval_docs) == 24
        assert len(task.fewshot_docs()) == 146


def test_medmcqa_prompt_is_the_builtin_tasks_prompt():
    """Same text as lm_eval/tasks/medmcqa/utils_medmcqa.doc_to_text (drift check)."""
    from lm_eval.tasks.medmcqa.utils_medmcqa import doc_to_text

    local = _local_module()
    docs = _jsonl(DATA_DIR / "medmcqa_sample" / "validation.jsonl")
    assert all(local.medmcqa_doc_to_text(d) == doc_to_text(d) for d in docs)
    assert local.medmcqa_doc_to_text(docs[0]) == (
        "Question: Caseous necrosis is most characteristic of:\nChoices:\nA. Tuberculosis\n"
        "B. Myocardial infarction\nC. Cerebral infarction\nD. Acute pancreatitis\nAnswer:"
    )


def test_medreason_gold_letters_agree_with_the_medmcqa_sample():
    """Both samples hold the same 24 validation questions in the same order, so the letter read
    from MedReason's answer text must be "ABCD"[cop] of the MedMCQA row. Row 23's answer
    "A warm, moist environment" is option B's text (not letter A)."""
    docs = _local_module().load_medreason_sample()["validation"]
    medmcqa = _jsonl(DATA_DIR / "medmcqa_sample" / "validation.jsonl")
    assert [d["gold"] for d in docs] == ["ABCD"[row["cop"]] for row in medmcqa]
    assert docs[22]["gold"] == "B"
    assert docs[0]["prompt"].endswith("'Answer: <letter>'.")
    assert docs[0]["fewshot_answer"].startswith("<think>\nCaseous necrosis")
    assert docs[0]["fewshot_answer"].endswith("</think>\n\nAnswer: A")


@pytest.mark.parametrize(
    ("completion", "acc", "answered"),
    [
        ("<think>\nTB causes caseation.\n</think>\n\nAnswer: A", 1.0, 1.0),
        ("Answer: C", 0.0, 1.0),
        ("The answer is A or B", 0.0, 0.0),  # hedging is never paid
        ("<think>\nunfinished", 0.0, 0.0),
        ("", 0.0, 0.0),
    ],
)
def test_medreason_scoring(completion, acc, answered):
    doc = {"gold": "A", "letters": "ABCD"}
    scores = _local_module().medreason_process_results(doc, [completion])
    assert scores == {"acc": acc, "answered": answered}


def test_loader_names_file_and_line_of_a_bad_row(tmp_path):
    from medlab.errors import DataError

    (tmp_path / "train.jsonl").write_text('{"question": "q"}\n')
    (tmp_path / "validation.jsonl").write_text("")
    with pytest.raises(DataError, match=r"train\.jsonl:1: MedMCQA rows need"):
        _local_module().load_medmcqa_sample(data_dir=str(tmp_path))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("acc,none", ("acc", False)),
        ("acc_stderr,none", ("acc", True)),
        ("acc_norm,none", ("acc_norm", False)),
        ("exact_match,custom-extract", ("exact_match/custom-extract", False)),
        ("exact_match_stderr,strict-match", ("exact_match/strict-match", True)),
        ("prompt_level_strict_acc,none", ("prompt_level_strict_acc", False)),
        ("alias", None),
        ("sample_len", None),
    ],
)
def test_metric_key_normalisation(raw, expected):
    assert metric_key(raw) == expected


def test_summary_keeps_groups_and_sums_their_samples():
    """mmlu -> mmlu_other -> {clinical_knowledge (n=5), virology (n=3)}, mmlu -> anatomy (n=2):
    n(mmlu_other) = 5 + 3 = 8 and n(mmlu) = 8 + 2 = 10. "N/A" and NaN stderrs become null."""
    raw = {
        "results": {
            "mmlu": {"alias": "mmlu", "acc,none": 0.5, "acc_stderr,none": "N/A", "sample_len": 10},
            "mmlu_other": {"alias": " - other", "acc,none": 0.625, "acc_stderr,none": 0.1},
            "mmlu_clinical_knowledge": {"acc,none": 0.6, "acc_stderr,none": float("nan")},
            "mmlu_virology": {"acc,none": 2 / 3, "acc_stderr,none": 0.3},
            "mmlu_anatomy": {"acc,none": 0.0, "acc_stderr,none": 0.0},
            "mmlu_pro": {"exact_match,custom-extract": 0.25, "sample_count": {"x": 1}},
        },
        "group_subtasks": {
            "mmlu": ["mmlu_other", "mmlu_anatomy"],
            "mmlu_other": ["mmlu_clinical_knowledge", "mmlu_virology"],
        },
        "n-samples": {
            "mmlu_clinical_knowledge": {"original": 265, "effective": 5},
            "mmlu_virology": {"original": 166, "effective": 3},
            "mmlu_anatomy": {"original": 135, "effective": 2},
            "mmlu_pro": {"original": 12032, "effective": 4},
        },
    }
    summary = summarize_results(raw)
    assert summary["results"]["mmlu"] == {"acc": 0.5}
    assert summary["results"]["mmlu_other"] == {"acc": 0.625}
    assert summary["results"]["mmlu_pro"] == {"exact_match/custom-extract": 0.25}
    assert summary["stderr"]["mmlu"] == {"acc": None}
    assert summary["stderr"]["mmlu_clinical_knowledge"] == {"acc": None}
    assert summary["stderr"]["mmlu_other"] == {"acc": 0.1}
    assert summary["n_samples"] == {
        "mmlu": 10,
        "mmlu_other": 8,
        "mmlu_clinical_knowledge": 5,
        "mmlu_virology": 3,
        "mmlu_anatomy": 2,
        "mmlu_pro": 4,
    }
    assert not math.isnan(json.loads(json.dumps(summary))["results"]["mmlu_virology"]["acc"])


def test_fewshot_as_multiturn_needs_the_chat_template(tokenizer):
    cfg = HarnessConfig(apply_chat_template=False, fewshot_as_multiturn=True)
    with pytest.raises(ConfigError, match=r"eval\.harness\.fewshot_as_multiturn"):
        check_settings(cfg, tokenizer)


def test_chat_template_needs_a_tokenizer_template():
    with pytest.raises(ConfigError, match=r"eval\.harness\.apply_chat_template.*no chat template"):
        check_settings(HarnessConfig(), SimpleNamespace(chat_template=None))


def test_include_path_must_be_a_directory(tmp_path, tokenizer):
    cfg = HarnessConfig(include_path=str(tmp_path / "missing"))
    with pytest.raises(ConfigError, match=r"eval\.harness\.include_path.*not a directory"):
        check_settings(cfg, tokenizer)


def test_unknown_task_lists_close_matches():
    manager = SimpleNamespace(all_tasks=["medmcqa", "medlab_medmcqa_local", "mmlu"])
    with pytest.raises(ConfigError, match=r"unknown lm-eval task 'medmcqa_lcoal'.*medmcqa") as err:
        load_tasks(manager, ["medmcqa_lcoal"], str(LM_EVAL_TASKS_DIR))
    assert "lm-eval ls tasks" in str(err.value) and str(LM_EVAL_TASKS_DIR) in str(err.value)


def test_a_task_listed_twice_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    manager = _local_task_manager()
    with pytest.raises(ConfigError, match=r"'medlab_medmcqa_local' is part of both"):
        load_tasks(manager, ["medlab_medical_local", "medlab_medmcqa_local"], None)


def test_offline_dataset_error_says_what_to_do():
    """datasets raises ConnectionError("Couldn't reach ... (OfflineModeIsEnabled)") from a
    FileNotFoundError when a Hub dataset is not cached; the message must give the way out."""
    try:
        try:
            raise FileNotFoundError("Dataset openlifescienceai/medmcqa is not cached")
        except FileNotFoundError as inner:
            raise ConnectionError(
                "Couldn't reach 'openlifescienceai/medmcqa' on the Hub"
            ) from inner
    except ConnectionError as exc:
        error = task_load_error("medmcqa", exc)
    assert error is not None
    message = str(error)
    assert "eval.harness.tasks: task 'medmcqa'" in message
    assert "HF_DATASETS_CACHE" in message and "medlab_medmcqa_local" in message


def test_missing_task_extra_is_named():
    error = task_load_error("leaderboard_ifeval", ModuleNotFoundError("no", name="langdetect"))
    assert error is not None and "'langdetect'" in str(error) and "lm_eval[ifeval]" in str(error)


def test_other_task_errors_are_not_rewritten():
    assert task_load_error("x", ValueError("bad yaml")) is None


def test_tiny_eval_config_uses_only_offline_tasks():
    cfg = compose_config(["eval=tiny"])
    harness = parse_eval_config(OmegaConf.to_container(cfg.eval, resolve=True)).harness
    assert set(harness.tasks) <= LOCAL_TASKS
    assert Path(harness.include_path).resolve() == LM_EVAL_TASKS_DIR
