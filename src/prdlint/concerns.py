"""What the engine does with the findings of rules that share a concern (Rule.concern): one
finding per place, and unfinished text raised to an error in a finished document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from prdlint.document.model import Document
from prdlint.document.status import document_status
from prdlint.rule import UNFINISHED, Finding, Rule, Severity
from prdlint.span import Span


def _overlap(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


def _width(span: Span) -> tuple[int, int]:
    return (span.end.line - span.start.line, span.end.column - span.start.column)


def _negated(width: tuple[int, int]) -> tuple[int, int]:
    return (-width[0], -width[1])


def one_per_place(findings: Sequence[Finding], rules: Mapping[str, type[Rule]]) -> list[Finding]:
    """The findings with, among those of one concern on overlapping text ("[Describe the
    problem]" seen as a placeholder and as a template's instruction; "fast" as a vague term
    inside an unmeasurable requirement), only one kept: the most severe, then the one about the
    most of the text (the requirement, not its one word)."""
    concerned = [f for f in findings if f.code in rules and rules[f.code].concern is not None]
    ranked = sorted(concerned, key=lambda f: (-f.severity.rank, _negated(_width(f.span)), f.code))
    kept: list[Finding] = []
    for finding in ranked:
        concern = rules[finding.code].concern
        if not any(rules[k.code].concern == concern and _overlap(k.span, finding.span) for k in kept):
            kept.append(finding)
    dropped = {id(finding) for finding in concerned} - {id(finding) for finding in kept}
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
