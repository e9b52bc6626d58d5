"""Reading what a role does from the words after it, without a parser.

"Admins can approve new vendors", "**Admin**: manages categories and the team", "Moderator/
automatic filter checks each post for spam", "As a parent, I want to set daily time limits": a
verb of one kind and, within a few words, an object of the kind that goes with it. The collectors
that say a role runs the product (administering) or runs the business with it (reporting) each
hold a reader with their own verbs and objects, from the vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from prdlint.api import present_forms
from prdlint_rules.stakeholders.reading.kept import KeptAnswers

WORD = re.compile(r"[A-Za-z][\w'’-]*|[/:—–]")
# A description line's label: "**Usage**: staff management", "Goals: ...".
LABEL = re.compile(r"^\s*[A-Z][\w ]{0,24}:\s*")
# A line break ends a clause unless the text wraps on: "reads the weekly\nactive-groups report".
_CLAUSE_END = re.compile(r"[.;!?]\s|[.;!?]$|\n(?![ \t]*(?-i:[a-z]))|\bso\s+that\b|\bbecause\b", re.IGNORECASE)
# What may stand between a role and its verb: "Admins can also approve", "Admin: manages".
_BEFORE_VERB = frozenset(
    {"can", "will", "should", "must", "may", "might", "could", "would", "also", "then", "to", "be"}
    | {"able", "is", "are", "who", ":", "—", "–", "/", "or", "can't", "cannot", "want", "need"}
)
_ALTERNATIVE = frozenset({"/", "or"})
# After an article a verb's form is a noun: "request a refund", "open a review".
_ARTICLES = frozenset({"a", "an", "the"})
_ALTERNATIVE_WORDS = 3
# Right before an object, these make it a user's own: "create an account", "their shell's
# settings", "disable notification categories".
_POSSESSIVES = frozenset({"my", "your", "their", "his", "her", "own"})
_OWN = _POSSESSIVES | {"a", "an", "notification", "notifications", "privacy", "personal"}
# The verb comes first after the role (and its modals); in a story's means, within its opening.
_SUBJECT_REACH = 1
_MEANS_REACH = 3
_OBJECT_REACH = 6
_OF_WORDS = 2
# What joins a second verb to the first: "approves and signs", "decides to buy".
_JOINERS = frozenset({"and", "or", "to", ","})
_POSSESSIVE = re.compile(r"^(?P<owner>[a-z][\w-]*?)(?:'s|’s|s'|s’)$", re.IGNORECASE)
# What a reader remembers: answers for texts up to this long, this many at most (then it starts
# again), so a long editing session holds a bounded amount.
_REMEMBERED_TEXT = 500
_REMEMBERED = 4_096


@dataclass(frozen=True)
class ActionReader:
    """Finds one kind of action: a verb from `verbs` with an object from `objects`; verbs in
    `wide_verbs` also take `wide_objects` (others' work, for oversight: "approves listings"); and
    in a role's description, with `others`, work on what another role owns ("a gardener's
    plants")."""

    verbs: frozenset[str]
    objects: frozenset[str]
    wide_verbs: frozenset[str] = frozenset()
    wide_objects: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    """Nouns naming the action after its object: "user management", "system configuration"."""
    others: frozenset[str] = frozenset()
    """Role names whose possessive makes an object someone else's: "a gardener's plants"."""
    helping: frozenset[str] = frozenset()
    """Verbs of help given on such an object: "see", "resend", "fix", "unlock"."""
    possessive_anywhere: bool = False
    """Whether a possessive anywhere between the verb and the object makes it the role's own
    ("review their completed issues"), not only right before it."""
    modifiers: frozenset[str] = frozenset()
    """Words after an object that make it part of another thing's name: "accounts payable",
    "pricing decisions"."""
    _answers: KeptAnswers[tuple[object, ...], str | None] = field(
        default_factory=lambda: KeptAnswers(_REMEMBERED), init=False, repr=False, compare=False, hash=False
    )
    """What this reader found in texts it has read: an editor lints a document again after each
    change, and `shared` gives the next lint the same reader, so a text not changed is not read
    again."""

    @cached_property
    def _verbs(self) -> frozenset[str]:
        return present_forms(self.verbs | self.wide_verbs)

    def _remembered(
        self, key: tuple[object, ...], text_length: int, read: Callable[[], str | None]
    ) -> str | None:
        return read() if text_length > _REMEMBERED_TEXT else self._answers.get(key, read)

    def _object(self, verb: str, words: list[str]) -> str | None:
        wide = verb in present_forms(self.wide_verbs)
        objects = self.objects | self.wide_objects if wide else self.objects
        for index, word in enumerate(words):
            if word.lower() not in objects:
                continue
            if index + 1 < len(words) and words[index + 1].lower() in self.modifiers:
                continue
            before = {w.lower() for w in words[:index]} if self.possessive_anywhere else set()
            owned = bool(before & _POSSESSIVES) or (index and words[index - 1].lower() in _OWN)
            return None if owned else word
        return None

    def action(self, text: str, *, story: bool = False) -> str | None:
        """The action `text` opens with ("manages categories and the team"), or None. In a
        story's means the verb may come a little later ("to be able to set"); after a role it
        comes first, after its modals or an alternative subject ("/automatic filter checks")."""
        return self._remembered(("action", text, story), len(text), lambda: self._action(text, story))

    def _action(self, text: str, story: bool) -> str | None:
        end = _CLAUSE_END.search(text)
        words = WORD.findall(text[: end.start() if end else None])
        verbs = self._verbs
        at = 0
        if len(words) > _OF_WORDS and words[0].lower() == "of" and not story:
            at = _OF_WORDS  # "the director of studies approves": the role's name goes on
        while at < len(words) and words[at].lower() in _BEFORE_VERB:
            if words[at].lower() in _ALTERNATIVE and not story:
                at += 1
                skipped = 0
                while at < len(words) and words[at].lower() not in verbs and skipped < _ALTERNATIVE_WORDS:
                    at, skipped = at + 1, skipped + 1
                continue
            at += 1
        for index in range(at, min(at + (_MEANS_REACH if story else _SUBJECT_REACH), len(words))):
            after_article = index > 0 and words[index - 1].lower() in _ARTICLES
            if words[index].lower() in verbs and not after_article:
                return self._chain(words, index)
        return None

    def _chain(self, words: list[str], first: int) -> str | None:
        """The first verb's object, or that of a verb joined to it ("decides to buy Chartwell and
        signs the annual contract"): the words from the verb to the object."""
        verbs = self._verbs
        index = first
        while index < len(words):
            found = self._object(words[index].lower(), words[index + 1 : index + 1 + _OBJECT_REACH])
            if found:
                return " ".join(words[index : words.index(found, index) + 1])
            joined = next(
                (
                    later
                    for later in range(index + 1, min(index + 1 + _OBJECT_REACH, len(words)))
                    if words[later].lower() in verbs and words[later - 1].lower() in _JOINERS
                ),
                None,
            )
            if joined is None:
                return None
            index = joined
        return None

    def named(self, text: str) -> str | None:
        """The action named as a noun after its object, in the clause `text` opens: "system
        configuration"."""
        return self._remembered(("named", text), len(text), lambda: self._named(text))

    def _named(self, text: str) -> str | None:
        end = _CLAUSE_END.search(text)
        words = WORD.findall(text[: end.start() if end else None])
        objects = self.objects | self.wide_objects
        for index, word in enumerate(words[1:], start=1):
            if word.lower() in self.nouns and words[index - 1].lower() in objects:
                return f"{words[index - 1]} {word}"
        return None

    def others_data(self, text: str) -> str | None:
        """Help given on another role's data: "see a gardener's plants and resend a reminder".
        Running a session that is someone's ("start each speaker's clock") is not help."""
        words = WORD.findall(text)
        for index, word in enumerate(words):
            owner = _POSSESSIVE.match(word)
            if owner and owner.group("owner").lower() in self.others:
                helping = {w.lower() for w in words[:index]} & present_forms(self.helping)
                return word if helping else None
        return None

    def described(self, texts: Sequence[str]) -> str | None:
        """The action among the lines that describe a role, each read from its start."""
        length = sum(len(text) for text in texts)
        return self._remembered(("described", *texts), length, lambda: self._described(texts))

    def _described(self, texts: Sequence[str]) -> str | None:
        for text in texts:
            found = self.action(LABEL.sub("", text), story=True) or self.named(text) or self.others_data(text)
            if found:
                return found
        return None


@lru_cache(maxsize=16)
def shared(reader: ActionReader) -> ActionReader:
    """The reader made before that equals `reader` (the same words, the same roles), so what it
    remembers serves the next lint of a document; `reader` itself the first time."""
    return reader
