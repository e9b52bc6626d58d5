"""Checks and converts the values of `[tool.prdlint]`, one small validator per kind of value.

Each validator receives the raw TOML value and the key as the user wrote it (for messages) and
returns the converted value or raises ConfigError naming that key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prdlint.config.errors import ConfigError
from prdlint.datarules import DataRuleError, load_rule_dir
from prdlint.language.pipeline import is_model_path, model_problem
from prdlint.registry import PluginError, Registry
from prdlint.rule import OPTION_TYPES, Rule, Severity
from prdlint.text.suggest import did_you_mean


@dataclass(frozen=True)
class Where:
    """The file being validated, the registry that says which rules exist, and the rule folders
    the command line named (which may lie anywhere)."""

    path: Path | None
    registry: Registry
    trusted_rule_paths: tuple[Path, ...] = ()

    def error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(self.path, key, problem)

    @property
    def base(self) -> Path:
        """Where the file's relative paths start: its directory (the working directory for the
        command line)."""
        return self.path.parent if self.path else Path.cwd()

    @property
    def vocabularies(self) -> tuple[Mapping[str, Any], ...]:
        """The vocabulary tables the installed plugins contribute, for a stage's settings."""
        return self.registry.vocabularies


def _type_name(value: Any) -> str:
    return {
        bool: "a boolean",
        int: "an integer",
        str: "a string",
        list: "an array",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def string_list(value: Any, key: str, where: Where) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise where.error(key, f"expected an array of strings, got {_type_name(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise where.error(f"{key}[{index}]", f"expected a string, got {_type_name(item)}")
    return tuple(value)


def check_selector(selector: str, key: str, where: Where) -> str:
    if not where.registry.lookup(selector):
        hint = did_you_mean(selector, [*where.registry.rules, *where.registry.names])
        raise where.error(key, f"{selector!r} is not a rule code, code prefix, rule name or ALL{hint}")
    return selector


def selector_list(value: Any, key: str, where: Where) -> tuple[str, ...]:
    items = string_list(value, key, where)
    return tuple(check_selector(item, f"{key}[{index}]", where) for index, item in enumerate(items))


def severity(value: Any, key: str, where: Where) -> Severity:
    if not isinstance(value, str) or value not in {str(level) for level in Severity}:
        raise where.error(key, f"expected one of 'error', 'warning', 'info', got {value!r}")
    return Severity(value)


def _table(value: Any, key: str, where: Where) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise where.error(key, f"expected a table, got {_type_name(value)}")
    return value


def severity_table(value: Any, key: str, where: Where) -> dict[str, Severity]:
    return {
        check_selector(name, f"{key}.{name}", where): severity(level, f"{key}.{name}", where)
        for name, level in _table(value, key, where).items()
    }


def glob_selector_table(value: Any, key: str, where: Where) -> dict[str, tuple[str, ...]]:
    return {
        pattern: selector_list(selectors, f'{key}."{pattern}"', where)
        for pattern, selectors in _table(value, key, where).items()
    }


def positive_int(value: Any, key: str, where: Where) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise where.error(key, f"expected a positive integer, got {value!r}")
    return value


def boolean(value: Any, key: str, where: Where) -> bool:
    if not isinstance(value, bool):
        raise where.error(key, f"expected true or false, got {_type_name(value)}")
    return value


def _option_value(value: Any, kind: str, key: str, where: Where) -> Any:
    expected = OPTION_TYPES[kind]
    if kind == "list[str]":
        return list(string_list(value, key, where))
    if isinstance(value, bool) and expected is not bool:
        raise where.error(key, f"expected {kind}, got a boolean")
    if not isinstance(value, expected):
        raise where.error(key, f"expected {kind}, got {_type_name(value)}")
    return value


def rule_options(value: Any, key: str, where: Where) -> dict[str, dict[str, Any]]:
    """`[tool.prdlint.rules.<code or name>]` tables, keyed by rule code once validated."""
    resolved: dict[str, dict[str, Any]] = {}
    for name, options in _table(value, key, where).items():
        codes = where.registry.lookup(name)
        if len(codes) != 1:
            hint = did_you_mean(name, [*where.registry.rules, *where.registry.names])
            raise where.error(f"{key}.{name}", f"expected the code or name of one rule{hint}")
        (code,) = codes
        rule = where.registry.rule(code)
        checked: dict[str, Any] = {}
        for option, option_value in _table(options, f"{key}.{name}", where).items():
            option_key = f"{key}.{name}.{option}"
            if option not in rule.options:
                known = ", ".join(sorted(rule.options)) or "none"
                hint = did_you_mean(option, rule.options)
                raise where.error(option_key, f"unknown option for {code}{hint} (options: {known})")
            checked[option] = _option_value(option_value, rule.options[option].kind, option_key, where)
        resolved[code] = checked
    return resolved


def nlp_model(value: Any, key: str, where: Where) -> str | None:
    """`[nlp] model = "en_core_web_sm"`: an installed spaCy pipeline, or the folder of one saved
    with `nlp.to_disk` ("./pipelines/ours", relative to the config file), checked without
    loading it."""
    table = _table(value, key, where)
    unknown = set(table) - {"model"}
    if unknown:
        raise where.error(f"{key}.{sorted(unknown)[0]}", "unknown key (known keys: model)")
    model = table.get("model")
    if model is None:
        return None
    if not isinstance(model, str) or not model.strip():
        raise where.error(f"{key}.model", f"expected the name of a spaCy pipeline, got {model!r}")
    if is_model_path(model):
        model = str((where.base / model).resolve())
    problem = model_problem(model)
    if problem:
        raise where.error(f"{key}.model", problem)
    return model


def rule_folders(value: Any, key: str, where: Where) -> tuple[Path, ...]:
    """`rule-paths`: folders of rule files, relative to the config file's directory.

    A folder, or a rule file in it, that resolves outside the config file's project (an absolute
    path, `..`, a symbolic link out) is an error unless the command line named it with
    `--rule-path`: whoever can change the config, a pull request's author in CI, must not be able
    to point the run at files elsewhere on the machine."""
    folders = []
    root = project_root(where.base)
    for index, entry in enumerate(string_list(value, key, where)):
        folder = (where.base / entry).resolve()
        if not folder.is_dir():
            raise where.error(f"{key}[{index}]", f"{entry!r} is not a folder (looked for {folder})")
        if folder not in where.trusted_rule_paths:
            outside = next(
                (path for path in (folder, *folder.glob("*.toml")) if not _within(path, root)), None
            )
            if outside is not None:
                raise where.error(
                    f"{key}[{index}]",
                    f"{entry!r} leads outside the project ({outside.resolve()} is not under {root}); "
                    "rules from elsewhere are loaded only when the command line names their folder "
                    "with --rule-path",
                )
        folders.append(folder)
    return tuple(folders)


def project_root(directory: Path) -> Path:
    """The project a config file belongs to: the git work tree that holds its directory, else
    the directory itself. Rule folders anywhere in the repository are the project's own."""
    directory = directory.resolve()
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return directory


def _within(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root)


def team_rules(folders: tuple[Path, ...], key: str, where: Where) -> tuple[tuple[type[Rule], ...], Registry]:
    """The rules in the rule files of `folders` (each folder a pack named after it), and the
    registry with them added. A file that cannot be used, or a code or name taken by another rule,
    is an error naming the key, the file, the rule and the rule file's key."""
    rules: list[type[Rule]] = []
    registry = where.registry
    for index, folder in enumerate(folders):
        try:
            loaded = load_rule_dir(folder, pack=folder.name)
        except DataRuleError as problem:
            raise where.error(f"{key}[{index}]", str(problem)) from None
        if not loaded:
            raise where.error(f"{key}[{index}]", f"{folder} has no rule files (*.toml)")
        for rule in loaded:
            try:
                registry = registry.with_rules([rule], str(rule.spec.path))
            except PluginError as problem:
                raise where.error(f"{key}[{index}]", str(problem)) from None
        rules.extend(loaded)
    return tuple(rules), registry


Validator = Callable[[Any, str, Where], Any]

# prdlint's own keys: TOML key -> (Settings attribute, validator). The packs' analysis stages add
# keys of their own (the registry's `stage_settings`), kept in Settings.stage_settings.
KEYS: Mapping[str, tuple[str, Validator]] = {
    "select": ("select", selector_list),
    "extend-select": ("extend_select", selector_list),
    "ignore": ("ignore", selector_list),
    "severity": ("severity", severity_table),
    "per-file-ignores": ("per_file_ignores", glob_selector_table),
    "include": ("include", string_list),
    "exclude": ("exclude", string_list),
    "extend-exclude": ("extend_exclude", string_list),
    "fail-on": ("fail_on", severity),
    "show-level": ("show_level", severity),
    "max-file-size": ("max_file_size", positive_int),
    "respect-gitignore": ("respect_gitignore", boolean),
    "force-exclude": ("force_exclude", boolean),
    "cache": ("cache", boolean),
    "rules": ("rules", rule_options),
    "nlp": ("nlp_model", nlp_model),
    "prd-files": ("prd_files", string_list),
    "each-story": ("each_story", boolean),
    "rule-paths": ("rule_paths", rule_folders),
}
