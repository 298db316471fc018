"""GRPO rollout-engine keys (issue 13): stage.backend, stage.vllm.*, the importance-sampling
correction. Each bad value is one ConfigError naming the dotted key; conf/stage/grpo.yaml
carries every key and composes into GRPOConfig."""

from __future__ import annotations

import pytest

from medlab.config import GRPOConfig, VLLMConfig, from_dict
from medlab.errors import ConfigError
from medlab.stage_registry import parse_configs
from tests.conftest import compose_config


def parse(stage: dict) -> GRPOConfig:
    return from_dict(GRPOConfig, stage, "stage")


def test_defaults_match_trl_for_the_vllm_path():
    """TRL: vllm_importance_sampling_correction=True, _mode='sequence_mask', _cap=3.0,
    vllm_gpu_memory_utilization=0.3, vllm_tensor_parallel_size=1, vllm_enable_sleep_mode=False."""
    cfg = parse({})
    assert cfg.backend == "hf"
    assert cfg.importance_sampling_cap == 3.0
    assert cfg.importance_sampling_mode == "sequence_mask"
    assert cfg.vllm == VLLMConfig(
        gpu_memory_utilization=0.3,
        enable_sleep_mode=False,
        max_model_len=None,
        dtype="auto",
        enforce_eager=True,
        tensor_parallel_size=1,
    )


def test_good_values_parse():
    cfg = parse(
        {
            "backend": "vllm",
            "max_prompt_length": 100,
            "max_completion_length": 28,
            "importance_sampling_cap": None,
            "importance_sampling_mode": "token_truncate",
            "vllm": {
                "gpu_memory_utilization": 1.0,
                "enable_sleep_mode": True,
                "max_model_len": 128,  # exactly prompt + completion
                "dtype": "bfloat16",
                "enforce_eager": False,
                "tensor_parallel_size": 2,
            },
        }
    )
    assert cfg.backend == "vllm" and cfg.importance_sampling_cap is None
    assert cfg.vllm.max_model_len == 128 and cfg.vllm.tensor_parallel_size == 2


@pytest.mark.parametrize(
    "stage, message",
    [
        ({"backend": "sglang"}, r"^stage\.backend: unknown value 'sglang'; expected one of 'hf', 'vllm'"),
        ({"vllm": {"gpu_memory_utilization": 0}}, r"^stage\.vllm\.gpu_memory_utilization: must be in \(0, 1\]"),
        ({"vllm": {"gpu_memory_utilization": 1.2}}, r"^stage\.vllm\.gpu_memory_utilization: must be in \(0, 1\]"),
        ({"vllm": {"gpu_memory_utilization": "half"}}, r"^stage\.vllm\.gpu_memory_utilization: expected a number"),
        ({"vllm": {"enable_sleep_mode": "yes"}}, r"^stage\.vllm\.enable_sleep_mode: expected true or false"),
        ({"vllm": {"max_model_len": 575}, "max_prompt_length": 512, "max_completion_length": 64}, r"^stage\.vllm\.max_model_len: \(575\) must be >= .*\(576\)"),
        ({"vllm": {"max_model_len": 1.5}}, r"^stage\.vllm\.max_model_len: expected an integer"),
        ({"vllm": {"dtype": "fp8"}}, r"^stage\.vllm\.dtype: unknown value 'fp8'"),
        ({"vllm": {"enforce_eager": 1}}, r"^stage\.vllm\.enforce_eager: expected true or false"),
        ({"vllm": {"tensor_parallel_size": 0}}, r"^stage\.vllm\.tensor_parallel_size: must be > 0"),
        ({"vllm": {"max_num_seqs": 0}}, r"^stage\.vllm\.max_num_seqs: must be > 0"),
        ({"vllm": {"max_num_batched_tokens": -4}}, r"^stage\.vllm\.max_num_batched_tokens: must be > 0"),
        ({"vllm": {"kv_cache_memory_bytes": 0}}, r"^stage\.vllm\.kv_cache_memory_bytes: must be > 0"),
        ({"vllm": {"seed": -1}}, r"^stage\.vllm\.seed: must be >= 0"),
        ({"vllm": {"enable_prefix_caching": "no"}}, r"^stage\.vllm\.enable_prefix_caching: expected true or false"),
        ({"vllm": {"gpu_memory": 0.5}}, r"^stage\.vllm\.gpu_memory: unknown key\. .*Valid keys: gpu_memory_utilization"),
        ({"vllm": 0.5}, r"^stage\.vllm: expected a mapping"),
        ({"importance_sampling_cap": 0}, r"^stage\.importance_sampling_cap: must be > 0"),
        ({"importance_sampling_cap": -2.0}, r"^stage\.importance_sampling_cap: must be > 0"),
        ({"importance_sampling_cap": float("inf")}, r"^stage\.importance_sampling_cap: must be a finite number"),
        ({"importance_sampling_mode": "token_clip"}, r"^stage\.importance_sampling_mode: unknown value 'token_clip'"),
    ],
)  # fmt: skip
def test_each_bad_value_is_one_error_naming_the_key(stage, message):
    with pytest.raises(ConfigError, match=message) as info:
        parse(stage)
    assert "\n" not in str(info.value)


def test_direct_construction_is_validated_too():
    with pytest.raises(ConfigError, match=r"^stage\.backend: unknown value 'trt'"):
        GRPOConfig(backend="trt")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"^stage\.importance_sampling_mode"):
        GRPOConfig(importance_sampling_mode="seq")  # type: ignore[arg-type]


def test_grpo_yaml_carries_every_key_and_overrides_reach_the_dataclass():
    cfg = compose_config(
        [
            "stage=grpo",
            "data=toy_triage",
            "reward=toy_triage",
            "stage.backend=vllm",
            "stage.vllm.gpu_memory_utilization=0.5",
            "stage.vllm.max_model_len=4096",
            "stage.importance_sampling_cap=null",
            "stage.importance_sampling_mode=token_mask",
        ]
    )
    for key in ("backend", "vllm", "importance_sampling_cap", "importance_sampling_mode"):
        assert key in compose_config(["stage=grpo"]).stage, key
    assert set(compose_config(["stage=grpo"]).stage.vllm) == set(VLLMConfig.__dataclass_fields__)
    _, _, stage = parse_configs(cfg)
    assert stage.backend == "vllm" and stage.vllm.gpu_memory_utilization == 0.5
    assert stage.vllm.max_model_len == 4096 and stage.importance_sampling_cap is None
    assert stage.importance_sampling_mode == "token_mask"
