"""What the stakeholder stage read in each block, kept by the block's text, so that a block that
has not changed is not read again.

In an editor a document is linted again on every change, and most of its blocks are as they
were: their tokens, mentions and business signals are too. Tokenizing and matching every block
is most of the stage's time, so the stage asks this cache first. An entry is kept without the
block it was read in (its place, a reference into the old document): on a hit the mentions and
signals are placed in the new block by their offsets. The key holds all that the reading of a
block depends on: its text, its kind and its context, which is whatever else the reading reads
(the headings over the block, or the roles looked for). The cache holds at most `size`
blocks, the least recently read dropped first, so a long editing session holds a bounded amount.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import fields
from typing import Any, TypeVar
from weakref import WeakSet

from prdlint.api import Block, BlockKind, Span
from prdlint_rules.stakeholders.reading.model import Mention, Signal

_PLACE = frozenset({"block", "span"})
_MENTION_FIELDS = tuple(field.name for field in fields(Mention) if field.name not in _PLACE)
_SIGNAL_FIELDS = tuple(field.name for field in fields(Signal) if field.name not in _PLACE)
_Key = tuple[str, BlockKind, tuple[str, ...]]
_Entry = tuple[tuple[dict[str, Any], ...], tuple[dict[str, Any], ...]]


_CACHES: WeakSet[BlockCache] = WeakSet()


def forget_all() -> None:
    """Empties every cache of the stakeholder reading in this process (blocks' readings and words,
    the answers kept.py keeps: the action readers', the vocabularies', the declared roles'
    matchers): for measuring the reading of documents as if first seen, which a benchmark that
    lints the same documents in rounds must do."""
    from prdlint_rules.stakeholders.reading.anchors import forget_block_words
    from prdlint_rules.stakeholders.reading.collectors.action_reader import shared
    from prdlint_rules.stakeholders.reading.kept import forget_answers

    for cache in list(_CACHES):
        cache.clear()
    forget_block_words()
    shared.cache_clear()
    forget_answers()


def _detached(item: Mention | Signal, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(item, name) for name in names}


_Item = TypeVar("_Item", Mention, Signal)


def _placed(kind: type[_Item], record: dict[str, Any], **place: Any) -> _Item:
    """A `kind` with the fields of `record` and `place`, made without its `__init__`: `record`
    holds the fields of one made before, and a frozen dataclass's `__init__`, which sets each
    field through `object.__setattr__`, took most of the time of placing it again."""
    made = object.__new__(kind)
    fields = vars(made)
    fields.update(record)
    fields.update(place)
    return made


class BlockCache:
    """The mentions and signals of recently read blocks, by what their reading depends on."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[_Key, _Entry] = OrderedDict()
        _CACHES.add(self)

    def clear(self) -> None:
        self._entries.clear()

    def get(self, block: Block, context: tuple[str, ...]) -> tuple[list[Mention], list[Signal]] | None:
        """What an earlier reading of the same block in the same `context` found, placed in
        `block`; None if none."""
        key = (block.text, block.kind, context)
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries.move_to_end(key)
        mentions, signals = entry
        if not mentions and not signals:
            return [], []  # most blocks: nothing to place

        def span(record: dict[str, Any]) -> Span:
            return block.span(record["start"], record["start"] + len(record["text"]))

        return (
            [_placed(Mention, record, block=block, span=span(record)) for record in mentions],
            [_placed(Signal, record, span=span(record)) for record in signals],
        )

    def put(
        self, block: Block, context: tuple[str, ...], mentions: Sequence[Mention], signals: Sequence[Signal]
    ) -> None:
        self._entries[(block.text, block.kind, context)] = (
            tuple(_detached(mention, _MENTION_FIELDS) for mention in mentions),
            tuple(_detached(signal, _SIGNAL_FIELDS) for signal in signals),
        )
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)
