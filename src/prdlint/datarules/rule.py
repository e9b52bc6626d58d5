"""A rule file made a Rule: registered, selected, documented and reported like any other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from prdlint.datarules.checks import CHECKS
from prdlint.datarules.spec import DataRuleError, RuleSpec, read_spec
from prdlint.datarules.units import units
from prdlint.language.model import REQUIREMENT_TEXT, STORIES
from prdlint.rule import Rule, RuleContext, Violation

# The analysis stage each scope reads, where it reads one.
_SCOPE_NEEDS = {"story-means": STORIES, "story-ends": STORIES, "requirement": REQUIREMENT_TEXT}


def rule_class(spec: RuleSpec, pack: str) -> type[Rule]:
    """A Rule subclass that runs the file's check; its documentation is the file's summary and
    documentation, with where it came from."""

    def check(self: Rule, context: RuleContext) -> Iterator[Violation]:
        # The units as they come: a long document's units at once took as much memory as its blocks.
        yield from CHECKS[spec.kind](spec, units(spec.scope, context.document, context.analysis))

    documentation = f"{spec.summary}\n\n{spec.documentation}".rstrip() + f"\n\nDefined in `{spec.path.name}`."
    attributes = {
        "__doc__": documentation,
        "__module__": __name__,
        "code": spec.code,
        "name": spec.name,
        "pack": pack,
        "default_severity": spec.severity,
        "enabled_by_default": spec.enabled,
        "concern": spec.concern,
        "needs": frozenset({_SCOPE_NEEDS[spec.scope]}) if spec.scope in _SCOPE_NEEDS else frozenset(),
        "spec": spec,
        "check": check,
    }
    return type(f"DataRule_{spec.code}", (Rule,), attributes)


# Each rule file's class, with the version of the file (time and size) it was made from.
_LOADED: dict[tuple[Path, str], tuple[tuple[int, int], type[Rule]]] = {}


def load_rule_file(path: Path, pack: str) -> type[Rule]:
    """The rule a file declares, made once per version of the file: every config that lists its
    folder, and every run in a long-lived process, gets the same class until the file changes,
    and then the new one replaces it."""
    try:
        status = path.stat()
    except OSError as problem:
        raise DataRuleError(f"{path}: cannot read: {problem.strerror}") from None
    key, version = (path.resolve(), pack), (status.st_mtime_ns, status.st_size)
    loaded = _LOADED.get(key)
    if loaded is None or loaded[0] != version:
        loaded = _LOADED[key] = (version, rule_class(read_spec(path), pack))
    return loaded[1]


def load_rule_dir(directory: Path, pack: str) -> list[type[Rule]]:
    """Every `*.toml` rule file in a folder, in name order. Raises DataRuleError for the first
    that cannot be used, or when the folder cannot be read."""
    if not directory.is_dir():
        raise DataRuleError(f"{directory}: no such folder of rule files")
    return [load_rule_file(path, pack) for path in sorted(directory.glob("*.toml"))]
