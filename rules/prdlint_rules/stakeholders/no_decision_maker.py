"""PRD107 no-decision-maker."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.language.model import STAKEHOLDERS
from prdlint.rule import Rule, RuleContext, Violation
from prdlint_rules.stakeholders.common import (
    document_anchor,
    is_template,
    names_a_payer,
    quote_roles,
    users,
)
from prdlint_rules.stakeholders.signals import ORGANISATIONS


class NoDecisionMaker(Rule):
    """The product is sold to organisations, but no one is named who decides to buy it.

    ## What it does
    Reports a PRD that sells to organisations (it says B2B, enterprise plans or contracts,
    per-seat pricing, procurement, multi-tenant) but names no one who decides or approves the
    purchase as distinct from the daily users: an owner, director, head of department, budget
    owner, procurement, a decision maker or a named paying organisation role. Signals under
    "Out of scope" or "Future" headings do not make a product one sold to organisations. When
    the document names no customer at all, no-customer reports that instead.

    ## Why is this bad?
    In organisations the people who choose and pay for software are often not the people who
    use it: a buying group weighs price, risk, vendor viability and fit with other systems,
    while users weigh ease. A PRD that writes only for the daily user gives the buyer no
    reason to sign.

    ## Example
    ```markdown
    B2B scheduling for clinics. Receptionists book and move appointments.
    ```

    ## Use instead
    ```markdown
    B2B scheduling for clinics. Receptionists book and move appointments; the practice
    manager chooses and pays for it, and needs the monthly no-show report to justify the cost.
    ```
    """

    code = "PRD107"
    name = "no-decision-maker"
    pack = "stakeholders"
    needs = frozenset({STAKEHOLDERS})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = context.analysis
        signals = analysis.business.stated(ORGANISATIONS)
        if is_template(context) or not signals or not names_a_payer(analysis):
            return
        vocabulary = analysis.vocabulary
        generic = vocabulary.words("generic-customers")
        for role in analysis.stakeholders.roles.values():
            if vocabulary.decides(role.key) or (role.is_customer and role.key not in generic):
                return
        named = users(analysis)
        daily = f" apart from its daily users ({quote_roles(named)})" if named else ""
        yield Violation(
            f"no decision maker: the product is sold to organisations ('{signals[0].text}', line "
            f"{signals[0].line}) but no one is named who decides or approves the purchase{daily}; "
            "buyers weigh price, risk and vendor viability, not ease of use: name who chooses and "
            "pays (an owner, director, budget owner) and what they need to say yes",
            document_anchor(context),
        )
