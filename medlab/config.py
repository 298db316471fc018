"""Typed, validated configs built from the composed Hydra config.

Each dataclass documents its fields and checks them in ``__post_init__``; `from_dict` turns a
plain mapping (``OmegaConf.to_container(cfg.stage)``) into the dataclass, rejecting unknown keys
and wrong types with a `ConfigError` that names the dotted key (``stage.lr``) and the fix.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NoReturn, TypeVar, get_args, get_origin

from medlab.errors import ConfigError

T = TypeVar("T")

ASSETS_DIR = Path(__file__).resolve().parent / "assets"


def _fail(key: str, message: str) -> NoReturn:
    raise ConfigError(f"{key}: {message}")


def _check_positive(key: str, value: float) -> None:
    _check_finite(key, value)
    if not value > 0:
        _fail(key, f"must be > 0, got {value!r}. Set {key}=<positive number>.")


def _check_non_negative(key: str, value: float) -> None:
    _check_finite(key, value)
    if not value >= 0:
        _fail(key, f"must be >= 0, got {value!r}. Set {key}=<number >= 0>.")


def _check_finite_fields(obj: Any, prefix: str) -> None:
    """Every float field of dataclass `obj` is a finite number (no nan, inf, -inf)."""
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, float):
            _check_finite(f"{prefix}.{f.name}", value)


def _check_finite(key: str, value: float) -> None:
    if not math.isfinite(value):
        _fail(key, f"must be a finite number, got {value!r}. Set {key}=<finite number>.")


def _check_choice(key: str, value: Any, choices: tuple[Any, ...]) -> None:
    if value not in choices:
        options = ", ".join(repr(c) for c in choices)
        _fail(key, f"unknown value {value!r}; expected one of {options}.")


# --------------------------------------------------------------------------------------------
# Stage configs
# --------------------------------------------------------------------------------------------
@dataclass
class LoRAConfig:
    """Low-rank adapters (peft) instead of full fine-tuning."""

    enabled: bool = False
    """Train LoRA adapters instead of all weights."""
    r: int = 16
    """Adapter rank."""
    alpha: int = 32
    """Scaling numerator (effective scale alpha / r)."""
    dropout: float = 0.0
    """Dropout on the adapter input."""
    target_modules: list[str] = field(
        default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj", "up_proj", "down_proj"]
    )
    """Module names (suffixes) that get adapters; 'all-linear' is accepted by peft too."""
    merge_on_save: bool = True
    """Merge the adapters into the weights of the exported Hugging Face checkpoint; if false the
    export holds the adapter only (load it with peft on top of the base model)."""

    def validate(self, prefix: str) -> None:
        _check_finite_fields(self, prefix)
        _check_positive(f"{prefix}.r", self.r)
        _check_positive(f"{prefix}.alpha", self.alpha)
        if not 0 <= self.dropout < 1:
            _fail(f"{prefix}.dropout", f"must be in [0, 1), got {self.dropout!r}.")
        if not self.target_modules:
            _fail(
                f"{prefix}.target_modules", "must name at least one module, e.g. [q_proj, v_proj]."
            )


SFT_LOSSES = ("cross_entropy",)
DPO_LOSS_NAMES = ("sigmoid", "ipo", "hinge", "robust")
REFERENCE_MODES = ("frozen_copy", "adapters_disabled", "precomputed")


@dataclass
class TrainingConfig:
    """Optimisation, schedule, batching and bookkeeping shared by every training stage."""

    lr: float = 2e-4
    """Peak learning rate (AdamW)."""
    weight_decay: float = 0.0
    """AdamW weight decay, applied to matrices only (not norms / biases)."""
    adam_beta1: float = 0.9
    adam_beta2: float = 0.95
    adam_eps: float = 1e-8
    lr_schedule: Literal["cosine", "linear", "constant"] = "cosine"
    """Decay after warmup: to 10% of the peak (cosine, linear) or none."""
    warmup_steps: int = 0
    """Linear warmup length in optimizer steps."""
    max_steps: int = 100
    """Number of optimizer steps."""
    micro_batch_size: int = 8
    """Examples (packed rows when packing; pairs for DPO) per forward/backward."""
    grad_accum_steps: int = 1
    """Micro-batches per optimizer step; the loss is normalised over all of them, so
    micro_batch_size x grad_accum_steps is equivalent to one big batch."""
    max_length: int = 512
    """Longest tokenised sequence; longer ones are truncated, with a count printed."""
    max_grad_norm: float = 1.0
    """Clip the global gradient norm; 0 disables clipping."""
    val_every_n_steps: int = 50
    """Held-out metrics every N optimizer steps (and at the end)."""
    val_before_training: bool = True
    """Measure the held-out metrics before the first step (the 'before' numbers)."""
    checkpoint_every_n_steps: int = 50
    """Lightning checkpoint (for resume) every N optimizer steps; last.ckpt always kept."""
    log_every_n_steps: int = 5
    """Logger flush interval in optimizer steps."""
    gradient_checkpointing: bool = False
    """Recompute activations in the backward pass (memory for compute)."""
    logps_chunk_size: int = 1024
    """Trained positions whose output-head logits exist at once: the head and log-softmax run
    over this many positions at a time, each chunk's logits recomputed in backward
    (`medlab.losses.chunked`). The loss then peaks at ~3 x this x vocab x 4 bytes, flat in the
    sequence length; smaller saves memory, larger saves a little recomputation."""
    max_epochs: float = 5.0
    """Most passes over the training data a phase may plan (max_steps x global batch / rows);
    more stops the run at preflight, before any training, naming the numbers and the keys."""
    lora: LoRAConfig = field(default_factory=LoRAConfig)
    """Adapters instead of full fine-tuning."""

    def __post_init__(self) -> None:
        _check_finite_fields(self, "stage")  # every float of every stage (subclasses too)
        _check_choice("stage.lr_schedule", self.lr_schedule, ("cosine", "linear", "constant"))
        _check_positive("stage.lr", self.lr)
        _check_non_negative("stage.weight_decay", self.weight_decay)
        for key in ("adam_beta1", "adam_beta2"):
            if not 0 <= getattr(self, key) < 1:
                _fail(f"stage.{key}", f"must be in [0, 1), got {getattr(self, key)!r}.")
        _check_positive("stage.adam_eps", self.adam_eps)
        _check_non_negative("stage.warmup_steps", self.warmup_steps)
        for key in (
            "max_steps",
            "micro_batch_size",
            "grad_accum_steps",
            "max_length",
            "val_every_n_steps",
            "checkpoint_every_n_steps",
            "log_every_n_steps",
            "logps_chunk_size",
        ):
            _check_positive(f"stage.{key}", getattr(self, key))
        _check_non_negative("stage.max_grad_norm", self.max_grad_norm)
        _check_positive("stage.max_epochs", self.max_epochs)
        if self.warmup_steps >= self.max_steps:
            _fail(
                "stage.warmup_steps",
                f"({self.warmup_steps}) must be smaller than stage.max_steps ({self.max_steps}).",
            )
        self.lora.validate("stage.lora")

    @property
    def examples_per_step(self) -> int:
        return self.micro_batch_size * self.grad_accum_steps


@dataclass
class SFTConfig(TrainingConfig):
    """Supervised fine-tuning hyperparameters (``stage=sft``)."""

    name: Literal["sft"] = "sft"
    """Stage type."""
    loss: str = "cross_entropy"
    """Token loss; one of SFT_LOSSES."""
    train_on: Literal["assistant", "all"] = "assistant"
    """Which tokens carry loss: assistant turns only (incl. tool calls and <|im_end|>) or all."""
    packing: bool = False
    """Concatenate conversations into rows of max_length; attention never crosses examples."""

    def __post_init__(self) -> None:
        _check_choice("stage.loss", self.loss, SFT_LOSSES)
        _check_choice("stage.train_on", self.train_on, ("assistant", "all"))
        super().__post_init__()


@dataclass
class DPOConfig(TrainingConfig):
    """Direct preference optimisation hyperparameters (``stage=dpo``)."""

    name: Literal["dpo"] = "dpo"
    """Stage type."""
    loss: str = "sigmoid"
    """One of DPO_LOSS_NAMES: sigmoid (cDPO with label_smoothing), ipo, hinge, robust."""
    beta: float = 0.1
    """Strength of the KL regularisation toward the reference."""
    label_smoothing: float = 0.0
    """Label-noise rate eps for sigmoid (cDPO) and robust; < 0.5."""
    nll_weight: float = 0.0
    """Weight of an NLL term on the chosen completion (mean token NLL); 0 disables."""
    reference: str = "frozen_copy"
    """frozen_copy (a frozen copy of the starting checkpoint), adapters_disabled (LoRA only:
    the same model with adapters off, no second copy) or precomputed (reference log-probs
    computed once and cached on disk)."""
    reference_path: str | None = None
    """Reference checkpoint; null = the checkpoint training starts from."""
    ref_cache_dir: str | None = None
    """Where precomputed reference log-probs are cached (keyed by reference checkpoint,
    tokenizer, data files and max_length); null = <run dir>/ref_logps_cache."""

    def __post_init__(self) -> None:
        _check_choice("stage.loss", self.loss, DPO_LOSS_NAMES)
        _check_choice("stage.reference", self.reference, REFERENCE_MODES)
        _check_positive("stage.beta", self.beta)
        if not 0 <= self.label_smoothing < 0.5:
            _fail("stage.label_smoothing", f"must be in [0, 0.5), got {self.label_smoothing!r}.")
        if self.label_smoothing and self.loss not in ("sigmoid", "robust"):
            _fail("stage.label_smoothing", f"is only used by sigmoid and robust, not {self.loss}.")
        _check_non_negative("stage.nll_weight", self.nll_weight)
        if self.reference == "adapters_disabled" and not self.lora.enabled:
            _fail(
                "stage.reference",
                "adapters_disabled needs LoRA: set stage.lora.enabled=true or use "
                "stage.reference=frozen_copy.",
            )
        super().__post_init__()


GRPO_LOSS_TYPES = ("grpo", "bnpo", "dr_grpo", "dapo")
GRPO_BACKENDS = ("hf", "vllm")
IMPORTANCE_SAMPLING_MODES = ("token_truncate", "token_mask", "sequence_truncate", "sequence_mask")
VLLM_DTYPES = ("auto", "float32", "float", "bfloat16", "float16", "half")


@dataclass
class VLLMConfig:
    """The colocated vLLM engine of ``stage.backend=vllm`` (ignored with ``backend=hf``);
    `medlab.rollout.vllm_backend.VLLMBackend` takes it as it is."""

    gpu_memory_utilization: float = 0.3
    """Share of the GPU's memory the engine may take (weights + KV cache), in (0, 1]; the rest
    is the trainer's. On CPU vLLM reads it as a share of host memory, unless
    kv_cache_memory_bytes is set (medlab sets 1 GiB on CPU when it is null)."""
    kv_cache_memory_bytes: int | None = None
    """KV cache size in bytes, overriding gpu_memory_utilization; null = vLLM's sizing on GPU,
    1 GiB on CPU."""
    enable_sleep_mode: bool = False
    """GPU: offload the engine's weights and free its KV cache while the trainer runs the
    update (sleep level 1): less memory, more host-device traffic per step."""
    max_model_len: int | None = None
    """Engine context window in tokens; null = stage.max_prompt_length +
    stage.max_completion_length (a set value must be at least that)."""
    dtype: str = "auto"
    """Engine weight dtype: auto (that of the policy's weights), float32, bfloat16, float16."""
    enforce_eager: bool = True
    """No CUDA graphs: faster engine start, somewhat slower decoding (CPU runs eager anyway)."""
    seed: int = 0
    """Engine seed (each completion also carries its own seed drawn from torch's RNG)."""
    tensor_parallel_size: int = 1
    """GPUs one engine is split over (1 = one engine per training rank)."""
    max_num_seqs: int | None = None
    """Sequences decoded together; null = vLLM's default."""
    max_num_batched_tokens: int | None = None
    """Tokens one engine step may process; null = vLLM's default (CPU: 4096, and at least
    max_model_len, since the CPU engine prefills whole prompts)."""
    enable_prefix_caching: bool = True
    """Reuse the KV cache of the prompt shared by a group's G completions."""

    def validate(self, prefix: str, min_model_len: int) -> None:
        _check_finite_fields(self, prefix)
        if not 0 < self.gpu_memory_utilization <= 1:
            _fail(
                f"{prefix}.gpu_memory_utilization",
                f"must be in (0, 1], got {self.gpu_memory_utilization!r}.",
            )
        _check_choice(f"{prefix}.dtype", self.dtype, VLLM_DTYPES)
        _check_positive(f"{prefix}.tensor_parallel_size", self.tensor_parallel_size)
        for key in ("kv_cache_memory_bytes", "max_num_seqs", "max_num_batched_tokens"):
            if getattr(self, key) is not None:
                _check_positive(f"{prefix}.{key}", getattr(self, key))
        _check_non_negative(f"{prefix}.seed", self.seed)
        if self.max_model_len is not None and self.max_model_len < min_model_len:
            _fail(
                f"{prefix}.max_model_len",
                f"({self.max_model_len}) must be >= stage.max_prompt_length + "
                f"stage.max_completion_length ({min_model_len}), or null for exactly that.",
            )


@dataclass
class GRPOConfig(TrainingConfig):
    """Group relative policy optimisation with verifiable rewards (``stage=grpo``).

    One generation batch = prompts_per_step prompts x num_generations completions; it is used
    for num_iterations optimizer steps, each over micro-batches of micro_batch_size
    completions. max_steps counts optimizer steps (a multiple of num_iterations)."""

    name: Literal["grpo"] = "grpo"
    loss_type: str = "dapo"
    """grpo | bnpo | dr_grpo | dapo (token-level, normalised by the generation batch's active
    tokens, so invariant to accumulation and world size)."""
    prompts_per_step: int = 8
    """Prompts per generation batch (per rank)."""
    num_generations: int = 8
    """G: completions sampled per prompt (the group)."""
    num_iterations: int = 1
    """mu: optimizer steps per generation batch (>1 uses stored old log-probs and clipping)."""
    epsilon_low: float = 0.2
    epsilon_high: float = 0.2
    """Clip range of the ratio: [1 - epsilon_low, 1 + epsilon_high]."""
    beta: float = 0.0
    """KL coefficient (k3 estimator) toward the reference; 0 skips the reference entirely."""
    reference: str = "frozen_copy"
    """frozen_copy or adapters_disabled (LoRA); only used when beta > 0."""
    scale_rewards: Literal["group", "batch", "none"] = "group"
    """Divide advantages by the group std, the batch std, or not at all."""
    mask_truncated_completions: bool = False
    """Completions without EOS within max_completion_length carry no loss."""
    max_prompt_length: int = 512
    """Longer prompts are left out of the data (with a count printed)."""
    max_completion_length: int = 64
    temperature: float = 1.0
    top_p: float = 1.0
    top_k: int = 0
    """0 = no top-k filtering."""
    backend: Literal["hf", "vllm"] = "hf"
    """Rollout engine: hf (Hugging Face generate on the policy itself) or vllm (a colocated
    vLLM engine holding a copy of the weights, synced after every optimizer step)."""
    vllm: VLLMConfig = field(default_factory=VLLMConfig)
    """Engine settings used when backend is vllm."""
    importance_sampling_cap: float | None = 3.0
    """C of the correction for the engine / trainer mismatch (TRL's vllm_importance_sampling_cap):
    when the backend reports the log-prob of each sampled token (vllm; hf does not), the
    per-token loss is weighted by the ratio pi_trainer / pi_engine, capped or masked at C as
    importance_sampling_mode says. null = no correction (the mismatch is still logged)."""
    importance_sampling_mode: Literal[
        "token_truncate", "token_mask", "sequence_truncate", "sequence_mask"
    ] = "sequence_mask"
    """TRL's vllm_importance_sampling_mode: token_* = one ratio per token, sequence_* = one per
    completion (exp of the summed log-ratio); *_truncate = min(ratio, C), *_mask = 0 above C."""
    val_max_prompts: int = 64
    """Held-out prompts scored (greedy decoding) at each validation."""
    log_completions_every_n_steps: int = 10
    """Every N optimizer steps (and at each validation) a table of prompts, completions, each
    reward, the total reward and the advantage: a W&B Table when W&B logs, and rows appended to
    completions.jsonl in the stage directory (rank 0, bounded rows and text). 0 = off."""

    def __post_init__(self) -> None:
        _check_choice("stage.loss_type", self.loss_type, GRPO_LOSS_TYPES)
        _check_choice("stage.reference", self.reference, ("frozen_copy", "adapters_disabled"))
        _check_choice("stage.scale_rewards", self.scale_rewards, ("group", "batch", "none"))
        for key in (
            "prompts_per_step",
            "num_iterations",
            "max_prompt_length",
            "max_completion_length",
            "val_max_prompts",
        ):
            _check_positive(f"stage.{key}", getattr(self, key))
        if self.num_generations < 2:
            _fail(
                "stage.num_generations",
                f"must be >= 2 (a group needs a baseline), got {self.num_generations}.",
            )
        for key in ("epsilon_low", "epsilon_high", "beta"):
            _check_non_negative(f"stage.{key}", getattr(self, key))
        _check_positive("stage.temperature", self.temperature)
        _check_non_negative(
            "stage.log_completions_every_n_steps", self.log_completions_every_n_steps
        )
        if not 0 < self.top_p <= 1:
            _fail("stage.top_p", f"must be in (0, 1], got {self.top_p!r}.")
        _check_non_negative("stage.top_k", self.top_k)
        _check_choice("stage.backend", self.backend, GRPO_BACKENDS)
        _check_choice(
            "stage.importance_sampling_mode",
            self.importance_sampling_mode,
            IMPORTANCE_SAMPLING_MODES,
        )
        if self.importance_sampling_cap is not None:
            _check_positive("stage.importance_sampling_cap", self.importance_sampling_cap)
        self.vllm.validate("stage.vllm", self.max_prompt_length + self.max_completion_length)
        rows = self.prompts_per_step * self.num_generations
        if rows % self.micro_batch_size:
            _fail(
                "stage.micro_batch_size",
                f"({self.micro_batch_size}) must divide prompts_per_step "
                f"x num_generations ({rows}).",
            )
        if self.max_steps % self.num_iterations:
            _fail(
                "stage.max_steps",
                f"({self.max_steps}) must be a multiple of stage.num_iterations "
                f"({self.num_iterations}).",
            )
        if self.beta > 0 and self.reference == "adapters_disabled" and not self.lora.enabled:
            _fail("stage.reference", "adapters_disabled needs stage.lora.enabled=true.")
        super().__post_init__()


@dataclass
class MergeStageConfig:
    """``stage=merge``: not a training stage; the `merge=` group says what to merge."""

    name: Literal["merge"] = "merge"


# --------------------------------------------------------------------------------------------
# Model and data configs
# --------------------------------------------------------------------------------------------
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
        _check_choice("model.tiny.architecture", self.architecture, ("qwen3", "arcee"))
        for f in dataclasses.fields(self):
            if f.type in ("int",) and f.name != "init_seed":
                _check_positive(f"model.tiny.{f.name}", getattr(self, f.name))
        if self.hidden_size % self.num_attention_heads:
            _fail(
                "model.tiny.hidden_size",
                f"({self.hidden_size}) must be divisible by num_attention_heads "
                f"({self.num_attention_heads}).",
            )
        if self.num_attention_heads % self.num_key_value_heads:
            _fail(
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
        _check_choice("model.shape.architecture", self.architecture, ("qwen3", "arcee"))
        for f in dataclasses.fields(self):
            if f.type in ("int",):
                _check_positive(f"model.shape.{f.name}", getattr(self, f.name))


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
            _fail("model.path", "is null and model.tiny is not set: give a Hub id or a local dir.")
        _check_choice("model.dtype", self.dtype, ("float32", "bfloat16", "float16"))
        _check_choice("model.chat_template", self.chat_template, ("medlab_chatml", "tokenizer"))


@dataclass
class HFDatasetConfig:
    """A dataset on the Hugging Face Hub (or in the local datasets cache)."""

    path: str = ""
    """Dataset id, e.g. 'org/name'."""
    name: str | None = None
    """Dataset configuration name."""
    train_split: str = "train"
    val_split: str | None = None
    """Held-out split; null splits off data.val_fraction of train."""
    revision: str | None = None


@dataclass
class DataConfig:
    """Conversations to train on (``data=``): local JSONL / Parquet files or a Hub dataset."""

    name: str = "medical_sft_sample"
    train_files: list[str] = field(default_factory=list)
    """Local .jsonl / .parquet files with a `messages` column (and optional `tools`)."""
    val_files: list[str] = field(default_factory=list)
    """Held-out files; if empty, data.val_fraction of the training rows is held out."""
    hf_dataset: HFDatasetConfig | None = None
    """Load from the Hub through `datasets` instead of local files."""
    val_fraction: float = 0.1
    """Fraction held out when no validation files / split are given."""
    format: Literal["chat", "preference", "medmcqa", "medreason", "prompt"] = "chat"
    """Row schema: chat (`messages`), preference (`prompt`, `chosen`, `rejected` message lists),
    medmcqa (openlifescienceai/medmcqa columns: preference pairs for dpo, prompts for grpo),
    medreason (UCSC-VLAA/MedReason columns, grpo) or prompt (`prompt` messages + `answer`)."""
    rejected_strategy: Literal["random", "first", "all"] = "random"
    """medmcqa: which wrong option becomes the rejected answer (random is seeded by
    shuffle_seed and the row id; all = one pair per wrong option)."""
    pair_rationale: Literal["none", "both"] = "none"
    """medmcqa pairs: chosen and rejected have the same format, so DPO learns "correct wins" and
    not "longer wins": none = both are the answer line only; both = both carry the dataset's
    explanation after their answer line."""
    system_prompt: str | None = None
    """medmcqa: system message put before each question (null: none)."""
    messages_field: str = "messages"
    tools_field: str = "tools"
    shuffle_seed: int = 0
    """Seed of the (resumable) training order."""
    num_workers: int = 0
    """DataLoader worker processes."""
    decontaminate: bool = False
    """Leave out every training row that shares a word n-gram with an evaluation set of the run
    (the configured `eval`, or the project's offline suites and local tasks when evaluation is
    off) before training; the count is results.json `data_dropped['train/contaminated']`. The
    overlap report of every run with evaluation is written either way (`medlab.decontam`)."""
    decontaminate_ngram: int = 8
    """Words per n-gram of the overlap check (8 as in the Tulu 3 / Llama 3 reports); smaller
    flags more (shorter shared phrases)."""

    def __post_init__(self) -> None:
        _check_positive("data.decontaminate_ngram", self.decontaminate_ngram)
        if self.hf_dataset is not None and not self.hf_dataset.path:
            _fail("data.hf_dataset.path", "is empty: set data.hf_dataset.path=ORG/NAME.")
        if not self.train_files and self.hf_dataset is None:
            _fail(
                "data.train_files",
                "no training data: set data.train_files=[path.jsonl] or data.hf_dataset.path=ID.",
            )
        for i, f in enumerate(self.train_files):
            _check_file(f"data.train_files[{i}]", f)
        for i, f in enumerate(self.val_files):
            _check_file(f"data.val_files[{i}]", f)
        if not 0 <= self.val_fraction < 1:
            _fail("data.val_fraction", f"must be in [0, 1), got {self.val_fraction!r}.")
        _check_non_negative("data.num_workers", self.num_workers)
        _check_choice(
            "data.format", self.format, ("chat", "preference", "medmcqa", "medreason", "prompt")
        )
        _check_choice("data.rejected_strategy", self.rejected_strategy, ("random", "first", "all"))
        _check_choice("data.pair_rationale", self.pair_rationale, ("none", "both"))


def _check_file(key: str, path: str) -> None:
    p = Path(path)
    if not p.is_file():
        _fail(key, f"file not found: {path}. Point {key} at an existing .jsonl or .parquet file.")
    if p.suffix not in (".jsonl", ".parquet", ".json"):
        _fail(key, f"unsupported file type {p.suffix!r} ({path}); use .jsonl or .parquet.")


# --------------------------------------------------------------------------------------------
# dict -> dataclass with key-naming errors
# --------------------------------------------------------------------------------------------
def from_dict(cls: type[T], data: Any, prefix: str) -> T:
    """Build dataclass `cls` from a plain mapping, naming `prefix.key` in every error."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{prefix}: expected a mapping, got {type(data).__name__} ({data!r}).")
    assert dataclasses.is_dataclass(cls)
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in fields:
            close = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f" Did you mean {prefix}.{close[0]}?" if close else ""
            valid = ", ".join(fields)
            raise ConfigError(f"{prefix}.{key}: unknown key.{hint} Valid keys: {valid}.")
        kwargs[key] = _coerce(hints[key], value, f"{prefix}.{key}")
    return cls(**kwargs)


def _coerce(tp: Any, value: Any, key: str) -> Any:
    origin = get_origin(tp)
    args = get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        non_none = [a for a in args if a is not type(None)]
        return _coerce(non_none[0], value, key)
    if origin is Literal:
        if value not in args:
            options = ", ".join(repr(a) for a in args)
            raise ConfigError(f"{key}: unknown value {value!r}; expected one of {options}.")
        return value
    if origin is list:
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"{key}: expected a list, got {value!r}. Example: {key}=[a,b].")
        return [_coerce(args[0], v, f"{key}[{i}]") for i, v in enumerate(value)]
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value, key)  # type: ignore[arg-type]
    if tp is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{key}: expected true or false, got {value!r}.")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{key}: expected an integer, got {value!r}.")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{key}: expected a number, got {value!r}.")
        _check_finite(key, float(value))  # every float key of every config: no nan / inf
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise ConfigError(f"{key}: expected a string, got {value!r}.")
        return value
    return value
