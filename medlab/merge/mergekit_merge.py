"""Merge two Hugging Face checkpoints with mergekit (``merge=arcee_fusion|linear|slerp``).

    python -m medlab.run +experiment=merge_only merge.base=/abs/base merge.other=/abs/tuned

Runs mergekit's Python API (`run_merge`), not a shell-out. Offline-safe: paths are made
absolute (a relative path that does not exist would be looked up on the Hub) and no model card
is written. Seeded (`merge.seed`) because arcee_fusion subsamples quantiles of tensors above
1e6 elements. Before merging, the two checkpoints' architectures and tensor shapes are
compared; a mismatch stops with one message naming both, as do merging a checkpoint with
itself, a corrupt or truncated weights file and a base without tokenizer files. The output is
written atomically (COMPLETE marker last) with the base's tokenizer and chat template.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

from safetensors import SafetensorError, safe_open

from medlab.atomic_files import atomic_directory, atomic_write_json
from medlab.config.merge import MergeConfig
from medlab.errors import ConfigError, ModelLoadError
from medlab.models.hub import CORRUPT_WEIGHTS
from medlab.models.tokenizer import require_tokenizer_files

log = logging.getLogger(__name__)

ARCH_KEYS = (
    "model_type",
    "hidden_size",
    "num_hidden_layers",
    "num_attention_heads",
    "num_key_value_heads",
    "intermediate_size",
    "vocab_size",
)


def _config_json(path: Path, key: str) -> dict[str, Any]:
    if not (path / "config.json").is_file():
        raise ModelLoadError(
            f"{key}: {path} is not a Hugging Face checkpoint directory (no config.json). "
            "Point it at a stage's hf_checkpoint directory."
        )
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelLoadError(
            f"{key}: {path / 'config.json'} is not readable JSON ({type(exc).__name__}: "
            f"{str(exc).splitlines()[0] if str(exc) else ''}). Copy the checkpoint again or "
            "re-export it."
        ) from exc
    if not isinstance(config, dict):
        raise ModelLoadError(f"{key}: {path / 'config.json'} is not a JSON object.")
    return config


def _tensor_shapes(path: Path, key: str) -> dict[str, tuple[int, ...]]:
    shapes: dict[str, tuple[int, ...]] = {}
    files = sorted(path.glob("*.safetensors"))
    if not files and not list(path.glob("*.bin")):
        raise ModelLoadError(
            f"{key}: {path} holds no weights (*.safetensors or *.bin). Point it at a stage's "
            "hf_checkpoint directory."
        )
    for file in files:
        try:
            with safe_open(str(file), framework="pt") as handle:
                for name in handle.keys():  # noqa: SIM118 (safe_open has no __iter__)
                    shapes[name] = tuple(handle.get_slice(name).get_shape())
        except (SafetensorError, OSError) as exc:
            raise ModelLoadError(
                f"{key}: {file} is corrupt or truncated ({type(exc).__name__}: "
                f"{str(exc).splitlines()[0] if str(exc) else ''}). Copy the checkpoint again or "
                "re-export it."
            ) from exc
    return shapes


def check_compatible(base: Path, other: Path) -> None:
    """Raise ConfigError naming both checkpoints if they cannot be merged tensor by tensor
    (ModelLoadError if one is not a checkpoint, has corrupt weights, or the base has no
    tokenizer: the merge copies the base's)."""
    if base == other or base.samefile(other):
        raise ConfigError(
            f"merge.other: {other} is the same checkpoint as merge.base; merging a checkpoint "
            "with itself gives it back unchanged. Set merge.other to the fine-tuned checkpoint "
            "(or merge.base to the one it started from)."
        )
    a, b = _config_json(base, "merge.base"), _config_json(other, "merge.other")
    require_tokenizer_files(base, "merge.base")
    for key in ARCH_KEYS:
        if a.get(key) != b.get(key):
            raise ConfigError(
                f"merge: {base} and {other} have different architectures ({key}: "
                f"{a.get(key)!r} vs {b.get(key)!r}); only checkpoints of the same model can be "
                "merged. Set merge.base / merge.other to two fine-tunes of one base model."
            )
    shapes_a, shapes_b = _tensor_shapes(base, "merge.base"), _tensor_shapes(other, "merge.other")
    for name in sorted(set(shapes_a) & set(shapes_b)):
        if shapes_a[name] != shapes_b[name]:
            raise ConfigError(
                f"merge: tensor {name} has shape {shapes_a[name]} in {base} but "
                f"{shapes_b[name]} in {other}; the checkpoints cannot be merged."
            )


def mergekit_config(cfg: MergeConfig, base: Path, other: Path) -> dict[str, Any]:
    """The mergekit YAML equivalent, as a dict."""
    if cfg.method == "arcee_fusion":
        return {
            "merge_method": "arcee_fusion",
            "base_model": str(base),
            "models": [{"model": str(other)}],
            "dtype": cfg.dtype,
        }
    if cfg.method == "linear":
        return {
            "merge_method": "linear",
            "dtype": cfg.dtype,
            "models": [
                {"model": str(base), "parameters": {"weight": 1 - cfg.weight}},
                {"model": str(other), "parameters": {"weight": cfg.weight}},
            ],
        }
    return {
        "merge_method": "slerp",
        "base_model": str(base),
        "dtype": cfg.dtype,
        "models": [{"model": str(base)}, {"model": str(other)}],
        "parameters": {"t": cfg.t},
    }


def run_merge_stage(cfg: MergeConfig, out_dir: Path) -> dict[str, Any]:
    """Merge cfg.base and cfg.other into `out_dir/hf_checkpoint`; returns the results dict."""
    from mergekit.config import MergeConfiguration
    from mergekit.merge import MergeOptions, run_merge

    for key in ("base", "other"):
        value = getattr(cfg, key)
        if not value:
            raise ConfigError(
                f"merge.{key}: not set. Give a checkpoint directory: merge.{key}=/abs/dir."
            )
        if not Path(value).expanduser().is_dir():
            raise ModelLoadError(f"merge.{key}: directory {value!r} does not exist.")
    base = Path(cfg.base).expanduser().resolve()  # type: ignore[arg-type]
    other = Path(cfg.other).expanduser().resolve()  # type: ignore[arg-type]
    check_compatible(base, other)
    started = time.time()
    out_dir = Path(out_dir)
    hf_dir = out_dir / "hf_checkpoint"
    merge_config = MergeConfiguration.model_validate(mergekit_config(cfg, base, other))
    with atomic_directory(hf_dir) as tmp:
        try:
            run_merge(
                merge_config,
                str(tmp),
                options=MergeOptions(
                    copy_tokenizer=True,
                    random_seed=cfg.seed,
                    write_model_card=False,
                    lazy_unpickle=False,
                    allow_crimes=False,
                    quiet=True,
                ),
            )
        except CORRUPT_WEIGHTS as exc:
            raise ModelLoadError(
                f"merge.base / merge.other: a weights file of {base} or {other} is corrupt "
                f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}). "
                "Copy the checkpoint again or re-export it."
            ) from exc
        chat_template = base / "chat_template.jinja"
        if chat_template.is_file() and not (tmp / "chat_template.jinja").is_file():
            (tmp / "chat_template.jinja").write_text(chat_template.read_text())
    results = {
        "stage": "merge",
        "method": cfg.method,
        "base": str(base),
        "other": str(other),
        "hf_checkpoint": str(hf_dir),
        "wall_time_s": round(time.time() - started, 1),
    }
    atomic_write_json(out_dir / "results.json", results)
    log.info("merged %s + %s (%s) -> %s", base, other, cfg.method, hf_dir)
    return results
