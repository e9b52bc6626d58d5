"""Which rules run on a file, and at which severity.

Selection is set arithmetic over rule codes: (`select`, or the rules on by default) plus
`extend-select`, minus `ignore`, minus the `per-file-ignores` whose glob matches the file. Naming
a pack or `ALL` in `select` includes its opt-in rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from prdlint.config import Settings
from prdlint.document import Document
from prdlint.document.genre import Genre, genre
from prdlint.registry import Registry
from prdlint.rule import Rule, Severity
from prdlint.source import resolved_path

if TYPE_CHECKING:
    import pathspec


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


def _relative(path: Path, root: Path) -> str:
    """`path` relative to `root`; a path outside it (`prdlint check ..`, an absolute path from
    elsewhere) is taken from the top of the file system, where patterns that are not anchored
    ("*.md", "node_modules/") still match as they would inside."""
    resolved = resolved_path(path)
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return resolved.relative_to(resolved.anchor).as_posix()


@cache
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # imported when a glob is first matched, not by every command at startup

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def matches_globs(patterns: Iterable[str], path: Path, root: Path, *, is_dir: bool = False) -> bool:
    """Gitignore-style matching of `path` against patterns relative to `root`.

    A directory is matched with a trailing slash, so that `build/` names directories only.
    """
    relative = _relative(path, root)
    return _spec(tuple(patterns)).match_file(relative + "/" if is_dir else relative)


def severities(registry: Registry, overrides: Mapping[str, Severity]) -> dict[str, Severity]:
    """Each rule's effective severity: its default, then overrides from least to most specific."""
    result = {code: rule.default_severity for code, rule in registry.rules.items()}
    for selector in sorted(overrides, key=lambda s: _specificity(registry, s)):
        for code in registry.lookup(selector):
            result[code] = overrides[selector]
    return result


def requirements_document(document: Document, settings: Settings, path: Path | None) -> Genre:
    """Whether whole-document rules judge this file: as `prd-files` says when a team states which
    files are PRDs, else as the document itself shows."""
    if settings.prd_files and path is not None:
        listed = matches_globs(settings.prd_files, path, settings.root)
        return Genre(listed, "prd-files lists it" if listed else "prd-files does not list it")
    return genre(document, path.name if path is not None else None)


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
