"""placeholder-text reads only the blocks that one RE2 search of all the blocks' texts finds may
hold a placeholder: every block in which reading it finds one must be among them."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from prdlint.document import parse_document
from prdlint_rules.document.placeholder_text import DEFAULT_MARKERS, PlaceholderText, _worth_reading

_PIECES = [
    *DEFAULT_MARKERS,
    "??",
    "???",
    "X%",
    "$X",
    "[Insert date]",
    "<your company>",
    "{{owner}}",
    "{name}",
    "Lorem ipsum",
    "LOREM",
    "To Be Determined",
    "to be decided",
    "tbd",
    "Launch",
    " ",
    "\n\n",
    "- ",
    "| a | b |\n|---|---|\n| c | d |\n",
    "é",
    "\u0130",
    "`code`",
    "(",
    ")",
    ".",
]


def _found_in(block_text_markers: tuple[str, ...], text: str) -> tuple[set[int], set[int]]:
    document = parse_document(text)
    rule = PlaceholderText()
    read = {block.index for block in _worth_reading(document.blocks, block_text_markers)}
    found = set()
    for block in document.blocks:
        if list(rule._check_block(block, block_text_markers, document, True)) or block.html:
            found.add(block.index)
    return read, found


@given(
    st.lists(st.sampled_from(_PIECES), max_size=12).map("".join),
    st.sampled_from([DEFAULT_MARKERS, ("WIP", "??"), (), ("a\x00b",)]),
)
@example("Pricing: TBD.\n\nNothing here.", DEFAULT_MARKERS)
@example("LOREM IPSUM dolor", ())
def test_every_block_with_a_placeholder_is_read(text: str, markers: tuple[str, ...]) -> None:
    read, found = _found_in(markers, text)
    assert found <= read


def test_blocks_without_a_placeholder_are_not_read() -> None:
    document = parse_document("# Goals\n\nShip the export.\n\nPricing: TBD.\n\n- Invite [Team name]\n")
    read = [block.text for block in _worth_reading(document.blocks, DEFAULT_MARKERS)]
    assert read == ["Pricing: TBD.", "Invite [Team name]"]
