"""The document model: prose text, what is not prose, sections, and exact source positions."""

from __future__ import annotations

import pytest

from prdlint.document import BlockKind, Document, markdown_tokens, once_per_section, parse_document
from prdlint.document.markdown_tokens import markdown, tokens
from prdlint.span import Position, Span


def locate(document: Document, needle: str) -> tuple[int, int, int, int]:
    """The 1-based span of the first block text containing `needle`, checked against the source."""
    for block in document.blocks:
        index = block.text.find(needle)
        if index != -1:
            span = block.span(index, index + len(needle))
            return span.start.line, span.start.column, span.end.line, span.end.column
    raise AssertionError(f"{needle!r} is in no block: {[b.text for b in document.blocks]}")


def source_at(source: str, line: int, column: int, length: int) -> str:
    return source.splitlines()[line - 1][column - 1 : column - 1 + length]


POSITION_CASES = [
    ("plain paragraph", "Shipping is free.\n", "free"),
    ("bold", "Costs are **clearly shown** early.\n", "clearly"),
    ("italic then text", "An _italic_ word and TARGET after.\n", "TARGET"),
    ("link text", "See [the TARGET page](https://example.com/x) now.\n", "TARGET"),
    ("after a link", 'See [page](https://example.com "a TARGET title") and TARGET.\n', "and TARGET"),
    ("inline code", "Run `prdlint check` on TARGET.\n", "TARGET"),
    ("escaped characters", "\\- *As a \\*new\\* user, TARGET.*\n", "TARGET"),
    ("entity", "Fish &amp; chips for TARGET.\n", "TARGET"),
    ("heading", "## The TARGET heading ##\n", "TARGET"),
    ("setext heading", "A TARGET title\n==============\n", "TARGET"),
    ("list item", "- first\n- second TARGET\n", "TARGET"),
    ("nested list", "1. outer\n   - inner\n     - deeper TARGET\n", "TARGET"),
    ("continuation line", "- starts here\n  and TARGET continues\n", "TARGET"),
    ("blockquote", "> quoted\n> more TARGET\n", "TARGET"),
    ("lazy blockquote line", "> quoted\nlazy TARGET\n", "TARGET"),
    ("table cell", "| a | b |\n|---|---|\n| one | **two** TARGET |\n", "TARGET"),
    ("table cell with escaped pipe", "| a | b |\n|---|---|\n| x \\| y | TARGET |\n", "TARGET"),
    ("after front matter", "---\ntitle: x\n---\n\nBody TARGET.\n", "TARGET"),
    ("tab indentation", "-\tfirst TARGET\n", "TARGET"),
    ("unicode before", "Café ☕ costs TARGET.\n", "TARGET"),
]


@pytest.mark.parametrize(("name", "source", "needle"), POSITION_CASES, ids=[c[0] for c in POSITION_CASES])
def test_positions_point_at_the_words_in_the_source(name: str, source: str, needle: str) -> None:
    document = parse_document(source)
    line, column, end_line, end_column = locate(document, needle)
    assert end_line == line
    assert source_at(source, line, column, end_column - column) == needle


def test_positions_survive_crlf_line_endings() -> None:
    source = "# Title\r\n\r\nFirst line\r\nsecond TARGET line\r\n"
    document = parse_document(source)
    assert locate(document, "TARGET") == (4, 8, 4, 14)


def test_a_byte_order_mark_does_not_shift_columns() -> None:
    assert locate(parse_document("\ufeffHello TARGET\n"), "TARGET") == (1, 7, 1, 13)


def test_a_span_across_a_soft_line_break_ends_on_the_second_line() -> None:
    document = parse_document("one two\nthree four\n")
    block = document.blocks[0]
    start = block.text.index("two")
    end = block.text.index("three") + len("three")
    span = block.span(start, end)
    assert (span.start.line, span.start.column, span.end.line, span.end.column) == (1, 5, 2, 6)


def test_markup_is_stripped_from_the_plain_text() -> None:
    document = parse_document("**As a** _sales rep_, I want [reports](http://x.y) ~~now~~ \\*today\\*.\n")
    assert document.blocks[0].text == "As a sales rep, I want reports now *today*."


