"""What a block must hold for a matcher to find anything in it: the anchor words of its phrases
and patterns, searched in the block's text before any token is made.

spaCy's matchers cost time on every token they are run over, and tokenizing costs more: a block
whose text holds none of a matcher's anchor words cannot hold a match, and need not be read. A
phrase's anchor is its longest word ("accounts" of "no accounts"), a pattern's its required word
with the fewest alternatives; a token's text is in the text it came from, and a word of letters
among the text's words ("ad" in "ad-hoc", not in "add").

The evidence collectors scan blocks with regular expressions the same way: `Anchored` pairs a
pattern with words one of which every match of it holds, and `BlockIndex` gives the blocks that
hold one, so a scan of a long document reads the few blocks that can match instead of all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from prdlint.api import Block

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
# The letters a case-insensitive pattern matches as another letter that lower() does not give:
# re's IGNORECASE reads the long s (U+017F) as "s", the dotless i (U+0131) and the capital I with a
# dot (U+0130) as "i". A text that holds one has its words found in both spellings.
_CASE_FOLDED = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i"})


@dataclass(frozen=True)
class TextWords:
    """A block's text as anchors are looked for in it, worked out once per block: in lower case,
    and its words."""

    lowered: str
    words: frozenset[str]


def text_words(text: str) -> TextWords:
    lowered = text.lower()
    words = _WORDS.findall(lowered)
    if not text.isascii():
        words += _WORDS.findall(text.translate(_CASE_FOLDED).lower())
    return TextWords(lowered, frozenset(words))


# Block texts this long or shorter have their words kept (up to this many): an editor's next lint
# finds most blocks as they were.
_KEPT_TEXT = 2_000
_kept_text_words = lru_cache(maxsize=4_096)(text_words)


def block_words(text: str) -> TextWords:
    """`text_words` of a block's text, kept for the next lint of the same text."""
    return _kept_text_words(text) if len(text) <= _KEPT_TEXT else text_words(text)


def forget_block_words() -> None:
    _kept_text_words.cache_clear()


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


@dataclass(frozen=True)
class Anchored:
    """A pattern and its anchor words: lower-case words of letters and digits, one of which
    every text the pattern matches holds as a whole word (as `\\w+` splits it). A test draws
    texts from each collector's pattern and holds it to that."""

    pattern: re.Pattern[str]
    anchors: frozenset[str]

    def __post_init__(self) -> None:
        if not self.anchors or not all(
            _WORDS.fullmatch(word) and word == word.lower() for word in self.anchors
        ):
            raise ValueError(f"anchors must be lower-case words: {sorted(self.anchors)}")


class BlockIndex:
    """The words of each block, so a scan reads only the blocks that hold its anchors, in the
    document's order. A test of each block's word set costs a fraction of a search of its text,
    and holds no more than the word sets the stage has already made."""

    def __init__(self, blocks: Sequence[Block], texts: Sequence[TextWords]) -> None:
        self._blocks = list(zip(blocks, [text.words for text in texts], strict=True))
        self._found: dict[frozenset[str], list[Block]] = {}
        """The blocks found for each set of words asked for: both drafts of the roles ask."""

    @classmethod
    def of(cls, blocks: Sequence[Block]) -> BlockIndex:
        return cls(blocks, [text_words(block.text) for block in blocks])

    def holding(self, words: frozenset[str]) -> list[Block]:
        """The blocks that hold one of `words`, in the document's order."""
        found = self._found.get(words)
        if found is None:
            found = self._found[words] = [block for block, held in self._blocks if not words.isdisjoint(held)]
        return found

    def finditer(self, anchored: Anchored) -> Iterator[tuple[Block, re.Match[str]]]:
        """Every match of the pattern in every block, as a scan of all blocks would find them."""
        for block in self.holding(anchored.anchors):
            for match in anchored.pattern.finditer(block.text):
                yield block, match
