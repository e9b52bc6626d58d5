"""What the story rules share: which stories are worded prose, and the wording data (fixed pairs,
solution vocabulary) kept in wording.toml beside the rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from prdlint.api import Analysis, Story, StoryForm
from prdlint_rules.data import pack_data


def worded_stories(analysis: Analysis) -> list[Story]:
    """The stories written as prose. Stories in a fenced block are the document's list of
    stories for the stakeholder map, but code is not prose, so wording rules leave them alone."""
    return [story for story in analysis.stories if story.form is not StoryForm.CODE]


def alternatives(phrases: Iterable[str]) -> str:
    """A regex alternation of `phrases`, escaped, longest first so "drop-down menu" wins over
    "drop-down"."""
    return "|".join(re.escape(phrase) for phrase in sorted(set(phrases), key=len, reverse=True))


def wording() -> Mapping[str, Any]:
    return pack_data("prdlint_rules.stories", "wording.toml")
