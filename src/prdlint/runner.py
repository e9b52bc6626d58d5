"""Lints what the user asked for: paths or standard input, each file with its own settings."""

from __future__ import annotations

from pathlib import Path

from prdlint.config import ConfigResolver
from prdlint.engine import internal_error, lint_text
from prdlint.files import discover
from prdlint.registry import Registry
from prdlint.results import FileResult, LintRun
from prdlint.source import UnreadableFileError, decode_source, read_source


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


def lint_file(path: Path, resolver: ConfigResolver, registry: Registry) -> FileResult:
    settings = resolver.for_path(path)
    shown = display_path(path)
    try:
        text = read_source(path, settings.max_file_size)
    except UnreadableFileError as problem:
        return FileResult(
            path=shown, findings=[internal_error(shown, str(problem))], fail_on=settings.fail_on
        )
    return lint_text(text, shown, settings, registry, file_path=path)


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
