"""Which English words can be nouns, verbs or adjectives, from WordNet's lists (lookups.py).

The default pipeline has no part-of-speech tagger; these lists are enough to tell "restaurant
owners" (a noun naming a trade) from "manage members" (a verb) or "legitimate members" (an
adjective) when a role grows to the left. Read once per process, when a stage first needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from prdlint.language.lookups import LEMMA_INDEX, english_table


@dataclass(frozen=True)
class WordClasses:
    nouns: frozenset[str]
    verbs: frozenset[str]
    adjectives: frozenset[str]


@cache
def word_classes() -> WordClasses:
    index = english_table(LEMMA_INDEX)

    def words(pos: str) -> frozenset[str]:
        return frozenset(index.get(pos, []))

    return WordClasses(words("noun"), words("verb"), words("adj"))
