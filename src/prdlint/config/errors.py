"""Configuration errors always name the file and the key."""

from __future__ import annotations

from pathlib import Path


class ConfigError(Exception):
    def __init__(self, path: Path | str | None, key: str | None, problem: str) -> None:
        self.path = path
        self.key = key
        self.problem = problem
        where = str(path) if path else "command line"
        super().__init__(f"{where}: {key}: {problem}" if key else f"{where}: {problem}")
