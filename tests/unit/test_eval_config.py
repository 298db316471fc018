"""Every `eval=` config composes into a valid EvalConfig; bad values name their key."""

from __future__ import annotations

import pytest
from omegaconf import OmegaConf

from medlab.config.evaluation import EDUCATION_SYSTEM_PROMPT, parse_eval_config
from medlab.errors import ConfigError
from tests.conftest import CONF_DIR, compose_config

EVAL_CONFIGS = sorted(p.stem for p in (CONF_DIR / "eval").glob("*.yaml"))


def _parsed(overrides: list[str]):
    cfg = compose_config(overrides)
    return parse_eval_config(OmegaConf.to_container(cfg.eval, resolve=True))


@pytest.mark.parametrize("name", EVAL_CONFIGS)
def test_every_eval_config_parses(name):
    cfg = _parsed([f"eval={name}"])
    assert cfg.enabled is (name != "none")


def test_default_is_no_evaluation():
    assert _parsed([]).enabled is False


def test_med_advisor_eval_uses_the_cards_settings():
    """gpt-5-mini judge at reasoning_effort=low, greedy, repetition_penalty 1.10, no-repeat 6."""
    cfg = _parsed(["eval=med_advisor"])
    assert (cfg.judge.backend, cfg.judge.model, cfg.judge.reasoning_effort) == (
        "openai",
        "gpt-5-mini",
        "low",
    )
    assert cfg.judge.api_key_env == "OPENAI_API_KEY"
    gen = cfg.generation
    assert (gen.do_sample, gen.repetition_penalty, gen.no_repeat_ngram_size) == (False, 1.10, 6)
    assert gen.system_prompt == EDUCATION_SYSTEM_PROMPT
    assert cfg.suites.policy.limit is None and cfg.suites.persona.limit is None


def test_afm_eval_uses_the_cards_harness_settings():
    cfg = _parsed(["eval=afm_leaderboard"]).harness
    assert {"mmlu", "leaderboard_mmlu_pro", "leaderboard_ifeval"} <= set(cfg.tasks)
    assert cfg.apply_chat_template and cfg.fewshot_as_multiturn and cfg.batch_size == 64


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (["eval=tiny", "eval.harness.batch_size=0"], r"eval\.harness\.batch_size: must be > 0"),
        (["eval=tiny", "+eval.harness.taks=[x]"], r"eval\.harness\.taks: unknown key.*tasks"),
        (["eval=tiny", "eval.harness.tasks=[]"], r"eval\.harness\.tasks: is empty"),
        (["eval=tiny", "eval.judge.backend=openai"], r"eval\.judge\.model: is required"),
        (["eval=tiny", "eval.judge.backend=gpt"], r"eval\.judge\.backend: unknown value 'gpt'"),
        (["eval=tiny", "eval.generation.top_p=0"], r"eval\.generation\.top_p: must be in"),
        (["eval=tiny", "eval.suites.policy.limit=0"], r"eval\.suites\.policy\.limit: must be > 0"),
        (
            ["eval=tiny", "eval.harness.apply_chat_template=false"],
            r"eval\.harness\.fewshot_as_multiturn: needs apply_chat_template",
        ),
        (["eval=tiny", "+eval.baselines.base=''"], r"eval\.baselines\.base: must be a Hub id"),
    ],
)
def test_bad_eval_values_name_the_key(overrides, message):
    with pytest.raises(ConfigError, match=message):
        _parsed(overrides)


def test_default_yaml_lists_exactly_the_dataclass_fields():
    """Config drift guard (litgpt style): conf/eval/default.yaml mirrors EvalConfig."""
    import dataclasses

    from medlab.config.evaluation import EvalConfig

    def keys(obj) -> set[str]:
        out = set()
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            out.add(f.name)
            if dataclasses.is_dataclass(value):
                out |= {f"{f.name}.{k}" for k in keys(value)}
        return out

    def yaml_keys(node, prefix="") -> set[str]:
        out = set()
        for k, v in node.items():
            out.add(prefix + k)
            if isinstance(v, dict) and k not in ("baselines", "metrics"):
                out |= yaml_keys(v, f"{prefix}{k}.")
        return out

    raw = OmegaConf.to_container(OmegaConf.load(CONF_DIR / "eval" / "default.yaml"))
    assert yaml_keys(raw) == keys(EvalConfig())


def test_default_yaml_values_equal_the_dataclass_defaults():
    import dataclasses

    from medlab.config.evaluation import EvalConfig

    parsed = _parsed(["eval=default"])
    expected = dataclasses.replace(EvalConfig(), enabled=True)
    assert dataclasses.asdict(parsed) == dataclasses.asdict(expected)
