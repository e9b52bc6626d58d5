"""The README's rules table says what the registry says: every rule, its name, on or opt-in, and
its default severity when that is not a warning; its table of judged findings says what
judged.toml says. Edited by hand, checked here."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from prdlint.registry import load_registry
from prdlint.rule import Severity

README = Path(__file__).resolve().parent.parent / "README.md"
RULES = Path(__file__).resolve().parent.parent / "rules" / "prdlint_rules"
_ROW = re.compile(r"^\| (?P<code>[A-Z]+\d{3}) \| (?P<name>[a-z0-9-]+) \| (?P<default>[^|]+) \|", re.M)


def _default(rule: type) -> str:
    state = "on" if rule.enabled_by_default else "opt-in"
    return state if rule.default_severity is Severity.WARNING else f"{state}, {rule.default_severity}"


def test_the_readme_rules_table_matches_the_registry() -> None:
    rows = {m["code"]: (m["name"], m["default"].strip()) for m in _ROW.finditer(README.read_text("utf-8"))}
    registry = load_registry().rules
    assert rows == {code: (rule.name, _default(rule)) for code, rule in registry.items()}


_JUDGED_ROW = re.compile(
    r"^\| (?P<code>PRD\d{3}) [a-z0-9-]+ \| (?P<total>\d+) \| (?P<fix>\d+) \| (?P<not_worth>\d+) \| "
    r"(?P<wrong>\d+) \| (?P<default>[^|]+) \|$",
    re.M,
)


def test_the_readmes_judged_figures_are_the_ones_the_defaults_follow() -> None:
    judged = tomllib.loads((RULES / "judged.toml").read_text(encoding="utf-8"))
    registry = load_registry().rules
    rows = {m["code"]: m for m in _JUDGED_ROW.finditer(README.read_text("utf-8"))}
    assert set(rows) == {code for code in judged if code.startswith("PRD")}
    for code, row in rows.items():
        figures = judged[code]
        assert (int(row["fix"]), int(row["not_worth"]), int(row["wrong"])) == (
            figures["fix"],
            figures["not-worth"],
            figures["wrong"],
        ), code
        assert int(row["total"]) == figures["fix"] + figures["not-worth"] + figures["wrong"], code
        assert row["default"].strip() == _default(registry[code]), code
