"""The engine's own diagnostics, listed and documented like rules.

They are reported by the engine, not by `check`: only the engine knows when a file cannot be read
or a rule crashes, and only it knows which suppressions were used.
"""

from __future__ import annotations

from prdlint.rule import Rule, Severity


class InternalError(Rule):
    """A file could not be linted: it is unreadable, or a rule failed on it.

    ## What it does
    Reports, at line 1 of the file, why prdlint could not lint it: the file is not valid UTF-8,
    looks binary, is empty, is larger than `max-file-size`, cannot be read, or a rule raised an
    exception on it (the message names the rule).

    ## Why it matters
    A file that was not linted must not pass silently. Any PRD000 finding makes the run exit
    with status 2; the other files are still linted and reported.

    ## What to do
    Fix the file (save it as UTF-8, fill it in), raise `max-file-size`, exclude it, or report the
    failing rule to its authors with the message shown.
    """

    code = "PRD000"
    name = "internal-error"
    pack = "engine"
    default_severity = Severity.ERROR
    internal = True


class UnusedSuppression(Rule):
    """A `prdlint-disable` comment that suppresses nothing, or names an unknown rule.

    ## What it does
    Reports suppression directives that no finding needed, and rule codes or names in a
    directive that no installed rule has.

    ## Why it matters
    Stale suppressions hide the next real problem at that place, and a misspelt code suppresses
    nothing while looking as if it does.

    ## Example
    ```markdown
    <!-- prdlint-disable-next-line placeholder-text -->
    The launch date is 1 March.
    ```

    ## Use instead
    Remove the comment. The fix offered deletes it.
    """

    code = "PRD001"
    name = "unused-suppression"
    pack = "engine"
    default_severity = Severity.WARNING
    internal = True


ENGINE_RULES: tuple[type[Rule], ...] = (InternalError, UnusedSuppression)
