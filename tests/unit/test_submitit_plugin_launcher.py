"""The issue's spelling `hydra/launcher=submitit_slurm` (the plugin's own config) also composes."""

from __future__ import annotations

from hydra import compose, initialize_config_dir
from omegaconf import OmegaConf

from tests.conftest import CONF_DIR


def test_plugin_launcher_takes_nodes_gpus_partition_time_from_the_command_line():
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        cfg = compose(
            config_name="config",
            overrides=[
                "hydra/launcher=submitit_slurm",
                "hardware=gpu_8x_ddp",
                "hydra.launcher.nodes=2",
                "hydra.launcher.gpus_per_node=8",
                "hydra.launcher.tasks_per_node=8",
                "hydra.launcher.partition=gpu",
                "hydra.launcher.timeout_min=720",
            ],
            return_hydra_config=True,
        )
    launcher = OmegaConf.to_container(cfg.hydra.launcher, resolve=True)
    assert isinstance(launcher, dict)
    assert launcher["_target_"].endswith("submitit_launcher.SlurmLauncher")
    assert (launcher["nodes"], launcher["gpus_per_node"], launcher["tasks_per_node"]) == (2, 8, 8)
    assert (launcher["partition"], launcher["timeout_min"]) == ("gpu", 720)
