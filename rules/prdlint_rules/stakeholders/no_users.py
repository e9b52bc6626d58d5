"""PRD102 no-users."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import STORIES, Rule, RuleContext, Violation
from prdlint_rules.stakeholders.common import customers, document_anchor, is_template, quote_roles, users
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading


class NoUsers(Rule):
    """No one is named who uses the product.

    ## What it does
    Reports a PRD that names no user: no role that uses the product in a stakeholder section,
    persona, user story, or in the text ("clinicians review the summary"), and no user stories.

    ## Why is this bad?
    Requirements come from the needs and problems of the people who use the product. A PRD
    that names none has nothing to test its features against: whose day gets better, and how?
    Even a product bought by one party (a hospital buying scheduling software) is used by
    others (nurses, receptionists), and it succeeds only if they can and want to use it.

    ## Example
    ```markdown
    # Scheduling
    Hospitals buy Rota to cut overtime costs.
    ```

    ## Use instead
    ```markdown
    # Scheduling
    Hospitals buy Rota to cut overtime costs. Ward nurses use it to swap shifts; the ward
    manager approves swaps.
    ```

    ## Default
    On, at warning severity; too few findings judged to move it. Judged as their authors would, in 60
    real PRDs its 1 finding were 0 worth fixing, 0 right but not worth it and 1 wrong.
    """

    code = "PRD102"
    name = "no-users"
    pack = "stakeholders"
    needs = frozenset({STAKEHOLDERS, STORIES})
    whole_document = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        if is_template(context) or users(analysis) or context.analysis.stories:
            return
        paying = customers(analysis)
        who = f"customers are named ({quote_roles(paying)}), but" if paying else "the document names"
        yield Violation(
            f"no users: {who} no one who uses the product",
            document_anchor(context),
            advice="Requirements come from what users need: name who uses the product (in a users or "
            "personas section) and what they do with it.",
        )