NOT_PROSE = [
    ("fenced code", "```\nTARGET\n```\n"),
    ("fenced code with language", "~~~markdown\n# TARGET\n~~~\n"),
    ("indented code", "Text.\n\n    TARGET = 1\n"),
    ("html comment", "<!-- TARGET -->\n"),
    ("inline html comment", "Text <!-- TARGET --> more.\n"),
    ("front matter", "---\ntitle: TARGET\n---\n\nBody.\n"),
    ("link target", "[docs](https://example.com/TARGET)\n"),
    ("autolink", "<https://example.com/TARGET>\n"),
    ("bare url", "Read https://example.com/TARGET today.\n"),
    ("image", "![TARGET](pic.png)\n"),
    ("html block", "<div>TARGET</div>\n"),
]


@pytest.mark.parametrize(("name", "source"), NOT_PROSE, ids=[c[0] for c in NOT_PROSE])
def test_what_is_not_prose_is_not_in_any_block(name: str, source: str) -> None:
    document = parse_document(source)
    assert all("TARGET" not in block.text for block in document.blocks)


def test_inline_code_is_prose_but_marked_as_code() -> None:
    block = parse_document("Run `TARGET` now.\n").blocks[0]
    start = block.text.index("TARGET")
    assert block.in_code(start, start + 6)
    assert not block.in_code(0, 3)


def test_block_kinds_follow_the_innermost_container() -> None:
    source = "# H\n\nPara.\n\n- item\n\n> quote\n\n| a |\n|---|\n| b |\n\n> - quoted item\n"
    kinds = {block.text: block.kind for block in parse_document(source).blocks}
    assert kinds == {
        "H": BlockKind.HEADING,
        "Para.": BlockKind.PARAGRAPH,
        "item": BlockKind.LIST_ITEM,
        "quote": BlockKind.BLOCKQUOTE,
        "a": BlockKind.TABLE_CELL,
        "b": BlockKind.TABLE_CELL,
        "quoted item": BlockKind.LIST_ITEM,
    }


def test_tables_keep_rows_and_columns_with_empty_cells() -> None:
    document = parse_document("| As a | I want | So that |\n|---|---|---|\n| nurse | to swap |  |\n")
    (table,) = document.tables
    assert [cell.text for cell in table.header] == ["As a", "I want", "So that"]
    assert [cell.text for cell in table.rows[1]] == ["nurse", "to swap", ""]
    assert table.rows[1][1].cell is not None and table.rows[1][1].cell.column == 1
    assert [block.text for block in document.blocks if block.kind is BlockKind.TABLE_CELL] == [
        "As a",
        "I want",
        "So that",
        "nurse",
        "to swap",
    ]


def test_sections_nest_by_heading_level_and_know_their_lines() -> None:
    source = "# Title\n\nIntro.\n\n## A\n\n### A.1\n\nText.\n\n## B\n\nText.\n"
    document = parse_document(source)
    titles = [(s.level, s.title, s.start_line, s.end_line) for s in document.sections]
    assert titles == [(1, "Title", 1, 14), (2, "A", 5, 10), (3, "A.1", 7, 10), (2, "B", 11, 14)]
    title = document.sections[0]
    assert [child.title for child in title.children] == ["A", "B"]
    assert [block.text for block in title.children[0].all_blocks()] == ["A", "A.1", "Text."]


def test_a_heading_inside_a_quote_does_not_start_a_section() -> None:
    document = parse_document("# Top\n\n> ## Quoted heading\n\nText.\n")
    assert [section.title for section in document.sections] == ["Top"]


def test_a_section_with_only_a_comment_or_rule_has_no_content() -> None:
    document = parse_document("## One\n\n<!-- fill in -->\n\n## Two\n\n---\n\n## Three\n\n```\ncode\n```\n")
    assert [(s.title, s.has_content) for s in document.sections] == [
        ("One", False),
        ("Two", False),
        ("Three", True),
    ]


def test_comments_are_collected_with_positions_from_blocks_and_inline_html() -> None:
    source = "<!-- first -->\n\nText <!-- second --> more.\n\n<!--\nthird\n-->\n"
    comments = parse_document(source).comments
    assert [(c.body, c.span.start.line, c.span.start.column) for c in comments] == [
        ("first", 1, 1),
        ("second", 3, 6),
        ("third", 5, 1),
    ]


