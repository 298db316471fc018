"""Suite aggregation arithmetic, checked against counts worked out by hand."""

from __future__ import annotations

import pytest

from medlab.evaluation.aggregate import aggregate_persona, aggregate_policy
from medlab.evaluation.suites import SuiteItem

ONE_TURN = ({"role": "user", "content": "q"},)
TWO_TURNS = (
    {"role": "user", "content": "q"},
    {"role": "assistant", "content": "a"},
    {"role": "user", "content": "q2"},
)


def policy_item(n: int, category: str, mode: str) -> SuiteItem:
    return SuiteItem(f"p{n}", "policy", ONE_TURN, "patient", category, mode, (), "notes")


def persona_item(n: int, messages=ONE_TURN) -> SuiteItem:
    return SuiteItem(f"s{n}", "persona", messages, "student", None, None, ("warmth",), "notes")


def pv(overall, safety, helpfulness, accuracy, mode, violation) -> dict:
    return {
        "overall": overall,
        "safety": safety,
        "helpfulness": helpfulness,
        "medical_accuracy": accuracy,
        "mode": mode,
        "boundary_violation": violation,
        "explanation": "",
    }


ITEMS = [
    policy_item(1, "dosing", "refuse_redirect"),
    policy_item(2, "dosing", "refuse_redirect"),
    policy_item(3, "emergency", "escalate"),
    policy_item(4, "emergency", "escalate"),
    policy_item(5, "education", "answer"),
]
VERDICTS = [
    pv(4, 5, 3, 4, "refuse_redirect", False),
    pv(2, 1, 4, 3, "answer", True),
    None,
    pv(5, 5, 5, 5, "escalate", False),
    pv(3, 4, 2, 3, "refuse_redirect", True),
]
ERRORS = [None, None, "unparseable verdict after 3 attempt(s)", None, None]
RULES = {"dose_leak_pct": 50.0, "dose_leak_count": 1, "n_should_refuse": 2}


def test_policy_aggregation_by_hand():
    """5 items, item 3 a judge error -> 4 scored.
    overall (4+2+5+3)/4 = 3.5; safety (5+1+5+4)/4 = 3.75; helpfulness (3+4+5+2)/4 = 3.5;
    medical_accuracy (4+3+5+3)/4 = 3.75; violations items 2 and 5 -> 2/4 = 50.0 %;
    wrong mode items 2 (answer != refuse_redirect) and 5 (refuse_redirect != answer) -> 50.0 %.
    dosing: n 2, scored 2, overall (4+2)/2 = 3.0, safety 3.0, helpfulness 3.5, accuracy 3.5,
            violations 1/2 = 50 %, wrong mode 1/2 = 50 %.
    emergency: n 2, scored 1 (item 4): all 5.0, 0 % and 0 %.
    education: n 1, scored 1: 3, 4, 2, 3, 100 %, 100 %."""
    out = aggregate_policy(ITEMS, VERDICTS, ERRORS, RULES)
    assert (out["n_items"], out["n_scored"], out["judge_errors"]) == (5, 4, 1)
    assert out["metrics"] == {
        "overall": 3.5,
        "safety": 3.75,
        "helpfulness": 3.5,
        "medical_accuracy": 3.75,
        "boundary_violation_pct": 50.0,
        "mode_incorrect_pct": 50.0,
    }
    assert out["per_category"]["dosing"] == {
        "overall": 3.0,
        "safety": 3.0,
        "helpfulness": 3.5,
        "medical_accuracy": 3.5,
        "boundary_violation_pct": 50.0,
        "mode_incorrect_pct": 50.0,
        "n": 2,
        "n_scored": 2,
    }
    emergency = out["per_category"]["emergency"]
    assert (emergency["n"], emergency["n_scored"], emergency["overall"]) == (2, 1, 5.0)
    assert emergency["boundary_violation_pct"] == 0.0 and emergency["mode_incorrect_pct"] == 0.0
    education = out["per_category"]["education"]
    assert (education["helpfulness"], education["boundary_violation_pct"]) == (2.0, 100.0)
    assert list(out["per_category"]) == ["dosing", "emergency", "education"]
    assert out["rules"] == RULES


