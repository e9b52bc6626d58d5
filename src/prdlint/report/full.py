"""Each finding with the source line it points at and a caret line under the words."""

from __future__ import annotations

import click

from prdlint.report.base import Reporter, ReportOptions
from prdlint.report.text import headline
from prdlint.results import LintRun
from prdlint.rule import Finding


def _excerpt(finding: Finding, lines: list[str], color: bool) -> list[str]:
    start, end = finding.span.start, finding.span.end
    if not 1 <= start.line <= len(lines):
        return []
    text = lines[start.line - 1].expandtabs(1)
    last_column = end.column if end.line == start.line else len(text) + 1
    width = max(last_column - start.column, 1)
    gutter = " " * len(str(start.line))
    carets = " " * (start.column - 1) + "^" * width
    if color:
        carets = click.style(carets, fg="red", bold=True)
    return [f"{gutter} |", f"{start.line} | {text}", f"{gutter} | {carets}"]


class FullReporter(Reporter):
    description = "each finding with its source line, a caret under the words, and its rule's advice once"

    def render(self, run: LintRun, options: ReportOptions) -> str:
        sources = {result.path: (result.source or "").split("\n") for result in run.files}
        advised: set[tuple[str, str]] = set()
        blocks = []
        for finding in run.findings:
            lines = [headline(finding, options.color, named=True)]
            lines += _excerpt(finding, sources.get(finding.path, []), options.color)
            if finding.fix is not None:
                lines.append(f"  = fix: {finding.fix.description}")
            if finding.advice and (finding.code, finding.advice) not in advised:
                advised.add((finding.code, finding.advice))
                lines.append(f"  = advice: {finding.advice}")
            blocks.append("\n".join(lines) + "\n")
        return "\n".join(blocks)
