"""Every `hardware=` config composes into what it promises; the SLURM launcher renders sbatch.

GPU configs cannot build a Trainer on this CPU machine, so their strategies are built alone
(the config's `_target_` and arguments checked against Lightning's real signatures); `cpu`
and `cpu_2x_ddp` build the whole Trainer.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import torch
from hydra import compose, initialize_config_dir
from hydra.utils import instantiate
from lightning.pytorch.strategies import DDPStrategy, SingleDeviceStrategy
from omegaconf import OmegaConf

from medlab.checkpointing import AtomicCheckpointIO
from medlab.config.hardware import parse_hardware_config
from medlab.errors import ConfigError
from medlab.stages.trainer import (
    FullShardStrategy,
    build_strategy,
    build_trainer,
    decoder_layer_policy,
)
from tests.conftest import CONF_DIR, compose_config

HARDWARE = sorted(p.stem for p in (CONF_DIR / "hardware").glob("*.yaml"))

FULL_SHARD = "medlab.stages.trainer.FullShardStrategy"
FULL_SHARD_ARGS = {"activation_checkpointing": True, "process_group_backend": "nccl"}
# name: (accelerator, devices, precision, strategy _target_ or name, strategy arguments)
EXPECTED = {
    "cpu": ("cpu", 1, "32-true", "auto", {}),
    "cpu_2x_ddp": ("cpu", 2, "32-true", "DDPStrategy", {"process_group_backend": "gloo"}),
    "gpu_1x": ("gpu", 1, "bf16-mixed", "auto", {}),
    "gpu_8x_ddp": ("gpu", 8, "bf16-mixed", "DDPStrategy", {"process_group_backend": "nccl"}),
    "gpu_8x_fsdp": ("gpu", 8, "bf16-mixed", FULL_SHARD, FULL_SHARD_ARGS),
    "mi300x_8x": ("gpu", 8, "bf16-mixed", FULL_SHARD, FULL_SHARD_ARGS),
    "deepspeed_zero3": ("gpu", 8, "bf16-mixed", "DeepSpeedStrategy", {"stage": 3}),
}


def hardware_node(name: str, *extra: str) -> dict:
    cfg = compose_config([f"hardware={name}", *extra])
    node = OmegaConf.to_container(cfg.hardware, resolve=True)
    assert isinstance(node, dict)
    return node


def test_every_hardware_file_is_covered_and_says_what_it_expects():
    assert set(HARDWARE) == set(EXPECTED)
    for name in HARDWARE:
        text = (CONF_DIR / "hardware" / f"{name}.yaml").read_text()
        assert text.startswith("# ") and "Expects:" in text.split("\n\n")[0], name


@pytest.mark.parametrize("name", HARDWARE)
def test_hardware_config_composes_to_its_promise(name):
    accelerator, devices, precision, strategy, arguments = EXPECTED[name]
    node = hardware_node(name)
    assert (node["accelerator"], node["devices"], node["num_nodes"]) == (accelerator, devices, 1)
    assert node["precision"] == precision
    if strategy == "auto":
        assert node["strategy"] == "auto"
        return
    target = strategy if "." in strategy else f"lightning.pytorch.strategies.{strategy}"
    assert node["strategy"]["_target_"] == target
    for key, value in arguments.items():
        assert node["strategy"][key] == value, key


@pytest.mark.parametrize("name", ["gpu_8x_fsdp", "mi300x_8x"])
def test_fsdp_strategy_builds_full_shard_with_activation_checkpointing(name):
    """FSDP2 over every rank (no tensor parallelism), full-weight checkpoints, nccl / RCCL."""
    strategy = build_strategy(hardware_node(name)["strategy"])
    assert isinstance(strategy, FullShardStrategy)
    assert strategy.activation_checkpointing is True
    assert strategy._tensor_parallel_size == 1
    assert strategy._save_distributed_checkpoint is False  # last.ckpt: one full file
    assert strategy._process_group_backend == "nccl"


def test_decoder_layer_policy_picks_each_transformer_block(tiny_model):
    """One FSDP unit / checkpointed block per decoder layer; nothing inside a layer."""
    wrapped = [
        name
        for name, module in tiny_model.named_modules()
        if decoder_layer_policy(module, recurse=False, nonwrapped_numel=0)
    ]
    assert wrapped == ["model.layers.0", "model.layers.1"]
    assert decoder_layer_policy(tiny_model, recurse=True, nonwrapped_numel=0)  # keeps descending


@pytest.mark.parametrize(("name", "backend"), [("gpu_8x_ddp", "nccl"), ("cpu_2x_ddp", "gloo")])
def test_ddp_strategies_build_with_their_backend(name, backend):
    strategy = build_strategy(hardware_node(name)["strategy"])
    assert isinstance(strategy, DDPStrategy) and strategy._process_group_backend == backend


def small_trainer(hardware: dict, tmp_path: Path):
    return build_trainer(
        parse_hardware_config(hardware),
        max_steps=2,
        val_every_n_steps=1,
        checkpoint_every_n_steps=1,
        log_every_n_steps=1,
        run_dir=tmp_path,
        loggers=[],
    )


def test_cpu_builds_a_single_process_trainer(tmp_path):
    trainer = small_trainer(hardware_node("cpu"), tmp_path)
    assert isinstance(trainer.strategy, SingleDeviceStrategy)
    assert trainer.world_size == 1
    assert isinstance(trainer.strategy.checkpoint_io, AtomicCheckpointIO)


def test_cpu_2x_ddp_builds_a_two_process_gloo_trainer(tmp_path):
    trainer = small_trainer(hardware_node("cpu_2x_ddp"), tmp_path)
    assert isinstance(trainer.strategy, DDPStrategy)
    assert trainer.num_devices == 2 and trainer.world_size == 2
    assert trainer.strategy._process_group_backend == "gloo"
    assert isinstance(trainer.strategy.checkpoint_io, AtomicCheckpointIO)
    assert trainer._accelerator_connector.use_distributed_sampler is False  # medlab shards itself


@pytest.mark.skipif(importlib.util.find_spec("deepspeed") is not None, reason="deepspeed here")
def test_deepspeed_without_the_package_says_how_to_install_it(tmp_path):
    with pytest.raises(ConfigError, match=r"hardware\.strategy: .*pip install deepspeed"):
        small_trainer(hardware_node("deepspeed_zero3"), tmp_path)


def test_lightning_fsdp_is_refused_with_the_way_out_before_any_gpu_time(tmp_path):
    """Lightning's FSDPStrategy (FSDP1) cannot run manual-optimisation micro-batches (issue
    #19626); the message names medlab's FullShardStrategy."""
    node = hardware_node(
        "gpu_8x_fsdp", "hardware.strategy={_target_: lightning.pytorch.strategies.FSDPStrategy}"
    )
    with pytest.raises(ConfigError, match=r"^hardware\.strategy: .*19626.*FullShardStrategy"):
        small_trainer(node, tmp_path)


