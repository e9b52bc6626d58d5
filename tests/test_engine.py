"""The engine: a failing rule does not take the run down; unmet needs skip a rule; plugin clashes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import prdlint_rules.plugin
from prdlint.config import Settings
from prdlint.engine import lint_text
from prdlint.hookspecs import hookimpl
from prdlint.registry import PluginError, registry_from_plugins
from prdlint.rule import Rule, RuleContext, Violation


class ExplodingRule(Rule):
    """Raises on every document."""

    code = "TST001"
    name = "exploding"
    pack = "test"

    def check(self, context: RuleContext) -> Iterator[Violation]:
        raise ValueError("no such block")


class NeedsParserRule(Rule):
    """Needs part-of-speech tags."""

    code = "TST002"
    name = "needs-parser"
    pack = "test"
    needs = frozenset({"pos"})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        yield Violation("should never run", context.document.first_line_span)


class Plugin:
    def __init__(self, *rules: type[Rule]) -> None:
        self.rules = rules

    @hookimpl
    def prdlint_rules(self) -> list[type[Rule]]:
        return list(self.rules)


def test_a_rule_that_raises_becomes_prd000_and_the_other_rules_still_run() -> None:
    registry = registry_from_plugins(prdlint_rules.plugin, Plugin(ExplodingRule))
    result = lint_text("The date is TBD.\n", "prd.md", Settings(root=Path("/p"), ignore=("PRD1",)), registry)
    codes = [finding.code for finding in result.findings]
    assert codes == ["PRD000", "PRD002"]
    message = result.findings[0].message
    assert "TST001 (exploding)" in message and "ValueError: no such block" in message


def test_a_rule_whose_needs_are_not_met_is_skipped_with_a_notice() -> None:
    registry = registry_from_plugins(Plugin(NeedsParserRule))
    result = lint_text("Text.\n", "prd.md", Settings(root=Path("/p")), registry)
    assert result.findings == []
    assert result.notices == [
        "TST002 (needs-parser) skipped: it needs pos, which the loaded language pipeline does not provide"
    ]


def test_two_plugins_declaring_one_code_is_an_error_naming_both() -> None:
    class Impostor(ExplodingRule):
        """Same code, other name."""

        name = "impostor"

    with pytest.raises(PluginError, match=r"'TST001' is declared by both"):
        registry_from_plugins(Plugin(ExplodingRule), Plugin(Impostor))


@pytest.mark.parametrize(
    ("attributes", "problem"),
    [
        ({"code": "prd1"}, "capital letters then three digits"),
        ({"name": "Not Kebab"}, "kebab-case"),
        ({"__doc__": None}, "docstring is required"),
    ],
)
def test_badly_declared_rules_are_rejected_at_load(attributes: dict, problem: str) -> None:
    broken = type("Broken", (ExplodingRule,), attributes)
    with pytest.raises(PluginError, match=problem):
        registry_from_plugins(Plugin(broken))


def test_a_plugin_returning_something_that_is_not_a_rule_is_named() -> None:
    class Confused:
        @hookimpl
        def prdlint_rules(self) -> list[object]:
            return ["PRD999"]

    with pytest.raises(PluginError, match="not a Rule subclass"):
        registry_from_plugins(Confused())
