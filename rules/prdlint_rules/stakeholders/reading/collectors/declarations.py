"""Stakeholder sections: a heading such as Customers, Users, Personas, Roles, Stakeholders or
Target audience, with its lists, tables and subsections ("Secondary users").

After front matter, the strongest evidence: under such a heading the author says who the product
is for. The title gives the class ("Customers", "Operational users") or only says these are roles
("Personas"). Roles the vocabulary does not know are taken from the shape of the section: the lead
term of a list item ("**Businesses** — retail, nonprofit"), the subject of an item's first verb
("Gardeners add their plants"), a row of a roles table, a subsection heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from itertools import pairwise

from prdlint.api import (
    Block,
    BlockKind,
    Section,
    base_forms,
    normalize_role,
    once_per_section,
    singular,
    strip_numbering,
    title_words,
)
from prdlint_rules.stakeholders.reading.classes import CUSTOMER, PRIMARY, USER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Mention, Rank
from prdlint_rules.stakeholders.reading.signals import PRICE, USERS_PAY
from prdlint_rules.stakeholders.reading.vocabulary import DECLARING_CLASSES, Vocabulary

Declared = tuple[str | None, str | None]

_MAX_TITLE_WORDS = 7
_FEATURE_TITLE = re.compile(r"\b(?:user|customer|admin)s?\s+management\b")  # "User management"
_ROLE_COLUMN = re.compile(
    r"^(?:roles?|users?(?:\s+types?)?|personas?|stakeholders?|actors?|who|types?|segments?)$", re.I
)
_LEAD_TERM = re.compile(
    r"^(?P<term>[A-Z][\w &/'’-]{1,40}?)\s*(?::\s*\S|—|–| - |,|\s+(?:that|who|which|whose|with|are)\b)"
)
_LEAD_STOPWORDS = frozenset("all any some each every no the a an our their this these those".split())
_ARTICLES = frozenset({"the", "a", "an", "our", "each", "every"})
_QUESTION_WORDS = frozenset({"what", "which", "how", "why", "when", "where", "whether"})
_JOINER = re.compile(r"^[\s,/&]*(?:and|or)?[\s,]*$", re.IGNORECASE)
_SLOT = re.compile(r"\[[^\[\]\n]{3,}\]")
_LEAD_WORDS = 3
_SUBJECT_WORDS = 3
_UNLISTED_WORDS = 4
_GROUP_WORDS = 3
_STATES = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had"})
# Where a group's name ends and what qualifies it begins: "harvesters on tidal flats".
_QUALIFIED = re.compile(r"\s+(?:on|in|at|for|with|from|who|that|which|across|around|near)\s+|\s*[(,:—–]\s*")
# A line in a users section that labels the lines after it: "Primary:", "**Secondary users:**".
_KIND_LABEL = re.compile(r"^\W*(?P<words>[A-Za-z][\w ]{0,30}?)\W*:\W*$")
# A persona's heading: an optional "Persona 2:" label, the person's name and a dash or comma,
# then the role, and perhaps a note in brackets.
_PERSONA_TITLE = re.compile(
    r"^(?P<label>(?:user\s+)?persona\s*\d*\s*[:.)—–-]\s*)?"
    r"(?:(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s*(?:—|–|-|,)\s*)?"
    r"(?:the\s+)?(?P<role>[A-Za-z][\w /&'’-]*?)\s*(?P<alias>\([^()]*\))?\s*$",
    re.IGNORECASE,
)
_PERSONA_ROLE_WORDS = 5
_ASIDE = re.compile(r"\([^()]*\)")
# Paragraphs this short in a users section are entries, as list items are.
_ENTRY_WORDS = 10


def _served_not_sold(inputs: Inputs) -> bool:
    """A product the document says is funded rather than sold, with no price or paid plan: the
    people it calls customers are those it serves."""
    described = inputs.described
    paid = any(s.category in (PRICE, USERS_PAY) and not s.negated for s in inputs.signals)
    return described is not None and described.funded and not paid


def declared_class(section: Section, vocabulary: Vocabulary) -> Declared | None:
    """The class a stakeholder section gives its roles, if its title declares stakeholders.

    A title naming both customers and users ("Who are our users/customers?") declares roles
    without saying which class they are.
    """
    return vocabulary.remembered("declared class", section.title, partial(_declared_by_title, vocabulary))


def _declared_by_title(vocabulary: Vocabulary, title: str) -> Declared | None:
    # "Who is it for? (1 sentence)": an aside in parentheses is the template's, not the title's.
    words = title_words(_ASIDE.sub(" ", title))
    around = vocabulary.words("declaring-around")
    if not words or len(words) > _MAX_TITLE_WORDS or any(word not in around for word in words):
        return None
    entity = len(words) == 1 and words[0] in vocabulary.words("entity-titles")
    if entity or _FEATURE_TITLE.search(" ".join(words)):
        return None
    found = [(cls, kind) for name, cls, kind in DECLARING_CLASSES if vocabulary.words(name) & set(words)]
    if not found:
        return None
    classes = {cls for cls, _ in found if cls is not None}
    if CUSTOMER in classes and {"user", "users"} & set(words):
        return None, None
    return found[0]


def names_a_group(term: str, inputs: Inputs) -> bool:
    """ "Businesses", "Clinic groups": a plural noun phrase, not "Create" or "Technically comfortable"."""
    words = term.lower().split()
    if not 0 < len(words) <= _GROUP_WORDS or normalize_role(term) in inputs.vocabulary.words(
        "persona-fields"
    ):
        return False
    first, last = words[0], words[-1]
    classes = inputs.word_classes
    if (
        first in _LEAD_STOPWORDS
        or first.endswith("ly")
        or (first in classes.verbs and first not in classes.nouns)
        or _QUESTION_WORDS & set(words)
    ):
        return False  # "Create", "Technically comfortable", "Know what jobs (are coming)"
    return singular(last) != last


def is_verb(word: str, inputs: Inputs) -> bool:
    """A verb as a list item writes it: "add", "adds", "creates", "manages"."""
    return any(form in inputs.word_classes.verbs for form in base_forms(word))


def _subject_of_first_verb(text: str, inputs: Inputs) -> str | None:
    """ "Gardeners add their plants", "The treasurer reads the report": in a list of users, the
    words before the item's first verb name a role the vocabulary may not know. A state ("New
    recipes are queued") names no one acting."""
    words = text.split()
    classes = inputs.word_classes
    for index, word in enumerate(words[: _SUBJECT_WORDS + 2]):
        lower = word.lower().strip(",;:")
        if index == 0 or not is_verb(lower, inputs) or not word[:1].islower():
            continue
        if lower in _STATES:
            return None
        subject = words[:index]
        article = subject[0].lower() in _ARTICLES
        if article:
            subject = subject[1:]
        if not 0 < len(subject) <= _SUBJECT_WORDS or not all(w.isalpha() for w in subject):
            return None
        if singular(subject[-1]) not in classes.nouns:
            return None
        # Without an article the subject names a group ("Gardeners"); with one, a person.
        return " ".join(subject) if article or singular(subject[-1]) != subject[-1].lower() else None
    return None


