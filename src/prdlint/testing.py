"""The fixture harness, for prdlint's own rules and for plugin authors.

A fixture is a Markdown file that marks the findings it must produce with HTML comments on the
line where they appear:

```markdown
The launch date is TBD. <!-- expect: PRD002 -->
```

A comment may list several codes (repeat a code for two findings on one line), and `CODE@N`
expects a finding on line N instead, for lines that cannot hold a comment (front matter, code).
The fixture is linted exactly as `prdlint check` would lint it, with the configuration found
from its own directory, so a `.prdlint.toml` next to fixtures can select opt-in rules. Any
missing or unexpected finding fails.

In a plugin's test suite:

```python
import pytest
from prdlint.api import assert_fixture, fixture_paths, registry_from_plugins
import acme_prdlint.plugin

REGISTRY = registry_from_plugins(acme_prdlint.plugin)

@pytest.mark.parametrize("path", fixture_paths("tests/fixtures"), ids=str)
def test_fixture(path):
    assert_fixture(path, registry=REGISTRY)
```
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from prdlint.config import ConfigResolver
from prdlint.document import Document
from prdlint.registry import Registry, load_registry
from prdlint.rule import Finding
from prdlint.session import LintSession

_EXPECT = re.compile(r"^expect:\s*(?P<codes>.*)$", re.DOTALL)
_EXPECTED_CODE = re.compile(r"^(?P<code>[A-Z]{2,}[0-9]{3})(?:@(?P<line>[0-9]+))?$")


class FixtureError(Exception):
    """An expect comment that the harness cannot read."""


@dataclass(frozen=True)
class FixtureOutcome:
    path: Path
    findings: list[Finding]
    missing: Counter[tuple[int, str]]
    unexpected: Counter[tuple[int, str]]

    @property
    def passed(self) -> bool:
        return not self.missing and not self.unexpected

    def explain(self) -> str:
        lines = [f"{self.path}: findings differ from the expect comments"]
        lines += [
            f"  missing    line {line}: {code}"
            for (line, code), n in sorted(self.missing.items())
            for _ in range(n)
        ]
        by_place = {(f.span.start.line, f.code): f for f in self.findings}
        for (line, code), count in sorted(self.unexpected.items()):
            message = by_place[(line, code)].message
            lines += [f"  unexpected line {line}: {code} {message}"] * count
        return "\n".join(lines)


def expected_findings(document: Document) -> Counter[tuple[int, str]]:
    """The (line, code) pairs a fixture's expect comments ask for, with their counts."""
    expected: Counter[tuple[int, str]] = Counter()
    for comment in document.comments:
        match = _EXPECT.match(comment.body)
        if not match:
            continue
        for item in match.group("codes").replace(",", " ").split():
            parsed = _EXPECTED_CODE.match(item)
            if not parsed:
                raise FixtureError(f"line {comment.span.start.line}: {item!r} is not CODE or CODE@LINE")
            line = int(parsed.group("line") or comment.span.start.line)
            expected[(line, parsed.group("code"))] += 1
    return expected


def run_fixture(
    path: Path | str, registry: Registry | None = None, *, model: str | None = None
) -> FixtureOutcome:
    """Lints a fixture as `prdlint check` would and compares with its expect comments. `model`
    is a spaCy pipeline to lint with instead of the configured one: for the fixtures of rules
    that need a trained pipeline's tags, with a small one the test builds."""
    path = Path(path)
    session = LintSession(ConfigResolver(registry or load_registry()))
    source = session.source(path)
    source = replace(source, shown=str(path))
    if model is not None:
        source = replace(source, settings=replace(source.settings, nlp_model=model))
    result = session.lint(source)
    found = Counter((finding.span.start.line, finding.code) for finding in result.findings)
    expected = expected_findings(source.document)
    return FixtureOutcome(path, result.findings, expected - found, found - expected)


def assert_fixture(
    path: Path | str, registry: Registry | None = None, *, model: str | None = None
) -> FixtureOutcome:
    """Fails with a readable list of missing and unexpected findings."""
    outcome = run_fixture(path, registry, model=model)
    if not outcome.passed:
        raise AssertionError(outcome.explain())
    return outcome


def fixture_paths(directory: Path | str) -> list[Path]:
    """Every Markdown fixture below a directory, in a stable order."""
    return sorted(Path(directory).rglob("*.md"))
