"""Acronyms in a document: where each is used, and where the document says what it stands for.

An expansion counts only where it can be one: the acronym's letters stand in it in order, the
first at the start of a word ("integrated library system (ILS)", "QRIS: Quick Response Code
Indonesian Standard"), the test of Schwartz and Hearst's abbreviation finder. "Sierra ILS (REST
API + optional direct DB reads)" explains nothing about ILS. In a glossary section, any entry
that names the acronym defines it, wherever the section stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.api import BlockKind, Document

# Two to five capitals: "SLA", "QASP". A slash may join two ("ISBN/ISSN", "CI/CD"), but a path
# ("docs/FRD.md") or a file name is no acronym; nor is "US01" or "#EF4444".
ACRONYM = re.compile(
    r"(?<![\w.#-])(?<![a-z0-9]/)(?P<acronym>[A-Z][A-Z&]{1,4})(?:s|'s)?(?![\w-])(?!/[a-z0-9])(?!\.\w)"
)
GLOSSARY_TITLE = re.compile(
    r"\b(?:glossary|definitions?|abbreviations?|acronyms?|terminology|key terms|terms)\b", re.IGNORECASE
)
_LONG_THEN_SHORT = re.compile(r"\(\s*(?P<short>[A-Z][A-Z0-9&]{1,7})s?\s*\)")
_SHORT_THEN_LONG = re.compile(r"\b(?P<short>[A-Z][A-Z0-9&]{1,7})s?\s*\((?P<long>[^()]{3,100})\)")
# Every run of non-letters bounded: a long run of spaces after "SLA" would cost its square.
_SHORT_COLON_LONG = re.compile(
    r"(?m)^\W{0,8}(?P<short>[A-Z][A-Z0-9&]{1,7})s?[^\w\n]{0,6}?(?::|—|–| - |=)[ \t]{0,6}"
    r"(?P<long>[^\n]{3,120})"
)
_WORD = re.compile(r"[A-Za-z][\w'-]*")


def expands(short: str, long: str) -> bool:
    """Whether `long` can stand for `short`: its letters found in `long` in order, reading from
    the end, the first at the start of a word."""
    letters = [c.lower() for c in short if c.isalnum()]
    text = long.lower()
    position = len(text) - 1
    for index in range(len(letters) - 1, -1, -1):
        while position >= 0 and (
            text[position] != letters[index] or (index == 0 and position > 0 and text[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


def _before(text: str, end: int, short: str) -> str:
    """The words before `end` that could be the long form of `short` (at most twice its length,
    or its length and five)."""
    words = _WORD.findall(text[:end])
    return " ".join(words[-min(len(short) + 5, len(short) * 2) :])


def definitions(text: str) -> Iterator[str]:
    """The acronyms a text expands: "service level agreement (SLA)", "SLA (service level
    agreement)", "SLA: service level agreement"."""
    for match in _LONG_THEN_SHORT.finditer(text):
        short = match.group("short")
        if expands(short, _before(text, match.start(), short)):
            yield short
    for pattern in (_SHORT_THEN_LONG, _SHORT_COLON_LONG):
        for match in pattern.finditer(text):
            if expands(match.group("short"), match.group("long")):
                yield match.group("short")


def glossary_sections(document: Document) -> set[int]:
    """The ids of the sections that are, or are inside, a glossary."""
    return {
        id(section)
        for section in document.sections
        if any(GLOSSARY_TITLE.search(outer.title) for outer in section.lineage())
    }


def glossary_terms(document: Document, glossaries: set[int]) -> set[str]:
    """The acronyms a glossary section names at the start of an entry ("**DSGVO**: ...") or in
    the first column of its table."""
    terms: set[str] = set()
    for block in document.blocks:
        if id(block.section) not in glossaries:
            continue
        if block.kind is BlockKind.TABLE_CELL and block.cell is not None and block.cell.column == 0:
            terms.update(match.group("acronym") for match in ACRONYM.finditer(block.text))
        else:
            terms.update(match.group("short") for match in _SHORT_COLON_LONG.finditer(block.text))
    return terms
