"""Parsing and validation helpers shared by every typed config.

`from_dict` turns a plain mapping (``OmegaConf.to_container(cfg.stage)``) into a dataclass,
rejecting unknown keys and wrong types with a `ConfigError` that names the dotted key
(``stage.lr``) and the fix; the `check_*` helpers and `reject` give the dataclasses'
``__post_init__`` / ``validate`` checks the same one-line message shape.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import types
import typing
from typing import Any, Literal, NoReturn, TypeVar, get_args, get_origin

from medlab.errors import ConfigError

T = TypeVar("T")


def reject(key: str, message: str) -> NoReturn:
    """Raise a `ConfigError` reading ``<key>: <message>``."""
    raise ConfigError(f"{key}: {message}")


def check_positive(key: str, value: float) -> None:
    check_finite(key, value)
    if not value > 0:
        reject(key, f"must be > 0, got {value!r}. Set {key}=<positive number>.")


def check_non_negative(key: str, value: float) -> None:
    check_finite(key, value)
    if not value >= 0:
        reject(key, f"must be >= 0, got {value!r}. Set {key}=<number >= 0>.")


def check_finite_fields(obj: Any, prefix: str) -> None:
    """Every float field of dataclass `obj` is a finite number (no nan, inf, -inf)."""
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, float):
            check_finite(f"{prefix}.{f.name}", value)


def check_finite(key: str, value: float) -> None:
    if not math.isfinite(value):
        reject(key, f"must be a finite number, got {value!r}. Set {key}=<finite number>.")


def check_choice(key: str, value: Any, choices: tuple[Any, ...]) -> None:
    if value not in choices:
        options = ", ".join(repr(c) for c in choices)
        reject(key, f"unknown value {value!r}; expected one of {options}.")


def from_dict(cls: type[T], data: Any, prefix: str) -> T:
    """Build dataclass `cls` from a plain mapping, naming `prefix.key` in every error."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{prefix}: expected a mapping, got {type(data).__name__} ({data!r}).")
    assert dataclasses.is_dataclass(cls)
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in fields:
            close = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f" Did you mean {prefix}.{close[0]}?" if close else ""
            valid = ", ".join(fields)
            raise ConfigError(f"{prefix}.{key}: unknown key.{hint} Valid keys: {valid}.")
        kwargs[key] = coerce_value(hints[key], value, f"{prefix}.{key}")
    return cls(**kwargs)


def coerce_value(tp: Any, value: Any, key: str) -> Any:
    """`value` checked against type hint `tp` (ints become floats for a float); a value of the
    wrong type is a `ConfigError` naming `key`. A union takes the first member the value fits
    and otherwise reports the first member's error."""
    origin = get_origin(tp)
    args = get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        first, *others = [a for a in args if a is not type(None)]
        try:
            return coerce_value(first, value, key)
        except ConfigError:
            for member in others:
                try:
                    return coerce_value(member, value, key)
                except ConfigError:
                    continue
            raise
    if origin is Literal:
        if value not in args:
            options = ", ".join(repr(a) for a in args)
            raise ConfigError(f"{key}: unknown value {value!r}; expected one of {options}.")
        return value
    if origin is list:
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"{key}: expected a list, got {value!r}. Example: {key}=[a,b].")
        return [coerce_value(args[0], v, f"{key}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{key}: expected a mapping, got {value!r}.")
        return value
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value, key)  # type: ignore[arg-type]
    if tp is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{key}: expected true or false, got {value!r}.")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{key}: expected an integer, got {value!r}.")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{key}: expected a number, got {value!r}.")
        check_finite(key, float(value))  # every float key of every config: no nan / inf
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise ConfigError(f"{key}: expected a string, got {value!r}.")
        return value
    return value
