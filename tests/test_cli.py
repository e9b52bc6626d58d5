"""The command line, end to end: formats, exit codes, stdin, bad input, and the other commands."""

from __future__ import annotations

import json
import tomllib
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from prdlint.cli import main

DRAFT = "# Plan\n\nThe launch date is TBD.\n"
GATE = 'severity = { PRD002 = "warning" }\n'
CLEAN = "# Plan\n\nThe launch date is 3 March.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose tiny PRDs are checked by the document pack: the stakeholder pack would
    rightly report that they name no customers or users, which these tests are not about. The
    team gates on placeholders, so a TBD is a warning that sets the exit status."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".prdlint.toml").write_text(f'ignore = ["PRD1"]\n{GATE}', encoding="utf-8")
    return tmp_path


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def test_concise_output_and_exit_status_1(project, write) -> None:
    write("prd.md", DRAFT)
    result = run("check", "prd.md")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "prd.md:3:20: PRD002 [warning] placeholder 'TBD' left in the text"
    assert lines[1] == "Found 1 finding (1 warning) in 1 of 1 file checked."


def test_a_clean_file_exits_0(project, write) -> None:
    write("prd.md", CLEAN)
    result = run("check", "prd.md")
    assert result.exit_code == 0
    assert result.stdout == "No findings: 1 file checked.\n"


def test_fail_on_and_exit_zero(project, write) -> None:
    write("prd.md", DRAFT)
    assert run("check", "--fail-on", "error", "prd.md").exit_code == 0
    assert run("check", "--exit-zero", "prd.md").exit_code == 0
    write(".prdlint.toml", f'fail-on = "error"\n{GATE}')
    assert run("check", "prd.md").exit_code == 0
    assert run("check", "--fail-on", "info", "prd.md").exit_code == 1


def test_full_output_shows_the_line_and_a_caret(project, write) -> None:
    write("prd.md", DRAFT)
    output = run("check", "-o", "full", "prd.md").stdout
    assert "3 | The launch date is TBD.\n  |                    ^^^\n" in output


def test_json_output_follows_the_published_schema(project, write) -> None:
    write("b.md", DRAFT + "\n## Empty\n")
    write("a.md", "<!-- prdlint-disable-next-line PRD002 -->\nNothing here is open.\n")
    result = run("check", "-o", "json", ".")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    schema = json.loads(files("prdlint.report").joinpath("findings.schema.json").read_text("utf-8"))
    jsonschema.validate(document, schema)
    assert [(f["path"], f["line"], f["code"]) for f in document["findings"]] == [
        ("a.md", 1, "PRD001"),
        ("b.md", 3, "PRD002"),
        ("b.md", 5, "PRD003"),
    ]
    assert document["findings"][0]["fix"]["edits"][0]["replacement"] == ""
    assert document["summary"] == {"files": 2, "findings": 3, "error": 0, "warning": 2, "info": 1}


def test_github_output_is_one_workflow_command_per_finding(project, write) -> None:
    write("prd.md", DRAFT)
    assert run("check", "-o", "github", "prd.md").stdout == (
        "::warning file=prd.md,line=3,col=20,endLine=3,endColumn=23,title=PRD002 placeholder-text::"
        "placeholder 'TBD' left in the text: Replace it with the decision, or record it as an open "
        "question with an owner.\n"
    )


def test_unknown_output_format_is_a_usage_error(project, write) -> None:
    write("prd.md", DRAFT)
    result = run("check", "-o", "yaml", "prd.md")
    assert result.exit_code == 2
    assert "unknown format 'yaml'" in result.stderr


def test_stdin_uses_the_config_of_the_named_path(project, write) -> None:
    write(".prdlint.toml", f'ignore = ["PRD1"]\n{GATE}[per-file-ignores]\n"drafts/" = ["PRD002"]\n')
    piped = run("check", "--stdin-filename", "docs/prd.md", "-", stdin=DRAFT.encode())
    assert piped.exit_code == 1
    assert piped.stdout.startswith("docs/prd.md:3:20: PRD002")
    ignored = run("check", "--stdin-filename", "drafts/prd.md", "-", stdin=DRAFT.encode())
    assert ignored.exit_code == 0


