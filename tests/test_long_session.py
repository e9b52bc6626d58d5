"""A process that lints document after document (the language server) keeps bounded memory: a
pipeline whose vocabulary has taken in too many new words is replaced, and what it reads after
is what it read before; the server lets go of every notification it has handled.
`benchmarks/server_session.py` measures the server's memory over 20,000 edits."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path

import pytest

from prdlint import analysis
from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.server import server
from prdlint.settings import Settings

PRD = Path(__file__).resolve().parent.parent / "fixtures" / "sample-prd.md"


def test_a_pipeline_grown_past_its_limit_is_replaced_and_reads_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registry, settings = load_registry(), Settings(root=PRD.parent)
    text = PRD.read_text(encoding="utf-8")
    before = lint_text(text, PRD.name, settings, registry).findings
    environment = analysis._ENVIRONMENTS[None]
    monkeypatch.setattr(analysis, "_STRINGS_KEPT", -1)  # any pipeline that has read has grown past it
    lint_text("# Zyxquor\n\nBlorfin users frobnicate the quaxle.\n", "new.md", settings, registry)
    assert None not in analysis._ENVIRONMENTS  # replaced after that document, loaded by the next
    monkeypatch.setattr(analysis, "_STRINGS_KEPT", 10**9)
    after = lint_text(text, PRD.name, settings, registry).findings
    assert analysis._ENVIRONMENTS[None] is not environment
    assert [(f.code, f.span, f.message) for f in after] == [(f.code, f.span, f.message) for f in before]
    assert before


def test_a_replaced_pipeline_is_let_go(monkeypatch: pytest.MonkeyPatch) -> None:
    registry, settings = load_registry(), Settings(root=PRD.parent)
    # A role the vocabulary lacks, declared and named again: its own matcher is built, and kept.
    declaring = "# Garden\n\n## Users\n\n- **Weeders** pull weeds.\n\nWeeders log each bed they clear.\n"
    lint_text(declaring, "garden.md", settings, registry)
    replaced = weakref.ref(analysis._ENVIRONMENTS[None].nlp)
    monkeypatch.setattr(analysis, "_STRINGS_KEPT", -1)
    lint_text(declaring, "garden.md", settings, registry)
    monkeypatch.setattr(analysis, "_STRINGS_KEPT", 10**9)
    lint_text(declaring, "garden.md", settings, registry)  # read with the new pipeline
    gc.collect()
    assert replaced() is None, "something the process keeps holds the replaced pipeline"


class _Collected:
    """Where the server writes its messages, kept to be read."""

    def __init__(self) -> None:
        self.messages: list[dict] = []

    def write(self, data: bytes) -> None:
        self.messages.append(json.loads(data.split(b"\r\n\r\n", 1)[1]))

    def close(self) -> None:
        pass


def test_the_server_keeps_nothing_of_the_notifications_it_has_handled() -> None:
    protocol, written = server.protocol, _Collected()
    protocol.set_writer(written)

    def send(method: str, params: dict, **request: int) -> None:
        protocol.handle_message(
            protocol.structure_message({"jsonrpc": "2.0", "method": method, "params": params, **request})
        )

    send("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, id=1)
    send("initialized", {})
    uri = (PRD.parent / "edited.md").as_uri()
    opened = {"uri": uri, "languageId": "markdown", "version": 0, "text": "# Plan\n"}
    send("textDocument/didOpen", {"textDocument": opened})
    for version in range(1, 101):
        change = [{"text": f"# Plan {version}\n\nThe launch date is TBD.\n"}]
        send(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": change},
        )
        send("textDocument/didSave", {"textDocument": {"uri": uri}})
    published = [
        m["params"] for m in written.messages if m.get("method") == "textDocument/publishDiagnostics"
    ]
    assert published[-1]["version"] == 100
    assert [d["code"] for d in published[-1]["diagnostics"]] == ["PRD002"]
    assert protocol._request_futures == {}  # pygls alone keeps one for each save and the open
