"""JSON Lines text, written and read back the same way by every data generator.

One row per line, `json.dumps(row, ensure_ascii=False)`, "\\n" line ends, UTF-8: the exact bytes
the shipped files under medlab/assets hold.
"""

from __future__ import annotations

import json
from pathlib import Path


def jsonl_text(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(jsonl_text(rows))


def read_jsonl(path: Path, label: str, errors: list[str]) -> list[dict]:
    """The rows of `path`; a line that is not JSON adds '<label>:<line>: invalid JSON' to errors."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            errors.append(f"{label}:{n}: invalid JSON ({exc})")
    return rows
