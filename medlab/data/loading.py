"""Read chat rows from local JSONL / Parquet files or a Hugging Face dataset id.

Every row is validated with `validate_chat_row`; the first malformed row stops the run with
its file, line and field. Nothing is skipped silently. A file that is not UTF-8 stops the run
naming the file, line and column of the first bad byte.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

from medlab.config import DataConfig, HFDatasetConfig
from medlab.data.schema import validate_chat_row
from medlab.errors import DataError, ModelLoadError


def read_rows(path: str | Path) -> list[tuple[str, dict[str, Any]]]:
    """Rows of a .jsonl / .json / .parquet file as (location, row), location = 'file:line'."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: file not found. Check the data config's file paths.")
    if path.suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            table = pq.read_table(path)
        except (pa.ArrowException, OSError) as exc:
            raise DataError(
                f"{path}: not a readable Parquet file ({str(exc).splitlines()[0]}). "
                "Re-export it, or convert it to JSONL."
            ) from exc
        return [(f"{path}:row {i}", row) for i, row in enumerate(table.to_pylist())]
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(path, path.read_bytes(), exc) from exc
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}:{exc.lineno}: invalid JSON ({exc.msg}).") from exc
        if not isinstance(data, list):
            raise DataError(f"{path}: a .json data file must hold a list of rows.")
        return [(f"{path}:item {i}", row) for i, row in enumerate(data)]
    rows = []
    for lineno, line in enumerate(io.StringIO(text, newline=None), start=1):
        if not line.strip():
            continue
        try:
            rows.append((f"{path}:{lineno}", json.loads(line)))
        except json.JSONDecodeError as exc:
            raise DataError(
                f"{path}:{lineno}: invalid JSON at column {exc.colno} ({exc.msg}). "
                "Each line must be one JSON object."
            ) from exc
    return rows


def _not_utf8(path: Path, data: bytes, exc: UnicodeDecodeError) -> DataError:
    """DataError naming the line and column of the first byte that is not UTF-8."""
    before = data[: exc.start].decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    line = before.count("\n") + 1
    column = len(before) - before.rfind("\n")
    return DataError(
        f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x} at column {column}). "
        "Save the file as UTF-8, e.g. `iconv -f latin1 -t utf-8 IN > OUT`."
    )


def _load_hf(hf: HFDatasetConfig, split: str) -> list[tuple[str, dict[str, Any]]]:
    import datasets

    try:
        ds = datasets.load_dataset(hf.path, hf.name, split=split, revision=hf.revision)
    except Exception as exc:  # datasets raises many types for "not found / offline"
        raise ModelLoadError(
            f"could not load dataset {hf.path!r} split {split!r} (data.hf_dataset.path): "
            f"{exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}. "
            "Without network, download it elsewhere, export it to .jsonl or .parquet and set "
            "data.train_files instead."
        ) from exc
    return [(f"{hf.path}[{split}]:row {i}", row) for i, row in enumerate(ds)]


def load_raw_rows(cfg: DataConfig, split: str) -> list[tuple[str, dict[str, Any]]]:
    """(location, row) of split 'train' or 'val' from local files or the Hub, unvalidated.

    No held-out split configured -> []. Every stage's loader starts here."""
    if cfg.hf_dataset is not None:
        name = cfg.hf_dataset.train_split if split == "train" else cfg.hf_dataset.val_split
        return _load_hf(cfg.hf_dataset, name) if name else []
    files = cfg.train_files if split == "train" else cfg.val_files
    return [r for f in files for r in read_rows(f)]


def _validated(rows: list[tuple[str, dict[str, Any]]], cfg: DataConfig) -> list[dict[str, Any]]:
    for where, row in rows:
        validate_chat_row(row, where, cfg.messages_field, cfg.tools_field)
    return [row for _, row in rows]


def load_splits(cfg: DataConfig) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(train_rows, val_rows) per the data config; val split off train if not given."""
    train, val = load_raw_rows(cfg, "train"), load_raw_rows(cfg, "val")
    if not train:
        raise DataError(f"data config {cfg.name!r}: the training files hold no rows.")
    train_rows, val_rows = _validated(train, cfg), _validated(val, cfg)
    if not val_rows and cfg.val_fraction > 0:
        order = list(range(len(train_rows)))
        random.Random(cfg.shuffle_seed).shuffle(order)
        n_val = max(1, int(len(order) * cfg.val_fraction))
        held = set(order[:n_val])
        val_rows = [r for i, r in enumerate(train_rows) if i in held]
        train_rows = [r for i, r in enumerate(train_rows) if i not in held]
    return train_rows, val_rows
