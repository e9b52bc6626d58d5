"""The words of a story's means, read from a spaCy Doc into plain Words the rules can look up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prdlint.language.model import Word
from prdlint.language.wordclasses import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Doc


def words_of(doc: Doc, classes: WordClasses) -> tuple[Word, ...]:
    return tuple(
        Word(
            token.text,
            (token.lemma_ or token.text).lower(),
            token.idx,
            token.is_punct,
            token.is_stop,
            token.lower_ in classes.verbs,
        )
        for token in doc
        if not token.is_space
    )
