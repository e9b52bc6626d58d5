"""Users named after a paid plan of the product: "Gold users" where the plans are Free, Gold and
Platinum, "Family users" beside a Family plan at $14.99 a month.

Such a name says its bearers use the product on a plan they pay for: they are customers and users
at once. The plans are read from the document: a name before "plan" or "tier" ("the Platinum
tier"), the first column of a plans table ("| Plan | Price |"), the columns of a pricing table
("| Feature | Free | Premium ($9.99/mo) |"). A free plan's users pay nothing.
"""

from __future__ import annotations

import re

from prdlint.api import Table
from prdlint_rules.stakeholders.reading.anchors import Anchored
from prdlint_rules.stakeholders.reading.classes import BOTH
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Rank

ON_A_PAID_PLAN = "uses the product on a paid plan"
_NAMED_PLAN = Anchored(
    re.compile(r"\b(?P<name>[A-Z][a-z]+)\s+(?:plans?|tiers?|subscriptions?|memberships?)\b"),
    frozenset(
        {"plan", "plans", "tier", "tiers", "subscription", "subscriptions", "membership", "memberships"}
    ),
)
_PLANS_COLUMN = re.compile(r"\b(?:plans?|tiers?|packages?|editions?)\b", re.IGNORECASE)
_PRICING_TITLE = re.compile(r"\b(?:pricing|plans?|tiers?|monetis|monetiz|subscriptions?)", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[A-Za-z]+")


def _first_word(text: str) -> str | None:
    match = _FIRST_WORD.search(text)
    return match.group().lower() if match else None


def _table_plans(table: Table) -> set[str]:
    header = [cell.text for cell in table.header]
    plans: set[str] = set()
    if header and _PLANS_COLUMN.search(header[0]):
        plans |= {word for row in table.rows[1:] if row and (word := _first_word(row[0].text))}
    section = table.header[0].section if table.header else None
    if section is not None and any(_PRICING_TITLE.search(s.title) for s in section.lineage()):
        plans |= {word for text in header[1:] if (word := _first_word(text))}
    return plans


def paid_plans(inputs: Inputs, unpaid: frozenset[str]) -> set[str]:
    """The names of the product's plans, lower case, less those that are free (`unpaid`)."""
    plans = {match.group("name").lower() for _, match in inputs.scan(_NAMED_PLAN)}
    for table in inputs.document.tables:
        plans |= _table_plans(table)
    return plans - unpaid


def collect(inputs: Inputs, draft: Draft) -> None:
    plans = paid_plans(inputs, inputs.vocabulary.words("unpaid-plans"))
    if not plans:
        return
    heads = inputs.vocabulary.words("plan-member-heads")
    for key, role in list(draft.roles.items()):
        words = key.split()
        if len(words) == 2 and words[0] in plans and words[1] in heads:
            lines = [m.span.start.line for m in role.mentions] + [s.line for s in role.stories]
            line = min(lines or [e.line for e in role.evidence])
            draft.add(key, line, ON_A_PAID_PLAN, Rank.ACTION, BOTH)
