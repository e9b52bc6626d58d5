"""Suppression directives, and reports of the ones that do nothing."""

from __future__ import annotations

from pathlib import Path

from prdlint.document import parse_document
from prdlint.engine import internal_error, lint_text
from prdlint.settings import Settings
from prdlint.suppressions import Suppressions


def lint(registry, text: str, **settings) -> list[tuple[int, str]]:
    """Findings of the document pack, whose placeholder rule the directives here suppress."""
    settings.setdefault("ignore", ("PRD1",))
    result = lint_text(text, "prd.md", Settings(root=Path("/p"), **settings), registry)
    return [(finding.span.start.line, finding.code) for finding in result.findings]


def test_disable_and_enable_bound_a_range(registry) -> None:
    text = (
        "A TBD.\n\n<!-- prdlint-disable PRD002 -->\nB TBD.\n\n"
        "C TBD.\n<!-- prdlint-enable PRD002 -->\nD TBD.\n"
    )
    assert lint(registry, text) == [(1, "PRD002"), (8, "PRD002")]


def test_a_disable_without_enable_lasts_to_the_end(registry) -> None:
    assert lint(registry, "A TBD.\n\n<!-- prdlint-disable -->\n\nB TBD.\n\nC TODO.\n") == [(1, "PRD002")]


def test_next_line_and_same_line_directives(registry) -> None:
    text = (
        "<!-- prdlint-disable-next-line placeholder-text -->\nA TBD.\n"
        "B TBD. <!-- prdlint-disable-line PRD0 PRD002 -->\nC TBD.\n"
    )
    assert lint(registry, text) == [(4, "PRD002")]


def test_disable_file_works_from_anywhere_and_by_prefix(registry) -> None:
    assert lint(registry, "A TBD.\n\n## Empty\n\n<!-- prdlint-disable-file PRD0 -->\n") == []


def test_a_reason_after_two_dashes_is_allowed(registry) -> None:
    assert lint(registry, "<!-- prdlint-disable-next-line PRD002 -- legal owns this date -->\nA TBD.\n") == []


def test_an_unused_directive_is_reported_with_a_fix_that_deletes_its_line(registry) -> None:
    text = "# T\n\n<!-- prdlint-disable-next-line PRD002 -->\nAll decided.\n"
    result = lint_text(text, "prd.md", Settings(root=Path("/p"), ignore=("PRD1",)), registry)
    (finding,) = result.findings
    assert finding.code == "PRD001"
    assert finding.fix is not None
    (edit,) = finding.fix.edits
    assert (edit.span.start.line, edit.span.start.column, edit.span.end.line, edit.span.end.column) == (
        3,
        1,
        4,
        1,
    )


def test_directives_for_rules_that_did_not_run_are_not_reported(registry) -> None:
    text = "<!-- prdlint-disable-next-line PRD002 -->\nAll decided.\n"
    assert lint(registry, text, ignore=("PRD1", "PRD002")) == []


def test_unused_suppressions_can_be_switched_off(registry) -> None:
    text = "<!-- prdlint-disable-next-line PRD002 -->\nAll decided.\n"
    assert lint(registry, text, ignore=("PRD1", "unused-suppression")) == []


def test_internal_errors_cannot_be_suppressed(registry) -> None:
    """PRD000 means the file was not linted; hiding it would hide that."""
    text = "<!-- prdlint-disable-file -->\nText.\n"
    finding = internal_error("prd.md", "boom")
    outcome = Suppressions(parse_document(text), registry).apply([finding], ran={"PRD002"})
    assert outcome.kept == [finding]
