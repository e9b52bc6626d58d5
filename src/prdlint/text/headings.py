"""What a heading says once its numbering is gone: "2.1 Target users" is about target users.

PRDs number their headings every way there is ("2.", "2.1", "IV.", "a)", "Section 3:"); whoever
reads a heading for its meaning (the stakeholder sections, a pricing heading, required sections)
reads it through these two functions.
"""

from __future__ import annotations

import re

_NUMBERING = re.compile(
    r"^\s*(?:(?:\d+[.)]?)+|[ivxlc]+[.)]|[a-z][.)]|(?:section|part|chapter|step)\s+\d+[:.]?)\s+",
    re.IGNORECASE,
)


def strip_numbering(title: str) -> str:
    """The title without the numbering in front of it, and without surrounding space."""
    return _NUMBERING.sub("", title.strip())


def title_words(title: str) -> list[str]:
    """The title's words, lower case, letters only: "2. Who are our users?" -> who, are, our, users."""
    return re.findall(r"[a-z]+", strip_numbering(title).lower())
