"""The result cache: a file whose text, settings and prdlint have not changed is not linted again.

Each file's findings are kept under `.prdlint_cache/` at its project root (the directory of its
config file, else the working directory), keyed by a digest of the file's text, how it is shown,
its resolved settings, and the code that lints it: prdlint's and every plugin's version, and the
size and time of each of their files, so an edited rule never answers from an old cache. A run
where every file is cached imports neither the Markdown parser nor spaCy. The folder
holds a `.gitignore` of its own, so git never sees it; `--no-cache` or `cache = false` turns it
off. Entries are written atomically; a damaged entry is a miss, never an error.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from prdlint import __version__
from prdlint.atomic import write_atomically
from prdlint.fingerprint import file_stamps
from prdlint.registry import Registry
from prdlint.results import FileResult
from prdlint.rule import Edit, Finding, Fix, Severity
from prdlint.settings import Settings
from prdlint.span import Position, Span

CACHE_DIR = ".prdlint_cache"
_FORMAT = "v1"
_IGNORE_ALL = "# Made by prdlint: its result cache, never committed.\n*\n"


def code_fingerprint(registry: Registry) -> str:
    """prdlint's version and its plugins', and the size and time of every file of theirs."""
    digest = hashlib.sha256(__version__.encode())
    modules = {"prdlint", *(rule.__module__.split(".")[0] for rule in registry.rules.values())}
    for name in sorted(modules):
        module = sys.modules.get(name)
        digest.update(f"{name}=={getattr(module, '__version__', '')}".encode())
        for stamp in file_stamps(getattr(module, "__path__", [])):
            digest.update(stamp.encode())
    return digest.hexdigest()


def _settings_fingerprint(settings: Settings) -> str:
    """The settings as text; a rule from a rule file is given by all it declares, so that a
    changed rule file is a changed key."""
    fields = {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings) if f.name != "origins"}
    return json.dumps(fields, sort_keys=True, default=lambda value: repr(getattr(value, "spec", value)))


def _key(text: str, shown: str, settings: Settings, code: str) -> str:
    parts = (code, _settings_fingerprint(settings), shown, text)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _span(span: Span) -> list[int]:
    return [span.start.line, span.start.column, span.end.line, span.end.column]


def _from_span(values: list[int]) -> Span:
    return Span(Position(values[0], values[1]), Position(values[2], values[3]))


def _finding(finding: Finding) -> dict[str, Any]:
    fix = finding.fix
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.severity),
        "message": finding.message,
        "advice": finding.advice,
        "span": _span(finding.span),
        "fix": None
        if fix is None
        else {
            "description": fix.description,
            "safe": fix.safe,
            "edits": [[*_span(edit.span), edit.replacement] for edit in fix.edits],
        },
    }


def _from_finding(path: str, data: dict[str, Any]) -> Finding:
    fix = data["fix"]
    return Finding(
        path,
        data["code"],
        data["name"],
        Severity(data["severity"]),
        data["message"],
        _from_span(data["span"]),
        None
        if fix is None
        else Fix(
            fix["description"],
            tuple(Edit(_from_span(edit[:4]), edit[4]) for edit in fix["edits"]),
            fix["safe"],
        ),
        data["advice"],
    )


class ResultCache:
    """The cache of one run: where each project keeps its entries, keyed by the code that lints."""

    def __init__(self, registry: Registry) -> None:
        self.code = code_fingerprint(registry)

    def _entry(self, settings: Settings, key: str) -> Path:
        return settings.root / CACHE_DIR / _FORMAT / key[:2] / f"{key}.json"

    def get(self, text: str, shown: str, settings: Settings) -> FileResult | None:
        key = _key(text, shown, settings, self.code)
        try:
            data = json.loads(self._entry(settings, key).read_text(encoding="utf-8"))
            findings = [_from_finding(shown, finding) for finding in data["findings"]]
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None
        return FileResult(
            path=shown,
            findings=findings,
            source=text,
            notices=list(data["notices"]),
            fail_on=settings.fail_on,
            show_level=settings.show_level,
            not_requirements=data["not_requirements"],
        )

    def put(self, text: str, settings: Settings, result: FileResult) -> None:
        """Keeps a result; a cache that cannot be written is passed over (a read-only checkout)."""
        entry = self._entry(settings, _key(text, result.path, settings, self.code))
        data = {
            "findings": [_finding(finding) for finding in result.findings],
            "notices": result.notices,
            "not_requirements": result.not_requirements,
        }
        try:
            self._prepare(settings.root / CACHE_DIR)
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(entry, json.dumps(data))
        except OSError:
            return

    @staticmethod
    def _prepare(folder: Path) -> None:
        ignore = folder / ".gitignore"
        if not ignore.exists():
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(ignore, _IGNORE_ALL)
