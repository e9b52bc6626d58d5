"""Every fixture under fixtures/ produces exactly the findings its expect comments mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from prdlint.config import ConfigResolver
from prdlint.document import parse_document
from prdlint.registry import load_registry
from prdlint.selection import select_rules
from prdlint.testing import assert_fixture, expected_findings, fixture_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("path", fixture_paths(FIXTURES), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture(path: Path, request: pytest.FixtureRequest) -> None:
    tagged = "tagged" in path.relative_to(FIXTURES).parts
    assert_fixture(path, model=request.getfixturevalue("tagged_pipeline") if tagged else None)


def test_every_rule_has_a_fixture_where_it_fires_and_one_where_it_runs_and_must_not() -> None:
    """A rule without both is untested: the expect comments are what counts, not a code that
    merely appears in a fixture's text (a suppression comment names codes too)."""
    registry = load_registry()
    resolver = ConfigResolver(registry)
    fires: set[str] = set()
    quiet: set[str] = set()
    for path in fixture_paths(FIXTURES):
        expected = {code for _, code in expected_findings(parse_document(path.read_text(encoding="utf-8")))}
        selected = set(select_rules(registry, resolver.for_path(path), path))
        fires |= expected
        quiet |= selected - expected
    engine_only = {"PRD000"}
    assert sorted(set(registry.rules) - engine_only - fires) == []
    assert sorted(set(registry.rules) - engine_only - quiet) == []
