"""PRD101 no-customer."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import STORIES, Rule, RuleContext, Severity, Violation, plural
from prdlint_rules.stakeholders.common import (
    assumed_context,
    document_anchor,
    is_template,
    names_a_payer,
    users,
)
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.model import PERSONAL
from prdlint_rules.stakeholders.verdicts import decided


class NoCustomer(Rule):
    """The document never says who pays for the product or decides to buy it.

    ## What it does
    Reports a PRD that names no customer: no one who pays for the product (a buyer, subscriber,
    client, advertiser, sponsor, a seller paying fees), no buying organisation or approver, no
    users who convert to a paid plan ("free trial", "free-to-paid"), no revenue stream whose
    payer it implies (advertising), and no statement of who funds it ("grant-funded"). A word
    is not evidence: "customer" and "client" may be someone else's customers (a utility's
    customers reading meters in a free portal), so they count only where the document shows them
    paying or declares them customers. "Customer support" and goods bought inside a marketplace
    do not count: a shopper buying a lamp from a seller pays the seller, not the product.

    Where the document says the product is funded rather than sold (an internal tool, open
    source, a public service, a nonprofit's), the finding is information: it asks who funds and
    approves it. Where it says it is a personal or demo project, there is no one to ask.

    ## Why is this bad?
    Users use a product; customers pay for it or decide to buy it. They may be the same people
    (a subscriber to a music app) or entirely different ones (advertisers pay for a search
    engine its users never pay for). A product nobody pays for is not a business, and a PRD that
    never names the customer cannot weigh what the customer needs. Internal tools, open-source
    and public-sector products have customers too: whoever funds and approves them.

    ## Example
    ```markdown
    ## Users
    - Shoppers browse local listings.
    - Sellers list second-hand goods.
    ```

    ## Use instead
    ```markdown
    ## Users
    - Shoppers browse local listings.
    - Sellers list second-hand goods.

    ## Customers
    Sellers pay a 5% commission on each sale; shops pay for featured listings.
    ```

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD101"]`). Judged as their authors would, in 60 real
    PRDs its 39 findings were 4 worth fixing, 30 right but not worth it and 5 wrong. Earlier readings:
    on 30 real PRDs read finding by finding, 5 of 16 findings named a real gap; 6 were feature specs
    whose business model lives in another document, and 5 missed a funder the document does name in
    words prdlint does not read yet ("Microsoft invests", "the department is the client"). Raise it on
    product-level PRDs: `severity = { PRD101 = "warning" }`.
    """

    code = "PRD101"
    name = "no-customer"
    pack = "stakeholders"
    enabled_by_default = False
    default_severity = Severity.INFO
    needs = frozenset({STAKEHOLDERS, STORIES})
    whole_document = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        product = analysis.product
        if is_template(context, CUSTOMER) or product.kind == PERSONAL:
            return
        if not decided(self.code, context, hand=not names_a_payer(analysis)):
            return
        if product.funded:
            yield Violation(
                "no customer: no one is named who funds or approves the product",
                document_anchor(context),
                at_most=Severity.INFO,
                advice=f"{assumed_context(analysis)}A product nobody sells still has customers, the "
                "people who decide it is worth building and paying for: say who funds it (a budget, a "
                "grant, a sponsor) and who approves it.",
            )
            return
        marketplace_sides = analysis.vocabulary.words("marketplace-sides")
        sides = sorted(plural(side) for side in {role.key for role in users(analysis)} & marketplace_sides)
        if len(sides) >= 2:
            remedy = (
                f"{', '.join(sides[:-1])} and {sides[-1]} trade goods with each other, which pays "
                "the sellers, not the product: say who pays the marketplace (commission, listing fees, "
                "subscriptions, advertisers)"
            )
        else:
            remedy = (
                "say who pays and how (subscription, licence, fees, advertising), or, for an internal, "
                "open-source or public-sector product, who funds and approves it"
            )
        yield Violation(
            "no customer: no one is named who pays for the product or buys it",
            document_anchor(context),
            advice=f"{assumed_context(analysis)}Users use a product, customers pay for it, and without "
            f"them there is no business: {remedy}.",
        )
