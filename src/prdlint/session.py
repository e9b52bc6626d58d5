"""One way from a path or a text to findings, for every entry point.

A session holds what a run shares: the config resolver (with the installed registry), the result
cache and the fix mode. The command line lints paths or standard input with one; each worker
process builds its own from a description of the main one; the language server keeps one per
workspace and makes a new one when a config file or a rule file changes. Every document takes the
same way: its settings, its text (read once), its project's registry, then the cache, the engine,
and with a fix mode the fix flow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prdlint.analysis import AnalysisRun, analyse
from prdlint.atomic import write_atomically
from prdlint.cache import ResultCache
from prdlint.collection import collect_less, fewer_collections
from prdlint.config import ConfigResolver
from prdlint.document import Document, parse_document
from prdlint.engine import internal_error, lint_document, lint_text
from prdlint.files import discover
from prdlint.fixing import FixMode, fix_text, unified_diff
from prdlint.registry import Registry, load_registry
from prdlint.results import INTERNAL_ERROR_CODE, FileResult, LintRun
from prdlint.settings import Settings
from prdlint.source import (
    SourceText,
    Undecodable,
    UnreadableFileError,
    decode_source,
    display_path,
    read_source,
)

if TYPE_CHECKING:
    from prdlint.parallel import Progress

# Fewer files than this are linted sooner in one process than by starting workers.
_PARALLEL_FROM = 4


@dataclass(frozen=True)
class Source:
    """A document as a session lints it: where it is shown, its settings and its text."""

    path: Path | None
    """The file, or the path standard input is linted as; None for unnamed standard input."""
    shown: str
    settings: Settings
    text: str
    """The text as it is on disk (or as piped in), line endings and all: what fixes apply to."""
    on_disk: bool = True
    """Whether `--fix` may write the fixed text back to `path`."""
    undecodable: tuple[Undecodable, ...] = ()
    """The bytes that were not UTF-8, read as U+FFFD: a file with any is never fixed."""

    @cached_property
    def document(self) -> Document:
        return parse_document(self.text)


@dataclass(frozen=True)
class _WorkerSession:
    """How a worker process builds a session that lints like the main one's."""

    config: Path | None
    isolated: bool
    overrides: dict[str, Any]
    cwd: Path
    fix: FixMode | None
    rule_paths: tuple[Path, ...]


