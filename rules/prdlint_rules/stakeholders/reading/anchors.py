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
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING

import re2

from prdlint.api import for_tokenizer

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
# Lower-casing a text whole and a word of it alone differ only in the Greek capital sigma, whose
# small form depends on the letter after it ("ΟΔΟΣ's" whole gives a medial sigma, its token "ΟΔΟΣ"
# the final one). Words are compared with both forms read as one.
_SIGMAS = ("\u03c3", "\u03c2")


# What a text must hold for either to give other words: one of those letters, or a sigma whose
# small form may be the final one.
_FOLDED_APART = re.compile("[\u017f\u0131\u0130\u03a3\u03c2]")


def _one_sigma(word: str) -> str:
    return word.replace(_SIGMAS[1], _SIGMAS[0])


@dataclass(frozen=True)
class TextWords:
    """A block's text as anchors are looked for in it, worked out once per block: in lower case,
    and its words, each once (a tuple: a set of them took three times the memory, and the words
    are only gone through, never looked up)."""

    lowered: str
    words: tuple[str, ...]


def text_words(text: str) -> TextWords:
    lowered = text.lower()
    words = _WORDS.findall(lowered)
    if not text.isascii() and _FOLDED_APART.search(text):
        words += _WORDS.findall(_one_sigma(text.translate(_CASE_FOLDED).lower()))
    # One string for each word however many blocks hold it: a long document's word sets share
    # their words, which took a third of their memory.
    return TextWords(lowered, tuple(set(map(sys.intern, words))))


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
        self.words = frozenset(_one_sigma(word) for word in words if _WORDS.fullmatch(word))
        others = words - {word for word in words if _WORDS.fullmatch(word)}
        self.others = tuple(sorted(others))
        # Found in a text's lower case, a sigma's form could differ: such anchors hold anywhere.
        self.anywhere = any(sigma in other for other in others for sigma in _SIGMAS)

    def in_text(self, text: TextWords) -> bool:
        return (
            not self.words.isdisjoint(text.words)
            or any(other in text.lowered for other in self.others)
            or self.anywhere
        )


def phrase_anchors(phrases: Iterable[Doc]) -> frozenset[str]:
    """The longest word of each phrase, lower case."""
    return frozenset(max((token.lower_ for token in phrase), key=len) for phrase in phrases if len(phrase))


class TokenFilter:
    """Whether a spaCy matcher (matching on lower case) may match in a block, read before the
    block is tokenized: an anchor word in its text, then the tokens of one of its sequences in
    order in its prose (`prose_of`), each after the one before or a space after it. A sequence
    is written as a regular expression of its tokens joined by " ?" (`phrase_filter`,
    `pattern_filter`).

    Sound for spaCy's tokenizer: each token is a piece of the text it reads, and between two
    tokens there is nothing or one space (a longer run of spaces, or any other space character,
    is a token of its own, which no sequence of words matches). Most blocks that hold an anchor
    word hold no sequence ("support" without "support team"): they are not tokenized."""

    def __init__(self, anchors: Anchors | None, sequences: Iterable[str]) -> None:
        self.anchors = anchors
        """None: every block holds one."""
        forms = set(sequences)
        self._search: re2._Regexp | None = None
        self._always = any(sigma in form for form in forms for sigma in _SIGMAS)
        if forms and not self._always:
            options = re2.Options()
            options.log_errors = False  # past its memory RE2 searches more slowly, still right
            options.max_mem = _SEARCH_MEMORY
            self._search = re2.compile("|".join(sorted(forms)), options)

    def may_match(self, text: TextWords, prose: str) -> bool:
        """`text` is the block's `text_words`, `prose` its `prose_of`."""
        if self.anchors is not None and not self.anchors.in_text(text):
            return False
        return self.in_prose(prose)

    def in_prose(self, prose: str) -> bool:
        """The second half of `may_match`, for a block whose anchor words are known to hold."""
        return self._always or (self._search is not None and self._search.search(prose) is not None)


