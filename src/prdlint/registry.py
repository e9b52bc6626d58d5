"""Plugin loading and rule lookup.

The registry is built once per process from the `prdlint` entry points (which include the
built-in rule packs) and answers every question about which rules exist: by code, by name, by
code prefix, or `ALL`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

import pluggy

from prdlint import hookspecs
from prdlint.diagnostics import ENGINE_RULES
from prdlint.report import builtin as builtin_formats
from prdlint.report.base import Reporter
from prdlint.rule import Rule


class PluginError(Exception):
    """A plugin failed to load or declared something invalid."""


@dataclass(frozen=True)
class Registry:
    rules: Mapping[str, type[Rule]]
    names: Mapping[str, str]
    formats: Mapping[str, type[Reporter]]
    vocabularies: tuple[Mapping[str, Any], ...] = ()

    def rule(self, code: str) -> type[Rule]:
        return self.rules[code]

    def lookup(self, selector: str) -> frozenset[str]:
        """The codes a selector names: `ALL`, a code, a code prefix (`PRD1`) or a rule name.

        Returns an empty set for a selector that names nothing.
        """
        if selector == "ALL":
            return frozenset(self.rules)
        if selector in self.names:
            return frozenset({self.names[selector]})
        upper = selector.upper()
        if upper and upper[0].isalpha():
            return frozenset(code for code in self.rules if code.startswith(upper))
        return frozenset()

    def describe(self, code: str) -> str:
        return f"{code} ({self.rules[code].name})"


def _new_manager() -> pluggy.PluginManager:
    """A plugin manager that knows the hooks and the built-in output formats, and no plugin."""
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    manager.register(builtin_formats, name="prdlint.builtin-formats")
    return manager


def _load_entry_points(manager: pluggy.PluginManager) -> None:
    for entry_point in sorted(entry_points(group=hookspecs.PROJECT_NAME), key=lambda ep: ep.name):
        try:
            plugin = entry_point.load()
        except Exception as error:
            raise PluginError(
                f"plugin {entry_point.name!r} ({entry_point.value}) failed to load: "
                f"{type(error).__name__}: {error}"
            ) from error
        if manager.is_registered(plugin):
            continue
        manager.register(plugin, name=entry_point.name)


def _collect_rules(manager: pluggy.PluginManager) -> tuple[dict[str, type[Rule]], dict[str, str]]:
    rules: dict[str, type[Rule]] = {}
    owners: dict[str, str] = {}
    names: dict[str, str] = {}

    def add(rule: type[Rule], owner: str) -> None:
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            raise PluginError(f"plugin {owner!r} returned {rule!r}, which is not a Rule subclass")
        problems = rule.validate_definition()
        if problems:
            raise PluginError(f"plugin {owner!r}: rule {rule.__name__}: " + "; ".join(problems))
        clash = rule.code if rule.code in rules else rule.name if rule.name in names else None
        if clash is not None:
            other = owners[rule.code] if clash == rule.code else owners[names[rule.name]]
            raise PluginError(f"rule {clash!r} is declared by both {other!r} and {owner!r}")
        rules[rule.code] = rule
        names[rule.name] = rule.code
        owners[rule.code] = owner

    for rule in ENGINE_RULES:
        add(rule, "prdlint")
    for implementation in manager.hook.prdlint_rules.get_hookimpls():
        batch: Iterable[type[Rule]] = implementation.function() or ()
        for rule in batch:
            add(rule, implementation.plugin_name)
    return rules, names


def _collect_formats(manager: pluggy.PluginManager) -> dict[str, type[Reporter]]:
    formats: dict[str, type[Reporter]] = {}
    for implementation in reversed(manager.hook.prdlint_output_formats.get_hookimpls()):
        for name, reporter in (implementation.function() or {}).items():
            if name in formats:
                raise PluginError(
                    f"output format {name!r} from plugin {implementation.plugin_name!r} is already defined"
                )
            formats[name] = reporter
    return formats


def _registry(manager: pluggy.PluginManager) -> Registry:
    rules, names = _collect_rules(manager)
    vocabularies = tuple(table for table in manager.hook.prdlint_vocabulary() if table)
    return Registry(
        rules=dict(sorted(rules.items())),
        names=names,
        formats=_collect_formats(manager),
        vocabularies=vocabularies,
    )


@cache
def load_registry() -> Registry:
    """Loads every installed plugin once per process. Raises PluginError naming the faulty one."""
    manager = _new_manager()
    _load_entry_points(manager)
    return _registry(manager)


def registry_from_plugins(*plugins: ModuleType | object) -> Registry:
    """A registry of the engine and just the given plugins, to test a plugin in isolation."""
    manager = _new_manager()
    for plugin in plugins:
        manager.register(plugin)
    return _registry(manager)
