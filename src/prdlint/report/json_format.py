"""Machine-readable findings: a versioned contract, described by `findings.schema.json`.

The `version` field changes only when a field is removed or changes meaning; new fields may be
added within a version. Positions are 1-based; `end_column` is exclusive.
"""

from __future__ import annotations

import json
from typing import Any

from prdlint import __version__
from prdlint.report.base import Reporter, ReportOptions
from prdlint.results import LintRun
from prdlint.rule import Finding, Fix, Severity
from prdlint.span import Span

SCHEMA_VERSION = 1


def _span_fields(span: Span) -> dict[str, int]:
    return {
        "line": span.start.line,
        "column": span.start.column,
        "end_line": span.end.line,
        "end_column": span.end.column,
    }


def _fix(fix: Fix | None) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {
        "description": fix.description,
        "safe": fix.safe,
        "edits": [{**_span_fields(edit.span), "replacement": edit.replacement} for edit in fix.edits],
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.severity),
        "message": finding.message,
        "advice": finding.advice,
        "path": finding.path,
        **_span_fields(finding.span),
        "fix": _fix(finding.fix),
    }


class JsonReporter(Reporter):
    description = "a versioned JSON document (schema: prdlint/report/findings.schema.json)"
    human = False

    def render(self, run: LintRun, options: ReportOptions) -> str:
        findings = run.findings
        counts = {str(level): 0 for level in Severity}
        for finding in findings:
            counts[str(finding.severity)] += 1
        document = {
            "version": SCHEMA_VERSION,
            "tool": {"name": "prdlint", "version": __version__},
            "summary": {"files": len(run.files), "findings": len(findings), **counts},
            "findings": [finding_to_dict(finding) for finding in findings],
            "errors": list(run.errors),
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
