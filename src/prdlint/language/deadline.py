"""A time budget for linting one document, so no document holds a commit hook, a CI run or an
editor.

The budget grows with the document: `BASE_SECONDS` plus `SECONDS_PER_KB` for each kilobyte, many
times what a real PRD costs. It covers the analysis and the rules alike. The analysis checks it
between blocks and between collectors; past it, the stage stops with `AnalysisTimeoutError`. The
engine stops a rule still running at the budget (`prdlint.interrupt`). Each is reported as one
finding naming the file, its size and the budget, and the rules after it still run, within
`GRACE_SECONDS` more.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

BASE_SECONDS = 5.0
SECONDS_PER_KB = 0.05
# Once the budget is spent, the rules not yet run get this long together: one stuck rule costs
# the others' findings only if they too are slow.
GRACE_SECONDS = 2.0

_deadline: ContextVar[tuple[float, float, int] | None] = ContextVar("prdlint_deadline", default=None)


def _described(budget: float, size: int) -> str:
    return f"time budget of {budget:.1f} s for a document of {size / 1024:,.1f} KB"


class AnalysisTimeoutError(Exception):
    """The analysis of a document took longer than its budget."""

    def __init__(self, budget: float, size: int) -> None:
        self.budget = budget
        self.size = size
        super().__init__(f"stopped after its {_described(budget, size)}")


def budget_for(size: int) -> float:
    """Seconds the lint of a document of `size` bytes may take, its analysis and rules together."""
    return BASE_SECONDS + SECONDS_PER_KB * size / 1024


@contextmanager
def within_budget(size: int) -> Iterator[None]:
    """Sets the budget for what runs inside the block (a document's stages and rules); inside a
    budget already running, the block shares it (a document has one budget, however many times
    its stages are asked for)."""
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


def remaining() -> float | None:
    """Seconds left of the current document's budget (below zero once spent); None outside one."""
    current = _deadline.get()
    return None if current is None else current[0] - time.monotonic()


def extend_by_grace() -> None:
    """Moves the current budget's end to `GRACE_SECONDS` from now: once, when it is first spent,
    so that the rules after a slow stage or a stopped rule still run."""
    current = _deadline.get()
    if current is not None:
        _deadline.set((time.monotonic() + GRACE_SECONDS, current[1], current[2]))


def describe_budget() -> str:
    """ "the time budget of 5.1 s for a document of 1.2 KB": the current one, for messages."""
    current = _deadline.get()
    return "no time budget" if current is None else f"the {_described(current[1], current[2])}"


def check_deadline() -> None:
    """Raises AnalysisTimeoutError when the current document's budget is spent."""
    current = _deadline.get()
    if current is not None and time.monotonic() > current[0]:
        raise AnalysisTimeoutError(current[1], current[2])
