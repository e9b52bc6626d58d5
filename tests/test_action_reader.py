"""The action reader the administering, reporting and purchase collectors share: what it finds,
and that what it remembers between lints is what it would find again, in bounded memory."""

from __future__ import annotations

import pytest

from prdlint_rules.stakeholders.reading.collectors import action_reader
from prdlint_rules.stakeholders.reading.collectors.action_reader import ActionReader, shared


def _reader(**more: frozenset[str]) -> ActionReader:
    return ActionReader(
        verbs=frozenset({"approve", "manage"}),
        objects=frozenset({"vendors", "categories"}),
        nouns=frozenset({"management"}),
        **more,
    )


def test_it_reads_an_action_after_a_role_in_a_story_and_as_a_noun() -> None:
    reader = _reader()
    assert reader.action(" can approve new vendors") == "approve new vendors"
    assert reader.action(" approve their own vendors") is None
    assert reader.action("to be able to manage categories", story=True) == "manage categories"
    assert reader.named(": vendors management") == "vendors management"
    assert reader.described(["Handles billing.", "Manages categories"]) == "Manages categories"


def test_an_equal_reader_is_the_one_made_before_and_a_different_one_is_not() -> None:
    first = shared(_reader())
    assert shared(_reader()) is first
    assert shared(_reader(others=frozenset({"gardener"}))) is not first


def test_what_it_remembers_is_what_it_finds_again(monkeypatch: pytest.MonkeyPatch) -> None:
    reader = _reader()
    texts = [" can approve new vendors", " reads reports", " manages the categories today"]
    first = [reader.action(text) for text in texts]
    calls = []
    monkeypatch.setattr(ActionReader, "_action", lambda self, text, story: calls.append(text))
    assert (
        [reader.action(text) for text in texts]
        == first
        == ["approve new vendors", None, "manages the categories"]
    )
    assert calls == []  # all three answered from memory
    assert reader.action(" approve vendors", story=True) is None  # a story's reading is asked anew
    assert calls == [" approve vendors"]


def test_it_remembers_a_bounded_amount(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(action_reader, "_REMEMBERED", 10)
    reader = _reader()
    for number in range(25):
        reader.action(f" approve vendors {number}")
        assert len(reader._answers) <= 10
    reader.action(" approve vendors" + " x" * action_reader._REMEMBERED_TEXT)
    assert all(len(key[1]) <= action_reader._REMEMBERED_TEXT for key in reader._answers)