def test_statistics_and_quiet(project, write) -> None:
    write("a.md", DRAFT)
    write("b.md", DRAFT + "\nAnd TODO.\n")
    assert run("check", "--statistics", "-q", ".").stdout == "    3  PRD002  placeholder-text  [warning]\n"
    assert "Found" not in run("check", "-q", ".").stdout


def test_colour_only_when_asked_or_on_a_terminal(project, write) -> None:
    write("prd.md", DRAFT)
    assert "\x1b[" in run("check", "--color", "always", "prd.md").stdout
    assert "\x1b[" not in run("check", "prd.md").stdout


def test_directories_are_walked_with_include_exclude_and_gitignore(project, write) -> None:
    write(".git/HEAD", "ref: refs/heads/main\n")
    write(".gitignore", "generated/\n")
    write(".prdlint.toml", 'ignore = ["PRD1"]\nextend-exclude = ["archive/"]\ninclude = ["*.md", "*.prd"]\n')
    for name in (
        "docs/a.md",
        "docs/b.prd",
        "generated/c.md",
        "archive/d.md",
        "node_modules/x/e.md",
        "notes.txt",
    ):
        write(name, DRAFT)
    result = run("check", "-q", "--show-level", "info", ".")
    assert sorted({line.split(":")[0] for line in result.stdout.splitlines()}) == ["docs/a.md", "docs/b.prd"]
    explicit = run("check", "-q", "--show-level", "info", "archive/d.md")
    assert explicit.stdout.startswith("archive/d.md:3:20")


def test_bad_input_is_named_and_the_other_files_are_still_linted(project, write) -> None:
    write(".prdlint.toml", "max-file-size = 200\n")
    write("good.md", DRAFT)
    write("latin1.md", "Caf\xe9 menu\n".encode("latin-1"))
    write("image.md", b"\x89PNG\r\n\x1a\n\x00\x00")
    write("empty.md", "\n\n")
    write("huge.md", "word " * 100)
    write("empty-dir/notes.txt", "not markdown")
    result = run("check", "--show-level", "info", ".", "missing.md", "empty-dir")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert not any(line.startswith("empty.md") for line in lines)  # an empty file is clean
    assert any(line.startswith("good.md:3:20: PRD002") for line in lines)
    assert any(
        line.startswith("huge.md:1:1: PRD000 [error] file is 500 bytes, over the max-file-size")
        for line in lines
    )
    assert any(line.startswith("image.md:1:1: PRD000 [error] file looks binary") for line in lines)
    assert any(
        "latin1.md:1:4: PRD006 [warning] 1 byte is not UTF-8 (0xe9 at 1:4), read as U+FFFD" in line
        for line in lines
    )
    assert "prdlint: error: missing.md: no such file or directory" in result.stderr
    assert "prdlint: error: empty-dir: no Markdown files found (include: *.md, *.markdown)" in result.stderr


CONFIG_ERRORS = [
    ('select = ["PRD002", "PRD9"]\n', [".prdlint.toml: select[1]: 'PRD9' is not a rule code"]),
    (
        '[nlp]\nmodel = "en_core_web_nonexistent"\n',
        [
            "nlp.model: spaCy pipeline 'en_core_web_nonexistent' is not installed",
            "python -m spacy download en_core_web_nonexistent",
        ],
    ),
    (
        '[vocabulary]\ncustomers = ["franchisee"]\n',
        ["vocabulary.customers: unknown entry of the stakeholder vocabulary; did you mean 'customer'? (the"],
    ),
]


@pytest.mark.parametrize(("config", "messages"), CONFIG_ERRORS, ids=["select", "nlp.model", "vocabulary"])
def test_config_errors_exit_2_naming_file_and_key(project, write, config: str, messages: list[str]) -> None:
    write("prd.md", DRAFT)
    write(".prdlint.toml", config)
    result = run("check", "prd.md")
    assert result.exit_code == 2
    assert result.stdout == ""
    for message in messages:
        assert message in result.stderr


def test_bad_selection_on_the_command_line_is_a_usage_error(project, write) -> None:
    write("prd.md", DRAFT)
    result = run("check", "--select", "PRD002,nonsense", "prd.md")
    assert result.exit_code == 2
    assert "command line: --select[1]: 'nonsense' is not a rule code" in result.stderr


