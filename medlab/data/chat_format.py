"""Tokenise a conversation with the chat template and build next-token targets.

`encode_chat` returns input ids and *already shifted* targets: ``targets[t]`` is the token the
model must predict at position t (``input_ids[t+1]``) or -100 when that token carries no loss.
Shifting per example (rather than inside the loss) keeps packing exact: the first token of one
example is never a target of the previous example's last position.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from transformers import PreTrainedTokenizerBase

from medlab.errors import DataError
from medlab.losses import IGNORE_INDEX


@dataclass
class EncodedChat:
    """One tokenised conversation."""

    input_ids: list[int]
    """[T] token ids of the rendered conversation."""
    targets: list[int]
    """[T] next-token targets, IGNORE_INDEX where no loss is taken."""
    truncated: bool = False
    """True if the conversation was cut at max_length."""

    @property
    def num_targets(self) -> int:
        return sum(t != IGNORE_INDEX for t in self.targets)


def encode_chat(
    tokenizer: PreTrainedTokenizerBase,
    messages: list[dict[str, Any]],
    tools: list[dict[str, Any]] | None = None,
    train_on: str = "assistant",
    max_length: int | None = None,
) -> EncodedChat:
    """Render `messages` with the tokenizer's chat template and mark the trained tokens.

    train_on='assistant': loss on the tokens inside the template's {% generation %} blocks
    (assistant text, tool calls, the closing <|im_end|>); 'all': loss on every token.
    """
    out: Any = tokenizer.apply_chat_template(
        messages,
        tools=tools or None,  # type: ignore[arg-type]
        tokenize=True,
        return_dict=True,
        return_assistant_tokens_mask=train_on == "assistant",
    )
    ids = list(out["input_ids"])
    if train_on == "assistant":
        trained = list(out["assistant_masks"])
        if not any(trained):
            raise DataError(
                "the chat template marked no assistant tokens; it needs {% generation %} "
                "blocks. Use model.chat_template=medlab_chatml or stage.train_on=all."
            )
    else:
        trained = [1] * len(ids)
    truncated = max_length is not None and len(ids) > max_length
    if truncated:
        ids, trained = ids[:max_length], trained[:max_length]
    targets = [ids[t + 1] if trained[t + 1] else IGNORE_INDEX for t in range(len(ids) - 1)]
    targets.append(IGNORE_INDEX)
    return EncodedChat(ids, targets, truncated)
