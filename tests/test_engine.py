"""The engine: a failing rule does not take the run down; unmet needs skip a rule; plugin clashes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import prdlint_rules.plugin
from prdlint.api import hookimpl
from prdlint.engine import lint_text
from prdlint.registry import PluginError, registry_from_plugins
from prdlint.rule import Rule, RuleContext, Violation
from prdlint.settings import Settings
from prdlint.stage import Stage


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


class ReadsStoriesUndeclared(Rule):
    """Reads the stories without declaring them."""

    code = "TST003"
    name = "undeclared-reader"
    pack = "test"

    def check(self, context: RuleContext) -> Iterator[Violation]:
        if context.analysis.stories:
            yield Violation("stories", context.document.first_line_span)


def _broken(*args: object) -> None:
    raise KeyError("no such role")


class ReadsTheBrokenStage(Rule):
    """Reads a stage that fails on every document."""

    code = "TST004"
    name = "broken-reader"
    pack = "test"
    needs = frozenset({"broken"})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        yield Violation("never", context.document.first_line_span)


class BrokenStagePlugin:
    @hookimpl
    def prdlint_stages(self) -> list[Stage]:
        return [Stage("broken", _broken, requires=("stories",))]

    @hookimpl
    def prdlint_rules(self) -> list[type[Rule]]:
        return [ReadsTheBrokenStage]


def test_a_plugins_stage_runs_for_the_rules_that_need_it_and_its_failure_is_one_prd000() -> None:
    registry = registry_from_plugins(prdlint_rules.plugin, BrokenStagePlugin())
    text = "# PRD\n\nThe date is TBD.\n\n- As a nurse, I want to swap shifts.\n"
    result = lint_text(text, "prd.md", Settings(root=Path("/p"), select=("PRD0", "PRD2", "TST")), registry)
    internal = [finding for finding in result.findings if finding.code == "PRD000"]
    assert len(internal) == 1
    assert "the broken analysis failed: KeyError" in internal[0].message and "TST004" in internal[0].message
    assert {"PRD002", "PRD202"} <= {finding.code for finding in result.findings}
    quiet = lint_text(text, "prd.md", Settings(root=Path("/p"), select=("PRD0", "PRD2")), registry)
    assert "PRD000" not in {finding.code for finding in quiet.findings}  # no rule asked for it


def test_a_stage_requiring_an_unknown_stage_or_taking_a_name_twice_is_rejected_at_load() -> None:
    class Orphan:
        @hookimpl
        def prdlint_stages(self) -> list[Stage]:
            return [Stage("orphan", _broken, requires=("nowhere",))]

    class Twice:
        @hookimpl
        def prdlint_stages(self) -> list[Stage]:
            return [Stage("stories", _broken)]

    with pytest.raises(PluginError, match=r"requires unknown stages \['nowhere'\]"):
        registry_from_plugins(Orphan())
    with pytest.raises(PluginError, match="stage 'stories' is declared by both 'prdlint' and"):
        registry_from_plugins(Twice())


def test_a_failing_stage_is_one_prd000_naming_it_and_only_its_rules_are_skipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("prdlint_rules.stakeholders.reading.stage._read", _broken)
    registry = registry_from_plugins(prdlint_rules.plugin)
    text = "# PRD\n\nThe date is TBD.\n\n- As a nurse, I want to swap shifts.\n"
    result = lint_text(text, "prd.md", Settings(root=Path("/p"), select=("ALL",)), registry)
    internal = [finding for finding in result.findings if finding.code == "PRD000"]
    assert len(internal) == 1
    assert "the stakeholders analysis failed: KeyError" in internal[0].message
    assert "PRD101" in internal[0].message and "PRD207" in internal[0].message
    codes = {finding.code for finding in result.findings}
    assert {"PRD002", "PRD202"} <= codes  # a document rule and a story rule still ran
    assert not any(code.startswith("PRD1") for code in codes)


def test_story_rules_alone_do_not_build_the_stakeholder_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("prdlint_rules.stakeholders.reading.stage._read", _broken)
    registry = registry_from_plugins(prdlint_rules.plugin)
    settings = Settings(root=Path("/p"), select=("PRD2",), ignore=("PRD207",))
    result = lint_text("# PRD\n\n- As a nurse, I want to swap shifts.\n", "prd.md", settings, registry)
    assert [finding.code for finding in result.findings] == ["PRD202"]


def test_a_rule_reading_a_stage_it_did_not_declare_is_told_so() -> None:
    registry = registry_from_plugins(Plugin(ReadsStoriesUndeclared))
    result = lint_text("# PRD\n\nNurses swap shifts.\n", "prd.md", Settings(root=Path("/p")), registry)
    (finding,) = result.findings
    assert finding.code == "PRD000"
    assert "StageNotRunError" in finding.message and "needs" in finding.message


def test_a_rule_declaring_needs_nobody_provides_is_rejected_at_load() -> None:
    broken = type("Broken", (ExplodingRule,), {"needs": frozenset({"stakeholder"})})
    with pytest.raises(PluginError, match=r"needs \['stakeholder'\] are not among"):
        registry_from_plugins(Plugin(broken))


class SleepsForever(Rule):
    """Waits for something that never comes."""

    code = "TST005"
    name = "sleeps-forever"
    pack = "test"

    def check(self, context: RuleContext) -> Iterator[Violation]:
        time.sleep(3600)
        yield Violation("never reached", context.document.first_line_span)


class LoopsSwallowingErrors(Rule):
    """Loops forever and swallows every Exception on the way."""

    code = "TST006"
    name = "loops-forever"
    pack = "test"

    def check(self, context: RuleContext) -> Iterator[Violation]:
        while True:
            try:
                sum(range(1000))
            except Exception:
                continue
        yield Violation("never reached", context.document.first_line_span)


class SleepsAWhile(Rule):
    """Slow, but it ends."""

    code = "TST004"
    name = "sleeps-a-while"
    pack = "test"

    def check(self, context: RuleContext) -> Iterator[Violation]:
        time.sleep(0.3)
        yield Violation("slow but done", context.document.first_line_span)


class ReportsEverything(Rule):
    """One finding on every document: proof that it ran."""

    code = "TST007"
    name = "reports-everything"
    pack = "test"

    def check(self, context: RuleContext) -> Iterator[Violation]:
        yield Violation("ran", context.document.first_line_span)


@pytest.fixture
def short_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document's budget is a fifth of a second, and the grace after it as long."""
    import prdlint.language.deadline as deadline

    monkeypatch.setattr(deadline, "BASE_SECONDS", 0.2)
    monkeypatch.setattr(deadline, "SECONDS_PER_KB", 0.0)
    monkeypatch.setattr(deadline, "GRACE_SECONDS", 0.2)


