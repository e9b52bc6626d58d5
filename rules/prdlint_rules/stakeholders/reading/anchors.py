"""What a block must hold for a matcher to find anything in it: the anchor words of its phrases
and patterns, searched in the block's text before any token is made.

spaCy's matchers cost time on every token they are run over, and tokenizing costs more: a block
whose text holds none of a matcher's anchor words cannot hold a match, and need not be read. A
phrase's anchor is its longest word ("accounts" of "no accounts"), a pattern's its required word
with the fewest alternatives; a token's text is in the text it came from, and a word of letters
among the text's words ("ad" in "ad-hoc", not in "add").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

# Words too common to tell a block that may match a pattern from one that cannot.
_COMMON = frozenset(
    "a an the one any each every per of to for on in is are be will and or its their our".split()
)


def pattern_anchor(tokens: list[dict[str, object]]) -> frozenset[str] | None:
    """Words one of which a block must hold for the pattern to match in it: those of its required
    word with the fewest alternatives ("refund|refunds" in "issue|handle a|the? refund|refunds"),
    None where every required token is any word or a number."""
    choices = []
    for token in tokens:
        lower = token.get("LOWER")
        if "OP" in token or lower is None:
            continue
        words = frozenset(lower["IN"]) if isinstance(lower, dict) else frozenset({str(lower)})
        if not words & _COMMON:
            choices.append(words)
    return min(choices, key=len, default=None)


_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class TextWords:
    """A block's text as anchors are looked for in it, worked out once per block: in lower case,
    and its words."""

    lowered: str
    words: frozenset[str]


def text_words(text: str) -> TextWords:
    lowered = text.lower()
    return TextWords(lowered, frozenset(_WORDS.findall(lowered)))


class Anchors:
    """A set of anchor words: a word made of letters and digits is looked up among a text's
    words, any other ("free→premium", "%") found in its lower-cased text."""

    def __init__(self, words: Iterable[str]) -> None:
        words = set(words)
        self.words = frozenset(word for word in words if _WORDS.fullmatch(word))
        self.others = tuple(sorted(words - self.words))

    def in_text(self, text: TextWords) -> bool:
        return not self.words.isdisjoint(text.words) or any(other in text.lowered for other in self.others)


def phrase_anchors(phrases: Iterable[Doc]) -> frozenset[str]:
    """The longest word of each phrase, lower case."""
    return frozenset(max((token.lower_ for token in phrase), key=len) for phrase in phrases if len(phrase))
