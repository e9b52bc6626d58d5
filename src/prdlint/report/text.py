"""Shared pieces of the human-readable formats."""

from __future__ import annotations

import click

from prdlint.rule import Finding, Severity

_SEVERITY_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def headline(finding: Finding, color: bool, *, named: bool = False) -> str:
    """`path:line:col: CODE [*] [severity] message`, the line every text format starts with: `[*]`
    where --fix fixes it, and the rule's name after the message when `named`."""
    start = finding.span.start
    location = f"{finding.path}:{start.line}:{start.column}:"
    code = finding.code
    severity = f"[{finding.severity}]"
    if color:
        location = click.style(location, bold=True)
        code = click.style(code, fg=_SEVERITY_COLORS[finding.severity], bold=True)
        severity = click.style(severity, fg=_SEVERITY_COLORS[finding.severity])
    fixable = " [*]" if finding.fix is not None and finding.fix.safe else ""
    name = f" ({finding.name})" if named else ""
    return f"{location} {code}{fixable} {severity} {finding.message}{name}"
