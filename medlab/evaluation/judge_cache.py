"""On-disk cache of judge verdicts, so re-running a report costs no judge calls.

One JSON file per verdict, `<cache_dir>/<key[:2]>/<key>.json`, written atomically. The key is
the sha256 of the canonical JSON of everything that decides the verdict:
  - the judge's `name` (backend, model, base_url, reasoning_effort / checkpoint fingerprint),
  - the judge prompt version (bumped whenever the prompts or the verdict schema change),
  - the suite item (its canonical row: conversation, audience, category, notes, ...),
  - the answer being judged.
Never the API key. Only parsed, validated verdicts are stored: judge errors are not cached, so
they are retried on the next run. A corrupt or unreadable cache file counts as a miss.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from medlab.atomic_files import atomic_write_json

log = logging.getLogger(__name__)


def verdict_key(judge_name: str, prompt_version: str, item_row: dict[str, Any], answer: str) -> str:
    """sha256 hex digest identifying one (judge, prompt version, item, answer) verdict."""
    blob = json.dumps(
        {
            "judge": judge_name,
            "prompt_version": prompt_version,
            "item": item_row,
            "answer": answer,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class JudgeCache:
    """Verdicts on disk under `directory` (created on first write)."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached verdict for `key`, or None (missing or unreadable)."""
        path = self.path(key)
        if not path.is_file():
            self.misses += 1
            return None
        try:
            verdict = json.loads(path.read_text(encoding="utf-8"))["verdict"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("judge cache: ignoring unreadable %s (%s)", path, exc.__class__.__name__)
            self.misses += 1
            return None
        if not isinstance(verdict, dict):
            self.misses += 1
            return None
        self.hits += 1
        return verdict

    def put(self, key: str, verdict: dict[str, Any], item_id: str = "") -> None:
        """Store a parsed verdict (never call this for a judge error)."""
        atomic_write_json(self.path(key), {"item_id": item_id, "verdict": verdict})