def _lead_group(text: str, inputs: Inputs) -> str | None:
    """The group an entry opens with, before what qualifies it: "Shellfish harvesters on tidal
    flats (licensed pickers)" -> "Shellfish harvesters"."""
    lead = _QUALIFIED.split(text.strip(), maxsplit=1)[0].strip()
    return lead if lead != text.strip() and names_a_group(lead, inputs) else None


def _prose_lead(text: str, inputs: Inputs) -> str | None:
    """The group a sentence opens with before "who", "that" or a dash: "Smallholder farmers who
    grow maize"; of a pair, the one that carries the noun ("Performance and creative teams")."""
    lead = _LEAD_TERM.match(text.strip())
    if lead is None:
        return None
    term = lead.group("term").strip()
    last = term.split(" and ")[-1].strip()
    return next((group for group in (term, last) if names_a_group(group, inputs)), None)


def _leading_run(block: Block, mentions: list[Mention]) -> list[str]:
    """The roles a list item or heading opens with: "Nurses and receptionists offer ..."."""
    if not mentions or len(block.text[: mentions[0].start].split()) > _LEAD_WORDS:
        return []
    keys = [mentions[0].key]
    for previous, mention in pairwise(mentions):
        gap = block.text[previous.start + len(previous.text) : mention.start]
        if not _JOINER.match(gap):
            break
        keys.append(mention.key)
    return keys


def _unlisted_role(block: Block, inputs: Inputs, draft: Draft) -> list[str]:
    """A role the vocabulary does not know: a row of a roles table, a subsection heading, or
    the lead term of a list item ("**Businesses** — retail, nonprofit ...")."""
    text = block.text.strip()
    entry = block.kind is BlockKind.PARAGRAPH and len(text.split()) <= _ENTRY_WORDS
    if block.kind is BlockKind.LIST_ITEM or entry:
        lead = _LEAD_TERM.match(text)
        # "1. **Data Science Professionals**" over its own sub-list is a term by itself.
        term = lead.group("term").strip() if lead else text
        if names_a_group(term, inputs):
            return [normalize_role(term)]
        found = _subject_of_first_verb(text, inputs) or _lead_group(text, inputs)
        return [normalize_role(found)] if found else []
    if not 0 < len(text.split()) <= _UNLISTED_WORDS or any(char in text for char in "[]<>:?"):
        return []
    if block.kind is BlockKind.TABLE_CELL and block.cell is not None:
        header = inputs.document.tables[block.cell.table].header
        if header and _ROLE_COLUMN.match(header[0].text.strip()):
            return [normalize_role(text)]
    if (
        block.kind is BlockKind.HEADING
        and block.section.heading is block
        and block.section not in draft.declaring
    ):
        return [normalize_role(strip_numbering(text))]
    return []


