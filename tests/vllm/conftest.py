"""Fixtures of the vLLM backend tests: ONE engine per test session, shared by every test (each
test pushes its own policy's weights into it first), and a tiny Qwen3 the CPU engine supports.

Run in the vLLM venv: `make test-vllm` (= MEDLAB_REQUIRE_VLLM=1 .venv-vllm/bin/python -m pytest
tests/vllm). The main venv does not collect this folder (tests/conftest.py). With
MEDLAB_REQUIRE_VLLM=1 (CI), a skipped test is a failure and a session in which no vLLM test
passed fails: the backend cannot go untested by accident.
"""

from __future__ import annotations

import os

os.environ["VLLM_ENABLE_V1_MULTIPROCESSING"] = "0"  # in-process engine, ~4 s to start

import pytest  # noqa: E402
import torch  # noqa: E402

from medlab.config import TinyModelConfig  # noqa: E402
from medlab.models.build import build_tiny_model  # noqa: E402
from medlab.rollout.vllm_backend import VLLMBackend, VLLMSettings  # noqa: E402

REQUIRED = os.environ.get("MEDLAB_REQUIRE_VLLM") == "1"
MAX_MODEL_LEN = 128

# vLLM's CPU attention supports head_dim 32, 64, 80, 96, 112, 128, ... (not the 16 of
# tests/conftest.py's tiny_model): 128 / 2 heads = 64.
TINY = dict(
    hidden_size=128,
    num_hidden_layers=2,
    num_attention_heads=2,
    num_key_value_heads=1,
    intermediate_size=256,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.vllm)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if REQUIRED and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"skipped under MEDLAB_REQUIRE_VLLM=1 (a skip fails): {report.longrepr}"
    return None


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    passed = session.testscollected - session.testsfailed
    if REQUIRED and exitstatus == 0 and passed == 0:
        session.exitstatus = 1


def build_policy(tokenizer, init_seed: int = 0) -> torch.nn.Module:
    """A tiny random Qwen3 (tied head, fp32) the CPU engine can run."""
    return build_tiny_model(TinyModelConfig(**TINY, init_seed=init_seed), tokenizer)


@pytest.fixture(scope="session")
def engine() -> VLLMBackend:
    """The session's one engine (built lazily by the first generate of the first test)."""
    settings = VLLMSettings(
        dtype="float32",
        kv_cache_memory_bytes=64 << 20,
        # A step holds fewer tokens than one test's batch of prompts: the engine must split the
        # batch over steps (vLLM 0.32's CPU runner crashed on seeded, chunk-prefilled prompts).
        max_num_batched_tokens=MAX_MODEL_LEN,
    )
    return VLLMBackend(settings, max_model_len=MAX_MODEL_LEN)
