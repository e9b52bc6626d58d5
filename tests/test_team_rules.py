"""A project's own rules: rule files in the folders its config lists under `rule-paths`, run,
selected, fixed, listed, explained and cached like the installed rules; a bad folder or rule file
is a config error naming the config file, the key, the rule file, the rule and its key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import write_file
from prdlint.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "team-rules"

BANNED = """code = "TEAM101"
name = "banned-term"
kind = "existence"
scope = "sentence"
message = "'{match}' is banned"
tokens = ["synergy"]
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def found(result: Result) -> list[tuple[int, str]]:
    return [(item["line"], item["code"]) for item in json.loads(result.output)["findings"]]


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example team pack and its PRD, as the working directory."""
    copy = tmp_path / "team-rules"
    shutil.copytree(EXAMPLE, copy)
    monkeypatch.chdir(copy)
    return copy


def test_the_example_pack_reports_each_of_its_rules_where_the_prd_breaks_it(example: Path) -> None:
    result = run("check", "--no-cache", "--select", "HOUSE1", "--output-format", "json", "prd.md")
    assert found(result) == [
        (5, "HOUSE102"),
        (5, "HOUSE103"),
        (7, "HOUSE101"),
        (18, "HOUSE104"),
        (18, "HOUSE104"),
        (20, "HOUSE105"),
    ]
    messages = [item["message"] for item in json.loads(result.output)["findings"]]
    assert "'SLA' is used but never spelled out" in messages[3]
    assert "KYC" not in " ".join(messages)  # spelled out as "Know Your Customer (KYC)"


def test_the_substitution_rule_fixes_the_product_name(example: Path) -> None:
    run("check", "--no-cache", "--select", "HOUSE102", "--fix", "prd.md")
    text = (example / "prd.md").read_text(encoding="utf-8")
    assert "Merchants on AcmePay wait" in text
    assert "Acmepay" not in text


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A sub-project, team/, whose config lists its folder of rule files, style/ (one rule,
    TEAM101); the working directory is the folder above it."""
    write_file(tmp_path, "team/.prdlint.toml", 'rule-paths = ["style"]\nselect = ["TEAM"]\n')
    write_file(tmp_path, "team/style/banned.toml", BANNED)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "team"


def test_rule_paths_are_relative_to_the_config_file_not_the_working_directory(team: Path) -> None:
    write_file(team, "docs/prd.md", "# Plan\n\nWe find synergy.\n")
    result = run("check", "--no-cache", "--output-format", "json", "team/docs/prd.md")
    assert found(result) == [(3, "TEAM101")]


def test_config_and_command_line_select_ignore_and_set_the_severity_of_team_rules(example: Path) -> None:
    (example / ".prdlint.toml").write_text(
        'rule-paths = ["house-style"]\nselect = ["HOUSE1"]\nignore = ["banned-term"]\n'
        '[severity]\nlong-sentence = "error"\n',
        encoding="utf-8",
    )
    result = run("check", "--no-cache", "--output-format", "json", "prd.md")
    rows = json.loads(result.output)["findings"]
    assert "HOUSE101" not in {row["code"] for row in rows}
    assert [row["severity"] for row in rows if row["code"] == "HOUSE103"] == ["error"]
    only = run("check", "--no-cache", "--select", "defined-acronym", "--output-format", "json", "prd.md")
    assert {code for _, code in found(only)} == {"HOUSE104"}


def test_rules_explain_and_config_show_the_projects_rules(example: Path) -> None:
    listed = run("rules", "--format", "json")
    rows = {row["code"]: row for row in json.loads(listed.output)}
    assert rows["HOUSE103"]["pack"] == "house-style"
    assert rows["HOUSE103"]["severity"] == "info"
    assert "PRD301" in rows
    explained = run("explain", "one-spelling")
    assert explained.exit_code == 0
    assert "Two spellings read as two things" in explained.output
    assert "Defined in `one_spelling.toml`" in explained.output
    shown = run("config", "prd.md")
    assert f'rule-paths = ["{example / "house-style"}"]  # ' in shown.output
    assert "HOUSE105 one-spelling [info]" in shown.output


def test_a_changed_rule_file_is_not_answered_from_the_cache(example: Path) -> None:
    first = run("check", "--select", "HOUSE101", "prd.md")
    assert "promises without saying anything" in first.output
    rule = example / "house-style" / "banned_term.toml"
    rule.write_text(
        rule.read_text(encoding="utf-8").replace("promises without saying anything", "is marketing"),
        encoding="utf-8",
    )
    second = run("check", "--select", "HOUSE101", "prd.md")
    assert "'world-class' is marketing" in second.output


def test_a_sub_projects_rules_are_known_by_name_on_the_command_line_and_in_sarif(team: Path) -> None:
    write_file(team, "prd.md", "# Plan\n\nWe find synergy.\n")
    named = run("check", "--no-cache", "--select", "banned-term", "--output-format", "sarif", "team/prd.md")
    (described,) = json.loads(named.output)["runs"][0]["tool"]["driver"]["rules"]
    assert (described["id"], described["properties"]["pack"]) == ("TEAM101", "style")
    # Linting the folder above, the rule is found in a config below: named by code and name.
    walked = run("check", "--no-cache", "--output-format", "sarif", ".")
    assert json.loads(walked.output)["runs"][0]["tool"]["driver"]["rules"] == [
        {"id": "TEAM101", "name": "banned-term"}
    ]


