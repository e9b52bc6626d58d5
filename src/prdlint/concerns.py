"""What the engine does with the findings of rules that share a concern (Rule.concern): one
finding per place, and unfinished text raised to an error in a finished document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from prdlint.document.model import Document
from prdlint.document.status import document_status
from prdlint.rule import UNFINISHED, Finding, Rule, Severity
from prdlint.span import Span


def _overlap(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


def _rank(finding: Finding) -> tuple[int, int, int, str]:
    """The most severe first, then the one about the most of the text."""
    span = finding.span
    lines, columns = span.end.line - span.start.line, span.end.column - span.start.column
    return (-finding.severity.rank, -lines, -columns, finding.code)


def one_per_place(findings: Sequence[Finding], rules: Mapping[str, type[Rule]]) -> list[Finding]:
    """The findings with, among those of one concern on overlapping text ("[Describe the
    problem]" seen as a placeholder and as a template's instruction; "fast" as a vague term
    inside an unmeasurable requirement), only one kept: the most severe, then the one about the
    most of the text (the requirement, not its one word)."""
    concerned = [f for f in findings if f.code in rules and rules[f.code].concern is not None]
    # The spans kept so far, by concern and line: a finding is compared with those on its lines
    # only, so a document with thousands of placeholders costs no more than their number.
    kept_at: dict[tuple[str | None, int], list[Span]] = defaultdict(list)
    dropped: set[int] = set()
    for finding in sorted(concerned, key=_rank):
        concern, span = rules[finding.code].concern, finding.span
        lines = range(span.start.line, span.end.line + 1)
        if any(_overlap(kept, span) for line in lines for kept in kept_at[(concern, line)]):
            dropped.add(id(finding))
            continue
        for line in lines:
            kept_at[(concern, line)].append(span)
    return [finding for finding in findings if id(finding) not in dropped]


def raised_when_final(
    findings: Sequence[Finding], rules: Mapping[str, type[Rule]], document: Document
) -> list[Finding]:
    """The findings, those about unfinished text made errors where the document says it is
    approved or final, their advice saying so."""
    unfinished = [f for f in findings if f.code in rules and rules[f.code].concern == UNFINISHED]
    if not unfinished:
        return list(findings)
    status = document_status(document)
    if status is None or not status.final:
        return list(findings)
    why = f"The document says it is '{status.value}' (line {status.line}), so this fails the run."
    raised = {
        id(f): replace(f, severity=Severity.ERROR, advice=f"{why} {f.advice}".strip()) for f in unfinished
    }
    return [raised.get(id(finding), finding) for finding in findings]
