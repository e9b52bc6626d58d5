"""Files linted in worker processes give the same output, in the same order, as one process; a
worker that fails on a file gives that file a PRD000; a long run shows its progress."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import ProgressLine, main
from prdlint.config import ConfigResolver
from prdlint.registry import load_registry
from prdlint.session import LintSession

STORY = "# {name}\n\n## User stories\n\n- As a nurse, I want to swap a shift.\n\nLaunch is TBD.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for index in range(6):
        (tmp_path / f"prd{index}.md").write_text(STORY.format(name=f"Plan {index}"), encoding="utf-8")
    return tmp_path


def test_workers_give_the_output_of_one_process(project: Path) -> None:
    def check(jobs: str) -> str:
        result = CliRunner().invoke(
            main, ["check", "--isolated", "--no-cache", "--show-level", "info", "-j", jobs, "."]
        )
        return result.stdout

    one = check("1")
    assert one.count("PRD002") == 6
    assert check("2") == one


def test_a_worker_that_fails_on_a_file_gives_it_one_internal_error(project: Path, monkeypatch) -> None:
    real = LintSession.lint_path

    def failing(self: LintSession, path: Path, *args, **kwargs):
        if path.name == "prd3.md":
            raise MemoryError("out of memory")
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(LintSession, "lint_path", failing)  # the forked workers inherit it
    session = LintSession(ConfigResolver(load_registry(), isolated=True))
    results = session.lint_paths([project], jobs=2).files
    assert [result.path for result in results] == [f"prd{index}.md" for index in range(6)]
    assert [f.code for f in results[3].findings] == ["PRD000"]
    assert "MemoryError: out of memory" in results[3].findings[0].message
    assert any(f.code == "PRD002" for f in results[2].findings)


def test_a_long_run_on_a_terminal_shows_its_progress_then_erases_it(monkeypatch) -> None:
    line = ProgressLine()
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    line.terminal, line.start = True, line.start - 10
    line(3, 10)
    line(10, 10)
    assert err.getvalue() == "\rprdlint: 3/10 files\r\x1b[K"
    quiet = ProgressLine()
    quiet.terminal = True
    quiet(1, 10)  # under two seconds: nothing
    assert err.getvalue().count("files") == 1
