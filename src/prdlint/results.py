"""What a lint run produced, handed from the runner to reporters and to the exit code."""

from __future__ import annotations

from dataclasses import dataclass, field

from prdlint.rule import Finding, Severity

INTERNAL_ERROR_CODE = "PRD000"


@dataclass
class FileResult:
    """The findings for one file, and its text for reporters that quote source lines."""

    path: str
    findings: list[Finding]
    source: str | None = None
    notices: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    """The lowest severity that fails the run for this file (its config's `fail-on`)."""
    not_requirements: str | None = None
    """Why the file was not read as a requirements document, when whole-document rules were
    selected and so skipped on it."""
    fixed: int = 0
    """How many fixes `--fix` applied to the file (or `--diff` would apply)."""
    diff: str | None = None
    """With `--diff`, the change the fixes would make, as a unified diff."""

    @property
    def failing(self) -> list[Finding]:
        """The findings at or above the file's `fail-on` severity."""
        return [f for f in self.findings if f.severity.rank >= self.fail_on.rank]


@dataclass
class LintRun:
    files: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Problems with the paths asked for (missing, nothing to lint), reported on stderr."""
    notices: list[str] = field(default_factory=list)
    """Things the user should know that are not findings (a rule skipped for want of a model)."""

    @property
    def findings(self) -> list[Finding]:
        collected = [finding for result in self.files for finding in result.findings]
        return sorted(collected, key=lambda finding: finding.sort_key)

    @property
    def has_internal_errors(self) -> bool:
        return bool(self.errors) or any(f.code == INTERNAL_ERROR_CODE for f in self.findings)

    def failing(self) -> list[Finding]:
        """Findings at or above their own file's `fail-on` severity."""
        return [finding for result in self.files for finding in result.failing]
