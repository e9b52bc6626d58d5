"""Work spread over worker processes (`--jobs`): one process per core, each set up once, with the
results in the order of the work and progress reported as pieces finish.

Workers are forked where the platform allows it, so they start with everything the main process
has imported; elsewhere they are spawned and set themselves up from the description they are
given. A piece of work that fails in its worker (a worker that died, an error outside the rules)
is handed to `failed`, which gives it a result of its own.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TypeVar

Progress = Callable[[int, int], None]

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")
_Description = TypeVar("_Description")


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_in_workers(
    items: Sequence[_Item],
    *,
    start: Callable[[_Description], None],
    description: _Description,
    work: Callable[[_Item], _Result],
    failed: Callable[[_Item, BaseException], _Result],
    jobs: int,
    progress: Progress | None = None,
) -> list[_Result]:
    """`work` on each item in `jobs` processes, each first set up by `start(description)`; the
    results in the order of `items`. `start` and `work` are module-level functions, so a spawned
    worker finds them by name."""
    results: dict[int, _Result] = {}
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=start, initargs=(description,)
    ) as pool:
        futures = {pool.submit(work, item): index for index, item in enumerate(items)}
        for done, future in enumerate(as_completed(futures), start=1):
            index = futures[future]
            try:
                results[index] = future.result()
            except Exception as error:
                results[index] = failed(items[index], error)
            if progress is not None:
                progress(done, len(items))
    return [results[index] for index in range(len(items))]
