"""Typed configs of the training stages sft and dpo (``stage=``) and what every training
stage shares: optimisation, schedule, batching, bookkeeping and LoRA (`TrainingConfig`)."""

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
        default_factory=lambda: [
            "q_proj",
            "k_proj",
            "v_proj",
            "o_proj",
            "gate_proj",
            "up_proj",
            "down_proj",
        ]
    )
    """Module names (suffixes) that get adapters; 'all-linear' is accepted by peft too."""
    merge_on_save: bool = True
    """Merge the adapters into the weights of the exported Hugging Face checkpoint; if false the
    export holds the adapter only (load it with peft on top of the base model)."""

    def validate(self, prefix: str) -> None:
        check_finite_fields(self, prefix)
        check_positive(f"{prefix}.r", self.r)
        check_positive(f"{prefix}.alpha", self.alpha)
        if not 0 <= self.dropout < 1:
            reject(f"{prefix}.dropout", f"must be in [0, 1), got {self.dropout!r}.")
        if not self.target_modules:
            reject(
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
        check_finite_fields(self, "stage")  # every float of every stage (subclasses too)
        check_choice("stage.lr_schedule", self.lr_schedule, ("cosine", "linear", "constant"))
        check_positive("stage.lr", self.lr)
        check_non_negative("stage.weight_decay", self.weight_decay)
        for key in ("adam_beta1", "adam_beta2"):
            if not 0 <= getattr(self, key) < 1:
                reject(f"stage.{key}", f"must be in [0, 1), got {getattr(self, key)!r}.")
        check_positive("stage.adam_eps", self.adam_eps)
        check_non_negative("stage.warmup_steps", self.warmup_steps)
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
            check_positive(f"stage.{key}", getattr(self, key))
        check_non_negative("stage.max_grad_norm", self.max_grad_norm)
        check_positive("stage.max_epochs", self.max_epochs)
        if self.warmup_steps >= self.max_steps:
            reject(
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
    packing: bool = True
    """Concatenate conversations into rows of max_length; attention never crosses examples."""
    # conf/stage/sft.yaml's values (sized for the tiny CPU run) where TrainingConfig's differ.
    lr: float = 3e-3
    warmup_steps: int = 10
    max_steps: int = 150
    micro_batch_size: int = 2
    max_length: int = 1024
    checkpoint_every_n_steps: int = 25

    def __post_init__(self) -> None:
        check_choice("stage.loss", self.loss, SFT_LOSSES)
        check_choice("stage.train_on", self.train_on, ("assistant", "all"))
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
    # conf/stage/dpo.yaml's values (sized for the tiny CPU run) where TrainingConfig's differ.
    lr: float = 5e-4
    warmup_steps: int = 5
    max_steps: int = 40
    max_length: int = 768
    val_every_n_steps: int = 10
    checkpoint_every_n_steps: int = 20

    def __post_init__(self) -> None:
        check_choice("stage.loss", self.loss, DPO_LOSS_NAMES)
        check_choice("stage.reference", self.reference, REFERENCE_MODES)
        check_positive("stage.beta", self.beta)
        if not 0 <= self.label_smoothing < 0.5:
            reject("stage.label_smoothing", f"must be in [0, 0.5), got {self.label_smoothing!r}.")
        if self.label_smoothing and self.loss not in ("sigmoid", "robust"):
            reject("stage.label_smoothing", f"is only used by sigmoid and robust, not {self.loss}.")
        check_non_negative("stage.nll_weight", self.nll_weight)
        if self.reference == "adapters_disabled" and not self.lora.enabled:
            reject(
                "stage.reference",
                "adapters_disabled needs LoRA: set stage.lora.enabled=true or use "
                "stage.reference=frozen_copy.",
            )
        super().__post_init__()
