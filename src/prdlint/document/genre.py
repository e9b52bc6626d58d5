"""Whether a Markdown file is a requirements document, or one of the other documents a docs
folder holds: a README, a changelog, an FAQ, meeting notes, a decision record, a guide.

Findings about a whole PRD ("no one pays for this product", "a required section is missing")
are noise on those, so the rules that give such verdicts ask this first; rules about a line (a
placeholder, a malformed story) run everywhere.

What decides is read as a reader would: front matter that says what it is; a title that calls it
a PRD or a specification, or a README, changelog, FAQ or minutes; the file's own name (README.md,
CHANGELOG.md); its sections, those of a PRD (problem, goals, users, requirements, stories, success
metrics) against those of the others (installation and usage, release versions, attendees and
action items, the status, context and decision of a record, a list of questions); user stories,
which state requirements; and an opening that says what a product does for whom ("Trailmate
helps hikers plan a route together"). A document with none of these is not judged as a PRD.
Where only the weaker of these signs speak for a PRD, the words of its section titles, weighed by
a model learned from real PRDs and other docs (section_titles.py), may turn it away: a design
proposal's "Background" and "Proposal" come with "Abstract", "Rationale" and "Compatibility".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from prdlint.document.model import BlockKind, Document
from prdlint.document.section_titles import TitleModel, title_model
from prdlint.text.headings import title_words
from prdlint.text.lexicon import alternation, words
from prdlint.text.stories import count_stories

_FRONT_MATTER_KEYS = ("type", "kind", "doc_type", "doctype", "document", "category", "template")
_REQUIREMENTS = re.compile(
    r"\b(?:prd|requirements?|specification|(?:product|feature|tech(?:nical)?|functional)\s+specs?|"
    r"product\s+brief|feature\s+brief|one[- ]pager|"
    r"charter|vision\s+(?:and|&)\s+scope|user\s+stories)\b",
    re.IGNORECASE,
)
_OTHER_TITLE = re.compile(
    r"\b(?:readme|change\s*log|changes|release\s+notes|faq|frequently\s+asked|meeting\s+notes|minutes|"
    r"retro(?:spective)?|architecture\s+decision|decision\s+record|adr|guide|tutorial|how[- ]to|"
    r"installation|getting\s+started|api\s+reference|reference|cheat\s*sheet|contributing|"
    r"code\s+of\s+conduct|security\s+policy)\b",
    re.IGNORECASE,
)
_OTHER_FILES = re.compile(rf"^{alternation(words('genre', 'other-files'))}(?:\.|$)", re.IGNORECASE)
_REQUIREMENT_SECTIONS = words("genre", "requirement-sections")
_OTHER_SECTIONS = words("genre", "other-sections")
# A changelog's release headings: "[1.4.0] - 2024-05-01", "v2.3.1", "Unreleased". Numbered
# sections ("1.1 Background") are not versions.
_VERSION_HEADING = re.compile(r"^(?:\[v?\d+\.\d+(?:\.\d+)*\]|v?\d+\.\d+\.\d+\b|unreleased\b)", re.IGNORECASE)
_RECORD_SECTIONS = words("genre", "record-sections")
# An opening that describes a product for people: "Trailmate helps hikers plan a route".
_PRODUCT_OPENING = re.compile(
    r"\b(?:helps|lets|enables|allows|empowers)\s+(?:[\w-]+\s+){0,3}?[a-z][\w-]*s\s+(?:to\s+)?[a-z]+"
    r"|\bis\s+an?\s+(?:[\w-]+\s+){0,4}?(?:app|application|platform|tool|service|product|system|marketplace|"
    r"portal|dashboard|website|site)\s+(?:for|that|which|where|to)\b",
    re.IGNORECASE,
)
_OPENING_BLOCKS = 3
# A section about who the product is for counts twice: no other kind of document has one.
_AUDIENCE_TITLE = re.compile(rf"\b{alternation(words('genre', 'audience-titles'))}\b", re.IGNORECASE)
_QUOTATION = re.compile(r'"[^"\n]{1,300}"|“[^”\n]{1,300}”')
_STORIES = 2
_SECTIONS = 2
_QUESTIONS = 3
_STRONG_SECTIONS = words("genre", "strong-sections")
_SHARE = 10


@dataclass(frozen=True)
class Genre:
    """Whether a file is read as a requirements document, and why: what whole-document rules ask
    before they judge."""

    is_prd: bool
    reason: str


def _title(document: Document) -> str:
    """The document's title: its first heading, else its first line."""
    if document.sections:
        return document.sections[0].title
    return document.blocks[0].text.split("\n")[0] if document.blocks else ""


