"""A document parsed in pieces (cut where markdown-it reads the same apart as together, each
piece's tokens kept for the next parse) is the document parsed whole: the same blocks, spans,
sections, tables, comments, code blocks and front matter, on every fixture and on fuzzed
documents built to straddle the cuts (fences, HTML comments and raw-text elements across blank
lines and headings, front matter, link reference definitions), and again with a heading above,
where each kept piece's plain text is moved rather than read again. A long document is read a
piece at a time, each piece's tokens let go before the next: it too reads the same."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prdlint.document import builder, parse_document
from prdlint.document.chunks import piece_starts
from prdlint.document.model import Document, Section
from test_fuzz import mutated, structure

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _section(section: Section) -> tuple[Any, ...]:
    return (section.level, section.title, section.start_line, section.end_line, section.has_content)


def described(document: Document) -> dict[str, Any]:
    """Everything the rules and stages read of a document, as plain values."""
    return {
        "blocks": [
            (
                block.kind,
                block.text,
                block.span(),
                block.position,
                _section(block.section),
                block.heading_level,
                block.list_depth,
                block.cell,
                block.code_ranges,
                block.html,
                [block.span(index, index + 1) for index in range(len(block.text))],
            )
            for block in document.blocks
        ],
        "sections": [_section(section) for section in document.root.walk()],
        "tables": [[[cell.text for cell in row] for row in table.rows] for table in document.tables],
        "comments": document.comments,
        "code_blocks": document.code_blocks,
        "front_matter": (document.front_matter, document.front_matter_error, document.front_matter_end_line),
    }


@pytest.fixture(autouse=True)
def _kept_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces kept, as the language server keeps them, for this module's tests only."""
    monkeypatch.setattr(builder._kept, "enabled", True)


def whole(text: str, monkeypatch: pytest.MonkeyPatch) -> Document:
    with monkeypatch.context() as patch:
        patch.setattr(builder._kept, "limit", -1)  # every source is over it: one parse
        patch.setattr(builder, "_PIECES_FROM", len(text) + 1)
        return parse_document(text)


def streamed(text: str, monkeypatch: pytest.MonkeyPatch) -> Document:
    """Read a piece at a time, each piece's tokens let go, as a long document is."""
    with monkeypatch.context() as patch:
        patch.setattr(builder._kept, "enabled", False)
        patch.setattr(builder, "_PIECES_FROM", 0)
        patch.setattr(builder, "_PIECE_SIZE", 0)
        return parse_document(text)


def assert_same_in_pieces(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert described(streamed(text, monkeypatch)) == described(whole(text, monkeypatch))
    assert described(parse_document(text)) == described(whole(text, monkeypatch))
    assert described(parse_document(text)) == described(whole(text, monkeypatch))  # from the kept pieces
    # The kept pieces further down, as after an edit above them: their text read before, moved.
    moved = "# Moved\n\nA line above the pieces.\n\n" + text
    assert described(parse_document(moved)) == described(whole(moved, monkeypatch))


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.md")), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_fixture_reads_the_same_in_pieces(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same_in_pieces(path.read_text(encoding="utf-8"), monkeypatch)


LINES = [
    "",
    "",
    "# Heading",
    "## Goals",
    "#not a heading",
    "Some text with a TBD.",
    "- item",
    "  - nested",
    "  ```",
    "    indented code",
    "> quote",
    "```",
    "````text",
    "~~~",
    "   ```",
    "<!--",
    "-->",
    "<!-- one line -->",
    "<!-->an empty comment",
    "- ```",
    "<pre>",
    "</pre>",
    "<script>",
    "</script>",
    "<?php",
    "?>",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html",
    ">",
    "<div>",
    "---",
    "------",
    "---x",
    "...",
    "title: x",
    "[ref]: https://example.com",
    "See [ref].",
    "| a | b |",
    "|---|---|",
    "As a buyer, I want to pay so that I own it.",
]


@st.composite
def straddling(draw: st.DrawFn) -> str:
    """Lines that open and close what may run across a cut, in any order."""
    return "\n".join(draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=40)))