def test_fsdp_config_made_cpu_sized_builds_a_two_process_full_shard_trainer(tmp_path):
    """What tests/integration/test_fsdp.py runs: gpu_8x_fsdp on 2 CPU processes over gloo."""
    node = hardware_node(
        "gpu_8x_fsdp",
        "hardware.accelerator=cpu",
        "hardware.devices=2",
        "hardware.precision=32-true",
        "hardware.strategy.process_group_backend=gloo",
    )
    trainer = small_trainer(node, tmp_path)
    assert isinstance(trainer.strategy, FullShardStrategy)
    assert trainer.num_devices == 2 and trainer.world_size == 2
    assert trainer.strategy._process_group_backend == "gloo"
    assert isinstance(trainer.strategy.checkpoint_io, AtomicCheckpointIO)  # last.ckpt atomic


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a GPU")
def test_gpu_hardware_on_a_cpu_machine_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=r"^hardware: .*hardware=cpu"):
        small_trainer(hardware_node("gpu_8x_ddp"), tmp_path)


def test_unknown_trainer_key_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=r"^hardware: .*unexpected keyword argument 'gpus'"):
        small_trainer({**hardware_node("cpu"), "gpus": 2}, tmp_path)


def compose_with_launcher(*overrides: str):
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        return compose(
            config_name="config",
            overrides=["hydra/launcher=slurm", *overrides],
            return_hydra_config=True,
        )


def test_slurm_launcher_takes_nodes_and_gpus_from_hardware():
    cfg = compose_with_launcher(
        "hardware=gpu_8x_fsdp",
        "hardware.num_nodes=2",
        "hydra.launcher.partition=gpu",
        "hydra.launcher.timeout_min=720",
    )
    launcher = OmegaConf.to_container(cfg.hydra.launcher, resolve=True)
    assert isinstance(launcher, dict)
    assert launcher["_target_"].endswith("submitit_launcher.SlurmLauncher")
    assert (launcher["nodes"], launcher["gpus_per_node"], launcher["tasks_per_node"]) == (2, 8, 8)
    assert (launcher["partition"], launcher["timeout_min"]) == ("gpu", 720)
    assert "submitit_folder" in launcher and "signal_delay_s" in launcher  # the plugin's schema


def test_slurm_launcher_renders_the_sbatch_script(tmp_path, monkeypatch):
    """The real launcher, up to the point where it would call sbatch."""
    submitit = pytest.importorskip("submitit")
    monkeypatch.setattr(submitit.SlurmExecutor, "affinity", classmethod(lambda cls: 1))
    captured = {}

    def fake_map_array(self, fn, *args):
        captured["sbatch"] = self._executor._make_submission_file_text("python -m medlab", "0")
        return []

    monkeypatch.setattr(submitit.AutoExecutor, "map_array", fake_map_array)
    cfg = compose_with_launcher(
        "hardware=gpu_8x_ddp",
        "hardware.num_nodes=4",
        "hydra.launcher.partition=h100",
        "hydra.launcher.timeout_min=90",
        f"hydra.sweep.dir={tmp_path}",
    )
    launcher = instantiate(cfg.hydra.launcher)
    launcher.setup(hydra_context=None, task_function=lambda c: None, config=cfg)
    launcher.launch([[]], initial_job_idx=0)
    sbatch = captured["sbatch"]
    for line in (
        "#SBATCH --nodes=4",
        "#SBATCH --ntasks-per-node=8",
        "#SBATCH --gpus-per-node=8",
        "#SBATCH --partition=h100",
        "#SBATCH --time=90",
    ):
        assert line in sbatch, line


def test_a_sweep_cannot_start_a_local_multi_process_run(tmp_path, monkeypatch):
    """Under -m, Lightning's re-launch of ranks 1..N-1 would re-run the whole sweep."""
    from types import SimpleNamespace

    from hydra.core.hydra_config import HydraConfig
    from hydra.types import RunMode

    for key in ("LOCAL_RANK", "SLURM_NTASKS"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr(HydraConfig, "initialized", staticmethod(lambda: True))
    monkeypatch.setattr(
        HydraConfig, "get", staticmethod(lambda: SimpleNamespace(mode=RunMode.MULTIRUN))
    )
    with pytest.raises(ConfigError, match=r"^hardware: a sweep \(-m\) cannot start"):
        small_trainer(hardware_node("cpu_2x_ddp"), tmp_path)
    assert small_trainer(hardware_node("cpu"), tmp_path).world_size == 1  # one process is fine
