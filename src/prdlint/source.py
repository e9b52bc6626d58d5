"""Reading a file's text, with a one-line reason when it cannot be linted."""

from __future__ import annotations

from pathlib import Path

_BINARY_SNIFF_BYTES = 8192


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
    if not text.strip("\ufeff \t\r\n"):
        raise UnreadableFileError("file is empty: there is nothing to lint")
    return text


def read_source(path: Path, max_size: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_size:
            raise UnreadableFileError(f"file is {size:,} bytes, over the max-file-size of {max_size:,} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(f"cannot read file: {error.strerror or error}") from None
    return decode_source(data, max_size)
