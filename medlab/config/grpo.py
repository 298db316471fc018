"""Typed config of the GRPO stage (``stage=grpo``) and its colocated vLLM engine
(``stage.vllm``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from medlab.config.parsing import (
    check_choice,
    check_finite_fields,
    check_non_negative,
    check_positive,
    reject,
)
from medlab.config.training import TrainingConfig

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
        check_finite_fields(self, prefix)
        if not 0 < self.gpu_memory_utilization <= 1:
            reject(
                f"{prefix}.gpu_memory_utilization",
                f"must be in (0, 1], got {self.gpu_memory_utilization!r}.",
            )
        check_choice(f"{prefix}.dtype", self.dtype, VLLM_DTYPES)
        check_positive(f"{prefix}.tensor_parallel_size", self.tensor_parallel_size)
        for key in ("kv_cache_memory_bytes", "max_num_seqs", "max_num_batched_tokens"):
            if getattr(self, key) is not None:
                check_positive(f"{prefix}.{key}", getattr(self, key))
        check_non_negative(f"{prefix}.seed", self.seed)
        if self.max_model_len is not None and self.max_model_len < min_model_len:
            reject(
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
    max_prompt_length: int = 256
    """Longer prompts are left out of the data (with a count printed)."""
    max_completion_length: int = 32
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
    val_max_prompts: int = 72
    """Held-out prompts scored (greedy decoding) at each validation."""
    log_completions_every_n_steps: int = 10
    """Every N optimizer steps (and at each validation) a table of prompts, completions, each
    reward, the total reward and the advantage: a W&B Table when W&B logs, and rows appended to
    completions.jsonl in the stage directory (rank 0, bounded rows and text). 0 = off."""
    # conf/stage/grpo.yaml's values (sized for the tiny CPU run) where TrainingConfig's differ.
    lr: float = 3e-4
    lr_schedule: Literal["cosine", "linear", "constant"] = "constant"
    max_steps: int = 150
    micro_batch_size: int = 32
    val_every_n_steps: int = 25
    checkpoint_every_n_steps: int = 25

    def __post_init__(self) -> None:
        check_choice("stage.loss_type", self.loss_type, GRPO_LOSS_TYPES)
        check_choice("stage.reference", self.reference, ("frozen_copy", "adapters_disabled"))
        check_choice("stage.scale_rewards", self.scale_rewards, ("group", "batch", "none"))
        for key in (
            "prompts_per_step",
            "num_iterations",
            "max_prompt_length",
            "max_completion_length",
            "val_max_prompts",
        ):
            check_positive(f"stage.{key}", getattr(self, key))
        if self.num_generations < 2:
            reject(
                "stage.num_generations",
                f"must be >= 2 (a group needs a baseline), got {self.num_generations}.",
            )
        for key in ("epsilon_low", "epsilon_high", "beta"):
            check_non_negative(f"stage.{key}", getattr(self, key))
        check_positive("stage.temperature", self.temperature)
        check_non_negative(
            "stage.log_completions_every_n_steps", self.log_completions_every_n_steps
        )
        if not 0 < self.top_p <= 1:
            reject("stage.top_p", f"must be in (0, 1], got {self.top_p!r}.")
        check_non_negative("stage.top_k", self.top_k)
        check_choice("stage.backend", self.backend, GRPO_BACKENDS)
        check_choice(
            "stage.importance_sampling_mode",
            self.importance_sampling_mode,
            IMPORTANCE_SAMPLING_MODES,
        )
        if self.importance_sampling_cap is not None:
            check_positive("stage.importance_sampling_cap", self.importance_sampling_cap)
        self.vllm.validate("stage.vllm", self.max_prompt_length + self.max_completion_length)
        rows = self.prompts_per_step * self.num_generations
        if rows % self.micro_batch_size:
            reject(
                "stage.micro_batch_size",
                f"({self.micro_batch_size}) must divide prompts_per_step "
                f"x num_generations ({rows}).",
            )
        if self.max_steps % self.num_iterations:
            reject(
                "stage.max_steps",
                f"({self.max_steps}) must be a multiple of stage.num_iterations "
                f"({self.num_iterations}).",
            )
        if self.beta > 0 and self.reference == "adapters_disabled" and not self.lora.enabled:
            reject("stage.reference", "adapters_disabled needs stage.lora.enabled=true.")
        super().__post_init__()
