"""A process that lints document after document (the language server) keeps bounded memory: a
pipeline whose vocabulary has taken in too many new words is replaced, and what it reads after
is what it read before."""

from __future__ import annotations

from pathlib import Path

import pytest

from prdlint import analysis
from prdlint.engine import lint_text
from prdlint.registry import load_registry
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
