"""Markdown source -> Document, through markdown-it-py's token stream."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from prdlint.document.chunks import cuts, piece_starts
from prdlint.document.frontmatter import parse_front_matter
from prdlint.document.inline import InlineText, flatten_inline
from prdlint.document.model import (
    Block,
    BlockKind,
    CodeBlock,
    Comment,
    Document,
    Section,
    Table,
    TableCellRef,
)
from prdlint.span import LineIndex

if TYPE_CHECKING:
    from markdown_it.token import Token

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
# Block tokens that give a section content of its own when they sit at the top level.
_CONTENT_TOKENS = frozenset(
    {
        "paragraph_open",
        "bullet_list_open",
        "ordered_list_open",
        "blockquote_open",
        "table_open",
        "fence",
        "code_block",
    }
)
_CONTAINERS = {"list_item_open": BlockKind.LIST_ITEM, "blockquote_open": BlockKind.BLOCKQUOTE}
_CONTAINER_CLOSERS = frozenset({"list_item_close", "blockquote_close"})


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF, a byte-order mark goes, and a lone surrogate (which an editor may
    hand over mid-keystroke, and no encoder accepts) becomes U+FFFD.

    Lines and columns stay those of the original file, because only line endings change and a
    surrogate is replaced by one character.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _LONE_SURROGATE.sub("\ufffd", text)


def _column_of(source_line: str, content_line: str) -> int:
    """Where a line of inline content starts in its source line.

    Inline content is the source line minus its container prefix, so it is a suffix of the line
    (less trailing blanks on the block's last line, or a heading's closing `#`s).
    """
    if content_line and source_line.endswith(content_line):
        return len(source_line) - len(content_line)
    trimmed_source, trimmed_content = source_line.rstrip(), content_line.rstrip()
    if trimmed_content and trimmed_source.endswith(trimmed_content):
        return len(trimmed_source) - len(trimmed_content)
    return max(source_line.find(content_line.strip()), 0)


class _Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = LineIndex(source)
        self.root = Section(level=0, heading=None, parent=None, start_line=1)
        self.sections = [self.root]
        self.containers: list[BlockKind] = []
        self.list_depth = 0
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.comments: list[Comment] = []
        self.code_blocks: list[CodeBlock] = []
        self.heading_level: int | None = None
        self.heading_underlined = False
        self.heading_nested = False
        self.cell_cursor = 0
        self.row = -1
        self.column = -1
        self.front_matter: tuple[dict | None, tuple[int, str] | None] = (None, None)
        self.front_matter_end_line = 0
        self.line_offset = 0
        """The line a piece of the source starts at: its tokens count their lines from it."""
        self.piece_start = 0
        """The offset of the first character of that piece."""
        self.kept_inline: dict[int, InlineText] | None = None
        """The plain text of the piece's inline tokens as read before, by token, with offsets
        from the piece's start: a kept piece's tokens are the same objects on every parse."""

    @property
    def section(self) -> Section:
        return self.sections[-1]

    def _source_line(self, line_index: int) -> tuple[int, str]:
        start = self.lines.line_start(line_index + 1)
        end = self.source.find("\n", start)
        return start, self.source[start:] if end == -1 else self.source[start:end]

    def _map(self, token: Token) -> tuple[int, int] | None:
        """The token's first line and the line after its last, in the whole source."""
        if not token.map:
            return None
        return token.map[0] + self.line_offset, token.map[1] + self.line_offset

    def _line_origins(self, token: Token) -> list[int]:
        lines = self._map(token)
        first_line = lines[0] if lines else 0
        # A paragraph's leading lines of characters Python counts as space and Markdown does not
        # ("\xa0", after any "> " or list marker) are stripped from its content: its first
        # content line is then a later source line.
        extra = (lines[1] - lines[0] if lines else 1) - token.content.count("\n") - 1
        while extra > 0 and not self._source_line(first_line)[1].lstrip(" \t>-*+").strip():
            first_line += 1
            extra -= 1
        origins = []
        for index, content_line in enumerate(token.content.split("\n")):
            start, text = self._source_line(min(first_line + index, self.lines.line_count - 1))
            origins.append(start + _column_of(text, content_line))
        return origins

    def _cell_origins(self, token: Token) -> list[int]:
        """A cell's content sits on its row's line, after the cells before it."""
        found = self.source.find(token.content, self.cell_cursor) if token.content else -1
        origin = self.cell_cursor if found == -1 else found
        self.cell_cursor = origin + len(token.content)
        return [origin]

    def _add_comment(self, text: str, start: int) -> None:
        body = text[4:-3].strip()
        end = start + len(text)
        self.comments.append(Comment(body, start, end, self.lines.span(start, end)))

    def _new_block(self, inline: InlineText, kind: BlockKind) -> Block:
        return Block(
            kind=kind,
            text=inline.text,
            section=self.section,
            offsets=inline.offsets,
            shift=inline.shift,
            lines=self.lines,
            code_ranges=inline.code_ranges,
            html=inline.html,
            heading_level=self.heading_level,
            list_depth=self.list_depth,
            cell=TableCellRef(len(self.tables) - 1, self.row, self.column) if self.column >= 0 else None,
        )

    def _register(self, block: Block) -> None:
        block.index = len(self.blocks)
        self.blocks.append(block)
        block.section.blocks.append(block)

    def _open_section(self, level: int, line: int, underlined: bool) -> None:
        while self.section.level >= level:
            self.sections.pop()
        section = Section(
            level=level, heading=None, parent=self.section, start_line=line, underlined=underlined
        )
        self.section.children.append(section)
        self.sections.append(section)

    def _flattened(self, token: Token) -> InlineText:
        """The token's plain text, read once for each kept piece and moved with the piece."""
        kept = self.kept_inline
        if kept is not None and (relative := kept.get(id(token))) is not None:
            return relative.shifted(self.piece_start)
        inline = flatten_inline(token, self._line_origins(token))
        if kept is not None:
            kept[id(token)] = inline.shifted(-self.piece_start)
        return inline

    def _inline(self, token: Token) -> None:
        in_cell = self.column >= 0  # a cell's origin follows the cells read before it: not kept
        inline = flatten_inline(token, self._cell_origins(token)) if in_cell else self._flattened(token)
        for html in inline.html:
            if html.text.startswith("<!--") and html.text.endswith("-->"):
                self._add_comment(html.text, html.start)
        if self.heading_level is not None:
            # Only top-level headings divide the document; one inside a list or quote is prose.
            if not self.heading_nested:
                lines = self._map(token)
                line = (lines[0] if lines else 0) + 1
                self._open_section(self.heading_level, line, self.heading_underlined)
            block = self._new_block(inline, BlockKind.HEADING)
            if not self.heading_nested:
                self.section.heading = block
            self._register(block)
            return
        kind = (
            BlockKind.TABLE_CELL
            if in_cell
            else (self.containers[-1] if self.containers else BlockKind.PARAGRAPH)
        )
        block = self._new_block(inline, kind)
        if in_cell:
            self.tables[-1].rows[-1].append(block)
        if block.text.strip():
            self._register(block)

    def _html_block(self, token: Token) -> None:
        first_line, end_line = self._map(token) or (0, 0)
        start = self.lines.line_start(first_line + 1)
        end = self.lines.line_start(end_line + 1) if end_line < self.lines.line_count else len(self.source)
        chunk = self.source[start:end]
        for match in _COMMENT.finditer(chunk):
            self._add_comment(match.group(0), start + match.start())
        if token.level == 0 and _COMMENT.sub("", chunk).strip():
            self.section.has_content = True

    def feed(self, token: Token) -> None:
        kind = token.type
        if kind in _CONTENT_TOKENS and token.level == 0:
            self.section.has_content = True
        handler = _HANDLERS.get(kind)
        if handler is not None:
            handler(self, token)

    def _heading_open(self, token: Token) -> None:
        self.heading_level = int(token.tag[1:])
        self.heading_nested = token.level > 0
        self.heading_underlined = token.markup in ("=", "-")

    def _heading_close(self, token: Token) -> None:
        self.heading_level = None

    def _container_open(self, token: Token) -> None:
        self.containers.append(_CONTAINERS[token.type])

    def _container_close(self, token: Token) -> None:
        self.containers.pop()

    def _list_open(self, token: Token) -> None:
        self.list_depth += 1

    def _list_close(self, token: Token) -> None:
        self.list_depth -= 1

    def _table_open(self, token: Token) -> None:
        self.tables.append(Table(rows=[]))
        self.row = -1

    def _row_open(self, token: Token) -> None:
        self.row += 1
        self.tables[-1].rows.append([])
        lines = self._map(token)
        self.cell_cursor = self.lines.line_start(lines[0] + 1) if lines else self.cell_cursor
        self.column = -1

    def _cell_open(self, token: Token) -> None:
        self.column = len(self.tables[-1].rows[-1])

    def _cell_close(self, token: Token) -> None:
        self.column = -1

    def _fence(self, token: Token) -> None:
        if token.map:
            self.code_blocks.append(
                CodeBlock(token.info.strip(), token.content, token.map[0] + self.line_offset + 2)
            )

    def _front_matter(self, token: Token) -> None:
        self.front_matter = parse_front_matter(token.content, first_line=2)
        self.front_matter_end_line = token.map[1] if token.map else 0

    def finish(self) -> Document:
        self._close_sections()
        data, error = self.front_matter
        return Document(
            source=self.source,
            lines=self.lines,
            root=self.root,
            blocks=self.blocks,
            tables=self.tables,
            comments=self.comments,
            code_blocks=self.code_blocks,
            front_matter=data,
            front_matter_error=error,
            front_matter_end_line=self.front_matter_end_line,
        )

    def _close_sections(self) -> None:
        """A section ends where the next section of the same or a higher level starts."""
        ordered = self.root.walk()
        last_line = self.lines.line_count
        self.root.end_line = last_line
        for index, section in enumerate(ordered[1:], start=1):
            following = (s for s in ordered[index + 1 :] if s.level <= section.level)
            successor = next(following, None)
            section.end_line = successor.start_line - 1 if successor else last_line