def test_policy_rounding_one_third():
    """1 violation in 3 scored items -> 100/3 = 33.3333 (4 decimals); overall (5+4+5)/3 = 4.6667."""
    items = ITEMS[:2] + ITEMS[3:4]
    verdicts = [pv(5, 5, 5, 5, "refuse_redirect", True), VERDICTS[0], VERDICTS[3]]
    out = aggregate_policy(items, verdicts, [None] * 3, None)
    assert out["metrics"]["boundary_violation_pct"] == 33.3333
    assert out["metrics"]["overall"] == 4.6667
    assert out["metrics"]["mode_incorrect_pct"] == 0.0


def test_nothing_scored_gives_null_not_zero():
    """All judge errors: 0 scored, every metric None; no judge at all: 0 judge errors too."""
    errors = ["judge request failed"] * 5
    out = aggregate_policy(ITEMS, [None] * 5, errors, None)
    assert (out["n_scored"], out["judge_errors"]) == (0, 5)
    assert set(out["metrics"].values()) == {None}
    assert out["per_category"]["dosing"]["boundary_violation_pct"] is None
    assert out["per_category"]["dosing"]["n"] == 2
    no_judge = aggregate_policy(ITEMS, [None] * 5, [None] * 5, RULES)
    assert (no_judge["n_scored"], no_judge["judge_errors"]) == (0, 0)
    assert set(no_judge["metrics"].values()) == {None}


def persona_verdict(overall: int, multi_turn: int | None, **scores) -> dict:
    base = dict.fromkeys(
        ("depth", "audience", "warmth", "structure", "hedging", "verbosity", "evidence"), 3
    )
    return {"overall": overall, **base, **scores, "multi_turn": multi_turn, "explanation": ""}


def test_persona_aggregation_by_hand():
    """4 items: s1 single-turn (overall 4, warmth 5), s2 multi-turn (overall 2, multi_turn 2),
    s3 multi-turn judge error, s4 multi-turn (overall 3, warmth 1, multi_turn 5).
    3 scored: overall (4+2+3)/3 = 3.0; warmth (5+3+1)/3 = 3.0; depth 3.0;
    multi_turn over scored multi-turn items only: (2+5)/2 = 3.5; 1 judge error."""
    items = [
        persona_item(1),
        persona_item(2, TWO_TURNS),
        persona_item(3, TWO_TURNS),
        persona_item(4, TWO_TURNS),
    ]
    verdicts = [
        persona_verdict(4, None, warmth=5),
        persona_verdict(2, 2),
        None,
        persona_verdict(3, 5, warmth=1),
    ]
    out = aggregate_persona(items, verdicts, [None, None, "HTTP 400: bad", None])
    assert (out["n_items"], out["n_scored"], out["judge_errors"]) == (4, 3, 1)
    metrics = out["metrics"]
    assert (metrics["overall"], metrics["warmth"], metrics["depth"]) == (3.0, 3.0, 3.0)
    assert metrics["multi_turn"] == 3.5
    assert set(metrics) == {
        "overall",
        "depth",
        "audience",
        "warmth",
        "structure",
        "hedging",
        "verbosity",
        "evidence",
        "multi_turn",
    }
    # Only single-turn items scored: multi_turn is null, the others are means.
    single = aggregate_persona(items[:1], verdicts[:1], [None])
    assert single["metrics"]["multi_turn"] is None and single["metrics"]["overall"] == 4.0


def test_inconsistent_inputs_are_refused():
    with pytest.raises(ValueError, match="5 items, 4 verdicts"):
        aggregate_policy(ITEMS, VERDICTS[:4], ERRORS, None)
    with pytest.raises(ValueError, match="both a verdict and an error"):
        aggregate_policy(ITEMS, VERDICTS, ["x"] * 5, None)
