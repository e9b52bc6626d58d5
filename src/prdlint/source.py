"""Reading a file's text, with a one-line reason when it cannot be linted.

Only regular files are read: a FIFO or a device named `*.md` would block the run forever, and a
symlink loop has no text. An empty file is clean, as markdownlint and ruff treat one: there is
nothing in it to report.
"""

from __future__ import annotations

import stat
from pathlib import Path

_BINARY_SNIFF_BYTES = 8192


def resolved_path(path: Path) -> Path:
    """`path` made absolute with its symlinks followed, or only absolute when they loop (a
    `loop.md` that points at itself must be reported, not crash the run)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def display_path(path: Path) -> str:
    """Paths are shown relative to the working directory when they are below it."""
    try:
        return resolved_path(path).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


class UnreadableFileError(Exception):
    """The file exists but is not lintable text; the message says why, without the path."""


def decode_source(data: bytes, max_size: int) -> str:
    if len(data) > max_size:
        raise UnreadableFileError(
            f"file is {len(data):,} bytes, over the max-file-size of {max_size:,} bytes"
        )
    if b"\0" in data[:_BINARY_SNIFF_BYTES]:
        raise UnreadableFileError("file looks binary (it contains NUL bytes), not Markdown text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise UnreadableFileError(
            f"file is not valid UTF-8 (byte 0x{data[error.start]:02x} at line {line}, column {column}); "
            "save it as UTF-8"
        ) from None
    return text


def read_source(path: Path, max_size: int) -> str:
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableFileError("not a regular file (a pipe, a device or a directory): nothing to read")
        size = status.st_size
        if size > max_size:
            raise UnreadableFileError(f"file is {size:,} bytes, over the max-file-size of {max_size:,} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(f"cannot read file: {error.strerror or error}") from None
    return decode_source(data, max_size)
