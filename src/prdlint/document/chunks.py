"""Where a Markdown source may be cut into pieces that markdown-it reads the same apart as
together, so that an edited document is parsed again only in the piece that changed.

A piece starts at an ATX heading at the start of a line after a blank line: there every list,
quote, table, paragraph and indented code block has ended, and a new piece starts at the top
level, unless a fenced code block or an HTML comment, processing instruction or raw-text element
opened at the top level runs across the cut, or front matter does. The scan here proposes cuts
outside the fences and comments it sees; the parser checks each piece, and where a piece's last
block runs to its end, reads it on with the next one. A link reference definition applies to the
whole document, so a source that may hold one is not cut at all.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})")
_COMMENT_OPEN = re.compile(r" {0,3}<!--")
_FRONT_MATTER_OPEN = re.compile(r"-{3,}")


def _closes_fence(line: str, marker: str) -> bool:
    stripped = line.lstrip(" ")
    return (
        len(line) - len(stripped) <= 3
        and stripped.startswith(marker[0] * len(marker))
        and not stripped.rstrip().strip(marker[0])
    )


def _after_front_matter(lines: list[str]) -> int:
    """The first line after what the front matter plugin may read as front matter: a first line
    of three dashes or more, to a line of as many dashes or of three dots (or, unclosed, to the
    end: no cut is then made). 0 where there is none."""
    opened = _FRONT_MATTER_OPEN.match(lines[0]) if lines else None
    if opened is None:
        return 0
    closing = re.compile(rf" {{0,3}}-{{{len(opened.group())},}}|\.\.\.")
    return next((index + 1 for index in range(1, len(lines)) if closing.fullmatch(lines[index])), len(lines))


def piece_starts(lines: list[str]) -> list[int]:
    """The indexes of the lines the pieces may start at: 0, and each cut proposed; only 0 where
    a line may define a link reference."""
    if any("]:" in line for line in lines):
        return [0]
    return cuts(lines)


def cuts(lines: list[str]) -> list[int]:
    """0 and each cut proposed, whatever the lines define: for a parser that looks for link
    reference definitions in each piece itself."""
    starts = [0]
    first = _after_front_matter(lines)
    fence: str | None = None
    in_comment = False
    for index in range(first, len(lines)):
        line = lines[index]
        if fence is not None:
            fence = None if _closes_fence(line, fence) else fence
        elif in_comment:
            in_comment = "-->" not in line
        elif (opened := _FENCE_OPEN.match(line)) is not None:
            fence = opened.group(1)
        elif _COMMENT_OPEN.match(line):
            in_comment = "-->" not in line[line.index("<!--") + 2 :]
        elif index > 0 and not lines[index - 1].strip() and _HEADING.match(line):
            starts.append(index)
    return starts
