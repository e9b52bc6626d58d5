"""SARIF 2.1.0, the format code hosts read for code scanning (GitHub, Azure DevOps, GitLab).

One run with prdlint as its tool: every rule that reported is described with its summary and
its documentation (what `prdlint explain` prints), and every finding is a result with its region
and, where it has one, its fix.
"""

from __future__ import annotations

import json
from typing import Any

from prdlint import __version__
from prdlint.report.base import Reporter, ReportOptions
from prdlint.results import LintRun
from prdlint.rule import Finding, Fix, Severity
from prdlint.span import Span

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _region(span: Span) -> dict[str, int]:
    return {
        "startLine": span.start.line,
        "startColumn": span.start.column,
        "endLine": span.end.line,
        "endColumn": span.end.column,
    }


def _rule(code: str, name: str, options: ReportOptions) -> dict[str, Any]:
    """The rule's description; a rule of a sub-project's own rule files, which the registry of
    the working directory does not hold, is given by code and name."""
    rule = options.rules.get(code)
    if rule is None:
        return {"id": code, "name": name}
    documentation = rule.documentation()
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": documentation},
        "help": {"text": documentation, "markdown": documentation},
        "defaultConfiguration": {"level": _LEVELS[rule.default_severity]},
        "properties": {"pack": rule.pack, "tags": [rule.pack]},
    }


def _fix(fix: Fix, path: str) -> dict[str, Any]:
    return {
        "description": {"text": fix.description},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": path},
                "replacements": [
                    {"deletedRegion": _region(edit.span), "insertedContent": {"text": edit.replacement}}
                    for edit in fix.edits
                ],
            }
        ],
    }


def _result(finding: Finding, index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.explained},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.path},
                    "region": _region(finding.span),
                }
            }
        ],
    }
    if finding.fix is not None:
        result["fixes"] = [_fix(finding.fix, finding.path)]
    return result


class SarifReporter(Reporter):
    description = "SARIF 2.1.0, for code scanning on GitHub and other code hosts"
    human = False

    def render(self, run: LintRun, options: ReportOptions) -> str:
        findings = run.findings
        names = {finding.code: finding.name for finding in findings}
        codes = sorted(names)
        index = {code: position for position, code in enumerate(codes)}
        document = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "prdlint",
                            "version": __version__,
                            "rules": [_rule(code, names[code], options) for code in codes],
                        }
                    },
                    "results": [_result(finding, index[finding.code]) for finding in findings],
                }
            ],
        }
        return json.dumps(document, indent=2) + "\n"
