"""Adopting prdlint on an old repository: a baseline keeps known findings quiet wherever they
move, and --diff-base reports only the lines changed since a git revision."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prdlint.cli import main

GATE = 'select = ["PRD002"]\nseverity = { PRD002 = "warning" }\n'
BEFORE = "# Plan\n\nLaunch is TBD.\n\nBudget is TBD.\n"
AFTER = "# Plan\n\nA new line.\n\nLaunch is TBD.\n\nBudget is TBD.\n\nOwner is TBD.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".prdlint.toml").write_text(GATE, encoding="utf-8")
    (tmp_path / "prd.md").write_text(BEFORE, encoding="utf-8")
    return tmp_path


def test_a_baseline_keeps_known_findings_quiet_where_they_move_and_new_ones_fail(project: Path) -> None:
    written = run("--write-baseline", "baseline.json", "prd.md")
    assert written.exit_code == 0 and "Wrote a baseline of 2 findings" in written.stdout
    recorded = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert [entry["text"] for entry in recorded["findings"]] == ["Budget is TBD.", "Launch is TBD."]
    assert run("--baseline", "baseline.json", "prd.md").exit_code == 0
    (project / "prd.md").write_text(AFTER, encoding="utf-8")
    result = run("--baseline", "baseline.json", "prd.md")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("prd.md:9:10: PRD002")
    assert "2 known findings left out (baseline.json)" in result.stderr


def test_a_baseline_that_cannot_be_read_is_a_clear_error(project: Path) -> None:
    (project / "bad.json").write_text("[1, 2]", encoding="utf-8")
    for name in ("missing.json", "bad.json"):
        result = run("--baseline", name, "prd.md")
        assert result.exit_code == 2 and f"--baseline: {name}:" in result.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_base_reports_only_the_lines_changed_since_a_revision(project: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=a@example.com", "-c", "user.name=a", "commit", "-q", "--allow-empty", "-m", "0")
    git("add", "-A")
    git("-c", "user.email=a@example.com", "-c", "user.name=a", "commit", "-q", "-m", "PRD")
    (project / "prd.md").write_text(AFTER, encoding="utf-8")
    (project / "new.md").write_text("# New\n\nX is TBD.\n", encoding="utf-8")
    result = run("--diff-base", "HEAD", ".")
    lines = [line.split(" ")[0] for line in result.stdout.splitlines() if "PRD002" in line]
    assert lines == ["new.md:3:6:", "prd.md:9:10:"]
    unknown = run("--diff-base", "no-such-branch", "prd.md")
    assert unknown.exit_code == 2 and "git knows no revision 'no-such-branch'" in unknown.stderr