@pytest.mark.parametrize(
    ("config", "files", "expected"),
    [
        ('rule-paths = "style"\n', {}, "rule-paths: expected an array of strings"),
        ('rule-paths = ["nowhere"]\n', {}, "rule-paths[0]: 'nowhere' is not a folder"),
        ('rule-paths = ["style"]\n', {"style/notes.txt": "x"}, "rule-paths[0]: "),
        (
            'rule-paths = ["style"]\n',
            {"style/banned.toml": BANNED + "colour = 'red'\n"},
            "banned.toml: rule banned-term: colour: unknown key for an existence rule",
        ),
        (
            'rule-paths = ["style"]\n',
            {"style/banned.toml": BANNED.replace('"sentence"', '"chapter"')},
            "banned.toml: rule banned-term: scope: unknown scope 'chapter'",
        ),
        (
            'rule-paths = ["style"]\n',
            {"style/banned.toml": BANNED.replace("TEAM101", "PRD301")},
            "rule 'PRD301' is declared by both 'builtin-rules'",
        ),
        (
            'rule-paths = ["style"]\nselect = ["TEAM999"]\n',
            {"style/banned.toml": BANNED},
            "select[0]: 'TEAM999' is not a rule code",
        ),
    ],
)
def test_a_bad_rule_folder_or_rule_file_is_a_config_error_naming_file_and_key(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    files: dict[str, str],
    expected: str,
) -> None:
    write_file(tmp_path, ".prdlint.toml", config)
    for relative, text in files.items():
        write_file(tmp_path, relative, text)
    write_file(tmp_path, "prd.md", "# Plan\n\nWe find synergy.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "prd.md"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{tmp_path / '.prdlint.toml'}: " in result.output
    assert expected in result.output


def test_worker_processes_run_the_projects_rules_as_one_process_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_file(tmp_path, ".prdlint.toml", 'rule-paths = ["style"]\nselect = ["TEAM"]\n')
    write_file(tmp_path, "style/banned.toml", BANNED)
    for index in range(5):
        write_file(tmp_path, f"prd{index}.md", f"# Plan {index}\n\nWe find synergy.\n")
    monkeypatch.chdir(tmp_path)
    one = run("check", "--no-cache", "-j", "1", ".")
    assert one.output.count("TEAM101") == 5
    assert run("check", "--no-cache", "-j", "2", ".").output == one.output


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git work tree, repo/, whose sub-project docs/ has a config and a PRD; beside the work
    tree, elsewhere/ holds a folder of rule files that is not the project's."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write_file(tmp_path, "repo/docs/prd.md", "# Plan\n\nWe find synergy.\n")
    write_file(tmp_path, "elsewhere/style/banned.toml", BANNED)
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path / "repo"


def _configure(repository: Path, rule_paths: str) -> None:
    write_file(repository, "docs/.prdlint.toml", f"rule-paths = [{rule_paths}]\nselect = ['TEAM']\n")


def test_a_rule_folder_anywhere_in_the_repository_is_the_projects_own(repository: Path) -> None:
    write_file(repository, "rules/style/banned.toml", BANNED)
    _configure(repository, "'../rules/style'")
    result = run("check", "--no-cache", "--output-format", "json", "docs/prd.md")
    assert found(result) == [(3, "TEAM101")]


@pytest.mark.parametrize(
    "entry",
    ["'../../elsewhere/style'", "'{absolute}'", "'linked'"],
    ids=["dot-dot", "absolute", "symbolic-link"],
)
def test_a_rule_folder_outside_the_project_is_a_config_error_naming_file_and_key(
    repository: Path, entry: str
) -> None:
    outside = repository.parent / "elsewhere" / "style"
    (repository / "docs" / "linked").symlink_to(outside, target_is_directory=True)
    _configure(repository, entry.format(absolute=outside))
    result = CliRunner().invoke(main, ["check", "--no-cache", "docs/prd.md"])
    assert result.exit_code == 2
    assert f"{repository / 'docs' / '.prdlint.toml'}: rule-paths[0]: " in result.output
    assert f"leads outside the project ({outside} is not under {repository})" in result.output
    assert "--rule-path" in result.output
    assert "TEAM101" not in result.output


def test_a_rule_file_linked_from_outside_the_project_is_a_config_error(repository: Path) -> None:
    (repository / "docs" / "style").mkdir()
    outside = repository.parent / "elsewhere" / "style" / "banned.toml"
    (repository / "docs" / "style" / "banned.toml").symlink_to(outside)
    _configure(repository, "'style'")
    result = CliRunner().invoke(main, ["check", "--no-cache", "docs/prd.md"])
    assert result.exit_code == 2
    assert f"rule-paths[0]: 'style' leads outside the project ({outside} is not under" in result.output


def test_a_folder_named_on_the_command_line_may_lie_outside_and_is_loaded_once(repository: Path) -> None:
    outside = repository.parent / "elsewhere" / "style"
    _configure(repository, f"'{outside}'")
    result = run("check", "--no-cache", "--rule-path", str(outside), "--output-format", "json", "docs/prd.md")
    assert found(result) == [(3, "TEAM101")]
    shown = run("config", "--rule-path", str(outside), "docs/prd.md")
    assert "TEAM101 banned-term [warning]" in shown.output


def test_a_folder_named_on_the_command_line_adds_its_rules_where_no_config_applies(repository: Path) -> None:
    outside = repository.parent / "elsewhere" / "style"
    args = ("--no-cache", "--rule-path", str(outside), "--select", "TEAM", "--output-format", "json")
    result = run("check", *args, "docs/prd.md")
    assert found(result) == [(3, "TEAM101")]
    listed = json.loads(run("rules", "--rule-path", str(outside), "--format", "json").output)
    assert "TEAM101" in {row["code"] for row in listed}
