"""PRD301 metric-without-target."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import Rule, RuleContext, Violation, first_and_more, quoted
from prdlint_rules.requirement_language.metrics import (
    TARGET,
    find_metrics,
    goals_heading,
    is_check,
    is_metrics,
)

_QUOTED = 2


class MetricWithoutTarget(Rule):
    """Success metrics that name no target, or a PRD with goals and no metric at all.

    ## What it does
    Reports a success-metrics or KPI section (or a "Success metrics:" list, or a metrics table)
    none of whose metrics names a number, a threshold, a baseline or a date, once, at its heading;
    and a PRD that has no metric at all, at its goals heading (or its first line). A section
    where some metrics have targets is left alone, and so are success criteria written as
    behaviours that pass or fail ("Riders can complete a ride without help").

    ## Why is this bad?
    "Increase retention" cannot succeed or fail: without a target nobody can tell at launch
    whether the product did what it was for, and every result reads as a success. The number is
    also what makes a goal a decision: 5% and 50% are different products.

    ## Example
    ```markdown
    ## Success metrics
    - Higher retention
    - Fewer support tickets
    ```

    ## Use instead
    ```markdown
    ## Success metrics
    - 30-day retention from 22% to 30% by the end of Q3.
    - Swap-related support tickets down 50% (baseline: 120 a month).
    ```

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD301"]`). Judged as their authors would, in 60 real
    PRDs its 25 findings were 6 worth fixing, 17 right but not worth it and 2 wrong. Earlier readings:
    on the 34 findings in 74 real PRDs, 20 were worth their author's time. Most of the rest were on
    documents that need no success metric (design notes, RFCs, meeting minutes, a release measured for a
    baseline first), or on targets the document gives elsewhere (another section, an HTML table).
    Success criteria written as pass/fail behaviours are set aside since, which removed 3 more findings
    where the readers' labels say the rule should be silent. Turn it on with `extend-select =
    ["PRD301"]` for product documents.
    """

    code = "PRD301"
    name = "metric-without-target"
    pack = "requirement-language"
    whole_document = True
    enabled_by_default = False

    def check(self, context: RuleContext) -> Iterator[Violation]:
        document = context.document
        places = [m for m in find_metrics(document) if m.items]
        metrics = [m for m in places if is_metrics(m)]
        items = [item for m in places for item in m.items]
        if any(TARGET.search(item.text) for item in items):
            return  # a metric, or a goal, with a target
        if not metrics:
            goals = goals_heading(document)
            anchor = (
                goals.heading.span()
                if goals is not None and goals.heading is not None
                else document.first_line_span
            )
            where = f" ('{goals.title}' on line {goals.start_line} says what it is for)" if goals else ""
            yield Violation(
                f"no success metrics: the document names no metric{where}",
                anchor,
                advice="Add how success will be measured, each metric with a target, a baseline or a date.",
            )
            return
        criteria = [item for m in metrics for item in m.items]
        items = [item for item in criteria if not is_check(item.text)]
        if len(items) * 2 <= len(criteria):
            return  # mostly pass/fail criteria: a checklist, each item its own target
        first = metrics[0]
        named = first_and_more([quoted(item.text, 30) for item in items], _QUOTED)
        yield Violation(
            f"metrics without targets: {named}",
            first.anchor.span(),
            advice="These say what to measure but not the number that means success: give each a "
            "target, a baseline or a date.",
        )
