"""GitHub Actions workflow commands, which show findings as annotations on a pull request."""

from __future__ import annotations

from prdlint.report.base import Reporter, ReportOptions
from prdlint.results import LintRun
from prdlint.rule import Severity

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    description = "GitHub Actions annotations (::warning file=...::message)"
    human = False

    def render(self, run: LintRun, options: ReportOptions) -> str:
        lines = []
        for finding in run.findings:
            start, end = finding.span.start, finding.span.end
            properties = ",".join(
                (
                    f"file={_escape_property(finding.path)}",
                    f"line={start.line}",
                    f"col={start.column}",
                    f"endLine={end.line}",
                    f"endColumn={end.column}",
                    f"title={_escape_property(f'{finding.code} {finding.name}')}",
                )
            )
            lines.append(f"::{_LEVELS[finding.severity]} {properties}::{_escape_data(finding.explained)}\n")
        return "".join(lines)
