"""The stakeholder model: one entry per distinct role, its class, and the evidence for it.

Evidence, strongest first: what the front matter declares; a stakeholder section (Customers,
Users, Personas, Roles, Stakeholders, Target audience) and its lists, tables and subsections; a
glossary line ("Client: a customer who ..."); the roles of user stories; what the role does in
the text (pays for the product, or uses it); the vocabulary. A role with evidence that it pays
and evidence that it uses the product is both customer and user.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from prdlint.document import Block, BlockKind, Document, Section
from prdlint.language.mentions import Mention
from prdlint.language.stories import Story
from prdlint.language.vocabulary import (
    BOTH,
    CUSTOMER,
    INTERNAL,
    MANAGEMENT,
    OPERATIONAL,
    PRIMARY,
    SECONDARY,
    UNKNOWN,
    USER,
    USER_KINDS,
    Vocabulary,
    normalize_role,
    singular,
)
from prdlint.language.wordclasses import word_classes
from prdlint.span import Span

FRONT_MATTER, DECLARATION, GLOSSARY, STORY, ACTION, VOCABULARY = range(6)

# Section titles that declare stakeholders: the stakeholder word is the title's head, with only
# these words around it ("Target users", "User roles & permissions", "Who are our customers?").
_DECLARING_WORDS: tuple[tuple[frozenset[str], str | None, str | None], ...] = (
    (frozenset({"operational", "internal", "admin", "admins", "administrators", "staff"}), USER, OPERATIONAL),
    (frozenset({"management"}), USER, MANAGEMENT),
    (frozenset({"secondary"}), USER, SECONDARY),
    (frozenset({"primary"}), USER, PRIMARY),
    (frozenset({"customer", "customers", "client", "clients", "payer", "payers", "buyers"}), CUSTOMER, None),
    (
        frozenset(
            {
                "user",
                "users",
                "persona",
                "personas",
                "audience",
                "actors",
                "roles",
                "stakeholders",
                "segments",
                "who",
            }
        ),
        None,
        None,
    ),
)
_AROUND_DECLARATIONS = frozenset(
    """
    target key main primary secondary operational internal management our the who are is it this for
    we serve and or of user users customer customers persona personas role roles type types segment
    segments permissions profiles overview market audience stakeholders actors admin admins staff
    pays end core paying decision makers buying group uses use
    """.split()
)
_GLOSSARY_LINE = re.compile(
    r"^\s*(?P<term>[A-Z][\w &/'’-]{1,40}?)\s*(?::|—|–| - )\s*(?:an?|the|any)\s+", re.UNICODE
)
_ALTERNATIVES = re.compile(r"\s*/\s*|\s+or\s+")
_GENERIC = frozenset({"user", "customer", "member", "person", "people", "client", "visitor", "team", "staff"})
_FRONT_MATTER_KEYS = {"customers": CUSTOMER, "customer": CUSTOMER, "users": USER, "user": USER}


@dataclass(frozen=True)
class Evidence:
    """Why a role has its class: the line that says so, and how strong that kind of evidence is."""

    line: int
    text: str
    reason: str
    strength: int
    cls: str | None
    kind: str | None = None


@dataclass
class Role:
    key: str
    cls: str = UNKNOWN
    kind: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    declared: bool = False
    personas: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.key

    @property
    def deciding_evidence(self) -> Evidence | None:
        """The strongest evidence for the class the role ended up with (what a rule quotes)."""
        agreeing = {CUSTOMER: (CUSTOMER, BOTH), USER: (USER, BOTH), BOTH: (CUSTOMER, USER, BOTH)}.get(
            self.cls, (self.cls,)
        )
        supporting = (
            [e for e in self.evidence if e.cls in agreeing and e.strength < VOCABULARY]
            or [e for e in self.evidence if e.cls is None]
            or self.evidence
        )
        return min(supporting, key=lambda e: (e.strength, e.line), default=None)

    @property
    def is_customer(self) -> bool:
        return self.cls in (CUSTOMER, BOTH)

    @property
    def shown_paying(self) -> bool:
        """Whether the document itself shows this role paying (declares it a customer, or says
        it pays), rather than the role's name alone suggesting it."""
        return any(e.cls in (CUSTOMER, BOTH) and e.strength < VOCABULARY for e in self.evidence)

    @property
    def acts_in_product(self) -> bool:
        """Whether the role does something in the product: declared, in a story or persona, the
        subject of a use, or an entry in a list of roles. A name in passing ("escalate to the
        support team") is not enough to say the product has such a user."""
        return (
            self.declared
            or bool(self.stories)
            or bool(self.personas)
            or any(mention.uses or mention.verb or _listed(mention) for mention in self.mentions)
        )

    @property
    def is_user(self) -> bool:
        return self.cls in (USER, BOTH)


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

    @property
    def is_template(self) -> bool:
        """Whether the stakeholder sections are unfilled slots and nothing else declares roles."""
        return bool(self.unfilled_sections) and not any(role.declared for role in self.roles.values())