def _lint_with(*rules: type[Rule]) -> list[tuple[str, str]]:
    registry = registry_from_plugins(prdlint_rules.plugin, Plugin(*rules))
    settings = Settings(root=Path("/p"), select=("PRD002", "TST"))
    result = lint_text("The date is TBD.\n", "prd.md", settings, registry)
    return sorted((finding.code, finding.message) for finding in result.findings)


def test_a_rule_that_never_returns_costs_one_prd000_and_the_budget_not_the_run(short_budget) -> None:
    found = _lint_with(SleepsForever, ReportsEverything)
    assert [code for code, _ in found] == ["PRD000", "PRD002", "TST007"]
    assert found[0][1] == (
        "rule TST005 (sleeps-forever) stopped at the time budget of 0.2 s for a document of 0.0 KB; "
        "the other rules' findings are kept"
    )


def test_rules_still_running_after_the_grace_are_stopped_and_the_rest_named(short_budget) -> None:
    found = _lint_with(SleepsForever, LoopsSwallowingErrors, ReportsEverything)
    assert [code for code, _ in found] == ["PRD000", "PRD002"]
    assert found[0][1] == (
        "rules TST005 (sleeps-forever), TST006 (loops-forever) stopped at the time budget of 0.2 s "
        "for a document of 0.0 KB; not run for want of time: TST007 (reports-everything); "
        "the other rules' findings are kept"
    )


def test_where_nothing_can_interrupt_a_rule_the_budget_is_kept_between_rules(short_budget) -> None:
    """In an application's own thread no timer can stop a rule: a slow one ends in its own time,
    the grace passes, and the rules after it are named instead of run."""
    import prdlint.language.deadline as deadline

    deadline.GRACE_SECONDS = 0.0  # restored by the fixture's monkeypatch
    found: list[list[tuple[str, str]]] = []
    worker = threading.Thread(target=lambda: found.append(_lint_with(SleepsAWhile, ReportsEverything)))
    worker.start()
    worker.join()
    codes = [code for code, _ in found[0]]
    assert codes == ["PRD000", "PRD002", "TST004"]
    assert found[0][0][1] == (
        "not run for want of time: TST007 (reports-everything); the other rules' findings are kept"
    )
