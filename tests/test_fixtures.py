"""Every fixture under fixtures/ produces exactly the findings its expect comments mark, and says
what the snapshot of its findings holds: each finding's place, code, severity, message, advice and
fix, as users read them. A changed message is a changed snapshot, a visible diff in review; after a change
meant to alter what users read, `pytest tests/test_fixtures.py --snapshot-update` writes the new
one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion

from prdlint.config import ConfigResolver
from prdlint.document import parse_document
from prdlint.registry import load_registry
from prdlint.rule import Finding
from prdlint.selection import select_rules
from prdlint.testing import assert_fixture, expected_findings, fixture_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# A concise line is the path and place, the code and severity, and the message: about 120
# characters where the message is at most this long and the path short.
MESSAGE_LIMIT = 140


@pytest.mark.parametrize("path", fixture_paths(FIXTURES), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture(path: Path, request: pytest.FixtureRequest, snapshot: SnapshotAssertion) -> None:
    tagged = "tagged" in path.relative_to(FIXTURES).parts
    outcome = assert_fixture(path, model=request.getfixturevalue("tagged_pipeline") if tagged else None)
    assert [_as_read(finding) for finding in outcome.findings] == snapshot
    for finding in outcome.findings:
        assert len(finding.message) <= MESSAGE_LIMIT, f"{finding.code}: a message fits a terminal's line"
        assert not finding.advice or (finding.advice[0].isupper() and finding.advice.endswith(".")), (
            f"{finding.code}: advice is written as sentences"
        )


def _as_read(finding: Finding) -> dict[str, Any]:
    """A finding as a user reads it: where, what, how severe, what it says and what its fix does."""
    start, end = finding.span.start, finding.span.end
    read: dict[str, Any] = {
        "at": f"{start.line}:{start.column}-{end.line}:{end.column}",
        "code": finding.code,
        "severity": str(finding.severity),
        "message": finding.message,
    }
    if finding.advice:
        read["advice"] = finding.advice
    if finding.fix is not None:
        read["fix"] = {
            "description": finding.fix.description,
            "safe": finding.fix.safe,
            "edits": [
                f"{e.span.start.line}:{e.span.start.column}-{e.span.end.line}:{e.span.end.column} "
                f"-> {e.replacement!r}"
                for e in finding.fix.edits
            ],
        }
    return read


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
    # PRD000 has no place in a fixture; PRD006 needs a file that is not UTF-8, which a fixture's
    # expect comments cannot be read from: tests/test_bad_input.py has where it fires and not.
    engine_only = {"PRD000", "PRD006"}
    assert sorted(set(registry.rules) - engine_only - fires) == []
    assert sorted(set(registry.rules) - engine_only - quiet) == []
