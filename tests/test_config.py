"""Config discovery and validation: errors name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from prdlint.config import ConfigError, ConfigResolver, load_settings
from prdlint.rule import Severity


def test_nearest_config_wins_and_prdlint_toml_beats_pyproject(write, registry, tmp_path: Path) -> None:
    write("pyproject.toml", '[tool.prdlint]\nignore = ["PRD003"]\n')
    write("docs/.prdlint.toml", 'ignore = ["PRD002"]\n')
    write("docs/pyproject.toml", '[tool.prdlint]\nignore = ["PRD005"]\n')
    resolver = ConfigResolver(registry)
    assert resolver.for_path(write("docs/a.md", "x")).ignore == ("PRD002",)
    assert resolver.for_path(write("top.md", "x")).ignore == ("PRD003",)
    assert resolver.for_path(tmp_path / "docs" / "a.md").root == tmp_path / "docs"


def test_a_pyproject_without_a_prdlint_table_is_passed_over(write, registry, tmp_path: Path) -> None:
    write(".prdlint.toml", 'fail-on = "error"\n')
    write("pkg/pyproject.toml", '[project]\nname = "x"\n')
    settings = ConfigResolver(registry).for_path(write("pkg/prd.md", "x"))
    assert settings.fail_on is Severity.ERROR
    assert settings.path == (tmp_path / ".prdlint.toml").resolve()


def test_no_config_gives_defaults_rooted_at_the_working_directory(write, registry, tmp_path: Path) -> None:
    settings = ConfigResolver(registry, cwd=tmp_path).for_path(write("prd.md", "x"))
    assert settings.path is None
    assert settings.root == tmp_path.resolve()
    assert settings.select is None


def test_forced_config_and_isolated_mode(write, registry) -> None:
    write(".prdlint.toml", 'ignore = ["PRD002"]\n')
    forced = write("other/custom.toml", 'ignore = ["PRD003"]\n')
    path = write("prd.md", "x")
    assert ConfigResolver(registry, config=forced).for_path(path).ignore == ("PRD003",)
    assert ConfigResolver(registry, isolated=True).for_path(path).ignore == ()


def test_command_line_overrides_win_and_are_reported_as_such(write, registry) -> None:
    write(".prdlint.toml", 'select = ["PRD002"]\n')
    settings = ConfigResolver(registry, overrides={"select": ("PRD003",)}).for_path(write("prd.md", "x"))
    assert settings.select == ("PRD003",)
    assert settings.origins["select"] == "command line"


def test_rule_options_are_keyed_by_code_whichever_name_is_used(write, registry) -> None:
    path = write(".prdlint.toml", '[rules.required-sections]\nsections = ["Goals"]\n')
    assert load_settings(path, registry).rules == {"PRD004": {"sections": ["Goals"]}}


BAD_CONFIGS = [
    ('selct = ["PRD002"]\n', "selct", "unknown key"),
    ('select = "PRD002"\n', "select", "expected an array of strings"),
    ('select = ["PRD002", 3]\n', "select[1]", "expected a string"),
    ('select = ["PRD999"]\n', "select[0]", "'PRD999' is not a rule code"),
    ('ignore = ["no-such-rule"]\n', "ignore[0]", "is not a rule code"),
    ('fail-on = "fatal"\n', "fail-on", "expected one of"),
    ("max-file-size = -1\n", "max-file-size", "positive integer"),
    ("max-file-size = true\n", "max-file-size", "positive integer"),
    ('respect-gitignore = "yes"\n', "respect-gitignore", "expected true or false"),
    ('severity = { PRD002 = "loud" }\n', "severity.PRD002", "expected one of"),
    ('per-file-ignores = { "drafts/*" = ["PRD9"] }\n', 'per-file-ignores."drafts/*"[0]', "is not a rule"),
    ("[rules.PRD004]\nsectons = []\n", "rules.PRD004.sectons", "unknown option"),
    ('[rules.PRD004]\nsections = "Goals"\n', "rules.PRD004.sections", "expected an array"),
    ("[rules.PRD0]\n", "rules.PRD0", "one rule"),
    ('[vocabulary]\npricing = ["x"]\n', "vocabulary.pricing", "unknown entry of the stakeholder vocabulary"),
    ("[vocabulary]\nfunding = [1]\n", "vocabulary.funding[0]", "expected a string"),
    ('[vocabulary]\npay-verb = ["settle"]\n', "vocabulary.pay-verb", "did you mean 'pay-verbs'?"),
    ('[vocabulary]\nuse-verbs = "dispatch"\n', "vocabulary.use-verbs", "expected an array"),
    ("[vocabulary.synonyms]\nrider = 1\n", "vocabulary.synonyms.rider", "expected a string"),
    ("vocabulary = 3\n", "vocabulary", "expected a table"),
    ('[vocabulary.words]\nuse-verbs = ["x"]\n', "vocabulary.words", "named directly, `use-verbs = [...]`"),
]


def test_the_vocabulary_key_belongs_to_the_stage_that_reads_it_and_names_its_entries(write, registry) -> None:
    text = '[vocabulary]\nuse-verbs = ["dispatch"]\nrevenue-advertising = ["banner"]\n'
    settings = load_settings(write(".prdlint.toml", text), registry)
    assert settings.stage_settings == {
        "vocabulary": {"use-verbs": ["dispatch"], "revenue-advertising": ["banner"]}
    }


@pytest.mark.parametrize(("text", "key", "problem"), BAD_CONFIGS, ids=[c[1] for c in BAD_CONFIGS])
def test_bad_values_name_the_file_and_the_key(write, registry, text: str, key: str, problem: str) -> None:
    path = write(".prdlint.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_settings(path, registry)
    assert caught.value.key == key
    assert problem in caught.value.problem
    assert str(path.resolve()) in str(caught.value)


def test_keys_in_pyproject_are_shown_with_their_table(write, registry) -> None:
    path = write("pyproject.toml", "[tool.prdlint]\nbogus = 1\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: tool.prdlint.bogus: unknown key"):
        load_settings(path, registry)


def test_invalid_toml_names_the_file(write, registry) -> None:
    path = write(".prdlint.toml", "select = [\n")
    with pytest.raises(ConfigError, match=r"\.prdlint\.toml: invalid TOML"):
        load_settings(path, registry)
