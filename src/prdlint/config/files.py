"""Where a project's config file is and what its prdlint table holds, without validating it:
what the loader builds on, and all that a command listing the installed rules needs to know
(whether the project adds rules of its own). Imports nothing but the standard library.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from prdlint.config.errors import ConfigError

CONFIG_FILE_NAMES = (".prdlint.toml", "pyproject.toml")

# A file as last seen: its size and modification time, or None where there was none.
Stamp = tuple[int, int] | None


def stamp(path: Path) -> Stamp:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, None, f"invalid TOML: {error}") from error
    except UnicodeDecodeError as error:
        raise ConfigError(
            path, None, f"not valid UTF-8 (byte at offset {error.start}); save it as UTF-8"
        ) from error
    except OSError as error:
        raise ConfigError(path, None, f"cannot read: {error.strerror}") from error


def prdlint_table(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The prdlint table of a config file, and the prefix its keys are shown with."""
    data = read_toml(path)
    if path.name != "pyproject.toml":
        return data, ""
    table = data.get("tool", {}).get("prdlint") if isinstance(data.get("tool"), dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(path, "tool.prdlint", "expected a table")
    return table, "tool.prdlint."


def _has_prdlint_config(candidate: Path) -> bool:
    if not candidate.is_file():
        return False
    if candidate.name != "pyproject.toml":
        return True
    table, _ = prdlint_table(candidate)
    return table is not None


def find_config_file(directory: Path, seen: dict[Path, Stamp] | None = None) -> Path | None:
    """The nearest config file at or above `directory`; every candidate looked at is stamped in
    `seen`, so that a long-lived process can tell when the answer may have changed."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILE_NAMES:
            candidate = folder / name
            if seen is not None:
                seen[candidate] = stamp(candidate)
            if _has_prdlint_config(candidate):
                return candidate
    return None
