"""The spaCy pipeline, loaded lazily and once per process per model.

The default is English without a trained model: tokenizer and rule-based sentence boundaries. It
needs no download and is what every built-in rule needs. Lemmas are looked up where a reader asks
for one (`lemma_of`, lookups.py), not set on every token: few are ever read.
A trained pipeline named in config (`[tool.prdlint.nlp] model = "en_core_web_sm"`) adds
part-of-speech tags and dependencies for rules that declare they need them.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from prdlint.language.model import DEP, POS

if TYPE_CHECKING:
    from spacy.language import Language

# What a trained pipeline may add to the built-in one, for rules to declare in their `needs`,
# and the token attributes whose assignment by some component gives each.
_ASSIGNS = {POS: {"token.tag", "token.pos"}, DEP: {"token.dep"}}
TRAINED_CAPABILITIES = frozenset(_ASSIGNS)
# No word of prose is this long; a longer run ("=" * 8000, a pasted hash) costs spaCy's tokenizer
# time growing with the square of its length.
_LONGEST_TOKEN = 100
_RUN = re.compile(rf"\S{{{_LONGEST_TOKEN}}}")


def for_tokenizer(text: str) -> str:
    """The text as the pipeline reads it: line breaks inside a paragraph are spaces, and a run of
    characters with no space longer than any word is broken by a space every `_LONGEST_TOKEN`
    characters. Same length, so every offset still points into the source."""
    return _RUN.sub(lambda run: run.group()[:-1] + " ", text.replace("\n", " "))


def is_model_path(model: str) -> bool:
    """Whether `nlp.model` names a folder (a pipeline saved with `nlp.to_disk`), not a package."""
    return "/" in model or "\\" in model or model.startswith(".")


def model_problem(model: str) -> str | None:
    """Why a configured model cannot be used, or None. Checked without importing spaCy."""
    if is_model_path(model):
        if not (Path(model) / "config.cfg").is_file():
            return f"{model} is not a saved spaCy pipeline (a folder with a config.cfg)"
        return None
    if importlib.util.find_spec(model.replace("-", "_")) is None:
        return (
            f"spaCy pipeline {model!r} is not installed; install it with "
            f"`python -m spacy download {model}` (or pip install the model package), "
            "or remove nlp.model to use the built-in English pipeline"
        )
    return None


@cache
def capabilities(model: str | None) -> frozenset[str]:
    """What the pipeline for `model` annotates beyond the built-in one, as its components declare
    it: `pos` where one assigns tags, `dep` where one assigns dependencies. The built-in pipeline
    provides neither and is not loaded to say so; a configured one is."""
    if not model:
        return frozenset()
    summary = load_pipeline(model).analyze_pipes()["summary"]
    assigned = {attribute for component in summary.values() for attribute in component["assigns"]}
    return frozenset(need for need, attributes in _ASSIGNS.items() if assigned & attributes)


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The pipeline for `model` (None: the built-in blank English one), built once per process."""
    import spacy

    if model:
        return spacy.load(model, exclude=["ner"])
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
