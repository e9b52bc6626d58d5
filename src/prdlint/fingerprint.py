"""The size and time of every source and data file under a package's folders: what tells a cache
that a rule file changed. The result cache and the rule index both key on it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

_SUFFIXES = frozenset({".py", ".toml", ".json"})


def file_stamps(roots: Iterable[str | Path]) -> Iterator[str]:
    """ "path:size:time" for each source and data file under the folders (or of the files) given,
    in a stable order."""
    for root in roots:
        path = Path(root)
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.suffix in _SUFFIXES and file.is_file():
                status = file.stat()
                yield f"{file}:{status.st_size}:{status.st_mtime_ns}"