def _excerpt(document: Document, line: int) -> str:
    text = " ".join(document.line_text(line).split())
    return text if len(text) <= 140 else text[:137] + "..."


_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s*")
_ROLE_COLUMN = re.compile(
    r"^(?:roles?|users?(?:\s+types?)?|personas?|stakeholders?|actors?|who|types?|segments?)$", re.I
)
_LEAD_TERM = re.compile(
    r"^(?P<term>[A-Z][\w &/'’-]{1,40}?)\s*(?::\s*\S|—|–| - |,|\s+(?:that|who|which|whose|with|are)\b)"
)
_LEAD_STOPWORDS = frozenset("all any some each every no the a an our their this these those".split())
# Labels of a persona template's fields, which name no role.
_PERSONA_ATTRIBUTES = frozenset(
    normalize_role(label)
    for label in (
        "role",
        "goals",
        "goal",
        "pain points",
        "pain point",
        "demographics",
        "usage scenario",
        "needs",
        "need",
        "motivations",
        "frustrations",
        "behaviors",
        "behaviours",
        "background",
        "quote",
        "bio",
        "age",
        "location",
        "occupation",
        "job title",
        "tech savviness",
        "success criteria",
        "description",
        "characteristics",
        "context",
        "scenario",
        "key tasks",
        "tasks",
        "responsibilities",
        "permissions",
        "access",
        "environment",
        "devices",
        "channels",
        "name",
        "persona",
        "example",
        "jobs to be done",
        "primary",
        "secondary",
        "note",
        "notes",
        "size",
        "budget",
        "industry",
        "team size",
    )
)
_JOINER = re.compile(r"^[\s,/&]*(?:and|or)?[\s,]*$", re.IGNORECASE)
_SLOT = re.compile(r"\[[^\[\]\n]{3,}\]")
# A role named among others in a list of roles: "Staff roles (Admin, Manager, Guide)".
_ROLE_LIST = re.compile(r"\b(?:roles?|permissions?|access levels?)\b", re.IGNORECASE)
_OPENING_WORDS = 3
_ENTRY_WORDS = 6
# "users/customers", "customers (users)", "our users, i.e. our customers": two names for one group.
_GROUP_WORD = r"(?:end[- ])?users?|customers?|clients?"
_JOINED_NAMES = re.compile(
    rf"\b(?P<first>{_GROUP_WORD})\s*(?:/|\(|,?\s+i\.\s?e\.,?|,?\s+aka|,?\s+a\.k\.a\.|"
    rf"\s+or\s+rather|,?\s+also\s+(?:called|known\s+as))\s*(?:our\s+|the\s+)?(?P<second>{_GROUP_WORD})\b"
    r"(?:\)?\s*(?P<next>[A-Za-z]+))?",
    re.IGNORECASE,
)
# Plain use of the product: what a user does, not what a buyer does.
_PLAIN_USE = frozenset(
    """
    log sign click tap upload browse scroll navigate view search download open type enter fill select
    """.split()
)


def _listed(mention: Mention) -> bool:
    """A role that opens a list item or table cell, or is named in a list of roles."""
    block = mention.block
    if _ROLE_LIST.search(block.text):
        return True
    opens = len(re.findall(r"\w+", block.text[: mention.start])) < _OPENING_WORDS
    in_entry = block.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL)
    # "• Finance & Compliance Team" written as its own paragraph is a list entry too.
    return opens and (in_entry or len(block.text.split()) <= _ENTRY_WORDS)


