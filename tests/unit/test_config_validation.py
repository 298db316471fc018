"""Typed configs: every user mistake is a ConfigError naming the dotted key and the fix.

Also the litgpt-style drift check: every YAML under conf/model, conf/stage, conf/data and
conf/experiment composes and parses into its dataclass, so a renamed field fails CI, and the
CLI turns a bad value into one `medlab: error:` line with exit status 2 (no traceback).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from omegaconf import OmegaConf

from medlab.config import (
    ASSETS_DIR,
    DataConfig,
    HFDatasetConfig,
    LoRAConfig,
    ModelConfig,
    SFTConfig,
    TinyModelConfig,
    from_dict,
)
from medlab.errors import ConfigError
from medlab.experiment import phase_configs
from medlab.stage_registry import STAGE_CONFIGS, parse_configs
from tests.conftest import CONF_DIR, REPO_ROOT, compose_config

ROW = {
    "messages": [
        {"role": "user", "content": "What is a pulse?"},
        {"role": "assistant", "content": "The beat of the heart felt in an artery."},
    ]
}


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "train.jsonl"
    path.write_text(json.dumps(ROW) + "\n")
    return path


def _yaml_names(group: str) -> list[str]:
    """The configs of a group; in `data`, not the per-stage-kind aliases (`<kind>_default`)."""
    names = sorted(p.stem for p in (CONF_DIR / group).glob("*.yaml"))
    return [n for n in names if not (group == "data" and n.endswith("_default"))]


def _has_mandatory(group: str, name: str) -> bool:
    return "???" in (CONF_DIR / group / f"{name}.yaml").read_text()


def _mandatory_data_key(name: str) -> str:
    """The key a data YAML leaves to the user: its files, or the Hub dataset id."""
    text = (CONF_DIR / "data" / f"{name}.yaml").read_text()
    return "train_files" if "train_files: ???" in text else "hf_dataset.path"


def _redirect_data(path: Path) -> list[str]:
    """Overrides pointing the data config at a real temporary file (shipped data may be absent)."""
    return [f"data.train_files=['{path}']", f"data.val_files=['{path}']"]


# --------------------------------------------------------------------------------------------
# from_dict + __post_init__: one message naming the key
# --------------------------------------------------------------------------------------------
def test_negative_lr_names_key_and_fix():
    with pytest.raises(ConfigError) as exc:
        from_dict(SFTConfig, {"lr": -1e-4}, "stage")
    msg = str(exc.value)
    assert msg.startswith("stage.lr:")
    assert "must be > 0" in msg
    assert "Set stage.lr=" in msg


def test_unknown_loss_lists_valid_choices():
    with pytest.raises(ConfigError) as exc:
        from_dict(SFTConfig, {"loss": "focal"}, "stage")
    msg = str(exc.value)
    assert msg.startswith("stage.loss:")
    assert "'focal'" in msg
    assert "'cross_entropy'" in msg


def test_typo_key_suggests_the_right_key():
    with pytest.raises(ConfigError) as exc:
        from_dict(SFTConfig, {"max_stpes": 10}, "stage")
    msg = str(exc.value)
    assert msg.startswith("stage.max_stpes: unknown key")
    assert "Did you mean stage.max_steps?" in msg
    assert "Valid keys:" in msg and "warmup_steps" in msg


def test_typo_in_nested_key_uses_full_dotted_prefix():
    with pytest.raises(ConfigError) as exc:
        from_dict(SFTConfig, {"lora": {"rank": 8}}, "stage")
    msg = str(exc.value)
    assert msg.startswith("stage.lora.rank: unknown key")
    assert "Valid keys: enabled, r, alpha" in msg


def test_unrelated_unknown_key_gives_no_bogus_suggestion():
    with pytest.raises(ConfigError) as exc:
        from_dict(SFTConfig, {"zzzz": 1}, "stage")
    assert "Did you mean" not in str(exc.value)
    assert str(exc.value).startswith("stage.zzzz: unknown key")


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("max_steps", "ten", "stage.max_steps: expected an integer, got 'ten'"),
        ("max_steps", True, "stage.max_steps: expected an integer, got True"),
        ("max_steps", 10.5, "stage.max_steps: expected an integer, got 10.5"),
        ("lr", "fast", "stage.lr: expected a number, got 'fast'"),
        ("packing", "yes", "stage.packing: expected true or false, got 'yes'"),
        ("train_on", "everything", "stage.train_on: unknown value 'everything'"),
        ("lr_schedule", "step", "stage.lr_schedule: unknown value 'step'"),
    ],
)
def test_wrong_type_names_key_and_expected_type(key, value, expected):
    with pytest.raises(ConfigError) as exc:
        from_dict(SFTConfig, {key: value}, "stage")
    assert str(exc.value).startswith(expected)


def test_wrong_type_in_list_names_the_index():
    with pytest.raises(ConfigError) as exc:
        from_dict(SFTConfig, {"lora": {"target_modules": ["q_proj", 3]}}, "stage")
    assert str(exc.value).startswith("stage.lora.target_modules[1]: expected a string")


def test_scalar_where_list_expected_shows_list_syntax():
    with pytest.raises(ConfigError) as exc:
        from_dict(DataConfig, {"train_files": "a.jsonl"}, "data")
    msg = str(exc.value)
    assert msg.startswith("data.train_files: expected a list")
    assert "data.train_files=[a,b]" in msg


def test_non_mapping_section_is_rejected():
    with pytest.raises(ConfigError, match=r"^stage: expected a mapping, got int"):
        from_dict(SFTConfig, 3, "stage")


def test_int_given_for_float_is_accepted_as_float():
    cfg = from_dict(SFTConfig, {"lr": 1, "max_grad_norm": 0}, "stage")
    assert cfg.lr == 1.0 and isinstance(cfg.lr, float)
    assert cfg.max_grad_norm == 0.0


@pytest.mark.parametrize(("warmup", "steps"), [(10, 10), (50, 10)])
def test_warmup_not_below_max_steps(warmup, steps):
    with pytest.raises(ConfigError) as exc:
        from_dict(SFTConfig, {"warmup_steps": warmup, "max_steps": steps}, "stage")
    msg = str(exc.value)
    assert msg.startswith("stage.warmup_steps:")
    assert f"({warmup})" in msg and f"stage.max_steps ({steps})" in msg


def test_warmup_just_below_max_steps_is_valid():
    assert from_dict(SFTConfig, {"warmup_steps": 9, "max_steps": 10}, "stage").warmup_steps == 9


@pytest.mark.parametrize(
    ("lora", "key"),
    [
        ({"r": 0}, "stage.lora.r"),
        ({"alpha": -2}, "stage.lora.alpha"),
        ({"dropout": 1.0}, "stage.lora.dropout"),
        ({"target_modules": []}, "stage.lora.target_modules"),
    ],
)
def test_bad_lora_values_name_nested_key(lora, key):
    with pytest.raises(ConfigError) as exc:
        from_dict(SFTConfig, {"lora": lora}, "stage")
    assert str(exc.value).startswith(f"{key}:")


def test_nested_dataclass_is_built_from_mapping():
    cfg = from_dict(SFTConfig, {"lora": {"enabled": True, "r": 4}}, "stage")
    assert isinstance(cfg.lora, LoRAConfig)
    assert (cfg.lora.enabled, cfg.lora.r, cfg.lora.alpha) == (True, 4, 32)


def test_missing_data_file_names_index_and_says_file_not_found(tmp_path, data_file):
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(ConfigError) as exc:
        from_dict(DataConfig, {"train_files": [str(data_file), str(missing)]}, "data")
    msg = str(exc.value)
    assert msg.startswith("data.train_files[1]:")
    assert f"file not found: {missing}" in msg
    assert "Point data.train_files[1] at an existing .jsonl or .parquet file" in msg


def test_missing_val_file_names_val_key(tmp_path, data_file):
    with pytest.raises(ConfigError, match=r"^data\.val_files\[0\]: file not found"):
        from_dict(
            DataConfig,
            {"train_files": [str(data_file)], "val_files": [str(tmp_path / "v.jsonl")]},
            "data",
        )


def test_unsupported_data_file_type(tmp_path):
    csv = tmp_path / "train.csv"
    csv.write_text("messages\n")
    with pytest.raises(ConfigError) as exc:
        from_dict(DataConfig, {"train_files": [str(csv)]}, "data")
    assert str(exc.value).startswith("data.train_files[0]: unsupported file type '.csv'")


def test_no_training_data_at_all_says_how_to_add_it():
    with pytest.raises(ConfigError) as exc:
        from_dict(DataConfig, {"train_files": [], "hf_dataset": None}, "data")
    msg = str(exc.value)
    assert msg.startswith("data.train_files: no training data")
    assert "data.train_files=[path.jsonl]" in msg and "data.hf_dataset.path=ID" in msg


def test_hf_dataset_alone_is_enough_data():
    cfg = from_dict(DataConfig, {"hf_dataset": {"path": "org/chats"}}, "data")
    assert isinstance(cfg.hf_dataset, HFDatasetConfig)
    assert cfg.hf_dataset.path == "org/chats" and cfg.train_files == []


@pytest.mark.parametrize("fraction", [-0.1, 1.0])
def test_val_fraction_out_of_range(data_file, fraction):
    with pytest.raises(ConfigError, match=r"^data\.val_fraction: must be in \[0, 1\)"):
        from_dict(DataConfig, {"train_files": [str(data_file)], "val_fraction": fraction}, "data")


def test_model_without_path_or_tiny_recipe():
    with pytest.raises(ConfigError) as exc:
        from_dict(ModelConfig, {"path": None, "tiny": None}, "model")
    msg = str(exc.value)
    assert msg.startswith("model.path:")
    assert "model.tiny" in msg and "Hub id or a local dir" in msg


def test_model_tiny_recipe_errors_name_model_tiny_keys():
    with pytest.raises(ConfigError, match=r"^model\.tiny\.hidden_size: \(100\) must be divisible"):
        from_dict(ModelConfig, {"tiny": {"hidden_size": 100, "num_attention_heads": 3}}, "model")
    with pytest.raises(ConfigError, match=r"^model\.tiny\.num_key_value_heads:"):
        from_dict(ModelConfig, {"tiny": {"num_key_value_heads": 3}}, "model")
    with pytest.raises(ConfigError, match=r"^model\.tiny\.num_hidden_layers: must be > 0"):
        from_dict(ModelConfig, {"tiny": {"num_hidden_layers": 0}}, "model")


def test_model_with_hub_path_and_no_tiny_is_valid():
    cfg = from_dict(ModelConfig, {"path": "Qwen/Qwen3-4B-Base", "tiny": None}, "model")
    assert cfg.path == "Qwen/Qwen3-4B-Base" and cfg.tiny is None


def test_model_tiny_recipe_is_typed():
    cfg = from_dict(ModelConfig, {"tiny": {"architecture": "arcee"}}, "model")
    assert isinstance(cfg.tiny, TinyModelConfig) and cfg.tiny.architecture == "arcee"


def test_model_unknown_chat_template():
    with pytest.raises(ConfigError) as exc:
        from_dict(ModelConfig, {"path": "x/y", "chat_template": "chatml"}, "model")
    msg = str(exc.value)
    assert msg.startswith("model.chat_template: unknown value 'chatml'")
    assert "'medlab_chatml'" in msg and "'tokenizer'" in msg


# --------------------------------------------------------------------------------------------
# Config drift: every shipped YAML parses into its dataclass through the composed config
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", _yaml_names("model"))
def test_every_model_yaml_parses(name, data_file):
    model, _, _ = parse_configs(compose_config([f"model={name}", *_redirect_data(data_file)]))
    assert isinstance(model, ModelConfig)
    assert model.name == name, "model.name should match the YAML file name"
    assert model.path is not None or model.tiny is not None


NOT_TRAINING_STAGES = ("evaluate", "report")  # modes, tested in test_experiments_compose.py


@pytest.mark.parametrize("name", [n for n in _yaml_names("stage") if n not in NOT_TRAINING_STAGES])
def test_every_stage_yaml_parses(name, data_file):
    """Each stage kind's YAML parses as that kind."""
    _, _, stage = parse_configs(compose_config([f"stage={name}", *_redirect_data(data_file)]))
    assert stage.name == name


