"""Hydra's own command-line errors as one `medlab: error:` line.

Hydra composes the config before medlab's code runs, so a mistyped key (`stage.lrr=1`), an
option that does not exist (`model=nosuch`) or an override that is not `key=value` would
otherwise print Hydra's multi-line report and exit 1. `run_cli(main)` runs a `@hydra.main`
function with those errors raised to it (HYDRA_FULL_ERROR=1 for this process) and turns them
into one line naming the override and the fix, exit status 2, like every other user mistake.
Errors raised by the task itself are not touched (medlab's own are handled in `medlab.run`).
Set HYDRA_FULL_ERROR=1 yourself to get Hydra's full stack trace instead.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from typing import Any

from hydra.errors import (
    ConfigCompositionException,
    MissingConfigException,
    OverrideParseException,
)
from omegaconf import DictConfig

COMPOSE_ERRORS = (ConfigCompositionException, MissingConfigException, OverrideParseException)
KEYS_HINT = "`python -m medlab.run <your overrides> --cfg job` prints every key"


def run_cli(main: Callable[[], Any]) -> None:
    """Call `main` (a `@hydra.main` function); composition errors exit 2 with one line."""
    user_asked_full = os.environ.get("HYDRA_FULL_ERROR") == "1"
    os.environ["HYDRA_FULL_ERROR"] = "1"
    try:
        main()
    except COMPOSE_ERRORS as exc:
        if user_asked_full:
            raise
        print(f"medlab: error: {compose_error_line(exc)}", file=sys.stderr)
        sys.exit(2)


def compose_error_line(exc: Exception) -> str:
    """One line for a Hydra composition error: what is wrong, where, and how to fix it."""
    if isinstance(exc, MissingConfigException):
        return _missing_config_line(exc)
    if isinstance(exc, OverrideParseException):
        lines = [ln for ln in str(exc).splitlines() if not ln.startswith("Error parsing override")]
        return (
            f"override {exc.override!r} is not valid Hydra syntax ({_one_line(chr(10).join(lines))})."
            " Write key=value, "
            "+key=value to add a key, ~key to delete one."
        )
    override = re.search(r"Could not override '([^']+)'", str(exc))
    cause = exc.__cause__
    if override and cause is not None and "not in struct" in str(cause):
        key = override.group(1)
        missing = re.search(r"Key '([^']+)'", str(cause))
        name = missing.group(1) if missing else key.rsplit(".", 1)[-1]
        parent = getattr(cause, "parent_node", None)
        where = getattr(cause, "full_key", key).rpartition(".")[0]
        known = sorted(str(k) for k in parent) if isinstance(parent, DictConfig) else []
        heading = f"Keys under {where}" if where else "Top-level keys"
        listed = f" {heading}: {', '.join(known)}." if 0 < len(known) <= 40 else ""
        return (
            f"{key}: no such key ('{name}' is not in the composed config).{listed} Check the "
            f"spelling ({KEYS_HINT}); to add a new key on purpose write +{key}=..."
        )
    detail = _one_line(f"{exc} {cause}" if cause is not None else str(exc))
    return f"{detail} ({KEYS_HINT})"


def _missing_config_line(exc: MissingConfigException) -> str:
    missing = exc.missing_cfg_file or ""
    group, _, option = missing.rpartition("/")
    options = sorted(exc.options or [])
    if group and options:
        return (
            f"{group}={option}: no such option in conf/{group}/. Available: {', '.join(options)}."
        )
    return _one_line(str(exc))


def _one_line(text: str) -> str:
    """`text` without Hydra's "See https://..." pointer lines, whitespace collapsed."""
    lines = [line for line in text.splitlines() if not line.strip().startswith("See http")]
    return " ".join(" ".join(lines).split())
