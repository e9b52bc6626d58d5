"""The user story pack over 22 real backlogs and the PRD corpus, for a reader to judge.

Each backlog (../shared/datasets/user-stories, `#Gxx#` tags stripped) becomes one Markdown
document: a "User stories" section with one story per paragraph, so rules that compare stories
(duplicates, uniformity, generic roles) see the whole backlog. Every PRD2xx rule runs, opt-in ones
included. Prints per rule how many findings it makes, and the backlogs where it flags more than a
third of the stories; then a random sample of findings per rule (seeded, so a judgement can be
repeated) with the story they are about; then every finding on the PRD corpus with its line.

Then the rules against settled labels. benchmarks/data/qus-labels holds every story of the 22
backlogs labelled by two blind readers with five QUS defects and settled (its README says how),
and aqusa-core's own verdicts on them: precision, recall and F1 per criterion for the rules as
they ship (`things` off) beside AQUSA's, on stories no rule was fitted to. Last,
../shared/datasets/qus-spr8 holds 216 of these stories
labelled by three raters with the Quality User Story defects (atomic, minimal, uniform, unique).
Each backlog is linted whole, as above, and each labelled story counts as flagged for a criterion
when its rule (PRD203, PRD204, PRD206, PRD205) reports on it. Precision and recall per criterion
are printed beside AQUSA's on the same stories and held to benchmarks/baselines/story_rules.json
(`--check`).

    python benchmarks/story_rules_eval.py [--data DIR] [--corpus DIR] [--sample 30] [--seed 5]
        [--rule PRD203] [--check]
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter
from pathlib import Path

from _harness import DEFAULT_BACKLOGS, DEFAULT_CORPUS, SHARED, add_baseline_options, backlog_lines, guard
from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.rule import Finding
from prdlint.settings import Settings

RULES = tuple(f"PRD2{number:02}" for number in range(1, 10))
_SHARE_OF_CONCERN = 1 / 3
QUS = SHARED / "datasets" / "qus-spr8"
CRITERIA = {"atomic": "PRD203", "minimal": "PRD204", "uniform": "PRD206", "unique": "PRD205"}
LABELS = Path(__file__).resolve().parent / "data" / "qus-labels"
# Each labelled defect and the rule that reports it; AQUSA names its defects the same way.
LABELLED = {
    "atomic": "PRD203",
    "minimal": "PRD204",
    "uniform": "PRD206",
    "unique": "PRD205",
    "well_formed": "PRD201",
}
# AQUSA's precision and recall on the same stories, from the dataset's README (None: no finding).
AQUSA = {"atomic": (0.91, 0.72), "minimal": (0.67, 0.20), "uniform": (0.0, 0.0), "unique": (None, 0.0)}
_FIRST_STORY_LINE = 5


def backlog_document(path: Path) -> tuple[str, int]:
    """The backlog as a Markdown PRD section, and how many stories it holds."""
    stories = [line.strip() for line in backlog_lines(path) if line.strip()]
    return f"# {path.stem}\n\n## User stories\n\n" + "\n\n".join(stories) + "\n", len(stories)


def _plain(story: str) -> str:
    return " ".join(story.split()).lower()


def _story_lines(path: Path) -> dict[str, int]:
    """Each story of a backlog document (as backlog_document writes it) by its text: its line."""
    stories = [line.strip() for line in backlog_lines(path) if line.strip()]
    lines: dict[str, int] = {}
    for index, story in enumerate(stories):
        lines.setdefault(_plain(story), _FIRST_STORY_LINE + 2 * index)
    return lines


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _scores(count: Counter[str]) -> tuple[float | None, float | None, float]:
    precision = _share(count["tp"], count["tp"] + count["fp"])
    recall = _share(count["tp"], count["tp"] + count["fn"])
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    return precision, recall, f1


def _shown(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def labelled_figures(data: Path) -> dict[str, float]:
    """Precision, recall and F1 of the story rules as they ship and of AQUSA, per QUS defect, on
    every story of the backlogs (benchmarks/data/qus-labels)."""
    labels = {(row["backlog"], int(row["line"])): row for row in _rows(LABELS / "labels.tsv")}
    aqusa: dict[tuple[str, int], set[str]] = {}
    for row in _rows(LABELS / "aqusa.tsv"):
        aqusa.setdefault((row["backlog"], int(row["line"])), set()).add(row["defect"])
    ours: dict[tuple[str, int], set[str]] = {}
    for backlog in sorted({backlog for backlog, _ in labels}):
        path = data / f"{backlog}.txt"
        text, _ = backlog_document(path)
        story_lines = [number for number, line in enumerate(backlog_lines(path), 1) if line.strip()]
        settings = Settings(root=data, select=("PRD2",), each_story=True)
        for finding in lint_text(text, path.name, settings, load_registry()).findings:
            index, rest = divmod(finding.span.start.line - _FIRST_STORY_LINE, 2)
            if rest == 0 and 0 <= index < len(story_lines):
                ours.setdefault((backlog, story_lines[index]), set()).add(finding.code)
    print(f"\n== qus-labels: {len(labels)} stories, two blind readers, settled; AQUSA run on the same ==")
    print("criterion    labelled  prdlint P    R    F1   AQUSA P    R    F1")
    figures: dict[str, float] = {}
    for criterion, code in LABELLED.items():
        counts = {"prdlint": Counter[str](), "aqusa": Counter[str]()}
        for key, row in labels.items():
            said = row[criterion] == "1"
            for who, found in (
                ("prdlint", code in ours.get(key, ())),
                ("aqusa", criterion in aqusa.get(key, ())),
            ):
                counts[who][("tp" if said else "fp") if found else ("fn" if said else "tn")] += 1
        mine, theirs = _scores(counts["prdlint"]), _scores(counts["aqusa"])
        labelled = counts["prdlint"]["tp"] + counts["prdlint"]["fn"]
        print(
            f"{criterion:<11} {labelled:9}  {_shown(mine[0]):>9} {_shown(mine[1])} {mine[2]:.2f}"
            f"  {_shown(theirs[0]):>7} {_shown(theirs[1])} {theirs[2]:.2f}"
        )
        figures[f"labels {criterion} F1"] = mine[2]
        figures[f"labels {criterion} F1 over AQUSA's"] = mine[2] - theirs[2]
    return figures


def qus_figures(data: Path) -> dict[str, float]:
    """Precision, recall and F1 per QUS criterion over the labelled stories, with the misses."""
    counts = {criterion: Counter() for criterion in CRITERIA}
    unmatched = 0
    for table in sorted(QUS.glob("g*_raw.csv")):
        (backlog,) = data.glob(f"{table.stem.split('_')[0]}-*.txt")
        text, _ = backlog_document(backlog)
        flagged: dict[int, set[str]] = {}
        for finding in lint(text, backlog.name, data):
            flagged.setdefault(finding.span.start.line, set()).add(finding.code)
        lines = _story_lines(backlog)
        with table.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter=";"):
                line = lines.get(_plain(row["User Story"]))
                if line is None:
                    unmatched += 1
                    continue
                labels = {label.strip().lower() for label in row["Our Evaluation"].split(",")}
                for criterion, code in CRITERIA.items():
                    said, found = criterion in labels, code in flagged.get(line, set())
                    counts[criterion][("tp" if said else "fp") if found else ("fn" if said else "tn")] += 1
    print(
        f"\n== qus-spr8: {sum(sum(c.values()) for c in counts.values()) // len(CRITERIA)} labelled stories"
        f" ({unmatched} not found in the backlogs) =="
    )
    print("criterion  labelled  flagged  precision  recall   F1     AQUSA precision  recall")
    figures: dict[str, float] = {}
    for criterion, count in counts.items():
        precision, recall, f1 = _scores(count)
        aqusa_precision, aqusa_recall = AQUSA[criterion]
        print(
            f"{criterion:<9}  {count['tp'] + count['fn']:8}  {count['tp'] + count['fp']:7}  "
            f"{_shown(precision):>9}  {_shown(recall):>6}  {f1:.2f}   {_shown(aqusa_precision):>15}  "
            f"{_shown(aqusa_recall):>6}"
        )
        figures[f"{criterion} precision"] = 1.0 if precision is None else precision
        figures[f"{criterion} recall"] = recall or 0.0
        figures[f"{criterion} F1"] = f1
    return figures


def lint(text: str, name: str, root: Path) -> list[Finding]:
    # Each story is judged, and non-atomic-story reads coordinated things as QUS counts them.
    settings = Settings(root=root, select=("PRD2",), each_story=True, rules={"PRD203": {"things": True}})
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
    add_baseline_options(parser)
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

    guard({**labelled_figures(options.data), **qus_figures(options.data)}, "story_rules", options)


if __name__ == "__main__":
    main()
