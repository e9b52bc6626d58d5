"""The two English tables of spacy-lookups-data that prdlint reads, shipped with it.

Lemmas come from `lemma_lookup` ("reports" -> "report"), looked up for the few words whose lemma
is asked for rather than set on every token by a pipeline component, and the word classes read
`lemma_index` (WordNet's nouns, verbs and adjectives). spacy-lookups-data holds them among tables
for every language spaCy supports, 99 MB installed; the two are 0.6 MB compressed, copied
unchanged (data/LICENSE.txt says from where and under which licences).
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

LEMMA_LOOKUP = "lemma_lookup"
LEMMA_INDEX = "lemma_index"


def english_table(name: str) -> dict[str, Any]:
    """One table as shipped; its readers keep what they need of it, once per process."""
    data = files("prdlint.language").joinpath("data", f"en_{name}.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


@cache
def lookup_lemmas() -> dict[str, str]:
    """Each English word form's lemma, by the form as written ("Reports" is not "reports"). The
    forms of one lemma share one string of it, where the table as read has one for each form."""
    table: dict[str, str] = english_table(LEMMA_LOOKUP)
    lemmas: dict[str, str] = {}
    for form, lemma in table.items():
        table[form] = lemmas.setdefault(lemma, lemma)
    return table


def lemma_of(token: Token) -> str:
    """The token's lemma: the one a trained pipeline's lemmatizer set, else the lookup table's,
    as spaCy's lookup lemmatizer would have set it."""
    return token.lemma_ if token.lemma else lookup_lemmas().get(token.text, token.text)
