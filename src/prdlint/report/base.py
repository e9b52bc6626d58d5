"""The interface every output format implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from collections.abc import Mapping

    from prdlint.results import LintRun
    from prdlint.rule import Rule


@dataclass(frozen=True)
class ReportOptions:
    """What a reporter is told besides the run: the rules by code, so a format can describe the
    rules behind its findings (their documentation, default severity) without loading them again."""

    rules: Mapping[str, type[Rule]]
    color: bool = False


class Reporter:
    """Renders a whole run as text. Subclasses set `description` and implement `render`.

    `human` formats are followed by a one-line summary on the terminal; machine formats (JSON,
    CI annotations) must be the only thing on standard output.
    """

    description: ClassVar[str] = ""
    human: ClassVar[bool] = True

    def render(self, run: LintRun, options: ReportOptions) -> str:
        raise NotImplementedError
