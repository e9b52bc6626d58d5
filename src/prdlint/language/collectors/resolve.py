"""Each role's class and kind, from the evidence the collectors before it gathered.

Paying (a declaration as customer, or paying in the text) and using (a story, a declaration as
user, using in the text) together make "both". The word "customer" itself says the author sees
them as paying, so a customer who uses the product is both too. The kind of a user is that of
its strongest evidence that has one.
"""

from __future__ import annotations

from prdlint.language.collectors.base import Draft, Inputs
from prdlint.language.model import BOTH, CUSTOMER, INTERNAL, PRIMARY, UNKNOWN, USER, Rank, Role


def resolve(role: Role) -> tuple[str, str | None]:
    """A role's class and user kind from its evidence."""
    decisive = [e for e in role.evidence if e.cls is not None]
    if not decisive:
        return UNKNOWN, None
    strong = [e for e in decisive if e.rank < Rank.VOCABULARY]
    vocabulary_cls = next((e.cls for e in decisive if e.rank == Rank.VOCABULARY), None)
    if vocabulary_cls == INTERNAL:
        strong = [e for e in strong if e.rank != Rank.ACTION]  # teams "review" things; not users for that
    pays = any(e.cls in (CUSTOMER, BOTH) for e in strong)
    uses = any(e.cls in (USER, BOTH) for e in strong)
    if (pays and uses) or (uses and vocabulary_cls == CUSTOMER):
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
    kinds = [e.kind for e in sorted(decisive, key=lambda e: e.rank) if e.kind]
    return cls, (kinds[0] if kinds else PRIMARY)


def collect(inputs: Inputs, draft: Draft) -> None:
    for role in draft.roles.values():
        role.cls, role.kind = resolve(role)
