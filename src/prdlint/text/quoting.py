"""Quoting a document's words in a finding's message: on one line, and short enough that the
message still fits a line of a terminal."""

from __future__ import annotations

from collections.abc import Sequence

QUOTE_LIMIT = 40


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """ "'to export the weekly invoices…'": the text in quotes, its runs of white space made one
    space, cut at `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"'{text}'"


def first_and_more(items: Sequence[str], shown: int) -> str:
    """ "'a', 'b' and 3 more": the first `shown` of the items (each already quoted), then how
    many more there are."""
    more = f" and {len(items) - shown} more" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more
