"""The training kinds' builders: data and LightningModule of an SFT, DPO or GRPO stage.

Each has the one shape `build(StageInputs) -> StageParts` (`medlab.stages.kind`); the registry
(`medlab.stage_registry`) names which kind uses which.
"""

from __future__ import annotations

from medlab.stages.chat_datamodule import ChatDataModule
from medlab.stages.dpo_setup import build_dpo_parts
from medlab.stages.grpo_setup import build_grpo_parts
from medlab.stages.kind import StageInputs, StageParts
from medlab.stages.sft import SFTModule


def build_sft(inputs: StageInputs) -> StageParts:
    """Chat rows (packed or padded) and the SFT module."""
    datamodule = ChatDataModule(inputs.tokenizer, inputs.data_cfg, inputs.stage_cfg)
    datamodule.setup("fit")
    return StageParts(datamodule, SFTModule(inputs.policy(), inputs.stage_cfg))


def build_dpo(inputs: StageInputs) -> StageParts:
    """Preference pairs, the reference model and the DPO module."""
    datamodule, module = build_dpo_parts(
        inputs.stage_cfg,
        inputs.data_cfg,
        inputs.model_cfg,
        inputs.tokenizer,
        inputs.policy,
        inputs.stage_dir,
    )
    return StageParts(datamodule, module)


def build_grpo(inputs: StageInputs) -> StageParts:
    """Prompts, rewards, the rollout engine, the reference model and the GRPO module."""
    datamodule, module = build_grpo_parts(
        inputs.stage_cfg,
        inputs.data_cfg,
        inputs.model_cfg,
        inputs.tokenizer,
        inputs.policy,
        inputs.container.get("reward"),
        inputs.container.get("rollout"),
    )
    return StageParts(datamodule, module)
