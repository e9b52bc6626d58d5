"""Runs the selected rules over one document, applies its suppressions, and reports a pattern
that runs through its stories once.

The engine knows no rule: it receives rule classes from the registry. Before any rule runs, it
runs the analysis stages the selected rules declare they need, once; a stage that raises becomes
one PRD000 finding naming the stage, and only the rules that needed it are skipped. A rule that
raises becomes a PRD000 finding naming it instead of ending the run.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prdlint.config import Settings
from prdlint.diagnostics import InternalError, UnusedSuppression
from prdlint.document import Document, parse_document
from prdlint.language.model import STAGE_NAMES
from prdlint.language.pipeline import capabilities
from prdlint.registry import Registry
from prdlint.results import FileResult
from prdlint.rule import Finding, RuleContext, Severity, Violation
from prdlint.selection import SelectedRule, requirements_document, select_rules
from prdlint.span import Position, Span
from prdlint.story_patterns import group_story_patterns
from prdlint.suppressions import Suppressions

if TYPE_CHECKING:
    from prdlint.language.analysis import LanguageSettings, StageFailure

# Where a finding about a file that could not be read goes: the start of it, an empty range, since
# the file may have no first character.
FIRST_CHARACTER = Span(Position(1, 1), Position(1, 1))


def internal_error(path: str, message: str) -> Finding:
    """A PRD000 finding: the file, or a rule on it, could not be processed."""
    return Finding(path, InternalError.code, InternalError.name, Severity.ERROR, message, FIRST_CHARACTER)


def _options(selected: SelectedRule, settings: Settings) -> Mapping[str, Any]:
    rule = selected.rule
    configured = settings.rules.get(rule.code, {})
    return {name: option.value(configured.get(name)) for name, option in rule.options.items()}


def _describe_error(error: Exception) -> str:
    """ "TypeError: ... (at mentions.py:120)": the exception and where it was raised."""
    where = traceback.extract_tb(error.__traceback__)[-1]
    return f"{type(error).__name__}: {error} (at {Path(where.filename).name}:{where.lineno})"


def _finding(path: str, selected: SelectedRule, violation: Violation) -> Finding:
    rule = selected.rule
    severity = selected.severity
    if violation.at_most is not None and violation.at_most.rank < severity.rank:
        severity = violation.at_most
    return Finding(path, rule.code, rule.name, severity, violation.message, violation.span, violation.fix)


def _run_rule(selected: SelectedRule, context: RuleContext) -> list[Finding]:
    rule = selected.rule
    try:
        return [_finding(context.path, selected, violation) for violation in rule().check(context)]
    except Exception as error:
        return [
            internal_error(
                context.path,
                f"rule {rule.code} ({rule.name}) failed: {_describe_error(error)}; the other rules still ran",
            )
        ]


def _stage_failure(path: str, failure: StageFailure, skipped: list[str]) -> Finding:
    from prdlint.language.deadline import AnalysisTimeoutError  # only a run that analysed failed

    rules = f"; skipped the rules that need it ({', '.join(skipped)})" if skipped else ""
    if isinstance(failure.error, AnalysisTimeoutError):
        what = f"the {failure.stage} analysis {failure.error}"
    else:
        what = f"the {failure.stage} analysis failed: {_describe_error(failure.error)}"
    return internal_error(path, f"{what}{rules}; the other rules still ran")


def lint_document(
    document: Document,
    path: str,
    settings: Settings,
    registry: Registry,
    *,
    file_path: Path | None = None,
    language: LanguageSettings | None = None,
) -> FileResult:
    """Lints one Document with the registry of its project (the installed rules and its own).
    `language` overrides the language settings the file's settings give (the judgement evaluation
    switches collectors off with it)."""
    selected = select_rules(registry, settings, file_path)
    # A configured pipeline is loaded to learn what it provides only when a rule asks for more
    # than the stages.
    wanted = {need for choice in selected.values() for need in choice.rule.needs} - set(STAGE_NAMES)
    available = (capabilities(settings.nlp_model) if wanted else frozenset()) | frozenset(STAGE_NAMES)
    runnable: dict[str, SelectedRule] = {}
    notices: list[str] = []
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
        runnable[code] = choice

    not_requirements = None
    if any(choice.rule.whole_document for choice in runnable.values()):
        kind = requirements_document(document, settings, file_path)
        if not kind.requirements:
            not_requirements = kind.reason
            runnable = {code: choice for code, choice in runnable.items() if not choice.rule.whole_document}

    stages = {need for choice in runnable.values() for need in choice.rule.needs if need in STAGE_NAMES}
    findings: list[Finding] = []
    analysis = None
    if stages:
        from prdlint.language.analysis import LanguageSettings, analyse  # only runs that analyse pay for it

        run = analyse(document, language or LanguageSettings.of(settings, registry), stages)
        analysis = run.analysis
        for failure in run.failures:
            skipped = [code for code, choice in runnable.items() if choice.rule.needs & run.not_run]
            findings.append(_stage_failure(path, failure, skipped))
        runnable = {code: choice for code, choice in runnable.items() if not choice.rule.needs & run.not_run}

    for choice in runnable.values():
        options = _options(choice, settings)
        context = RuleContext(document=document, path=path, options=options, analysed=analysis)
        findings.extend(_run_rule(choice, context))

    result = Suppressions(document, registry).apply(findings, set(runnable))
    kept = result.kept
    per_story = {code for code, choice in runnable.items() if choice.rule.per_story}
    if per_story and analysis is not None and not settings.each_story:
        kept = group_story_patterns(kept, per_story, analysis.stories)
    unused = selected.get(UnusedSuppression.code)
    if unused is not None:
        kept += [
            _finding(path, unused, Violation(message, span, fix)) for span, message, fix in result.unused
        ]
    kept.sort(key=lambda finding: finding.sort_key)
    return FileResult(
        path=path,
        findings=kept,
        source=document.source,
        notices=notices,
        fail_on=settings.fail_on,
        not_requirements=not_requirements,
    )


def lint_text(
    text: str, path: str, settings: Settings, registry: Registry, *, file_path: Path | None = None
) -> FileResult:
    return lint_document(parse_document(text), path, settings, registry, file_path=file_path)
