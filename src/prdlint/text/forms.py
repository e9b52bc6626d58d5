"""English word forms, one set of rules for every reader: the singular and plural of a name, the
form a verb takes after "he" or "she" and back, every form a lemma is written in, and the key a
name is merged under.

No dictionary: the regular rules and a few exceptions, enough for the names of roles and the verbs
of requirements ("owners" -> "owner", "parties" -> "party", "manage" -> "manages", "verifies" ->
"verify").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from prdlint.text.headings import strip_numbering

_IRREGULAR_PLURALS = {
    "person": "people",
    "man": "men",
    "woman": "women",
    "child": "children",
    "staff": "staff",
}
_IRREGULAR_SINGULARS = {plural: singular for singular, plural in _IRREGULAR_PLURALS.items()}
# Words whose plural is themselves, and short words no rule should touch.
_UNCHANGED = frozenset(
    {"ops", "staff", "press", "series", "analytics", "sales", "finance", "marketing", "legal", "qa"}
)
_SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z")
_VOWELS = "aeiou"


def singular(word: str) -> str:
    """English singular of a name: "owners" -> "owner", "parties" -> "party", "people" -> "person"."""
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
    """English plural of a name: "owner" -> "owners", "party" -> "parties"; a word ending in s is
    taken to be plural already."""
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[lower]
    if lower in _UNCHANGED or lower.endswith("s"):
        return lower
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
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
    """The key a name is merged under: lower case, single spaces, the last word singular, no
    numbering in front ("2. Lead attorneys" is "lead attorney")."""
    return _kept_role_key(text) if len(text) <= _KEPT_NAME_LENGTH else _role_key(text)


def _role_key(text: str) -> str:
    words = strip_numbering(text).lower().replace("’", "'").split()
    if not words:
        return ""
    words[-1] = singular(words[-1])
    return " ".join(words)


# Names this long or shorter have their keys kept: the readers of a document ask the key of the
# same names again and again, and an editor's next lint asks again.
_KEPT_NAME_LENGTH = 80
_kept_role_key = lru_cache(maxsize=4_096)(_role_key)


def forget_role_keys() -> None:
    """Lets go of every kept key: for measuring reads as if each name were new."""
    _kept_role_key.cache_clear()


def third_person(verb: str) -> str:
    """The verb as it follows "she": "manage" -> "manages", "fix" -> "fixes"."""
    if verb.endswith(_SIBILANT_ENDINGS):
        return verb + "es"
    return verb + "s"


@cache
def present_forms(verbs: frozenset[str]) -> frozenset[str]:
    """Each verb as a role's action is written: "manage" and "manages". Participles are left out:
    "Tutor vetting and review", "assigned driver" name things, not what the role does."""
    return frozenset(form for verb in verbs for form in (verb, third_person(verb)))


def base_forms(word: str) -> tuple[str, ...]:
    """What a verb written after "she" may be the base form of: "adds" -> "adds", "add"; "creates"
    -> "creates", "create", "creat"."""
    forms = [word]
    if word.endswith("s"):
        forms.append(word[:-1])
        if word.endswith("es"):
            forms.append(word[:-2])
    return tuple(forms)


def inflections(lemma: str) -> tuple[str, ...]:
    """The forms a lemma is written in, longest first, so "user" finds "users" and "approve"
    "approved"."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing", lemma + "'s"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    return tuple(sorted(forms, key=len, reverse=True))
