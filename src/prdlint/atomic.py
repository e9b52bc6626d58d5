"""Writing a file in one step, for fixes and report files: readers see the old content or the new,
never half of it, and a run that fails midway leaves the file as it was."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

_NEW_FILE_MODE = 0o666


def write_atomically(path: Path, text: str) -> None:
    """Replaces (or creates) `path` with `text`: written to a temporary file beside it, which then
    takes its place. An existing file keeps its permissions; a new one gets the usual ones."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = _NEW_FILE_MODE & ~umask
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".prdlint")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
