"""`prdlint server`: a Language Server over stdio, for the editor.

Diagnostics are published when a document opens, a moment after it stops changing, and when it
is saved; `lintOnSaveOnly` (an initialization option, or the `prdlint` section of the client's
settings) keeps it to saves. One server serves a workspace: it keeps one lint session (the config
resolver, the registries) across edits, resolves each document's settings the way the command
line does (nearest config file, excludes, per-file ignores), and makes a new session when a config
file or rule file it read changes, so an edited config applies at once. The installed registry
and the language pipeline are loaded once and stay warm, and the parsed pieces of each document
are kept, so that an edit is parsed again only in the piece it is in. Code actions apply a finding's
fix or insert a `prdlint-disable-next-line` comment; hovering a finding shows its rule's
documentation. Positions are converted to the UTF-16 code units LSP counts by default.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from prdlint import __version__
from prdlint.config import ConfigError, ConfigResolver
from prdlint.document.builder import keep_parsed_pieces
from prdlint.files import excluded
from prdlint.registry import Registry, load_registry
from prdlint.rule import Finding, Severity
from prdlint.session import LintSession, Source
from prdlint.source import display_path
from prdlint.span import Position, Span

SOURCE = "prdlint"
# Seconds a document must stay unchanged before it is linted again while being typed.
DEBOUNCE = 0.3
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Hint,
}


def _utf16(line: str, column: int) -> int:
    """The UTF-16 offset of 1-based character `column` in `line`."""
    return len(line[: column - 1].encode("utf-16-le")) // 2


def _position(lines: list[str], position: Position) -> types.Position:
    line = lines[position.line - 1] if position.line - 1 < len(lines) else ""
    return types.Position(line=position.line - 1, character=_utf16(line, position.column))


def _range(lines: list[str], span: Span) -> types.Range:
    return types.Range(start=_position(lines, span.start), end=_position(lines, span.end))


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, letting go of each notification once it is handled.

    pygls keeps the future of every notification its built-in generator handlers take (didOpen
    and didSave among them) under a made-up message id and never removes it: about 1.4 KB for
    each, 55 MB over 20,000 saved edits of an editing session. Requests are removed when
    answered."""

    def _check_handler_result(self, future: Future[Any]) -> None:
        super()._check_handler_result(future)
        for message_id in [key for key, kept in self._request_futures.items() if kept is future]:
            del self._request_futures[message_id]


