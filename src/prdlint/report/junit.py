"""JUnit XML, which CI servers show as a test report: one test case per file, failed when the
file has findings at or above its `fail-on` severity, each finding listed in the failure."""

from __future__ import annotations

from xml.etree import ElementTree

from prdlint.report.base import Reporter, ReportOptions
from prdlint.results import FileResult, LintRun


def _counted(findings: int, failing: int) -> str:
    """ "5 findings, 2 of them failing the run": what the failure lists, and what failed it."""
    total = f"{findings} finding{'s' if findings != 1 else ''}"
    return total if failing == findings else f"{total}, {failing} of them failing the run"


def _case(suite: ElementTree.Element, result: FileResult) -> None:
    case = ElementTree.SubElement(suite, "testcase", name=result.path, classname="prdlint")
    failing = result.failing
    if failing:
        failure = ElementTree.SubElement(
            case,
            "failure",
            message=_counted(len(result.findings), len(failing)),
            type="prdlint",
        )
        failure.text = "".join(
            f"{f.path}:{f.span.start.line}:{f.span.start.column}: {f.code} [{f.severity}] {f.message}\n"
            for f in sorted(result.findings, key=lambda finding: finding.sort_key)
        )
    elif result.findings:
        output = ElementTree.SubElement(case, "system-out")
        output.text = "".join(
            f"{f.span.start.line}: {f.code} [{f.severity}] {f.message}\n" for f in result.findings
        )


class JunitReporter(Reporter):
    description = "JUnit XML: a test case per file, failed by findings at or above fail-on"
    human = False

    def render(self, run: LintRun, options: ReportOptions) -> str:
        results = sorted(run.files, key=lambda result: result.path)
        failures = sum(1 for result in results if result.failing)
        suites = ElementTree.Element(
            "testsuites", name="prdlint", tests=str(len(results)), failures=str(failures)
        )
        suite = ElementTree.SubElement(
            suites, "testsuite", name="prdlint", tests=str(len(results)), failures=str(failures), errors="0"
        )
        for result in results:
            _case(suite, result)
        ElementTree.indent(suites)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            + ElementTree.tostring(suites, encoding="unicode")
            + "\n"
        )
