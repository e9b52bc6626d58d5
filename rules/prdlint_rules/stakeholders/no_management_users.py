"""PRD110 no-management-users."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import Rule, RuleContext, Severity, Violation
from prdlint_rules.stakeholders.common import document_anchor, is_template, users
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import MANAGEMENT
from prdlint_rules.stakeholders.reading.signals import PERSONAL_USE


class NoManagementUsers(Rule):
    """No one is named who uses the product to run the business: owners, finance, marketing.

    ## What it does
    Reports a PRD that names users but no management user who acts in the product: an owner
    who reads the reports, finance staff, marketers, analysts, executives. A tool its author
    builds for personal use ("this is a personal-use tool") has no business to run and is not
    reported.

    ## Why is this bad?
    Besides the people who use the product and those who operate it, someone runs the business
    behind it. The owner needs to see what is used and what earns money, finance needs sales
    records, marketing needs to know who the users are to win and keep customers, and someone
    answers for the security of users' data. Their needs become reports, exports and audit
    trails that a PRD naming only end users never asks for.

    ## Example
    ```markdown
    ## Users
    - Tutors publish lessons; students book them.
    - Admins approve new tutors.
    ```

    ## Use instead
    ```markdown
    ## Users
    - Tutors publish lessons; students book them.
    - Admins approve new tutors.
    - The owner reads weekly bookings and revenue by subject to decide where to recruit tutors.
    ```

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD110"]`). Judged as their authors would, in 60 real
    PRDs its 32 findings were 0 worth fixing, 19 right but not worth it and 13 wrong.
    """

    code = "PRD110"
    name = "no-management-users"
    pack = "stakeholders"
    needs = frozenset({STAKEHOLDERS})
    whole_document = True
    default_severity = Severity.INFO
    enabled_by_default = False

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        named = users(analysis)
        if is_template(context) or not named or analysis.business.affirmed(PERSONAL_USE):
            return
        if any(MANAGEMENT in role.kinds and role.acts_in_product for role in named):
            return
        yield Violation(
            "no management users: no one is named who uses the product to run the business",
            document_anchor(context),
            advice="Add the owner, finance or marketing people who need its reports and data, and "
            "what they read in it.",
        )