class PrdlintServer(LanguageServer):
    """The server's state: the workspace's lint session, the last findings of each document,
    pending lints."""

    def __init__(self) -> None:
        super().__init__(SOURCE, __version__, protocol_cls=_Protocol)
        self.registry: Registry = load_registry()
        self.root: Path | None = None
        self.session: LintSession | None = None
        self.findings: dict[str, list[Finding]] = {}
        self.rules: dict[str, Registry] = {}
        """The registry each document was linted with: the installed rules and its project's."""
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.on_save_only = False

    def current_session(self, path: Path) -> LintSession:
        """The workspace's session, new when a config or rule file it read has changed. Without a
        workspace root, the first document's folder stands for it (as the working directory)."""
        if self.session is None or self.session.resolver.changed():
            self.session = LintSession(ConfigResolver(self.registry, cwd=self.root or path.parent))
        return self.session

    def lint(self, uri: str) -> None:
        """Lints the document as the editor holds it, and publishes its diagnostics."""
        document = self.workspace.get_text_document(uri)
        path = Path(to_fs_path(uri) or uri)
        try:
            session = self.current_session(path)
            if excluded(path, session.resolver):
                findings: list[Finding] = []
            else:
                settings = session.resolver.for_path(path)
                self.rules[uri] = session.registry_for(settings)
                result = session.lint(
                    Source(path, display_path(path), settings, document.source, on_disk=False)
                )
                findings = result.findings
        except ConfigError as problem:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"prdlint: {problem}"))
            findings = []
        self.findings[uri] = findings
        lines = document.source.splitlines()
        diagnostics = [self._diagnostic(finding, lines) for finding in findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version)
        )

    def _diagnostic(self, finding: Finding, lines: list[str]) -> types.Diagnostic:
        return types.Diagnostic(
            range=_range(lines, finding.span),
            message=finding.message,
            severity=_SEVERITIES[finding.severity],
            code=finding.code,
            source=SOURCE,
            data={"name": finding.name},
        )

    def schedule(self, uri: str) -> None:
        """Lints the document once it has stopped changing for `DEBOUNCE` seconds."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()

        async def later() -> None:
            await asyncio.sleep(DEBOUNCE)
            self.pending.pop(uri, None)
            self.lint(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(later())

    def configure(self, options: Any) -> None:
        section = options.get("prdlint", options) if isinstance(options, dict) else {}
        if isinstance(section, dict) and "lintOnSaveOnly" in section:
            self.on_save_only = bool(section["lintOnSaveOnly"])


server = PrdlintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: PrdlintServer, params: types.InitializeParams) -> None:
    ls.configure(params.initialization_options or {})
    root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
    if root:
        ls.root = Path(to_fs_path(root) or root)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: PrdlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: PrdlintServer, params: types.DidChangeTextDocumentParams) -> None:
    if not ls.on_save_only:
        ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: PrdlintServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: PrdlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.findings.pop(uri, None)
    ls.rules.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: PrdlintServer, params: types.DidChangeConfigurationParams) -> None:
    ls.configure(params.settings or {})


def _touches(span: Span, lines: list[str], wanted: types.Range) -> bool:
    found = _range(lines, span)
    before = (found.end.line, found.end.character) < (wanted.start.line, wanted.start.character)
    after = (found.start.line, found.start.character) > (wanted.end.line, wanted.end.character)
    return not (before or after)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: PrdlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    lines = ls.workspace.get_text_document(uri).source.splitlines()
    actions = []
    for finding in ls.findings.get(uri, []):
        if not _touches(finding.span, lines, params.range):
            continue
        diagnostic = ls._diagnostic(finding, lines)
        if finding.fix is not None:
            edits = [
                types.TextEdit(range=_range(lines, e.span), new_text=e.replacement) for e in finding.fix.edits
            ]
            actions.append(
                types.CodeAction(
                    title=f"{finding.code}: {finding.fix.description}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=types.WorkspaceEdit(changes={uri: edits}),
                    is_preferred=finding.fix.safe,
                )
            )
        line = finding.span.start.line
        indent = len(lines[line - 1]) - len(lines[line - 1].lstrip()) if line - 1 < len(lines) else 0
        comment = f"{' ' * indent}<!-- prdlint-disable-next-line {finding.code} -->\n"
        start = types.Position(line=line - 1, character=0)
        actions.append(
            types.CodeAction(
                title=f"Disable {finding.code} ({finding.name}) for this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(
                    changes={
                        uri: [types.TextEdit(range=types.Range(start=start, end=start), new_text=comment)]
                    }
                ),
            )
        )
    return actions


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: PrdlintServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    lines = ls.workspace.get_text_document(uri).source.splitlines()
    point = types.Range(start=params.position, end=params.position)
    known = ls.rules.get(uri, ls.registry).rules
    for finding in ls.findings.get(uri, []):
        if _touches(finding.span, lines, point) and finding.code in known:
            rule = known[finding.code]
            advice = f"{finding.advice}\n\n" if finding.advice else ""
            heading = f"**{finding.code} {rule.name}**: {finding.message}"
            text = f"{heading}\n\n{advice}---\n\n{rule.documentation()}"
            return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))
    return None


def serve() -> None:
    """Runs the server on standard input and output until the client ends it, keeping the parsed
    pieces of the documents it lints for their next edit."""
    keep_parsed_pieces()
    server.start_io()
