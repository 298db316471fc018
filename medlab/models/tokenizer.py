"""Tokenizer loading and the chat template medlab trains with.

`load_tokenizer` returns a fast tokenizer whose chat template is medlab's ChatML template (Qwen3
format with <think> and tool-call markup, plus ``{% generation %}`` markers that give the
assistant-token mask) unless ``model.chat_template=tokenizer`` keeps the checkpoint's own.
The committed tiny tokenizer (``medlab/assets/tokenizer``) is a byte-level BPE trained on the
project's own text by ``python -m medlab.models.train_tokenizer``.
"""

from __future__ import annotations

from pathlib import Path

from transformers import AutoTokenizer, PreTrainedTokenizerBase

from medlab.config import ASSETS_DIR
from medlab.errors import ModelLoadError
from medlab.models.hub import hub_errors_as_model_load_error

TINY_TOKENIZER_DIR = ASSETS_DIR / "tokenizer"
CHAT_TEMPLATE_DIR = ASSETS_DIR / "chat_templates"

# ChatML control tokens (special: never produced by ordinary text) and Qwen3's markup tokens.
CHATML_SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
MARKUP_TOKENS = [
    "<think>",
    "</think>",
    "<tool_call>",
    "</tool_call>",
    "<tool_response>",
    "</tool_response>",
]
END_OF_TURN = "<|im_end|>"
# Files that hold a tokenizer's vocabulary (fast tokenizer.json, or what a slow one converts from);
# tokenizer_config.json alone is settings, not a tokenizer.
VOCAB_FILES = ("tokenizer.json", "tokenizer.model", "vocab.json", "spiece.model", "vocab.txt")
# Attribute `load_tokenizer` sets on the tokenizer: ids of the tokens it added to the checkpoint's
# vocabulary (their embedding rows are untrained; LoRA must train them, see `apply_lora`).
ADDED_TOKEN_IDS_ATTR = "medlab_added_token_ids"


def read_chat_template(name: str = "medlab_chatml") -> str:
    """Text of a chat template shipped in medlab/assets/chat_templates."""
    return (CHAT_TEMPLATE_DIR / f"{name}.jinja").read_text()


def load_tokenizer(
    path: str | Path | None,
    chat_template: str = "medlab_chatml",
    revision: str | None = None,
    trust_remote_code: bool = False,
    local_files_only: bool = False,
) -> PreTrainedTokenizerBase:
    """Load a tokenizer (None = the committed tiny tokenizer) and set the chat template.
    `local_files_only`: a directory or the Hugging Face cache only, no network (the dry run).

    Adds the ChatML tokens if the tokenizer lacks them (the caller must then resize the model's
    embeddings: `build_causal_lm` does) and sets a pad token if none exists. The ids of the
    added tokens are recorded on the tokenizer (read them with `added_token_ids`).
    """
    source = str(path) if path is not None else str(TINY_TOKENIZER_DIR)
    key = "model.tokenizer_path / model.path"
    if Path(source).expanduser().is_dir():
        require_tokenizer_files(Path(source).expanduser(), key)
    with hub_errors_as_model_load_error(source, key=key):
        try:
            tokenizer = AutoTokenizer.from_pretrained(
                source,
                revision=revision,
                trust_remote_code=trust_remote_code,
                local_files_only=local_files_only,
            )
        except (OSError, ValueError, ModelLoadError):
            raise
        except Exception as exc:  # noqa: BLE001 - tokenizers raises bare Exception on bad files
            raise ValueError(f"unreadable tokenizer files: {exc}") from exc
    if not tokenizer.is_fast:
        raise ModelLoadError(
            f"tokenizer at {source} has no fast (Rust) version; medlab needs one for the "
            "assistant-token mask. Convert it with `tokenizers` or use another checkpoint."
        )
    added: list[str] = []
    if chat_template == "medlab_chatml":
        missing = [t for t in CHATML_SPECIAL_TOKENS if t not in tokenizer.get_vocab()]
        if missing:
            tokenizer.add_special_tokens({"additional_special_tokens": missing})
        missing_markup = [t for t in MARKUP_TOKENS if t not in tokenizer.get_vocab()]
        if missing_markup:
            tokenizer.add_tokens(missing_markup)
        added = missing + missing_markup
        tokenizer.chat_template = read_chat_template("medlab_chatml")
    elif not tokenizer.chat_template:
        raise ModelLoadError(
            f"tokenizer at {source} has no chat template and model.chat_template=tokenizer. "
            "Use model.chat_template=medlab_chatml."
        )
    _check_real(tokenizer, source, key)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = (
            "<|endoftext|>" if "<|endoftext|>" in tokenizer.get_vocab() else tokenizer.eos_token
        )
    setattr(tokenizer, ADDED_TOKEN_IDS_ATTR, sorted(tokenizer.get_vocab()[t] for t in added))
    return tokenizer


def require_tokenizer_files(directory: Path, key: str = "model.path") -> None:
    """ModelLoadError naming `key` if checkpoint `directory` holds no tokenizer vocabulary."""
    if not any((directory / name).is_file() for name in VOCAB_FILES):
        raise ModelLoadError(
            f"{key}: {directory} holds no tokenizer (none of {', '.join(VOCAB_FILES)}); a "
            "checkpoint must carry the tokenizer it was trained with. Copy the tokenizer files "
            "(tokenizer.json, tokenizer_config.json, ...) from the model it was trained from "
            f"into it{', or set model.tokenizer_path=DIR' if key.startswith('model.') else ''}."
        )


def _check_real(tokenizer: PreTrainedTokenizerBase, source: str, key: str) -> None:
    """ModelLoadError unless the tokenizer turns text into known tokens."""
    probe = "Insulin lowers blood glucose."
    try:
        ids = tokenizer.encode(probe, add_special_tokens=False)
    except Exception:  # noqa: BLE001 - a broken vocabulary fails in many ways
        ids = []
    if not ids or all(i == tokenizer.unk_token_id for i in ids):
        raise ModelLoadError(
            f"{key}: the tokenizer at {source} does not encode text ({len(tokenizer)} tokens; "
            f"{probe!r} -> {ids[:8]}); its files are empty or broken. Copy the tokenizer files "
            "again from the model the checkpoint was trained from, or set model.tokenizer_path=DIR."
        )


def added_token_ids(tokenizer: PreTrainedTokenizerBase) -> list[int]:
    """Ids of the tokens `load_tokenizer` added to the checkpoint's vocabulary (sorted)."""
    return list(getattr(tokenizer, ADDED_TOKEN_IDS_ATTR, []))


def end_of_turn_ids(tokenizer: PreTrainedTokenizerBase) -> list[int]:
    """Token ids that end a chat turn / generation (<|im_end|> and the tokenizer's eos)."""
    ids = []
    vocab = tokenizer.get_vocab()
    if END_OF_TURN in vocab:
        ids.append(vocab[END_OF_TURN])
    if tokenizer.eos_token_id is not None and tokenizer.eos_token_id not in ids:
        ids.append(tokenizer.eos_token_id)
    return ids
