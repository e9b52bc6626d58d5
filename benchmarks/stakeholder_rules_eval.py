"""The stakeholder pack over the PRD corpus, against a product manager's judgement of each document.

For each document and each PRD1xx rule (opt-in ones included), prints whether the rule fired and
whether a careful reader judged that it should, then per rule the agreements, false alarms and
misses. The judgement was written down from reading the documents before the rules existed; a
document-level rule is judged by whether it fires at all, a placed rule (PRD104, PRD108) by the
number of places. Findings are printed in full with --findings, to be read.

    python benchmarks/stakeholder_rules_eval.py [--corpus DIR] [--findings]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from _harness import DEFAULT_CORPUS
from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.settings import Settings

RULES = tuple(f"PRD1{number:02}" for number in range(1, 12))

# How many findings each rule should make on each document, as judged by reading it (0 if absent).
JUDGED: dict[str, dict[str, int]] = {
    "002": {"PRD101": 1, "PRD103": 1, "PRD104": 1, "PRD110": 1},
    "004": {"PRD110": 1},
    "005": {"PRD105": 1, "PRD107": 1, "PRD109": 1},
    "009": {"PRD103": 1, "PRD107": 1, "PRD110": 1, "PRD111": 1},
    "010": {"PRD101": 1, "PRD103": 1},
    "012": {"PRD108": 8},
    "013": {"PRD103": 1, "PRD110": 1},
    "018": {},
    "021": {},
    "026": {"PRD101": 1, "PRD103": 1, "PRD110": 1},
    "033": {"PRD104": 1, "PRD110": 1},
    "034": {"PRD101": 1, "PRD103": 1, "PRD110": 1},
    "035": {"PRD101": 1, "PRD110": 1},
    "041": {"PRD101": 1, "PRD103": 1, "PRD106": 2, "PRD110": 1},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--findings", action="store_true", help="print every finding's message")
    options = parser.parse_args()
    registry = load_registry()
    settings = Settings(root=options.corpus, select=("PRD1",))
    totals: dict[str, Counter[str]] = {rule: Counter() for rule in RULES}
    print("doc  " + " ".join(rule[3:] for rule in RULES) + "   (fired/judged where they differ)")
    for path in sorted(options.corpus.glob("*.md")):
        if path.stem not in JUDGED:
            continue
        findings = lint_text(path.read_text("utf-8"), path.name, settings, registry).findings
        fired = Counter(finding.code for finding in findings)
        cells = []
        for rule in RULES:
            made, judged = fired[rule], JUDGED[path.stem].get(rule, 0)
            totals[rule]["agree"] += min(made, judged) if judged else int(made == 0)
            totals[rule]["false alarm"] += max(made - judged, 0)
            totals[rule]["miss"] += max(judged - made, 0)
            cells.append(f"{made:>3}" if made == judged else f"{made}/{judged}".rjust(3))
        print(f"{path.stem}  " + " ".join(cells))
        if options.findings:
            for finding in findings:
                where = f"{finding.span.start.line}:{finding.span.start.column}"
                print(f"     {where} {finding.code} {finding.message}")
    print("\nrule    agree  false alarms  misses")
    for rule in RULES:
        count = totals[rule]
        print(f"{rule}  {count['agree']:5}  {count['false alarm']:12}  {count['miss']:6}")


if __name__ == "__main__":
    main()
