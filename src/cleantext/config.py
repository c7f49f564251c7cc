"""Configuration: one frozen options dataclass per step, read from TOML.

Keys live in `[tool.cleantext]` of pyproject.toml or at the top level of a file given with
`--config`. Each step's settings sit in a table named after the step. An unknown key is an
error, never a silent no-op: a misspelt setting that is ignored looks exactly like a setting that
did nothing.

    skip = ["gazetteer"]
    max_removal = 0.5

    [whitespace]
    indent = false
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .language import LanguageOptions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(ValueError):
    """A configuration file or value that cannot be used."""


@dataclass(frozen=True)
class Config:
    skip: frozenset[str] = frozenset()
    """Steps not to run (by name); "language" skips the language label."""
    max_removal: float = 0.5
    """A step whose edits would delete more than this share of a document's words is not
    applied, and the document is reported: that much removal means a rule misread the page."""
    language: LanguageOptions = LanguageOptions()
    steps: Mapping[str, Any] = field(default_factory=dict)
    """Options per step name; a step with no entry runs with its defaults."""

    def options(self, step: str) -> Any:
        if step in self.steps:
            return self.steps[step]
        from .pipeline import STEPS, _default_options

        return next(_default_options(s.options) for s in STEPS if s.name == step)

    def replace(self, **changes: Any) -> "Config":
        return dataclasses.replace(self, **changes)

    def with_options(self, step: str, **changes: Any) -> "Config":
        """A copy with some of one step's options changed."""
        options = dataclasses.replace(self.options(step), **changes)
        return dataclasses.replace(self, steps={**self.steps, step: options})


def step_names() -> list[str]:
    from .pipeline import STEPS

    return [s.name for s in STEPS]


def _build(cls: type, table: Mapping[str, Any], where: str) -> Any:
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(table) - set(fields))
    if unknown:
        known = ", ".join(sorted(fields)) or "none"
        raise ConfigError(f"unknown key {where}.{unknown[0]} (known keys: {known})")
    values = {}
    for key, value in table.items():
        default = getattr(cls(), key)
        if isinstance(default, tuple) and isinstance(value, list):
            value = tuple(value)
        if isinstance(default, frozenset) and isinstance(value, list):
            value = frozenset(value)
        if default is not None and not isinstance(value, type(default)) and not (
            isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool)
        ):
            raise ConfigError(f"{where}.{key} must be {type(default).__name__}, not {type(value).__name__}")
        values[key] = value
    return cls(**values)


def from_mapping(data: Mapping[str, Any], where: str = "config") -> Config:
    """Build a Config from a parsed TOML table, rejecting unknown keys and wrong types."""
    from .pipeline import STEPS

    data = dict(data)
    steps = {}
    for step in STEPS:
        if step.name in data:
            table = data.pop(step.name)
            if not isinstance(table, Mapping):
                raise ConfigError(f"{where}.{step.name} must be a table")
            steps[step.name] = _build(step.options, table, f"{where}.{step.name}")
    language = _build(LanguageOptions, data.pop("language", {}), f"{where}.language")
    top = _build(_TopLevel, data, where)
    names = set(step_names()) | {"language"}
    for name in top.skip:
        if name not in names:
            raise ConfigError(f"{where}.skip: no step named {name!r} (steps: {', '.join(sorted(names))})")
    return Config(frozenset(top.skip), top.max_removal, language, steps)


@dataclass(frozen=True)
class _TopLevel:
    skip: tuple = ()
    max_removal: float = 0.5


def load(path: str | Path) -> Config:
    """Read a cleantext TOML file: a pyproject.toml (its [tool.cleantext]) or a file of our own."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    if path.name == "pyproject.toml":
        return from_mapping(data.get("tool", {}).get("cleantext", {}), f"{path}: tool.cleantext")
    return from_mapping(data, str(path))


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` that has a [tool.cleantext] table."""
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                return None
            return candidate if "cleantext" in data.get("tool", {}) else None
    return None