def _is_customer_word(word: str) -> bool:
    return word.lower().startswith(("customer", "client"))


def _names_a_group(term: str) -> bool:
    """ "Businesses", "Clinic groups": a plural noun phrase, not "Create" or "Technically comfortable"."""
    words = term.lower().split()
    if not 0 < len(words) <= 3 or normalize_role(term) in _PERSONA_ATTRIBUTES:
        return False
    first, last = words[0], words[-1]
    verbs, nouns = word_classes().verbs, word_classes().nouns
    if first in _LEAD_STOPWORDS or first.endswith("ly") or (first in verbs and first not in nouns):
        return False
    return singular(last) != last


_ARTICLES = frozenset({"the", "a", "an", "our", "each", "every"})
_SUBJECT_WORDS = 3


def _subject_of_first_verb(text: str) -> str | None:
    """ "Gardeners add their plants", "The treasurer reads the report": in a list of users, the
    words before the item's first verb name a role the vocabulary may not know."""
    words = text.split()
    verbs, nouns = word_classes().verbs, word_classes().nouns
    for index, word in enumerate(words[: _SUBJECT_WORDS + 2]):
        lower = word.lower().strip(",;:")
        if index == 0 or lower not in verbs or not word[:1].islower():
            continue
        subject = words[:index]
        article = subject[0].lower() in _ARTICLES
        if article:
            subject = subject[1:]
        if not 0 < len(subject) <= _SUBJECT_WORDS or not all(w.isalpha() for w in subject):
            return None
        if singular(subject[-1]) not in nouns:
            return None
        # Without an article the subject names a group ("Gardeners"); with one, a person.
        return " ".join(subject) if article or singular(subject[-1]) != subject[-1].lower() else None
    return None


def _leading_run(block: Block, mentions: list[Mention]) -> list[str]:
    """The roles a list item or heading opens with: "Nurses and receptionists offer ..."."""
    if not mentions or len(block.text[: mentions[0].start].split()) > 3:
        return []
    keys = [mentions[0].key]
    for previous, mention in pairwise(mentions):
        gap = block.text[previous.start + len(previous.text) : mention.start]
        if not _JOINER.match(gap):
            break
        keys.append(mention.key)
    return keys


def _declaration(section: Section) -> tuple[str | None, str | None] | None:
    """The class a stakeholder section gives its roles, if its title declares stakeholders.

    A title naming both customers and users ("Who are our users/customers?") declares roles
    without saying which class they are.
    """
    words = re.findall(r"[a-z]+", _NUMBERING.sub("", section.title.lower()))
    if not words or len(words) > 7 or any(word not in _AROUND_DECLARATIONS for word in words):
        return None
    if len(words) == 1 and words[0] in ("user", "customer", "client", "role", "persona", "admin"):
        return None  # "### Customer" over a schema names an entity, not a group of people
    if re.search(r"\b(?:user|customer|admin)s?\s+management\b", " ".join(words)):
        return None  # "User management" is a feature
    found = [(cls, kind) for names, cls, kind in _DECLARING_WORDS if names & set(words)]
    if not found:
        return None
    classes = {cls for cls, _ in found if cls is not None}
    if CUSTOMER in classes and {"user", "users"} & set(words):
        return None, None
    return found[0]