def phrase_filter(phrases: Sequence[Doc]) -> TokenFilter:
    """The filter of a PhraseMatcher of these phrases: their longest words, then their tokens."""
    sequences = (" ?".join(re2.escape(token.lower_) for token in phrase) for phrase in phrases if len(phrase))
    return TokenFilter(Anchors(phrase_anchors(phrases)), sequences)


def pattern_filter(patterns: Sequence[list[dict[str, object]]]) -> TokenFilter:
    """The filter of a Matcher of these token patterns (as `business.token_pattern` writes them):
    their anchor words (`pattern_anchor`; none where one pattern has none), then their tokens, a
    word as itself, any other token (a word of letters, a number) as any run without a space, an
    optional one as maybe there."""
    anchors: set[str] | None = set()
    sequences = []
    for tokens in patterns:
        anchor = pattern_anchor(tokens)
        anchors = None if anchors is None or anchor is None else anchors | anchor
        sequences.append(" ?".join(_token_form(token) for token in tokens))
    return TokenFilter(None if anchors is None else Anchors(anchors), sequences)


def _token_form(token: dict[str, object]) -> str:
    lower = token.get("LOWER")
    if isinstance(lower, dict):
        form = "(?:" + "|".join(re2.escape(str(word)) for word in lower["IN"]) + ")"
    elif lower is not None:
        form = re2.escape(str(lower))
    else:
        form = r"\S+"
    return f"(?:{form})?" if token.get("OP") == "?" else form


# What one search may take for its program and the automaton it builds as it reads (RE2's own
# default): a language server reads new text all day, and each search's automaton grows to this
# before RE2 starts it again. The built-in vocabulary's phrases compile to some 150 KB of it.
_SEARCH_MEMORY = 8 << 20


def prose_of(text: str) -> str:
    """A block's text as its tokens are made (`for_tokenizer`), in lower case: where a
    `TokenFilter` looks for its sequences."""
    return for_tokenizer(text).lower()


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
    """The blocks that hold each word, so a scan reads only the blocks that hold its anchors, in
    the document's order. A look-up of a scan's few words costs a fraction of a search of every
    block's text; the index holds each block's place once for each of its words, where a word
    set of each block held for the whole document was most of a long document's memory."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        # The places of each word's blocks as machine integers: a list of them took twice the
        # memory, and an object for each place besides.
        self._holders: defaultdict[str, array[int]] = defaultdict(partial(array, "i"))
        self._found: dict[frozenset[str], list[Block]] = {}
        """The blocks found for each set of words asked for: both drafts of the roles ask."""

    @classmethod
    def of(cls, blocks: Sequence[Block]) -> BlockIndex:
        index = cls(list(blocks))
        for place, block in enumerate(blocks):
            index.add(place, text_words(block.text).words)
        return index

    def add(self, place: int, words: Iterable[str]) -> None:
        """Records that the block at `place` holds `words`: the blocks are added in order."""
        holders = self._holders
        for word in words:
            holders[word].append(place)

    def holding(self, words: frozenset[str]) -> list[Block]:
        """The blocks that hold one of `words`, in the document's order."""
        found = self._found.get(words)
        if found is None:
            found = self._found[words] = self._at(self._places(words))
        return found

    def anchored(self, anchors: Anchors) -> list[Block]:
        """The blocks whose text `anchors.in_text` holds, in the document's order."""
        if anchors.anywhere:
            return list(self.blocks)
        places = self._places(anchors.words)
        if anchors.others:
            places.update(
                place
                for place, block in enumerate(self.blocks)
                if any(other in block.text.lower() for other in anchors.others)
            )
        return self._at(places)

    def _places(self, words: Iterable[str]) -> set[int]:
        holders = self._holders
        return {place for word in words if word in holders for place in holders[word]}

    def _at(self, places: set[int]) -> list[Block]:
        return [self.blocks[place] for place in sorted(places)]

    def finditer(self, anchored: Anchored) -> Iterator[tuple[Block, re.Match[str]]]:
        """Every match of the pattern in every block, as a scan of all blocks would find them."""
        for block in self.holding(anchored.anchors):
            for match in anchored.pattern.finditer(block.text):
                yield block, match
