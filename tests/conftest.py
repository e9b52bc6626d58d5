"""Shared helpers: writing small projects to a temporary directory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from prdlint.registry import Registry, load_registry


@pytest.fixture
def registry() -> Registry:
    return load_registry()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("docs/prd.md", "text") creates the file (and its folders) under tmp_path."""

    def _write(relative: str, text: str | bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
