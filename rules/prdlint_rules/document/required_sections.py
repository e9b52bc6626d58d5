"""PRD004 required-sections."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from prdlint.api import Option, Rule, RuleContext, Violation, strip_numbering

DEFAULT_SECTIONS = [
    "Problem|Problem statement|Background|Context|Motivation",
    "Goals|Objectives",
    "Users|Personas|Target users|Target audience|Customers|Stakeholders",
    "Requirements|Features|Functional requirements|User stories|Scope",
    "Success metrics|Metrics|KPIs|Success criteria|Measuring success",
]


def normalize_heading(text: str) -> str:
    """Lower case, no numbering ("2.1", "IV.", "Section 3:"), no emoji or punctuation."""
    text = strip_numbering(text)
    kept = "".join(
        char if unicodedata.category(char)[0] in "LN" else " " for char in unicodedata.normalize("NFKC", text)
    )
    return " ".join(kept.lower().split())


def _matches(heading: str, alias: str) -> bool:
    return f" {alias} " in f" {heading} "


class RequiredSections(Rule):
    """A section the team requires in every PRD is missing.

    ## What it does
    Checks that the document has a heading for each required section. Each entry of the
    `sections` option lists accepted headings separated by `|`; a heading matches when it
    contains one of them as whole words, ignoring case, numbering ("2.", "IV.", "Section 3:"),
    emoji and punctuation. Opt-in: select it, and set `sections` to your template's list.

    ## Why is this bad?
    A team's PRD template encodes the questions it has learned to ask before building. A missing
    "Success metrics" section usually means nobody decided how to tell whether the work paid off.

    ## Example
    With the default sections, a PRD whose headings are "Overview", "Requirements" and
    "Timeline" lacks a problem statement, goals, users and success metrics.

    ## Use instead
    Add the missing sections, or set `sections` to the headings your team really requires:
    ```toml
    [tool.prdlint.rules.required-sections]
    sections = ["Problem|Background", "Goals", "Success metrics|KPIs"]
    ```
    """

    code = "PRD004"
    name = "required-sections"
    pack = "document"
    whole_document = True
    enabled_by_default = False
    options = {
        "sections": Option(
            "list[str]",
            DEFAULT_SECTIONS,
            "required sections, each a |-separated list of accepted headings",
        ),
    }

    def check(self, context: RuleContext) -> Iterator[Violation]:
        document = context.document
        headings = [normalize_heading(section.title) for section in document.sections]
        first_heading = next((section.heading for section in document.sections), None)
        where = first_heading.span() if first_heading else document.first_line_span
        for entry in context.options["sections"]:
            aliases = [alias.strip() for alias in entry.split("|") if alias.strip()]
            wanted = [normalize_heading(alias) for alias in aliases]
            if not any(_matches(heading, alias) for heading in headings for alias in wanted):
                also = f" Any of these headings will do: {', '.join(aliases)}." if len(aliases) > 1 else ""
                yield Violation(
                    f"required section '{aliases[0]}' is missing",
                    where,
                    advice=f"Add it, if only to say why it does not apply to this document.{also}",
                )
