"""The stakeholder vocabulary: data from plugins (the built-in table is prdlint_rules'
vocabulary.toml) and from config, merged into one lookup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The classes a role can have, and the kinds of users.
CUSTOMER, USER, BOTH, INTERNAL, UNKNOWN = "customer", "user", "both", "internal", "unknown"
PRIMARY, SECONDARY, OPERATIONAL, MANAGEMENT = "primary", "secondary", "operational", "management"
USER_KINDS = (PRIMARY, SECONDARY, OPERATIONAL, MANAGEMENT)

# Config keys of [tool.prdlint.vocabulary] that add heads, and the class and kind they give.
CONFIG_CLASSES: Mapping[str, tuple[str, str | None]] = {
    "customer": (CUSTOMER, None),
    "both": (BOTH, PRIMARY),
    "primary": (USER, PRIMARY),
    "secondary": (USER, SECONDARY),
    "operational": (USER, OPERATIONAL),
    "management": (USER, MANAGEMENT),
    "internal": (INTERNAL, None),
}

# The business signals a document can give; `[signals.<category>]` in vocabulary tables, and
# `[tool.prdlint.vocabulary.signals]` in config, add phrases to them.
PURCHASE_FACTORS = "purchase-factors"
PRICE = "price"
USERS_PAY = "users-pay"
FUNDING = "funding"
USERS_ARE_CUSTOMERS = "users-are-customers"
PERSONAL_USE = "personal-use"
ORGANISATIONS = "organisations"
INVITATIONS = "invitations"
USER_RESEARCH = "user-research"
CUSTOMER_RESEARCH = "customer-research"
REVENUE_PREFIX = "revenue-"
CONFIG_SIGNALS = (
    PURCHASE_FACTORS,
    USERS_PAY,
    FUNDING,
    USERS_ARE_CUSTOMERS,
    PERSONAL_USE,
    ORGANISATIONS,
    INVITATIONS,
    USER_RESEARCH,
    CUSTOMER_RESEARCH,
)

_IRREGULAR_PLURALS = {
    "person": "people",
    "man": "men",
    "woman": "women",
    "child": "children",
    "staff": "staff",
}
_IRREGULAR_SINGULARS = {plural: singular for singular, plural in _IRREGULAR_PLURALS.items()}
_UNCHANGED = frozenset(
    {"ops", "staff", "press", "series", "analytics", "sales", "finance", "marketing", "legal", "qa"}
)


# Story roles that say nothing about who has the need ("As a user"): generic-story-role asks
# for a specific one, and undefined-story-role does not ask for them to be declared.
GENERIC_STORY_ROLES = frozenset(
    {
        "user",
        "end user",
        "end-user",
        "customer",
        "client",
        "person",
        "people",
        "someone",
        "somebody",
        "anyone",
        "individual",
    }
)


def singular(word: str) -> str:
    """English singular of a role word: "owners" -> "owner", "parties" -> "party", "people" -> "person"."""
    lower = word.lower()
    if lower in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[lower]
    if lower in _UNCHANGED or len(lower) < 4 or lower.endswith(("ss", "us", "is")):
        return lower
    if lower.endswith("ies"):
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses", "zes")):
        return lower[:-2]
    if lower.endswith("s"):
        return lower[:-1]
    return lower


def plural(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[lower]
    if lower in _UNCHANGED or lower.endswith("s"):
        return lower
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return lower[:-1] + "ies"
    if lower.endswith(("ch", "sh", "x", "z")):
        return lower + "es"
    return lower + "s"


def phrase_forms(phrases: Iterable[str]) -> set[str]:
    """Each phrase as written and with its last word in the plural, for the matchers."""
    forms = set()
    for phrase in phrases:
        words = phrase.split()
        forms.update((phrase, " ".join([*words[:-1], plural(words[-1])])))
    return forms


def normalize_role(text: str) -> str:
    """The key roles are merged under: lower case, single spaces, the last word singular."""
    words = text.lower().replace("’", "'").split()
    if not words:
        return ""
    words[-1] = singular(words[-1])
    return " ".join(words)


@dataclass(frozen=True)
class RoleClass:
    cls: str
    kind: str | None = None


@dataclass
class SignalClass:
    """Phrases that say one thing about the business ("free trial": the users pay).

    For a revenue stream, `stream` names it and `payers` are the role heads that pay it; "*"
    means any role the document shows paying.
    """

    phrases: set[str] = field(default_factory=set)
    stream: str | None = None
    payers: tuple[str, ...] = ()


@dataclass
class Vocabulary:
    heads: dict[str, RoleClass] = field(default_factory=dict)
    synonyms: dict[str, str] = field(default_factory=dict)
    compounds: set[str] = field(default_factory=set)
    not_roles: set[str] = field(default_factory=set)
    paying_compounds: set[str] = field(default_factory=set)
    decision_heads: set[str] = field(default_factory=set)
    signals: dict[str, SignalClass] = field(default_factory=dict)

    def add_table(self, table: Mapping[str, Any]) -> None:
        """Adds one vocabulary in the layout of prdlint_rules/stakeholders/vocabulary.toml."""
        for cls in (CUSTOMER, BOTH, INTERNAL):
            for head in table.get(cls, {}).get("heads", []):
                self.heads[normalize_role(head)] = RoleClass(cls, PRIMARY if cls == BOTH else None)
        for kind, section in table.get(USER, {}).items():
            for head in section.get("heads", []):
                self.heads[normalize_role(head)] = RoleClass(USER, kind)
        for word, target in table.get("synonyms", {}).items():
            self.synonyms[normalize_role(word)] = normalize_role(target)
        self.compounds.update(word.lower() for word in table.get("compounds", {}).get("after", []))
        self.not_roles.update(
            normalize_role(phrase) for phrase in table.get("not_roles", {}).get("phrases", [])
        )
        self.paying_compounds.update(
            word.lower() for word in table.get("paying_compounds", {}).get("after", [])
        )
        self.decision_heads.update(
            normalize_role(head) for head in table.get("decision_makers", {}).get("heads", [])
        )
        for category, entry in table.get("signals", {}).items():
            signal = self.signals.setdefault(category, SignalClass())
            signal.phrases.update(phrase.lower() for phrase in entry.get("phrases", []))
            signal.stream = entry.get("stream", signal.stream)
            signal.payers = (*signal.payers, *(normalize_role(p) for p in entry.get("payers", [])))

    def add_config(self, config: Mapping[str, Any]) -> None:
        """Adds `[tool.prdlint.vocabulary]`: lists of heads per class, synonyms, compounds."""
        for key, (cls, kind) in CONFIG_CLASSES.items():
            for head in config.get(key, []):
                self.heads[normalize_role(head)] = RoleClass(cls, kind)
        for word, target in config.get("synonyms", {}).items():
            self.synonyms[normalize_role(word)] = normalize_role(target)
        self.compounds.update(word.lower() for word in config.get("compounds", []))
        self.not_roles.update(normalize_role(phrase) for phrase in config.get("not-roles", []))
        self.decision_heads.update(normalize_role(head) for head in config.get("decision-makers", []))
        for category, phrases in config.get("signals", {}).items():
            self.signals.setdefault(category, SignalClass()).phrases.update(p.lower() for p in phrases)

    def canonical(self, key: str) -> str:
        return self.synonyms.get(key, key)

    def classify(self, key: str) -> RoleClass | None:
        """The class of a role key by its longest known ending: "clinic owner" -> "owner"."""
        words = self.canonical(key).split()
        for start in range(len(words)):
            found = self.heads.get(" ".join(words[start:]))
            if found is not None:
                return found
        return None

    def decides(self, key: str) -> bool:
        """Whether a role's name says it decides for an organisation: "clinic owner", "CFO"."""
        words = self.canonical(key).split()
        return any(" ".join(words[start:]) in self.decision_heads for start in range(len(words)))

    def phrases(self) -> Iterable[str]:
        """Every head the matcher looks for (the matcher adds the plurals)."""
        return self.heads.keys()


def merge_vocabularies(
    tables: Iterable[Mapping[str, Any]], config: Mapping[str, Any] | None = None
) -> Vocabulary:
    vocabulary = Vocabulary()
    for table in tables:
        vocabulary.add_table(table)
    if config:
        vocabulary.add_config(config)
    return vocabulary
