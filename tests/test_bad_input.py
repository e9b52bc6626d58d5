"""The command line against bad input, case by case: each gives one clear line naming the file
and the problem, the good file beside it is still linted, the exit status is 2, and no traceback
is ever printed."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import write_file
from prdlint.cli import main
from prdlint.session import LintSession

GOOD = "# Plan\n\nThe launch date is TBD.\n"
GOOD_FINDING = "good.md:3:20: PRD002"


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["check", "--no-cache", "--fail-on", "info", *args], input=stdin)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    return tmp_path


def _files(**files: str | bytes) -> Callable[[Path], None]:
    """Writes the files, folders made as needed ("a__b.md" is b.md in folder a)."""

    def setup(folder: Path) -> None:
        for name, content in files.items():
            write_file(folder, name.replace("__", "/"), content)

    return setup


def _no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


# (what the folder gets, the arguments after `check`, where the line is, what it says)
Setup = Callable[[Path], None]
CASES: list[tuple[str, Setup, tuple[str, ...], str, str]] = [
    (
        "missing path",
        lambda f: None,
        ("missing.md",),
        "stderr",
        "prdlint: error: missing.md: no such file or directory",
    ),
    (
        "directory with no Markdown",
        _files(**{"notes__a.txt": "x"}),
        ("notes",),
        "stderr",
        "prdlint: error: notes: no Markdown files found",
    ),
    (
        "binary",
        _files(**{"bad.md": b"\x89PNG\x00\x00"}),
        ("bad.md",),
        "stdout",
        "bad.md:1:1: PRD000 [error] file looks binary",
    ),
    (
        "oversize",
        _files(**{".prdlint.toml": "max-file-size = 40\n", "bad.md": "x" * 50}),
        ("bad.md",),
        "stdout",
        "bad.md:1:1: PRD000 [error] file is 50 bytes, over the max-file-size of 40 bytes",
    ),
    (
        "symlink loop",
        lambda f: (f / "bad.md").symlink_to(f / "bad.md"),
        ("bad.md",),
        "stderr",
        "prdlint: error: bad.md: a symbolic link to nothing (broken, or a loop)",
    ),
    (
        "directory named *.md",
        _files(**{"bad.md__notes.txt": "x"}),
        ("bad.md",),
        "stderr",
        "prdlint: error: bad.md: no Markdown files found",
    ),
    (
        "config not UTF-8",
        _files(**{".prdlint.toml": b"# caf\xe9\n"}),
        (".",),
        "stderr",
        ".prdlint.toml: not valid UTF-8",
    ),
    (
        "config not TOML",
        _files(**{".prdlint.toml": "select = [\n"}),
        (".",),
        "stderr",
        ".prdlint.toml: invalid TOML",
    ),
    (
        "config of the wrong type",
        lambda f: (f / ".prdlint.toml").write_text("fail-on = 3\n"),
        (".",),
        "stderr",
        ".prdlint.toml: fail-on:",
    ),
    (
        "config naming an unknown rule",
        _files(**{".prdlint.toml": 'select = ["PRD999"]\n'}),
        (".",),
        "stderr",
        ".prdlint.toml: select[0]: 'PRD999' is not a rule code",
    ),
    ("--config missing", lambda f: None, ("--config", "nowhere.toml", "good.md"), "stderr", "nowhere.toml"),
]
if hasattr(os, "mkfifo"):
    CASES.append(
        (
            "FIFO",
            lambda f: os.mkfifo(f / "bad.md"),
            ("bad.md",),
            "stdout",
            "bad.md:1:1: PRD000 [error] not a regular file",
        )
    )


@pytest.mark.parametrize(
    ("setup", "args", "stream", "line"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_is_one_clear_line_and_exit_2(
    folder: Path, setup: Setup, args: tuple, stream: str, line: str
) -> None:
    setup(folder)
    whole_run = "--config" not in args and not any(arg == "." for arg in args)
    result = run(*args, "good.md") if whole_run else run(*args)
    _no_traceback(result)
    assert result.exit_code == 2
    text = result.stderr if stream == "stderr" else result.stdout
    assert sum(line in row for row in text.splitlines()) == 1, text
    config_error = (stream == "stderr" and ".prdlint.toml" in line) or "nowhere" in line
    if not config_error:
        assert GOOD_FINDING in result.stdout  # the other file was still linted


def test_standard_input_that_is_not_text_is_one_finding(folder: Path) -> None:
    result = run("--stdin-filename", "draft.md", "-", stdin=b"\x89PNG\x00\x00")
    _no_traceback(result)
    assert result.exit_code == 2
    assert "draft.md:1:1: PRD000 [error] file looks binary" in result.stdout


# A PRD saved with two Windows-1252 characters: a right single quote (0x92) and an en dash (0x96).
WINDOWS_1252 = b"# Plan\n\nThe buyer\x92s approval is TBD.\n\nLaunch \x96 in spring.\n"
NOT_UTF8 = (
    "cp1252.md:3:10: PRD006 [warning] 2 bytes are not UTF-8 (0x92 at 3:10, 0x96 at 5:8), read as U+FFFD; "
    "save the file as UTF-8 (--fix leaves it as it is until then)"
)


def test_a_file_with_a_few_bytes_that_are_not_utf8_is_linted_with_one_warning_naming_them(
    folder: Path,
) -> None:
    write_file(folder, "cp1252.md", WINDOWS_1252)
    result = run("cp1252.md", "good.md")
    _no_traceback(result)
    assert result.exit_code == 1
    assert NOT_UTF8 in result.stdout.splitlines()
    assert [line for line in result.stdout.splitlines() if "PRD006" in line] == [NOT_UTF8]
    assert "cp1252.md:3:25: PRD002" in result.stdout  # the rest of the file is linted as usual
    assert "PRD000" not in result.stdout
    piped = run("--stdin-filename", "cp1252.md", "-", stdin=WINDOWS_1252)
    assert NOT_UTF8 in piped.stdout.splitlines()


def test_the_bytes_are_placed_as_the_editor_shows_them_whatever_the_line_endings(folder: Path) -> None:
    """A byte-order mark, CRLF endings and a U+FFFD the file really holds move no position."""
    crlf = b"\xef\xbb\xbf" + WINDOWS_1252.replace(b"# Plan", "# Plan \ufffd".encode()).replace(b"\n", b"\r\n")
    write_file(folder, "cp1252.md", crlf)
    (line,) = [row for row in run("cp1252.md").stdout.splitlines() if "PRD006" in row]
    assert line.startswith(
        "cp1252.md:3:10: PRD006 [warning] 2 bytes are not UTF-8 (0x92 at 3:10, 0x96 at 5:8)"
    )


def test_the_warning_names_the_first_bytes_and_counts_the_rest(folder: Path) -> None:
    write_file(folder, "latin1.md", ("# Café\n\n" + "Crème brûlée à volonté.\n" * 3).encode("latin-1"))
    result = run("latin1.md")
    (line,) = [row for row in result.stdout.splitlines() if "PRD006" in row]
    named = "0xe9 at 1:6, 0xe8 at 3:3, 0xfb at 3:9, 0xe9 at 3:11, 0xe0 at 3:14 and 11 more"
    assert f"16 bytes are not UTF-8 ({named})" in line


def test_fix_never_rewrites_a_file_with_bytes_that_are_not_utf8(folder: Path) -> None:
    path = write_file(folder, "cp1252.md", WINDOWS_1252 + b"\n\n\n")  # blank lines a fix would remove
    result = run("--fix", "cp1252.md")
    _no_traceback(result)
    assert path.read_bytes() == WINDOWS_1252 + b"\n\n\n"
    assert "cp1252.md not fixed: it has bytes that are not UTF-8" in result.stderr
    diff = run("--diff", "cp1252.md")
    assert "+++" not in diff.stdout


def test_the_warning_is_a_rule_a_project_may_ignore_and_the_cache_never_hides_it(folder: Path) -> None:
    write_file(folder, "cp1252.md", WINDOWS_1252)
    ignored = run("--ignore", "not-utf-8", "cp1252.md")
    assert "PRD006" not in ignored.stdout
    assert "cp1252.md:3:25: PRD002" in ignored.stdout
    cached = ["check", "--fail-on", "info", "cp1252.md"]
    first, second = (CliRunner().invoke(main, cached) for _ in range(2))
    assert NOT_UTF8 in first.stdout.splitlines()
    assert NOT_UTF8 in second.stdout.splitlines()


def test_a_directory_outside_the_working_directory(folder: Path, tmp_path_factory, monkeypatch) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    result = run("--isolated", str(folder))
    _no_traceback(result)
    assert result.exit_code == 1 and f"{folder}/good.md:3:20: PRD002" in result.stdout


@pytest.mark.integration
def test_three_thousand_files(folder: Path) -> None:
    (folder / "many").mkdir()
    for index in range(3000):
        (folder / "many" / f"prd{index:04}.md").write_text("# Plan\n\nDone.\n", encoding="utf-8")
    result = run("--select", "PRD002", "many")
    _no_traceback(result)
    assert (result.exit_code, result.stdout) == (0, "No findings: 3000 files checked.\n")


def test_a_file_removed_between_discovery_and_reading(folder: Path, monkeypatch) -> None:
    (folder / "gone.md").write_text(GOOD, encoding="utf-8")
    real = LintSession.lint_path

    def remove_first(self: LintSession, path: Path, *args, **kwargs):
        if path.name == "gone.md" and path.exists():
            path.unlink()
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(LintSession, "lint_path", remove_first)
    result = run("--jobs", "1", ".")
    _no_traceback(result)
    assert result.exit_code == 2
    assert "gone.md:1:1: PRD000 [error] cannot read file: No such file or directory" in result.stdout
    assert GOOD_FINDING in result.stdout
