"""Runs the selected rules over one document and applies its suppressions.

The engine knows no rule: it receives rule classes from the registry, and a rule that raises
becomes a PRD000 finding naming it instead of ending the run.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prdlint.config import Settings
from prdlint.diagnostics import InternalError, UnusedSuppression
from prdlint.document import Document, parse_document
from prdlint.language.pipeline import capabilities
from prdlint.registry import Registry
from prdlint.results import FileResult
from prdlint.rule import Finding, RuleContext, Severity, Violation
from prdlint.selection import SelectedRule, select_rules
from prdlint.span import Position, Span
from prdlint.suppressions import Suppressions

if TYPE_CHECKING:
    from prdlint.language.analysis import Analysis

FIRST_CHARACTER = Span(Position(1, 1), Position(1, 2))


class _SharedAnalysis:
    """Analyses a document the first time a rule asks, then hands every rule the same result."""

    def __init__(self, document: Document, settings: Settings, registry: Registry) -> None:
        self.document, self.settings, self.registry = document, settings, registry
        self._analysis: Analysis | None = None

    def __call__(self) -> Analysis:
        if self._analysis is None:
            from prdlint.language.analysis import LanguageSettings, analyse  # imports spaCy

            self._analysis = analyse(self.document, LanguageSettings.of(self.settings, self.registry))
        return self._analysis


def internal_error(path: str, message: str) -> Finding:
    """A PRD000 finding: the file, or a rule on it, could not be processed."""
    return Finding(path, InternalError.code, InternalError.name, Severity.ERROR, message, FIRST_CHARACTER)


def _options(selected: SelectedRule, settings: Settings) -> Mapping[str, Any]:
    rule = selected.rule
    configured = settings.rules.get(rule.code, {})
    return {name: configured.get(name, option.default) for name, option in rule.options.items()}


def _finding(path: str, selected: SelectedRule, violation: Violation) -> Finding:
    rule = selected.rule
    return Finding(
        path,
        rule.code,
        rule.name,
        selected.severity,
        violation.message,
        violation.span,
        violation.fix,
    )


def _run_rule(selected: SelectedRule, context: RuleContext) -> list[Finding]:
    rule = selected.rule
    try:
        return [_finding(context.path, selected, violation) for violation in rule().check(context)]
    except Exception as error:
        where = traceback.extract_tb(error.__traceback__)[-1]
        return [
            internal_error(
                context.path,
                f"rule {rule.code} ({rule.name}) failed: {type(error).__name__}: {error} "
                f"(at {Path(where.filename).name}:{where.lineno}); the other rules still ran",
            )
        ]


def lint_document(
    document: Document,
    path: str,
    settings: Settings,
    registry: Registry,
    *,
    file_path: Path | None = None,
) -> FileResult:
    selected = select_rules(registry, settings, file_path)
    available = capabilities(settings.nlp_model)
    shared = _SharedAnalysis(document, settings, registry)
    findings: list[Finding] = []
    notices: list[str] = []
    ran: set[str] = set()
    for code, choice in selected.items():
        if choice.rule.internal:
            continue
        missing = choice.rule.needs - available
        if missing:
            notices.append(
                f"{registry.describe(code)} skipped: it needs {', '.join(sorted(missing))}, "
                "which the loaded language pipeline does not provide"
            )
            continue
        ran.add(code)
        options = _options(choice, settings)
        context = RuleContext(document=document, path=path, options=options, analyse=shared)
        findings.extend(_run_rule(choice, context))

    result = Suppressions(document, registry).apply(findings, ran)
    kept = result.kept
    unused = selected.get(UnusedSuppression.code)
    if unused is not None:
        kept += [
            _finding(path, unused, Violation(message, span, fix)) for span, message, fix in result.unused
        ]
    kept.sort(key=lambda finding: finding.sort_key)
    return FileResult(
        path=path, findings=kept, source=document.source, notices=notices, fail_on=settings.fail_on
    )


def lint_text(
    text: str, path: str, settings: Settings, registry: Registry, *, file_path: Path | None = None
) -> FileResult:
    return lint_document(parse_document(text), path, settings, registry, file_path=file_path)
