"""Linting files in worker processes (`--jobs`): one process per core, each with its own
language pipeline, while the main process keeps the cache and the order of the output.

Workers are forked where the platform allows it, so they start with everything the main process
has imported; elsewhere they are spawned and rebuild the registry and the config resolver from a
description of them. A worker that fails on a file gives that file one PRD000, as a rule that
fails does.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prdlint.config import ConfigResolver
from prdlint.engine import internal_error
from prdlint.fixing import FixMode
from prdlint.registry import load_registry
from prdlint.results import FileResult

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class _Job:
    """What a worker needs to lint like the main process: how its config was asked for."""

    config: Path | None
    isolated: bool
    overrides: dict[str, Any]
    cwd: Path
    fix: FixMode | None


_worker: dict[str, Any] = {}


def _start(job: _Job) -> None:
    registry = load_registry()
    _worker["registry"] = registry
    _worker["resolver"] = ConfigResolver(
        registry, config=job.config, isolated=job.isolated, overrides=job.overrides, cwd=job.cwd
    )
    _worker["fix"] = job.fix


def _lint(path: Path) -> FileResult:
    from prdlint.runner import lint_file  # the runner imports this module

    return lint_file(path, _worker["resolver"], _worker["registry"], _worker["fix"])


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def lint_in_workers(
    paths: list[Path],
    resolver: ConfigResolver,
    fix: FixMode | None,
    jobs: int,
    shown: Callable[[Path], str],
    progress: Progress | None = None,
) -> list[FileResult]:
    """Each file's result, in the order of `paths`."""
    job = _Job(resolver.forced, resolver.isolated, dict(resolver.overrides), resolver.cwd, fix)
    results: dict[int, FileResult] = {}
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=_start, initargs=(job,)
    ) as pool:
        futures = {pool.submit(_lint, path): index for index, path in enumerate(paths)}
        for done, future in enumerate(as_completed(futures), start=1):
            index = futures[future]
            try:
                results[index] = future.result()
            except Exception as error:  # a worker that died, or a failure outside the rules
                name = shown(paths[index])
                results[index] = FileResult(name, [internal_error(name, f"{type(error).__name__}: {error}")])
            if progress is not None:
                progress(done, len(paths))
    return [results[index] for index in range(len(paths))]
