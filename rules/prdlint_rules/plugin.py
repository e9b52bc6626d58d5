"""The entry point that registers the built-in packs.

The packs are imported inside the hooks, when the registry asks for them, the way sqlfluff's core
plugin loads its rules: importing this module costs nothing, and no rule module imports spaCy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from prdlint.hookspecs import hookimpl
from prdlint.rule import Rule
from prdlint_rules.data import pack_data


@hookimpl
def prdlint_rules() -> Sequence[type[Rule]]:
    from prdlint_rules import document, requirements, stakeholders, stories

    return [*document.RULES, *stakeholders.RULES, *stories.RULES, *requirements.RULES]


@hookimpl
def prdlint_vocabulary() -> Mapping[str, Any]:
    """The built-in stakeholder vocabulary, kept as data beside the stakeholder rules."""
    return pack_data("prdlint_rules.stakeholders", "vocabulary.toml")
