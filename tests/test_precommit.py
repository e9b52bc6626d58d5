"""The pre-commit hook, run by the real pre-commit on a real git repository of PRDs.

Slow (pre-commit installs prdlint into an environment of its own), so marked `integration`:
`pytest -m "not integration"` leaves it out of a quick local run; `pytest` and `.ci/run` run it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

CHECKOUT = Path(__file__).resolve().parents[1]
GOOD = "# Plan\n\nThe launch date is 3 March.\n"
BAD = "# Plan\n\nThe launch date is TBD.\n"
CONFIG = 'select = ["PRD002"]\nseverity = { PRD002 = "warning" }\nexclude = ["drafts/"]\n'
_TIMEOUT = 900


def _git(directory: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=directory, check=True, capture_output=True, text=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def prd_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (CHECKOUT / ".git").exists():
        pytest.skip("needs git and a git checkout of prdlint (pre-commit installs hooks from one)")
    repository = tmp_path_factory.mktemp("prds")
    _git(repository, "init", "-q")
    _git(repository, "config", "user.email", "writer@example.com")
    _git(repository, "config", "user.name", "PRD writer")
    for name, text in (("good.md", GOOD), ("bad.md", BAD), ("drafts/wip.md", BAD), (".prdlint.toml", CONFIG)):
        path = repository / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _git(repository, "add", "-A")
    _git(repository, "commit", "-q", "-m", "PRDs")
    return repository


@pytest.fixture(scope="module")
def pre_commit(prd_repository: Path, tmp_path_factory: pytest.TempPathFactory):
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pre_commit", *args]
        return subprocess.run(
            command, cwd=prd_repository, env=environment, capture_output=True, text=True, timeout=_TIMEOUT
        )

    return run


def test_try_repo_fails_on_the_bad_prd_with_prdlints_findings(pre_commit) -> None:
    result = pre_commit("try-repo", str(CHECKOUT), "prdlint", "--files", "bad.md", "good.md", "drafts/wip.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.md:3:20: PRD002 [warning] placeholder 'TBD' left in the text" in result.stdout
    assert "good.md" not in result.stdout.split("- exit code: 1", 1)[1]
    assert "drafts/wip.md" not in result.stdout  # excluded, though pre-commit names it


def test_a_config_naming_the_repository_passes_the_good_prd_and_fails_the_bad_one(
    pre_commit, prd_repository: Path
) -> None:
    if subprocess.run(["git", "cat-file", "-e", "HEAD:.pre-commit-hooks.yaml"], cwd=CHECKOUT).returncode:
        pytest.skip("the checkout's HEAD has no .pre-commit-hooks.yaml yet (commit it first)")
    revision = _git(CHECKOUT, "rev-parse", "HEAD")
    (prd_repository / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {CHECKOUT}\n    rev: {revision}\n    hooks:\n      - id: prdlint\n",
        encoding="utf-8",
    )
    good = pre_commit("run", "--files", "good.md", "drafts/wip.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "prdlint" in good.stdout and "Passed" in good.stdout
    bad = pre_commit("run", "--files", "bad.md")
    assert bad.returncode == 1 and "bad.md:3:20: PRD002" in bad.stdout
