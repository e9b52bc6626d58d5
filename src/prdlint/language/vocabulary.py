"""The stakeholder vocabulary: data from plugins (the built-in table is prdlint_rules'
vocabulary.toml) and from config, merged into one lookup.

Everything the language layer knows about the words of a domain comes from here: which heads
name which stakeholders, which verbs pay and which use, which section titles declare roles, which
phrases are business signals. Only function words ("the", "to", "and") stay in code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from prdlint.document.headings import strip_numbering
from prdlint.language.model import (
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
# The other list keys of [tool.prdlint.vocabulary] (besides `words`, `signals`, `synonyms`).
CONFIG_LISTS = ("compounds", "not-roles", "decision-makers")

# The word lists of the `[words]` table that prdlint reads, and what each is for.
WORD_LISTS: Mapping[str, str] = {
    "pay-verbs": "verbs that pay for the product when a role is their subject: 'clinics buy the plan'",
    "pay-verbs-alone": "verbs that say a role pays with no object needed: 'owners renew'",
    "payment-objects": "words after a pay verb that make it a payment for the product (plan, fee, licence)",
    "goods": "words after a pay verb that make it a purchase of goods sold through the product",
    "promotion-words": "words after a pay verb that make it a purchase of the product's promotion",
    "vendor-verbs": "what a vendor's own customers do with it: 'our clients white-label it'",
    "paid-roles": "roles that money is handed to, not the product: 'pay sellers through escrow'",
    "use-verbs": "verbs that use the product when a role is their subject: 'drivers accept orders'",
    "plain-use-verbs": "use verbs no buyer does as such: log in, click, upload, browse",
    "oversight-verbs": "verbs of back-office work on others' work or on others: 'approves vendors'",
    "administer-verbs": "verbs of back-office work on what belongs to no one user: 'resets PINs'",
    "administered-objects": "what back-office work is done to: accounts, permissions, settings, refunds",
    "reviewed-objects": "what oversight is done to: listings, posts, submissions, vendors",
    "end-user-verbs": "what end users do for themselves: a role named like operations that only does it",
    "support-verbs": "help given on another user's data: 'see a gardener's plants, resend a reminder'",
    "administering-nouns": "back-office work named after its object: 'user management'",
    "object-modifiers": "words after an object that make it part of another name: 'accounts payable'",
    "deciding-verbs": "verbs of deciding a purchase, with an object below: 'approves the purchase'",
    "purchase-objects": "what deciding a purchase is about: the contract, the subscription, the budget",
    "deciding-nouns": "a purchase decision named after its object: 'budget approval'",
    "reporting-verbs": "verbs of running the business with the product: 'reads', 'reviews'",
    "reported-objects": "what the business is run with: reports, revenue, sales, analytics",
    "not-modifiers": "words before a role that are not part of its name: 'new', 'paying', 'helps'",
    "inflected-modifiers": "plural words that name a trade or team before a role: 'sales reps'",
    "generic-roles": "role words that are never merged into a longer role ending with them",
    "generic-story-roles": "story roles that say nothing about whose need it is: 'user', 'someone'",
    "generic-customers": "the generic words for a customer, which name no one who decides",
    "marketplace-sides": "the sides of a marketplace that trade goods with each other",
    "persona-fields": "labels of a persona template's fields, which name no role: 'goals', 'pain points'",
    "declaring-operational": "title words that declare the roles under them operational users",
    "declaring-management": "title words that declare the roles under them management users",
    "declaring-secondary": "title words that declare the roles under them secondary users",
    "declaring-primary": "title words that declare the roles under them primary users",
    "declaring-customer": "title words that declare the roles under them customers",
    "declaring-roles": "title words that declare roles without giving their class: 'Users', 'Personas'",
    "declaring-around": "the other words a declaring title may hold: 'Target users', 'Who are we for?'",
    "pricing-heading": "words a heading about the product's price is made of: 'Pricing & plans'",
    "pricing-words": "the words that make such a heading about pricing",
    "deferred-pricing": "words that, under a deferring heading, show pricing was considered",
    "currency-codes": "ISO currency codes an amount may be written with: 'HKD 38/month', '100 MXN'",
    "organisation-heads": "nouns that name an organisation rather than a person: 'clinic', 'firm'",
    "team-labels": "labels of a line naming the document's own team: 'Team:', 'Owner:', 'Reviewers:'",
    "team-labels-opening": "such labels only in the document's opening lines: 'Audience:'",
    "team-columns": "table column headers naming who owns a piece of work: 'Owner', 'DRI'",
}
# Declaring title words, most specific class first: the first list a title's words meet decides.
DECLARING_CLASSES: tuple[tuple[str, str | None, str | None], ...] = (
    ("declaring-operational", USER, OPERATIONAL),
    ("declaring-management", USER, MANAGEMENT),
    ("declaring-secondary", USER, SECONDARY),
    ("declaring-primary", USER, PRIMARY),
    ("declaring-customer", CUSTOMER, None),
    ("declaring-roles", None, None),
)
# Lists whose entries are role names, kept in the form roles are merged under.
_ROLE_LISTS = frozenset(
    {"generic-roles", "generic-story-roles", "generic-customers", "marketplace-sides", "persona-fields"}
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
    """The key roles are merged under: lower case, single spaces, the last word singular, no
    numbering in front ("2. Lead attorneys" is "lead attorney")."""
    words = strip_numbering(text).lower().replace("’", "'").split()
    if not words:
        return ""
    words[-1] = singular(words[-1])
    return " ".join(words)


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
    """Token patterns in the compact form of prdlint.language.business.token_pattern."""


def signal_categories(tables: Iterable[Mapping[str, Any]]) -> list[str]:
    """The signal categories the given vocabulary tables define, for config to extend."""
    return sorted({category for table in tables for category in table.get("signals", {})})


def word_list_names(tables: Iterable[Mapping[str, Any]]) -> list[str]:
    """The word lists the given vocabulary tables define, for config to extend."""
    return sorted({name for table in tables for name in table.get("words", {})})


@dataclass(frozen=True)
class Vocabulary:
    """The merged vocabulary of one configuration. Immutable: one is shared by every document
    and every rule that runs with the same plugins and config."""

    heads: Mapping[str, RoleClass] = field(default_factory=dict)
    synonyms: Mapping[str, str] = field(default_factory=dict)
    compounds: frozenset[str] = frozenset()
    not_roles: frozenset[str] = frozenset()
    paying_compounds: frozenset[str] = frozenset()
    decision_heads: frozenset[str] = frozenset()
    signals: Mapping[str, SignalClass] = field(default_factory=dict)
    word_lists: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def words(self, name: str) -> frozenset[str]:
        """One word list of the `[words]` table (empty when no vocabulary defines it)."""
        return self.word_lists.get(name, frozenset())

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


class _Merger:
    """Gathers vocabulary tables and config, in order, into one Vocabulary."""

    def __init__(self) -> None:
        self.heads: dict[str, RoleClass] = {}
        self.synonyms: dict[str, str] = {}
        self.compounds: set[str] = set()
        self.not_roles: set[str] = set()
        self.paying_compounds: set[str] = set()
        self.decision_heads: set[str] = set()
        self.phrases: dict[str, set[str]] = {}
        self.patterns: dict[str, set[str]] = {}
        self.streams: dict[str, str | None] = {}
        self.payers: dict[str, tuple[str, ...]] = {}
        self.word_lists: dict[str, set[str]] = {}

    def _words(self, lists: Mapping[str, Iterable[str]]) -> None:
        for name, entries in lists.items():
            normal = normalize_role if name in _ROLE_LISTS else str.lower
            self.word_lists.setdefault(name, set()).update(normal(entry) for entry in entries)

    def _signal(self, category: str, phrases: Iterable[str]) -> None:
        self.phrases.setdefault(category, set()).update(phrase.lower() for phrase in phrases)
        self.streams.setdefault(category, None)
        self.payers.setdefault(category, ())

    def table(self, table: Mapping[str, Any]) -> None:
        """One vocabulary in the layout of prdlint_rules/stakeholders/vocabulary.toml."""
        for cls in (CUSTOMER, BOTH, INTERNAL, PARTY):
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
            self._signal(category, entry.get("phrases", []))
            self.patterns.setdefault(category, set()).update(entry.get("patterns", []))
            self.streams[category] = entry.get("stream", self.streams[category])
            self.payers[category] += tuple(normalize_role(p) for p in entry.get("payers", []))
        self._words(table.get("words", {}))

    def config(self, config: Mapping[str, Any]) -> None:
        """`[tool.prdlint.vocabulary]`: heads per class, synonyms, compounds, word lists and
        signal phrases."""
        for key, (cls, kind) in CONFIG_CLASSES.items():
            for head in config.get(key, []):
                self.heads[normalize_role(head)] = RoleClass(cls, kind)
        for word, target in config.get("synonyms", {}).items():
            self.synonyms[normalize_role(word)] = normalize_role(target)
        self.compounds.update(word.lower() for word in config.get("compounds", []))
        self.not_roles.update(normalize_role(phrase) for phrase in config.get("not-roles", []))
        self.decision_heads.update(normalize_role(head) for head in config.get("decision-makers", []))
        for category, phrases in config.get("signals", {}).items():
            self._signal(category, phrases)
        self._words(config.get("words", {}))

    def vocabulary(self) -> Vocabulary:
        return Vocabulary(
            heads=MappingProxyType(dict(self.heads)),
            synonyms=MappingProxyType(dict(self.synonyms)),
            compounds=frozenset(self.compounds),
            not_roles=frozenset(self.not_roles),
            paying_compounds=frozenset(self.paying_compounds),
            decision_heads=frozenset(self.decision_heads),
            signals=MappingProxyType(
                {
                    category: SignalClass(
                        frozenset(phrases),
                        self.streams[category],
                        self.payers[category],
                        frozenset(self.patterns.get(category, ())),
                    )
                    for category, phrases in self.phrases.items()
                }
            ),
            word_lists=MappingProxyType({name: frozenset(words) for name, words in self.word_lists.items()}),
        )


def merge_vocabularies(
    tables: Iterable[Mapping[str, Any]], config: Mapping[str, Any] | None = None
) -> Vocabulary:
    """The plugins' vocabulary tables in order, then the config's additions, as one Vocabulary."""
    merger = _Merger()
    for table in tables:
        merger.table(table)
    if config:
        merger.config(config)
    return merger.vocabulary()
