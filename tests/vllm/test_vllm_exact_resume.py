"""Exact resume of GRPO on vLLM through the real CLI: a run SIGKILLed inside step 3 and re-run
from its step-2 checkpoint ends bitwise equal to the uninterrupted run (weights and every
metrics row, engine / trainer mismatch included). The re-run builds a fresh engine from the
restored weights and draws the same per-completion seeds from the restored torch RNG, so it
samples the same completions. Same harness as tests/integration/test_exact_resume.py.
"""

from __future__ import annotations

from tests.integration.test_exact_resume import (
    assert_same_run,
    cli,
    grpo_overrides,
    killed_and_resumed,
    ok,
)
from tests.integration.test_exact_resume import data as data  # the module-scoped fixture

# vLLM's CPU attention needs head_dim >= 32: 128 / 2 heads = 64.
ENGINE_SIZED = [
    "model.tiny.hidden_size=128",
    "model.tiny.num_attention_heads=2",
    "model.tiny.num_key_value_heads=1",
    "stage.backend=vllm",
]


def vllm_grpo_overrides(data_dir) -> list[str]:
    base = [o for o in grpo_overrides(data_dir) if not o.startswith("model.tiny.hidden_size=")]
    return [*base, *ENGINE_SIZED]


def test_grpo_on_vllm_sigkill_mid_run_resumes_bitwise(tmp_path, data):
    overrides = vllm_grpo_overrides(data)
    straight = tmp_path / "straight"
    ok(cli(straight, overrides))
    resumed = killed_and_resumed(tmp_path, overrides, 3, 2, "grpo")
    assert_same_run(straight / "grpo", resumed)
    rows = (straight / "grpo" / "csv" / "metrics.csv").read_text()
    assert "rollout/logprob_mismatch_max" in rows.splitlines()[0], "not a vLLM run"
