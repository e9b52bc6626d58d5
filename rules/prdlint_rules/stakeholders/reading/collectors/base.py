"""What every evidence collector reads (Inputs) and what it writes to (Draft).

Inputs are plain values: the Document, the merged vocabulary, the word classes, the mentions
found in the text and the stories. So a collector can be tested on hand-built inputs, without
spaCy. The Draft is the stakeholder model being built: roles with their evidence, the sections
that declare roles, and the places that conflate customers and users.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar
from weakref import ref

from prdlint.api import Block, Document, Section, Story, WordClasses
from prdlint_rules.stakeholders.reading.anchors import Anchored, BlockIndex
from prdlint_rules.stakeholders.reading.model import (
    Conflation,
    Evidence,
    Mention,
    ProductContext,
    Rank,
    Role,
    Signal,
    StakeholderModel,
)
from prdlint_rules.stakeholders.reading.vocabulary import Vocabulary

_EXCERPT_LENGTH = 140


@dataclass(frozen=True)
class Inputs:
    document: Document
    vocabulary: Vocabulary
    word_classes: WordClasses
    mentions: list[Mention]
    stories: list[Story]
    signals: list[Signal] = field(default_factory=list)
    """The business signals, for collectors that read who a price or fee is for."""
    described: ProductContext | None = None
    """What the document says of itself in its opening ("an internal tool"), if anything."""
    index: BlockIndex | None = None
    """Which blocks hold which words, where the stage has worked it out; built when first asked
    for if not. The second draft of the roles, with more mentions, shares it."""

    @cached_property
    def _block_index(self) -> BlockIndex:
        return self.index or BlockIndex.of(self.document.blocks)

    def blocks_holding(self, words: frozenset[str]) -> list[Block]:
        """The blocks that hold one of `words` (lower case), in the document's order."""
        return self._block_index.holding(words)

    def scan(self, anchored: Anchored) -> Iterator[tuple[Block, re.Match[str]]]:
        """Every match of a collector's pattern in the document's blocks, in the document's order;
        only the blocks that hold one of its anchor words are read."""
        return self._block_index.finditer(anchored)

    @cached_property
    def mentions_by_block(self) -> dict[int, list[Mention]]:
        """The mentions of each block, by the block's index, in the order they were found."""
        by_block: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            by_block.setdefault(mention.block.index, []).append(mention)
        return by_block

    def excerpt(self, line: int) -> str:
        """A source line as evidence quotes it: spaces collapsed, cut to a readable length."""
        # Only the start is shown, so only the start is read: a line may be a whole backlog.
        text = " ".join(self.document.line_text(line)[: _EXCERPT_LENGTH * 4].split())
        return text if len(text) <= _EXCERPT_LENGTH else text[: _EXCERPT_LENGTH - 3] + "..."


@dataclass
class Draft:
    """The stakeholder model under construction."""

    inputs: Inputs
    roles: dict[str, Role] = field(default_factory=dict)
    declaration_sections: list[Section] = field(default_factory=list)
    """The outermost sections that declare stakeholders: where document-level findings go."""
    declaring: list[Section] = field(default_factory=list)
    """Every section whose title declares stakeholders, nested ones included."""
    unfilled_sections: list[Section] = field(default_factory=list)
    unfilled_slots: set[str | None] = field(default_factory=set)
    conflations: list[Conflation] = field(default_factory=list)
    collector: str = ""
    """The collector running now, which the evidence it adds is credited to."""

    def role(self, key: str) -> Role:
        key = self.inputs.vocabulary.canonical(key)
        if key not in self.roles:
            self.roles[key] = Role(key)
        return self.roles[key]

    def add(
        self, key: str, line: int, reason: str, rank: Rank, cls: str | None, kind: str | None = None
    ) -> Role:
        """Records evidence that the role `key` has class `cls` (and user kind `kind`)."""
        role = self.role(key)
        excerpt = self.inputs.excerpt(line)
        role.evidence.append(Evidence(line, excerpt, reason, rank, cls, kind, self.collector))
        return role

    def acting_mentions(self) -> Iterator[Mention]:
        """The mentions in the text, less those in the heading of a declaring section: "##
        Customers" names the category, not a stakeholder."""
        headings = {id(section.heading) for section in self.declaring}
        return (mention for mention in self.inputs.mentions if id(mention.block) not in headings)

    def model(self) -> StakeholderModel:
        return StakeholderModel(
            self.roles,
            self.declaration_sections,
            self.unfilled_sections,
            self.conflations,
            self.unfilled_slots,
        )


_Answer = TypeVar("_Answer")


def _gone() -> None:
    return None


def once_per_document(work: Callable[[Document], _Answer]) -> Callable[[Document], _Answer]:
    """`work`, done once for the document being read, its answer kept until another is read:
    both drafts of the roles ask the same of it. Only the document is held to (weakly), not the
    ones before it."""
    # One value, swapped whole: a reader of another document never sees this one's answer.
    kept: tuple[Callable[[], object], Any] = (_gone, None)

    def asked(document: Document) -> _Answer:
        nonlocal kept
        last = kept
        if last[0]() is not document:
            last = kept = (ref(document), work(document))
        return last[1]

    return asked
