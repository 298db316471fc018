"""The "conversations ... were cut" warning prints once per run, not once per encoding.

The default tiny SFT (stage.max_length=1024, packing) cuts some sample conversations. A real
run's preflight encodes the rows to count packed rows, then the stage encodes them again: only
the stage warns. A dry run has no stage, so its preflight warns.
"""

from __future__ import annotations

import logging

from medlab.preflight import plan_experiment
from tests.conftest import compose_config


def cut_warnings(caplog, dry_run: bool) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        plans = list(plan_experiment(compose_config(), dry_run=dry_run))
    assert plans[0].rows and plans[0].epochs  # the rows were encoded and packed
    return [r.getMessage() for r in caplog.records if "were cut" in r.getMessage()]


def test_preflight_of_a_real_run_leaves_the_warning_to_the_stage(caplog):
    assert cut_warnings(caplog, dry_run=False) == []


def test_a_dry_run_warns_once(caplog):
    [line] = cut_warnings(caplog, dry_run=True)
    assert "stage.max_length=1024" in line
