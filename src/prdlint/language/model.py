"""The Analysis: what the language layer found in a document, as plain values rules look up.

This module imports no spaCy, and neither may anything a rule imports: loading the rule packs
(for `prdlint rules`, `explain`, `config`, or a run of the document pack) must stay as cheap as
starting Python. The stages that fill an Analysis import spaCy when they run, not before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from prdlint.document.model import Block, BlockKind, Section
from prdlint.span import Span

if TYPE_CHECKING:
    from prdlint.language.vocabulary import Vocabulary

_Result = TypeVar("_Result")

# The classes a role can have, and the kinds of users.
CUSTOMER, USER, BOTH, INTERNAL, UNKNOWN = "customer", "user", "both", "internal", "unknown"
# A vocabulary class only: a name ("customer", "client") whose class the document must give.
PARTY = "party"
PRIMARY, SECONDARY, OPERATIONAL, MANAGEMENT = "primary", "secondary", "operational", "management"
USER_KINDS = (PRIMARY, SECONDARY, OPERATIONAL, MANAGEMENT)

# The analysis stages a rule can declare in its `needs`, in the order they run.
STORIES, WORDS, STAKEHOLDERS, SYNTAX = "stories", "words", "stakeholders", "syntax"
STAGE_NAMES = (STORIES, WORDS, STAKEHOLDERS, SYNTAX)
# What a trained pipeline may add to the built-in one, for a rule's `needs`: part-of-speech tags
# and dependency labels.
POS, DEP = "pos", "dep"


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a story's means with its lemma: what the story rules compare and parse."""

    text: str
    lemma: str
    start: int
    """Offset in the text the word was read from."""
    is_punct: bool
    is_stop: bool
    can_be_verb: bool
    """Whether English uses this word form as a verb (WordNet): "create", "export", "object"."""
    can_be_noun: bool = False
    """Whether English uses this word, or its lemma, as a noun (WordNet): "reports", "export"."""
    can_be_adjective: bool = False
    """Whether English uses this word as an adjective (WordNet): "optional", "predictable"."""

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class TaggedWord:
    """A word of a requirement as the loaded pipeline tagged it. `tag` (Penn Treebank: "VBN")
    and `dep` ("auxpass") are empty where the pipeline does not assign them."""

    text: str
    start: int
    """Offset in the block's text."""
    tag: str
    dep: str

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class TaggedSentence:
    """A sentence of requirement text, with its block for a way back to the source."""

    block: Block
    words: tuple[TaggedWord, ...]


class StoryForm(StrEnum):
    INLINE = "inline"
    MULTILINE = "multiline"
    LIST = "list"
    TABLE = "table"
    CODE = "code"


@dataclass(frozen=True)
class StoryPart:
    text: str
    span: Span


@dataclass(frozen=True)
class Story:
    role: StoryPart | None
    qualifier: StoryPart | None
    means: StoryPart | None
    ends: StoryPart | None
    label: str | None
    form: StoryForm
    span: Span
    section: Section | None
    skeleton: str | None = None
    """The story's wording with its parts taken out, lower case: "as a {role}, i want {means}, so
    that {ends}". What uniformity is judged on; None for table rows, whose header is the wording."""

    @property
    def malformed(self) -> bool:
        """A story with a role but no means, or a means but no role."""
        return self.role is None or self.means is None

    @property
    def line(self) -> int:
        return self.span.start.line


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

    @property
    def line(self) -> int:
        return self.span.start.line


# Revenue streams are the signal categories named `revenue-<stream>` in the vocabulary.
REVENUE_PREFIX = "revenue-"
# The signal categories the analysis fills from a document's shape as well as from phrases: a
# price per period ("$19/month"), a heading about pricing. The other categories are whatever the
# loaded vocabularies define.
PRICE = "price"
PURCHASE_FACTORS = "purchase-factors"


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


class StageNotRunError(RuntimeError):
    """A rule read a part of the Analysis that no stage it declared produces."""


@dataclass(frozen=True)
class Analysis:
    """The results of the analysis stages that ran on one document.

    Reading the result of a stage that did not run raises StageNotRunError: a rule declares the
    stages it reads in its `needs`, and the engine runs exactly those, once, before any rule.
    """

    vocabulary: Vocabulary
    found_stories: list[Story] | None = None
    means_words: Mapping[Span, tuple[Word, ...]] | None = None
    stakeholder_model: StakeholderModel | None = None
    business_model: BusinessModel | None = None
    context: ProductContext | None = None
    tagged_sentences: tuple[TaggedSentence, ...] | None = None

    @staticmethod
    def _ran(result: _Result | None, stage: str) -> _Result:
        if result is None:
            raise StageNotRunError(
                f"the {stage!r} analysis stage did not run: a rule that reads it lists it in `needs`"
            )
        return result

    @property
    def stories(self) -> list[Story]:
        return self._ran(self.found_stories, STORIES)

    @property
    def stakeholders(self) -> StakeholderModel:
        return self._ran(self.stakeholder_model, STAKEHOLDERS)

    @property
    def business(self) -> BusinessModel:
        return self._ran(self.business_model, STAKEHOLDERS)

    @property
    def product(self) -> ProductContext:
        """What the document says the product is (commercial, internal, open source ...)."""
        return self._ran(self.context, STAKEHOLDERS)

    @property
    def requirement_sentences(self) -> tuple[TaggedSentence, ...]:
        """The sentences of the document's requirement text (document/requirements.py), tagged."""
        return self._ran(self.tagged_sentences, SYNTAX)

    def words_of_means(self, story: Story) -> tuple[Word, ...]:
        """The words of `story`'s means, offsets into `story.means.text` (empty without a means)."""
        return self._ran(self.means_words, WORDS).get(story.span, ())
