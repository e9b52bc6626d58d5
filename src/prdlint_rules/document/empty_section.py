"""PRD003 empty-section."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.rule import Rule, RuleContext, Violation


class EmptySection(Rule):
    """A heading with nothing under it before the next heading of the same or higher level.

    ## What it does
    Reports a section that has neither content nor subsections. A section that holds only an
    HTML comment (often a template's instructions) counts as empty.

    ## Why is this bad?
    An empty heading promises an answer the document does not give. Readers skim headings; a
    "Success metrics" heading with nothing under it reads as if the question were settled.

    ## Example
    ```markdown
    ## Success metrics

    ## Rollout
    We launch to 10% of accounts first.
    ```

    ## Use instead
    ```markdown
    ## Success metrics
    Weekly active teams grow from 120 to 200 within a quarter of launch.

    ## Rollout
    We launch to 10% of accounts first.
    ```
    Or remove the heading, or say why it is empty ("Not applicable: no pricing change").
    """

    code = "PRD003"
    name = "empty-section"
    pack = "document"

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for section in context.document.sections:
            if section.has_content or section.children or section.heading is None:
                continue
            yield Violation(
                f"section '{section.title}' is empty: write what belongs under it, "
                "say why it does not apply, or remove the heading",
                section.heading.span(),
            )
