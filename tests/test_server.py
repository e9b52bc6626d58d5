"""`prdlint server` driven by a real LSP client (pytest-lsp) as a subprocess: diagnostics on
open, on change after a pause, and on save; code actions; hover; lint-on-save-only; shutdown."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

# Each test starts the server as a subprocess and talks to it over stdio.
pytestmark = pytest.mark.integration

DRAFT = "# Plan\n\nThe launch 🚀 date is TBD. <!-- prdlint-disable-line PRD003 -->\n"
CONFIG = 'select = ["PRD001", "PRD002", "PRD003"]\nseverity = { PRD002 = "warning" }\n'


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    (root / ".prdlint.toml").write_text(CONFIG, encoding="utf-8")
    return root


def _uri(workspace: Path, name: str) -> str:
    return (workspace / name).as_uri()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "prdlint", "server"]))
async def client(lsp_client: LanguageClient, workspace: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=workspace.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, uri: str, text: str) -> list[types.Diagnostic]:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


async def _code_actions(
    client: LanguageClient, uri: str, where: types.Range, diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=where,
            context=types.CodeActionContext(diagnostics=diagnostics),
        )
    )


async def _hover(client: LanguageClient, uri: str, position: types.Position) -> types.Hover | None:
    return await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
    )


@pytest.mark.asyncio
async def test_diagnostics_on_open_change_and_save(client: LanguageClient, workspace: Path) -> None:
    uri = _uri(workspace, "prd.md")
    diagnostics = await _open(client, uri, DRAFT)
    codes = sorted(str(d.code) for d in diagnostics)
    assert codes == ["PRD001", "PRD002"]
    placeholder = next(d for d in diagnostics if d.code == "PRD002")
    # "The launch 🚀 date is " is 21 characters but 22 UTF-16 code units.
    assert (placeholder.range.start.line, placeholder.range.start.character) == (2, 22)
    assert placeholder.severity == types.DiagnosticSeverity.Warning and placeholder.source == "prdlint"

    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangeWholeDocument(text="# Plan\n\nThe launch is 3 March.\n")
            ],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []

    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_code_actions_fix_or_disable_and_hover_explains(
    client: LanguageClient, workspace: Path
) -> None:
    uri = _uri(workspace, "actions.md")
    diagnostics = await _open(client, uri, DRAFT)
    line = types.Range(start=types.Position(line=2, character=0), end=types.Position(line=2, character=80))
    actions = await _code_actions(client, uri, line, list(diagnostics))
    titles = [action.title for action in actions]
    assert "PRD001: remove the unused suppression comment" in titles
    assert "Disable PRD002 (placeholder-text) for this line" in titles
    fix = next(a for a in actions if a.title.startswith("PRD001:"))
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "" and edit.range.start.line == 2
    disable = next(a for a in actions if a.title.startswith("Disable PRD002"))
    assert disable.edit.changes[uri][0].new_text == "<!-- prdlint-disable-next-line PRD002 -->\n"

    placeholder = next(d for d in diagnostics if d.code == "PRD002")
    hover = await _hover(client, uri, placeholder.range.start)
    assert hover is not None and hover.contents.value.startswith("**PRD002 placeholder-text**")
    assert "## Why is this bad?" in hover.contents.value


@pytest.mark.asyncio
async def test_lint_on_save_only_waits_for_the_save(client: LanguageClient, workspace: Path) -> None:
    uri = _uri(workspace, "saved.md")
    assert len(await _open(client, uri, DRAFT)) == 2
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"prdlint": {"lintOnSaveOnly": True}})
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="# Plan\n\nDone.\n")],
        )
    )
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_a_projects_own_rules_are_reported_fixed_and_explained(
    client: LanguageClient, workspace: Path
) -> None:
    team = workspace / "team"
    (team / "style").mkdir(parents=True)
    (team / ".prdlint.toml").write_text('rule-paths = ["style"]\nselect = ["TEAM"]\n', encoding="utf-8")
    (team / "style" / "name.toml").write_text(
        'code = "TEAM101"\nname = "product-name"\nkind = "substitution"\nscope = "document"\n'
        'message = "write {replacement}"\nswap = { "Acmepay" = "AcmePay" }\n'
        'documentation = "## Why is this bad?\\nOne name, one spelling."\n',
        encoding="utf-8",
    )
    uri = (team / "prd.md").as_uri()
    (diagnostic,) = await _open(client, uri, "# Plan\n\nAcmepay pays out daily.\n")
    assert (diagnostic.code, diagnostic.message) == ("TEAM101", "write AcmePay")
    actions = await _code_actions(client, uri, diagnostic.range, [diagnostic])
    fix = next(action for action in actions if action.title.startswith("TEAM101:"))
    assert fix.edit.changes[uri][0].new_text == "AcmePay"
    hover = await _hover(client, uri, diagnostic.range.start)
    assert hover is not None and hover.contents.value.startswith("**TEAM101 product-name**")
    assert "One name, one spelling." in hover.contents.value


@pytest.mark.asyncio
async def test_an_edited_config_or_rule_file_applies_at_the_next_lint(
    client: LanguageClient, workspace: Path
) -> None:
    project = workspace / "edited"
    (project / "style").mkdir(parents=True)
    config = project / ".prdlint.toml"
    config.write_text('rule-paths = ["style"]\nselect = ["PRD002", "TEAM"]\n', encoding="utf-8")
    rule = project / "style" / "word.toml"
    rule.write_text(
        'code = "TEAM201"\nname = "no-soon"\nkind = "existence"\nscope = "document"\n'
        'message = "say when"\ntokens = ["soon"]\n',
        encoding="utf-8",
    )
    uri = (project / "prd.md").as_uri()
    found = await _open(client, uri, "# Plan\n\nLaunch is TBD, soon.\n")
    assert sorted((str(d.code), d.severity) for d in found) == [
        ("PRD002", types.DiagnosticSeverity.Hint),
        ("TEAM201", types.DiagnosticSeverity.Warning),
    ]
    assert "say when" in [d.message for d in found]

    config.write_text(
        'rule-paths = ["style"]\nselect = ["PRD002", "TEAM"]\nseverity = { PRD002 = "error" }\n',
        encoding="utf-8",
    )
    rule.write_text(rule.read_text(encoding="utf-8").replace("say when", "name the date"), encoding="utf-8")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert sorted((str(d.code), d.severity) for d in client.diagnostics[uri]) == [
        ("PRD002", types.DiagnosticSeverity.Error),
        ("TEAM201", types.DiagnosticSeverity.Warning),
    ]
    assert "name the date" in [d.message for d in client.diagnostics[uri]]
