"""The default format: one line per finding, for terminals, editors' problem matchers and grep."""

from __future__ import annotations

from prdlint.report.base import Reporter, ReportOptions
from prdlint.report.text import headline
from prdlint.results import LintRun


class ConciseReporter(Reporter):
    description = "one line per finding: path:line:col: CODE [severity] message"

    def render(self, run: LintRun, options: ReportOptions) -> str:
        return "".join(headline(finding, options.color) + "\n" for finding in run.findings)
