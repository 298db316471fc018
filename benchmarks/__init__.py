"""Benchmarks of medlab next to bare PyTorch loops: not part of the installed package.

Run from the repository root (`make bench` runs the first five):

    python -m benchmarks.step_time sft|dpo|grpo|chunking   # step time vs bare loops, tiny Qwen3
    python -m benchmarks.step_memory                       # peak step memory, real Qwen3 vocab
    .venv-vllm/bin/python -m benchmarks.rollout_generation # HF generate vs vLLM rollout time
    python -m benchmarks.decontam_speed                    # decontamination on MedReason-size data

`step_timer` holds what the step-time benchmarks share; `grpo_step_time` the GRPO case of
`step_time`.
"""
