"""Shared helpers: writing small projects to a temporary directory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from prdlint.registry import Registry, load_registry

# The fuzz tests' profiles (tests/test_fuzz.py): a few dozen documents per generator in the suite,
# the same ones every run (a test suite that fails by chance is switched off); 25,000 new ones per
# generator with --hypothesis-profile=long, which is where fuzzing finds things.
_QUIET = list(HealthCheck)
settings.register_profile(
    "default", max_examples=40, deadline=None, suppress_health_check=_QUIET, derandomize=True
)
settings.register_profile("long", max_examples=25_000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile("default")


@pytest.fixture
def registry() -> Registry:
    return load_registry()


def write_file(root: Path, relative: str, text: str | bytes) -> Path:
    """Creates root/relative (and its folders) with the text, or the bytes as they are."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("docs/prd.md", "text") creates the file (and its folders) under tmp_path."""

    return lambda relative, text: write_file(tmp_path, relative, text)
