"""The view API: a command that shows what a pack's stages read in one document.

A view is to an analysis stage what an output format is to findings: `prdlint <name> FILE` reads
the file with its settings, runs the stages the view names, and prints one of the view's formats
(`--format`, the first one by default). The stakeholder pack's `stakeholders` view shows a
document's cast; a plugin's view is a command like it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prdlint.document import Document
    from prdlint.language.model import Analysis


@dataclass(frozen=True)
class ViewInput:
    """What a view's format renders: the file as shown, its Document and its Analysis."""

    shown: str
    document: Document
    analysis: Analysis


@dataclass(frozen=True, eq=False)
class View:
    name: str
    """The command's name: `prdlint <name> FILE`."""
    summary: str
    """The command's help, one line."""
    stages: frozenset[str]
    """The stages it shows (and those they require run too)."""
    formats: Mapping[str, Callable[[ViewInput], str]]
    """Each format by its `--format` name; the first is the default."""
