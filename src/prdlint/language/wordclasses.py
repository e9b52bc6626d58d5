"""Which English words can be nouns, verbs or adjectives, from spacy-lookups-data's WordNet lists.

The default pipeline has no part-of-speech tagger; these lists are enough to tell "restaurant
owners" (a noun naming a trade) from "manage members" (a verb) or "legitimate members" (an
adjective) when a role grows to the left.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.lookups import load_lookups
from spacy.strings import get_string_id


@dataclass(frozen=True)
class WordClasses:
    nouns: frozenset[str]
    verbs: frozenset[str]
    adjectives: frozenset[str]


@cache
def word_classes() -> WordClasses:
    index = load_lookups("en", ["lemma_index"]).get_table("lemma_index")

    def words(pos: str) -> frozenset[str]:
        return frozenset(index.get(get_string_id(pos), []))

    return WordClasses(words("noun"), words("verb"), words("adj"))
