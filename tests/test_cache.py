"""The result cache: a second run over unchanged files answers from it without importing spaCy;
a changed text or setting, --no-cache, or cache = false lints again; a damaged entry is a miss."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prdlint.cli import main

PRD = (
    "# Rota: shift swaps\n\n## Users\n\n- Ward nurses swap shifts.\n\n## User stories\n\n"
    "- As a ward nurse, I want to swap a shift.\n\nThe launch date is TBD.\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--fail-on", "info", *args], catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".prdlint.toml").write_text("select = ['ALL']\n", encoding="utf-8")
    (tmp_path / "prd.md").write_text(PRD, encoding="utf-8")
    return tmp_path


def entries(project: Path) -> list[Path]:
    return sorted((project / ".prdlint_cache").rglob("*.json"))


def test_an_unchanged_file_is_answered_from_the_cache(project: Path) -> None:
    first = run("prd.md")
    assert len(entries(project)) == 1
    assert (project / ".prdlint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    assert run("prd.md").stdout == first.stdout
    # Proof that the second answer came from the cache: a planted entry is what it reports.
    (entry,) = entries(project)
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("placeholder 'TBD'", "CACHED"), encoding="utf-8"
    )
    assert "CACHED" in run("prd.md").stdout
    assert "CACHED" not in run("--no-cache", "prd.md").stdout


def test_a_changed_text_or_setting_lints_again(project: Path) -> None:
    run("prd.md")
    (project / "prd.md").write_text(PRD.replace("TBD", "3 March"), encoding="utf-8")
    assert "PRD002" not in run("prd.md").stdout
    run("--ignore", "PRD003", "prd.md")
    assert len(entries(project)) == 3


def test_cache_false_neither_reads_nor_writes(project: Path) -> None:
    (project / ".prdlint.toml").write_text("select = ['ALL']\ncache = false\n", encoding="utf-8")
    run("prd.md")
    assert not (project / ".prdlint_cache").exists()


def test_a_damaged_entry_is_a_miss(project: Path) -> None:
    first = run("prd.md")
    (entry,) = entries(project)
    entry.write_text("{not json", encoding="utf-8")
    assert run("prd.md").stdout == first.stdout


@pytest.mark.integration
def test_a_run_answered_from_the_cache_imports_no_parser_nor_reads_the_vocabulary(project: Path) -> None:
    script = (
        "import sys\nimport prdlint_rules.data as data\nread, real = [], data.pack_data\n"
        "data.pack_data = lambda package, name: read.append(name) or real(package, name)\n"
        "from prdlint.cli import main\nsys.argv = ['prdlint', 'check', 'prd.md']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "loaded = [name in sys.modules for name in ('spacy', 'markdown_it')]\n"
        "print(*loaded, 'vocabulary.toml' in read, file=sys.stderr)\n"
    )
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=project)
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=project)
    assert first.stderr.strip().endswith("True True True")
    assert second.stderr.strip().endswith("False False False") and second.stdout == first.stdout
