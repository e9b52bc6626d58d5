"""A configured spaCy pipeline: named by package or by folder, asked what it provides, and the
rules that need tags run on it (PRD310) or are skipped with one notice on the built-in one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write_file
from prdlint.cli import main
from prdlint.language.pipeline import capabilities

PRD = "# Rota\n\n## Requirements\n\n- Swaps must be approved within a day.\n"


def test_a_pipeline_provides_what_its_components_assign(tagged_pipeline: str) -> None:
    assert capabilities(tagged_pipeline) == frozenset({"pos"})
    assert capabilities(None) == frozenset()


def test_config_names_a_saved_pipeline_by_its_folder_relative_to_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tagged_pipeline: str
) -> None:
    shutil.copytree(tagged_pipeline, tmp_path / "project" / "pipelines" / "tagger")
    write_file(
        tmp_path, "project/.prdlint.toml", 'select = ["PRD310"]\n[nlp]\nmodel = "./pipelines/tagger"\n'
    )
    write_file(tmp_path, "project/docs/prd.md", PRD)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--show-level", "info", "project/docs/prd.md"])
    assert "project/docs/prd.md:5:9: PRD310 [info] passive requirement 'must be approved'" in result.output


def test_a_folder_that_is_not_a_pipeline_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_file(tmp_path, ".prdlint.toml", '[nlp]\nmodel = "./pipelines/none"\n')
    write_file(tmp_path, "prd.md", PRD)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--show-level", "info", "prd.md"])
    assert result.exit_code == 2
    assert f"nlp.model: {tmp_path / 'pipelines' / 'none'} is not a saved spaCy pipeline" in result.output


def test_on_the_built_in_pipeline_a_rule_that_needs_tags_is_skipped_with_one_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_file(tmp_path, "prd.md", PRD)
    write_file(tmp_path, "other.md", PRD)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--isolated",
            "--no-cache",
            "--show-level",
            "info",
            "--select",
            "PRD310",
            "prd.md",
            "other.md",
        ],
    )
    assert result.exit_code == 0
    assert result.stderr.count("PRD310 (passive-requirement) skipped: it needs pos") == 1
    assert "No findings" in result.stdout
