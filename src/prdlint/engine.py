"""Runs the selected rules over one document, applies its suppressions, and reports a pattern
that runs through its stories once.

The engine knows no rule: it receives rule classes from the registry. Before any rule runs, it
runs the analysis stages the selected rules declare they need, once; a stage that raises becomes
one PRD000 finding naming the stage, and only the rules that needed it are skipped. A rule that
raises becomes a PRD000 finding naming it instead of ending the run. Stages and rules share the
document's one time budget: a rule still running at its end is stopped and named in one PRD000
finding, and the rules after it run within a grace period.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Mapping
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

from prdlint.analysis import StageFailure, analyse
from prdlint.concerns import one_per_place, raised_when_final
from prdlint.diagnostics import InternalError, NotUtf8, UnusedSuppression
from prdlint.document import Document, parse_document
from prdlint.interrupt import RuleStopped, stopped_after
from prdlint.language.deadline import (
    AnalysisTimeoutError,
    describe_budget,
    extend_by_grace,
    remaining,
    within_budget,
)
from prdlint.language.model import GENRE, STORIES, Analysis
from prdlint.language.pipeline import capabilities
from prdlint.registry import Registry
from prdlint.results import FileResult
from prdlint.rule import Finding, RuleContext, Severity, Violation
from prdlint.selection import SelectedRule, select_rules
from prdlint.settings import Settings
from prdlint.source import Undecodable
from prdlint.span import Position, Span
from prdlint.story_groups import group_story_findings
from prdlint.suppressions import UNUSED_ADVICE, Suppressions

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
    message, span, fix, advice = violation.message, violation.span, violation.fix, violation.advice
    return Finding(path, rule.code, rule.name, severity, message, span, fix, advice)


def _named(selected: SelectedRule) -> str:
    return f"{selected.rule.code} ({selected.rule.name})"


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


def _rules_within_budget(
    runnable: dict[str, SelectedRule], context: RuleContext, settings: Settings
) -> list[Finding]:
    """Each rule's findings, each rule run with what is left of the document's budget. A rule still
    running at its end is stopped; the budget is then extended once by the grace period for the
    rules after it, and what cannot run in that is named too, in the one PRD000 finding."""
    findings: list[Finding] = []
    stopped: list[str] = []
    not_run: list[str] = []
    graced = False
    for choice in runnable.values():
        left = remaining()
        if left is not None and left <= 0 and not graced:
            extend_by_grace()
            graced, left = True, remaining()
        if left is not None and left <= 0:
            not_run.append(_named(choice))
            continue
        rule_context = replace(context, options=_options(choice, settings))
        try:
            with stopped_after(left):
                found = _run_rule(choice, rule_context)
        except RuleStopped:
            stopped.append(_named(choice))
            continue
        findings.extend(found)
    if stopped or not_run:
        rules = f"rule{'s' if len(stopped) > 1 else ''} {', '.join(stopped)}"
        message = f"{rules} stopped at {describe_budget()}" if stopped else ""
        if not_run:
            message += ("; " if message else "") + f"not run for want of time: {', '.join(not_run)}"
        findings.append(internal_error(context.path, f"{message}; the other rules' findings are kept"))
    return findings


_NAMED_BYTES = 5


def _not_utf8(undecodable: tuple[Undecodable, ...], document: Document) -> Violation:
    """One finding for all the bytes that are not UTF-8, at the first, naming the first few."""
    named_bytes = undecodable[:_NAMED_BYTES]
    found = re.finditer("\ufffd", document.source)
    replacements = [match.start() for match in islice(found, named_bytes[-1].replacement + 1)]
    offsets = [replacements[byte.replacement] for byte in named_bytes]
    first = offsets[0]
    named = []
    for byte, offset in zip(named_bytes, offsets, strict=True):
        at = document.lines.position(offset)
        named.append(f"0x{byte.byte:02x} at {at.line}:{at.column}")
    more = f" and {len(undecodable) - _NAMED_BYTES} more" if len(undecodable) > _NAMED_BYTES else ""
    count = f"{len(undecodable)} byte{'s are' if len(undecodable) > 1 else ' is'}"
    message = (
        f"{count} not UTF-8 ({', '.join(named)}{more}), read as U+FFFD; save the file as UTF-8 "
        "(--fix leaves it as it is until then)"
    )
    return Violation(message, document.lines.span(first, first + 1))


def _stage_failure(path: str, failure: StageFailure, skipped: list[str]) -> Finding:
    rules = f"; skipped the rules that need it ({', '.join(skipped)})" if skipped else ""
    if isinstance(failure.error, AnalysisTimeoutError):
        what = f"the analysis {failure.error} (in the {failure.stage} stage)"
    else:
        what = f"the {failure.stage} analysis failed: {_describe_error(failure.error)}"
    return internal_error(path, f"{what}{rules}; the other rules still ran")


def _runnable(
    selected: dict[str, SelectedRule], settings: Settings, registry: Registry
) -> tuple[dict[str, SelectedRule], list[str]]:
    """The selected rules the engine runs through `check`, and a notice for each one skipped for
    want of what the loaded pipeline provides (a configured pipeline is loaded to learn that only
    when a rule asks for more than the stages)."""
    stage_names = frozenset(registry.stages)
    wanted = {need for choice in selected.values() for need in choice.rule.needs} - stage_names
    available = (capabilities(settings.nlp_model) if wanted else frozenset()) | stage_names
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
    return runnable, notices


class _Stages:
    """The stages a document's rules need, each run once within the document's one time budget:
    a failure is reported and the rules that needed it are dropped; past the budget nothing more
    runs, and one finding says so."""

    def __init__(
        self, document: Document, path: str, settings: Settings, registry: Registry, file_path: Path | None
    ) -> None:
        self.document, self.path, self.settings, self.registry = document, path, settings, registry
        self.file_path = file_path
        self.analysis = Analysis()
        self.findings: list[Finding] = []
        self.not_requirements: str | None = None
        self._timeout: StageFailure | None = None

    def run(self, runnable: dict[str, SelectedRule]) -> dict[str, SelectedRule]:
        """Runs what `runnable` needs; returns the rules that can still run."""
        names = frozenset(self.registry.stages)
        whole = {code for code, choice in runnable.items() if choice.rule.whole_document}
        if whole:
            # Whether the file is a PRD is asked first: the other files do not pay for the
            # stages only whole-document rules need.
            runnable = self._stages({GENRE}, runnable)
            genre = self.analysis.results.get(GENRE)
            if genre is not None and not genre.is_prd:
                self.not_requirements = genre.reason
            if genre is None or not genre.is_prd:
                runnable = {code: choice for code, choice in runnable.items() if code not in whole}
        wanted = {need for choice in runnable.values() for need in choice.rule.needs} & names
        runnable = self._stages(wanted, runnable)
        if self._timeout is None:
            return runnable
        done = set(self.analysis.results)
        skipped = {code for code, choice in runnable.items() if (choice.rule.needs & names) - done}
        skipped |= whole if GENRE not in done else set()
        self.findings.append(_stage_failure(self.path, self._timeout, sorted(skipped)))
        return {code: choice for code, choice in runnable.items() if code not in skipped}

    def _stages(
        self, wanted: set[str] | frozenset[str], runnable: dict[str, SelectedRule]
    ) -> dict[str, SelectedRule]:
        if self._timeout is not None or not wanted - set(self.analysis.results):
            return runnable
        registry = self.registry
        run = analyse(
            self.document,
            self.settings,
            registry.stages,
            registry.vocabularies,
            wanted,
            path=self.file_path,
            start=self.analysis,
        )
        self.analysis = run.analysis
        for failure in run.failures:
            if isinstance(failure.error, AnalysisTimeoutError):
                self._timeout = failure
                continue
            skipped = [code for code, choice in runnable.items() if choice.rule.needs & run.not_run]
            self.findings.append(_stage_failure(self.path, failure, skipped))
        return {code: choice for code, choice in runnable.items() if not choice.rule.needs & run.not_run}


def lint_document(
    document: Document,
    path: str,
    settings: Settings,
    registry: Registry,
    *,
    file_path: Path | None = None,
    undecodable: tuple[Undecodable, ...] = (),
) -> FileResult:
    """Lints one Document with the registry of its project (the installed rules and its own).
    `undecodable` are the bytes of the file that were not UTF-8 (read as U+FFFD)."""
    selected = select_rules(registry, settings, file_path)
    runnable, notices = _runnable(selected, settings, registry)
    stages = _Stages(document, path, settings, registry, file_path)
    with within_budget(len(document.source.encode("utf-8", "replace"))):
        runnable = stages.run(runnable)
        analysis, findings, not_requirements = stages.analysis, stages.findings, stages.not_requirements
        context = RuleContext(document=document, path=path, options={}, analysis=analysis)
        findings.extend(_rules_within_budget(runnable, context, settings))
    not_utf8 = selected.get(NotUtf8.code)
    if undecodable and not_utf8 is not None:
        findings.append(_finding(path, not_utf8, _not_utf8(undecodable, document)))

    result = Suppressions(document, registry).apply(findings, set(runnable))
    kept = result.kept
    per_story = {code for code, choice in runnable.items() if choice.rule.per_story}
    if per_story and STORIES in analysis.results and not settings.each_story:
        kept = group_story_findings(kept, per_story, analysis.stories)
    rules = {code: choice.rule for code, choice in runnable.items()}
    kept = raised_when_final(one_per_place(kept, rules), rules, document)
    unused = selected.get(UnusedSuppression.code)
    if unused is not None:
        kept += [
            _finding(path, unused, Violation(message, span, fix, advice=UNUSED_ADVICE))
            for span, message, fix in result.unused
        ]
    kept.sort(key=lambda finding: finding.sort_key)
    return FileResult(
        path=path,
        findings=kept,
        source=document.source,
        notices=notices,
        fail_on=settings.fail_on,
        show_level=settings.show_level,
        not_requirements=not_requirements,
    )


def lint_text(
    text: str, path: str, settings: Settings, registry: Registry, *, file_path: Path | None = None
) -> FileResult:
    """Lints a text as a Document: `lint_document` after parsing it."""
    return lint_document(parse_document(text), path, settings, registry, file_path=file_path)
