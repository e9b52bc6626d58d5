"""Rule selection by code, prefix, name and ALL; severities; per-file ignores."""

from __future__ import annotations

from pathlib import Path

from prdlint.globs import matches_globs
from prdlint.rule import Severity
from prdlint.selection import select_rules
from prdlint.settings import Settings


def selected(registry, path: Path | None = None, **settings) -> list[str]:
    return list(select_rules(registry, Settings(root=Path("/project"), **settings), path))


def test_default_selection_leaves_out_opt_in_rules(registry) -> None:
    codes = selected(registry)
    assert "PRD002" in codes
    assert "PRD004" not in codes


def test_select_by_prefix_includes_opt_in_rules(registry) -> None:
    assert selected(registry, select=("PRD0",)) == [
        "PRD000",
        "PRD001",
        "PRD002",
        "PRD003",
        "PRD004",
        "PRD005",
        "PRD006",
    ]


def test_select_by_name_extend_and_ignore(registry) -> None:
    assert selected(registry, select=("placeholder-text",), extend_select=("PRD003",)) == ["PRD002", "PRD003"]
    assert "PRD002" not in selected(registry, ignore=("placeholder-text",))
    assert selected(registry, select=("ALL",), ignore=("PRD0",)) == [
        code for code in registry.rules if not code.startswith("PRD0")
    ]


def test_per_file_ignores_match_gitignore_style_globs_relative_to_the_root(registry) -> None:
    ignores = {"drafts/": ("PRD002",), "*.notes.md": ("PRD003",)}
    draft = selected(registry, Path("/project/drafts/a.md"), per_file_ignores=ignores)
    notes = selected(registry, Path("/project/docs/x.notes.md"), per_file_ignores=ignores)
    other = selected(registry, Path("/project/docs/prd.md"), per_file_ignores=ignores)
    assert "PRD002" not in draft and "PRD003" in draft
    assert "PRD003" not in notes and "PRD002" in notes
    assert {"PRD002", "PRD003"} <= set(other)


def test_the_most_specific_severity_override_wins(registry) -> None:
    overrides = {"PRD002": Severity.ERROR, "PRD0": Severity.INFO, "ALL": Severity.WARNING}
    rules = select_rules(registry, Settings(root=Path("/p"), severity=overrides), None)
    assert rules["PRD002"].severity is Severity.ERROR
    assert rules["PRD003"].severity is Severity.INFO


def test_directory_patterns_match_directories_only() -> None:
    root = Path("/project")
    assert matches_globs(["build/"], Path("/project/build"), root, is_dir=True)
    assert not matches_globs(["build/"], Path("/project/build"), root)
    # A file outside the root (`prdlint check ..`) is still matched by unanchored patterns.
    assert matches_globs(["*.md"], Path("/elsewhere/a.md"), root)
    assert not matches_globs(["/a.md"], Path("/elsewhere/a.md"), root)


def test_a_glob_that_would_backtrack_is_matched_in_linear_time() -> None:
    """A config's globs come from whoever can change it. `*a*a…*b` on a long name backtracks
    for years in Python's `re` (2^n ways to split the name); pathspec's RE2 backend reads it once."""
    many_stars = "*a" * 12 + "*b"
    long_name = Path("/project/" + "a" * 200 + ".md")
    assert not matches_globs([many_stars], long_name, Path("/project"))
    assert matches_globs([many_stars], Path("/project/" + "a" * 200 + "b"), Path("/project"))
