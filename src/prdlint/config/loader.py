"""Finding and reading config files.

For each linted file the nearest config wins: walking up from the file's directory, the first
directory with a `.prdlint.toml`, or a `pyproject.toml` that has a `[tool.prdlint]` table, is the
project root. Nothing is merged across files, so what applies is always one file plus defaults,
which is what `prdlint config` shows.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from prdlint.config.errors import ConfigError
from prdlint.config.files import Stamp, find_config_file, prdlint_table, stamp
from prdlint.config.validation import KEYS, Where, rule_folders, team_rules
from prdlint.registry import Registry
from prdlint.settings import Settings
from prdlint.text.suggest import did_you_mean


def load_settings(path: Path, registry: Registry, trusted_rule_paths: tuple[Path, ...] = ()) -> Settings:
    """Reads and validates one config file. Raises ConfigError naming the file and key.

    `trusted_rule_paths` are the rule folders the command line named: loaded for every project,
    and the only folders outside the project its `rule-paths` may list."""
    path = path.resolve()
    table, prefix = prdlint_table(path)
    if table is None:
        raise ConfigError(path, None, "has no [tool.prdlint] table")
    where = Where(path, registry, trusted_rule_paths)
    values: dict[str, Any] = {}
    if "rule-paths" in table:
        # The project's own rules come first, so that every other key can name them.
        key = f"{prefix}rule-paths"
        values["rule_paths"] = rule_folders(table["rule-paths"], key, where)
        values["team_rules"], project = team_rules(values["rule_paths"], key, where)
        where = Where(path, project, trusted_rule_paths)
    extra = tuple(folder for folder in trusted_rule_paths if folder not in values.get("rule_paths", ()))
    if extra:
        rules, project = team_rules(extra, "--rule-path", Where(None, where.registry))
        values["rule_paths"] = (*values.get("rule_paths", ()), *extra)
        values["team_rules"] = (*values.get("team_rules", ()), *rules)
        where = Where(path, project, trusted_rule_paths)
    stage_values: dict[str, Any] = {}
    for key, value in table.items():
        if key in KEYS:
            attribute, validator = KEYS[key]
            if attribute not in values:
                values[attribute] = validator(value, f"{prefix}{key}", where)
        elif key in registry.stage_settings:
            stage_values[key] = registry.stage_settings[key](value, f"{prefix}{key}", where)
        else:
            names = [*KEYS, *registry.stage_settings]
            hint = did_you_mean(key, names)
            raise where.error(f"{prefix}{key}", f"unknown key{hint} (known keys: {', '.join(names)})")
    origins = dict.fromkeys(table, str(path))
    if extra:
        origins["rule-paths"] = (
            "command line" if "rule-paths" not in table else f"{path} and the command line"
        )
    return Settings(root=path.parent, path=path, origins=origins, stage_settings=stage_values, **values)


def command_line_settings(root: Path, registry: Registry, trusted_rule_paths: tuple[Path, ...]) -> Settings:
    """The settings where no config file applies: the defaults, with the rules of the folders
    the command line named."""
    if not trusted_rule_paths:
        return Settings(root=root)
    rules, _ = team_rules(trusted_rule_paths, "--rule-path", Where(None, registry))
    origins = {"rule-paths": "command line"}
    return Settings(root=root, rule_paths=trusted_rule_paths, team_rules=rules, origins=origins)


def _rule_files(settings: Settings) -> dict[Path, Stamp]:
    """The project's rule folders and the rule files in them, as they are now."""
    files: dict[Path, Stamp] = {}
    for folder in settings.rule_paths:
        files[folder] = stamp(folder)
        for path in sorted(folder.glob("*.toml")):
            files[path] = stamp(path)
    return files


class ConfigResolver:
    """Answers "which settings apply to this file?" the same way for every entry point.

    `config` forces one file for everything; `isolated` ignores all config files; `overrides`
    are command-line values that win over any file; `rule_paths` are rule folders named on the
    command line, added to every project's own.
    """

    def __init__(
        self,
        registry: Registry,
        *,
        config: Path | None = None,
        isolated: bool = False,
        overrides: dict[str, Any] | None = None,
        cwd: Path | None = None,
        rule_paths: tuple[Path, ...] = (),
    ) -> None:
        self.registry = registry
        self.forced = config
        self.isolated = isolated
        self.overrides = overrides or {}
        self.rule_paths = tuple(path.resolve() for path in rule_paths)
        self.cwd = (cwd or Path.cwd()).resolve()
        self._files: dict[Path | None, Settings] = {}
        self._cache: dict[Path | None, Settings] = {}
        self._nearest: dict[Path, Path | None] = {}
        self._seen: dict[Path, Stamp] = {}
        """Every file the answers so far rest on: candidate and read config files, rule files."""

    def with_overrides(self, overrides: dict[str, Any]) -> ConfigResolver:
        """The same resolver with command-line values, sharing the config files already read."""
        resolver = ConfigResolver(
            self.registry,
            config=self.forced,
            isolated=self.isolated,
            overrides=overrides,
            cwd=self.cwd,
            rule_paths=self.rule_paths,
        )
        resolver._files, resolver._nearest, resolver._seen = self._files, self._nearest, self._seen
        return resolver

    def changed(self) -> bool:
        """Whether a config file or rule file these answers rest on has changed, appeared or gone
        since it was read: what tells the language server to read the configuration again."""
        return any(stamp(path) != last for path, last in self._seen.items())

    def _config_path_for(self, path: Path) -> Path | None:
        """The config file for a path, looked up once per directory for this resolver's life.

        A resolver lives for one run; a long-running process makes a new one when `changed()`.
        """
        if self.forced is not None:
            return self.forced
        if self.isolated:
            return None
        directory = (path if path.is_dir() else path.parent).resolve()
        if directory not in self._nearest:
            self._nearest[directory] = find_config_file(directory, self._seen)
        return self._nearest[directory]

    def _file_settings(self, config_path: Path | None) -> Settings:
        if config_path not in self._files:
            if config_path is None:
                settings = command_line_settings(self.cwd, self.registry, self.rule_paths)
            else:
                self._seen[config_path.resolve()] = stamp(config_path)
                settings = load_settings(config_path, self.registry, self.rule_paths)
            self._seen.update(_rule_files(settings))
            self._files[config_path] = settings
        return self._files[config_path]

    def for_path(self, path: Path) -> Settings:
        config_path = self._config_path_for(path)
        if config_path not in self._cache:
            base = self._file_settings(config_path)
            origins = dict(base.origins) | {key: "command line" for key in self.overrides}
            self._cache[config_path] = replace(base, **self._override_values(), origins=origins)
        return self._cache[config_path]

    def _override_values(self) -> dict[str, Any]:
        return {KEYS[key][0]: value for key, value in self.overrides.items()}