class _Builder:
    def __init__(self, document: Document, vocabulary: Vocabulary) -> None:
        self.document = document
        self.vocabulary = vocabulary
        self.roles: dict[str, Role] = {}
        self.declaration_sections: list[Section] = []
        self.unfilled_sections: list[Section] = []
        self.conflations: list[Conflation] = []
        self._declaring: set[Section] = set()

    def role(self, key: str) -> Role:
        key = self.vocabulary.canonical(key)
        if key not in self.roles:
            self.roles[key] = Role(key)
        return self.roles[key]

    def add(
        self, key: str, line: int, reason: str, strength: int, cls: str | None, kind: str | None = None
    ) -> Role:
        role = self.role(key)
        role.evidence.append(Evidence(line, _excerpt(self.document, line), reason, strength, cls, kind))
        return role

    def front_matter(self) -> None:
        data = self.document.front_matter or {}
        for key, cls in _FRONT_MATTER_KEYS.items():
            value = data.get(key)
            entries: Iterable[tuple[str | None, Any]] = (
                value.items() if isinstance(value, dict) else [(None, value)] if value is not None else []
            )
            for kind, names in entries:
                kind = kind if kind in USER_KINDS else (PRIMARY if cls == USER else None)
                for name in names if isinstance(names, list) else [names]:
                    if isinstance(name, str) and name.strip():
                        role = self.add(
                            normalize_role(name),
                            self._front_matter_line(name),
                            f"front matter lists it under {key}",
                            FRONT_MATTER,
                            cls,
                            kind,
                        )
                        role.declared = True

    def _front_matter_line(self, name: str) -> int:
        for line in range(1, self.document.front_matter_end_line + 1):
            if name.lower() in self.document.line_text(line).lower():
                return line
        return 1

    def declarations(self, mentions_by_block: dict[int, list[Mention]]) -> None:
        for section in self.document.sections:
            found = _declaration(section)
            if found is None:
                continue
            outer = section.parent
            while outer is not None and outer.heading is not None:
                if outer in self.declaration_sections:
                    break
                outer = outer.parent
            if outer is None or outer.heading is None:
                self.declaration_sections.append(section)
            self._declaring.add(section)
            declared_before = sum(role.declared for role in self.roles.values())
            self._declare_section(section, found, mentions_by_block)
            if declared_before == sum(role.declared for role in self.roles.values()) and any(
                _SLOT.search(block.text) for block in section.all_blocks()
            ):
                self.unfilled_sections.append(section)

    def _declare_section(
        self,
        section: Section,
        declared: tuple[str | None, str | None],
        mentions_by_block: dict[int, list[Mention]],
    ) -> None:
        cls, kind = declared
        where = f"declared under '{section.title}'"
        for block in section.all_blocks():
            if block.kind is BlockKind.HEADING and _declaration(block.section) is not None:
                continue  # "### Secondary users" names a kind of user, not a role
            own = _declaration(block.section) if block.section is not section else None
            block_cls, block_kind = own if own and own[0] else (cls, kind)
            if (
                block.kind is BlockKind.TABLE_CELL
                and block.cell is not None
                and (block.cell.column != 0 or block.cell.row == 0)
            ):
                continue
            mentions = mentions_by_block.get(block.index, [])
            keys = (
                [m.key for m in mentions]
                if block.kind is BlockKind.PARAGRAPH
                else _leading_run(block, mentions)
            )
            if not keys:
                keys = self._unlisted_role(block)
            for key in keys:
                role = self.add(key, block.line, where, DECLARATION, block_cls, block_kind)
                role.declared = True

    def _unlisted_role(self, block: Block) -> list[str]:
        """A role the vocabulary does not know: a row of a roles table, a subsection heading, or
        the lead term of a list item ("**Businesses** — retail, nonprofit ...")."""
        text = block.text.strip()
        if block.kind is BlockKind.LIST_ITEM:
            lead = _LEAD_TERM.match(text)
            # "1. **Data Science Professionals**" over its own sub-list is a term by itself.
            term = lead.group("term").strip() if lead else text
            if _names_a_group(term):
                return [normalize_role(term)]
            subject = _subject_of_first_verb(text)
            return [normalize_role(subject)] if subject else []
        if not 0 < len(text.split()) <= 4 or any(char in text for char in "[]<>:?"):
            return []
        if block.kind is BlockKind.TABLE_CELL and block.cell is not None:
            header = self.document.tables[block.cell.table].header
            if header and _ROLE_COLUMN.match(header[0].text.strip()):
                return [normalize_role(text)]
        if (
            block.kind is BlockKind.HEADING
            and block.section.heading is block
            and block.section not in self._declaring
        ):
            return [normalize_role(text)]
        return []

    def glossary(self, mentions_by_block: dict[int, list[Mention]]) -> None:
        for block in self.document.blocks:
            match = _GLOSSARY_LINE.match(block.text)
            if match is None:
                continue
            defining = next(
                (m for m in mentions_by_block.get(block.index, []) if m.start >= match.end()), None
            )
            if defining is None or defining.start - match.end() > 12:
                continue
            found = self.vocabulary.classify(defining.key)
            term = normalize_role(match.group("term"))
            if found is not None and term != defining.key and term not in _PERSONA_ATTRIBUTES:
                self.add(
                    normalize_role(match.group("term")),
                    block.line,
                    f"defined as a {defining.key}",
                    GLOSSARY,
                    found.cls,
                    found.kind,
                )

    def stories(self, stories: Iterable[Story]) -> None:
        for story in stories:
            if story.role is None:
                continue
            for alternative in _ALTERNATIVES.split(story.role.text):
                if not alternative.strip():
                    continue
                key = normalize_role(alternative)
                known = self.vocabulary.classify(key)
                kind = known.kind if known and known.cls in (USER, BOTH) else PRIMARY
                role = self.add(key, story.line, "a user story's role", STORY, USER, kind)
                role.stories.append(story)

    def mentions(self, mentions: Iterable[Mention]) -> None:
        category_headings = {id(section.heading) for section in self._declaring}
        for mention in mentions:
            if id(mention.block) in category_headings:
                continue  # "## Customers" names the category, not a stakeholder
            role = self.role(mention.key)
            role.mentions.append(mention)
            line = mention.span.start.line
            if mention.pays:
                self.add(mention.key, line, "pays for the product here", ACTION, CUSTOMER)
            if mention.uses:
                self.add(mention.key, line, "uses the product here", ACTION, USER)
            if mention.persona and mention.persona not in role.personas:
                role.personas.append(mention.persona)

    def merge_variants(self) -> None:
        """ "manager" and "clinic manager" in one document are one role: the only longer role
        that ends with a shorter one absorbs it. Generic words ("user") stay their own role."""
        for key in sorted(self.roles, key=len):
            if key in _GENERIC or key not in self.roles:
                continue
            longer = [other for other in self.roles if other != key and other.endswith(" " + key)]
            if len(longer) != 1:
                continue
            short, target = self.roles.pop(key), self.roles[longer[0]]
            target.evidence += short.evidence
            target.mentions += short.mentions
            target.stories += short.stories
            target.declared = target.declared or short.declared
            target.personas += [name for name in short.personas if name not in target.personas]

    def joined_names(self) -> None:
        """ "Who are our users/customers?": customer and user written as one group."""
        for block in self.document.blocks:
            for match in _JOINED_NAMES.finditer(block.text):
                first, second = match.group("first"), match.group("second")
                following = (match.group("next") or "").lower()
                if _is_customer_word(first) == _is_customer_word(second):
                    continue
                if following in self.vocabulary.compounds:
                    continue  # "user/customer support" names a team, not the people
                end = match.end("second")
                if block.text[end : end + 1] == ")":
                    end += 1
                self.conflations.append(
                    Conflation(
                        block.span(match.start(), end),
                        block.text[match.start() : end],
                        f"'{block.text[match.start() : end]}' names customers and users as one group",
                    )
                )

    def contradicted_declarations(self) -> None:
        """A declared customer doing plain product use, or a declared user paying, in a document
        that declares customers and users apart."""
        declared = {key: _declared_classes(role) for key, role in self.roles.items()}
        customers = [key for key, classes in declared.items() if classes == {CUSTOMER}]
        # A "Users" or "Personas" section declares roles without a class: not customers.
        users = [key for key, classes in declared.items() if classes and CUSTOMER not in classes]
        if not customers or not users:
            return
        for key in customers:
            role = self.roles[key]
            for mention in role.mentions:
                if mention.uses and mention.verb in _PLAIN_USE:
                    self.conflations.append(
                        Conflation(
                            mention.span,
                            mention.text,
                            f"'{mention.text}' is declared a customer (line {_declared_line(role)}) "
                            f"but here does what a user does ('{mention.verb}')",
                        )
                    )
        for key in users:
            role = self.roles[key]
            for mention in role.mentions:
                if mention.pays:
                    self.conflations.append(
                        Conflation(
                            mention.span,
                            mention.text,
                            f"'{mention.text}' is declared a user (line {_declared_line(role)}) "
                            f"but here pays, which the document gives to {', '.join(customers)}",
                        )
                    )

    def persona_conflations(self) -> None:
        """One persona ("Priya") called a customer in one place and a user in another."""
        seen: dict[str, Mention] = {}
        for role in sorted(self.roles.values(), key=lambda r: r.key):
            for mention in role.mentions:
                if mention.persona is None:
                    continue
                earlier = seen.setdefault(mention.persona, mention)
                earlier_role = self.roles.get(earlier.key)
                if earlier_role is None or earlier_role is role:
                    continue
                if earlier_role.is_customer != role.is_customer:
                    first, second = sorted((earlier, mention), key=lambda m: m.span.start.line)
                    self.conflations.append(
                        Conflation(
                            second.span,
                            second.text,
                            f"{mention.persona} is '{first.text}' on line {first.span.start.line} "
                            f"and '{second.text}' here: one person, but one name pays and one uses",
                        )
                    )

    def classify(self) -> None:
        for role in self.roles.values():
            known = self.vocabulary.classify(role.key)
            if known is not None:
                first_line = (
                    role.mentions[0].span.start.line
                    if role.mentions
                    else (role.evidence[0].line if role.evidence else 1)
                )
                role.evidence.append(
                    Evidence(
                        first_line,
                        _excerpt(self.document, first_line),
                        "vocabulary",
                        VOCABULARY,
                        known.cls,
                        known.kind,
                    )
                )
            role.cls, role.kind = _resolve(role, known.kind if known else None)


