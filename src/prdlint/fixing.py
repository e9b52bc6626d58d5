"""Applying the fixes findings carry: `prdlint check --fix`, `--diff` and `--unsafe-fixes`.

A fix is a set of edits to the source text. Safe fixes keep what the document says (removing a
comment that suppresses nothing); unsafe ones change it, and are applied only when asked. Fixes
are applied in rounds: each round takes the fixes that do not overlap one taken before it, then
the file is linted again, until no fix is left or `MAX_ROUNDS` is reached, so two findings that
touch the same text never corrupt it. A file is written once, at the end, atomically: the new text
goes to a temporary file beside it that then replaces it (`atomic.write_atomically`), and the
line endings the edits did not touch are kept as they were.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from prdlint.results import FileResult
from prdlint.rule import Fix
from prdlint.span import LineIndex, Position

MAX_ROUNDS = 10


@dataclass(frozen=True)
class FixMode:
    """What `check` does with fixes: apply the unsafe ones too, and write files or print a diff."""

    unsafe: bool = False
    write: bool = True


@dataclass(frozen=True)
class Fixed:
    """A file after its fixes: the new text, the result of linting it, how many fixes went in."""

    text: str
    result: FileResult
    applied: int


def _offset(lines: LineIndex, position: Position) -> int:
    return lines.line_start(position.line) + position.column - 1


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """`text` with every fix applied that overlaps no fix taken before it (in source order),
    and how many were applied."""
    lines = LineIndex(text)
    ranged = []
    for fix in fixes:
        edits = sorted(
            (_offset(lines, e.span.start), _offset(lines, e.span.end), e.replacement) for e in fix.edits
        )
        if edits:
            ranged.append(edits)
    ranged.sort(key=lambda edits: edits[0][0])
    taken: list[tuple[int, int, str]] = []
    applied = 0
    for edits in ranged:
        if any(_overlap(edit, other) for edit in edits for other in taken):
            continue
        taken.extend(edits)
        applied += 1
    for start, end, replacement in sorted(taken, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, applied


def _overlap(one: tuple[int, int, str], other: tuple[int, int, str]) -> bool:
    """Whether two edits touch the same text, or insert at the same place."""
    return (one[0] < other[1] and other[0] < one[1]) or one[0] == other[0]


def fix_text(text: str, lint: Callable[[str], FileResult], mode: FixMode) -> Fixed:
    """Lints `text`, applies its fixes, and lints again, round by round, until none is left."""
    result = lint(text)
    applied = 0
    for _ in range(MAX_ROUNDS):
        fixes = [f.fix for f in result.findings if f.fix is not None and (mode.unsafe or f.fix.safe)]
        fixed, count = apply_fixes(text, fixes)
        if not count or fixed == text:
            break
        text, applied = fixed, applied + count
        result = lint(text)
    return Fixed(text, result, applied)


def unified_diff(before: str, after: str, shown: str) -> str:
    """The change as `diff -u` would show it, with the file's path on both sides."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{shown}", f"b/{shown}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
