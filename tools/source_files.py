"""The hand-written prose the data generators read, and where their outputs go.

tools/sources/<group>/<name>.yaml holds the clinical text (questions, answers, phrasing
templates) as data a reviewer can edit; the build_*.py generators combine it into the shipped
files under medlab/assets. `load_source` reads one file; `require_keys` names the file, entry
and key when an edited entry lacks a field the generator needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = REPO_ROOT / "tools" / "sources"
DATA_DIR = REPO_ROOT / "medlab" / "assets" / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def source_path(group: str, name: str) -> Path:
    return SOURCES_DIR / group / f"{name}.yaml"


def load_source(group: str, name: str) -> Any:
    """The parsed YAML of tools/sources/<group>/<name>.yaml (mappings keep their file order)."""
    path = source_path(group, name)
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)  # CSafeLoader or SafeLoader: plain data only


def require_keys(entries: Iterable[dict], required: tuple[str, ...], group: str, name: str) -> None:
    """Raise one ValueError naming the file, the entry's position and the missing key."""
    for k, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ValueError(f"{source_path(group, name)}: entry {k} is not a mapping")
        missing = [key for key in required if key not in entry]
        if missing:
            raise ValueError(f"{source_path(group, name)}: entry {k} lacks {missing}")
