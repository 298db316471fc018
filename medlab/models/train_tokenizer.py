"""Train the committed tiny tokenizer: a byte-level BPE on medlab's own text.

    python -m medlab.models.train_tokenizer            # writes medlab/assets/tokenizer
    python -m medlab.models.train_tokenizer --vocab-size 1024 --out /tmp/tok

The corpus is the shipped SFT conversations (rendered in ChatML, tool calls included), so the
tiny models see realistic token statistics. Deterministic for a
fixed corpus. Simplification: no normaliser and a GPT-2/Qwen-style byte-level pre-tokeniser;
the real Qwen3 / AFM tokenizers are used for the real models.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast

from medlab.config import ASSETS_DIR
from medlab.models.tokenizer import (
    CHATML_SPECIAL_TOKENS,
    MARKUP_TOKENS,
    TINY_TOKENIZER_DIR,
    read_chat_template,
)

REPO_ROOT = ASSETS_DIR.parent.parent


def _render(row: dict) -> str:
    parts = []
    for m in row.get("messages", []):
        text = m.get("content") or ""
        for call in m.get("tool_calls") or []:
            fn = call.get("function", call)
            text += "<tool_call>\n" + json.dumps({"name": fn["name"], "arguments": fn["arguments"]})
            text += "\n</tool_call>"
        parts.append(f"<|im_start|>{m.get('role')}\n{text}<|im_end|>\n")
    return "".join(parts)


TOKENIZER_CORPUS = ("medical_sft", "persona_sft")


def project_corpus(root: Path = REPO_ROOT) -> Iterator[str]:
    """The shipped SFT conversations (rendered in ChatML). Fixed list, so retraining on the
    same files reproduces the committed tokenizer byte for byte."""
    for name in TOKENIZER_CORPUS:
        for path in sorted((root / "medlab" / "assets" / "data" / name).glob("*.jsonl")):
            for line in path.read_text().splitlines():
                if line.strip():
                    yield _render(json.loads(line))


def train_tokenizer(texts: Iterator[str], vocab_size: int) -> PreTrainedTokenizerFast:
    """Byte-level BPE over `texts` with the ChatML special tokens and Qwen3 markup tokens."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=CHATML_SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        min_frequency=2,
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=CHATML_SPECIAL_TOKENS[1:],
        model_max_length=32768,
        clean_up_tokenization_spaces=False,
    )
    fast.add_tokens(MARKUP_TOKENS)
    return fast


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vocab-size", type=int, default=4096)
    parser.add_argument("--out", type=Path, default=TINY_TOKENIZER_DIR)
    args = parser.parse_args()
    tokenizer = train_tokenizer(project_corpus(), args.vocab_size)
    tokenizer.chat_template = read_chat_template()
    args.out.mkdir(parents=True, exist_ok=True)
    tokenizer.save_pretrained(args.out)
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"wrote {args.out} (vocab {len(tokenizer)}, {size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
