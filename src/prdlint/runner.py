"""Lints what the user asked for: paths or standard input, each file with its own settings.

One way from a path to a result for every command: the file's settings, then its source, then
its Document, then (for `check`) the engine or (for `stakeholders`) the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from prdlint.config import ConfigResolver, Settings
from prdlint.document import Document, parse_document
from prdlint.engine import internal_error, lint_document, lint_text
from prdlint.files import discover
from prdlint.registry import Registry
from prdlint.results import FileResult, LintRun
from prdlint.source import UnreadableFileError, decode_source, read_source

if TYPE_CHECKING:
    from prdlint.language.analysis import AnalysisRun


def display_path(path: Path) -> str:
    """Paths are shown relative to the working directory when they are below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _collect_notices(run: LintRun, result: FileResult) -> None:
    for notice in result.notices:
        if notice not in run.notices:
            run.notices.append(notice)


@dataclass(frozen=True)
class SourceFile:
    """A file as the engine gets it: where it is shown, its settings and its parsed Document."""

    path: Path
    shown: str
    settings: Settings
    document: Document


def load_file(path: Path, resolver: ConfigResolver) -> SourceFile:
    """Reads and parses one file with its own settings; raises UnreadableFileError."""
    settings = resolver.for_path(path)
    text = read_source(path, settings.max_file_size)
    return SourceFile(path, display_path(path), settings, parse_document(text))


def lint_file(path: Path, resolver: ConfigResolver, registry: Registry) -> FileResult:
    try:
        source = load_file(path, resolver)
    except UnreadableFileError as problem:
        shown = display_path(path)
        fail_on = resolver.for_path(path).fail_on
        return FileResult(path=shown, findings=[internal_error(shown, str(problem))], fail_on=fail_on)
    return lint_document(source.document, source.shown, source.settings, registry, file_path=path)


def analyse_file(source: SourceFile, registry: Registry) -> AnalysisRun:
    """Every analysis stage on one file, as `prdlint stakeholders` shows it."""
    from prdlint.language.analysis import LanguageSettings, analyse  # the language layer, on demand

    return analyse(source.document, LanguageSettings.of(source.settings, registry))


def lint_paths(paths: list[Path], resolver: ConfigResolver, registry: Registry) -> LintRun:
    discovery = discover(paths, resolver)
    run = LintRun(errors=discovery.errors)
    for path in sorted(discovery.files, key=display_path):
        result = lint_file(path, resolver, registry)
        run.files.append(result)
        _collect_notices(run, result)
    return run


def lint_stdin(data: bytes, filename: str | None, resolver: ConfigResolver, registry: Registry) -> LintRun:
    """Lints text piped in; `filename` (if given) decides the config and per-file-ignores."""
    path = Path(filename) if filename else Path.cwd() / "-"
    settings = resolver.for_path(path)
    shown = display_path(path) if filename else "-"
    run = LintRun()
    try:
        text = decode_source(data, settings.max_file_size)
    except UnreadableFileError as problem:
        run.files.append(FileResult(path=shown, findings=[internal_error(shown, str(problem))]))
        return run
    result = lint_text(text, shown, settings, registry, file_path=path)
    run.files.append(result)
    _collect_notices(run, result)
    return run
