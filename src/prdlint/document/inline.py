"""Plain text from markdown-it inline tokens, with an exact map back to the source.

markdown-it-py gives line numbers for blocks but no positions inside a line, so the inline
children are walked in order against the block's inline source, which is the source lines with
their container prefixes (list markers, `>`, indentation) removed. Each text run is found at or
after a cursor, so markup skipped between runs is never mistaken for text.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING

from prdlint.document.model import InlineHtml

if TYPE_CHECKING:
    from markdown_it.token import Token

_URL_LINK_MARKUPS = frozenset({"autolink", "linkify"})


@dataclass(slots=True)
class InlineText:
    """An inline token's plain text and where each run of it is in the source. Not changed once
    made, but not frozen: every kept block of a document is moved after an edit above it, and a
    frozen dataclass, which sets each field through `object.__setattr__`, took four times as
    long to make."""

    text: str
    offsets: array[int]
    """Its segments as `Block.offsets` holds them: text start, source start, length, in turn."""
    code_ranges: tuple[tuple[int, int], ...]
    html: tuple[InlineHtml, ...]
    shift: int = 0
    """How far the source has moved from the source starts in `offsets` (`Block.shift`)."""

    def shifted(self, by: int) -> InlineText:
        """The same text where its source has moved `by` characters: a kept piece of a
        document after an edit above it. The offsets are shared, not copied."""
        if by == 0:
            return self
        html = tuple(InlineHtml(h.text, h.start + by, h.end + by) for h in self.html) if self.html else ()
        return InlineText(self.text, self.offsets, self.code_ranges, html, self.shift + by)


class _ContentMap:
    """Maps offsets in an inline token's content to offsets in the file."""

    def __init__(self, content: str, line_origins: list[int]) -> None:
        self._line_starts = [0]
        index = content.find("\n")
        while index != -1:
            self._line_starts.append(index + 1)
            index = content.find("\n", index + 1)
        self._origins = line_origins

    def to_source(self, offset: int) -> int:
        line = 0
        while line + 1 < len(self._line_starts) and self._line_starts[line + 1] <= offset:
            line += 1
        origin = self._origins[min(line, len(self._origins) - 1)]
        return origin + offset - self._line_starts[line]


def _skip_link_tail(content: str, cursor: int) -> int:
    """Moves past `](destination "title")` or `][label]` after a link's text."""
    if cursor >= len(content) or content[cursor] != "]":
        return cursor
    cursor += 1
    if cursor < len(content) and content[cursor] == "[":
        close = content.find("]", cursor)
        return cursor if close == -1 else close + 1
    if cursor >= len(content) or content[cursor] != "(":
        return cursor
    depth, quote, index = 0, "", cursor
    while index < len(content):
        char = content[index]
        if char == "\\":
            index += 2
            continue
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return cursor


def flatten_inline(token: Token, line_origins: list[int]) -> InlineText:
    """Plain text of one inline token, with segments mapping it to file offsets.

    `line_origins[i]` is the file offset where line `i` of the token's content starts.
    """
    content = token.content
    mapping = _ContentMap(content, line_origins)
    parts: list[str] = []
    offsets = array("q")
    code_ranges: list[tuple[int, int]] = []
    html: list[InlineHtml] = []
    length = 0
    cursor = 0
    in_url_link = False

    def locate(needle: str) -> int:
        found = content.find(needle, cursor) if needle else -1
        return cursor if found == -1 else found

    def emit(text: str, at: int) -> None:
        nonlocal length
        parts.append(text)
        offsets.extend((length, mapping.to_source(at), len(text)))
        length += len(text)

    for child in token.children or ():
        kind = child.type
        if kind == "text":
            if not child.content:
                continue
            at = locate(child.content)
            cursor = at + len(child.content)
            if not in_url_link:
                emit(child.content, at)
        elif kind == "text_special":
            at = locate(child.markup)
            cursor = at + len(child.markup)
            emit(child.content, at)
        elif kind == "code_inline":
            at = locate(child.content)
            cursor = at + len(child.content)
            code_ranges.append((length, length + len(child.content)))
            emit(child.content, at)
        elif kind in ("softbreak", "hardbreak"):
            newline = content.find("\n", cursor)
            cursor = cursor if newline == -1 else newline + 1
            parts.append("\n")
            length += 1
        elif kind == "html_inline":
            at = locate(child.content)
            cursor = at + len(child.content)
            html.append(InlineHtml(child.content, mapping.to_source(at), mapping.to_source(cursor)))
        elif kind == "link_open":
            in_url_link = child.markup in _URL_LINK_MARKUPS
        elif kind == "link_close":
            in_url_link = False
            cursor = _skip_link_tail(content, cursor)
        elif kind == "image":
            opening = content.find("![", cursor)
            closing = content.find("]", opening + 2) if opening != -1 else -1
            if closing != -1:
                cursor = _skip_link_tail(content, closing)
    if not offsets:
        # A text with no run of the source ("##" alone, an image, a line break) still has a place:
        # where its content starts. Without one, its block pointed at the document's first line.
        offsets.extend((0, mapping.to_source(0), 0))
    return InlineText("".join(parts), offsets, tuple(code_ranges), tuple(html))
