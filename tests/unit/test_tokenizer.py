"""The committed tiny tokenizer, in-process tokenizer training, and model-load errors.

ChatML control tokens and Qwen3's markup tokens must each be one id (the assistant mask and
generation stopping rely on it); missing models must raise one ModelLoadError that names the
id and says what to do, never a Hub traceback.
"""

from __future__ import annotations

import pytest
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast

from medlab.errors import ModelLoadError
from medlab.models.hub import hub_errors_as_model_load_error
from medlab.models.tokenizer import (
    CHATML_SPECIAL_TOKENS,
    MARKUP_TOKENS,
    TINY_TOKENIZER_DIR,
    end_of_turn_ids,
    load_tokenizer,
    read_chat_template,
)
from medlab.models.train_tokenizer import train_tokenizer

ALL_MARKUP = CHATML_SPECIAL_TOKENS + MARKUP_TOKENS
MEDICAL_TEXT = "β-blockers lower HR; 5 µg of T₄ ≈ 0.1 mmol/L — ask your clinician 👩‍⚕️."
CORPUS = [
    "<|im_start|>user\nWhat does insulin do?<|im_end|>\n",
    "<|im_start|>assistant\n<think>\nplain words\n</think>\n\nIt moves glucose into cells.<|im_end|>\n",
    '<tool_call>\n{"name": "search", "arguments": {"query": "sodium"}}\n</tool_call>',
    "<tool_response>\nUnder 2 g of sodium a day.\n</tool_response>",
    "Blood pressure is the force of blood against the artery walls. " * 3,
    "Anemia means too few red blood cells to carry oxygen to the tissues. " * 3,
]


def test_expected_token_lists():
    assert CHATML_SPECIAL_TOKENS == ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    assert MARKUP_TOKENS == [
        "<think>",
        "</think>",
        "<tool_call>",
        "</tool_call>",
        "<tool_response>",
        "</tool_response>",
    ]


# --------------------------------------------------------------------------------------------
# The committed tokenizer
# --------------------------------------------------------------------------------------------
def test_committed_tokenizer_is_small():
    files = [p for p in TINY_TOKENIZER_DIR.rglob("*") if p.is_file()]
    assert {"tokenizer.json", "tokenizer_config.json"} <= {p.name for p in files}
    assert sum(p.stat().st_size for p in files) < 1_000_000


def test_committed_chat_template_matches_medlab_template():
    assert (TINY_TOKENIZER_DIR / "chat_template.jinja").read_text() == read_chat_template()


def _assert_single_token_markup(tok) -> None:
    ids = {}
    for token in ALL_MARKUP:
        encoded = tok.encode(token, add_special_tokens=False)
        assert len(encoded) == 1, f"{token} -> {encoded}"
        assert encoded == [tok.convert_tokens_to_ids(token)]
        ids[token] = encoded[0]
    assert len(set(ids.values())) == len(ALL_MARKUP)
    # also inside running text, glued to other characters
    text = "x<think>\ny</think>z<tool_call>{}</tool_call><|im_end|>\n"
    encoded = tok.encode(text, add_special_tokens=False)
    for token in ("<think>", "</think>", "<tool_call>", "</tool_call>", "<|im_end|>"):
        assert ids[token] in encoded, token


def _assert_round_trip(tok) -> None:
    for text in (MEDICAL_TEXT, "  leading spaces\n\ttabs\r\n", "<think>\nmarkup</think> kept"):
        assert tok.decode(tok.encode(text, add_special_tokens=False)) == text


def _assert_pad_token(tok) -> None:
    assert tok.pad_token is not None and tok.pad_token_id is not None
    assert tok.pad_token != "<|im_end|>"
    assert tok.pad_token_id != tok.convert_tokens_to_ids("<|im_end|>")


def test_committed_markup_tokens_are_single_ids(tokenizer):
    _assert_single_token_markup(tokenizer)


def test_committed_round_trips_unicode_medical_text(tokenizer):
    _assert_round_trip(tokenizer)


def test_committed_pad_token(tokenizer):
    _assert_pad_token(tokenizer)
    assert tokenizer.pad_token == "<|endoftext|>"


def test_committed_end_of_turn_ids(tokenizer):
    im_end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    assert end_of_turn_ids(tokenizer)[0] == im_end
    assert tokenizer.pad_token_id not in end_of_turn_ids(tokenizer)


def test_load_tokenizer_sets_medlab_chat_template(tokenizer):
    assert tokenizer.chat_template == read_chat_template("medlab_chatml")
    assert tokenizer.is_fast


# --------------------------------------------------------------------------------------------
# Training a throwaway tokenizer in-process
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def throwaway_tokenizer() -> PreTrainedTokenizerFast:
    return train_tokenizer(iter(CORPUS), vocab_size=300)


