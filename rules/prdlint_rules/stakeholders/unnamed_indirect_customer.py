"""PRD106 unnamed-indirect-customer."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import Rule, RuleContext, Severity, Violation
from prdlint_rules.stakeholders.common import ANY_PAYING_ROLE, is_template
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.model import Signal, StakeholderReading

# What each kind of indirect customer weighs, for the message's advice.
_ANY_PAYER_NEEDS = "what they get for the money, price"
_STREAM_NEEDS = {
    "advertising": "reach, targeting, reports of who saw the ad, price",
    "sponsorship": "visibility, audience, reports, price",
    "selling data": "coverage, freshness, licence terms, price",
    "commission": "the rate, when it is charged, what they get for it",
}


def _payer_named(analysis: StakeholderReading, payers: tuple[str, ...]) -> bool:
    roles = analysis.stakeholders.roles.values()
    if ANY_PAYING_ROLE in payers and any(role.shown_paying for role in roles):
        return True
    return any(role.key == payer or role.key.endswith(" " + payer) for role in roles for payer in payers)


class UnnamedIndirectCustomer(Rule):
    """The product earns from advertising, sponsorship, data or commission, but never names who pays.

    ## What it does
    Reports a revenue stream the document plans (advertising, promoted listings, sponsorship,
    selling data or analytics, commission or transaction fees) whose paying party it never
    names: no advertiser, sponsor, data buyer, or, for commission and promoted listings, no
    role the document shows paying (sellers paying fees). Streams under "Out of scope" or
    "Future" headings are left alone.

    ## Why is this bad?
    Whoever pays is a customer, even one who never opens the product the way its users do:
    advertisers are the customers of a free search engine. Indirect customers have needs of
    their own (reach, targeting, reports, a fair price) that become requirements; a PRD that
    plans their money but not them leaves those requirements out.

    ## Example
    ```markdown
    ## Monetization
    - Advertising in the feed
    ```

    ## Use instead
    ```markdown
    ## Monetization
    - Advertising in the feed, sold to local businesses (advertisers), who need to target by
      neighbourhood and see how many people saw their ad.
    ```

    ## Default
    Opt-in; too few findings judged to move it. Judged as their authors would, in 60 real PRDs its 3
    findings were 0 worth fixing, 0 right but not worth it and 3 wrong. Earlier readings: on 30 real
    PRDs read finding by finding, all 3 findings were wrong: the money words were about the users' own
    business (their commissions, their job adverts) or about plans the document rules out. Turn it on
    with `extend-select = ["PRD106"]` for PRDs that lay out a revenue model.
    """

    code = "PRD106"
    name = "unnamed-indirect-customer"
    pack = "stakeholders"
    default_severity = Severity.INFO
    enabled_by_default = False
    needs = frozenset({STAKEHOLDERS})
    whole_document = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        if is_template(context, CUSTOMER):
            return
        vocabulary, business = analysis.vocabulary, analysis.business
        streams: dict[str, list[tuple[str, list[Signal]]]] = {}
        for category in business.revenue_categories():
            signals = business.stated(category)
            stream = vocabulary.signals[category].stream or category
            if signals:
                streams.setdefault(stream, []).append((category, signals))
        for stream, categories in sorted(streams.items()):
            if any(_payer_named(analysis, vocabulary.signals[category].payers) for category, _ in categories):
                continue
            first = min((signal for _, signals in categories for signal in signals), key=lambda s: s.line)
            yield Violation(
                f"unnamed indirect customer: the product earns from {stream} ('{first.text}'), but no "
                "one is named who pays it",
                first.span,
                advice="Whoever pays is a customer even if they never use the product like its users "
                f"do: name them and what they weigh ({_STREAM_NEEDS.get(stream, _ANY_PAYER_NEEDS)}).",
            )
