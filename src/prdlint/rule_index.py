"""The index of the installed rules: what `prdlint rules` and `prdlint explain` print, kept so that
they answer without importing the rule packs.

Listing the rules by loading them imports every pack and the rule machinery under it, several
times the cost of starting Python with click. The index holds each rule's code, name, pack,
severity, default, summary, options and documentation, in the user's cache folder
(`$XDG_CACHE_HOME/prdlint`, else `~/.cache/prdlint`). Its name is a digest of what the rules
come from: prdlint's version and the plugins installed (the `prdlint` entry points and their
distributions' versions), and the size and time of every file of their packages, so that an
upgrade, a new plugin or an edited rule file makes a new index. A project that adds rules of its
own (`rule-paths`) is listed from the loaded registry as before. An index that cannot be read
or written is passed by: the command loads the packs.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prdlint import __version__
from prdlint.fingerprint import file_stamps

if TYPE_CHECKING:
    from prdlint.registry import Registry

_FORMAT = "1"


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "prdlint"


def _package_roots(module: str) -> list[str]:
    """The folders (or the file) of a module's top-level package, found without importing it."""
    try:
        spec = importlib.util.find_spec(module.split(".")[0])
    except (ImportError, ValueError):
        return []
    if spec is None:
        return []
    return list(spec.submodule_search_locations or ([spec.origin] if spec.origin else []))


def installed_key() -> str:
    """A digest of what the installed rules come from."""
    digest = hashlib.sha256(f"{_FORMAT}:{__version__}".encode())
    modules = ["prdlint"]
    for point in sorted(entry_points(group="prdlint"), key=lambda point: (point.name, point.value)):
        source = f"{point.dist.name} {point.dist.version}" if point.dist else ""
        digest.update(f"{point.name}={point.value}@{source}".encode())
        modules.append(point.value.split(":")[0])
    for module in modules:
        for stamp in file_stamps(_package_roots(module)):
            digest.update(stamp.encode())
    return digest.hexdigest()[:24]


def rule_rows(registry: Registry) -> list[dict[str, Any]]:
    """Every rule of a registry as the index holds it."""
    rows = []
    for code, rule in registry.rules.items():
        rows.append(
            {
                "code": code,
                "name": rule.name,
                "pack": rule.pack,
                "severity": str(rule.default_severity),
                "default": "on" if rule.enabled_by_default else "opt-in",
                "summary": rule.summary(),
                "options": [
                    {"name": name, "kind": option.kind, "default": repr(option.default), "help": option.help}
                    for name, option in rule.options.items()
                ],
                "documentation": rule.documentation(),
            }
        )
    return rows


def read_index(key: str) -> list[dict[str, Any]] | None:
    """The index written for the rules whose `installed_key` is `key`, if there is one."""
    try:
        path = _cache_folder() / f"rules-{key}.json"
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return rows if isinstance(rows, list) else None


def write_index(key: str, rows: list[dict[str, Any]]) -> None:
    """Keeps the index for the rules whose `installed_key` is `key`; a folder that cannot be
    written is left be."""
    from prdlint.atomic import write_atomically

    folder = _cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / f"rules-{key}.json", json.dumps(rows))
    except OSError:
        return
