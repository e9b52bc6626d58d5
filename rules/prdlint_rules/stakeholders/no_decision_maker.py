"""PRD107 no-decision-maker."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import STORIES, Rule, RuleContext, Severity, Violation
from prdlint_rules.stakeholders.common import (
    document_anchor,
    is_template,
    names_a_payer,
    sold_to_organisations,
)
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.verdicts import decided


class NoDecisionMaker(Rule):
    """The product is sold to organisations, but no one is shown deciding to buy it.

    ## What it does
    Reports a PRD that sells to organisations (a customer that is an organisation, "B2B",
    enterprise plans or contracts, per-seat pricing, procurement) but shows no one deciding the
    purchase: no one who decides, approves, signs or holds the budget for it, weighs what it
    costs, or pays for it themselves (an owner-operator who subscribes is the decider). A
    senior title alone is not evidence: a "data-driven decision maker" persona trait, a
    "document owner" in the metadata or a director's user story say nothing about who buys.
    Statements under "Out of scope" or "Future" headings do not make a product one sold to
    organisations.

    Whether a document shows its buyer is seldom said in one line, so the reading's evidence
    (who is said to pay, decide or approve, what the product is, how it is sold) is weighed by
    a model learned from the labelled PRDs that sell to someone, and the rule reports only
    when the model is sure: out of fold, 6 of its 7 findings were right, where the reading's
    own verdict was right on 9 of 21. It is silent on most documents that leave the buyer
    implied; a missed buyer costs less than a wrong one.

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

    ## Default
    Opt-in. Judged as their authors would, in 60 real PRDs its 3 findings were 0 worth fixing, 2
    right but not worth it and 1 wrong; on 30 other real PRDs read finding by finding, none of its 3
    findings was worth its author's time: each document implied the buyer, or the buyer belonged in
    a platform-level PRD. Six findings, none worth fixing, is too few to measure a share and enough
    to keep it off: turn it on where the PRDs are written for a sales team.
    """

    code = "PRD107"
    name = "no-decision-maker"
    pack = "stakeholders"
    default_severity = Severity.INFO
    enabled_by_default = False
    needs = frozenset({STAKEHOLDERS, STORIES})
    whole_document = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        sold = sold_to_organisations(analysis)
        if is_template(context, CUSTOMER) or sold is None:
            return
        deciders = any(role.decider for role in analysis.stakeholders.roles.values())
        if not decided(self.code, context, hand=names_a_payer(analysis) and not deciders):
            return
        text, line = sold
        yield Violation(
            f"no decision maker: sold to organisations ('{text}', line {line}), but no one is shown "
            "deciding to buy it",
            document_anchor(context),
            advice="Buyers weigh price, risk and vendor viability, not ease of use: say who chooses, "
            "approves or pays (an owner, director, budget owner) and what they need to say yes.",
        )