def _preset_command_line(name: str) -> list[str]:
    """The command line a stage preset documents (`#   command line: `stage=K +stage_preset=P``)."""
    text = (CONF_DIR / "stage_preset" / f"{name}.yaml").read_text()
    line = next(line for line in text.splitlines() if "command line:" in line)
    return line.split("`")[1].split()


@pytest.mark.parametrize("name", _yaml_names("stage_preset"))
def test_every_stage_preset_parses_on_its_documented_command_line(name, data_file):
    """Stage presets (afm_sft, med_advisor_dpo, ...) parse as the stage kind they name, and every
    key they set reaches the stage."""
    overrides = _preset_command_line(name)
    assert overrides[1] == f"+stage_preset={name}"
    kind = overrides[0].removeprefix("stage=")
    cfg = compose_config([*overrides, *_redirect_data(data_file)])
    _, _, stage = parse_configs(cfg)
    assert stage.name == kind
    preset = OmegaConf.to_container(OmegaConf.load(CONF_DIR / "stage_preset" / f"{name}.yaml"))
    preset.pop("defaults", None)
    _assert_sets(OmegaConf.to_container(cfg.stage), preset, f"stage_preset/{name}")


def _assert_sets(actual: dict, expected: dict, where: str) -> None:
    """Every key of `expected` (nested) has its value in `actual`."""
    for key, value in expected.items():
        if isinstance(value, dict):
            _assert_sets(actual[key], value, f"{where}.{key}")
        else:
            assert actual[key] == value, f"{where}.{key}"


