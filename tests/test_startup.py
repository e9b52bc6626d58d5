"""Commands that need no language analysis never import spaCy: it costs seconds on every run of a
pre-commit hook, and `prdlint rules` or a run of the document pack has no use for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# Each test starts a fresh interpreter.
pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "sample-prd.md"

_PROBE = """
import sys
from prdlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("spacy imported" if any(name.split(".")[0] == "spacy" for name in sys.modules) else "no spacy")
"""


def _spacy_imported(*args: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    last = done.stdout.strip().splitlines()[-1]
    return last == "spacy imported"


@pytest.mark.parametrize(
    "args",
    [
        ("--version",),
        ("rules",),
        ("explain", "PRD002"),
        ("config", str(SAMPLE)),
        ("check", "--no-cache", "--select", "PRD0", str(SAMPLE)),
        ("check", "--no-cache", "--select", "PRD201,PRD202,PRD206", str(SAMPLE)),
    ],
    ids=" ".join,
)
def test_commands_without_analysis_do_not_import_spacy(args: tuple[str, ...]) -> None:
    assert not _spacy_imported(*args)


def test_the_probe_sees_spacy_when_the_stakeholder_pack_runs() -> None:
    assert _spacy_imported("check", "--no-cache", "--select", "PRD1", str(SAMPLE))