def _persona_heading(block: Block) -> str | None:
    """The role a persona's heading names after the person: "Persona 3: Priya — The Client
    (Secondary User)" -> "client", "Sneha, independent interior designer" -> "independent
    interior designer"."""
    if block.kind is not BlockKind.HEADING or block.section.heading is not block:
        return None
    match = _PERSONA_TITLE.match(strip_numbering(block.text))
    if match is None:
        return None
    role = match.group("role").strip()
    # "Customer (Shopper)": one person's role with another name for it, not "Customers".
    singular_with_alias = bool(match.group("alias")) and normalize_role(role) == role.lower()
    if not (match.group("label") or match.group("name") or singular_with_alias):
        return None
    return normalize_role(role) if 0 < len(role.split()) <= _PERSONA_ROLE_WORDS else None


def _kind_label(block: Block, vocabulary: Vocabulary) -> Declared | None:
    """The class a label line gives the entries after it: "Primary:" or "**Secondary users:**"."""
    if block.kind is not BlockKind.PARAGRAPH:
        return None
    match = _KIND_LABEL.match(block.text)
    if match is None:
        return None
    words = set(title_words(match.group("words")))
    found = [(cls, kind) for name, cls, kind in DECLARING_CLASSES if cls and vocabulary.words(name) & words]
    return found[0] if found else None


def _declare_section(
    section: Section,
    declared: Declared,
    inputs: Inputs,
    draft: Draft,
    class_of: Callable[[Section], Declared | None],
) -> None:
    cls, kind = declared
    where = f"declared under '{section.title}'"
    vocabulary = inputs.vocabulary
    labelled: Declared | None = None
    for block in section.all_blocks():
        label = _kind_label(block, vocabulary)
        if label is not None:
            labelled = label  # "Primary:" gives the lines after it their kind
            continue
        own = class_of(block.section)
        persona = _persona_heading(block) if block.section is not section else None
        if persona is not None:
            role = draft.add(persona, block.line, where, Rank.DECLARATION, *(labelled or (cls, kind)))
            role.declared = True
            continue
        if block.kind is BlockKind.HEADING and own is not None:
            continue  # "### Secondary users" names a kind of user, not a role
        if block.section is section:
            own = None
        block_cls, block_kind = own if own and own[0] else labelled or (cls, kind)
        if (
            block.kind is BlockKind.TABLE_CELL
            and block.cell is not None
            and (block.cell.column != 0 or block.cell.row == 0)
        ):
            continue
        mentions = inputs.mentions_by_block.get(block.index, [])
        prose = block.kind is BlockKind.PARAGRAPH and len(block.text.split()) > _ENTRY_WORDS
        keys = [m.key for m in mentions] if prose else _leading_run(block, mentions)
        if prose and not _leading_run(block, mentions):
            # "Community theatres pay a yearly fee", "Performance and creative teams who think in
            # avatars": a paragraph that opens with who it is about.
            subject = _subject_of_first_verb(block.text, inputs) or _prose_lead(block.text, inputs)
            keys += [normalize_role(subject)] if subject else []
        if not keys:
            keys = _unlisted_role(block, inputs, draft)
        for key in keys:
            role = draft.add(key, block.line, where, Rank.DECLARATION, block_cls, block_kind)
            role.declared = True


def collect(inputs: Inputs, draft: Draft) -> None:
    served = _served_not_sold(inputs)
    # A declaring section's blocks ask for their own section's class again.
    class_of = once_per_section(lambda section: declared_class(section, inputs.vocabulary))
    for section in inputs.document.sections:
        found = class_of(section)
        if found is None:
            continue
        if served and found[0] == CUSTOMER:
            found = (USER, PRIMARY)  # a food bank's "customers" pay nothing: they are its users
        if not any(outer in draft.declaration_sections for outer in section.lineage()):
            draft.declaration_sections.append(section)
        draft.declaring.append(section)
        declared_before = sum(role.declared for role in draft.roles.values())
        _declare_section(section, found, inputs, draft, class_of)
        if declared_before == sum(role.declared for role in draft.roles.values()) and any(
            _SLOT.search(block.text) for block in section.all_blocks()
        ):
            draft.unfilled_sections.append(section)
            draft.unfilled_slots.add(found[0])
