"""encode_chat and the medlab ChatML template, with the committed tiny tokenizer.

`encode_chat` returns input ids and pre-shifted targets: targets[t] is input_ids[t+1] when
that token carries loss, else -100. With train_on='assistant' the trained tokens are exactly
each assistant turn's content, its tool-call markup and its closing <|im_end|>; the role header
('<|im_start|>assistant\\n'), the newline after <|im_end|> and every system / user / tool token
carry no loss.
"""

from __future__ import annotations

import pytest

from medlab.config import ASSETS_DIR
from medlab.data.chat_format import encode_chat
from medlab.data.loading import read_rows
from medlab.errors import DataError
from medlab.losses import IGNORE_INDEX
from medlab.models.tokenizer import load_tokenizer

TOOL_CALL = (
    '<tool_call>\n{"name": "search", "arguments": {"query": "sodium intake guideline"}}\n'
    "</tool_call>"
)


def _encode(tokenizer, row, **kw):
    return encode_chat(tokenizer, row["messages"], row.get("tools"), **kw)


def _trained_segments(tokenizer, enc) -> list[str]:
    """Decoded runs of consecutive trained tokens (the token predicted at t is at t+1)."""
    segments: list[list[int]] = []
    previous = False
    for t, target in enumerate(enc.targets):
        trained = target != IGNORE_INDEX
        if trained and not previous:
            segments.append([])
        if trained:
            segments[-1].append(enc.input_ids[t + 1])
        previous = trained
    return [tokenizer.decode(ids) for ids in segments]


# --------------------------------------------------------------------------------------------
# train_on='assistant'
# --------------------------------------------------------------------------------------------
def test_single_turn_trains_on_answer_and_im_end_only(tokenizer, chat_rows):
    enc = _encode(tokenizer, chat_rows[0])
    assert _trained_segments(tokenizer, enc) == ["Insulin lets cells take up glucose.<|im_end|>"]


def test_tool_row_trains_on_tool_call_markup_and_final_answer(tokenizer, chat_rows):
    enc = _encode(tokenizer, chat_rows[2])
    expected = [
        TOOL_CALL + "<|im_end|>",  # the empty-content tool-calling turn
        "Guidelines suggest under about 2 g of sodium a day.<|im_end|>",
    ]
    assert _trained_segments(tokenizer, enc) == expected


def test_every_row_trains_on_exactly_the_assistant_parts(tokenizer, chat_rows):
    """Built by hand from the fixture: content (+ tool-call markup) + <|im_end|> per turn."""
    expected_per_row = [
        ["Insulin lets cells take up glucose.<|im_end|>"],
        [
            "<think>\nKeep it plain.\n</think>\n\nAnemia means too few red cells.<|im_end|>",
            "Less oxygen reaches the muscles and brain.<|im_end|>",
        ],
        [
            TOOL_CALL + "<|im_end|>",
            "Guidelines suggest under about 2 g of sodium a day.<|im_end|>",
        ],
        ["The force of blood against artery walls.<|im_end|>"],
    ]
    for row, expected in zip(chat_rows, expected_per_row, strict=True):
        enc = _encode(tokenizer, row)
        segments = _trained_segments(tokenizer, enc)
        assert segments == expected
        trained_text = "".join(segments)
        for message in row["messages"]:
            if message["role"] != "assistant":
                assert message["content"] not in trained_text
        assert "<|im_start|>" not in trained_text
        assert "<tool_response>" not in trained_text


def test_tool_call_after_content_is_separated_by_newline(tokenizer):
    messages = [
        {"role": "user", "content": "q"},
        {
            "role": "assistant",
            "content": "Let me check.",
            "tool_calls": [{"function": {"name": "search", "arguments": '{"query": "x"}'}}],
        },
        {"role": "tool", "content": "r"},
        {"role": "assistant", "content": "Done."},
    ]
    segments = _trained_segments(tokenizer, encode_chat(tokenizer, messages))
    assert segments[0] == (
        'Let me check.\n<tool_call>\n{"name": "search", "arguments": {"query": "x"}}\n'
        "</tool_call><|im_end|>"
    )


