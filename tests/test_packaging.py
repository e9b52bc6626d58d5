"""prdlint as users install it: from a wheel, and with a third-party plugin beside it.

Both tests install into a private directory put first on PYTHONPATH, so the installed copy (not
this checkout) is what runs, and the test environment is left as it was.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from prdlint.api import assert_fixture, fixture_paths, registry_from_plugins

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PLUGIN = ROOT / "examples" / "prdlint-acme"


def pip(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
        check=True,
        capture_output=True,
    )


def prdlint(target: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(target)}
    return subprocess.run(
        [sys.executable, "-m", "prdlint", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def wheel_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheels = tmp_path_factory.mktemp("wheels")
    target = tmp_path_factory.mktemp("site")
    pip("wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT))
    (wheel,) = wheels.glob("prdlint-*.whl")
    pip("install", "--no-deps", "--target", str(target), str(wheel))
    return target


@pytest.fixture(scope="module")
def plugin_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("plugin-site")
    pip("install", "--no-deps", "--no-build-isolation", "--target", str(target), str(EXAMPLE_PLUGIN))
    return target


@pytest.mark.integration
def test_the_wheel_carries_the_built_in_rules_and_their_data(wheel_install: Path) -> None:
    where = prdlint(wheel_install, "rules")
    assert where.returncode == 0, where.stderr
    assert "PRD002  placeholder-text" in where.stdout
    probe = subprocess.run(
        [sys.executable, "-c", "import prdlint_rules, prdlint.report; print(prdlint_rules.__file__)"],
        env={**os.environ, "PYTHONPATH": str(wheel_install)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.startswith(str(wheel_install))
    assert (wheel_install / "prdlint" / "report" / "findings.schema.json").is_file()
    assert (wheel_install / "prdlint_rules" / "document" / "placeholder_words.toml").is_file()
    assert (wheel_install / "prdlint_rules" / "stakeholders" / "reading" / "vocabulary.toml").is_file()
    assert (wheel_install / "prdlint" / "text" / "english.toml").is_file()
    assert (wheel_install / "prdlint" / "language" / "data" / "en_lemma_lookup.json.gz").is_file()
    assert (wheel_install / "prdlint" / "language" / "data" / "LICENSE.txt").is_file()


@pytest.mark.integration
def test_the_wheel_maps_the_sample_prds_stakeholders(wheel_install: Path) -> None:
    result = prdlint(wheel_install, "stakeholders", "fixtures/sample-prd.md")
    assert result.returncode == 0, result.stderr
    assert "clinic owner        customer" in result.stdout


@pytest.mark.integration
def test_the_wheel_lints_the_sample_prd(wheel_install: Path) -> None:
    result = prdlint(wheel_install, "check", "--show-level", "info", "fixtures/sample-prd.md", "-q")
    assert result.returncode == 0, result.stderr  # its findings are at info severity
    assert "fixtures/sample-prd.md:45:61: PRD002 [info]" in result.stdout


@pytest.mark.integration
def test_an_installed_plugin_rule_runs_end_to_end(plugin_install: Path) -> None:
    fixture = EXAMPLE_PLUGIN / "fixtures" / "shouting.md"
    result = prdlint(plugin_install, "check", "--show-level", "info", str(fixture), "-q")
    assert result.returncode == 0, result.stderr  # ACME101 is info, below the default fail-on
    assert "shouting.md:3:4: ACME101 [info] heading 'SUCCESS METRICS' is in capitals" in result.stdout
    listed = prdlint(plugin_install, "rules").stdout
    assert any(line.split()[:3] == ["ACME101", "shouting-heading", "acme"] for line in listed.splitlines())
    explained = prdlint(plugin_install, "explain", "shouting-heading")
    assert "## Use instead" in explained.stdout


@pytest.fixture
def plugin_module(plugin_install: Path) -> Iterator[object]:
    sys.path.insert(0, str(plugin_install))
    try:
        yield importlib.import_module("prdlint_acme.plugin")
    finally:
        sys.path.remove(str(plugin_install))
        for name in [name for name in sys.modules if name.startswith("prdlint_acme")]:
            del sys.modules[name]


def test_a_plugin_tests_its_fixtures_with_the_harness(plugin_module: object) -> None:
    registry = registry_from_plugins(plugin_module)
    paths = fixture_paths(EXAMPLE_PLUGIN / "fixtures")
    assert paths
    for path in paths:
        assert_fixture(path, registry=registry)


def test_prdlint_lints_without_spacy_lookups_data() -> None:
    """The two tables it reads ship with it: with spacy-lookups-data made unimportable, the sample
    PRD gets the same findings and its stakeholders are read the same."""
    blocked = "import sys; sys.modules['spacy_lookups_data'] = None\nfrom prdlint.cli import main\nmain()"
    for args in (
        ("check", "--no-cache", "--show-level", "info", "fixtures/sample-prd.md"),
        ("stakeholders", "fixtures/sample-prd.md"),
    ):
        alone = subprocess.run(
            [sys.executable, "-c", blocked, *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        usual = subprocess.run(
            [sys.executable, "-m", "prdlint", *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        assert "spacy_lookups_data" not in alone.stderr
        assert (alone.returncode, alone.stdout) == (usual.returncode, usual.stdout)
        assert "fixtures/sample-prd.md" in alone.stdout
