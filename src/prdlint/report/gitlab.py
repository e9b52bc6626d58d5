"""GitLab Code Quality, the report a merge request shows beside its diff.

A list of issues, each with its rule, a severity GitLab knows, the file and line, and a
fingerprint that stays the same while the finding does (rule, file, message and the text it is
about, not the line number), so GitLab can tell new findings from old ones.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from prdlint.baseline import covered_text
from prdlint.report.base import Reporter, ReportOptions
from prdlint.results import LintRun
from prdlint.rule import Finding, Severity

_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def fingerprint(finding: Finding, source: str | None) -> str:
    """A digest of what the finding is, not where: its rule, file, message and the text it
    covers, so that a line added above it does not make it a new finding."""
    message = re.sub(r"\d+", "#", finding.message)  # "(line 7)" moves with the text
    key = "\0".join((finding.code, finding.path, message, covered_text(finding, source)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _issue(finding: Finding, source: str | None) -> dict[str, Any]:
    return {
        "type": "issue",
        "description": f"{finding.code} {finding.explained}",
        "check_name": f"{finding.code} {finding.name}",
        "categories": ["Style"],
        "fingerprint": fingerprint(finding, source),
        "severity": _SEVERITIES[finding.severity],
        "location": {"path": finding.path, "lines": {"begin": finding.span.start.line}},
    }


class GitlabReporter(Reporter):
    description = "GitLab Code Quality report (codequality artifact of a merge request)"
    human = False

    def render(self, run: LintRun, options: ReportOptions) -> str:
        sources = {result.path: result.source for result in run.files}
        issues = [_issue(finding, sources.get(finding.path)) for finding in run.findings]
        return json.dumps(issues, indent=2) + "\n"
