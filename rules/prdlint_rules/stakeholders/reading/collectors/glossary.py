"""Glossary lines that define a term as a known kind of stakeholder: "Client: a customer who
books sessions", "Steward — an admin of one garden".

A definition is the author saying what a word means in this document, so it ranks just below a
declaration: the term takes the class of the stakeholder it is defined as.
"""

from __future__ import annotations

import re

from prdlint.api import Document, normalize_role
from prdlint_rules.stakeholders.reading.classes import CUSTOMER, PARTY
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs, once_per_document
from prdlint_rules.stakeholders.reading.model import Rank

_GLOSSARY_LINE = re.compile(
    r"^\s*(?P<term>[A-Z][\w &/'’-]{1,40}?)\s*(?::|—|–| - )\s*(?:an?|the|any)\s+", re.UNICODE
)
# How far after the article the defining role may start: "a customer", "a paying customer".
_DEFINING_REACH = 12


@once_per_document
def _defining_lines(document: Document) -> list[tuple[int, re.Match[str]]]:
    """The places of the blocks that open like a definition, with the match: both drafts of the
    roles ask (places, not blocks, which would keep the document's model after it is read)."""
    return [
        (place, match)
        for place, block in enumerate(document.blocks)
        # No colon or dash between a term and its definition: cheaper than the pattern.
        if (":" in block.text or "—" in block.text or "–" in block.text or " - " in block.text)
        and (match := _GLOSSARY_LINE.match(block.text)) is not None
    ]


def collect(inputs: Inputs, draft: Draft) -> None:
    vocabulary = inputs.vocabulary
    blocks = inputs.document.blocks
    for place, match in _defining_lines(inputs.document):
        block = blocks[place]
        mentions = inputs.mentions_by_block.get(block.index, [])
        defining = next((m for m in mentions if m.start >= match.end()), None)
        if defining is None or defining.start - match.end() > _DEFINING_REACH:
            continue
        between = block.text[match.end() : defining.start].split()
        classes = inputs.word_classes
        if any(word.lower() in classes.nouns and word.lower() not in classes.adjectives for word in between):
            continue  # "— the moment a client approves": the term is a moment, not a client
        found = vocabulary.classify(defining.key)
        term = normalize_role(match.group("term"))
        if found is not None and term != defining.key and term not in vocabulary.words("persona-fields"):
            # "Franchise: a customer who runs one branch": the author declares it a customer.
            cls = CUSTOMER if found.cls == PARTY else found.cls
            draft.add(term, block.line, f"defined as a {defining.key}", Rank.GLOSSARY, cls, found.kind)
