"""The stakeholder vocabulary: the pack's vocabulary.toml, the plugins' tables and the project's
`[tool.prdlint.vocabulary]`, merged into one lookup.

Everything the reading knows about the words of a domain comes from here: which names are which
stakeholders, which verbs pay and which use, which section titles declare roles, which phrases are
business signals. There is one layout (vocabulary.toml's header says it): named entries, each
described where it is defined; a later table adds words to an entry by name, so a plugin's table
and the config are merged exactly as the built-in one is. Only function words ("the", "to",
"and") stay in code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

from prdlint.api import ConfigSite, did_you_mean, normalize_role
from prdlint_rules.stakeholders.reading.classes import (
    BOTH,
    CUSTOMER,
    INTERNAL,
    MANAGEMENT,
    OPERATIONAL,
    PARTY,
    PRIMARY,
    SECONDARY,
    USER,
)
from prdlint_rules.stakeholders.reading.kept import KeptAnswers

ROLES, WORDS, SYNONYMS, SIGNAL = "roles", "words", "synonyms", "signal"
_TYPES = (ROLES, WORDS, SYNONYMS, SIGNAL)
_CLASSES = (CUSTOMER, PARTY, BOTH, USER, INTERNAL)
_KINDS = (PRIMARY, SECONDARY, OPERATIONAL, MANAGEMENT)
# The keys an entry may have in the full form.
_ENTRY_KEYS = frozenset(
    {"about", "type", "class", "kind", "form", "words", "pairs", "patterns", "stream", "payers"}
)
ROLE_FORM = "role"

# Declaring title words, most specific class first: the first list a title's words meet decides.
DECLARING_CLASSES: tuple[tuple[str, str | None, str | None], ...] = (
    ("declaring-operational", USER, OPERATIONAL),
    ("declaring-management", USER, MANAGEMENT),
    ("declaring-secondary", USER, SECONDARY),
    ("declaring-primary", USER, PRIMARY),
    ("declaring-customer", CUSTOMER, None),
    ("declaring-roles", None, None),
)


class VocabularyError(Exception):
    """A vocabulary table that cannot be merged: the message names the entry and the problem."""


@dataclass(frozen=True)
class RoleClass:
    cls: str
    kind: str | None = None


@dataclass(frozen=True)
class SignalClass:
    """Phrases that say one thing about the business ("free trial": the users pay).

    For a revenue stream, `stream` names it and `payers` are the role heads that pay it; "*"
    means any role the document shows paying.
    """

    phrases: frozenset[str] = frozenset()
    stream: str | None = None
    payers: tuple[str, ...] = ()
    patterns: frozenset[str] = frozenset()
    """Token patterns in the compact form of prdlint_rules.stakeholders.reading.business.token_pattern."""


# How many answers of each kind a vocabulary keeps (`Vocabulary.remembered`).
_ANSWERS_KEPT = 4_096
_Answer = TypeVar("_Answer")


@dataclass(frozen=True)
class Vocabulary:
    """The merged vocabulary of one configuration. Immutable: one is shared by every document and
    every rule that runs with the same plugins and config."""

    heads: Mapping[str, RoleClass] = field(default_factory=dict)
    synonyms: Mapping[str, str] = field(default_factory=dict)
    signals: Mapping[str, SignalClass] = field(default_factory=dict)
    word_lists: Mapping[str, frozenset[str]] = field(default_factory=dict)
    _answers: dict[str, KeptAnswers[str, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """What `remembered` was asked lately, by kind of question, then by what it was asked of."""

    def words(self, name: str) -> frozenset[str]:
        """One word list (empty when no vocabulary defines it)."""
        return self.word_lists.get(name, frozenset())

    def canonical(self, key: str) -> str:
        return self.synonyms.get(key, key)

    def remembered(self, kind: str, key: str, work: Callable[[str], _Answer]) -> _Answer:
        """`work(key)`, worked out once for each `key` and `kind` of question: for what follows
        from a string and this vocabulary alone, which the readers of a document ask of the
        same strings again and again (every collector asks the class of the roles it reads, and
        both drafts of a document's roles ask). Up to `_ANSWERS_KEPT` of each kind are kept: a
        language server reads new names all day."""
        answers = self._answers.get(kind)
        if answers is None:
            answers = self._answers[kind] = KeptAnswers(_ANSWERS_KEPT)
        return answers.get(key, lambda: work(key))

    def classify(self, key: str) -> RoleClass | None:
        """The class of a role key by its longest known ending: "clinic owner" -> "owner"."""
        return self.remembered("class", key, self._class_of)

    def _class_of(self, key: str) -> RoleClass | None:
        words = self.canonical(key).split()
        for start in range(len(words)):
            found = self.heads.get(" ".join(words[start:]))
            if found is not None:
                return found
        return None

    def phrases(self) -> Iterable[str]:
        """Every role name the matcher looks for (the matcher adds the plurals)."""
        return self.heads.keys()


@dataclass
class _Entry:
    type: str
    cls: str | None = None
    kind: str | None = None
    form: str | None = None
    words: dict[str, int] = field(default_factory=dict)
    """Each word, with when it was added: a role name added later to another class takes it."""
    pairs: dict[str, str] = field(default_factory=dict)
    patterns: set[str] = field(default_factory=set)
    stream: str | None = None
    payers: tuple[str, ...] = ()

    def normal(self, word: str) -> str:
        return normalize_role(word) if self.type == ROLES or self.form == ROLE_FORM else word.lower()


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise VocabularyError(f"{where}: expected an array of strings")
    return value


def _new_entry(name: str, table: Mapping[str, Any]) -> _Entry:
    kind_of = table.get("type")
    if kind_of not in _TYPES:
        raise VocabularyError(f"{name}: a new entry needs a type ({', '.join(_TYPES)}), not {kind_of!r}")
    if not isinstance(table.get("about"), str):
        raise VocabularyError(f"{name}: a new entry says what it is for in `about`")
    entry = _Entry(kind_of, form=table.get("form"))
    if kind_of == ROLES:
        entry.cls, entry.kind = table.get("class"), table.get("kind")
        if entry.cls not in _CLASSES or (entry.kind is not None and entry.kind not in _KINDS):
            raise VocabularyError(
                f"{name}: class {entry.cls!r} or kind {entry.kind!r} is not one of {_CLASSES}"
            )
    return entry


class _Merger:
    """Gathers vocabulary tables, in order, into one Vocabulary."""

    def __init__(self) -> None:
        self.entries: dict[str, _Entry] = {}
        self.added = 0

    def table(self, table: Mapping[str, Any]) -> None:
        """One table: each entry in the full form (a table), or words (a list) or pairs (a table
        of strings, for a synonyms entry) added to an entry by name."""
        for name, value in table.items():
            full = isinstance(value, Mapping) and (
                "type" in value or "about" in value or name not in self.entries
            )
            if full:
                unknown = sorted(set(value) - _ENTRY_KEYS)
                if unknown:
                    raise VocabularyError(f"{name}: unknown keys {unknown}")
                entry = self.entries.get(name) or _new_entry(name, value)
                self.entries.setdefault(name, entry)
                self._extend(name, entry, value)
            elif name not in self.entries:
                raise VocabularyError(f"{name}: no such entry")
            elif isinstance(value, list):
                self._extend(name, self.entries[name], {"words": value})
            else:
                self._extend(name, self.entries[name], {"pairs": value})

    def _extend(self, name: str, entry: _Entry, value: Mapping[str, Any]) -> None:
        for word in _strings(value.get("words", []), f"{name}.words"):
            self.added += 1
            entry.words[entry.normal(word)] = self.added
        entry.patterns.update(_strings(value.get("patterns", []), f"{name}.patterns"))
        entry.payers += tuple(normalize_role(p) for p in _strings(value.get("payers", []), f"{name}.payers"))
        entry.stream = value.get("stream", entry.stream)
        pairs = value.get("pairs", {})
        if pairs and (entry.type != SYNONYMS or not isinstance(pairs, Mapping)):
            raise VocabularyError(f"{name}: only a synonyms entry takes pairs")
        for word, target in pairs.items():
            if not isinstance(target, str):
                raise VocabularyError(f"{name}.{word}: expected a string")
            entry.pairs[normalize_role(word)] = normalize_role(target)

    def vocabulary(self) -> Vocabulary:
        named: list[tuple[int, str, RoleClass]] = []
        synonyms: dict[str, str] = {}
        signals: dict[str, SignalClass] = {}
        lists: dict[str, frozenset[str]] = {}
        for name, entry in self.entries.items():
            if entry.type == ROLES:
                assert entry.cls is not None
                role_class = RoleClass(entry.cls, entry.kind)
                named += [(added, word, role_class) for word, added in entry.words.items()]
            elif entry.type == SYNONYMS:
                synonyms.update(entry.pairs)
            elif entry.type == SIGNAL:
                signals[name] = SignalClass(
                    frozenset(entry.words), entry.stream, entry.payers, frozenset(entry.patterns)
                )
            else:
                lists[name] = frozenset(entry.words)
        heads = {word: role_class for _, word, role_class in sorted(named, key=lambda item: item[0])}
        return Vocabulary(
            heads=MappingProxyType(heads),
            synonyms=MappingProxyType(synonyms),
            signals=MappingProxyType(signals),
            word_lists=MappingProxyType(lists),
        )


def merge_vocabularies(tables: Iterable[Mapping[str, Any]]) -> Vocabulary:
    """The vocabulary tables in order (the pack's, the plugins', the config's) as one Vocabulary.
    Raises VocabularyError naming the entry that cannot be merged."""
    merger = _Merger()
    for table in tables:
        merger.table(table)
    return merger.vocabulary()


def entry_types(tables: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The type of every entry the tables define (in the full form), by name."""
    return {
        name: value["type"]
        for table in tables
        for name, value in table.items()
        if isinstance(value, Mapping) and "type" in value
    }


_ENTRIES_AT = "prdlint_rules/stakeholders/reading/vocabulary.toml"


def _unknown(name: str, entry: Any, known: Mapping[str, str]) -> str:
    """Why `name` is no entry, and what was likely meant: a close name, or for a table of lists
    (the layout of `[vocabulary.words]`) the entries named directly."""
    if isinstance(entry, dict) and entry and all(isinstance(item, list) for item in entry.values()):
        first = next(iter(entry))
        return (
            f"unknown entry of the stakeholder vocabulary: its entries are named directly, "
            f"`{first} = [...]` under the vocabulary table, not under `{name}`"
        )
    hint = did_you_mean(name, known)
    return f"unknown entry of the stakeholder vocabulary{hint} (the entries are those of {_ENTRIES_AT})"


def validate_config(value: Any, key: str, site: ConfigSite) -> dict[str, Any]:
    """`[tool.prdlint.vocabulary]`: words added to the vocabulary's entries by name (a list), and
    pairs to `synonyms` (a table of strings); an unknown entry is an error listing the known
    ones."""
    if not isinstance(value, dict):
        raise site.error(key, "expected a table of entries (name = [words])")
    known = entry_types(site.vocabularies)
    checked: dict[str, Any] = {}
    for name, entry in value.items():
        entry_key = f"{key}.{name}"
        if name not in known:
            raise site.error(entry_key, _unknown(name, entry, known))
        if known[name] == SYNONYMS:
            if not isinstance(entry, dict):
                raise site.error(entry_key, "expected a table of words and the names they stand for")
            for word, target in entry.items():
                if not isinstance(target, str):
                    raise site.error(f"{entry_key}.{word}", "expected a string: the name it stands for")
            checked[name] = dict(entry)
            continue
        if not isinstance(entry, list):
            raise site.error(entry_key, "expected an array of strings")
        for index, word in enumerate(entry):
            if not isinstance(word, str):
                raise site.error(f"{entry_key}[{index}]", "expected a string")
        checked[name] = list(entry)
    return checked