# What the builder does on each kind of token; it passes over the others.
_HANDLERS: dict[str, Callable[[_Builder, Token], None]] = {
    "inline": _Builder._inline,
    "heading_open": _Builder._heading_open,
    "heading_close": _Builder._heading_close,
    **dict.fromkeys(_CONTAINERS, _Builder._container_open),
    **dict.fromkeys(_CONTAINER_CLOSERS, _Builder._container_close),
    "bullet_list_open": _Builder._list_open,
    "ordered_list_open": _Builder._list_open,
    "bullet_list_close": _Builder._list_close,
    "ordered_list_close": _Builder._list_close,
    "table_open": _Builder._table_open,
    "tr_open": _Builder._row_open,
    "th_open": _Builder._cell_open,
    "td_open": _Builder._cell_open,
    "th_close": _Builder._cell_close,
    "td_close": _Builder._cell_close,
    "html_block": _Builder._html_block,
    "fence": _Builder._fence,
    "front_matter": _Builder._front_matter,
}


_OPEN_TO_END = frozenset({"fence", "html_block", "code_block"})


class _Piece(NamedTuple):
    """A kept piece: its tokens, and the plain text of its inline tokens as the builder read
    them (by token, offsets from the piece's start), which go when the piece goes."""

    tokens: list[Token]
    inline: dict[int, InlineText]


