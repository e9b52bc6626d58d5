"""The spaCy pipeline, loaded lazily and once per process per model.

The default is English without a trained model: tokenizer, rule-based sentence boundaries and
lookup lemmas (spacy-lookups-data). It needs no download and is what every built-in rule needs.
A trained pipeline named in config (`[tool.prdlint.nlp] model = "en_core_web_sm"`) adds
part-of-speech tags and dependencies for rules that declare they need them.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# What a trained pipeline adds to the built-in one, for rules to declare in their `needs`.
TRAINED_CAPABILITIES = frozenset({"pos", "dep"})
# No word of prose is this long; a longer run ("=" * 8000, a pasted hash) costs spaCy's tokenizer
# time growing with the square of its length.
_LONGEST_TOKEN = 100
_RUN = re.compile(rf"\S{{{_LONGEST_TOKEN}}}")


def for_tokenizer(text: str) -> str:
    """The text as the pipeline reads it: line breaks inside a paragraph are spaces, and a run of
    characters with no space longer than any word is broken by a space every `_LONGEST_TOKEN`
    characters. Same length, so every offset still points into the source."""
    return _RUN.sub(lambda run: run.group()[:-1] + " ", text.replace("\n", " "))


def model_problem(model: str) -> str | None:
    """Why a configured model cannot be used, or None. Checked without importing spaCy."""
    if importlib.util.find_spec(model.replace("-", "_")) is None:
        return (
            f"spaCy pipeline {model!r} is not installed; install it with "
            f"`python -m spacy download {model}` (or pip install the model package), "
            "or remove nlp.model to use the built-in English pipeline"
        )
    return None


def capabilities(model: str | None) -> frozenset[str]:
    return TRAINED_CAPABILITIES if model else frozenset()


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The pipeline for `model` (None: the built-in blank English one), built once per process."""
    import spacy

    if model:
        return spacy.load(model, exclude=["ner"])
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp
