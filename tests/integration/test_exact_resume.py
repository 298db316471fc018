"""Exact resume and preemption through the real CLI (`python -m medlab.run`, CPU, tiny model).

Each stage runs once uninterrupted; then the same command runs into another directory and is
stopped by a real signal to the process, and the same command is run again into that directory.
The resumed run must end bitwise equal to the uninterrupted one: every exported weight
(`torch.equal`), and every metrics.csv row (train and validation, epoch and step columns
included) except the wall-clock columns. The kills are deterministic: `killable_run.py` sends
the signal just before the N-th backward pass, i.e. inside an optimizer step, after the
checkpoint of an earlier step and, for SFT, between two micro-batches of one step.

Run against the code before exact resume (the sampler's length of `max_steps - start_step`
made Lightning end its epoch early after a resume and replay batches; no RNG states in the
checkpoint; Lightning's SIGTERM handling exits after the step without a checkpoint) these
tests fail: SFT weights 1.4e-3 away (DDP 1.5e-3), GRPO weights differ, SIGTERM exits with
status 0 (as if it had finished), SIGUSR1 kills the process (-10).

Runtime: about 9 min on the 2-core machine (each CLI process spends ~15 s importing and
building before it trains), hence `slow`.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

ASSETS = REPO_ROOT / "medlab" / "assets" / "data"
KILLABLE = REPO_ROOT / "tests" / "integration" / "killable_run.py"
WALL_CLOCK = ("train/step_time", "train/tokens_per_sec", "time/")
EXIT_PREEMPTED = 75
TINY = [
    "logger=csv",
    "model.tiny.hidden_size=32",
    "model.tiny.num_hidden_layers=1",
    "model.tiny.intermediate_size=64",
    "stage.log_every_n_steps=1",
    "stage.warmup_steps=1",
]


def _head(src: Path, dst: Path, n: int) -> str:
    dst.write_text("".join(src.read_text().splitlines(keepends=True)[:n]))
    return str(dst)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("resume_data")
    _head(ASSETS / "medical_sft" / "train.jsonl", root / "sft_train.jsonl", 10)
    _head(ASSETS / "medical_sft" / "val.jsonl", root / "sft_val.jsonl", 4)
    _head(ASSETS / "policy_dpo" / "train.jsonl", root / "dpo_train.jsonl", 6)
    _head(ASSETS / "policy_dpo" / "val.jsonl", root / "dpo_val.jsonl", 4)
    _head(ASSETS / "toy_triage" / "train.jsonl", root / "grpo_train.jsonl", 6)
    _head(ASSETS / "toy_triage" / "val.jsonl", root / "grpo_val.jsonl", 4)
    return root


def sft_overrides(data: Path) -> list[str]:
    """6 steps of 2 x 2 packed rows over 10 conversations: the data epoch ends mid-run."""
    return [
        *TINY,
        f"data.train_files=[{data / 'sft_train.jsonl'}]",
        f"data.val_files=[{data / 'sft_val.jsonl'}]",
        "stage.max_steps=6",
        "stage.micro_batch_size=2",
        "stage.grad_accum_steps=2",
        "stage.max_length=128",
        "stage.checkpoint_every_n_steps=2",
        "stage.val_every_n_steps=3",
    ]


def dpo_overrides(data: Path) -> list[str]:
    return [
        *TINY,
        "stage=dpo",
        "data=policy_dpo_sample",
        f"data.train_files=[{data / 'dpo_train.jsonl'}]",
        f"data.val_files=[{data / 'dpo_val.jsonl'}]",
        "stage.reference=precomputed",  # the cache the first attempt wrote is read on resume
        "stage.max_steps=5",
        "stage.micro_batch_size=2",
        "stage.grad_accum_steps=1",
        "stage.max_length=128",
        "stage.checkpoint_every_n_steps=2",
        "stage.val_every_n_steps=2",
    ]


def grpo_overrides(data: Path) -> list[str]:
    return [
        *TINY,
        "stage=grpo",
        "data=toy_triage",
        "reward=toy_triage",
        f"data.train_files=[{data / 'grpo_train.jsonl'}]",
        f"data.val_files=[{data / 'grpo_val.jsonl'}]",
        "stage.max_steps=5",
        "stage.prompts_per_step=2",
        "stage.num_generations=4",
        "stage.micro_batch_size=8",
        "stage.max_completion_length=8",
        "stage.temperature=1.0",
        "stage.val_max_prompts=2",
        "stage.checkpoint_every_n_steps=2",
        "stage.val_every_n_steps=2",
        "+reward.distinct.weight=1.0",  # varies between samples: every step updates the policy
        "+reward.distinct.fn._target_=tests.integration.test_exact_resume.distinct_chars_reward",
    ]


def distinct_chars_reward(completions: list[str], **_: object) -> list[float]:
    """Distinct characters / 10: differs between random completions, so advantages are not 0."""
    return [len(set(text)) / 10 for text in completions]


def env() -> dict[str, str]:
    out = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONUNBUFFERED="1")
    out["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), out.get("PYTHONPATH")]))
    out.pop("MEDLAB_RUN_ATTEMPT", None)
    for key in [k for k in out if k.startswith("SLURM_")]:
        out.pop(key)
    return out


def cli(
    run_dir: Path,
    overrides: list[str],
    *,
    kill_at: int | None = None,
    sig: str = "KILL",
    extra_env: dict[str, str] | None = None,
):
    """The CLI into `run_dir`; with `kill_at`, signal `sig` just before backward `kill_at`."""
    prefix = [str(KILLABLE), str(kill_at), sig] if kill_at else ["-m", "medlab.run"]
    return subprocess.run(
        [sys.executable, *prefix, *overrides, f"hydra.run.dir={run_dir}"],
        cwd=REPO_ROOT,
        env={**env(), **(extra_env or {})},
        capture_output=True,
        text=True,
        timeout=600,
        start_new_session=True,  # its own process group (KILLPG kills every rank, not pytest)
    )


def ok(out: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert out.returncode == 0, out.stderr[-3000:]
    return out


def checkpoint_step(stage_dir: Path) -> int:
    ckpt = torch.load(
        stage_dir / "checkpoints" / "last.ckpt", map_location="cpu", weights_only=False
    )
    return int(ckpt["global_step"])


def metric_rows(stage_dir: Path) -> list[dict[str, str]]:
    with (stage_dir / "csv" / "metrics.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    return [{k: v for k, v in r.items() if not k.startswith(WALL_CLOCK)} for r in rows]


def assert_same_run(straight: Path, resumed: Path) -> None:
    """Bitwise equal exports and metrics.csv rows (wall-clock columns left out)."""
    a = load_file(straight / "hf_checkpoint" / "model.safetensors")
    b = load_file(resumed / "hf_checkpoint" / "model.safetensors")
    assert a.keys() == b.keys()
    differ = [k for k in a if not torch.equal(a[k], b[k])]
    assert not differ, (
        f"resumed weights differ from the uninterrupted run in {len(differ)} tensors "
        f"(max {max(float((a[k] - b[k]).abs().max()) for k in differ):.2e}): fix the state "
        "medlab.resume / the sampler restore"
    )
    rows_a, rows_b = metric_rows(straight), metric_rows(resumed)
    assert len(rows_a) == len(rows_b), "metrics.csv has other rows after the resume"
    for row_a, row_b in zip(rows_a, rows_b, strict=True):
        assert row_a == row_b, f"metrics differ after the resume: {row_a} != {row_b}"


def killed_and_resumed(
    tmp: Path, overrides: list[str], kill_at: int, checkpoint_at: int, stage: str, sig="KILL"
) -> Path:
    run_dir = tmp / "killed"
    killed = cli(run_dir, overrides, kill_at=kill_at, sig=sig)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    stage_dir = run_dir / stage
    assert not (stage_dir / "hf_checkpoint").exists()
    assert checkpoint_step(stage_dir) == checkpoint_at
    out = ok(cli(run_dir, overrides))
    assert f"(step {checkpoint_at})" in out.stdout + out.stderr, "the re-run did not resume"
    (stage_dir / "resumed_run_output.txt").write_text(out.stdout + out.stderr)
    return stage_dir


@pytest.fixture(scope="module")
def sft_straight(tmp_path_factory, data) -> Path:
    run_dir = tmp_path_factory.mktemp("sft") / "straight"
    ok(cli(run_dir, sft_overrides(data)))
    return run_dir / "sft"


def test_sft_sigkill_between_micro_batches_resumes_bitwise(tmp_path, data, sft_straight):
    """Killed between the 2 micro-batches of step 5 (before backward 10; checkpoint at step 4, the
    second data epoch already begun): the re-run ends bitwise equal."""
    resumed = killed_and_resumed(tmp_path, sft_overrides(data), 10, 4, "sft")
    assert {r["epoch"] for r in metric_rows(resumed)} == {"0"}, "the epoch counter moved"
    assert_same_run(sft_straight, resumed)


def test_dpo_sigkill_mid_epoch_resumes_bitwise(tmp_path, data):
    """DPO with a precomputed reference cache: killed in step 4 (checkpoint at 2)."""
    straight = tmp_path / "straight"
    ok(cli(straight, dpo_overrides(data)))
    resumed = killed_and_resumed(tmp_path, dpo_overrides(data), 4, 2, "dpo")
    output = (resumed / "resumed_run_output.txt").read_text()
    assert "reference log-probs: reusing" in output, "the resume did not re-read the ref cache"
    assert_same_run(straight / "dpo", resumed)


def test_grpo_sigkill_mid_epoch_resumes_bitwise_with_same_samples(tmp_path, data):
    """GRPO samples completions (temperature 1): killed in step 3 after its generation
    (checkpoint at 2); the resumed run draws the same completions, so rewards, losses and
    weights are bitwise equal."""
    straight = tmp_path / "straight"
    ok(cli(straight, grpo_overrides(data)))
    resumed = killed_and_resumed(tmp_path, grpo_overrides(data), 3, 2, "grpo")
    assert_same_run(straight / "grpo", resumed)


def test_usr1_saves_checkpoint_at_step_reached_and_resumes_bitwise(tmp_path, data, sft_straight):
    """SIGUSR1 (SIGTERM: the next tests) during step 3, the periodic checkpoint being at step 2:
    the step finishes, last.ckpt is written at step 3, the process exits 75 with one line saying
    how to resume, nothing looks finished; the same command then ends bitwise equal."""
    run_dir = tmp_path / "preempted"
    sig = "USR1"
    out = cli(run_dir, sft_overrides(data), kill_at=6, sig=sig)  # backward 6 = step 3, 2nd half
    assert out.returncode == EXIT_PREEMPTED, out.stderr[-3000:]
    stage_dir = run_dir / "sft"
    assert checkpoint_step(stage_dir) == 3, "the preemption checkpoint is not at the step reached"
    assert not (stage_dir / "hf_checkpoint").exists() and not (stage_dir / "results.json").exists()
    lines = [line for line in out.stderr.splitlines() if line.startswith("medlab: stopped by")]
    assert lines == [
        f"medlab: stopped by SIG{sig} at step 3; checkpoint {stage_dir}/checkpoints/last.ckpt. "
        f"To resume, re-run the same command with hydra.run.dir={run_dir}"
    ], out.stderr[-2000:]
    again = ok(cli(run_dir, sft_overrides(data)))
    assert "(step 3)" in again.stdout + again.stderr
    assert_same_run(sft_straight, stage_dir)


def test_sigterm_to_running_cli_process(tmp_path, data, sft_straight):
    """A SIGTERM sent from outside to `python -m medlab.run` once its first step is logged."""
    run_dir = tmp_path / "term"
    proc = subprocess.Popen(
        [sys.executable, "-m", "medlab.run", *sft_overrides(data), f"hydra.run.dir={run_dir}"],
        cwd=REPO_ROOT,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    metrics = run_dir / "sft" / "csv" / "metrics.csv"
    deadline = time.time() + 300
    while proc.poll() is None and time.time() < deadline:
        if metrics.is_file() and "train/loss" in metrics.read_text():
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == EXIT_PREEMPTED, err[-3000:]
    step = checkpoint_step(run_dir / "sft")
    logged = {r["step"] for r in metric_rows(run_dir / "sft") if r.get("train/loss")}
    assert 1 <= step < 6 and len(logged) == step, (step, logged)  # checkpoint = step reached
    assert f"at step {step}; checkpoint" in err
    ok(cli(run_dir, sft_overrides(data)))
    assert_same_run(sft_straight, run_dir / "sft")


def ddp_overrides(data: Path) -> list[str]:
    return [*sft_overrides(data), "hardware=cpu_2x_ddp", "stage.grad_accum_steps=1"]


@pytest.fixture(scope="module")
def ddp_straight(tmp_path_factory, data) -> Path:
    run_dir = tmp_path_factory.mktemp("ddp") / "straight"
    ok(cli(run_dir, ddp_overrides(data)))
    return run_dir / "sft"


def test_ddp_sft_sigkill_resumes_bitwise(tmp_path, data, ddp_straight):
    """2 gloo processes (hardware=cpu_2x_ddp): both ranks are SIGKILLed in step 3 (checkpoint
    at 2); the re-run ends bitwise equal to an uninterrupted 2-process run."""
    resumed = killed_and_resumed(tmp_path, ddp_overrides(data), 3, 2, "sft", sig="KILLPG")
    assert_same_run(ddp_straight, resumed)


def test_ddp_sigterm_to_rank_zero_stops_both_ranks_at_one_step(tmp_path, data, ddp_straight):
    """SIGTERM to rank 0 alone in step 3: both ranks finish step 3, the checkpoint is at 3,
    the launch exits 75, and the re-run ends bitwise equal to the uninterrupted 2-process run."""
    run_dir = tmp_path / "term"
    out = cli(run_dir, ddp_overrides(data), kill_at=3, sig="TERM")
    assert out.returncode == EXIT_PREEMPTED, out.stderr[-3000:]
    assert checkpoint_step(run_dir / "sft") == 3
    assert not (run_dir / "sft" / "hf_checkpoint").exists()
    ok(cli(run_dir, ddp_overrides(data)))
    assert_same_run(ddp_straight, run_dir / "sft")


def test_slurm_usr2_checkpoints_requeues_and_the_requeued_job_resumes(tmp_path, data, sft_straight):
    """Under SLURM (its environment variables; a stand-in `scontrol` on PATH records its
    arguments), submitit's time-limit signal USR2 saves the checkpoint at the step reached,
    requeues the job (`scontrol requeue <job id>`) and exits 75; the requeued job (same command,
    same run directory) resumes and ends bitwise equal."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "scontrol_calls"
    scontrol = bin_dir / "scontrol"
    scontrol.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n')
    scontrol.chmod(0o755)
    slurm = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "SLURM_JOB_ID": "4242",
        "SLURM_JOB_NAME": "medlab",
        "SLURM_NTASKS": "1",
        "SLURM_PROCID": "0",
        "SLURM_LOCALID": "0",
        "SLURM_NODEID": "0",
    }
    run_dir = tmp_path / "slurm"
    out = cli(run_dir, sft_overrides(data), kill_at=6, sig="USR2", extra_env=slurm)
    assert out.returncode == EXIT_PREEMPTED, out.stderr[-3000:]
    assert calls.read_text() == "requeue 4242\n", "the job did not requeue itself"
    assert "SLURM job 4242 requeued" in out.stderr
    stage_dir = run_dir / "sft"
    assert checkpoint_step(stage_dir) == 3
    assert not (stage_dir / "hf_checkpoint").exists()
    again = ok(cli(run_dir, sft_overrides(data), extra_env=slurm))  # the requeued job
    assert "(step 3)" in again.stdout + again.stderr
    assert_same_run(sft_straight, stage_dir)
