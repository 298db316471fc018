"""Per-device peak-memory estimate of a training phase, from the model's sizes alone.

No weights are loaded and nothing is downloaded: the sizes come from `model.shape` (Hub models)
or `model.tiny` plus the tokenizer's length (tiny models). The dry run prints `est_mem_gb` from
`medlab.memory_plan.estimate_for_stage` / `format_estimate`. Pure arithmetic: no
torch, no Lightning.

Rules (bytes; P = parameters, T = trained parameters, e = activation element bytes):
    trained params      fp32 master 4 + grad 4 + AdamW m, v 8 = 16 B/T (LoRA: adapters only)
    frozen weights      model dtype (2 bf16, 4 fp32); under bf16 autocast the trained fp32
                        weights also get 2-byte compute copies (+2 B/T, full fine-tuning)
    sharded             FSDP / ZeRO-3: trained bytes and frozen weights / world size
    reference           frozen_copy: + P in the model dtype; adapters_disabled, precomputed: 0
    activations         per layer and token, counted from the HF Qwen3 / Arcee code (SDPA, no
                        s^2 scores; Korthikanti et al. 2022 style, see `layer_activation_bytes`);
                        checkpointed: e*h per layer and token + one layer recomputed
    logits              4 B x K x V per fp32 copy, LOGITS_COPIES = 3 live at the loss (head
                        output, the log-softmax kept for backward, its gradient); K = trained
                        tokens, at most stage.logps_chunk_size (the head runs chunk by chunk)
    GRPO generation     KV cache 2 * layers * kv_heads * head_dim * e per token of the
                        prompts_per_step * G sequences of prompt + completion length
    peak                static (weights, masters, AdamW, reference) + the largest of
                        train (grads + activations + the larger of logits and, checkpointed,
                        one recomputed layer), optimizer step (grads + foreach
                        AdamW temporaries 4 B/T on GPU), generation (KV cache + sampling logits)

Worked example (tests/unit/test_memory_estimate.py): Qwen3-4B has 4,022,468,096 parameters
(embedding 151936 x 2560 tied = 388,956,160; 36 layers x 100,930,816; final norm 2560), so full
fine-tuning keeps 16 x 4.022e9 = 64.4 GB of fp32 state, plus 8.0 GB of bf16 compute copies in
forward/backward, or 16.1 GB of foreach-AdamW scratch in the optimizer step (the peak: 80.4 GB).

Simplifies: one activation dtype (autocast keeps some tensors, e.g. the residual stream and
norm internals, in fp32: up to ~30% more activation memory under bf16-mixed), no allocator
fragmentation or CUDA context (~0.5-1 GB), the frozen-copy reference is not sharded, GRPO
grads are counted during generation too. Calibrated on CPU in fp32 against measured peaks
(experiments/memory/README.md, `python -m tests.integration.test_memory_measured`).

    python -m medlab.run +experiment=med_advisor_dpo dry_run=true ...   # est_mem_gb + breakdown
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any, Literal

from medlab.config import ModelConfig, ModelShape

Stage = Literal["sft", "dpo", "grpo"]
Reference = Literal["none", "frozen_copy", "adapters_disabled", "precomputed"]
GB = 1e9  # decimal gigabytes, like GPU spec sheets ("80 GB")
LOGITS_COPIES = 3
TRAINED_BYTES = {"fp32_masters": 4, "grads": 4, "optimizer": 8}  # per trained parameter
DEFAULT_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "up_proj", "down_proj")


@dataclass(frozen=True)
class LoRASpec:
    enabled: bool = False
    r: int = 16
    target_modules: tuple[str, ...] = DEFAULT_TARGETS
    """Module names, or ("all-linear",) for every decoder linear."""
    dropout: float = 0.0


@dataclass(frozen=True)
class GRPOSpec:
    prompts_per_step: int
    num_generations: int
    max_prompt_length: int
    max_completion_length: int
    generation_batch_size: int | None = None
    """Sequences generated at once; None = all prompts_per_step * num_generations."""


@dataclass(frozen=True)
class MemoryEstimate:
    """Peak bytes on one device, by category (see the module docstring for `total_bytes`)."""

    total_params: int
    trained_params: int
    weights: int
    compute_copies: int
    """16-bit autocast casts of fp32 trained weights, alive during forward/backward only."""
    grads: int
    optimizer: int
    fp32_masters: int
    reference: int
    activations: int
    recompute: int
    logits: int
    kv_cache: int
    generation_transient: int
    optimizer_step: int

    @property
    def static_bytes(self) -> int:
        return self.weights + self.fp32_masters + self.optimizer + self.reference

    @property
    def phase_peaks(self) -> dict[str, int]:
        """Bytes on top of `static_bytes` in each phase of a step."""
        return {
            "train": self.grads
            + self.compute_copies
            + self.activations
            + max(self.logits, self.recompute),
            "optimizer_step": self.grads + self.optimizer_step,
            "generation": self.kv_cache + self.generation_transient,
        }

    @property
    def peak_phase(self) -> str:
        peaks = self.phase_peaks
        return max(peaks, key=peaks.__getitem__)

    @property
    def total_bytes(self) -> int:
        return self.static_bytes + max(self.phase_peaks.values())

    @property
    def total_gb(self) -> float:
        return self.total_bytes / GB


# ---- parameters ------------------------------------------------------------------------------
def shape_of(model_cfg: ModelConfig, vocab_size: int | None = None) -> ModelShape:
    """`model.shape`, or the shape of the tiny model (vocab = len(tokenizer), required)."""
    if model_cfg.shape is not None:
        if vocab_size is None or vocab_size <= model_cfg.shape.vocab_size:
            return model_cfg.shape
        # build_causal_lm resizes the embeddings up to len(tokenizer)
        return ModelShape(**{**_as_dict(model_cfg.shape), "vocab_size": vocab_size})
    tiny = model_cfg.tiny
    if tiny is None:
        raise ValueError(f"model {model_cfg.name!r} has neither model.shape nor model.tiny")
    if vocab_size is None:
        raise ValueError("a tiny model's vocab size is len(tokenizer): pass vocab_size")
    return ModelShape(
        architecture=tiny.architecture,
        hidden_size=tiny.hidden_size,
        num_hidden_layers=tiny.num_hidden_layers,
        num_attention_heads=tiny.num_attention_heads,
        num_key_value_heads=tiny.num_key_value_heads,
        head_dim=tiny.hidden_size // tiny.num_attention_heads,
        intermediate_size=tiny.intermediate_size,
        vocab_size=vocab_size,
        tie_word_embeddings=tiny.tie_word_embeddings,
        max_position_embeddings=tiny.max_position_embeddings,
    )


def _as_dict(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def layer_linears(shape: ModelShape) -> dict[str, tuple[int, int]]:
    """(in, out) features of each bias-free linear of one decoder layer."""
    h, q = shape.hidden_size, shape.num_attention_heads * shape.head_dim
    kv, i = shape.num_key_value_heads * shape.head_dim, shape.intermediate_size
    linears = {"q_proj": (h, q), "k_proj": (h, kv), "v_proj": (h, kv), "o_proj": (q, h)}
    if shape.architecture == "qwen3":
        linears["gate_proj"] = (h, i)  # gated SiLU MLP
    linears.update(up_proj=(h, i), down_proj=(i, h))
    return linears


def count_parameters(shape: ModelShape) -> int:
    """Exact parameter count of the HF Qwen3ForCausalLM / ArceeForCausalLM of `shape`."""
    h = shape.hidden_size
    norms = 2 * h + (2 * shape.head_dim if shape.architecture == "qwen3" else 0)  # + q/k norm
    layer = sum(i * o for i, o in layer_linears(shape).values()) + norms
    embeddings = shape.vocab_size * h * (1 if shape.tie_word_embeddings else 2)
    return embeddings + shape.num_hidden_layers * layer + h  # + final norm


def count_lora_parameters(shape: ModelShape, lora: LoRASpec) -> int:
    """A [r, in] + B [out, r] for every targeted decoder linear (peft, no lm_head)."""
    if not lora.enabled:
        return 0
    return shape.num_hidden_layers * sum(
        lora.r * (i + o) for _, (i, o) in _lora_targets(shape, lora)
    )


def _lora_targets(shape: ModelShape, lora: LoRASpec) -> list[tuple[str, tuple[int, int]]]:
    linears = layer_linears(shape)
    if "all-linear" in lora.target_modules:
        return list(linears.items())
    return [(name, dims) for name, dims in linears.items() if name in lora.target_modules]


# ---- activations -----------------------------------------------------------------------------
def layer_activation_bytes(shape: ModelShape, act_bytes: int, lora: LoRASpec) -> int:
    """Bytes one decoder layer keeps for backward, per token (no checkpointing, SDPA).

    Counted from the HF code; in elements of `act_bytes` unless noted (q = heads * head_dim,
    kv = kv_heads * head_dim, i = intermediate):
        RMSNorm x2        fp32 input (4 B/elem), normalised x, output: 2 * (4h + 2e h) bytes
        qwen3 attention   q: proj out, normalised, rope out (3q); k: 3kv; v: kv;
                          SDPA output + o_proj's contiguous input (2q)     -> 5q + 4kv
        arcee attention   rope out q, k; v; SDPA output + o_proj input    -> 3q + 2kv
        qwen3 MLP         gate out, silu out, up out, product            -> 4i
        arcee MLP         relu out, relu^2 out                           -> 2i
        LoRA per target   A output (r), + dropout output and mask (e + 1 B) x in if dropout
    Korthikanti's 34 s*b*h (16-bit, 4h GeLU MLP, with dropout masks) is the same count for GPT.
    """
    h, i = shape.hidden_size, shape.intermediate_size
    q, kv = shape.num_attention_heads * shape.head_dim, shape.num_key_value_heads * shape.head_dim
    norms = 2 * (4 * h + 2 * act_bytes * h)
    qwen3 = shape.architecture == "qwen3"
    elements = (5 * q + 4 * kv + 4 * i) if qwen3 else (3 * q + 2 * kv + 2 * i)
    adapters = 0
    if lora.enabled:
        for _, (fan_in, _out) in _lora_targets(shape, lora):
            adapters += act_bytes * lora.r + ((act_bytes + 1) * fan_in if lora.dropout else 0)
    return norms + act_bytes * elements + adapters


def activation_bytes(
    shape: ModelShape,
    *,
    tokens: int,
    trained_tokens: int,
    act_bytes: int,
    gradient_checkpointing: bool,
    lora: LoRASpec,
) -> int:
    """Saved activations of a forward over `tokens` tokens (batch x length), all layers.

    Checkpointed: each layer keeps its input (e*h per token); one layer is recomputed in full
    during backward, after the logits are freed (`MemoryEstimate.recompute`, not counted here).
    Plus the final norm and the head's input at the trained positions.
    """
    layers = shape.num_hidden_layers
    if gradient_checkpointing:
        body = layers * act_bytes * shape.hidden_size * tokens
    else:
        body = layers * layer_activation_bytes(shape, act_bytes, lora) * tokens
    h = shape.hidden_size
    final_norm = (4 * h + 2 * act_bytes * h) * tokens
    head_input = act_bytes * h * trained_tokens  # hidden[keep], saved for the head's weight grad
    return body + final_norm + head_input


def logits_bytes(vocab_size: int, trained_tokens: int, copies: float = LOGITS_COPIES) -> int:
    """fp32 logits [K, V] at the K trained positions, `copies` live at once."""
    return int(copies * 4 * trained_tokens * vocab_size)


def kv_cache_bytes(shape: ModelShape, sequences: int, length: int, act_bytes: int) -> int:
    """K and V of every layer: 2 * layers * kv_heads * head_dim * bytes per token."""
    per_token = 2 * shape.num_hidden_layers * shape.num_key_value_heads * shape.head_dim
    return per_token * act_bytes * sequences * length


# ---- the estimate ----------------------------------------------------------------------------
def estimate_memory(
    shape: ModelShape,
    *,
    stage: Stage,
    micro_batch_size: int,
    max_length: int,
    trained_tokens_fraction: float = 1.0,
    lora: LoRASpec | None = None,
    gradient_checkpointing: bool = False,
    world_size: int = 1,
    sharded: bool = False,
    param_dtype_bytes: int = 2,
    act_bytes: int | None = None,
    reference: Reference = "none",
    grpo: GRPOSpec | None = None,
    foreach_optimizer: bool = True,
    logits_chunk: int | None = None,
) -> MemoryEstimate:
    """Peak bytes per device of one optimizer step of `stage` (see the module docstring).

    micro_batch_size: sequences (SFT, GRPO completions) or pairs (DPO: 2x rows) per forward.
    act_bytes: activation element bytes (2 under bf16 autocast); default param_dtype_bytes.
    foreach_optimizer: torch's multi-tensor AdamW (the CUDA default) needs 4 B/T of scratch.
    logits_chunk: stage.logps_chunk_size: the head and log-softmax run over this many trained
    positions at a time (`medlab.losses.chunked`), so at most that many rows of logits are live.
    """
    lora = lora or LoRASpec()
    e = act_bytes or param_dtype_bytes
    total = count_parameters(shape)
    trained = count_lora_parameters(shape, lora) if lora.enabled else total
    frozen = total if lora.enabled else 0
    shard = world_size if sharded else 1
    trained_local = math.ceil(trained / shard)
    copies = trained if (e < 4 and not lora.enabled) else 0  # autocast casts of fp32 weights
    per = {k: v * trained_local for k, v in TRAINED_BYTES.items()}
    rows, length, completion = _rows_and_lengths(stage, micro_batch_size, max_length, grpo)
    trained_tokens = int(rows * completion * trained_tokens_fraction)
    gen_kv, gen_other = _generation_bytes(shape, grpo, e) if stage == "grpo" else (0, 0)
    activations, recompute, logits = _forward_bytes(
        shape, lora, e, rows, length, trained_tokens, gradient_checkpointing, logits_chunk
    )
    return MemoryEstimate(
        total_params=total,
        trained_params=trained,
        weights=math.ceil(frozen * param_dtype_bytes / shard),
        compute_copies=math.ceil(copies * e / shard),
        grads=per["grads"],
        optimizer=per["optimizer"],
        fp32_masters=per["fp32_masters"],
        reference=total * param_dtype_bytes if reference == "frozen_copy" else 0,
        activations=activations,
        recompute=recompute,
        logits=logits,
        kv_cache=gen_kv,
        generation_transient=gen_other,
        optimizer_step=4 * trained_local if foreach_optimizer else 0,
    )


def _forward_bytes(
    shape: ModelShape,
    lora: LoRASpec,
    act_bytes: int,
    rows: int,
    length: int,
    trained_tokens: int,
    gradient_checkpointing: bool,
    logits_chunk: int | None,
) -> tuple[int, int, int]:
    """(activations, one layer recomputed in backward when checkpointed, live fp32 logits) of
    one forward over `rows` x `length` tokens, `trained_tokens` of them carrying a loss."""
    activations = activation_bytes(
        shape,
        tokens=rows * length,
        trained_tokens=trained_tokens,
        act_bytes=act_bytes,
        gradient_checkpointing=gradient_checkpointing,
        lora=lora,
    )
    recompute = (
        layer_activation_bytes(shape, act_bytes, lora) * rows * length
        if gradient_checkpointing
        else 0
    )
    logits = logits_bytes(shape.vocab_size, min(trained_tokens, logits_chunk or trained_tokens))
    return activations, recompute, logits


def _rows_and_lengths(
    stage: Stage, micro_batch_size: int, max_length: int, grpo: GRPOSpec | None
) -> tuple[int, int, int]:
    """(rows per forward, tokens per row, tokens per row that can carry a loss)."""
    if stage == "dpo":
        return 2 * micro_batch_size, max_length, max_length  # chosen + rejected rows
    if stage == "grpo":
        if grpo is None:
            raise ValueError("stage='grpo' needs grpo=GRPOSpec(...)")
        length = grpo.max_prompt_length + grpo.max_completion_length
        return micro_batch_size, length, grpo.max_completion_length
    return micro_batch_size, max_length, max_length


def _generation_bytes(shape: ModelShape, grpo: GRPOSpec | None, e: int) -> tuple[int, int]:
    """(KV cache, prefill + sampling transient) of generating one GRPO batch at once."""
    assert grpo is not None
    rows = grpo.generation_batch_size or grpo.prompts_per_step * grpo.num_generations
    length = grpo.max_prompt_length + grpo.max_completion_length
    kv = kv_cache_bytes(shape, rows, length, e)
    sampling = LOGITS_COPIES * 4 * rows * shape.vocab_size  # last-token logits, probs, sort
    prefill = (
        rows * grpo.max_prompt_length * e * (2 * shape.intermediate_size + 4 * shape.hidden_size)
    )
    return kv, sampling + prefill
