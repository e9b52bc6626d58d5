"""Analysis stages from a plugin: run once for the rules that need them, after the stages they
require, with a config key of their own that [tool.prdlint] accepts and validates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from prdlint.analysis import ENGINE_STAGES, run_order
from prdlint.api import STORIES, ConfigSite, Rule, RuleContext, Stage, StageInput, Violation, hookimpl
from prdlint.config import ConfigError, ConfigResolver
from prdlint.registry import PluginError, registry_from_plugins
from prdlint.session import LintSession

RUNS: list[str] = []


def _count_stories(given: StageInput) -> int:
    RUNS.append(given.path.name if given.path else "-")
    return len(given.analysis.stories) * given.state


def _prepare(setup: Any) -> int:
    return setup.settings.get("story-weight") or 1


def _weight(value: Any, key: str, site: ConfigSite) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise site.error(key, f"expected a positive integer, got {value!r}")
    return value


class Counted(Rule):
    """Says how many stories the counting stage weighed."""

    code = "CNT001"
    name = "counted"
    pack = "count"
    needs = frozenset({"story-count"})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        weighed = context.analysis.result("story-count")
        yield Violation(f"{weighed} weighed stories", context.document.first_line_span)


class AlsoCounted(Counted):
    """Reads the same stage."""

    code = "CNT002"
    name = "also-counted"


class CountingPlugin:
    @hookimpl
    def prdlint_stages(self) -> list[Stage]:
        return [
            Stage(
                "story-count",
                _count_stories,
                requires=(STORIES,),
                prepare=_prepare,
                settings={"story-weight": _weight},
            )
        ]

    @hookimpl
    def prdlint_rules(self) -> list[type[Rule]]:
        return [Counted, AlsoCounted]


@pytest.fixture
def registry():
    return registry_from_plugins(CountingPlugin())


def _lint(registry, root: Path, config: str) -> list[str]:
    (root / ".prdlint.toml").write_text(config, encoding="utf-8")
    prd = root / "prd.md"
    prd.write_text("# Plan\n\n- As a nurse, I want to swap shifts.\n- As a nurse, I want a rota.\n")
    result = LintSession(ConfigResolver(registry, cwd=root)).lint_path(prd)
    return [finding.message for finding in result.findings]


def test_a_plugins_stage_runs_once_for_every_rule_that_needs_it_with_its_setting(registry, tmp_path) -> None:
    RUNS.clear()
    assert _lint(registry, tmp_path, 'select = ["CNT"]\nstory-weight = 3\n') == ["6 weighed stories"] * 2
    assert RUNS == ["prd.md"]


def test_a_stages_setting_is_validated_by_the_stage_and_named_with_the_file(registry, tmp_path) -> None:
    with pytest.raises(ConfigError, match=r"\.prdlint\.toml: story-weight: expected a positive integer"):
        _lint(registry, tmp_path, "story-weight = 0\n")
    unknown = r"story-wieght: unknown key; did you mean 'story-weight'\? \(known keys: .*story-weight"
    with pytest.raises(ConfigError, match=unknown):
        _lint(registry, tmp_path, "story-wieght = 2\n")


def test_two_plugins_declaring_one_config_key_is_a_load_error() -> None:
    class Other:
        @hookimpl
        def prdlint_stages(self) -> list[Stage]:
            return [Stage("other", _count_stories, settings={"story-weight": _weight})]

    with pytest.raises(PluginError, match="config key 'story-weight' is declared by both"):
        registry_from_plugins(CountingPlugin(), Other())


def test_stages_run_after_what_they_require_whatever_the_table_order() -> None:
    table = {stage.name: stage for stage in ENGINE_STAGES}
    late = Stage("late", _count_stories, requires=("syntax",))
    names = [stage.name for stage in run_order({"late": late, **table}, ["late"])]
    assert names == ["requirement-text", "syntax", "late"]
