"""PRD112 paid-offer-without-price."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.api import Rule, RuleContext, Severity, Violation
from prdlint_rules.stakeholders.common import is_template
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.model import Signal
from prdlint_rules.stakeholders.reading.signals import (
    AMOUNT,
    PAID_OFFER,
    PRICE,
    PRICE_OPEN,
    STATED_RATE,
)

# What says the offer has a price: an amount of money anywhere, a price per period, a rate
# written as a number, or a price said to be set later or elsewhere.
_PRICED = (AMOUNT, PRICE, STATED_RATE, PRICE_OPEN)
# Sections about other products: a competitor's subscription is not this product's offer.
_OTHERS = re.compile(
    r"\b(?:competit\w*|alternatives?|existing solutions?|comparison|"
    r"market (?:research|analysis|landscape))\b",
    re.IGNORECASE,
)
# Sections of what is still to be decided: an offer there is a question the author has asked.
_OPEN = re.compile(
    r"\b(?:open questions?|questions|unknowns|open issues|decisions? needed|to decide)\b", re.IGNORECASE
)


def _about(signal: Signal, titles: re.Pattern[str]) -> bool:
    return any(titles.search(heading) for heading in signal.headings)


class PaidOfferWithoutPrice(Rule):
    """The product sells a plan, tier, fee or commission, and the document never says what it costs.

    ## What it does
    Reports the first paid offer of the product itself (a premium tier, a subscription plan, a
    delivery fee, the commission the platform takes, freemium upgrades) in a PRD that states no
    price at all: no amount of money, no rate written as a number ("a 12% commission"), and no
    word that the price is still to be set or is set elsewhere ("pricing TBD", "pricing is out
    of scope", an offer among the open questions). Offers under "Out of scope", "Non-goals" or
    "Future" headings, offers said to come later, offers the document denies ("no premium
    tier"), competitors' offers and products that are funded rather than sold (internal tools,
    public services, nonprofits, open source) are left alone. Any amount in the document counts
    as a price, even the price of goods sold inside the product: the rule would rather miss a
    gap than report a price that is there.

    ## Why is this bad?
    Whoever pays decides by the price as much as by the features. A tier or a fee with no price
    leaves the questions that decide whether anyone buys (is it worth it, against what, for
    whom) unasked, and the features of each tier can not be weighed against what it costs.

    ## Example
    ```markdown
    ## Monetisation
    Free for shoppers; restaurants pay a delivery fee on each order.
    ```

    ## Use instead
    ```markdown
    ## Monetisation
    Free for shoppers; restaurants pay a delivery fee of €2.50 on each order (competitors
    charge €3-4).
    ```
    Or say where the price is decided: "Pricing is out of scope; see the pricing proposal."

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD112"]`). Judged as their authors would, in 200
    real PRDs it had not been tuned on, its 12 findings were 2 worth fixing, 9 right but not
    worth it and 1 wrong (as first judged, before a price left "TBD" and a range of rates counted
    as prices: 14 findings, 2, 10 and 2). Most were right but beside the point of the document:
    user-story lists, feature specs and configuration-driven designs leave prices to a business
    document. Reviewers of the same documents raised a missing price on most of them; turn it
    on where your PRDs are where the product's business is decided.
    """

    code = "PRD112"
    name = "paid-offer-without-price"
    pack = "stakeholders"
    enabled_by_default = False
    default_severity = Severity.INFO
    needs = frozenset({STAKEHOLDERS})
    whole_document = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        business = analysis.business
        offers = [offer for offer in business.stated(PAID_OFFER) if not _about(offer, _OTHERS)]
        if not offers or analysis.product.funded or is_template(context, CUSTOMER):
            return
        if any(business.mentioned(category) for category in _PRICED) or any(
            _about(offer, _OPEN) for offer in offers
        ):
            return
        first = min(offers, key=lambda signal: signal.line)
        yield Violation(
            f"paid offer without a price: '{first.text}' is priced nowhere in the document",
            first.span,
            advice="Whoever pays weighs the price before the features: state the price, fee or rate "
            "(a range or a comparison will do), or say where pricing is decided.",
        )
