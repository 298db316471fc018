"""Assemble the GRPO stage: prompt data, reward functions from `reward=`, reference, module.

The generation engine is `HFGenerateBackend`, or with ``stage.backend=vllm`` a colocated vLLM
engine (`medlab.rollout.vllm_backend`, run from .venv-vllm), unless the config has a top-level
`rollout` node with a `_target_` (any class with `GenerationBackend.generate`), e.g.
``+rollout._target_=my_pkg.engines.MyBackend``; the DDP tests plug a scripted one in this way.
"""

from __future__ import annotations

import copy
from typing import Any

from hydra.utils import instantiate

from medlab.config import DataConfig, GRPOConfig, ModelConfig
from medlab.config.reward import RewardEntry, parse_reward_config
from medlab.config.rollout import parse_rollout_config
from medlab.errors import ConfigError
from medlab.rewards import rewards_needing_gold_answer
from medlab.rollout.backend import GenerationBackend, HFGenerateBackend
from medlab.rollout.vllm_backend import VLLMBackend
from medlab.stages.grpo import GRPOModule
from medlab.stages.grpo_scoring import RewardSpec
from medlab.stages.prompt_datamodule import PromptDataModule
from medlab.stages.reference import (
    DisabledAdapterReference,
    FrozenCopyReference,
    ReferenceModel,
)


def build_rewards(reward_cfg: dict[str, Any] | None) -> list[RewardSpec]:
    """Reward functions from the `reward=` node: {name: {weight, fn: {_target_, ...}}}, typed by
    `medlab.config.reward.parse_reward_config`."""
    return reward_specs(parse_reward_config(reward_cfg))


def reward_specs(entries: dict[str, RewardEntry]) -> list[RewardSpec]:
    """The reward functions of typed `reward=` entries, built with their bound arguments."""
    if not entries:
        raise ConfigError(
            "reward: no reward functions configured for stage grpo. Pick a reward config, e.g. "
            "reward=medreason, or add reward.NAME.fn._target_=module.function reward.NAME.weight=1."
        )
    specs = []
    for name, entry in entries.items():
        try:
            fn = instantiate(entry.fn, _partial_=True)
        except Exception as exc:
            target = entry.fn.get("_target_") if isinstance(entry.fn, dict) else None
            raise ConfigError(
                f"reward.{name}.fn._target_: cannot build {target!r} ({exc.__class__.__name__}). "
                "Give an importable function path, e.g. medlab.rewards.mcq.mcq_correctness_reward."
            ) from exc
        if not callable(fn):
            raise ConfigError(f"reward.{name}.fn: {fn!r} is not callable.")
        specs.append(RewardSpec(name, fn, entry.weight))
    return specs


def build_backend(
    rollout_cfg: dict[str, Any] | None, stage: GRPOConfig | None = None
) -> GenerationBackend:
    """`stage.backend`: hf (HF generate) or vllm (`VLLMBackend` with `stage.vllm`);
    `rollout: {_target_: ..., **kwargs}` instantiates another backend instead."""
    backend_name = stage.backend if stage is not None else "hf"
    if rollout_cfg and backend_name != "hf":
        raise ConfigError(
            f"rollout._target_ and stage.backend={backend_name} both pick the generation "
            "backend: drop one of them."
        )
    if not rollout_cfg and backend_name == "vllm":
        assert stage is not None
        return build_vllm_backend(stage)
    if not rollout_cfg:
        return HFGenerateBackend()
    rollout = parse_rollout_config(rollout_cfg)
    try:
        backend = instantiate(rollout.as_node())
    except Exception as exc:
        raise ConfigError(
            f"rollout._target_: cannot build {rollout.target!r} "
            f"({exc.__class__.__name__}). Give an importable class path."
        ) from exc
    if not callable(getattr(backend, "generate", None)):
        raise ConfigError(f"rollout._target_: {rollout.target!r} has no generate().")
    return backend  # type: ignore[no-any-return]


def build_vllm_backend(stage: GRPOConfig) -> GenerationBackend:
    """The colocated vLLM engine built from `stage.vllm`."""
    return VLLMBackend(
        stage.vllm, max_model_len=stage.max_prompt_length + stage.max_completion_length
    )


def build_grpo_parts(
    stage: GRPOConfig,
    data: DataConfig,
    model_cfg: ModelConfig,
    tokenizer: Any,
    policy: Any,
    reward_cfg: dict[str, Any] | None,
    rollout_cfg: dict[str, Any] | None = None,
) -> tuple[PromptDataModule, GRPOModule]:
    entries = parse_reward_config(reward_cfg)
    rewards = reward_specs(entries)
    backend = build_backend(rollout_cfg, stage)
    datamodule = PromptDataModule(tokenizer, data, stage, rewards_needing_gold_answer(entries))
    datamodule.setup("fit")
    reference: ReferenceModel | None = None
    if stage.beta > 0 and stage.reference == "adapters_disabled":
        model = policy()
        reference = DisabledAdapterReference(model, stage.logps_chunk_size, stage.temperature)
    elif stage.beta > 0:
        base = policy(apply_adapters=False)
        frozen = copy.deepcopy(base)
        reference = FrozenCopyReference(frozen, stage.logps_chunk_size, stage.temperature)
        model = policy() if stage.lora.enabled else base
    else:
        model = policy()
    return datamodule, GRPOModule(model, stage, tokenizer, rewards, backend, reference)
