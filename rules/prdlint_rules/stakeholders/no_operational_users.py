"""PRD103 no-operational-users."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import STORIES, Rule, RuleContext, Severity, Violation
from prdlint_rules.stakeholders.common import (
    assumed_context,
    document_anchor,
    first_line,
    is_template,
    users,
)
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import OPERATIONAL
from prdlint_rules.stakeholders.reading.signals import NO_ACCOUNTS, NO_BACKEND
from prdlint_rules.stakeholders.verdicts import decided


class NoOperationalUsers(Rule):
    """No one who runs the product behind the scenes: admins, support, moderators, operations.

    ## What it does
    Reports a PRD that names users but no one who runs the product for the others: who manages
    accounts, permissions or settings, approves or verifies others' submissions, moderates,
    refunds, answers users, configures or deploys it. What a role does decides, not its name:
    "the conductor creates member accounts and resets forgotten PINs" runs the product, while
    a role named like support that the document describes doing only what end users do does
    not. A story role, a persona, an entry in a list of roles or permissions, or a sentence
    saying what such a role does counts. A mention only as a metric ("support tickets"), a plan
    feature ("priority support"), a team named in passing ("escalate to the support team") or
    the way things are done today ("today the back office re-types every form") does not. A
    product with nothing to operate (no accounts, no backend, it runs in the browser) is left
    alone.

    ## Why is this bad?
    Every product needs people to run it: to manage accounts, fix data, answer users' questions,
    remove abuse, publish content. Their needs become real features (an admin console, audit
    logs, refunds, impersonation for support) that a PRD naming only end users leaves out, and
    the product ships without the tools to operate it.

    ## Example
    ```markdown
    ## Users
    - Drivers accept and deliver orders.
    - Restaurant owners publish menus.
    ```

    ## Use instead
    ```markdown
    ## Users
    - Drivers accept and deliver orders.
    - Restaurant owners publish menus.
    - Support agents look up an order, contact the driver and refund the customer.
    ```

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD103"]`). Judged as their authors would, in 60 real
    PRDs its 28 findings were 10 worth fixing, 14 right but not worth it and 4 wrong. Earlier readings:
    on 30 real PRDs read finding by finding, 7 of 11 findings named a real gap; 2 were right but beside
    the point of a feature spec, and 2 missed an app with nothing to run or reviewers named only as
    approvers. Raise it where every PRD should say who runs the product.
    """

    code = "PRD103"
    name = "no-operational-users"
    pack = "stakeholders"
    enabled_by_default = False
    default_severity = Severity.INFO
    needs = frozenset({STAKEHOLDERS, STORIES})
    whole_document = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        named = users(analysis)
        nothing_to_operate = analysis.business.affirmed(NO_ACCOUNTS) and analysis.business.affirmed(
            NO_BACKEND
        )
        if is_template(context) or not named or nothing_to_operate:
            return
        operational = [role for role in named if OPERATIONAL in role.kinds]
        if not decided(self.code, context, hand=not any(role.acts_in_product for role in operational)):
            return
        passing = ""
        if operational:
            role = min(operational, key=first_line)
            passing = f" ('{role.key}', line {first_line(role)}, is only named)"
        yield Violation(
            f"no operational users: no one is shown running the product behind the scenes{passing}",
            document_anchor(context),
            advice=f"{assumed_context(analysis)}A product needs people who run it as well as people who "
            "use it: add the admins, support agents or moderators it needs and what they do in the "
            "product (manage accounts, answer users, remove abuse).",
        )
