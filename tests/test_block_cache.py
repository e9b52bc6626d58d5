"""The stakeholder stage keeps what it read in each block, so that an editor's next lint reads only
the blocks that changed. A reading from the cache must be the reading from scratch."""

from __future__ import annotations

from conftest import read_stakeholders
from prdlint.document import parse_document
from prdlint_rules.stakeholders.reading import stage
from prdlint_rules.stakeholders.reading.block_cache import BlockCache
from prdlint_rules.stakeholders.reading.model import Mention, Signal, StakeholderReading

PRD = """# Crate: a marketplace for second-hand records

## Users

- **Collectors** buy records; **shops** list their stock and pay a 5% fee on each sale.
- **Support agents** settle disputes between collectors and shops.

## Requirements

- A collector can request a refund when a record does not arrive.
- The Pro plan for shops costs 9,90€ a month.
"""
# Never in the text: a vocabulary setting of its own gives the stage a cache of its own.
_COLD = {"operational": ["zzqx keeper"]}


def _read_as(reading: StakeholderReading) -> dict[str, object]:
    return {
        "roles": {
            key: (sorted(role.kinds), role.declared) for key, role in reading.stakeholders.roles.items()
        },
        "mentions": [
            (m.key, m.text, m.span, m.pays, m.uses, m.verb)
            for role in reading.stakeholders.roles.values()
            for m in role.mentions
        ],
        "signals": [
            (s.category, s.text, s.span, s.deferred, s.negated, s.headings) for s in reading.business.signals
        ],
    }


def test_an_edited_document_reads_the_same_from_the_cache_as_from_scratch() -> None:
    read_stakeholders(PRD)  # every block of it is now in the cache
    edited = PRD.replace("## Users\n", "## Users\n\nA new paragraph, above the others.\n\n")
    edited = edited.replace("9,90€", "12€")
    assert _read_as(read_stakeholders(edited)) == _read_as(read_stakeholders(edited, _COLD))


def test_the_cache_holds_at_most_its_size_and_places_what_it_kept_in_the_new_block() -> None:
    cache = BlockCache(size=2)
    first, second, third = parse_document("One.\n\nTwo.\n\nThree.\n").blocks
    for block in (first, second, third):
        cache.put(block, (), [], [])
    assert cache.get(first, ()) is None  # the least recently read went first
    assert cache.get(third, ()) == ([], [])
    moved = parse_document("New.\n\nThree.\n").blocks[1]
    assert cache.get(moved, ()) == ([], [])
    assert cache.get(moved, ("Future",)) is None  # the same text under other headings


def test_blocks_read_a_batch_of_tokens_at_a_time_read_as_in_one(monkeypatch) -> None:
    # The stage tokenizes the blocks that need tokens a batch at a time, to let their words go;
    # many more blocks than a batch, each read cold (vocabularies never in the text), in batches of
    # two against one batch.
    document = "\n\n".join(PRD.replace("Crate", f"Crate {number}") for number in range(6))
    whole = _read_as(read_stakeholders(document, {"operational": ["zzqy keeper"]}))
    monkeypatch.setattr(stage, "_TOKENIZED_AT_ONCE", 2)
    assert _read_as(read_stakeholders(document, {"operational": ["zzqz keeper"]})) == whole
    assert len(whole["mentions"]) > 12


def test_what_the_cache_places_in_a_block_equals_what_was_put_in_field_by_field() -> None:
    reading = read_stakeholders(PRD, _COLD)
    mentions = [mention for role in reading.stakeholders.roles.values() for mention in role.mentions]
    block = mentions[0].block
    kept = [mention for mention in mentions if mention.block is block]
    text = "5% fee"
    start = block.text.find(text)
    assert start > 0
    signal = Signal("fee", text, block.span(start, start + len(text)), False, True, False, ("Users",), start)
    cache = BlockCache(size=4)
    cache.put(block, ("Users",), kept, [signal])
    placed_mentions, placed_signals = cache.get(block, ("Users",))
    assert placed_mentions == kept and placed_signals == [signal]
    assert [type(m) for m in placed_mentions] == [Mention] * len(kept)
    assert {vars(m).keys() == vars(k).keys() for m, k in zip(placed_mentions, kept, strict=True)} == {True}
