"""The entry point that registers the built-in packs."""

from __future__ import annotations

from collections.abc import Sequence

from prdlint.hookspecs import hookimpl
from prdlint.rule import Rule
from prdlint_rules import document


@hookimpl
def prdlint_rules() -> Sequence[type[Rule]]:
    return [*document.RULES]
