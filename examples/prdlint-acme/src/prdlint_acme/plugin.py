"""Registers Acme's rules with prdlint through the `prdlint` entry point group."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from prdlint.api import Rule, RuleContext, Severity, Violation, hookimpl


class ShoutingHeading(Rule):
    """A heading written in capital letters.

    ## What it does
    Reports headings of two or more words written entirely in capitals.

    ## Why is this bad?
    Capitals are harder to read, and Acme's PRD template uses sentence case.

    ## Example
    ```markdown
    ## SUCCESS METRICS
    ```

    ## Use instead
    ```markdown
    ## Success metrics
    ```
    """

    code = "ACME101"
    name = "shouting-heading"
    pack = "acme"
    default_severity = Severity.INFO

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for section in context.document.sections:
            words = [word for word in section.title.split() if any(char.isalpha() for char in word)]
            if len(words) >= 2 and all(word.isupper() for word in words) and section.heading:
                yield Violation(
                    f"heading '{section.title}' is in capitals: write it in sentence case",
                    section.heading.span(),
                )


@hookimpl
def prdlint_rules() -> Sequence[type[Rule]]:
    return [ShoutingHeading]
