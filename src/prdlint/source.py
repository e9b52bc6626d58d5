"""Reading a file's text, with a one-line reason when it cannot be linted.

Only regular files are read: a FIFO or a device named `*.md` would block the run forever, and a
symlink loop has no text. An empty file is clean, as markdownlint and ruff treat one: there is
nothing in it to report.

A file with a few bytes that are not UTF-8 (one Windows-1252 apostrophe pasted into a generated
PRD is common) is still linted: each such byte is read as U+FFFD and remembered, so that the
engine can name where they are and `--fix` can leave the file alone rather than write the
replacement characters over the bytes.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Undecodable:
    """A byte that is not UTF-8: its value, and which U+FFFD of the text stands for it (the
    first is 0). Counted so, it is found again in the parsed document, whose line endings and
    byte-order mark differ from the file's and move every offset."""

    replacement: int
    byte: int


@dataclass(frozen=True, slots=True)
class SourceText:
    """A file's text as linted, and the bytes of it that were not UTF-8 (none for most files)."""

    text: str
    undecodable: tuple[Undecodable, ...] = ()


# surrogateescape reads each byte that is not UTF-8 as one of these code points (0xDC00 + byte).
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_REPLACEMENT_OR_ESCAPED = re.compile("[\ufffd\udc80-\udcff]")


def decode_source(data: bytes, max_size: int) -> SourceText:
    if len(data) > max_size:
        raise UnreadableFileError(
            f"file is {len(data):,} bytes, over the max-file-size of {max_size:,} bytes"
        )
    if b"\0" in data[:_BINARY_SNIFF_BYTES]:
        raise UnreadableFileError("file looks binary (it contains NUL bytes), not Markdown text")
    try:
        return SourceText(data.decode("utf-8"))
    except UnicodeDecodeError:
        escaped = data.decode("utf-8", "surrogateescape")
    undecodable = tuple(
        Undecodable(index, ord(match.group()) - 0xDC00)
        for index, match in enumerate(_REPLACEMENT_OR_ESCAPED.finditer(escaped))
        if match.group() != "\ufffd"
    )
    return SourceText(_ESCAPED_BYTE.sub("\ufffd", escaped), undecodable)


def read_source(path: Path, max_size: int) -> SourceText:
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
