"""Plugin loading and rule lookup.

The registry is built once per process from the `prdlint` entry points (which include the
built-in rule packs) and answers every question about what the plugins provide: which rules exist
(by code, by name, by code prefix, or `ALL`), the analysis stages (the engine's and the packs'),
the views, the output formats and the vocabulary tables the packs' stages read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

import pluggy

from prdlint import hookspecs
from prdlint.analysis import ENGINE_STAGES
from prdlint.diagnostics import ENGINE_RULES
from prdlint.language.pipeline import TRAINED_CAPABILITIES
from prdlint.report import builtin as builtin_formats
from prdlint.report.base import Reporter
from prdlint.rule import Rule
from prdlint.selectors import codes_named
from prdlint.stage import SettingValidator, Stage
from prdlint.view import View


class PluginError(Exception):
    """A plugin failed to load or declared something invalid."""


@dataclass(frozen=True)
class Registry:
    rules: Mapping[str, type[Rule]]
    names: Mapping[str, str]
    formats: Mapping[str, type[Reporter]]
    vocabularies: tuple[Mapping[str, Any], ...] = ()
    owners: Mapping[str, str] = field(default_factory=dict)
    stages: Mapping[str, Stage] = field(
        default_factory=lambda: {stage.name: stage for stage in ENGINE_STAGES}
    )
    """Every analysis stage by name: the engine's, then the packs'."""
    views: Mapping[str, View] = field(default_factory=dict)

    @property
    def stage_settings(self) -> dict[str, SettingValidator]:
        """The config keys the stages declare, with their validators."""
        return {key: validator for stage in self.stages.values() for key, validator in stage.settings.items()}

    def rule(self, code: str) -> type[Rule]:
        return self.rules[code]

    def with_rules(self, rules: Iterable[type[Rule]], owner: str, *, keep_taken: bool = False) -> Registry:
        """This registry and a project's own rules (its rule files): a new registry, or this one
        when there is nothing to add. A rule already registered as the same class is passed over,
        so a project's rules can be added more than once. A code or name another rule has is a
        PluginError, or with `keep_taken` the other rule keeps it (what the rules of several
        projects are known as together)."""
        table = _RuleTable(self)
        for rule in rules:
            if self.rules.get(rule.code) is rule:
                continue
            if keep_taken and (rule.code in table.rules or rule.name in table.names):
                continue
            table.add(rule, owner)
        return table.extend(self)

    def lookup(self, selector: str) -> frozenset[str]:
        """The codes a selector names: `ALL`, a code, a code prefix (`PRD1`) or a rule name.

        Returns an empty set for a selector that names nothing.
        """
        return codes_named(selector, self.rules, self.names)

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


class _RuleTable:
    """Rules by code and by name, with the plugin or file each came from, refusing clashes and
    needs no stage or pipeline provides."""

    def __init__(self, registry: Registry | None = None, stages: Iterable[str] = ()) -> None:
        self.rules: dict[str, type[Rule]] = dict(registry.rules) if registry else {}
        self.names: dict[str, str] = dict(registry.names) if registry else {}
        self.owners: dict[str, str] = dict(registry.owners) if registry else {}
        self.known_needs = frozenset(registry.stages if registry else stages) | TRAINED_CAPABILITIES

    def add(self, rule: type[Rule], owner: str) -> type[Rule]:
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            raise PluginError(f"plugin {owner!r} returned {rule!r}, which is not a Rule subclass")
        problems = rule.validate_definition()
        unknown = sorted(set(getattr(rule, "needs", ())) - self.known_needs)
        if unknown:
            problems.append(f"needs {unknown} are not among {sorted(self.known_needs)}")
        if problems:
            raise PluginError(f"plugin {owner!r}: rule {rule.__name__}: " + "; ".join(problems))
        clash = rule.code if rule.code in self.rules else rule.name if rule.name in self.names else None
        if clash is not None:
            other = self.owners[rule.code] if clash == rule.code else self.owners[self.names[rule.name]]
            raise PluginError(f"rule {clash!r} is declared by both {other!r} and {owner!r}")
        self.rules[rule.code] = rule
        self.names[rule.name] = rule.code
        self.owners[rule.code] = owner
        return rule

    @property
    def by_code(self) -> dict[str, type[Rule]]:
        return dict(sorted(self.rules.items()))

    def extend(self, base: Registry) -> Registry:
        """`base` with this table's rules: `base` itself when the table added none."""
        if len(self.rules) == len(base.rules):
            return base
        return replace(base, rules=self.by_code, names=self.names, owners=self.owners)


def _collect_stages(manager: pluggy.PluginManager) -> dict[str, Stage]:
    """The engine's stages, then each plugin's: a name or a config key given twice, or a stage
    requiring one that does not exist, is a PluginError naming the plugin."""
    stages = {stage.name: stage for stage in ENGINE_STAGES}
    owners = dict.fromkeys(stages, "prdlint")
    keys: dict[str, str] = {}
    for implementation in manager.hook.prdlint_stages.get_hookimpls():
        owner = implementation.plugin_name
        for stage in implementation.function() or ():
            if not isinstance(stage, Stage):
                raise PluginError(f"plugin {owner!r} returned {stage!r}, which is not a prdlint Stage")
            if stage.name in stages:
                raise PluginError(
                    f"stage {stage.name!r} is declared by both {owners[stage.name]!r} and {owner!r}"
                )
            for key in stage.settings:
                if key in keys:
                    raise PluginError(f"config key {key!r} is declared by both {keys[key]!r} and {owner!r}")
                keys[key] = owner
            stages[stage.name], owners[stage.name] = stage, owner
    for stage in stages.values():
        missing = [name for name in stage.requires if name not in stages]
        if missing:
            raise PluginError(
                f"stage {stage.name!r} of {owners[stage.name]!r} requires unknown stages {missing}"
            )
    return stages


def _collect_views(manager: pluggy.PluginManager, stages: Mapping[str, Stage]) -> dict[str, View]:
    views: dict[str, View] = {}
    for implementation in manager.hook.prdlint_views.get_hookimpls():
        owner = implementation.plugin_name
        for view in implementation.function() or ():
            if not isinstance(view, View) or not view.formats:
                raise PluginError(
                    f"plugin {owner!r} returned {view!r}, which is not a prdlint View with formats"
                )
            if view.name in views:
                raise PluginError(f"view {view.name!r} is declared twice (the second by {owner!r})")
            unknown = sorted(set(view.stages) - set(stages))
            if unknown:
                raise PluginError(f"view {view.name!r} of {owner!r} shows unknown stages {unknown}")
            views[view.name] = view
    return views


def _collect_rules(manager: pluggy.PluginManager, stages: Iterable[str]) -> _RuleTable:
    table = _RuleTable(stages=stages)
    for rule in ENGINE_RULES:
        table.add(rule, "prdlint")
    for implementation in manager.hook.prdlint_rules.get_hookimpls():
        batch: Iterable[type[Rule]] = implementation.function() or ()
        for rule in batch:
            table.add(rule, implementation.plugin_name)
    return table


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
    stages = _collect_stages(manager)
    table = _collect_rules(manager, stages)
    # A table is not looked into here: a plugin may read its own when a stage first asks for it.
    vocabularies = tuple(
        vocabulary for vocabulary in manager.hook.prdlint_vocabulary() if vocabulary is not None
    )
    return Registry(
        rules=table.by_code,
        names=table.names,
        formats=_collect_formats(manager),
        vocabularies=vocabularies,
        owners=table.owners,
        stages=stages,
        views=_collect_views(manager, stages),
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
