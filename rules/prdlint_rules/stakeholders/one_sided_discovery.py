"""PRD111 one-sided-discovery."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import Rule, RuleContext, Severity, Violation
from prdlint_rules.stakeholders.common import is_template
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.signals import CUSTOMER_RESEARCH, USER_RESEARCH


class OneSidedDiscovery(Rule):
    """The research or validation plan covers only users, or only customers.

    ## What it does
    Reports a PRD whose research and validation (outside "Out of scope" or "Future"
    sections) has only user discovery (user interviews, usability tests, A/B tests, usage
    analytics, beta tests) or only customer discovery (pricing tests, willingness to pay,
    market sizing, buyer or customer interviews, paid conversion), at the first activity of
    the side it has. Measures listed under a metrics heading ("Success metrics", "KPIs") are
    outcomes to watch, not research, and a PRD with no research plan at all is not reported.

    ## Why is this bad?
    User discovery finds a product people love to use; customer discovery finds a product
    someone will pay for. They need different questions, tactics and often different people,
    and a plan with only one of them validates half the product: a delightful tool nobody
    buys, or a well-priced one nobody keeps using.

    ## Example
    ```markdown
    ## Validation
    - Usability tests with 8 receptionists.
    ```

    ## Use instead
    ```markdown
    ## Validation
    - Usability tests with 8 receptionists.
    - Pricing interviews with 5 practice managers: would they pay $49 per location?
    ```

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD111"]`). Judged as their authors would, in 60 real
    PRDs its 5 findings were 0 worth fixing, 0 right but not worth it and 5 wrong.
    """

    code = "PRD111"
    name = "one-sided-discovery"
    pack = "stakeholders"
    needs = frozenset({STAKEHOLDERS})
    whole_document = True
    default_severity = Severity.INFO
    enabled_by_default = False

    def check(self, context: RuleContext) -> Iterator[Violation]:
        business = reading(context).business
        user_side = [s for s in business.stated(USER_RESEARCH) if not s.in_metrics]
        customer_side = [s for s in business.stated(CUSTOMER_RESEARCH) if not s.in_metrics]
        if is_template(context, CUSTOMER) or bool(user_side) == bool(customer_side):
            return
        if user_side:
            has, missing = "user", "customer discovery (pricing tests, buyer interviews, market sizing)"
            first = user_side[0]
        else:
            has, missing = "customer", "user discovery (user interviews, usability tests, usage data)"
            first = customer_side[0]
        yield Violation(
            f"one-sided discovery: the plan validates with {has}s only ('{first.text}')",
            first.span,
            advice=f"Add {missing}: users decide whether the product is loved, customers whether it is "
            "bought.",
        )
