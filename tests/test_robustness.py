"""Inputs a repository or an editor can hold, each a class that once crashed, hung or broke a
range: every one is linted (or reported in one line) and the run goes on."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prdlint.cli import main
from prdlint.document import parse_document
from prdlint.engine import lint_text
from prdlint.language.stories import find_stories
from prdlint.registry import load_registry
from prdlint.settings import Settings

GOOD = "# Plan\n\nThe launch date is TBD.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--isolated", "--no-cache", *args], catch_exceptions=False)


def lint(text: str) -> list:
    return lint_text(text, "prd.md", Settings(root=Path.cwd(), select=("ALL",)), load_registry()).findings


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("front_matter", "problem"),
    [
        ("date: 2024-13-01", "value YAML cannot read"),
        ("count: !!int x", "value YAML cannot read"),
        ("a: " + "[" * 1200 + "]" * 1200, "front matter"),
    ],
)
def test_front_matter_yaml_cannot_build_is_one_finding(folder: Path, front_matter: str, problem: str) -> None:
    (folder / "prd.md").write_text(f"---\n{front_matter}\n---\n# Plan\n", encoding="utf-8")
    result = run("--select", "PRD002,PRD005", "--fail-on", "info", ".")
    assert result.exit_code == 1
    assert "prd.md:2:1: PRD005" in result.stdout and problem in result.stdout
    assert "good.md:3:20: PRD002" in result.stdout


def test_a_config_that_is_not_utf8_is_named(folder: Path) -> None:
    (folder / ".prdlint.toml").write_bytes(b'select = ["PRD002"] # caf\xe9\n')
    result = CliRunner().invoke(main, ["check", "good.md"], catch_exceptions=False)
    assert result.exit_code == 2
    assert ".prdlint.toml: not valid UTF-8" in result.stderr


def test_a_symlink_loop_is_reported_and_the_rest_linted(folder: Path) -> None:
    (folder / "loop.md").symlink_to(folder / "loop.md")
    walked = run("--show-level", "info", ".")
    assert walked.exit_code == 2
    assert "loop.md:1:1: PRD000 [error] cannot read file: Too many levels" in walked.stdout
    assert "good.md:3:20: PRD002" in walked.stdout
    named = run("--show-level", "info", "loop.md", "good.md")
    assert named.exit_code == 2 and "good.md:3:20: PRD002" in named.stdout
    assert "prdlint: error: loop.md: a symbolic link to nothing (broken, or a loop)" in named.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_md_is_reported_not_waited_on(folder: Path) -> None:
    os.mkfifo(folder / "pipe.md")
    start = time.monotonic()
    for args in ((".",), ("pipe.md",)):
        result = run(*args)
        assert result.exit_code == 2 and "pipe.md:1:1: PRD000 [error] not a regular file" in result.stdout
    assert time.monotonic() - start < 30


def test_an_empty_file_is_clean(folder: Path) -> None:
    (folder / "empty.md").write_text("\n \n", encoding="utf-8")
    result = run("empty.md")
    assert (result.exit_code, result.stdout) == (0, "No findings: 1 file checked.\n")


def test_lone_surrogates_from_an_editor_are_read_not_crashed_on() -> None:
    findings = lint("# Plan\n\nThe \ud83d launch is TBD \udc00.\n")
    assert "PRD000" not in {f.code for f in findings}
    assert "PRD002" in {f.code for f in findings}


@pytest.mark.parametrize("first", ["\x0c", "\u3000", "\u2028", "\x85"])
def test_a_first_line_that_is_whitespace_to_python_but_text_to_markdown_has_a_range(first: str) -> None:
    for finding in lint(f"{first}\n\nSome words.\n"):
        assert finding.span.start <= finding.span.end, finding


def test_a_story_row_whose_last_cell_is_empty_ends_after_it_starts() -> None:
    document = parse_document(
        "## Stories\n\n| As a | I want | So that |\n|---|---|---|\n| nurse | to rest | |\n"
    )
    (story,) = find_stories(document)
    assert story.span.start < story.span.end
    assert (story.span.start.line, story.span.end.line) == (5, 5)


def test_an_unreadable_file_has_an_empty_range_at_its_start(folder: Path) -> None:
    (folder / "image.md").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(main, ["check", "--isolated", "-o", "json", "image.md"])
    (finding,) = __import__("json").loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (1, 1, 1, 1)


@pytest.mark.parametrize("run_of", ["=", "?", "![", "[", ")", ","])
def test_a_long_run_of_punctuation_costs_linear_time(run_of: str) -> None:
    def cost(size: int) -> float:
        start = time.perf_counter()
        lint(f"# Plan\n\n{run_of * size}\n")
        return time.perf_counter() - start

    cost(200)  # warm
    small, large = cost(4000), cost(16000)
    assert large < max(small, 0.05) * 8, (small, large)  # 4x the text, well under 16x the time


def test_many_stories_in_one_paragraph_or_table_cost_linear_time() -> None:
    def cost(count: int, table: bool) -> float:
        if table:
            rows = "".join(f"| nurse | to swap shift {i} | I rest |\n" for i in range(count))
            text = f"# Plan\n\n## Stories\n\n| As a | I want | So that |\n|---|---|---|\n{rows}"
        else:
            text = "# Plan\n\n## Stories\n\n" + " ".join(
                f"As a nurse, I want to swap shift {i} so that I rest." for i in range(count)
            )
        start = time.perf_counter()
        lint(text)
        return time.perf_counter() - start

    for table in (True, False):
        cost(50, table)
        small, large = cost(250, table), cost(1000, table)
        assert large < small * 8, (table, small, large)


def test_an_analysis_past_its_time_budget_is_one_finding_and_the_other_rules_run(monkeypatch) -> None:
    import prdlint.language.deadline as deadline

    monkeypatch.setattr(deadline, "BASE_SECONDS", -1.0)  # every budget is spent before it starts
    findings = lint("# Plan\n\n## Users\n\n- Nurses swap shifts.\n\nThe launch is TBD.\n")
    internal = [f for f in findings if f.code == "PRD000"]
    assert len(internal) == 1
    assert "the analysis stopped after its time budget" in internal[0].message
    assert (
        "for a document of 0.1 KB" in internal[0].message
        and "the other rules still ran" in internal[0].message
    )
    assert "PRD002" in {f.code for f in findings}


def test_building_the_language_setup_is_not_charged_to_the_first_documents_budget(monkeypatch) -> None:
    import time

    import prdlint.analysis as analysis
    import prdlint.language.deadline as deadline
    from prdlint_rules.stakeholders.reading.mentions import MentionFinder

    built = MentionFinder.__init__

    def slow_build(self, *args, **kwargs) -> None:
        time.sleep(1.0)  # a busy machine
        built(self, *args, **kwargs)

    monkeypatch.setattr(analysis, "_STATES", {})  # a process's first document
    monkeypatch.setattr(MentionFinder, "__init__", slow_build)
    monkeypatch.setattr(deadline, "BASE_SECONDS", 0.8)
    findings = lint("# Plan\n\n## Users\n\n- Nurses swap shifts; admins approve them.\n")
    assert "PRD000" not in {f.code for f in findings}


@pytest.mark.parametrize(
    "source",
    [
        "\xa0\n\u200f\nAs a nurse, I want nurse[Name]\n\u200f",
        ">\xa0\nAs a nurse, I want nursenurse\n[Name]",
        "- \xa0\n  As a nurse, I want a swap\n  [Name]",
    ],
    ids=["paragraph", "quote", "list item"],
)
def test_a_paragraph_opening_with_a_line_of_no_break_space_points_at_its_own_text(source: str) -> None:
    for block in parse_document(source).blocks:
        for segment in block.segments:
            text = block.text[segment.text_start : segment.text_start + segment.length]
            assert source[segment.source_start : segment.source_start + segment.length] == text
    for finding in lint(source):
        assert finding.span.start <= finding.span.end, finding
