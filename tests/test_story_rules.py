"""The pieces of the story pack that read words: what counts as two requests, one template and
one story. The rules themselves are tested by fixtures/stories."""

from __future__ import annotations

import pytest

from prdlint.language.pipeline import load_pipeline
from prdlint.language.wordclasses import word_classes
from prdlint.language.words import words_of
from prdlint.text.stories import indicator_template
from prdlint_rules.stories.common import wording
from prdlint_rules.stories.non_atomic_story import (
    coordinated_requests,
    coordinated_things,
    fixed_pairs_pattern,
)


def requests(means: str, find=coordinated_requests) -> list[str]:
    words = words_of(load_pipeline()(means), word_classes())
    pairs = fixed_pairs_pattern(tuple(wording()["fixed-pairs"]))
    return [word.text for word in find(means, words, pairs)]


@pytest.mark.parametrize(
    ("means", "verbs"),
    [
        ("to create and share reports", ["create", "share"]),
        ("to add, edit, or delete users", ["add", "edit", "delete"]),
        ("to view the invoice and mark it paid", ["view", "mark"]),
        ("to print the list and to email it", ["print", "email"]),
        ("to quickly find and compare plans", ["find", "compare"]),
        ("view and export my shifts", ["view", "export"]),
        ("to sign up and then invite the team", ["sign", "invite"]),
        ("to enter my postcode and get a list of depots", ["enter", "get"]),
        ("to delete a version and I expect it to fail", ["delete", "expect"]),
        ("to have the archive encrypt and replicate my files", ["encrypt", "replicate"]),
        ("to tag a photo, and share it later", ["tag", "share"]),
    ],
)
def test_coordinated_requests_are_found(means: str, verbs: list[str]) -> None:
    assert requests(means) == verbs


@pytest.mark.parametrize(
    "means",
    [
        "to drag and drop files",
        "to accept the terms and conditions",
        "to approve or reject a request",
        "to export CSV/HTML and/or PDF",
        "to describe a collection, object, or object component",
        "to be told when a plan is approved and paid",
        "to be sure that no one can submit twice and skew results",
        'to click "Save and close" once',
        "to upload a file and have it checked",
        "an export of wards and beds",
    ],
)
def test_one_request_is_not_two(means: str) -> None:
    assert requests(means) == []


@pytest.mark.parametrize(
    ("means", "things"),
    [
        ("to see reports and records", ["reports", "records"]),
        ("to read users' feedback and complaints", ["feedback", "complaints"]),
        ("to start a game by entering a name and an optional description", ["name", "description"]),
        ("to update my details, and the materials I accept", ["details", "materials"]),
        ("to create a pipeline that reads or writes a dataset", ["reads", "writes"]),
        ("to see the embargo status and release date", ["status", "release"]),
    ],
)
def test_a_request_for_two_things_is_found(means: str, things: list[str]) -> None:
    assert requests(means, coordinated_things) == things


@pytest.mark.parametrize(
    "means",
    [
        "to log in with my username and password",
        "to change one or more items at once",
        "to choose between day and night shifts",
        "to browse the list and see which depots are open",
        "to run checks such as spelling or grammar",
        "to ensure that every export is valid and complete",
        "to see sensible and predictable addresses",
        "to tag (photos and videos) in one place",
    ],
)
def test_one_thing_is_not_two(means: str) -> None:
    assert requests(means, coordinated_things) == []


@pytest.mark.parametrize(
    ("indicator", "template"),
    [
        ("I want", "i want"),
        ("I really want", "i want"),
        ("I don't want", "i want"),
        ("I do not need", "i need"),
        ("I’d like", "i'd like"),
        ("would like", "would like"),
    ],
)
def test_an_indicators_template_ignores_adverbs_and_negation(indicator: str, template: str) -> None:
    assert indicator_template(indicator) == template
