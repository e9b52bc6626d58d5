"""Fixes: applied in rounds without overlap, written atomically with the file's line endings and
mode kept, shown as a diff, unsafe ones only when asked; end to end through `prdlint check`."""

from __future__ import annotations

import stat
from pathlib import Path

from click.testing import CliRunner, Result

from prdlint.atomic import write_atomically
from prdlint.cli import main
from prdlint.fixing import apply_fixes, unified_diff
from prdlint.rule import Edit, Fix
from prdlint.span import Position, Span

UNUSED = "# Plan\n\nThe date is 3 March. <!-- prdlint-disable-line PRD002 -->\n"
FIXED = "# Plan\n\nThe date is 3 March.\n"
DUPLICATES = (
    "# Rota\n\n## User stories\n\n- As a nurse, I want to swap a shift, so that I can rest.\n"
    "- As a nurse, I want to book leave, so that I can travel.\n"
    "- As a nurse, I want to swap a shift, so that I can rest.\n"
)
SELECT = ("--isolated", "--select", "PRD001,PRD002,PRD205")


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def _fix(line: int, start: int, end: int, replacement: str = "") -> Fix:
    return Fix("edit", (Edit(Span(Position(line, start), Position(line, end)), replacement),))


def test_fixes_that_overlap_one_taken_before_wait_for_the_next_round() -> None:
    text = "abcdef\nghij\n"
    fixes = [_fix(1, 3, 5, "X"), _fix(1, 4, 6, "Y"), _fix(2, 1, 2, "Z"), _fix(1, 3, 3, "!")]
    assert apply_fixes(text, fixes) == ("abXef\nZhij\n", 2)


def test_a_file_is_replaced_whole_with_its_mode_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "prd.md"
    path.write_bytes(b"old\r\n")
    path.chmod(0o640)
    write_atomically(path, "new\r\nlines\r\n")
    assert path.read_bytes() == b"new\r\nlines\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["prd.md"]  # no temporary file left behind


def test_fix_writes_the_safe_fixes_and_reports_what_is_left(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("prd.md").write_bytes(UNUSED.replace("\n", "\r\n").encode())
    result = run("check", *SELECT, "--fix", "prd.md")
    assert result.exit_code == 0
    assert result.stdout == "No findings: 1 file checked. Fixed 1 finding.\n"
    assert Path("prd.md").read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_diff_shows_the_change_and_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("prd.md").write_text(UNUSED, encoding="utf-8")
    result = run("check", *SELECT, "--diff", "prd.md")
    assert result.exit_code == 1
    assert result.stdout == unified_diff(UNUSED, FIXED, "prd.md")
    assert "-The date is 3 March. <!-- prdlint-disable-line PRD002 -->" in result.stdout
    assert Path("prd.md").read_text(encoding="utf-8") == UNUSED


def test_unsafe_fixes_only_when_asked(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("rota.md").write_text(DUPLICATES, encoding="utf-8")
    safe = run("check", *SELECT, "--fix", "rota.md")
    assert safe.exit_code == 1 and "PRD205" in safe.stdout
    assert Path("rota.md").read_text(encoding="utf-8") == DUPLICATES
    unsafe = run("check", *SELECT, "--fix", "--unsafe-fixes", "rota.md")
    assert unsafe.exit_code == 0
    first_two = DUPLICATES.rsplit("- As a nurse, I want to swap", 1)[0]
    assert Path("rota.md").read_text(encoding="utf-8") == first_two
    alone = run("check", "--unsafe-fixes", "rota.md")
    assert alone.exit_code == 2 and "--unsafe-fixes goes with --fix or --diff" in alone.stderr


def test_fix_on_standard_input_prints_the_fixed_text() -> None:
    result = run("check", *SELECT, "--fix", "-", stdin=UNUSED)
    assert (result.exit_code, result.stdout) == (0, FIXED)