@pytest.mark.parametrize("name", [n for n in _yaml_names("data") if not _has_mandatory("data", n)])
def test_every_data_yaml_parses(name, data_file):
    """Keys and types of each data config (its files redirected to a temporary one)."""
    _, data, _ = parse_configs(compose_config([f"data={name}", *_redirect_data(data_file)]))
    assert data.name == name
    assert data.train_files == [str(data_file)]


@pytest.mark.parametrize("name", [n for n in _yaml_names("data") if not _has_mandatory("data", n)])
def test_every_data_yaml_points_at_shipped_files(name):
    """No redirect: the paths in the YAML exist once the shipped data is in place."""
    if not any((ASSETS_DIR / "data").rglob("*.jsonl")):
        pytest.skip("shipped data under medlab/assets/data not written yet")
    _, data, _ = parse_configs(compose_config([f"data={name}"]))
    if data.hf_dataset is not None:  # a Hub dataset (e.g. data=medmcqa): no local files
        assert not data.train_files and data.hf_dataset.path
        return
    assert data.train_files and all(Path(f).is_file() for f in data.train_files)


@pytest.mark.parametrize("name", [n for n in _yaml_names("data") if _has_mandatory("data", n)])
def test_data_yaml_with_mandatory_value_parses_once_it_is_given(name, data_file):
    key = _mandatory_data_key(name)
    value = f"['{data_file}']" if key == "train_files" else "org/chats"
    _, data, _ = parse_configs(compose_config([f"data={name}", f"data.{key}={value}"]))
    if key == "train_files":
        assert data.train_files == [str(data_file)]
    else:
        assert data.hf_dataset is not None and data.hf_dataset.path == "org/chats"


