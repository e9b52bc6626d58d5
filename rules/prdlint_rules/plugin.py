"""The entry point that registers the built-in packs.

The packs are imported inside the hooks, when the registry asks for them, the way sqlfluff's core
plugin loads its rules: importing this module costs nothing, and no rule module imports spaCy.
The stakeholder pack contributes, besides its rules, its reading of a document (the
`stakeholders` stage), the vocabulary that reading is made of, and the `stakeholders` view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from prdlint.api import Rule, Stage, View, hookimpl
from prdlint_rules.data import PackTable


@hookimpl
def prdlint_rules() -> Sequence[type[Rule]]:
    from prdlint_rules import document, requirement_language, stakeholders, stories

    return [*document.RULES, *stakeholders.RULES, *stories.RULES, *requirement_language.RULES]


@hookimpl
def prdlint_stages() -> Sequence[Stage]:
    from prdlint_rules.stakeholders.reading.stage import STAGE

    return [STAGE]


@hookimpl
def prdlint_views() -> Sequence[View]:
    from prdlint_rules.stakeholders.view import VIEW

    return [VIEW]


@hookimpl
def prdlint_vocabulary() -> Mapping[str, Any]:
    """The stakeholder vocabulary, kept as data beside the reading that reads it (and read when
    the reading first asks for it)."""
    return PackTable("prdlint_rules.stakeholders.reading", "vocabulary.toml")
