"""The README's rules table says what the registry says: every rule, its name, on or opt-in, and
its default severity when that is not a warning. Edited by hand, checked here."""

from __future__ import annotations

import re
from pathlib import Path

from prdlint.registry import load_registry
from prdlint.rule import Severity

README = Path(__file__).resolve().parent.parent / "README.md"
_ROW = re.compile(r"^\| (?P<code>[A-Z]+\d{3}) \| (?P<name>[a-z0-9-]+) \| (?P<default>[^|]+) \|", re.M)


def _default(rule: type) -> str:
    state = "on" if rule.enabled_by_default else "opt-in"
    return state if rule.default_severity is Severity.WARNING else f"{state}, {rule.default_severity}"


def test_the_readme_rules_table_matches_the_registry() -> None:
    rows = {m["code"]: (m["name"], m["default"].strip()) for m in _ROW.finditer(README.read_text("utf-8"))}
    registry = load_registry().rules
    assert rows == {code: (rule.name, _default(rule)) for code, rule in registry.items()}