def test_comments_inside_code_are_not_comments() -> None:
    assert parse_document("```html\n<!-- prdlint-disable -->\n```\n").comments == []


def test_front_matter_is_parsed_into_data() -> None:
    document = parse_document("---\ncustomers: [clinic owners]\nusers:\n  - nurses\n---\n# Doc\n")
    assert document.front_matter == {"customers": ["clinic owners"], "users": ["nurses"]}
    assert document.front_matter_error is None
    assert document.blocks[0].line == 6


def test_invalid_front_matter_reports_the_line_and_where_the_construct_starts() -> None:
    document = parse_document("---\ntitle: x\nowners: [a, b\nstatus: y\n---\n")
    assert document.front_matter is None
    line, message = document.front_matter_error
    assert line == 4
    assert "line 3" in message


@pytest.mark.parametrize("source", ["", "\n\n", "```\nunclosed", "| a |\n", "<div>", "[x]: http://y", "\t\t"])
def test_odd_input_parses_without_error(source: str) -> None:
    parse_document(source)


@pytest.mark.parametrize("batch", [1, 2, 256])
def test_tokens_are_markdown_its_with_the_inlines_parsed_a_batch_at_a_time(
    batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The builder reads markdown-it's tokens with the inline ones parsed a batch at a time (to
    hold less of a large document at once); what it reads is what `MarkdownIt.parse` gives,
    children included, whatever the batch."""
    monkeypatch.setattr(markdown_tokens, "_INLINE_AT_ONCE", batch)
    source = (
        "---\ntitle: Rota\n---\n\n# Rota [home][1]\n\n- see https://example.com and *this*\n\n"
        "| a | b |\n|---|---|\n| `x` | <b>y</b> |\n\n> quoted &amp; \\*escaped\\*\n\n[1]: https://rota.example\n"
    )
    expected = [
        (t.type, t.content, [(c.type, c.content) for c in t.children or []]) for t in markdown().parse(source)
    ]
    read = [(t.type, t.content, [(c.type, c.content) for c in t.children or []]) for t in tokens(source)]
    assert read == expected
    assert any(children for _, _, children in read)


@pytest.mark.parametrize(
    "text",
    [
        "see https://example.com/a and HTTP://EXAMPLE.COM",
        "write to mailto:team@example.com",
        "fonts from //cdn.example.com/f.woff",
        "a bare www.example.com, example.com or team@example.com is no link",
        "an escaped http&#58;//example.com or http\\://example.com",
        "ratio 3:2, time 10:30, and a path a//b",
    ],
)
def test_links_are_made_as_linkify_it_makes_them_with_no_fuzzy_links(text: str) -> None:
    """The parser passes over texts with neither ":" nor "//" before linkify-it's pretest: the
    same tokens as linkify-it with fuzzy links and e-mails off."""
    from linkify_it import LinkifyIt
    from markdown_it import MarkdownIt

    stock = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough", "linkify"])
    stock.linkify = LinkifyIt(options={"fuzzy_link": False, "fuzzy_email": False})
    stock.disable("text_join")
    ours = [(t.type, t.content, t.markup) for token in markdown().parse(text) for t in token.children or []]
    assert ours == [
        (t.type, t.content, t.markup) for token in stock.parse(text) for t in token.children or []
    ]


def test_once_per_section_asks_each_section_once() -> None:
    document = parse_document("# A\n\none\n\ntwo\n\n## B\n\nthree\n")
    asked = []

    def title(section):
        asked.append(section.title)
        return section.title

    title_of = once_per_section(title)
    assert [title_of(block.section) for block in document.blocks] == ["A", "A", "A", "B", "B"]
    assert asked == ["A", "B"]


def test_a_block_with_no_text_points_at_its_own_line_not_the_first() -> None:
    document = parse_document("# Title\n\nText.\n\n##\n\n| Name | Owner |\n|---|---|\n| Search |  |\n")
    untitled = document.blocks[2]
    assert (untitled.kind, untitled.text, untitled.line) == (BlockKind.HEADING, "", 5)
    assert untitled.span() == Span(Position(5, 1), Position(5, 1))
    empty_cell = document.tables[0].rows[1][1]
    assert empty_cell.text == "" and empty_cell.line == 9