def test_selection_options_accept_codes_names_and_prefixes(project, write) -> None:
    write("prd.md", DRAFT + "\n## Empty\n")
    only_empty = run("check", "-q", "--show-level", "info", "--select", "empty-section", "prd.md").stdout
    assert "PRD003" in only_empty and "PRD002" not in only_empty
    assert run("check", "-q", "--ignore", "PRD0,PRD1", "prd.md").stdout == ""


def test_rules_lists_every_rule(project) -> None:
    result = run("rules")
    assert result.exit_code == 0
    assert any(
        line.startswith("PRD004  required-sections") and "opt-in" in line
        for line in result.stdout.splitlines()
    )
    rows = json.loads(run("rules", "--format", "json").stdout)
    assert {"code": "PRD003", "name": "empty-section", "pack": "document"}.items() <= rows[3].items()


def test_explain_prints_the_rule_documentation(project) -> None:
    by_code = run("explain", "PRD002")
    assert by_code.exit_code == 0
    assert by_code.stdout.startswith("PRD002 placeholder-text\npack: document")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in by_code.stdout
    assert run("explain", "placeholder-text").stdout == by_code.stdout
    unknown = run("explain", "PRD9")
    assert unknown.exit_code == 2


def test_config_shows_values_and_where_they_came_from(project, write) -> None:
    write("docs/.prdlint.toml", 'ignore = ["PRD003"]\n')
    write("docs/prd.md", DRAFT)
    output = run("config", "docs/prd.md", "--fail-on", "error").stdout
    assert f'ignore = ["PRD003"]  # {(project / "docs" / ".prdlint.toml").resolve()}' in output
    assert 'fail-on = "error"  # command line' in output
    assert 'include = ["*.md", "*.markdown"]  # default' in output
    assert "# select is not set: the rules on by default run  # default" in output
    assert "#   PRD003" not in output and "#   PRD002 placeholder-text [info]" in output


def test_config_prints_a_config_file_that_config_reads_back_to_the_same_settings(project, write) -> None:
    write(
        "docs/pyproject.toml",
        '[tool.prdlint]\nselect = ["PRD0", "PRD1"]\nseverity = { PRD002 = "error" }\n'
        'per-file-ignores = { "drafts/*" = ["PRD0"] }\n[tool.prdlint.rules.required-sections]\n'
        'sections = ["Goals"]\n[tool.prdlint.vocabulary]\noperational = ["dispatcher"]\n'
        'synonyms = { rider = "passenger" }\n',
    )
    write("docs/prd.md", DRAFT)
    printed = run("config", "docs/prd.md", "--fail-on", "error").stdout
    values = tomllib.loads(printed)
    assert values["select"] == ["PRD0", "PRD1"] and values["fail-on"] == "error"
    assert values["vocabulary"] == {"operational": ["dispatcher"], "synonyms": {"rider": "passenger"}}
    copy = write("docs/copy.toml", printed)
    again = run("config", "docs/prd.md", "--config", str(copy)).stdout
    assert tomllib.loads(again) == values


def test_every_output_is_sorted_by_path_line_column_code(project, write) -> None:
    write("z.md", "TBD and TODO.\n")
    write("a/b.md", "## Empty\n\nFIXME TBD\n\n## Also empty\n")
    result = run("check", "-q", "--show-level", "info", "z.md", "a")
    places = [line.split(": ")[0] for line in result.stdout.splitlines()]
    assert places == ["a/b.md:3:1", "a/b.md:3:7", "a/b.md:5:4", "z.md:1:1", "z.md:1:9"]


