"""Each role's class and kinds, from the evidence the collectors before it gathered.

Paying (a declaration as customer, or paying in the text) and using (a story, a declaration as
user, using in the text) together make "both". A name that says its bearer pays ("advertiser",
"paying member") counts as paying once the role is shown using the product.

A user's kind follows what it does in this product. Back-office work (managing accounts,
approving others' submissions, moderating, refunding, configuring) makes it operational whatever
its name. Otherwise the kind the document declares decides ("Secondary users"), then the
vocabulary's, except that a role named like operations that the document only shows using the
product ("moderators start and pause the clock"), or running the business and nothing behind
the scenes ("the financial administrator monitors cash flow"), is not made operational by its
name. A role may hold several
kinds: one that runs the product and is declared a primary user is both.
"""

from __future__ import annotations

from prdlint_rules.stakeholders.reading.classes import (
    BOTH,
    CUSTOMER,
    INTERNAL,
    MANAGEMENT,
    OPERATIONAL,
    PRIMARY,
    SECONDARY,
    UNKNOWN,
    USER,
)
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import DECLARED_RANKS, Rank, Role


def resolve(role: Role) -> tuple[str, str | None]:
    """A role's class and (for users) its main kind, from its evidence."""
    decisive = [e for e in role.evidence if e.cls is not None]
    if not decisive:
        # Named in a section of users or personas that gives no class ("Target users"), and
        # nothing says it pays: someone the product is for, a user.
        declared = any(e.rank in DECLARED_RANKS for e in role.evidence)
        return (USER, PRIMARY) if declared else (UNKNOWN, None)
    strong = [e for e in decisive if e.rank < Rank.VOCABULARY]
    vocabulary_cls = next((e.cls for e in decisive if e.rank == Rank.VOCABULARY), None)
    if vocabulary_cls == INTERNAL:
        # Teams "review" things; not users for that. A founder who pays is still paying, and
        # one who reads the weekly report in the product uses it to run the business.
        kept = (CUSTOMER, INTERNAL)
        strong = [e for e in strong if e.rank != Rank.ACTION or e.cls in kept or e.kind == MANAGEMENT]
    pays = any(e.cls in (CUSTOMER, BOTH) for e in strong)
    uses = any(e.cls in (USER, BOTH) for e in strong)
    if (pays and uses) or (uses and vocabulary_cls in (CUSTOMER, BOTH)):
        cls = BOTH
    elif pays:
        cls = CUSTOMER
    elif uses:
        cls = USER
    else:
        fallback = strong or [e for e in decisive if e.rank == Rank.VOCABULARY]
        cls = min(fallback, key=lambda e: e.rank).cls if fallback else UNKNOWN
    if cls not in (USER, BOTH):
        return cls, None
    return cls, sorted(kinds(role), key=_KIND_ORDER.index)[0]


def kinds(role: Role) -> frozenset[str]:
    """Every kind of user the evidence supports (never empty for a user)."""
    # Back-office work or running the business, shown in the text or in the role's own story.
    found = {
        e.kind
        for e in role.evidence
        if e.kind in (OPERATIONAL, MANAGEMENT) and e.rank in (Rank.STORY, Rank.ACTION)
    }
    declared = [
        e.kind for e in sorted(role.evidence, key=lambda e: e.rank) if e.kind and e.rank in DECLARED_RANKS
    ]
    shown = bool(found)
    if declared:
        found.add(declared[0])
    named = next((e.kind for e in role.evidence if e.rank == Rank.VOCABULARY and e.kind), None)
    only_uses = any(e.kind == PRIMARY and e.rank == Rank.ACTION for e in role.evidence)
    if named == OPERATIONAL and (only_uses or shown):
        # Named like operations but shown doing only what end users do, or running the business
        # and nothing behind the scenes: the name alone makes it no operational user.
        if only_uses and not shown:
            found.add(PRIMARY)
    elif named and not declared:
        found.add(named)
    return frozenset(found or {PRIMARY})


# Which kind is shown first when a role holds several: what it does for others first.
_KIND_ORDER = (OPERATIONAL, PRIMARY, SECONDARY, MANAGEMENT)


def collect(inputs: Inputs, draft: Draft) -> None:
    for role in draft.roles.values():
        role.cls, role.kind = resolve(role)
        role.kinds = kinds(role) if role.is_user else frozenset()