def _resolve(role: Role, vocabulary_kind: str | None) -> tuple[str, str | None]:
    """A role's class from its evidence.

    Paying (a declaration as customer, or paying in the text) and using (a story, a declaration
    as user, using in the text) together make "both". The word "customer" itself says the author
    sees them as paying, so a customer who uses the product is both too.
    """
    decisive = [e for e in role.evidence if e.cls is not None]
    if not decisive:
        return UNKNOWN, None
    strong = [e for e in decisive if e.strength < VOCABULARY]
    vocabulary_cls = next((e.cls for e in decisive if e.strength == VOCABULARY), None)
    if vocabulary_cls == INTERNAL:
        strong = [e for e in strong if e.strength != ACTION]  # teams "review" things; not users for that
    pays = any(e.cls in (CUSTOMER, BOTH) for e in strong)
    uses = any(e.cls in (USER, BOTH) for e in strong)
    if (pays and uses) or (uses and vocabulary_cls == CUSTOMER):
        cls = BOTH
    elif pays:
        cls = CUSTOMER
    elif uses:
        cls = USER
    else:
        fallback = strong or [e for e in decisive if e.strength == VOCABULARY]
        cls = min(fallback, key=lambda e: e.strength).cls if fallback else UNKNOWN
    if cls not in (USER, BOTH):
        return cls, None
    kinds = [e.kind for e in sorted(decisive, key=lambda e: e.strength) if e.kind]
    return cls, (kinds[0] if kinds else vocabulary_kind or PRIMARY)


def _declared_classes(role: Role) -> set[str | None]:
    return {e.cls for e in role.evidence if e.strength in (FRONT_MATTER, DECLARATION, GLOSSARY)}


def _declared_line(role: Role) -> int:
    return min(e.line for e in role.evidence if e.strength in (FRONT_MATTER, DECLARATION, GLOSSARY))


def build_model(
    document: Document, vocabulary: Vocabulary, mentions: list[Mention], stories: list[Story]
) -> StakeholderModel:
    builder = _Builder(document, vocabulary)
    by_block: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_block.setdefault(mention.block.index, []).append(mention)
    builder.front_matter()
    builder.declarations(by_block)
    builder.glossary(by_block)
    builder.stories(stories)
    builder.mentions(mentions)
    builder.merge_variants()
    builder.classify()
    builder.joined_names()
    builder.contradicted_declarations()
    builder.persona_conflations()
    return StakeholderModel(
        builder.roles, builder.declaration_sections, builder.unfilled_sections, builder.conflations
    )
