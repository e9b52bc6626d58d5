"""What a run prints for people: what fails the gate, a count of the rest and how to see it, one
short line per finding, a rule's advice once, and which findings --fix would fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prdlint.cli import main

# Two placeholders (info by default) and an empty section (info), and a suppression that
# suppresses nothing (a warning, fixable).
DRAFT = (
    "# Plan\n\nThe launch date is TBD and the price is TBD.\n\n## Risks\n\n"
    "<!-- prdlint-disable-next-line PRD003 -->\nNone known.\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".prdlint.toml").write_text('ignore = ["PRD1"]\n', encoding="utf-8")
    (tmp_path / "prd.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)


def test_by_default_a_terminal_shows_what_fails_the_run_and_counts_the_rest(project: Path) -> None:
    result = run("prd.md")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "prd.md:7:1: PRD001 [*] [warning] `prdlint-disable-next-line PRD003` suppresses no PRD003 finding"
    )
    assert lines[1] == (
        "Found 3 findings (1 warning, 2 info) in 1 of 1 file checked. "
        "Not shown: 2 info (--show-level info shows them). [*] 1 fixable with --fix."
    )
    assert result.exit_code == 1


def test_show_level_shows_more_from_the_command_line_or_the_config(project: Path) -> None:
    shown = run("--show-level", "info", "prd.md").stdout.splitlines()
    assert [line.split(" ")[1] for line in shown[:-1]] == ["PRD002", "PRD002", "PRD001"]
    assert "Not shown" not in shown[-1]
    (project / ".prdlint.toml").write_text('ignore = ["PRD1"]\nshow-level = "info"\n', encoding="utf-8")
    assert run("prd.md").stdout.splitlines() == shown
    only_errors = run("--show-level", "error", "prd.md")
    assert only_errors.stdout.startswith("Found 3 findings")
    assert only_errors.exit_code == 1  # what is not shown still fails the run


def test_a_bad_show_level_is_named_with_its_choices(project: Path) -> None:
    (project / ".prdlint.toml").write_text('show-level = "loud"\n', encoding="utf-8")
    result = run("prd.md")
    assert result.exit_code == 2
    assert "show-level" in result.stderr and "loud" in result.stderr


def test_machine_formats_carry_every_finding_unless_a_level_is_asked_for(project: Path) -> None:
    everything = json.loads(run("-o", "json", "prd.md").stdout)
    assert [f["code"] for f in everything["findings"]] == ["PRD002", "PRD002", "PRD001"]
    warnings = json.loads(run("-o", "json", "--show-level", "warning", "prd.md").stdout)
    assert [f["code"] for f in warnings["findings"]] == ["PRD001"]


def test_json_gives_message_and_advice_apart(project: Path) -> None:
    finding = json.loads(run("-o", "json", "prd.md").stdout)["findings"][0]
    assert finding["message"] == "placeholder 'TBD' left in the text"
    assert (
        finding["advice"] == "Replace it with the decision, or record it as an open question with an owner."
    )


def test_the_full_format_gives_a_rules_advice_once(project: Path) -> None:
    full = run("-o", "full", "--show-level", "info", "prd.md").stdout
    assert full.count("= advice: Replace it with the decision") == 1
    assert full.count("PRD002 [info] placeholder 'TBD' left in the text (placeholder-text)") == 2


def test_concise_lines_carry_no_advice(project: Path) -> None:
    for line in run("--show-level", "info", "prd.md").stdout.splitlines()[:-1]:
        assert "open question with an owner" not in line
        assert len(line) <= 120


def test_no_notice_about_other_files_where_prd_files_says_which_are_prds(project: Path) -> None:
    (project / "notes.md").write_text("# Meeting notes\n\n## Attendees\n\nAna.\n", encoding="utf-8")
    (project / ".prdlint.toml").write_text('select = ["PRD101"]\n', encoding="utf-8")
    assert "not read as PRDs" in run(".").stderr
    (project / ".prdlint.toml").write_text('select = ["PRD101"]\nprd-files = ["prd.md"]\n', encoding="utf-8")
    assert "not read as PRDs" not in run(".").stderr


def test_a_message_quotes_the_first_few_and_counts_the_rest() -> None:
    from prdlint.text.quoting import first_and_more

    assert first_and_more(["'a'"], 2) == "'a'"
    assert first_and_more(["'a'", "'b'"], 2) == "'a', 'b'"
    assert first_and_more(["'a'", "'b'", "'c'", "'d'"], 2) == "'a', 'b' and 2 more"
