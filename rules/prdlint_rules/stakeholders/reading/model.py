"""The stakeholder reading's model: who the document names, what each role is shown doing and why
it has its class, what the document says about its business, and what it says the product is.

Plain values the stakeholder rules look up; no spaCy. The reading (stage.py) fills them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from prdlint.api import Block, BlockKind, Section, Span, Story
from prdlint_rules.stakeholders.reading.classes import (
    BOTH,
    CUSTOMER,
    UNKNOWN,
    USER,
)
from prdlint_rules.stakeholders.reading.signals import REVENUE_PREFIX

if TYPE_CHECKING:
    from prdlint_rules.stakeholders.reading.vocabulary import Vocabulary


# A role named among others in a list of roles: "Staff roles (Admin, Manager, Guide)".
_ROLE_LIST = re.compile(r"\b(?:roles?|permissions?|access levels?)\b", re.IGNORECASE)
_OPENING_WORDS = 3
_OPENING = re.compile(rf"\W*(?:\w+\b\W*){{{_OPENING_WORDS}}}")
_ENTRY_WORDS = 6


@dataclass(frozen=True)
class Mention:
    """One place a stakeholder is named, and what the role does there."""

    key: str
    text: str
    span: Span
    block: Block
    start: int
    """Where the mention starts in its block's plain text."""
    persona: str | None = None
    pays: bool = False
    """The role is the subject of a verb that pays for the product: "clinics buy the plan"."""
    uses: bool = False
    """The role is the subject of a verb of use: "drivers accept orders"."""
    verb: str | None = None
    """The lemma of the verb the role is the subject of, if any: "log" in "admins log in"."""
    paying_name: bool = False
    """The words around the name say it pays: "paying customers", "seller subscriptions"."""

    @property
    def listed(self) -> bool:
        """A role that opens a list item or table cell, or is named in a list of roles."""
        block = self.block
        if _names_roles(block.text):
            return True
        opens = _OPENING.match(block.text, 0, self.start) is None  # not three words before it
        in_entry = block.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL)
        # "• Finance & Compliance Team" written as its own paragraph is a list entry too.
        return opens and (in_entry or len(block.text.split()) <= _ENTRY_WORDS)


@lru_cache(maxsize=256)
def _names_roles(text: str) -> bool:
    """Whether a block speaks of roles or permissions; asked once per block, not per mention."""
    return _ROLE_LIST.search(text) is not None


class Rank(IntEnum):
    """How strong a kind of evidence is: a lower rank decides first."""

    FRONT_MATTER = 0
    DECLARATION = 1
    GLOSSARY = 2
    STORY = 3
    ACTION = 4
    VOCABULARY = 5


DECLARED_RANKS = (Rank.FRONT_MATTER, Rank.DECLARATION, Rank.GLOSSARY)


@dataclass(frozen=True)
class Evidence:
    """Why a role has its class: the line that says so, and how strong that kind of evidence is."""

    line: int
    text: str
    reason: str
    rank: Rank
    cls: str | None
    kind: str | None = None
    collector: str = ""
    """The evidence collector that found it (for the judgement evaluation's disagreements)."""


@dataclass
class Role:
    key: str
    """The role's name as shown and merged: lower case, the last word singular."""
    cls: str = UNKNOWN
    kind: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    declared: bool = False
    personas: list[str] = field(default_factory=list)
    decider: bool = False
    """Shown deciding, approving or paying for the purchase itself: who says yes."""
    kinds: frozenset[str] = frozenset()
    """Every kind of user the role is: one that runs the product and is declared a primary user is
    both. `kind` is the one shown first."""

    @property
    def deciding_evidence(self) -> Evidence | None:
        """The strongest evidence for the class the role ended up with (what a rule quotes)."""
        agreeing = {CUSTOMER: (CUSTOMER, BOTH), USER: (USER, BOTH), BOTH: (CUSTOMER, USER, BOTH)}.get(
            self.cls, (self.cls,)
        )
        supporting = (
            [e for e in self.evidence if e.cls in agreeing and e.rank < Rank.VOCABULARY]
            or [e for e in self.evidence if e.cls is None]
            or self.evidence
        )
        return min(supporting, key=lambda e: (e.rank, e.line), default=None)

    @property
    def is_customer(self) -> bool:
        return self.cls in (CUSTOMER, BOTH)

    @property
    def is_user(self) -> bool:
        return self.cls in (USER, BOTH)

    @property
    def shown_paying(self) -> bool:
        """Whether the document itself shows this role paying (declares it a customer, or says
        it pays), rather than the role's name alone suggesting it."""
        return any(e.cls in (CUSTOMER, BOTH) and e.rank < Rank.VOCABULARY for e in self.evidence)

    @property
    def acts_in_product(self) -> bool:
        """Whether the role does something in the product: declared, in a story or persona, the
        subject of a use, shown doing its work ("Moderator/automatic filter checks each post"), or
        an entry in a list of roles. A name in passing ("escalate to the support team") is not
        enough to say the product has such a user."""
        return (
            self.declared
            or bool(self.stories)
            or bool(self.personas)
            or any(mention.uses or mention.listed for mention in self.mentions)
            or any(e.rank == Rank.ACTION and e.cls in (USER, BOTH) for e in self.evidence)
        )

    @property
    def declared_classes(self) -> set[str | None]:
        """The classes the document's own declarations give the role (None: declared, no class)."""
        return {e.cls for e in self.evidence if e.rank in DECLARED_RANKS}

    @property
    def declared_line(self) -> int:
        return min(e.line for e in self.evidence if e.rank in DECLARED_RANKS)


