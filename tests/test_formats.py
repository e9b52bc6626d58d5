"""The CI formats: SARIF valid against the official 2.1.0 schema, GitLab Code Quality with
fingerprints that survive a line added above, JUnit with a test case per file, and --output-file."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from click.testing import CliRunner, Result

from prdlint.cli import main

SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0-rtm.5.json"
DRAFT = "# Plan\n\nThe launch date is TBD. <!-- prdlint-disable-line PRD003 -->\n"
CLEAN = "# Plan\n\nThe launch date is 3 March.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def run(*args: str) -> Result:
    options = ("--isolated", "--select", "PRD001,PRD002,PRD003", "--fail-on", "info")
    return CliRunner().invoke(main, ["check", *options, *args], catch_exceptions=False)


def test_sarif_is_valid_sarif_2_1_0_with_rules_regions_and_fixes(project) -> None:
    result = run("-o", "sarif", "draft.md", "clean.md")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    (sarif_run,) = document["runs"]
    rules = {rule["id"]: rule for rule in sarif_run["tool"]["driver"]["rules"]}
    assert set(rules) == {"PRD001", "PRD002"}
    assert rules["PRD002"]["help"]["markdown"].startswith("Placeholder text left in the document")
    placeholder = next(r for r in sarif_run["results"] if r["ruleId"] == "PRD002")
    assert placeholder["level"] == "note"
    region = placeholder["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 20, 23)
    unused = next(r for r in sarif_run["results"] if r["ruleId"] == "PRD001")
    assert unused["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"] == "draft.md"


def test_gitlab_code_quality_fingerprints_do_not_move_with_the_line(project) -> None:
    first = json.loads(run("-o", "gitlab", "draft.md").stdout)
    (project / "draft.md").write_text(
        "# Plan\n\nA new first line.\n\n" + DRAFT.split("\n", 2)[2], encoding="utf-8"
    )
    second = json.loads(run("-o", "gitlab", "draft.md").stdout)
    by_check = {issue["check_name"]: issue for issue in first}
    moved = {issue["check_name"]: issue for issue in second}
    placeholder = "PRD002 placeholder-text"
    assert by_check[placeholder]["location"] == {"path": "draft.md", "lines": {"begin": 3}}
    assert moved[placeholder]["location"]["lines"]["begin"] == 5
    assert moved[placeholder]["fingerprint"] == by_check[placeholder]["fingerprint"]
    assert by_check[placeholder]["severity"] == "info"
    assert {issue["type"] for issue in first} == {"issue"}


def test_junit_has_a_test_case_per_file_failed_by_its_findings(project) -> None:
    root = ElementTree.fromstring(run("-o", "junit", "draft.md", "clean.md").stdout)
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"draft.md", "clean.md"}
    assert cases["clean.md"].find("failure") is None
    failure = cases["draft.md"].find("failure")
    assert failure is not None and "draft.md:3:20: PRD002" in (failure.text or "")
    assert root.get("tests") == "2" and root.get("failures") == "1"


def test_output_file_gets_the_report_and_the_terminal_the_concise_one(project) -> None:
    result = run("-o", "sarif", "--output-file", "report.sarif", "draft.md")
    assert result.exit_code == 1
    assert json.loads((project / "report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert result.stdout.startswith("draft.md:3:")
    assert "Found 2 findings" in result.stdout
    missing = run("--output-file", "no/such/dir/report.txt", "draft.md")
    assert missing.exit_code == 2 and "--output-file no/such/dir/report.txt" in missing.stderr


def test_a_junit_failure_counts_every_finding_it_lists_and_those_that_failed(project) -> None:
    (project / "mixed.md").write_text(
        "# Plan\n\nThe launch date is TBD.\n\n<!-- prdlint-disable-next-line PRD003 -->\nNone.\n",
        encoding="utf-8",
    )
    options = (
        "--isolated",
        "--select",
        "PRD001,PRD002,PRD003",
        "--fail-on",
        "warning",
        "-o",
        "junit",
        "mixed.md",
    )
    root = ElementTree.fromstring(CliRunner().invoke(main, ["check", *options]).stdout)
    failure = next(root.iter("failure"))
    assert failure.get("message") == "2 findings, 1 of them failing the run"
    assert (failure.text or "").count("mixed.md:") == 2
