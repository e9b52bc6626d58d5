"""Roles shown running the product for others: managing accounts, permissions or settings,
approving or verifying others' submissions, moderating, refunding, configuring or deploying it,
or working on another user's data ("see a gardener's plants, resend a reminder").

What a role does decides whether it is operational, not its name: "the conductor creates member
accounts and resets forgotten PINs" runs the product; a role named like support that the document
describes doing only what end users do ("needs visibility into historical deals") does not. The
evidence is read where the role is the subject ("Admins approve new vendors"), in the description
it opens (a list item, its nested items, the other cells of its table row, the section under its
heading), and in its own user stories ("As a parent, I want to set daily time limits").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from prdlint.api import BlockKind, Document, normalize_role, present_forms
from prdlint_rules.stakeholders.reading.classes import OPERATIONAL, PRIMARY, USER
from prdlint_rules.stakeholders.reading.collectors.action_reader import LABEL, WORD, ActionReader, shared
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.collectors.story_roles import story_role_keys
from prdlint_rules.stakeholders.reading.model import Mention, Rank
from prdlint_rules.stakeholders.reading.vocabulary import Vocabulary

RUNS = "runs the product for others here"
ONLY_USES = "described doing only what end users do"
_LEAD_WORDS = 2
# How far into a description an operational role may stand: "Company admin that manages ...".
_APPOSITIVE_WORDS = 3
_COORDINATED = re.compile(r"^\W*(?:&|and\b|or\b|,)", re.IGNORECASE)
_APPOSITION_ENDS = frozenset({"", "that", "who", "which", "for", "of", "with", "—", "–", ":"})


def after(mention: Mention) -> str:
    """The rest of the mention's block."""
    return mention.block.text[mention.start + len(mention.text) :]


def description(mention: Mention, document: Document) -> list[str]:
    """The lines that describe a role where it is introduced: the rest of the list item it opens
    ("**Admin**: manages categories") and the items nested under it, the other cells of its table
    row, or the paragraphs of the section its heading names. A role named inside a line ("Roles:
    Super Admin, Moderator") has none."""
    block = mention.block
    if block.kind is BlockKind.HEADING and block.section.heading is block:
        return [other.text for other in block.section.blocks if other is not block]
    cell = block.cell
    if cell is not None and cell.column == 0 and cell.row > 0:
        return [other.text for other in document.tables[cell.table].rows[cell.row][1:]]
    if block.kind is not BlockKind.LIST_ITEM or len(block.text[: mention.start].split()) > _LEAD_WORDS:
        return []
    # The rest of an item the role opens says what it does: "Moderators start the clock".
    rest = after(mention)
    lines = [rest]
    for other in document.blocks[block.index + 1 :]:
        if other.kind is not BlockKind.LIST_ITEM or other.list_depth <= block.list_depth:
            break
        lines.append(other.text)
    return [line for line in lines if line.strip(" :—–-*(")]


def _reader(inputs: Inputs, draft: Draft) -> ActionReader:
    vocabulary = inputs.vocabulary
    return shared(
        ActionReader(
            verbs=vocabulary.words("administer-verbs"),
            objects=vocabulary.words("administered-objects"),
            wide_verbs=vocabulary.words("oversight-verbs"),
            wide_objects=vocabulary.words("reviewed-objects"),
            nouns=vocabulary.words("administering-nouns"),
            others=frozenset(key.split()[-1] for key in draft.roles),
            helping=vocabulary.words("support-verbs"),
            possessive_anywhere=True,
            modifiers=vocabulary.words("object-modifiers"),
        )
    )


def _appositive(text: str, vocabulary: Vocabulary) -> str | None:
    """An operational role a description opens with and says no more of before a clause: "Company
    admin that manages the fleet", "Platform operator (trust and safety)"."""
    if _COORDINATED.match(text):
        return None  # "Finance & Compliance Team": the name goes on, it does not describe
    words = WORD.findall(LABEL.sub("", text))
    for end in range(1, min(len(words), _APPOSITIVE_WORDS) + 1):
        known = vocabulary.classify(normalize_role(" ".join(words[:end])))
        following = words[end].lower() if end < len(words) else ""
        if known is not None and known.kind == OPERATIONAL and following in _APPOSITION_ENDS:
            return " ".join(words[:end])
    return None


def _named_operational(key: str, vocabulary: Vocabulary) -> bool:
    known = vocabulary.classify(key)
    return known is not None and known.kind == OPERATIONAL


def _activities(texts: Sequence[str], verbs: frozenset[str]) -> bool:
    """Whether description lines say the role does what end users do: a line that opens with an
    end user's verb ("Needs visibility into deals", "Start and pause the clock"), not a story or
    a list of traits."""
    for text in texts:
        line = LABEL.sub("", text.lstrip(" :—–-*("))
        words = WORD.findall(line)
        if words and words[0].lower() in verbs and not line.lower().startswith("as a"):
            return True
    return False


def collect(inputs: Inputs, draft: Draft) -> None:
    reader = _reader(inputs, draft)
    end_use = present_forms(inputs.vocabulary.words("end-user-verbs"))
    for mention in draft.acting_mentions():
        line = mention.span.start.line
        rest = after(mention)
        # "manage users, moderate content": a role in a list of objects is no subject.
        found = None if rest.lstrip().startswith(",") else reader.action(rest)
        lines = description(mention, inputs.document)
        found = (
            found
            or reader.described(lines)
            or next((phrase for text in lines if (phrase := _appositive(text, inputs.vocabulary))), None)
        )
        if found:
            draft.add(mention.key, line, f"{RUNS}: '{found}'", Rank.ACTION, USER, OPERATIONAL)
        elif _named_operational(mention.key, inputs.vocabulary) and _activities(lines, end_use):
            draft.add(mention.key, line, ONLY_USES, Rank.ACTION, USER, PRIMARY)
    for story in inputs.stories:
        if story.means is None:
            continue
        parts = [story.means.text] + ([story.ends.text] if story.ends else [])
        found = next((action for part in parts if (action := reader.action(part, story=True))), None)
        if found:
            for key in story_role_keys(story):
                draft.add(key, story.line, f"{RUNS}: '{found}'", Rank.STORY, USER, OPERATIONAL)
