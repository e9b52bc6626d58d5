"""A time budget for analysing one document, so no document holds a commit hook or an editor.

The budget grows with the document: `BASE_SECONDS` plus `SECONDS_PER_KB` for each kilobyte, many
times what a real PRD costs. The analysis checks it between blocks and between collectors; past
it, the stage stops with `AnalysisTimeoutError`, which the engine reports as one finding naming the
file, its size and the budget, while the rules that need no analysis still run.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

BASE_SECONDS = 5.0
SECONDS_PER_KB = 0.05

_deadline: ContextVar[tuple[float, float, int] | None] = ContextVar("prdlint_deadline", default=None)


class AnalysisTimeoutError(Exception):
    """The analysis of a document took longer than its budget."""

    def __init__(self, budget: float, size: int) -> None:
        self.budget = budget
        self.size = size
        super().__init__(
            f"stopped after its time budget of {budget:.1f} s for a document of {size / 1024:,.1f} KB"
        )


def budget_for(size: int) -> float:
    """Seconds the analysis of a document of `size` bytes may take."""
    return BASE_SECONDS + SECONDS_PER_KB * size / 1024


@contextmanager
def within_budget(size: int) -> Iterator[None]:
    """Sets the budget for the analysis run inside the block; inside a budget already running, the
    block shares it (a document has one budget, however many times its stages are asked for)."""
    if _deadline.get() is not None:
        yield
        return
    budget = budget_for(size)
    token = _deadline.set((time.monotonic() + budget, budget, size))
    try:
        yield
    finally:
        _deadline.reset(token)


@contextmanager
def paused() -> Iterator[None]:
    """Stops the clock for the block: what it builds for the whole process (a pipeline, matchers)
    is no document's fault, and on a busy machine it could take a document's whole budget."""
    start = time.monotonic()
    try:
        yield
    finally:
        current = _deadline.get()
        if current is not None:
            _deadline.set((current[0] + time.monotonic() - start, current[1], current[2]))


def check_deadline() -> None:
    """Raises AnalysisTimeoutError when the current document's budget is spent."""
    current = _deadline.get()
    if current is not None and time.monotonic() > current[0]:
        raise AnalysisTimeoutError(current[1], current[2])
