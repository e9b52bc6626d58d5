"""What a mistyped name likely meant: "selectt" -> "select", "PRD02" -> "PRD002"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from itertools import takewhile


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """ "; did you mean 'select'?" for the known name closest to `name`, or "" where none is
    close. Of names as close as each other, the one that shares the longest start wins: "PRD02"
    means PRD002 rather than PRD302."""
    by_lower = {choice.lower(): choice for choice in known}
    lowered = name.lower()
    close = difflib.get_close_matches(lowered, by_lower, n=5)
    if not close:
        return ""

    def closeness(choice: str) -> tuple[float, int]:
        ratio = difflib.SequenceMatcher(None, lowered, choice).ratio()
        same = takewhile(lambda pair: pair[0] == pair[1], zip(lowered, choice, strict=False))
        shared = sum(1 for _ in same)
        return (round(ratio, 6), shared)

    return f"; did you mean '{by_lower[max(close, key=closeness)]}'?"