def _stories(document: Document) -> int:
    """The user stories the document writes itself: not those a guide quotes as examples, in
    code, in a block quote or in quotation marks ("Write: 'As a user, I want …'")."""
    return sum(
        count_stories(_QUOTATION.sub(" ", block.outside_code()))
        for block in document.blocks
        if block.kind is not BlockKind.BLOCKQUOTE
    )


def genre(document: Document, name: str | None = None, weighing: TitleModel | None = None) -> Genre:
    """Whether the document (in a file called `name`) is a requirements document, and why;
    `weighing` weighs its section titles (the shipped model when None)."""
    front = document.front_matter or {}
    for key in _FRONT_MATTER_KEYS:
        value = front.get(key)
        if isinstance(value, str):
            return Genre(bool(_REQUIREMENTS.search(value)), f"its front matter says {key}: {value}")
    title = _title(document)
    if _REQUIREMENTS.search(title):
        return Genre(True, f"its title calls it one ('{title.strip()}')")
    stories = _stories(document)
    if stories >= _STORIES:
        return Genre(True, f"it holds {stories} user stories")
    titles = [section.title for section in document.sections]
    words = [set(title_words(section)) for section in titles]
    ours = sum(bool(w & _REQUIREMENT_SECTIONS) for w in words)
    theirs = sum(bool(w & _OTHER_SECTIONS) for w in words)
    versions = sum(bool(_VERSION_HEADING.match(section)) for section in titles)
    questions = sum(section.rstrip().endswith("?") for section in titles)
    if name is not None and _OTHER_FILES.match(PurePath(name).name):
        return Genre(False, f"it is a {PurePath(name).stem}, not a requirements document")
    if _OTHER_TITLE.search(title):
        return Genre(False, f"its title says what else it is ('{title.strip()}')")
    if versions >= _SECTIONS:
        return Genre(False, "its sections are releases: a changelog")
    if words and set().union(*words) >= _RECORD_SECTIONS:
        return Genre(False, "its sections are a decision record's")
    if questions >= _QUESTIONS:
        return Genre(False, "its sections are questions: an FAQ")
    present = set().union(*words) if words else set()
    model = weighing or title_model()
    if model.turns_away(present):
        telling = ", ".join(f"'{word}'" for word in model.telling(present))
        return Genre(False, f"its section titles are another kind of document's ({telling})")
    audience = sum(bool(_AUDIENCE_TITLE.search(section)) for section in titles)
    enough = max(_SECTIONS, len(titles) // _SHARE)  # a long reference with a "Why" section is no PRD
    if ours + 2 * audience >= enough and ours + audience > theirs:
        return Genre(True, f"{ours} of its sections are those of a requirements document")
    if stories:
        return Genre(True, "it holds a user story")
    strong = next((section for section, w in zip(titles, words, strict=True) if w & _STRONG_SECTIONS), None)
    if strong is not None and not theirs:
        return Genre(True, f"it has a section no other kind of document has ('{strong}')")
    opening = " ".join(block.text for block in document.blocks[:_OPENING_BLOCKS])
    if not theirs and _PRODUCT_OPENING.search(opening):
        return Genre(True, "it opens by saying what a product does for whom")
    return Genre(False, "no title, front matter, sections, stories or opening of a requirements document")