@dataclass(frozen=True)
class Conflation:
    """A place that makes one group of customer and user: joined as synonyms, a declared
    customer doing plain product use, a declared user paying, or one persona called both."""

    span: Span
    text: str
    reason: str


@dataclass
class StakeholderModel:
    roles: dict[str, Role]
    declaration_sections: list[Section]
    unfilled_sections: list[Section] = field(default_factory=list)
    """Stakeholder sections that are still a template's slots ("### Target users: [Who?]")."""
    conflations: list[Conflation] = field(default_factory=list)
    unfilled_slots: set[str | None] = field(default_factory=set)
    """The classes the unfilled sections would declare (None: roles of any class)."""

    @property
    def is_template(self) -> bool:
        """Whether the stakeholder sections are unfilled slots and nothing else declares roles."""
        return bool(self.unfilled_sections) and not any(role.declared for role in self.roles.values())

    def awaits(self, cls: str) -> bool:
        """Whether the document is a template whose slot for this class (or for any stakeholder)
        is still to be filled: judging who pays would be judging the blank form. A template with
        no slot for customers is judged on customers like any document."""
        return self.is_template and bool(self.unfilled_slots & {cls, None})


@dataclass(frozen=True)
class Signal:
    """One place the document says something about its business."""

    category: str
    text: str
    span: Span
    deferred: bool
    """Put aside for later: under a "Non-goals", "Out of scope" or "Future" heading, or said to
    come later ("a premium tier (future)", "in phase 2")."""
    negated: bool
    """Denied or only asked: "no free tier", "not a multi-tenant product", "Freemium?"."""
    in_metrics: bool
    """Under a metrics heading ("Success metrics", "KPIs"): an outcome to watch, not research."""
    headings: tuple[str, ...] = ()
    """The titles of the section it is in and of the sections around it, innermost first: what
    the text around it is about ("Competitors", "Open questions")."""
    start: int = 0
    """Where it starts in its block's plain text."""

    @property
    def line(self) -> int:
        return self.span.start.line


@dataclass
class BusinessModel:
    signals: list[Signal]

    def mentioned(self, category: str) -> list[Signal]:
        """Every signal of one category, denied ones too: "no free tier" shows pricing was
        considered."""
        return [s for s in self.signals if s.category == category]

    def affirmed(self, category: str) -> list[Signal]:
        """The signals of one category the document does not deny, deferred ones included: a
        premium tier "for later" still says who will pay."""
        return [s for s in self.mentioned(category) if not s.negated]

    def stated(self, category: str) -> list[Signal]:
        """The signals of one category that hold for the product as described: neither denied
        nor put aside for later."""
        return [s for s in self.affirmed(category) if not s.deferred]

    def revenue_categories(self) -> list[str]:
        return sorted({s.category for s in self.signals if s.category.startswith(REVENUE_PREFIX)})


# What the document says the product is.
COMMERCIAL_B2B, COMMERCIAL_B2C, MARKETPLACE = "commercial-b2b", "commercial-b2c", "marketplace"
INTERNAL_TOOL, OPEN_SOURCE, PUBLIC_SECTOR = "internal", "open-source", "public-sector"
NONPROFIT, PERSONAL, UNCLEAR = "nonprofit", "personal-or-demo", "unclear"
# Products that are funded and approved rather than sold.
FUNDED_CONTEXTS = (INTERNAL_TOOL, OPEN_SOURCE, PUBLIC_SECTOR, NONPROFIT)


@dataclass(frozen=True)
class ProductContext:
    """What the document says the product is, and the line that says so (0: no one line)."""

    kind: str
    line: int
    text: str
    reason: str

    @property
    def funded(self) -> bool:
        """Funded and approved rather than sold: an internal tool, open source, a public service,
        a nonprofit's."""
        return self.kind in FUNDED_CONTEXTS


@dataclass(frozen=True)
class StakeholderReading:
    """What the stakeholders stage read in one document: the stakeholder model, the business
    signals, the product's context, and the vocabulary it was read with."""

    stakeholders: StakeholderModel
    business: BusinessModel
    product: ProductContext
    vocabulary: Vocabulary
