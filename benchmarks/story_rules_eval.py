"""The user story pack over 22 real backlogs and the PRD corpus, for a reader to judge.

Each backlog (../shared/datasets/user-stories, `#Gxx#` tags stripped) becomes one Markdown
document: a "User stories" section with one story per paragraph, so rules that compare stories
(duplicates, uniformity, generic roles) see the whole backlog. Every PRD2xx rule runs, opt-in ones
included. Prints per rule how many findings it makes, and the backlogs where it flags more than a
third of the stories; then a random sample of findings per rule (seeded, so a judgement can be
repeated) with the story they are about; then every finding on the PRD corpus with its line.

    python benchmarks/story_rules_eval.py [--data DIR] [--corpus DIR] [--sample 30] [--seed 5]
        [--rule PRD203]
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from _harness import DEFAULT_BACKLOGS, DEFAULT_CORPUS, backlog_lines
from prdlint.config import Settings
from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.rule import Finding

RULES = tuple(f"PRD2{number:02}" for number in range(1, 10))
_SHARE_OF_CONCERN = 1 / 3


def backlog_document(path: Path) -> tuple[str, int]:
    """The backlog as a Markdown PRD section, and how many stories it holds."""
    stories = [line.strip() for line in backlog_lines(path) if line.strip()]
    return f"# {path.stem}\n\n## User stories\n\n" + "\n\n".join(stories) + "\n", len(stories)


def lint(text: str, name: str, root: Path) -> list[Finding]:
    settings = Settings(root=root, select=("PRD2",))
    return lint_text(text, name, settings, load_registry()).findings


def show(finding: Finding, text: str) -> str:
    line = text.splitlines()[finding.span.start.line - 1].strip()
    return f"  {finding.code} {finding.span.start.line}: {line[:200]}\n      -> {finding.message}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_BACKLOGS)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=30, help="findings to print per rule")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--rule", action="append", help="print samples of these rules only")
    options = parser.parse_args()

    found: dict[str, list[tuple[Finding, str]]] = {rule: [] for rule in RULES}
    heavy: list[str] = []
    stories = 0
    for path in sorted(options.data.glob("*.txt")):
        text, count = backlog_document(path)
        stories += count
        findings = lint(text, path.name, options.data)
        per_rule = Counter(finding.code for finding in findings)
        for finding in findings:
            found[finding.code].append((finding, text))
        heavy += [
            f"{rule} {path.stem}: {per_rule[rule]} of {count} stories"
            for rule in RULES
            if per_rule[rule] > count * _SHARE_OF_CONCERN
        ]
    print(f"backlogs: {len(list(options.data.glob('*.txt')))}, stories: {stories}\n")
    print("rule    findings")
    for rule in RULES:
        print(f"{rule}  {len(found[rule]):8}")
    print("\nrules flagging more than a third of a backlog's stories:")
    print("\n".join(f"  {line}" for line in heavy) or "  none")

    chosen = options.rule or RULES
    for rule in chosen:
        sample = random.Random(options.seed).sample(found[rule], min(options.sample, len(found[rule])))
        print(f"\n== {rule}: {len(sample)} of {len(found[rule])} findings ==")
        for finding, text in sample:
            print(show(finding, text))

    print("\n== PRD corpus: every finding ==")
    for path in sorted(options.corpus.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        findings = [f for f in lint(text, path.name, options.corpus) if f.code in chosen]
        if findings:
            print(f"{path.name}: {dict(sorted(Counter(f.code for f in findings).items()))}")
            for finding in findings:
                print(show(finding, text))


if __name__ == "__main__":
    main()
