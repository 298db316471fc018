"""Typed, validated configs built from the composed Hydra config, one module per config group.

Each dataclass documents its fields and checks them in ``__post_init__`` (or ``validate``);
`from_dict` (`medlab.config.parsing`) turns a plain mapping (``OmegaConf.to_container(cfg.stage)``)
into the dataclass, rejecting unknown keys and wrong types with a `ConfigError` that names the
dotted key (``stage.lr``) and the fix.

    parsing     from_dict and the check_* / reject helpers every config validates with
    training    TrainingConfig (shared by every training stage), LoRAConfig, SFTConfig, DPOConfig
    grpo        GRPOConfig, VLLMConfig
    model       ModelConfig, TinyModelConfig, ModelShape
    data        DataConfig, HFDatasetConfig
    merge       MergeConfig (merge=), MergeStageConfig (stage=merge)
    evaluation  EvalConfig and its parts (eval=), parse_eval_config
    hardware    HardwareConfig (hardware=), parse_hardware_config
    logger      LoggerConfig, WandbConfig (logger=), parse_logger_config
    reward      RewardEntry (one entry of reward=), parse_reward_config
    rollout     RolloutConfig (+rollout._target_=...), parse_rollout_config
    assets      ASSETS_DIR
"""

from medlab.config.assets import ASSETS_DIR
from medlab.config.data import DataConfig, HFDatasetConfig
from medlab.config.evaluation import EvalConfig, parse_eval_config
from medlab.config.grpo import GRPOConfig, VLLMConfig
from medlab.config.hardware import HardwareConfig, parse_hardware_config
from medlab.config.logger import LoggerConfig, WandbConfig, parse_logger_config
from medlab.config.merge import MergeConfig, MergeStageConfig
from medlab.config.model import ModelConfig, ModelShape, TinyModelConfig
from medlab.config.parsing import from_dict
from medlab.config.reward import RewardEntry, parse_reward_config
from medlab.config.rollout import RolloutConfig, parse_rollout_config
from medlab.config.training import DPOConfig, LoRAConfig, SFTConfig, TrainingConfig

__all__ = [
    "ASSETS_DIR",
    "DPOConfig",
    "DataConfig",
    "EvalConfig",
    "GRPOConfig",
    "HFDatasetConfig",
    "HardwareConfig",
    "LoggerConfig",
    "LoRAConfig",
    "MergeConfig",
    "MergeStageConfig",
    "ModelConfig",
    "ModelShape",
    "RewardEntry",
    "RolloutConfig",
    "SFTConfig",
    "TinyModelConfig",
    "TrainingConfig",
    "VLLMConfig",
    "WandbConfig",
    "from_dict",
    "parse_eval_config",
    "parse_hardware_config",
    "parse_logger_config",
    "parse_reward_config",
    "parse_rollout_config",
]
