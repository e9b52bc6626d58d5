"""PRD104 customer-user-conflated."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import Rule, RuleContext, Severity, Violation
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.signals import USERS_ARE_CUSTOMERS


class CustomerUserConflated(Rule):
    """Customer and user are written as one group where they are different people.

    ## What it does
    Reports each place that merges the two:
    - the words joined as synonyms: "users/customers", "customers (users)", "our users, i.e.
      our customers", a heading "Who are our users/customers?";
    - a role the document declares a customer made the actor of plain product use ("the
      clinic owner logs in and uploads the schedule") while the users are declared apart, or a
      declared user made the one who pays;
    - one persona called a customer in one place and a user in another.

    Not reported: "customer support" and other compounds, a product named "Customer Portal",
    buyers and sellers of goods in a marketplace, and any document that says its users are
    its paying customers (a B2C subscription, where they truly are one group).

    ## Why is this bad?
    Customers pay or decide to buy; users use. When one word covers both, a requirement cannot
    say whose need it serves: the buyer who judges price and the vendor's reputation, or the
    user who judges usefulness and ease. Products built for a blurred "customer/user" please
    neither.

    ## Example
    ```markdown
    ## Who are our users/customers?
    Clinic owners and their receptionists.
    ```

    ## Use instead
    ```markdown
    ## Customers
    Clinic owners, who pay per location.

    ## Users
    Receptionists, who book and move appointments.
    ```
    If your users are the ones who pay, say so once: "Our users are our paying customers."

    ## Default
    On, at info severity; too few findings judged to move it. Judged as their authors would, in 60 real
    PRDs its 2 findings were 1 worth fixing, 1 right but not worth it and 0 wrong. Earlier readings: on
    30 real PRDs read finding by finding, careful readers agree with every place it reports, but none of
    6 findings was something the authors would change: they mean the right people and the words are
    loose. Raise it where the distinction is a house rule.
    """

    code = "PRD104"
    name = "customer-user-conflated"
    pack = "stakeholders"
    default_severity = Severity.INFO
    needs = frozenset({STAKEHOLDERS})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        if analysis.business.affirmed(USERS_ARE_CUSTOMERS):
            return
        for conflation in analysis.stakeholders.conflations:
            yield Violation(
                f"customer and user conflated: {conflation.reason}",
                conflation.span,
                advice="Customers pay or decide to buy, users use the product: name each group for "
                "what it does, or say once that your users are your paying customers.",
            )
