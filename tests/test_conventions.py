"""The conventions of the ecosystem prdlint lives in: -o on every command that prints, quoted
globs and --exclude, "did you mean" for a mistyped key, code or option, pre-commit hooks that print
one summary, and README snippets that work as written."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from prdlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DRAFT = "# Plan\n\nThe launch date is TBD.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("docs/a.md", "docs/old/b.md", "notes/c.md", "node_modules/x/d.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _paths(result: Result) -> list[str]:
    return sorted({line.split(":")[0] for line in result.stdout.splitlines() if ": PRD" in line})


def test_a_quoted_glob_is_expanded_as_a_walk_would(project: Path) -> None:
    result = run("check", "--no-cache", "--show-level", "info", "**/*.md")
    assert _paths(result) == ["docs/a.md", "docs/old/b.md", "notes/c.md"]  # node_modules excluded
    missing = run("check", "--no-cache", "docs/*.txt")
    assert missing.exit_code == 2
    assert "docs/*.txt: no file matches this pattern" in missing.stderr


def test_exclude_and_extend_exclude_on_the_command_line(project: Path) -> None:
    extended = run("check", "--no-cache", "--show-level", "info", "--extend-exclude", "docs/old/", ".")
    assert _paths(extended) == ["docs/a.md", "notes/c.md"]
    replaced = run("check", "--no-cache", "--show-level", "info", "--exclude", "docs/,notes/", ".")
    assert _paths(replaced) == ["node_modules/x/d.md"]  # the default excludes are replaced too


@pytest.mark.parametrize(
    ("config", "said"),
    [
        ('selectt = ["PRD002"]\n', "selectt: unknown key; did you mean 'select'?"),
        (
            'select = ["PRD02"]\n',
            "'PRD02' is not a rule code, code prefix, rule name or ALL; did you mean 'PRD002'?",
        ),
        ('[rules.placeholder-txt]\nmarkers = ["TBD"]\n', "did you mean 'placeholder-text'?"),
        (
            '[rules.placeholder-text]\nmarker = ["TBD"]\n',
            "unknown option for PRD002; did you mean 'markers'?",
        ),
    ],
)
def test_a_mistyped_key_code_or_option_is_told_what_it_likely_meant(
    project: Path, config: str, said: str
) -> None:
    (project / ".prdlint.toml").write_text(config, encoding="utf-8")
    result = run("check", "--no-cache", "docs/a.md")
    assert result.exit_code == 2
    assert said in result.stderr


def test_a_mistyped_rule_or_format_on_the_command_line_is_told_too(project: Path) -> None:
    assert "did you mean 'PRD002'?" in run("explain", "PRD02").stderr
    assert "did you mean 'json'?" in run("check", "-o", "jsn", "docs/a.md").stderr


def test_every_command_that_prints_takes_output_format(project: Path) -> None:
    rules = json.loads(run("rules", "-o", "json").stdout)
    assert {"code", "name", "default"} <= set(rules[0])
    assert json.loads(run("rules", "--output-format", "json").stdout) == rules
    stakeholders = json.loads(run("stakeholders", "-o", "json", "docs/a.md").stdout)
    assert stakeholders["path"] == "docs/a.md"


def test_the_pre_commit_hooks_run_in_one_process() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks and all(hook.get("require_serial") is True for hook in hooks)


def _revisions() -> set[str]:
    return set(re.findall(r"(?:rev: |prdlint@)([0-9a-f]{40})", README))


def test_the_readme_pins_its_snippets_to_a_revision_that_exists() -> None:
    revisions = _revisions()
    assert revisions, "the pre-commit and Action snippets pin a commit"
    if not (ROOT / ".git").exists() or (ROOT / ".git" / "shallow").exists():
        pytest.skip("no full git history to look the revisions up in")
    for revision in revisions:
        found = subprocess.run(
            ["git", "-C", str(ROOT), "cat-file", "-e", f"{revision}^{{commit}}"], capture_output=True
        )
        assert found.returncode == 0, f"{revision} is no commit of this repository"


def _shown(command: str) -> str:
    """What the README shows a command printing: the lines after `$ command` in its block."""
    block = README.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    return block


@pytest.mark.parametrize(
    "command",
    ["prdlint stakeholders fixtures/sample-prd.md", "prdlint check --show-level info fixtures/sample-prd.md"],
)
def test_the_readmes_example_output_is_what_the_command_prints(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = (
        run(*command.split()[1:], "--no-cache") if " check " in f" {command} " else run(*command.split()[1:])
    )
    assert result.stdout == _shown(command)
