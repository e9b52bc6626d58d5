"""Shared pieces of the human-readable formats."""

from __future__ import annotations

import click

from prdlint.rule import Finding, Severity

_SEVERITY_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def headline(finding: Finding, color: bool) -> str:
    """`path:line:col: CODE [severity] message (name)`, the line every text format starts with."""
    start = finding.span.start
    location = f"{finding.path}:{start.line}:{start.column}:"
    code = finding.code
    severity = f"[{finding.severity}]"
    if color:
        location = click.style(location, bold=True)
        code = click.style(code, fg=_SEVERITY_COLORS[finding.severity], bold=True)
        severity = click.style(severity, fg=_SEVERITY_COLORS[finding.severity])
    return f"{location} {code} {severity} {finding.message} ({finding.name})"
