"""Adopting prdlint on a repository that already has findings: a baseline of the known ones.

`--write-baseline FILE` records every finding of a run; `--baseline FILE` leaves out the findings
it records, so only new ones are reported and fail the run. A finding is recorded by what it is,
not where: its rule, its file, and the text it is about with spaces folded, so a line added above
it does not bring it back, while a second finding of the same kind on the same words does.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from prdlint.results import LintRun
from prdlint.rule import Finding

BASELINE_VERSION = 1

Key = tuple[str, str, str]


class BaselineError(Exception):
    """A baseline file that cannot be read: missing, not JSON, or not a prdlint baseline."""


def covered_text(finding: Finding, source: str | None) -> str:
    """The words of the lines a finding covers, spaces folded: what it is about."""
    if source is None:
        return ""
    lines = source.splitlines()
    start, end = finding.span.start.line, finding.span.end.line
    return " ".join(" ".join(lines[start - 1 : end]).split())


def _keys(run: LintRun) -> Counter[Key]:
    return Counter(
        (finding.code, finding.path, covered_text(finding, result.source))
        for result in run.files
        for finding in result.findings
    )


def write_baseline(run: LintRun) -> str:
    """The baseline of a run's findings, as the JSON `--baseline` reads."""
    entries = [
        {"code": code, "path": path, "text": text, "count": count}
        for (code, path, text), count in sorted(_keys(run).items())
    ]
    return json.dumps({"version": BASELINE_VERSION, "tool": "prdlint", "findings": entries}, indent=2) + "\n"


def read_baseline(path: Path) -> Counter[Key]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("tool") != "prdlint" or data.get("version") != BASELINE_VERSION:
            raise BaselineError(f"{path}: not a prdlint baseline (version {BASELINE_VERSION})")
        return Counter({(e["code"], e["path"], e["text"]): int(e["count"]) for e in data["findings"]})
    except OSError as problem:
        raise BaselineError(f"{path}: {problem.strerror or problem}") from problem
    except (ValueError, KeyError, TypeError, AttributeError) as problem:
        raise BaselineError(f"{path}: not a prdlint baseline ({problem})") from problem


@dataclass(frozen=True)
class Filtered:
    run: LintRun
    known: int
    """How many findings the baseline left out."""


def apply_baseline(run: LintRun, baseline: Counter[Key]) -> Filtered:
    """The run without the findings the baseline records (each as many times as it records it)."""
    remaining = Counter(baseline)
    known = 0
    files = []
    for result in run.files:
        kept = []
        for finding in result.findings:
            key = (finding.code, finding.path, covered_text(finding, result.source))
            if remaining[key] > 0:
                remaining[key] -= 1
                known += 1
            else:
                kept.append(finding)
        files.append(replace(result, findings=kept))
    return Filtered(replace(run, files=files), known)
