"""How many of the problems careful reviewers raised on prd-pool prdlint reports, per area.

Each of the 200 labelled PRDs in ../shared/corpus/prd-pool lists the problems its two reviewers
raised (`reviewer_problems`, free text). Each problem was sorted into one area by a reader who
did not see prdlint's output (benchmarks/data/reviewer-areas.tsv: customers, operational users,
pricing, success measures, stories, template leftovers, ...). A problem counts as reported when
a rule of its area makes a finding on its document: on a line the problem cites (give or take
two), or anywhere where the problem cites none or the rule speaks of the whole document. Printed
per area for the rules on by default and for every rule, beside how often that area's findings
were worth fixing on the judged PRDs (judged.toml). `other` has no rule.

    python benchmarks/reviewer_recall.py
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

from judged_findings import JUDGED
from labelled import CORPUS, require
from prdlint.document import parse_document
from prdlint.engine import lint_document
from prdlint.registry import load_registry
from prdlint.rule import Finding
from prdlint.settings import Settings

AREAS = Path(__file__).resolve().parent / "data" / "reviewer-areas.tsv"
RULES_OF = {
    "customer": ("PRD101", "PRD106"),
    "operational": ("PRD103", "PRD113"),
    "management": ("PRD110",),
    "decision": ("PRD107",),
    "pricing": ("PRD105", "PRD112"),
    "conflation": ("PRD104",),
    "success": ("PRD301",),
    "stories": tuple(f"PRD2{n:02}" for n in range(1, 11)),
    "template": ("PRD002", "PRD003", "PRD302"),
    "requirements": tuple(f"PRD3{n:02}" for n in range(3, 11)),
    "other": (),
}
_CITED = re.compile(r"\blines? (\d+)(?:\s*[-–]\s*(\d+))?|\((\d+)(?:\s*[-–,]\s*(\d+))?\)")
_NEAR = 2


def cited_lines(problem: str) -> set[int]:
    lines: set[int] = set()
    for match in _CITED.finditer(problem):
        first = int(match.group(1) or match.group(3))
        last = int(match.group(2) or match.group(4) or first)
        lines.update(range(first, min(last, first + 50) + 1))
    return lines


def reported(area: str, problem: str, findings: list[Finding], whole: set[str]) -> bool:
    lines = cited_lines(problem)
    for finding in findings:
        if finding.code not in RULES_OF[area]:
            continue
        if finding.code in whole or not lines:
            return True
        if any(abs(finding.span.start.line - line) <= _NEAR for line in lines):
            return True
    return False


def main() -> None:
    require("prd-pool/labels")
    registry = load_registry()
    every = tuple(code for code, rule in registry.rules.items() if not rule.internal and code != "PRD004")
    default = {code for code, rule in registry.rules.items() if rule.enabled_by_default}
    whole = {code for code, rule in registry.rules.items() if rule.whole_document}
    with AREAS.open(encoding="utf-8") as handle:
        areas = {
            (row["doc"], int(row["index"])): row["area"] for row in csv.DictReader(handle, delimiter="\t")
        }
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted((CORPUS / "prd-pool" / "labels").glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        document = CORPUS / "prd-pool" / "docs" / f"{path.stem}.md"
        findings = lint_document(
            parse_document(document.read_text(encoding="utf-8")),
            document.name,
            Settings(root=document.parent, select=every),
            registry,
            file_path=document,
        ).findings
        on = [finding for finding in findings if finding.code in default]
        for index, problem in enumerate(label.get("reviewer_problems") or []):
            area = areas[(path.stem, index)]
            counts[area]["raised"] += 1
            counts[area]["default"] += reported(area, problem, on, whole)
            counts[area]["every"] += reported(area, problem, findings, whole)
    judged = tomllib.loads(JUDGED.read_text(encoding="utf-8"))
    print("area          raised  reported by default  by every rule   its findings worth fixing")
    for area, count in sorted(counts.items(), key=lambda item: -item[1]["raised"]):
        verdicts = [judged[code] for code in RULES_OF[area] if code in judged]
        fix, total = (
            sum(v["fix"] for v in verdicts),
            sum(v["fix"] + v["not-worth"] + v["wrong"] for v in verdicts),
        )
        worth = f"{fix} of {total}" if total else "-"
        by_default, by_every = count["default"] / count["raised"], count["every"] / count["raised"]
        print(
            f"{area:<13} {count['raised']:6}  {count['default']:5} ({by_default:4.0%})"
            f"        {count['every']:5} ({by_every:4.0%})   {worth}"
        )
    raised = sum(count["raised"] for count in counts.values())
    print(
        f"all           {raised:6}  {sum(c['default'] for c in counts.values()):5}"
        f"               {sum(c['every'] for c in counts.values()):5}"
    )


if __name__ == "__main__":
    main()