@pytest.mark.parametrize("train_on", ["assistant", "all"])
def test_targets_are_next_tokens_and_last_is_ignored(tokenizer, chat_rows, train_on):
    for row in chat_rows:
        enc = _encode(tokenizer, row, train_on=train_on)
        assert len(enc.targets) == len(enc.input_ids)
        assert enc.targets[-1] == IGNORE_INDEX
        for t, target in enumerate(enc.targets[:-1]):
            assert target in (IGNORE_INDEX, enc.input_ids[t + 1])


def test_input_ids_are_the_rendered_template(tokenizer, chat_rows):
    row = chat_rows[2]
    text = tokenizer.apply_chat_template(row["messages"], tools=row["tools"], tokenize=False)
    enc = _encode(tokenizer, row)
    assert tokenizer.decode(enc.input_ids) == text
    assert enc.num_targets == sum(t != IGNORE_INDEX for t in enc.targets) > 0


def test_train_on_all_trains_every_position_but_the_last(tokenizer, chat_rows):
    for row in chat_rows:
        enc = _encode(tokenizer, row, train_on="all")
        assert enc.targets[:-1] == enc.input_ids[1:]
        assert enc.num_targets == len(enc.input_ids) - 1
        assistant_only = _encode(tokenizer, row)
        assert assistant_only.input_ids == enc.input_ids
        assert assistant_only.num_targets < enc.num_targets


# --------------------------------------------------------------------------------------------
# Truncation
# --------------------------------------------------------------------------------------------
def test_truncation_keeps_max_length_prefix(tokenizer, chat_rows):
    full = _encode(tokenizer, chat_rows[1])
    max_length = len(full.input_ids) - 7
    cut = _encode(tokenizer, chat_rows[1], max_length=max_length)
    assert cut.truncated
    assert len(cut.input_ids) == len(cut.targets) == max_length
    assert cut.input_ids == full.input_ids[:max_length]
    # Same targets as the full encoding up to the cut, and nothing predicted past it.
    assert cut.targets[:-1] == full.targets[: max_length - 1]
    assert cut.targets[-1] == IGNORE_INDEX


def test_no_truncation_at_exact_length(tokenizer, chat_rows):
    full = _encode(tokenizer, chat_rows[0])
    exact = _encode(tokenizer, chat_rows[0], max_length=len(full.input_ids))
    assert not exact.truncated and exact.input_ids == full.input_ids
    assert exact.targets == full.targets


def test_truncation_before_any_assistant_token_leaves_no_targets(tokenizer, chat_rows):
    enc = _encode(tokenizer, chat_rows[0], max_length=8)  # inside the system turn
    assert enc.truncated and len(enc.input_ids) == 8
    assert enc.num_targets == 0


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------
def test_template_without_generation_markers_says_what_to_do(chat_rows):
    tok = load_tokenizer(None)  # a private copy: the session fixture stays untouched
    tok.chat_template = (
        "{% for m in messages %}{{ '<|im_start|>' + m.role + '\\n' + m.content + '<|im_end|>\\n' }}"
        "{% endfor %}"
    )
    with pytest.raises(DataError) as exc:
        _encode(tok, chat_rows[0])
    msg = str(exc.value)
    assert "{% generation %}" in msg
    assert "model.chat_template=medlab_chatml" in msg and "stage.train_on=all" in msg
    # train_on=all does not need the markers
    assert _encode(tok, chat_rows[0], train_on="all").num_targets > 0


