"""The collectors' anchored scans: a pattern is run only over the blocks that hold one of its
anchor words, so each pattern's anchors must be in every text it can match, and a scan must
find what reading every block would."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import prdlint_rules.stakeholders.reading.collectors as collectors
from prdlint.document import parse_document
from prdlint_rules.stakeholders.reading.anchors import Anchored, Anchors, BlockIndex, text_words


def _anchored_patterns() -> dict[str, Anchored]:
    found = {}
    for module in pkgutil.iter_modules(collectors.__path__):
        loaded = importlib.import_module(f"{collectors.__name__}.{module.name}")
        for name, value in vars(loaded).items():
            if isinstance(value, Anchored):
                found[f"{module.name}.{name}"] = value
    return found


ANCHORED = _anchored_patterns()


def test_the_collectors_scans_are_found() -> None:
    # A scan that stopped being Anchored would drop out of the test below unseen.
    assert len(ANCHORED) >= 9, sorted(ANCHORED)


@pytest.mark.parametrize("name", sorted(ANCHORED))
def test_every_text_a_pattern_matches_holds_one_of_its_anchors(name: str) -> None:
    anchored = ANCHORED[name]

    @given(st.from_regex(anchored.pattern))
    def holds_an_anchor(text: str) -> None:
        assert anchored.pattern.search(text)
        assert set(text_words(text).words) & anchored.anchors, f"{text!r} matches with none of the anchors"

    holds_an_anchor()


def test_letters_that_ignorecase_matches_but_lower_misses_still_give_the_anchor() -> None:
    # re's IGNORECASE reads the long s (U+017F) as "s" and the dotted capital I (U+0130) as "i".
    for pattern, word, text in (
        (r"\bfees\b", "fees", "FEE\u017f apply"),
        (r"\bfit\b", "fit", "F\u0130T"),
        (r"\bfit\b", "fit", "a f\u0131t \u2014 quoted"),
    ):
        assert re.search(pattern, text, re.IGNORECASE)
        assert word in text_words(text).words
    assert "fees" not in text_words("feed us").words


def test_anchors_must_be_lower_case_words() -> None:
    for anchors in (frozenset(), frozenset({"Fees"}), frozenset({"take rate"}), frozenset({"%"})):
        with pytest.raises(ValueError, match="lower-case words"):
            Anchored(re.compile("x"), anchors)


_DOCUMENT = """# Ledger

Hosts list rooms. A platform fee is deducted from the host's payout.

- Clinics buy Ledger for their staff.
- Nothing else here.

| Plan | Price |
|---|---|
| Team plan | $9 |

The board approves the purchase. Fees taken from each seller's earnings, then kept.
"""


@given(
    st.lists(st.sampled_from(["fee", "deducted", "from", "the", "host's", "payout", "buy", "Team", "plan"]))
)
def test_a_scan_finds_in_document_order_what_reading_every_block_finds(words: list[str]) -> None:
    document = parse_document(_DOCUMENT + "\n" + " ".join(words) + "\n")
    index = BlockIndex.of(document.blocks)
    for anchored in ANCHORED.values():
        every_block = [
            (block, match.span())
            for block in document.blocks
            for match in anchored.pattern.finditer(block.text)
        ]
        scanned = [(block, match.span()) for block, match in index.finditer(anchored)]
        assert scanned == every_block


def test_blocks_holding_come_in_document_order_once_each() -> None:
    document = parse_document("# Fees\n\nA fee, a fee.\n\nNo charge.\n\nA commission and a fee.\n")
    held = BlockIndex.of(document.blocks).holding(frozenset({"fee", "commission", "fees"}))
    assert [block.text for block in held] == ["Fees", "A fee, a fee.", "A commission and a fee."]


# Words and other anchors, with a sigma in a word and in another anchor (such an anchor holds
# anywhere: its lower case could differ from the text's).
_ANCHOR_WORDS = ["plan", "seat", "free→premium", "%", "οδοσ", "οδος's", "op", "co-op"]
_ANCHOR_TEXTS = st.lists(
    st.sampled_from(["Plan", "plans", "free→premium", "50%", "ΟΔΟΣ's", "ſeat", "seat", "co-op", "and"]),
    max_size=6,
).map(" ".join)


@given(
    st.lists(_ANCHOR_TEXTS, min_size=1, max_size=6),
    st.sets(st.sampled_from(_ANCHOR_WORDS), min_size=1),
)
def test_the_blocks_anchors_are_in_are_those_whose_text_holds_them(texts: list[str], words: set[str]) -> None:
    # The second reading of a document's own roles asks the index instead of every block's words.
    document = parse_document("".join(f"- {text or 'none'}\n" for text in texts))
    anchors = Anchors(words)
    expected = [block for block in document.blocks if anchors.in_text(text_words(block.text))]
    assert BlockIndex.of(document.blocks).anchored(anchors) == expected
