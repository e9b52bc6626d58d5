"""Which rules run on a file, and at which severity.

Selection is set arithmetic over rule codes: (`select`, or the rules on by default) plus
`extend-select`, minus `ignore`, minus the `per-file-ignores` whose glob matches the file. Naming
a pack or `ALL` in `select` includes its opt-in rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from prdlint.globs import matches_globs
from prdlint.registry import Registry
from prdlint.rule import Rule, Severity
from prdlint.settings import Settings


@dataclass(frozen=True)
class SelectedRule:
    rule: type[Rule]
    severity: Severity


def _codes(registry: Registry, selectors: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for selector in selectors:
        found |= registry.lookup(selector)
    return found


def _specificity(registry: Registry, selector: str) -> tuple[int, int]:
    """`ALL` < shorter prefixes < longer prefixes < exact codes and names."""
    if selector == "ALL":
        return (0, 0)
    if selector in registry.names or selector.upper() in registry.rules:
        return (2, 0)
    return (1, len(selector))


def severities(registry: Registry, overrides: Mapping[str, Severity]) -> dict[str, Severity]:
    """Each rule's effective severity: its default, then overrides from least to most specific."""
    result = {code: rule.default_severity for code, rule in registry.rules.items()}
    for selector in sorted(overrides, key=lambda s: _specificity(registry, s)):
        for code in registry.lookup(selector):
            result[code] = overrides[selector]
    return result


def select_rules(registry: Registry, settings: Settings, path: Path | None) -> dict[str, SelectedRule]:
    if settings.select is None:
        chosen = {code for code, rule in registry.rules.items() if rule.enabled_by_default}
    else:
        chosen = _codes(registry, settings.select)
    chosen |= _codes(registry, settings.extend_select)
    chosen -= _codes(registry, settings.ignore)
    if path is not None:
        for pattern, selectors in settings.per_file_ignores.items():
            if matches_globs([pattern], path, settings.root):
                chosen -= _codes(registry, selectors)
    levels = severities(registry, settings.severity)
    return {code: SelectedRule(registry.rule(code), levels[code]) for code in sorted(chosen)}
