"""The resolved settings for one file, and their defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prdlint.rule import Rule, Severity

DEFAULT_INCLUDE = ("*.md", "*.markdown")
DEFAULT_EXCLUDE = (
    ".git/",
    ".hg/",
    ".svn/",
    ".tox/",
    ".nox/",
    ".venv/",
    "venv/",
    "node_modules/",
    "__pycache__/",
    "build/",
    "dist/",
    "site-packages/",
)
DEFAULT_MAX_FILE_SIZE = 1_048_576
DEFAULT_FAIL_ON = Severity.WARNING


@dataclass(frozen=True)
class Settings:
    """Everything configurable, already validated.

    `root` is the directory that relative glob patterns are resolved from: the config file's
    directory, or the working directory when no config file applies. `origins` says where each
    key's value came from, for `prdlint config`.
    """

    root: Path
    path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    fail_on: Severity = DEFAULT_FAIL_ON
    show_level: Severity | None = None
    """The lowest severity shown. Unset, a terminal shows what fails the run (`fail-on`) and counts
    the rest, and a machine format (JSON, annotations) carries every finding."""
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    respect_gitignore: bool = True
    cache: bool = True
    """Keep each file's findings in `.prdlint_cache/` and reuse them while nothing changed."""
    force_exclude: bool = False
    """Apply `exclude`, `extend-exclude` and `.gitignore` to files named on the command line too,
    as a pre-commit hook that passes every changed file by name needs."""
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    nlp_model: str | None = None
    stage_settings: Mapping[str, Any] = field(default_factory=dict)
    """The values of the config keys the packs' analysis stages declare (`vocabulary`), by key."""
    prd_files: tuple[str, ...] = ()
    """Globs of the files that are PRDs; when empty, each document shows whether it is one."""
    each_story: bool = False
    """List every finding of a story rule, not one for a pattern across a document's stories."""
    rule_paths: tuple[Path, ...] = ()
    """Folders of the project's own rule files, resolved from the config file's directory."""
    team_rules: tuple[type[Rule], ...] = ()
    """The rules those files declare, checked when the config was read."""
    origins: Mapping[str, str] = field(default_factory=dict)

    @property
    def all_excludes(self) -> tuple[str, ...]:
        return self.exclude + self.extend_exclude
