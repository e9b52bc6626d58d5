"""The stakeholder pack's reading of a document: who it names, who pays or decides to buy, who
uses and who runs the product, what it says about its business and what it says the product is.

It is an analysis stage (`stakeholders`, stage.py) that the pack contributes through the
`prdlint_stages` hook; its result is a StakeholderReading (model.py), which a rule that lists the
stage in its `needs` reads with `reading(context)`. The words it is made of are data
(vocabulary.toml); the evidence collectors are one module each (collectors/).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prdlint.api import RuleContext

if TYPE_CHECKING:
    from prdlint_rules.stakeholders.reading.model import StakeholderReading

STAKEHOLDERS = "stakeholders"


def reading(context: RuleContext) -> StakeholderReading:
    """The stakeholders stage's result for the document a rule is looking at."""
    return context.analysis.result(STAKEHOLDERS)


__all__ = ["STAKEHOLDERS", "reading"]
