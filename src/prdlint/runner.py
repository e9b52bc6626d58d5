"""Lints what the user asked for: paths or standard input, each file with its own settings.

One way from a path to a result for every command: the file's settings, then its source, then
its Document, then (for `check`) the engine or (for `stakeholders`) the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from prdlint.atomic import write_atomically
from prdlint.cache import ResultCache
from prdlint.config import ConfigResolver, Settings
from prdlint.document import Document, parse_document
from prdlint.engine import internal_error, lint_document, lint_text
from prdlint.files import discover
from prdlint.fixing import FixMode, fix_text, unified_diff
from prdlint.parallel import Progress, lint_in_workers
from prdlint.registry import Registry
from prdlint.results import INTERNAL_ERROR_CODE, FileResult, LintRun
from prdlint.source import UnreadableFileError, decode_source, read_source, resolved_path

if TYPE_CHECKING:
    from prdlint.language.analysis import AnalysisRun


# Fewer files than this are linted sooner in one process than by starting workers.
_PARALLEL_FROM = 4


def display_path(path: Path) -> str:
    """Paths are shown relative to the working directory when they are below it."""
    try:
        return resolved_path(path).relative_to(Path.cwd().resolve()).as_posix()
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
    text: str
    """The file's text as it is on disk, line endings and all: what fixes are applied to."""


def load_file(path: Path, resolver: ConfigResolver) -> SourceFile:
    """Reads and parses one file with its own settings; raises UnreadableFileError."""
    settings = resolver.for_path(path)
    text = read_source(path, settings.max_file_size)
    return SourceFile(path, display_path(path), settings, parse_document(text), text)


def lint_file(
    path: Path, resolver: ConfigResolver, registry: Registry, fix: FixMode | None = None
) -> FileResult:
    """One file's result, or with `fix` its result after its fixes."""
    settings = resolver.for_path(path)
    shown = display_path(path)
    try:
        text = read_source(path, settings.max_file_size)
    except UnreadableFileError as problem:
        return FileResult(
            path=shown, findings=[internal_error(shown, str(problem))], fail_on=settings.fail_on
        )
    if fix is not None:
        return _fix_file(SourceFile(path, shown, settings, parse_document(text), text), registry, fix)
    return lint_document(parse_document(text), shown, settings, registry, file_path=path)


def _fix_file(source: SourceFile, registry: Registry, mode: FixMode) -> FileResult:
    """Lints a file with its fixes applied, and writes it (or diffs it) when they change it."""
    original = source.text

    def lint(text: str) -> FileResult:
        return lint_text(text, source.shown, source.settings, registry, file_path=source.path)

    fixed = fix_text(original, lint, mode)
    result = replace(fixed.result, fixed=fixed.applied)
    if fixed.text == original:
        return result
    if not mode.write:
        return replace(result, diff=unified_diff(original, fixed.text, source.shown))
    write_atomically(source.path, fixed.text)
    return result


def analyse_file(source: SourceFile, registry: Registry) -> AnalysisRun:
    """Every analysis stage on one file, as `prdlint stakeholders` shows it."""
    from prdlint.language.analysis import LanguageSettings, analyse  # the language layer, on demand

    return analyse(source.document, LanguageSettings.of(source.settings, registry))


def lint_paths(
    paths: list[Path],
    resolver: ConfigResolver,
    registry: Registry,
    fix: FixMode | None = None,
    *,
    use_cache: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> LintRun:
    """Every file the paths name: from the cache where nothing changed, the others linted, in
    worker processes when `jobs` allows and there are enough of them; in the order of their paths."""
    discovery = discover(paths, resolver)
    run = LintRun(errors=discovery.errors)
    files = sorted(discovery.files, key=display_path)
    cache = ResultCache(registry) if use_cache and fix is None else None
    results: dict[Path, FileResult] = {}
    texts: dict[Path, str] = {}
    for path in files:
        hit = _from_cache(path, resolver, cache, texts)
        if hit is not None:
            results[path] = hit
    pending = [path for path in files if path not in results]
    if jobs > 1 and len(pending) >= _PARALLEL_FROM:
        linted = lint_in_workers(pending, resolver, fix, jobs, display_path, progress)
    else:
        linted = []
        for done, path in enumerate(pending, start=1):
            linted.append(lint_file(path, resolver, registry, fix))
            if progress is not None:
                progress(done, len(pending))
    for path, result in zip(pending, linted, strict=True):
        results[path] = result
        if (
            cache is not None
            and path in texts
            and not any(f.code == INTERNAL_ERROR_CODE for f in result.findings)
        ):
            cache.put(texts[path], resolver.for_path(path), result)
    for path in files:
        run.files.append(results[path])
        _collect_notices(run, results[path])
    return run


def _from_cache(
    path: Path, resolver: ConfigResolver, cache: ResultCache | None, texts: dict[Path, str]
) -> FileResult | None:
    """The cached result of a file, if there is one; its text is kept in `texts` for storing."""
    settings = resolver.for_path(path)
    if cache is None or not settings.cache:
        return None
    try:
        texts[path] = read_source(path, settings.max_file_size)
    except UnreadableFileError:
        return None  # linting it reports why
    return cache.get(texts[path], display_path(path), settings)


def lint_stdin(
    data: bytes,
    filename: str | None,
    resolver: ConfigResolver,
    registry: Registry,
    fix: FixMode | None = None,
) -> LintRun:
    """Lints text piped in; `filename` (if given) decides the config and per-file-ignores. With
    `fix`, the result's source is the fixed text (it is not written anywhere)."""
    path = Path(filename) if filename else Path.cwd() / "-"
    settings = resolver.for_path(path)
    shown = display_path(path) if filename else "-"
    run = LintRun()
    try:
        text = decode_source(data, settings.max_file_size)
    except UnreadableFileError as problem:
        run.files.append(FileResult(path=shown, findings=[internal_error(shown, str(problem))]))
        return run
    if fix is None:
        result = lint_text(text, shown, settings, registry, file_path=path)
    else:
        fixed = fix_text(
            text, lambda current: lint_text(current, shown, settings, registry, file_path=path), fix
        )
        changed = unified_diff(text, fixed.text, shown) if fixed.text != text else None
        result = replace(fixed.result, fixed=fixed.applied, diff=None if fix.write else changed)
    run.files.append(result)
    _collect_notices(run, result)
    return run
