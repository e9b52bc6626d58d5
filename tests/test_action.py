"""The GitHub Action (action.yml): its shell steps, run as a runner runs them (inputs and the
action's path substituted, bash), on a project with a bad PRD. The install step is left out here:
it installs this checkout with pip, which the wheel test already proves."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

CHECKOUT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((CHECKOUT / "action.yml").read_text(encoding="utf-8"))
_EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def _script(step: dict, inputs: dict[str, str]) -> str:
    values = {f"inputs.{name}": value for name, value in inputs.items()} | {
        "github.action_path": str(CHECKOUT)
    }
    return _EXPRESSION.sub(lambda match: values[match.group(1)], step["run"])


def _steps(name: str) -> dict:
    return next(step for step in ACTION["runs"]["steps"] if step["name"] == name)


def test_the_action_is_a_composite_with_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "args", "sarif-file", "upload-sarif"}
    assert all(spec.get("description") for spec in ACTION["inputs"].values())
    assert "pip install" in _steps("Install prdlint")["run"]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "prd.md").write_text("# Plan\n\nThe launch date is TBD.\n", encoding="utf-8")
    (tmp_path / ".prdlint.toml").write_text('select = ["PRD002"]\nseverity = { PRD002 = "warning" }\n')
    return tmp_path


def _bash(script: str, workspace: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        ["bash", "-e", "-c", script], cwd=workspace, env=environment, capture_output=True, text=True
    )


def test_the_lint_step_annotates_the_pull_request_and_fails(workspace: Path) -> None:
    inputs = {"paths": "docs", "args": "", "sarif-file": "", "upload-sarif": "false"}
    result = _bash(_script(_steps("Lint"), inputs), workspace)
    assert result.returncode == 1
    assert result.stdout.startswith("::warning file=docs/prd.md,line=3,col=20,")


def test_the_sarif_step_writes_the_report_without_failing(workspace: Path) -> None:
    inputs = {
        "paths": "docs",
        "args": "--fail-on info",
        "sarif-file": "prdlint.sarif",
        "upload-sarif": "true",
    }
    assert _steps("Write the SARIF report")["if"] == "${{ inputs.sarif-file != '' }}"
    result = _bash(_script(_steps("Write the SARIF report"), inputs), workspace)
    assert result.returncode == 0, result.stderr
    report = json.loads((workspace / "prdlint.sarif").read_text(encoding="utf-8"))
    assert report["runs"][0]["results"][0]["ruleId"] == "PRD002"
    assert _steps("Upload the SARIF report")["uses"].startswith("github/codeql-action/upload-sarif@")
