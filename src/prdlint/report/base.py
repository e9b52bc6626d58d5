"""The interface every output format implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from prdlint.results import LintRun


@dataclass(frozen=True)
class ReportOptions:
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
