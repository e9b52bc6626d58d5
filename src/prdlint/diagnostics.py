"""The engine's own diagnostics, listed and documented like rules.

They are reported by the engine, not by `check`: only the engine knows when a file cannot be read
or a rule crashes, and only it knows which suppressions were used.
"""

from __future__ import annotations

from prdlint.rule import Rule, Severity


class InternalError(Rule):
    """A file could not be linted: it is unreadable, or a rule failed on it.

    ## What it does
    Reports, at line 1 of the file, why prdlint could not lint it: the file looks binary, is
    larger than `max-file-size`, cannot be read, a rule raised an exception on it or ran past
    the document's time budget (the message names the rule).

    ## Why it matters
    A file that was not linted must not pass silently. Any PRD000 finding makes the run exit
    with status 2; the other files are still linted and reported.

    ## What to do
    Fix the file, raise `max-file-size`, exclude it, or report the
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


class NotUtf8(Rule):
    """The file has bytes that are not UTF-8; it was linted with U+FFFD in their place.

    ## What it does
    Reports, once per file and at the first such byte, every byte that is not UTF-8, by value
    and line and column. The rest of the file is linted as usual, and `--fix` leaves the file as
    it is: writing the fixes would write the replacement characters over the original bytes.

    ## Why it matters
    A stray Windows-1252 apostrophe or dash, pasted in from a word processor, shows as a broken
    character in every UTF-8 tool the document passes through, and a word around it is not read
    as a word.

    ## Example
    A line saved by an editor set to Windows-1252: `the buyer\x92s approval` (byte 0x92).

    ## Use instead
    Save the file as UTF-8, with the character the byte stood for (here a right single quote).
    """

    code = "PRD006"
    name = "not-utf-8"
    pack = "engine"
    default_severity = Severity.WARNING
    internal = True


ENGINE_RULES: tuple[type[Rule], ...] = (InternalError, UnusedSuppression, NotUtf8)
