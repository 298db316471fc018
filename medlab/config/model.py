"""Typed config of the causal LM to start from (``model=``): a Hub / local checkpoint or a
tiny random model, and the sizes the memory estimate needs."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from medlab.config.parsing import (
    check_choice,
    check_positive,
    reject,
)


@dataclass
class TinyModelConfig:
    """A randomly initialised small model of a real architecture (for CPU runs and tests)."""

    architecture: Literal["qwen3", "arcee"] = "qwen3"
    hidden_size: int = 256
    num_hidden_layers: int = 4
    num_attention_heads: int = 4
    num_key_value_heads: int = 2
    intermediate_size: int = 768
    max_position_embeddings: int = 2048
    tie_word_embeddings: bool = True
    init_seed: int = 0
    """Seed of the random initialisation: the same seed gives the same weights."""

    def __post_init__(self) -> None:
        check_choice("model.tiny.architecture", self.architecture, ("qwen3", "arcee"))
        for f in dataclasses.fields(self):
            if f.type in ("int",) and f.name != "init_seed":
                check_positive(f"model.tiny.{f.name}", getattr(self, f.name))
        if self.hidden_size % self.num_attention_heads:
            reject(
                "model.tiny.hidden_size",
                f"({self.hidden_size}) must be divisible by num_attention_heads "
                f"({self.num_attention_heads}).",
            )
        if self.num_attention_heads % self.num_key_value_heads:
            reject(
                "model.tiny.num_key_value_heads",
                f"({self.num_key_value_heads}) must divide num_attention_heads "
                f"({self.num_attention_heads}).",
            )


@dataclass
class ModelShape:
    """Sizes of a Hub model, copied from its config.json into `conf/model/*.yaml` so the dry run
    and the memory estimate need no download (tiny models derive theirs from `model.tiny`)."""

    architecture: Literal["qwen3", "arcee"] = "qwen3"
    """qwen3 (gated SiLU MLP: gate, up, down) or arcee (ReLU^2 MLP: up, down)."""
    hidden_size: int = 2560
    num_hidden_layers: int = 36
    num_attention_heads: int = 32
    num_key_value_heads: int = 8
    head_dim: int = 128
    intermediate_size: int = 9728
    vocab_size: int = 151936
    tie_word_embeddings: bool = True
    max_position_embeddings: int = 32768

    def __post_init__(self) -> None:
        check_choice("model.shape.architecture", self.architecture, ("qwen3", "arcee"))
        for f in dataclasses.fields(self):
            if f.type in ("int",):
                check_positive(f"model.shape.{f.name}", getattr(self, f.name))


@dataclass
class ModelConfig:
    """Which causal LM to start from (``model=``)."""

    name: str = "tiny_qwen3"
    """Short name used in run names and logs."""
    path: str | None = None
    """Hugging Face Hub id or local directory; null builds the `tiny` model from scratch."""
    revision: str | None = None
    """Hub revision (branch, tag or commit) when `path` is a Hub id."""
    tokenizer_path: str | None = None
    """Tokenizer location; null means the same as `path`."""
    trust_remote_code: bool = False
    """Run code shipped with the checkpoint. Off: Qwen3 and Arcee are native in transformers 5."""
    dtype: Literal["float32", "bfloat16", "float16"] = "float32"
    """Dtype the weights are loaded in."""
    attn_implementation: str = "sdpa"
    """Attention kernel: sdpa, eager, flash_attention_2 (GPU)."""
    chat_template: str = "medlab_chatml"
    """'medlab_chatml' (medlab's Qwen-style ChatML template with <think> and tool-call markup and
    assistant-mask markers) or 'tokenizer' to keep the tokenizer's own template."""
    tiny: TinyModelConfig | None = None
    """Random small model recipe, used when `path` is null."""
    shape: ModelShape | None = None
    """Sizes of the model at `path` (hidden size, layers, heads, vocab), for the dry run's memory
    estimate; null for tiny models (derived from `tiny`) and unknown checkpoints."""

    def __post_init__(self) -> None:
        if self.path is None and self.tiny is None:
            reject("model.path", "is null and model.tiny is not set: give a Hub id or a local dir.")
        check_choice("model.dtype", self.dtype, ("float32", "bfloat16", "float16"))
        check_choice("model.chat_template", self.chat_template, ("medlab_chatml", "tokenizer"))
