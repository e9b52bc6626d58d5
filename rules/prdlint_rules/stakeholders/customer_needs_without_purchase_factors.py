"""PRD105 customer-needs-without-purchase-factors."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import STORIES, Rule, RuleContext, Violation
from prdlint_rules.stakeholders.common import customers, document_anchor, is_template, quote_roles
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.signals import PRICE, PURCHASE_FACTORS, USERS_PAY
from prdlint_rules.stakeholders.verdicts import decided


class CustomerNeedsWithoutPurchaseFactors(Rule):
    """Customers are named, but nothing weighs what they judge before buying: price, plans, ROI.

    ## What it does
    Reports a PRD that names customers but considers none of their purchase factors for this
    product: its price, plans or tiers, fees or commission, a free trial or freemium
    conversion, cost or return on investment to the customer, budget or contract terms, or an
    explicit statement that pricing is out of scope or decided elsewhere. Prices of goods sold
    inside the product ("a kayak rents for $40") and the product's own running costs do not
    count.

    ## Why is this bad?
    Users judge a product by how useful and easy it is. Customers judge it by price, the
    vendor's viability and reputation, and what it returns for the money. A PRD that names the
    customer but writes only user needs builds something users like and buyers do not buy.

    ## Example
    ```markdown
    ## Customers
    Dental clinics buy Smile for their front desk.
    ```

    ## Use instead
    ```markdown
    ## Customers
    Dental clinics buy Smile for their front desk: $49 per location per month, which pays for
    itself if it fills two cancelled slots a month.
    ```
    Or: "Pricing is out of scope here; see the pricing proposal."

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD105"]`). Judged as their authors would, in 60 real
    PRDs its 5 findings were 1 worth fixing, 1 right but not worth it and 3 wrong.
    """

    code = "PRD105"
    name = "customer-needs-without-purchase-factors"
    pack = "stakeholders"
    enabled_by_default = False
    needs = frozenset({STAKEHOLDERS, STORIES})
    whole_document = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        paying = customers(analysis)
        if is_template(context, CUSTOMER) or not paying:
            return
        mentioned = any(analysis.business.mentioned(c) for c in (PURCHASE_FACTORS, PRICE, USERS_PAY))
        if not decided(self.code, context, hand=not mentioned):
            return
        yield Violation(
            f"customer needs without purchase factors: nothing on what {quote_roles(paying)} weigh "
            "before buying",
            document_anchor(context),
            advice="Customers judge price, plans, fees, return on investment and contract terms, users "
            "judge usefulness: add how the product is priced and sold, or say that pricing is out of "
            "scope and where it is decided.",
        )
