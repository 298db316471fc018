"""Shared fixtures. Tests are hermetic: no Hub, no network, no W&B account."""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("WANDB_MODE", "offline")
os.environ.setdefault("WANDB_SILENT", "true")
os.environ["TOKENIZERS_PARALLELISM"] = "false"

import importlib.util  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import torch  # noqa: E402
from hydra import compose, initialize_config_dir  # noqa: E402
from omegaconf import DictConfig  # noqa: E402

from medlab.config import TinyModelConfig  # noqa: E402
from medlab.models.build import build_tiny_model  # noqa: E402
from medlab.models.tokenizer import load_tokenizer  # noqa: E402
from medlab.resolvers import register_resolvers  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
CONF_DIR = REPO_ROOT / "conf"

register_resolvers()
torch.set_num_threads(min(2, os.cpu_count() or 1))

# tests/vllm need vLLM, which lives in its own venv (`make test-vllm`); the main venv does not
# collect them (rather than report them skipped).
collect_ignore = [] if importlib.util.find_spec("vllm") else ["vllm"]


def compose_config(overrides: list[str] | None = None) -> DictConfig:
    """Compose conf/config.yaml exactly as `python -m medlab.run OVERRIDES` would."""
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        return compose(config_name="config", overrides=list(overrides or []))


@pytest.fixture(scope="session")
def tokenizer():
    return load_tokenizer(None)


@pytest.fixture
def tiny_model(tokenizer):
    """A 2-layer tiny Qwen3 (small enough for per-test rebuilds)."""
    cfg = TinyModelConfig(
        hidden_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        intermediate_size=128,
    )
    return build_tiny_model(cfg, tokenizer)


@pytest.fixture
def chat_rows() -> list[dict]:
    """Small conversations covering every role, a tool call and a <think> block."""
    tools = [
        {
            "type": "function",
            "function": {
                "name": "search",
                "description": "Search.",
                "parameters": {"type": "object", "properties": {}},
            },
        }
    ]
    return [
        {
            "messages": [
                {"role": "system", "content": "You teach medicine."},
                {"role": "user", "content": "What does insulin do?"},
                {"role": "assistant", "content": "Insulin lets cells take up glucose."},
            ]
        },
        {
            "messages": [
                {"role": "user", "content": "Explain anemia simply."},
                {
                    "role": "assistant",
                    "content": "<think>\nKeep it plain.\n</think>\n\nAnemia means too few red cells.",
                },
                {"role": "user", "content": "Why does it cause tiredness?"},
                {"role": "assistant", "content": "Less oxygen reaches the muscles and brain."},
            ]
        },
        {
            "tools": tools,
            "messages": [
                {"role": "user", "content": "Latest advice on sodium intake?"},
                {
                    "role": "assistant",
                    "content": "",
                    "tool_calls": [
                        {
                            "type": "function",
                            "function": {
                                "name": "search",
                                "arguments": {"query": "sodium intake guideline"},
                            },
                        }
                    ],
                },
                {
                    "role": "tool",
                    "name": "search",
                    "content": "Guideline summary: under 2 g sodium a day.",
                },
                {
                    "role": "assistant",
                    "content": "Guidelines suggest under about 2 g of sodium a day.",
                },
            ],
        },
        {
            "messages": [
                {"role": "user", "content": "What is blood pressure?"},
                {"role": "assistant", "content": "The force of blood against artery walls."},
            ]
        },
    ]