def test_stakeholders_text_json_and_mermaid(project, write) -> None:
    write(
        "prd.md",
        "# Delivery\n\n## Customers\n\n- Restaurant owners pay a monthly fee.\n\n"
        "## Stories\n\n- As a driver, I want the route, so that I arrive on time.\n",
    )
    text = run("stakeholders", "prd.md")
    assert text.exit_code == 0
    assert "restaurant owner" in text.stdout and "driver: 9:3 the route -> I arrive on time" in text.stdout
    data = json.loads(run("stakeholders", "prd.md", "--format", "json").stdout)
    assert data["version"] == 1 and data["path"] == "prd.md"
    owner = data["roles"][0]
    assert (owner["name"], owner["class"], owner["declared"]) == ("restaurant owner", "customer", True)
    assert owner["evidence"]["line"] == 5
    assert (owner["kinds"], owner["decides"]) == ([], True)  # an owner who pays decides
    driver = next(role for role in data["roles"] if role["name"] == "driver")
    assert (driver["class"], driver["kinds"]) == ("user", ["primary"])
    assert data["stories"] == [
        {
            "line": 9,
            "column": 3,
            "role": "driver",
            "qualifier": None,
            "means": "the route",
            "ends": "I arrive on time",
            "label": None,
            "form": "inline",
            "malformed": False,
        }
    ]
    mermaid = run("stakeholders", "prd.md", "--format", "mermaid").stdout
    assert mermaid.startswith("flowchart LR\n")
    assert "r0 -- pays --> product" in mermaid and 'product -- "1 story" --> r1' in mermaid


def test_stakeholders_of_an_unreadable_file_is_one_line_and_exit_2(project, write) -> None:
    write("image.md", b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("stakeholders", "image.md")
    assert result.exit_code == 2
    assert result.stderr == (
        "prdlint: error: image.md: file looks binary (it contains NUL bytes), not Markdown text\n"
    )


def test_a_pattern_through_the_stories_is_one_finding_unless_each_story_is_asked_for(project, write) -> None:
    stories = "".join(
        f"- As a ward nurse, I want to {verb} the rota.\n"
        for verb in ("see", "print", "sign", "share", "copy", "save")
    )
    write("prd.md", f"# Rota\n\n## User stories\n\n{stories}")
    shown = ("--show-level", "info", "--select", "PRD202")
    grouped = run("check", *shown, "prd.md").stdout.splitlines()
    assert len(grouped) == 2  # the one finding and the summary
    assert grouped[0].startswith("prd.md:5:")
    assert grouped[0].endswith("and 5 more of 6 stories")
    full = run("check", *shown, "-o", "full", "prd.md").stdout
    assert "The same holds on lines 6, 7, 8, 9, 10" in full
    each = run("check", *shown, "--each-story", "prd.md").stdout.splitlines()
    assert len(each) == 7
    write(".prdlint.toml", 'ignore = ["PRD1"]\neach-story = true\n')
    assert len(run("check", *shown, "prd.md").stdout.splitlines()) == 7


def test_an_absolute_path_or_a_parent_is_linted_from_any_working_directory(
    project, write, monkeypatch
) -> None:
    write("docs/prd.md", DRAFT)
    write("elsewhere/notes.txt", "not markdown\n")
    monkeypatch.chdir(project / "elsewhere")
    absolute = run("check", "--isolated", "--fail-on", "info", "--select", "PRD002", str(project / "docs"))
    assert absolute.exit_code == 1 and "docs/prd.md:3:20: PRD002" in absolute.stdout
    parent = run("check", "--isolated", "--fail-on", "info", "--select", "PRD002", "..")
    assert parent.exit_code == 1 and "../docs/prd.md:3:20: PRD002" in parent.stdout


def test_force_exclude_applies_excludes_and_gitignore_to_files_named_on_the_command_line(
    project, write
) -> None:
    write(".prdlint.toml", f'ignore = ["PRD1"]\n{GATE}exclude = ["drafts/"]\n')
    write(".gitignore", "scratch.md\n")
    (project / ".git").mkdir()
    for name in ("drafts/wip.md", "scratch.md", "docs/prd.md"):
        write(name, DRAFT)
    named = ("drafts/wip.md", "scratch.md", "docs/prd.md")
    assert run("check", "--select", "PRD002", *named).stdout.count("PRD002") == 3
    forced = run("check", "--select", "PRD002", "--force-exclude", *named)
    assert forced.stdout.count("PRD002") == 1 and "docs/prd.md" in forced.stdout
    alone = run("check", "--force-exclude", "drafts/wip.md")
    assert (alone.exit_code, alone.stdout) == (0, "No findings: 0 files checked.\n")
    write(".prdlint.toml", f'ignore = ["PRD1"]\n{GATE}exclude = ["drafts/"]\nforce-exclude = true\n')
    assert run("check", "--select", "PRD002", *named).stdout.count("PRD002") == 1
