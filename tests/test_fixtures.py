"""Every fixture under fixtures/ produces exactly the findings its expect comments mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from prdlint.testing import assert_fixture, fixture_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("path", fixture_paths(FIXTURES), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture(path: Path) -> None:
    assert_fixture(path)


def test_every_rule_has_a_fixture_that_fires() -> None:
    """A rule without a fixture marking one of its findings is untested."""
    from prdlint.registry import load_registry

    marked = " ".join(path.read_text(encoding="utf-8") for path in fixture_paths(FIXTURES))
    untested = [code for code in load_registry().rules if code != "PRD000" and f"{code}" not in marked]
    assert untested == []
