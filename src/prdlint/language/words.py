"""The words of a story's means, read from a spaCy Doc into plain Words the rules can look up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prdlint.language.lookups import lemma_of
from prdlint.language.model import Word
from prdlint.language.wordclasses import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _can_be_noun(token: Token, classes: WordClasses) -> bool:
    """A noun, or the plural of one ("complaints"); "moving" is no noun for being "move"'s form."""
    lower = token.lower_
    lemma = lemma_of(token).lower()
    return lower in classes.nouns or (lower.endswith("s") and lemma in classes.nouns)


def words_of(doc: Doc, classes: WordClasses) -> tuple[Word, ...]:
    return tuple(
        Word(
            token.text,
            lemma_of(token).lower(),
            token.idx,
            token.is_punct,
            token.is_stop,
            token.lower_ in classes.verbs,
            _can_be_noun(token, classes),
            token.lower_ in classes.adjectives,
        )
        for token in doc
        if not token.is_space
    )
