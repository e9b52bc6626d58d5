"""What the stakeholder rules share: where a document-level finding goes, how roles are quoted,
and which roles count as customers, users and paying parties.
"""

from __future__ import annotations

from collections.abc import Iterable

from prdlint.api import RuleContext, Span
from prdlint_rules.stakeholders.reading import reading
from prdlint_rules.stakeholders.reading.classes import USER
from prdlint_rules.stakeholders.reading.model import COMMERCIAL_B2B, UNCLEAR, Role, StakeholderReading
from prdlint_rules.stakeholders.reading.signals import FUNDING, ORGANISATIONS, PRICE, USERS_PAY

_QUOTED_ROLES = 2
# In a revenue stream's `payers`: any role the document shows paying will do.
ANY_PAYING_ROLE = "*"


def document_anchor(context: RuleContext) -> Span:
    """Where a finding about the whole document goes: the first stakeholder section's heading,
    else line 1, so an editor shows it where the fix belongs."""
    model = reading(context).stakeholders
    for section in model.declaration_sections:
        if section.heading is not None:
            return section.heading.span()
    return context.document.first_line_span


def first_line(role: Role) -> int:
    lines = [m.span.start.line for m in role.mentions] + [e.line for e in role.evidence]
    return min(lines, default=1)


def quote_roles(roles: Iterable[Role]) -> str:
    """ "'restaurant owner', 'driver' and 2 more", in document order: short enough for one line
    of a terminal; `prdlint stakeholders` lists them all with their lines."""
    ordered = sorted(roles, key=first_line)
    quoted = [f"'{role.key}'" for role in ordered[:_QUOTED_ROLES]]
    more = len(ordered) - _QUOTED_ROLES
    if more > 0:
        quoted.append(f"{more} more")
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def users(analysis: StakeholderReading) -> list[Role]:
    return [role for role in analysis.stakeholders.roles.values() if role.is_user]


def customers(analysis: StakeholderReading) -> list[Role]:
    return [role for role in analysis.stakeholders.roles.values() if role.is_customer]


def names_a_payer(analysis: StakeholderReading) -> bool:
    """Whether the document says who pays or funds it: a customer role, users who convert to
    paid plans or a price with no one else to pay it ("$3/month": its users), a revenue stream
    whose payer it implies (advertising: advertisers), or a funding statement ("community-funded").
    Plans for later count; what the document denies does not."""
    business = analysis.business
    paid = business.affirmed(USERS_PAY) or business.affirmed(PRICE) or business.affirmed(FUNDING)
    return bool(customers(analysis) or paid or implied_payers(analysis))


def implied_payers(analysis: StakeholderReading) -> list[str]:
    """The revenue streams the document plans whose payer the stream itself names: advertising is
    paid for by advertisers. Commission names no one: either side of a marketplace may bear it."""
    vocabulary, business = analysis.vocabulary, analysis.business
    return [
        category
        for category in business.revenue_categories()
        if business.affirmed(category) and ANY_PAYING_ROLE not in vocabulary.signals[category].payers
    ]


def sold_to_organisations(analysis: StakeholderReading) -> tuple[str, int] | None:
    """Where the document shows the product sold to organisations, if it does: a customer that
    is an organisation ("language schools buy Lingo"), a statement of selling to them ("per
    seat", "enterprise plan"), or what the document says the product is. The words and line."""
    organisations = analysis.vocabulary.words("organisation-heads")
    for role in sorted(analysis.stakeholders.roles.values(), key=first_line):
        if role.is_customer and role.key.split()[-1] in organisations:
            return role.key, first_line(role)
    stated = analysis.business.stated(ORGANISATIONS)
    if stated:
        return stated[0].text, stated[0].line
    product = analysis.product
    if product.kind == COMMERCIAL_B2B:
        return product.text or product.reason, product.line or 1
    return None


def is_template(context: RuleContext, cls: str = USER) -> bool:
    """A template whose stakeholder slot for this class is still a slot; placeholder-text reports
    those, and judging who the product serves would be judging the blank form."""
    return reading(context).stakeholders.awaits(cls)


def assumed_context(analysis: StakeholderReading) -> str:
    """ "Read as internal (line 4: 'internal tool'). ": the context a finding assumed, and where it
    was read, to open its advice."""
    product = analysis.product
    if product.kind == UNCLEAR:
        return ""
    if not product.text:
        return f"Read as {product.kind} ({product.reason}). "
    return f"Read as {product.kind} (line {product.line}: '{product.text}'). "
