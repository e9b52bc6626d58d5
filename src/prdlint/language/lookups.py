"""The two English tables of spacy-lookups-data that prdlint reads, shipped with it.

The lookup lemmatizer of the built-in pipeline reads `lemma_lookup` ("reports" -> "report"), and
the word classes read `lemma_index` (WordNet's nouns, verbs and adjectives). spacy-lookups-data
holds them among tables for every language spaCy supports, 99 MB installed; the two are 0.6 MB
compressed, copied unchanged (data/LICENSE.txt says from where and under which licences).
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib.resources import files
from typing import Any

LEMMA_LOOKUP = "lemma_lookup"
LEMMA_INDEX = "lemma_index"


@cache
def english_table(name: str) -> dict[str, Any]:
    """One table, read once per process."""
    data = files("prdlint.language").joinpath("data", f"en_{name}.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))