@pytest.mark.parametrize("name", [n for n in _yaml_names("data") if _has_mandatory("data", n)])
def test_data_yaml_with_mandatory_value_fails_clearly_when_not_given(name):
    with pytest.raises(ConfigError) as exc:
        parse_configs(compose_config([f"data={name}"]))
    assert f"data.{_mandatory_data_key(name)}" in str(exc.value)


@pytest.mark.parametrize(
    "name", [n for n in _yaml_names("experiment") if n not in NOT_TRAINING_STAGES]
)
def test_every_experiment_parses_in_every_phase(name, data_file):
    overrides = [f"+experiment={name}", *_redirect_data(data_file)]
    if "REQUIRED" in (CONF_DIR / "experiment" / f"{name}.yaml").read_text():
        overrides.append("model.path=org/some-checkpoint")
    cfg = compose_config(overrides)
    model = from_dict(ModelConfig, _plain(cfg.model), "model")
    assert cfg.experiment_name == name
    for label, phase_cfg in phase_configs(cfg, overrides):
        phase_model = from_dict(ModelConfig, _plain(phase_cfg.model), "model")
        stage_cls = STAGE_CONFIGS[phase_cfg.stage.name]
        phase_stage = from_dict(stage_cls, _plain(phase_cfg.stage), "stage")
        assert phase_model.name.startswith("tiny_") == model.name.startswith("tiny_"), label
        assert isinstance(phase_stage, stage_cls), label


def _plain(node):
    return OmegaConf.to_container(node, resolve=True)


def test_cli_style_float_override_is_parsed_as_float(data_file):
    _, _, stage = parse_configs(compose_config(["stage.lr=1e-4", *_redirect_data(data_file)]))
    assert stage.lr == pytest.approx(1e-4)


# --------------------------------------------------------------------------------------------
# The CLI: one `medlab: error:` line, exit status 2, no traceback
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Both CLI runs started in parallel (each spends ~5 s importing torch / lightning)."""
    tmp = tmp_path_factory.mktemp("cli")
    data = tmp / "train.jsonl"
    data.write_text(json.dumps(ROW) + "\n")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "MEDLAB_LOG_DIR": str(tmp / "logs")}
    cases = {
        # The training data is redirected so that stage.lr is the first thing wrong even
        # while the shipped data files are absent.
        "bad_lr": ["stage.lr=-1", f"data.train_files=['{data}']", "data.val_files=[]"],
        "missing_data": ["data.train_files=[/nonexistent.jsonl]"],
    }
    procs = {
        name: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "medlab.run",
                *overrides,
                f"hydra.run.dir={tmp / name}",
                "logger=csv",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, overrides in cases.items()
    }
    results = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        results[name] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return results


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("bad_lr", "medlab: error: stage.lr: must be > 0, got -1.0. Set stage.lr="),
        (
            "missing_data",
            "medlab: error: data.train_files[0]: file not found: /nonexistent.jsonl. "
            "Point data.train_files[0] at an existing",
        ),
    ],
    ids=["bad_lr", "missing_data"],
)
def test_cli_reports_config_error_in_one_line(cli_runs, case, message):
    result = cli_runs[case]
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert result.stderr.count("medlab: error:") == 1
    assert "Traceback" not in result.stderr + result.stdout
