"""Registers the built-in output formats through the same hook plugins use."""

from __future__ import annotations

from collections.abc import Mapping

from prdlint.markers import hookimpl
from prdlint.report.base import Reporter
from prdlint.report.concise import ConciseReporter
from prdlint.report.full import FullReporter
from prdlint.report.github import GithubReporter
from prdlint.report.gitlab import GitlabReporter
from prdlint.report.json_format import JsonReporter
from prdlint.report.junit import JunitReporter
from prdlint.report.sarif import SarifReporter


@hookimpl
def prdlint_output_formats() -> Mapping[str, type[Reporter]]:
    return {
        "concise": ConciseReporter,
        "full": FullReporter,
        "json": JsonReporter,
        "github": GithubReporter,
        "sarif": SarifReporter,
        "gitlab": GitlabReporter,
        "junit": JunitReporter,
    }
