"""What a lint run produced, handed from the runner to reporters and to the exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

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
    show_level: Severity | None = None
    """The lowest severity to show for this file (its config's `show-level`), if set."""
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

    def lowest_shown(self, for_people: bool) -> Severity:
        """`show-level` where set; else, for people, what fails the run, and for a machine
        format everything."""
        if self.show_level is not None:
            return self.show_level
        return self.fail_on if for_people else Severity.INFO


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

    def shown(self, for_people: bool) -> tuple[LintRun, Counter[Severity]]:
        """The run with only the findings each file's show level lets through, and how many of
        each severity were held back."""
        held: Counter[Severity] = Counter()
        files = []
        for result in self.files:
            lowest = result.lowest_shown(for_people)
            kept: list[Finding] = []
            for finding in result.findings:
                if finding.severity.rank >= lowest.rank:
                    kept.append(finding)
                else:
                    held[finding.severity] += 1
            files.append(replace(result, findings=kept))
        return LintRun(files, self.errors, self.notices), held
