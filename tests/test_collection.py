"""The garbage collector during a batch: its youngest generation collected less often while the
files are linted, and as before once they are."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from prdlint.collection import _YOUNG, fewer_collections
from prdlint.config import ConfigResolver
from prdlint.registry import load_registry
from prdlint.session import LintSession


def test_the_thresholds_are_raised_within_the_block_and_restored_after_it() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        assert gc.get_threshold() == (max(before[0], _YOUNG), *before[1:])
        raise RuntimeError("a failed lint")
    assert gc.get_threshold() == before


def test_every_file_of_a_batch_is_linted_with_the_raised_threshold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("# PRD\n\nAs a user, I want to log in so that I can work.\n")
    session = LintSession(ConfigResolver(load_registry(), isolated=True, cwd=tmp_path))
    seen: list[tuple[int, ...]] = []
    lint_path = session.lint_path

    def watched(path: Path, text: object = None) -> object:
        seen.append(gc.get_threshold())
        return lint_path(path, text)

    monkeypatch.setattr(session, "lint_path", watched)
    before = gc.get_threshold()
    run = session.lint_paths([tmp_path], jobs=1)
    assert len(run.files) == 2
    assert [threshold[0] for threshold in seen] == [max(before[0], _YOUNG)] * 2
    assert gc.get_threshold() == before


def test_a_worker_process_collects_less_for_its_life(tmp_path: Path) -> None:
    from prdlint.session import _start_worker, _WorkerSession

    before = gc.get_threshold()
    try:
        _start_worker(_WorkerSession(None, True, {}, tmp_path, None, ()))
        assert gc.get_threshold() == (max(before[0], _YOUNG), *before[1:])
    finally:
        gc.set_threshold(*before)
