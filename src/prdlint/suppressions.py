"""Inline suppressions: `<!-- prdlint-disable ... -->` comments, and which of them did nothing.

Directives (each takes codes, names, prefixes or nothing for every rule; a reason may follow
` -- `):

- `prdlint-disable-file`: the whole file.
- `prdlint-disable` ... `prdlint-enable`: from the disable's line to the matching enable's line,
  or to the end of the file.
- `prdlint-disable-next-line`: the line after the comment.
- `prdlint-disable-line`: the comment's own line (for a comment at the end of a line).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from prdlint.document import Comment, Document
from prdlint.registry import Registry
from prdlint.results import INTERNAL_ERROR_CODE
from prdlint.rule import Edit, Finding, Fix
from prdlint.span import Position, Span

_DIRECTIVE = re.compile(
    r"^prdlint-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)\b(?P<rest>.*)$",
    re.DOTALL,
)
_SEPARATORS = re.compile(r"[\s,]+")

UNUSED_ADVICE = (
    "A suppression that suppresses nothing hides the next finding there: remove it (--fix does), or "
    "name the rule it is for."
)


@dataclass
class Directive:
    kind: str
    selectors: tuple[str, ...]
    comment: Comment
    first_line: int = 0
    last_line: float = math.inf
    used: set[str] = field(default_factory=set)
    codes: set[str] | None = None
    """The codes the selectors name, resolved once; None means every rule."""

    @property
    def text(self) -> str:
        return f"prdlint-{self.kind}" + (" " + " ".join(self.selectors) if self.selectors else "")


def parse_directive(comment: Comment) -> Directive | None:
    match = _DIRECTIVE.match(comment.body)
    if not match:
        return None
    rest = match.group("rest").split(" -- ", 1)[0]
    selectors = tuple(part for part in _SEPARATORS.split(rest.strip()) if part)
    return Directive(match.group("kind"), selectors, comment)


def _codes(selectors: tuple[str, ...], registry: Registry) -> set[str] | None:
    """The codes selectors name; None (no selectors) means every rule."""
    if not selectors:
        return None
    codes: set[str] = set()
    for selector in selectors:
        codes |= registry.lookup(selector)
    return codes


@dataclass
class SuppressionResult:
    kept: list[Finding]
    unused: list[tuple[Span, str, Fix | None]]
    """The directives that suppress nothing, or name no known rule: where, what, and the fix."""


class Suppressions:
    """The directives of one document, applied to that document's findings."""

    def __init__(self, document: Document, registry: Registry) -> None:
        self.document = document
        self.registry = registry
        self.directives: list[Directive] = []
        self.stray_enables: list[Directive] = []
        self._read(document.comments)

    def _read(self, comments: Iterable[Comment]) -> None:
        open_disables: list[Directive] = []
        for comment in comments:
            directive = parse_directive(comment)
            if directive is None:
                continue
            directive.codes = _codes(directive.selectors, self.registry)
            start, end = comment.span.start.line, comment.span.end.line
            if directive.kind == "enable":
                closing = [d for d in open_disables if self._closes(directive, d)]
                if not closing:
                    self.stray_enables.append(directive)
                for disable in closing:
                    disable.last_line = end
                    open_disables.remove(disable)
                continue
            directive.first_line, directive.last_line = {
                "disable-file": (1, math.inf),
                "disable-line": (start, end),
                "disable-next-line": (end + 1, end + 1),
                "disable": (start, math.inf),
            }[directive.kind]
            if directive.kind == "disable":
                open_disables.append(directive)
            self.directives.append(directive)

    def _closes(self, enable: Directive, disable: Directive) -> bool:
        """A bare enable ends every open disable; one with codes ends the disables naming them."""
        enabled, disabled = enable.codes, disable.codes
        if enabled is None:
            return True
        return disabled is not None and bool(enabled & disabled)

    def _covering(self, finding: Finding) -> list[Directive]:
        line = finding.span.start.line
        covering = []
        for directive in self.directives:
            codes = directive.codes
            if directive.first_line <= line <= directive.last_line and (
                codes is None or finding.code in codes
            ):
                covering.append(directive)
        return covering

    def apply(self, findings: Iterable[Finding], ran: set[str]) -> SuppressionResult:
        """Drops suppressed findings and lists the directives that suppressed nothing.

        Only rules that ran can make a directive "unused": a directive naming a rule that this
        run did not select is left alone.
        """
        kept = []
        for finding in findings:
            covering = [] if finding.code == INTERNAL_ERROR_CODE else self._covering(finding)
            for directive in covering:
                directive.used.add(finding.code)
            if not covering:
                kept.append(finding)
        return SuppressionResult(kept, self._unused(ran))

    def _removal(self, directive: Directive) -> Fix:
        """Deletes the comment, and its line too when the comment is all the line holds."""
        comment = directive.comment
        start, end = comment.span.start, comment.span.end
        whole_line = (
            self.document.line_text(start.line).strip() == self.document.source[comment.start : comment.end]
        )
        line = self.document.line_text(start.line)
        if whole_line and start.line < self.document.lines.line_count:
            span = Span(Position(start.line, 1), Position(start.line + 1, 1))
        elif not line[end.column - 1 :].strip():
            # "Text. <!-- prdlint-disable-line PRD002 -->": the space before goes with it.
            before = line[: start.column - 1]
            span = Span(Position(start.line, len(before.rstrip()) + 1), end)
        else:
            span = Span(start, end)
        return Fix("remove the unused suppression comment", (Edit(span, ""),))

    def _unused(self, ran: set[str]) -> list[tuple[Span, str, Fix | None]]:
        problems: list[tuple[Span, str, Fix | None]] = []
        for directive in self.stray_enables:
            problems.append(
                (
                    directive.comment.span,
                    f"`{directive.text}` has no matching prdlint-disable before it",
                    None,
                )
            )
        for directive in self.directives:
            unknown = [s for s in directive.selectors if not self.registry.lookup(s)]
            if unknown:
                names = ", ".join(repr(s) for s in unknown)
                problems.append(
                    (
                        directive.comment.span,
                        f"`{directive.text}` names no known rule: {names}",
                        None,
                    )
                )
                continue
            if directive.selectors:
                idle = [
                    s
                    for s in directive.selectors
                    if (self.registry.lookup(s) & ran) and not (self.registry.lookup(s) & directive.used)
                ]
            else:
                idle = [] if directive.used or not ran else ["any rule"]
            if not idle:
                continue
            whole = len(idle) == len(directive.selectors) or not directive.selectors
            problems.append(
                (
                    directive.comment.span,
                    f"`{directive.text}` suppresses no {', '.join(idle)} finding",
                    self._removal(directive) if whole else None,
                )
            )
        return problems
