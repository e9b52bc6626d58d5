"""`prdlint rules` and `prdlint explain` answer from an index of the installed rules, written the
first time and rebuilt when what the rules come from changes; a project with rules of its own is
listed from its loaded rules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from prdlint import rule_index
from prdlint.cli import main
from prdlint.fingerprint import file_stamps
from prdlint.registry import load_registry


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_index_says_what_the_loaded_rules_say(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    loaded = _cli("rules", "--output-format", "json")  # no index yet: from the packs, then kept
    (index,) = (tmp_path / "prdlint").glob("rules-*.json")
    assert _cli("rules", "--output-format", "json") == loaded
    assert _cli("explain", "placeholder-text") == _cli("explain", "PRD002")
    assert rule_index.read_index(rule_index.installed_key()) == rule_index.rule_rows(load_registry())
    index.write_text("[not json", encoding="utf-8")  # a damaged index is passed by
    assert _cli("rules", "--output-format", "json") == loaded


def test_listing_from_the_index_imports_no_rule_pack(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    probe = "import sys\nfrom prdlint.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
    probe += "print('loaded' if 'prdlint_rules' in sys.modules else 'not loaded', file=sys.stderr)\n"
    first = subprocess.run([sys.executable, "-c", probe, "rules"], env=env, capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", probe, "rules"], env=env, capture_output=True, text=True)
    assert first.stderr.strip().endswith("loaded") and first.stdout == again.stdout
    assert again.stderr.strip().endswith("not loaded")


def test_an_edited_rule_file_makes_a_new_index(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "teampack"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "rule.py").write_text("CODE = 'ACME001'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    roots = rule_index._package_roots("teampack.plugin")
    before = list(file_stamps(roots))
    (package / "rule.py").write_text("CODE = 'ACME002'  # edited\n", encoding="utf-8")
    assert list(file_stamps(roots)) != before


def test_a_project_with_rules_of_its_own_lists_them(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    _cli("rules")  # the installed rules' index is written
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "no_lorem.toml").write_text(
        'code = "TEAM001"\nname = "no-lorem"\nkind = "existence"\nscope = "sentence"\n'
        'summary = "No lorem ipsum."\nmessage = "lorem ipsum"\ntokens = ["lorem"]\n',
        encoding="utf-8",
    )
    (tmp_path / ".prdlint.toml").write_text('rule-paths = ["rules"]\n', encoding="utf-8")
    assert "TEAM001" in _cli("rules")
