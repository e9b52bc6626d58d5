"""PRD109 unlisted-secondary-users."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import Rule, RuleContext, Severity, Violation
from prdlint_rules.stakeholders.common import is_template
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import SECONDARY
from prdlint_rules.stakeholders.reading.signals import INVITATIONS


class UnlistedSecondaryUsers(Rule):
    """Features reach other people (invites, gifts, shares, payments), who are never listed as users.

    ## What it does
    Reports the first feature that invites, shares with, sends to, gifts, or collects money
    from other people (invitations, referral codes, gift cards, split bills, donations, RSVPs)
    in a document that lists no secondary users: invitees, guests, recipients, donors,
    attendees and the like. Features under "Out of scope" or "Future" headings are left alone.

    ## Why is this bad?
    Secondary users are the people a primary user brings in: the guest who gets the invitation,
    the friend who receives the gift card, the donor who pays into a fundraiser. They often
    arrive with no account, on a phone, knowing nothing of the product, and their experience
    decides whether the primary user's action works at all. Unlisted, their needs go unwritten.

    ## Example
    ```markdown
    ## Features
    - Hosts invite friends to an event by link.
    ```

    ## Use instead
    ```markdown
    ## Users
    - Hosts create events.
    - Guests (secondary users) open the invitation link without an account and RSVP.
    ```

    ## Default
    Opt-in; too few findings judged to move it. Judged as their authors would, in 60 real PRDs its 3
    findings were 0 worth fixing, 0 right but not worth it and 3 wrong.
    """

    code = "PRD109"
    name = "unlisted-secondary-users"
    pack = "stakeholders"
    needs = frozenset({STAKEHOLDERS})
    whole_document = True
    default_severity = Severity.INFO
    enabled_by_default = False

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        signals = analysis.business.stated(INVITATIONS)
        if is_template(context) or not signals:
            return
        if any(role.kind == SECONDARY for role in analysis.stakeholders.roles.values()):
            return
        first = signals[0]
        features = sorted({signal.text.lower() for signal in signals})
        yield Violation(
            f"unlisted secondary users: features reach people beyond the users "
            f"({', '.join(repr(feature) for feature in features[:3])}), who are not listed",
            first.span,
            advice="Invitees, guests and recipients are users too: add them to the users with what "
            "they need on arrival.",
        )