class LintSession:
    """The resolver, the registries and the cache of one run, and the one way to lint with them."""

    def __init__(
        self, resolver: ConfigResolver, *, fix: FixMode | None = None, use_cache: bool = False
    ) -> None:
        self.resolver = resolver
        self.fix = fix
        self.cache = ResultCache(resolver.registry) if use_cache and fix is None else None
        self._registries: dict[Path | None, Registry] = {}

    @property
    def installed(self) -> Registry:
        return self.resolver.registry

    def registry_for(self, settings: Settings) -> Registry:
        """The registry a file is linted with: the installed rules and its project's own (its
        config's rule-paths), built once per config file."""
        if settings.path not in self._registries:
            self._registries[settings.path] = self.installed.with_rules(
                settings.team_rules, str(settings.path)
            )
        return self._registries[settings.path]

    def source(self, path: Path, text: SourceText | None = None) -> Source:
        """The file's settings and its text (read now unless given). Raises UnreadableFileError."""
        settings = self.resolver.for_path(path)
        if text is None:
            text = read_source(path, settings.max_file_size)
        return Source(path, display_path(path), settings, text.text, undecodable=text.undecodable)

    def piped(self, data: bytes, filename: str | None) -> Source:
        """Standard input, linted as `filename` (its config, its per-file-ignores) when one is
        given. Raises UnreadableFileError."""
        path = Path(filename) if filename else Path.cwd() / "-"
        settings = self.resolver.for_path(path)
        text = decode_source(data, settings.max_file_size)
        shown = display_path(path) if filename else "-"
        return Source(path, shown, settings, text.text, on_disk=False, undecodable=text.undecodable)

    def lint(self, source: Source) -> FileResult:
        """The source's findings, or with the session's fix mode its findings after its fixes (the
        file rewritten once, atomically, when it is on disk and the mode writes)."""
        registry = self.registry_for(source.settings)
        if self.fix is None or source.undecodable:
            result = lint_document(
                source.document,
                source.shown,
                source.settings,
                registry,
                file_path=source.path,
                undecodable=source.undecodable,
            )
            if self.fix is not None:
                result.notices.append(
                    f"{source.shown} not fixed: it has bytes that are not UTF-8, which fixing would "
                    "overwrite; save it as UTF-8 first"
                )
            return result

        def lint(text: str) -> FileResult:
            return lint_text(text, source.shown, source.settings, registry, file_path=source.path)

        fixed = fix_text(source.text, lint, self.fix)
        result = replace(fixed.result, fixed=fixed.applied)
        if fixed.text == source.text:
            return result
        if not self.fix.write:
            return replace(result, diff=unified_diff(source.text, fixed.text, source.shown))
        if source.on_disk and source.path is not None:
            write_atomically(source.path, fixed.text)
        return result

    def lint_path(self, path: Path, text: SourceText | None = None) -> FileResult:
        """One file's result (`text`, when given, is what was read of it already)."""
        try:
            source = self.source(path, text)
        except UnreadableFileError as problem:
            shown = display_path(path)
            fail_on = self.resolver.for_path(path).fail_on
            return FileResult(path=shown, findings=[internal_error(shown, str(problem))], fail_on=fail_on)
        return self.lint(source)

    def lint_piped(self, data: bytes, filename: str | None) -> LintRun:
        """Standard input's result; with a fix mode its `source` is the fixed text."""
        try:
            source = self.piped(data, filename)
        except UnreadableFileError as problem:
            shown = filename or "-"
            return LintRun(files=[FileResult(path=shown, findings=[internal_error(shown, str(problem))])])
        run = LintRun(files=[self.lint(source)])
        run.notices = list(run.files[0].notices)
        return run

    def lint_paths(self, paths: list[Path], *, jobs: int = 1, progress: Progress | None = None) -> LintRun:
        """Every file the paths name, in the order of their paths: from the cache where nothing
        changed, the others linted, in worker processes when `jobs` allows and there are enough."""
        discovery = discover(paths, self.resolver)
        run = LintRun(errors=discovery.errors)
        files = sorted(discovery.files, key=display_path)
        results: dict[Path, FileResult] = {}
        pending: list[tuple[Path, SourceText | None]] = []
        for path in files:
            text = self._cached_text(path)
            hit = None if text is None else self._from_cache(path, text)
            if hit is not None:
                results[path] = hit
            else:
                pending.append((path, text))
        if jobs > 1 and len(pending) >= _PARALLEL_FROM:
            # Imported here: multiprocessing costs a run that starts no worker 12 ms (a cached run,
            # a hook on a few files, the language server).
            from prdlint.parallel import run_in_workers

            linted = run_in_workers(
                pending,
                start=_start_worker,
                description=self._worker_description(),
                work=_lint_in_worker,
                failed=_worker_failure,
                jobs=jobs,
                progress=progress,
            )
        else:
            linted = []
            with fewer_collections():
                for done, (path, text) in enumerate(pending, start=1):
                    linted.append(self.lint_path(path, text))
                    if progress is not None:
                        progress(done, len(pending))
        for (path, text), result in zip(pending, linted, strict=True):
            results[path] = result
            self._keep(path, text, result)
        for path in files:
            run.files.append(results[path])
            run.notices += [notice for notice in results[path].notices if notice not in run.notices]
        return run

    def analyse(self, source: Source, stages: Iterable[str]) -> AnalysisRun:
        """The named analysis stages (and those they require) on one document, as a view shows
        them."""
        registry = self.registry_for(source.settings)
        return analyse(
            source.document, source.settings, registry.stages, registry.vocabularies, stages, path=source.path
        )

    def _cached_text(self, path: Path) -> SourceText | None:
        """The file's text when the cache may answer for it (read once: a miss lints this text).
        A file with bytes that are not UTF-8 is always linted: its text does not say which."""
        if self.cache is None or not self.resolver.for_path(path).cache:
            return None
        try:
            text = read_source(path, self.resolver.for_path(path).max_file_size)
        except UnreadableFileError:
            return None  # linting it reports why
        return None if text.undecodable else text

    def _from_cache(self, path: Path, text: SourceText) -> FileResult | None:
        assert self.cache is not None
        return self.cache.get(text.text, display_path(path), self.resolver.for_path(path))

    def _keep(self, path: Path, text: SourceText | None, result: FileResult) -> None:
        if self.cache is None or text is None:
            return
        if not any(finding.code == INTERNAL_ERROR_CODE for finding in result.findings):
            self.cache.put(text.text, self.resolver.for_path(path), result)

    def _worker_description(self) -> _WorkerSession:
        resolver = self.resolver
        return _WorkerSession(
            resolver.forced,
            resolver.isolated,
            dict(resolver.overrides),
            resolver.cwd,
            self.fix,
            resolver.rule_paths,
        )


def known_registry(resolver: ConfigResolver, targets: Iterable[Path] = ()) -> Registry:
    """The rules the command line's selectors and the reports know: the installed rules and the
    projects' own, from the config of the working directory and of each target (where two projects
    use one code, the first one's)."""
    registry = resolver.registry
    for place in (Path.cwd(), *(target for target in targets if target != Path("-"))):
        project = resolver.for_path(place)
        registry = registry.with_rules(project.team_rules, str(project.path), keep_taken=True)
    return registry


_worker: dict[str, LintSession] = {}


def _start_worker(description: _WorkerSession) -> None:
    collect_less()
    resolver = ConfigResolver(
        load_registry(),
        config=description.config,
        isolated=description.isolated,
        overrides=description.overrides,
        cwd=description.cwd,
        rule_paths=description.rule_paths,
    )
    _worker["session"] = LintSession(resolver, fix=description.fix)


def _lint_in_worker(item: tuple[Path, SourceText | None]) -> FileResult:
    path, text = item
    return _worker["session"].lint_path(path, text)


def _worker_failure(item: tuple[Path, SourceText | None], error: BaseException) -> FileResult:
    """A worker that died, or a failure outside the rules: one PRD000 for its file."""
    shown = display_path(item[0])
    return FileResult(shown, [internal_error(shown, f"{type(error).__name__}: {error}")])
