"""PRD005 invalid-front-matter."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import Rule, RuleContext, Severity, Violation


class InvalidFrontMatter(Rule):
    """Front matter that is not a valid YAML mapping.

    ## What it does
    Reports YAML front matter (between `---` lines at the top of the file) that does not parse,
    or that parses to something other than a mapping of keys to values, at the offending line.

    ## Why is this bad?
    Front matter carries metadata that tools read: status, owners, and the customers and users
    the document declares. When it does not parse, all of it is silently lost.

    ## Example
    ```markdown
    ---
    status: draft
    owners: [ana, raj
    ---
    ```

    ## Use instead
    ```markdown
    ---
    status: draft
    owners: [ana, raj]
    ---
    ```

    ## Default
    On, at error: nothing the front matter says can be read until it parses. Judged as their
    authors would, in 100 real PRDs its 1 finding were 1 worth fixing, 0 right but not worth it and
    0 wrong.
    """

    code = "PRD005"
    name = "invalid-front-matter"
    pack = "document"
    default_severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Violation]:
        error = context.document.front_matter_error
        if error is not None:
            line, message = error
            yield Violation(message, context.document.line_span(line))