class _KeptPieces:
    """The tokens of the pieces of documents parsed lately, inline children and all, by the
    piece's text: the most recently used, up to `limit` characters of pieces in all (their
    tokens take some 60 bytes for each). Only documents up to `limit` characters are parsed in
    pieces; none are until `enabled`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.enabled = False
        self.entries: OrderedDict[str, _Piece] = OrderedDict()
        self.size = 0

    def takes(self, source: str) -> bool:
        return self.enabled and len(source) <= self.limit

    def tokens(self, piece: str) -> _Piece:
        """The piece's tokens, from the kept ones where it was parsed before, and what the
        builder read of them before. The builder changes no token."""
        kept = self.entries.get(piece)
        if kept is not None:
            self.entries.move_to_end(piece)
            return kept
        from prdlint.document import markdown_tokens

        kept = _Piece(markdown_tokens.markdown().parse(piece), {})
        self.entries[piece] = kept
        self.size += len(piece)
        while self.size > self.limit:
            oldest, _ = self.entries.popitem(last=False)
            self.size -= len(oldest)
        return kept

    def clear(self) -> None:
        self.entries.clear()
        self.size = 0


_kept = _KeptPieces(limit=400_000)


def keep_parsed_pieces() -> None:
    """From now on, documents are parsed in pieces and each piece's tokens kept for the next
    parse: an editor re-linting after one change parses again only the piece the change is in.
    For a process that parses the same documents again and again (the language server); a run
    over many files, each parsed once, would only pay for keeping them (about an eighth more)."""
    _kept.enabled = True


def forget_parsed_pieces() -> None:
    """Lets go of every kept piece: for measuring parses as if each document were new."""
    _kept.clear()


# Sources this long or longer are read a piece at a time, where they can be cut: markdown-it's
# tokens of a whole 5 MB document take some 150 MB at once.
_PIECES_FROM = 200_000
# How long each such piece is at least.
_PIECE_SIZE = 50_000


def parse_document(text: str) -> Document:
    """Parses Markdown text into a Document. Never raises on any text input."""
    from prdlint.document import markdown_tokens  # the parser is imported when first used

    builder = _Builder(normalize_newlines(text))
    source = builder.source
    if not _kept.takes(source):
        if len(source) >= _PIECES_FROM:
            if _read_in_pieces(builder):
                return builder.finish()
            builder = _Builder(source)
        for token in markdown_tokens.tokens(source):
            builder.feed(token)
        return builder.finish()
    lines = source.split("\n")
    for first, piece in _pieces(lines, piece_starts(lines), _kept.tokens, lambda piece: piece.tokens):
        builder.line_offset = first
        builder.piece_start = builder.lines.line_start(first + 1)
        builder.kept_inline = piece.inline
        for token in piece.tokens:
            builder.feed(token)
    return builder.finish()


def _read_in_pieces(builder: _Builder) -> bool:
    """Feeds the builder the source's tokens a piece at a time, each piece's let go before the
    next is parsed: memory follows the largest piece, not the document. False, with the builder
    part-fed, where a piece defines a link reference, which applies to the whole document (the
    source is then read whole): the cuts are made without looking for them."""
    from prdlint.document import markdown_tokens

    lines = builder.source.split("\n")
    starts = _every(cuts(lines), builder.lines, _PIECE_SIZE)
    if len(starts) == 1:
        return False
    for first, (tokens, state) in _pieces(
        lines, starts, markdown_tokens.block_parsed, lambda parsed: parsed[0]
    ):
        if state.env.get("references"):
            return False
        builder.line_offset = first
        for token in markdown_tokens.inline_parsed(tokens, state):
            builder.feed(token)
    return True


def _every(starts: list[int], lines: LineIndex, size: int) -> list[int]:
    """The starts `size` characters or more after the one kept before: each parse has a cost of
    its own, and a heading every few lines would make thousands of pieces."""
    kept = [starts[0]]
    for start in starts[1:]:
        if lines.line_start(start + 1) - lines.line_start(kept[-1] + 1) >= size:
            kept.append(start)
    return kept


_Parsed = TypeVar("_Parsed")


def _pieces(
    lines: list[str],
    starts: list[int],
    parse: Callable[[str], _Parsed],
    tokens_of: Callable[[_Parsed], list[Token]],
) -> Iterator[tuple[int, _Parsed]]:
    """Each piece's first line and what `parse` makes of its text, one piece at a time. A piece
    whose last top-level block runs to its end (a fence or HTML block the cut fell inside) would
    be read otherwise with what follows, so the rest of the document is read as one piece from
    there."""
    for first, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        piece = parse("\n".join(lines[first:end]) + ("\n" if end < len(lines) else ""))
        if end < len(lines) and _runs_to_end(tokens_of(piece), end - first):
            yield first, parse("\n".join(lines[first:]))
            return
        yield first, piece


def _runs_to_end(tokens: list[Token], line_count: int) -> bool:
    """Whether the piece's last top-level block takes its last line, the blank one before the
    cut, as only a fence or HTML block left open does."""
    last = next((token for token in reversed(tokens) if token.level == 0 and token.map), None)
    return last is not None and last.type in _OPEN_TO_END and last.map[1] >= line_count
