"""How often the garbage collector runs while a document is linted.

A lint makes tens of thousands of short-lived objects that reference counting frees, and at
CPython's default the youngest generation is collected after every 700 new objects, each time
walking those still alive: over the 1 MB corpus that was a tenth of the run. Collected after
10,000 instead, a lint runs that much faster. What only the collector frees (a document's
sections point to their parents and children) is freed at the next collection, so a long-lived
process holds at most one more document's cycles: the peak memory of the corpus run and of a
long editing session was the same.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_YOUNG = 10_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The youngest generation collected after `_YOUNG` new objects, for the block."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], _YOUNG), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