def test_trained_tokenizer_has_single_token_markup(throwaway_tokenizer):
    _assert_single_token_markup(throwaway_tokenizer)
    # 3 specials + 256 bytes + merges up to 300, then the 6 markup tokens
    assert len(throwaway_tokenizer) <= 300 + len(MARKUP_TOKENS)


def test_trained_tokenizer_round_trips_and_pads(throwaway_tokenizer):
    _assert_round_trip(throwaway_tokenizer)
    _assert_pad_token(throwaway_tokenizer)
    assert throwaway_tokenizer.eos_token == "<|im_end|>"


def test_trained_tokenizer_learns_merges(throwaway_tokenizer):
    word = "blood"  # frequent in the corpus
    assert len(throwaway_tokenizer.encode(word, add_special_tokens=False)) < len(word)


def test_trained_tokenizer_is_deterministic(throwaway_tokenizer):
    again = train_tokenizer(iter(CORPUS), vocab_size=300)
    assert again.get_vocab() == throwaway_tokenizer.get_vocab()


def test_saved_tokenizer_loads_back_through_load_tokenizer(throwaway_tokenizer, tmp_path):
    throwaway_tokenizer.save_pretrained(tmp_path)
    tok = load_tokenizer(tmp_path)
    assert tok.get_vocab() == throwaway_tokenizer.get_vocab()  # nothing had to be added
    assert tok.chat_template == read_chat_template()
    _assert_single_token_markup(tok)
    _assert_pad_token(tok)


def test_load_tokenizer_adds_missing_chatml_tokens_and_pad(tmp_path):
    """A checkpoint tokenizer without ChatML tokens gets them added (and a pad token)."""
    raw = Tokenizer(models.BPE())
    raw.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    raw.train_from_iterator(
        CORPUS,
        trainers.BpeTrainer(
            vocab_size=280,
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
            show_progress=False,
        ),
    )
    PreTrainedTokenizerFast(tokenizer_object=raw).save_pretrained(tmp_path)
    tok = load_tokenizer(tmp_path)
    _assert_single_token_markup(tok)
    assert tok.pad_token == "<|endoftext|>"
    assert set(CHATML_SPECIAL_TOKENS) <= set(tok.all_special_tokens)


def test_keeping_a_missing_tokenizer_template_is_an_error(throwaway_tokenizer, tmp_path):
    throwaway_tokenizer.save_pretrained(tmp_path)  # trained tokenizer: no chat template
    with pytest.raises(ModelLoadError) as exc:
        load_tokenizer(tmp_path, chat_template="tokenizer")
    msg = str(exc.value)
    assert str(tmp_path) in msg and "no chat template" in msg
    assert "model.chat_template=medlab_chatml" in msg


# --------------------------------------------------------------------------------------------
# Missing models: one ModelLoadError saying what to do
# --------------------------------------------------------------------------------------------
def test_uncached_hub_id_offline_is_a_clear_model_load_error():
    model_id = "some-org/definitely-not-cached-model"
    with pytest.raises(ModelLoadError) as exc:
        load_tokenizer(model_id)
    msg = str(exc.value)
    assert f"model {model_id!r}" in msg
    assert "not in the local Hugging Face cache" in msg
    assert "HF_HUB_OFFLINE is set" in msg
    assert "model.path" in msg
    assert f"hf download {model_id} --local-dir DIR" in msg
    assert isinstance(exc.value.__cause__, OSError)  # the original error stays chained


def test_nonexistent_local_dir_is_a_model_load_error():
    with pytest.raises(ModelLoadError) as exc:
        load_tokenizer("/nonexistent/dir")
    msg = str(exc.value)
    assert "'/nonexistent/dir'" in msg
    assert "model.path" in msg
    assert "not in the local Hugging Face cache" not in msg  # it is a path, not a Hub id


def test_local_dir_without_tokenizer_files_is_a_model_load_error(tmp_path):
    (tmp_path / "notes.txt").write_text("not a checkpoint")
    with pytest.raises(ModelLoadError) as exc:
        load_tokenizer(tmp_path)
    msg = str(exc.value)
    assert str(tmp_path) in msg
    assert "holds no tokenizer" in msg and "model.tokenizer_path=DIR" in msg


def test_hub_error_message_online_names_network_or_wrong_id(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    with pytest.raises(ModelLoadError) as exc, hub_errors_as_model_load_error("org/typo-model"):
        raise OSError("404 Client Error")
    msg = str(exc.value)
    assert "'org/typo-model' (model.path)" in msg
    assert "could not be reached or the id is wrong" in msg
    assert "HF_HUB_OFFLINE" not in msg


def test_hub_errors_pass_model_load_errors_and_bugs_through():
    original = ModelLoadError("already clear")
    with pytest.raises(ModelLoadError) as exc, hub_errors_as_model_load_error("org/x"):
        raise original
    assert exc.value is original
    # a programming error is not dressed up as a user error
    with pytest.raises(KeyError), hub_errors_as_model_load_error("org/x"):
        raise KeyError("bug")
