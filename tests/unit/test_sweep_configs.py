"""Configs a sweep relies on: each stage's default data, the hparams_search group, the metric
`medlab.run` returns to the sweeper and the W&B group of a sweep job."""

from __future__ import annotations

import pytest
from hydra import compose, initialize_config_dir
from omegaconf import OmegaConf

from medlab.config.logger import parse_logger_config
from medlab.errors import ConfigError
from medlab.logging_setup import build_loggers
from medlab.run import HEADLINE_METRIC, returned_metric
from tests.conftest import CONF_DIR, compose_config

STAGES = sorted(p.stem for p in (CONF_DIR / "stage").glob("*.yaml"))


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_has_a_default_data_config(stage):
    """`data: ${stage}_default` in conf/config.yaml needs conf/data/<stage>_default.yaml, an alias
    of one data config."""
    path = CONF_DIR / "data" / f"{stage}_default.yaml"
    assert path.is_file(), f"add {path} (the data `stage={stage}` uses unless data=NAME is given)"
    target = next(d for d in OmegaConf.load(path).defaults if d != "_self_")
    cfg = compose_config([f"stage={stage}"])
    assert cfg.data.name == OmegaConf.load(CONF_DIR / "data" / f"{target}.yaml").name


def test_no_default_data_alias_without_its_stage_kind():
    """Every `<kind>_default` data alias belongs to a stage kind in conf/stage/."""
    aliases = {p.stem.removesuffix("_default") for p in (CONF_DIR / "data").glob("*_default.yaml")}
    assert aliases == set(STAGES)


@pytest.mark.parametrize(
    ("overrides", "name", "fmt"),
    [
        (["stage=sft"], "medical_sft_sample", "chat"),
        (["stage=dpo"], "policy_dpo_sample", "preference"),
        (["stage=grpo"], "medreason_sample", "medreason"),
        (["stage=dpo", "data=medmcqa_sample"], "medmcqa_sample", "medmcqa"),  # user's choice wins
        (["+experiment=tiny_grpo"], "toy_triage", "prompt"),  # an experiment's override wins
        ([], "medical_sft_sample", "chat"),  # `python -m medlab.run` as before
    ],
)
def test_stage_picks_matching_data_unless_data_is_chosen(overrides, name, fmt):
    cfg = compose_config(overrides)
    assert (cfg.data.name, cfg.data.format) == (name, fmt)


def _compose_with_hydra(overrides):
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        return compose("config", overrides=overrides, return_hydra_config=True)


@pytest.mark.parametrize(
    ("search", "stage", "params"),
    [
        ("dpo_optuna", "dpo", {"stage.beta", "stage.lr"}),
        (
            "grpo_optuna",
            "grpo",
            {"stage.beta", "stage.epsilon_low", "stage.epsilon_high", "stage.num_generations"},
        ),
    ],
)
def test_hparams_search_optimises_the_stage_headline_metric(search, stage, params):
    cfg = _compose_with_hydra([f"hparams_search={search}", f"stage={stage}"])
    sweeper = cfg.hydra.sweeper
    assert sweeper._target_.endswith("OptunaSweeper") and cfg.hydra.mode.name == "MULTIRUN"
    assert cfg.optimized_metric == HEADLINE_METRIC[stage]
    assert sweeper.direction == "maximize"  # accuracy / correctness: higher is better
    assert set(sweeper.params) == params
    for key in params:  # every searched key exists in the stage config it overrides
        assert OmegaConf.select(cfg, key) is not None, key
    assert cfg.hydra.callbacks.sweep_summary._target_ == "medlab.sweep_summary.SweepSummaryCallback"


def test_no_search_by_default():
    cfg = _compose_with_hydra([])
    assert "optimized_metric" not in cfg
    assert cfg.hydra.sweeper._target_.endswith("BasicSweeper")


def test_returned_metric_is_the_headline_or_the_optimized_metric():
    results = {
        "stage": "dpo",
        "val_after": {"val/rewards/accuracies": 0.75, "val/loss": 0.5},
        "eval": {"eval/medical/rules/violation_pct": 3.0, "eval/x": None},
    }
    assert returned_metric(results, None) == ("val/rewards/accuracies", 0.75)
    assert returned_metric(results, "val/loss") == ("val/loss", 0.5)
    assert returned_metric(results, "eval/medical/rules/violation_pct") == (
        "eval/medical/rules/violation_pct",
        3.0,
    )
    assert returned_metric({"stage": "sft", "val_after": None}, None) == ("val/loss", None)
    with pytest.raises(ConfigError, match=r"optimized_metric: 'val/typo' is not a metric .*"):
        returned_metric(results, "val/typo")
    measured = r"measured: eval/medical/rules/violation_pct, val/loss, val/rewards/accuracies\."
    with pytest.raises(ConfigError, match=measured):  # an unmeasured (None) metric is not offered
        returned_metric(results, "eval/x")


def test_wandb_group_is_the_sweep_name_when_set(tmp_path):
    wandb_cfg = {"enabled": True, "mode": "offline", "project": "medlab"}
    kwargs = {"experiment": "tiny_sft", "stage": "sft", "config": {}, "resume_step": None}
    single = build_loggers(parse_logger_config({"wandb": wandb_cfg}), tmp_path / "a", **kwargs)[1]
    swept = build_loggers(
        parse_logger_config({"wandb": {**wandb_cfg, "group": "tiny_sft-sw"}}),
        tmp_path / "b",
        **kwargs,
    )
    assert single._wandb_init["group"] == "tiny_sft"
    assert swept[1]._wandb_init["group"] == "tiny_sft-sw"