# --------------------------------------------------------------------------------------------
# The rendered template: Qwen3's ChatML
# --------------------------------------------------------------------------------------------
def test_tool_row_renders_in_qwen3_format(tokenizer, chat_rows):
    row = chat_rows[2]
    text = tokenizer.apply_chat_template(row["messages"], tools=row["tools"], tokenize=False)
    assert text.startswith("<|im_start|>system\n# Tools\n\n")
    tools_block = (
        "<tools>\n"
        '{"type": "function", "function": {"name": "search", "description": "Search.", '
        '"parameters": {"type": "object", "properties": {}}}}\n'
        "</tools>"
    )
    assert tools_block in text
    assert (
        "<|im_start|>user\nLatest advice on sodium intake?<|im_end|>\n"
        "<|im_start|>assistant\n" + TOOL_CALL + "<|im_end|>\n"
        "<|im_start|>user\n<tool_response>\nGuideline summary: under 2 g sodium a day.\n"
        "</tool_response><|im_end|>\n"
        "<|im_start|>assistant\nGuidelines suggest under about 2 g of sodium a day.<|im_end|>\n"
    ) in text
    assert text.endswith("<|im_end|>\n")
    assert text.count("<|im_start|>") == 5


def test_system_message_goes_before_the_tools_section(tokenizer, chat_rows):
    messages = [{"role": "system", "content": "You teach medicine."}, *chat_rows[2]["messages"]]
    text = tokenizer.apply_chat_template(messages, tools=chat_rows[2]["tools"], tokenize=False)
    assert text.startswith("<|im_start|>system\nYou teach medicine.\n\n# Tools\n\n")
    assert text.count("You teach medicine.") == 1


def test_consecutive_tool_results_share_one_user_turn(tokenizer):
    messages = [
        {"role": "user", "content": "q"},
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [
                {"function": {"name": "search", "arguments": {"query": "a"}}},
                {"function": {"name": "search", "arguments": {"query": "b"}}},
            ],
        },
        {"role": "tool", "content": "ra"},
        {"role": "tool", "content": "rb"},
        {"role": "assistant", "content": "done"},
    ]
    text = tokenizer.apply_chat_template(messages, tokenize=False)
    assert (
        "</tool_call>\n<tool_call>\n" in text  # second parallel call on its own line
        and "<|im_start|>user\n<tool_response>\nra\n</tool_response>\n"
        "<tool_response>\nrb\n</tool_response><|im_end|>\n"
        in text
    )


def test_plain_conversation_rendering(tokenizer, chat_rows):
    text = tokenizer.apply_chat_template(chat_rows[0]["messages"], tokenize=False)
    assert text == (
        "<|im_start|>system\nYou teach medicine.<|im_end|>\n"
        "<|im_start|>user\nWhat does insulin do?<|im_end|>\n"
        "<|im_start|>assistant\nInsulin lets cells take up glucose.<|im_end|>\n"
    )


def test_generation_prompt_and_disabled_thinking(tokenizer, chat_rows):
    prompt = chat_rows[3]["messages"][:1]
    with_prompt = tokenizer.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True)
    assert (
        with_prompt
        == "<|im_start|>user\nWhat is blood pressure?<|im_end|>\n<|im_start|>assistant\n"
    )
    no_think = tokenizer.apply_chat_template(
        prompt, tokenize=False, add_generation_prompt=True, enable_thinking=False
    )
    assert no_think == with_prompt + "<think>\n\n</think>\n\n"
    without = tokenizer.apply_chat_template(prompt, tokenize=False)
    assert not without.endswith("<|im_start|>assistant\n")


# --------------------------------------------------------------------------------------------
# Shipped data: every conversation encodes with trained assistant tokens
# --------------------------------------------------------------------------------------------
def test_every_shipped_conversation_encodes(tokenizer):
    files = sorted((ASSETS_DIR / "data").rglob("*.jsonl"))
    if not files:
        pytest.skip("no shipped data under medlab/assets/data yet")
    for path in files:
        for where, row in read_rows(path):
            if "messages" not in row:  # preference / prompt / MedMCQA rows: other stages
                continue
            enc = encode_chat(tokenizer, row["messages"], row.get("tools"))
            n_assistant = sum(m["role"] == "assistant" for m in row["messages"])
            assert len(_trained_segments(tokenizer, enc)) == n_assistant, where
