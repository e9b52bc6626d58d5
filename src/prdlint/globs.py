"""Gitignore-style glob matching of a path, relative to a project root: what `include`,
`exclude`, `per-file-ignores` and `prd-files` patterns mean."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from prdlint.source import resolved_path

if TYPE_CHECKING:
    import pathspec


def _relative(path: Path, root: Path) -> str:
    """`path` relative to `root`; a path outside it (`prdlint check ..`, an absolute path from
    elsewhere) is taken from the top of the file system, where patterns that are not anchored
    ("*.md", "node_modules/") still match as they would inside."""
    resolved = resolved_path(path)
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return resolved.relative_to(resolved.anchor).as_posix()


@cache
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # imported when a glob is first matched, not by every command at startup

    # RE2: a config's globs come from whoever can change it, and `*a*a*a*a*b` backtracks in `re`.
    return pathspec.GitIgnoreSpec.from_lines(patterns, backend="re2")


def matches_globs(patterns: Iterable[str], path: Path, root: Path, *, is_dir: bool = False) -> bool:
    """Gitignore-style matching of `path` against patterns relative to `root`.

    A directory is matched with a trailing slash, so that `build/` names directories only.
    """
    relative = _relative(path, root)
    return _spec(tuple(patterns)).match_file(relative + "/" if is_dir else relative)
