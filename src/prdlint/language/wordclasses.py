"""Which English words can be nouns, verbs or adjectives, from spacy-lookups-data's WordNet lists.

The default pipeline has no part-of-speech tagger; these lists are enough to tell "restaurant
owners" (a noun naming a trade) from "manage members" (a verb) or "legitimate members" (an
adjective) when a role grows to the left. Read once per process, when a stage first needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class WordClasses:
    nouns: frozenset[str]
    verbs: frozenset[str]
    adjectives: frozenset[str]


@cache
def word_classes() -> WordClasses:
    from spacy.lookups import load_lookups  # imports spaCy: only when a stage needs the lists
    from spacy.strings import get_string_id

    index = load_lookups("en", ["lemma_index"]).get_table("lemma_index")

    def words(pos: str) -> frozenset[str]:
        return frozenset(index.get(get_string_id(pos), []))

    return WordClasses(words("noun"), words("verb"), words("adj"))
