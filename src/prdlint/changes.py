"""`--diff-base REF`: only the findings on lines changed since a git revision.

The lines come from `git diff --unified=0 REF` (what the working tree changed since REF, staged
or not) and from the files git does not track yet, which are new from their first line. A finding
on a whole document (who pays for this product) stays when its file changed at all: a changed PRD
is judged whole.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path

from prdlint.results import LintRun

_FILE = re.compile(r"^\+\+\+ b/(?P<path>.+)$")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")


class DiffBaseError(Exception):
    """No git, no repository, or a revision git does not know."""


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError as problem:
        raise DiffBaseError("git is not installed") from problem
    if done.returncode:
        raise DiffBaseError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git failed")
    return done.stdout


@dataclass(frozen=True)
class ChangedLines:
    """Per file (resolved path): the changed lines, or None for a file new since the revision."""

    files: dict[Path, set[int] | None]

    def touches(self, path: Path, line: int | None) -> bool:
        """Whether `line` of `path` changed; with `line` None, whether the file changed at all."""
        resolved = path.resolve()
        if resolved not in self.files:
            return False
        lines = self.files[resolved]
        return line is None or lines is None or line in lines


def changed_lines(ref: str, where: Path) -> ChangedLines:
    root = Path(_git(where, "rev-parse", "--show-toplevel").strip())
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except DiffBaseError as problem:
        raise DiffBaseError(f"git knows no revision {ref!r}") from problem
    files: dict[Path, set[int] | None] = {}
    current: set[int] | None = None
    for line in _git(root, "diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--").splitlines():
        if match := _FILE.match(line):
            current = files.setdefault((root / match.group("path")).resolve(), set())
        elif (match := _HUNK.match(line)) and current is not None:
            start, count = int(match.group("start")), int(match.group("count") or 1)
            current.update(range(start, start + count))
    for name in _git(root, "ls-files", "--others", "--exclude-standard").splitlines():
        files[(root / name).resolve()] = None
    return ChangedLines(files)


def keep_changed(run: LintRun, changes: ChangedLines, whole_document: Collection[str]) -> LintRun:
    """The run with only the findings on changed lines (and whole-document findings of changed
    files)."""
    files = []
    for result in run.files:
        path = Path(result.path)
        kept = [
            finding
            for finding in result.findings
            if changes.touches(path, None if finding.code in whole_document else finding.span.start.line)
        ]
        files.append(replace(result, findings=kept))
    return replace(run, files=files)
