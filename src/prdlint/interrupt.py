"""Stopping a rule that runs past the document's time budget.

A rule is code, and code can loop or wait forever. Where the process can be interrupted (the main
thread, on a system with interval timers: the command line, its workers and the language server),
a timer raises `RuleStopped` inside the rule when its time is up. Elsewhere (a thread of an
application that calls the API) nothing can stop it, and the budget is checked between rules.

`RuleStopped` is a BaseException, so a rule's own `except Exception` cannot swallow it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class RuleStopped(BaseException):
    """A rule ran to the end of its time."""


class _Timer:
    """Whether a raise is wanted: a signal that arrives once the rule is done does nothing."""

    armed = False


def _stop(signum: int, frame: FrameType | None) -> None:
    if _Timer.armed:
        _Timer.armed = False
        raise RuleStopped


def can_interrupt() -> bool:
    """Whether `stopped_after` can stop code here: the main thread, interval timers, and no alarm
    already set by the program prdlint runs in."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


@contextmanager
def stopped_after(seconds: float | None) -> Iterator[None]:
    """Runs the block, raising RuleStopped in it after `seconds` where `can_interrupt()`; with
    None, or where nothing can interrupt, the block runs to its end."""
    if seconds is None or not can_interrupt():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _stop)
    _Timer.armed = True
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        _Timer.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
