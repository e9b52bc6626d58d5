"""Answers kept for the next time they are asked, a bounded number of them.

The stakeholder reading asks the same of the same keys again and again: every collector, in both
drafts of a document's roles, and an editor's next lint of the same document. What follows from a
key alone is kept in a `KeptAnswers`. A language server reads new names and texts all day, so a
store holds at most `limit` answers and lets all of them go when it is full: cheaper than keeping
an order of use, and the next lint asks again only what it needs. `forget_answers` empties every
store, for measuring reads as if each were the first.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar
from weakref import WeakSet

_Key = TypeVar("_Key", bound=Hashable)
_Answer = TypeVar("_Answer")

# Every store still in use (held weakly: one goes with what holds it), for `forget_answers`.
_STORES: WeakSet[KeptAnswers] = WeakSet()


class KeptAnswers(Generic[_Key, _Answer]):
    """What `work` gave for each key asked lately, up to `limit` keys."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._answers: dict[_Key, _Answer] = {}
        _STORES.add(self)

    def get(self, key: _Key, work: Callable[[], _Answer]) -> _Answer:
        """The answer kept for `key`, or what `work()` gives, kept."""
        answers = self._answers
        if key in answers:
            return answers[key]
        answer = work()
        if len(answers) >= self.limit:
            answers.clear()
        answers[key] = answer
        return answer

    def clear(self) -> None:
        self._answers.clear()

    def __len__(self) -> int:
        return len(self._answers)

    def __iter__(self) -> Iterator[_Key]:
        return iter(self._answers)


def forget_answers() -> None:
    """Empties every store."""
    for store in list(_STORES):
        store.clear()
