"""The lint session: one way from a path or a text to findings, and a long-lived process's
session made anew when a config file it read changes."""

from __future__ import annotations

from pathlib import Path

from prdlint.config import ConfigResolver
from prdlint.fixing import FixMode
from prdlint.registry import load_registry
from prdlint.session import LintSession


def test_a_file_and_the_same_text_piped_in_get_the_same_findings(tmp_path: Path) -> None:
    path = tmp_path / "prd.md"
    path.write_text("# Plan\n\nThe launch is TBD.\n", encoding="utf-8")
    session = LintSession(ConfigResolver(load_registry(), isolated=True, cwd=tmp_path))
    from_file = session.lint_path(path)
    piped = session.lint_piped(path.read_bytes(), str(path)).files[0]
    assert [(f.code, f.span) for f in from_file.findings] == [(f.code, f.span) for f in piped.findings]
    assert [f.code for f in from_file.findings] == ["PRD002"]


def test_the_fix_flow_writes_a_file_but_never_piped_text(tmp_path: Path) -> None:
    text = "# Plan\n\n<!-- prdlint-disable-next-line PRD002 -->\nThe launch is on 3 March.\n"
    path = tmp_path / "prd.md"
    path.write_text(text, encoding="utf-8")
    session = LintSession(ConfigResolver(load_registry(), isolated=True, cwd=tmp_path), fix=FixMode())
    piped = session.lint_piped(text.encode(), str(path)).files[0]
    assert piped.fixed == 1 and "prdlint-disable" not in (piped.source or "")
    assert path.read_text(encoding="utf-8") == text
    result = session.lint_path(path)
    assert result.fixed == 1 and "prdlint-disable" not in path.read_text(encoding="utf-8")


def test_one_session_serves_the_workspace_until_a_config_file_changes(tmp_path: Path) -> None:
    from prdlint.server import PrdlintServer

    server = PrdlintServer()
    server.root = tmp_path
    document = tmp_path / "docs" / "prd.md"
    first = server.current_session(document)
    first.resolver.for_path(document)
    assert server.current_session(document) is first
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / ".prdlint.toml").write_text('select = ["PRD002"]\n', encoding="utf-8")
    second = server.current_session(document)
    assert second is not first
    assert second.resolver.for_path(document).select == ("PRD002",)
    assert server.current_session(document) is second