@given(st.one_of(structure(), mutated()))
def test_a_fuzzed_document_reads_the_same_in_pieces(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same_in_pieces(text, monkeypatch)


@settings(max_examples=400)  # small documents, and the ones the cuts are most likely wrong on
@given(straddling())
def test_a_document_straddling_the_cuts_reads_the_same_in_pieces(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same_in_pieces(text, monkeypatch)


def test_cuts_are_proposed_at_headings_after_blank_lines_outside_fences_comments_and_front_matter() -> None:
    text = [
        "---",  # 0
        "",
        "# a YAML comment",  # 2: front matter
        "---",
        "",
        "# Goals",  # 5: cut
        "```",
        "",
        "# inside a fence",  # 8
        "```",
        "",
        "# Users",  # 11: cut
        "<!-- a template note",
        "",
        "# inside a comment",  # 14
        "-->",
        "",
        "## Stories",  # 17: cut
        "text",
        "# no blank line before",  # 19
    ]
    assert piece_starts(text) == [0, 5, 11, 17]
    assert piece_starts([*text, "[ref]: https://example.com"]) == [0]


@pytest.mark.parametrize(
    "lines",
    [
        # A fence's marks inside HTML that a blank line ends are HTML: the next marks open one.
        ["<div>", "```", "</div>", "", "```", "text", "", "# inside a fence", "```", "", "# Out"],
        ["- item", "  ```", "  code", "", "# Next", "```", "", "# inside a fence", "```", "", "# Out"],
        ["<pre>", "", "# inside pre", "</pre>", "", "# Out"],
        ["<!-->", "```", "", "# inside a fence", "```", "", "# Out"],
        ["------", "a: 1", "---", "", "# inside front matter", "------", "", "# Out"],
    ],
)
def test_a_cut_that_falls_inside_a_block_is_not_made(
    lines: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n".join(lines) + "\n"
    assert_same_in_pieces(text, monkeypatch)
    headings = [block.text for block in parse_document(text).blocks if block.kind.name == "HEADING"]
    assert not {"inside a fence", "inside pre", "inside front matter"} & set(headings)


@pytest.mark.parametrize(
    "lines",
    [
        ["# Goals", "", "See [the plan].", "", "# Notes", "", "[the plan]: https://example.com/plan"],
        ["# Goals", "", "[a]:", "/url", "", "# Later", "", "[a]"],
        ["# Goals", "", "- [a]: /url", "", "# Later", "", "[a]"],
    ],
)
def test_a_long_document_that_defines_a_link_reference_is_read_whole(
    lines: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its pieces were parsed apart, each with its own references: a use above the definition would
    # not be a link.
    text = "\n".join(lines) + "\n"
    assert described(streamed(text, monkeypatch)) == described(whole(text, monkeypatch))
    monkeypatch.setattr(builder, "_PIECE_SIZE", 0)
    assert not builder._read_in_pieces(builder._Builder(text))


def test_a_long_document_is_read_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "".join(f"# Part {index}\n\nSome [text](https://example.com) {index}.\n\n" for index in range(5))
    monkeypatch.setattr(builder, "_PIECE_SIZE", 0)
    assert builder._read_in_pieces(builder._Builder(text))
    assert described(streamed(text, monkeypatch)) == described(whole(text, monkeypatch))


def test_kept_pieces_stay_within_their_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = builder._KeptPieces(limit=1_000)
    kept.enabled = True
    monkeypatch.setattr(builder, "_kept", kept)
    for index in range(50):
        parse_document(f"# Part {index}\n\n" + "word " * 40 + f"\n\n# Next {index}\n\nmore text\n")
    assert kept.size == sum(len(piece) for piece in kept.entries) <= 1_000


def test_a_long_documents_pieces_are_each_at_least_the_piece_size() -> None:
    text = "".join(f"# Part {index}\n\n" + "word " * 30 + "\n\n" for index in range(40))
    lines = text.split("\n")
    starts = builder._every(piece_starts(lines), builder.LineIndex(text), 1_000)
    offsets = [builder.LineIndex(text).line_start(start + 1) for start in starts]
    assert starts[0] == 0 and len(starts) > 3
    assert all(later - earlier >= 1_000 for earlier, later in pairwise(offsets))
    assert all(later - earlier < 1_200 for earlier, later in pairwise(offsets))
