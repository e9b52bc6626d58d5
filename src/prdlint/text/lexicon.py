"""The engine's English words (english.toml), read once, and the regular-expression alternation
a list of phrases makes."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

_LEXICON = Path(__file__).with_name("english.toml")


@cache
def _tables() -> dict[str, dict[str, list[str]]]:
    return tomllib.loads(_LEXICON.read_text(encoding="utf-8"))


def words(table: str, name: str) -> frozenset[str]:
    """One list of english.toml, lower case."""
    return frozenset(word.lower() for word in _tables()[table][name])


def alternation(phrases: Iterable[str]) -> str:
    """A non-capturing group matching any of `phrases`, longest first, a phrase's words separated
    by any run of spaces."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered) + ")"
