"""The words of a story's means, with their lemmas: what the story rules compare and parse.

Kept apart from spaCy's `Doc` so rules look up plain values and never touch the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    lemma: str
    start: int
    """Offset in the text the word was read from."""
    is_punct: bool
    is_stop: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


def words_of(doc: Doc) -> tuple[Word, ...]:
    return tuple(
        Word(token.text, (token.lemma_ or token.text).lower(), token.idx, token.is_punct, token.is_stop)
        for token in doc
        if not token.is_space
    )
