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
    On, at warning severity. It fires rarely: none of its findings on the 100 PRDs judged as their
    authors would is left. The one it made there was wrong, and so were 2 of the 3 on the 308
    labelled PRDs: both read a PRD that names its users only as the answer to "Who is it for?" or
    as the people the product "helps ... do" something, which the reading now takes as users.
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
