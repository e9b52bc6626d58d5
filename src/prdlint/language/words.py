"""The words of a story's means, read from a spaCy Doc into plain Words the rules can look up."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from prdlint.language.lookups import lemma_of
from prdlint.language.model import Word
from prdlint.language.wordclasses import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _can_be_noun(lower: str, lemma: str, classes: WordClasses) -> bool:
    """A noun, or the plural of one ("complaints"); "moving" is no noun for being "move"'s form."""
    return lower in classes.nouns or (lower.endswith("s") and lemma in classes.nouns)


def words_of(doc: Doc, classes: WordClasses) -> tuple[Word, ...]:
    """The words of a story's means. Their texts and lemmas are interned: a long document's
    stories repeat the same few hundred words, and a string of each took most of their memory."""
    words = []
    for token in doc:
        if token.is_space:
            continue
        lower, lemma = token.lower_, sys.intern(lemma_of(token).lower())
        words.append(
            Word(
                sys.intern(token.text),
                lemma,
                token.idx,
                token.is_punct,
                token.is_stop,
                lower in classes.verbs,
                _can_be_noun(lower, lemma, classes),
                lower in classes.adjectives,
            )
        )
    return tuple(words)
