"""`python -m medlab.chat`: overrides, the chat loop's history and /reset, the real entry point."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest

from medlab.chat import chat_loop, parse_overrides
from medlab.checkpointing import export_hf_checkpoint
from medlab.config.evaluation import EDUCATION_SYSTEM_PROMPT, GenerationConfig
from medlab.errors import ConfigError
from tests.conftest import REPO_ROOT


def test_defaults_are_the_recommended_decoding_and_overrides_are_typed():
    model, gen = parse_overrides(["model.path=/ckpt"])
    assert model.path == "/ckpt" and model.chat_template == "medlab_chatml"
    assert gen == GenerationConfig()
    assert gen.system_prompt == EDUCATION_SYSTEM_PROMPT
    assert (gen.do_sample, gen.repetition_penalty, gen.no_repeat_ngram_size) == (False, 1.10, 6)
    _, gen = parse_overrides(
        [
            "model.path=/ckpt",
            "generation.max_new_tokens=64",
            "generation.repetition_penalty=1.15",
            "generation.do_sample=true",
            "generation.system_prompt=Teach only: no doses.",
        ]
    )
    assert (gen.max_new_tokens, gen.repetition_penalty, gen.do_sample) == (64, 1.15, True)
    assert gen.system_prompt == "Teach only: no doses.", "text after a colon is kept as text"
    assert (
        parse_overrides(["model.path=/c", "generation.system_prompt=null"])[1].system_prompt is None
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "model.path: required"),
        (["model.path="], "model.path: required"),
        (["path=/ckpt"], "expected model.<field>=VALUE"),
        (
            ["model.path=/c", "generation.max_new_tokenz=3"],
            "Did you mean generation.max_new_tokens",
        ),
        (["model.path=/c", "generation.top_p=2"], "generation.top_p"),
        (["model.path=/c", "generation.do_sample=maybe"], "generation.do_sample"),
    ],
)
def test_bad_overrides_are_config_errors(argv, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_overrides(argv)


def test_history_grows_per_turn_and_reset_clears_it(monkeypatch):
    seen: list[list[dict]] = []

    def fake_generate(model, tokenizer, conversations, cfg):
        assert len(conversations) == 1 and isinstance(cfg, GenerationConfig)
        seen.append([dict(m) for m in conversations[0]])
        return [f"reply {len(seen)}"]

    monkeypatch.setattr("medlab.chat.generate_replies", fake_generate)
    out = io.StringIO()
    lines = ["What is insulin?\n", "\n", "And glucagon?\n", "/reset\n", "Define anemia.\n"]
    lines += ["/exit\n", "never read\n"]
    history = chat_loop(None, None, GenerationConfig(), lines, out)
    user = {"role": "user"}
    assert seen == [
        [{**user, "content": "What is insulin?"}],
        [
            {**user, "content": "What is insulin?"},
            {"role": "assistant", "content": "reply 1"},
            {**user, "content": "And glucagon?"},
        ],
        [{**user, "content": "Define anemia."}],
    ], "the system prompt is added by generate_replies, not stored in the history"
    assert history[-1] == {"role": "assistant", "content": "reply 3"}
    assert out.getvalue().splitlines() == [
        "assistant: reply 1",
        "assistant: reply 2",
        "(conversation cleared)",
        "assistant: reply 3",
    ]


def _run_chat(args: list[str], stdin: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    return subprocess.run(
        [sys.executable, "-m", "medlab.chat", *args],
        cwd=REPO_ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


@pytest.mark.slow
def test_chat_entry_point_with_a_saved_tiny_checkpoint(tmp_path, tiny_model, tokenizer):
    checkpoint = export_hf_checkpoint(tiny_model, tokenizer, tmp_path / "hf_checkpoint")
    stdin = "What does insulin do?\n/reset\nExplain anemia simply.\nWhy tired?\n"  # then EOF
    out = _run_chat([f"model.path={checkpoint}", "generation.max_new_tokens=6"], stdin)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    replies = [line for line in lines if line.startswith("assistant: ")]
    assert len(replies) == 3, out.stdout
    assert lines.index("(conversation cleared)") == 1
    assert "Traceback" not in out.stderr


@pytest.mark.slow
def test_chat_entry_point_missing_model_is_one_error_line(tmp_path):
    out = _run_chat([f"model.path={tmp_path / 'missing'}"], "hello\n")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and out.stdout == ""
    errors = [line for line in out.stderr.splitlines() if line.startswith("medlab: error:")]
    assert len(errors) == 1 and "does not exist" in errors[0] and "model.path" in errors[0]
