"""What prdlint's findings are worth today, by the verdicts of readers who judged them as each
document's author would (FIX, NOT_WORTH, WRONG).

Three sets of judged documents: the 20 of ../shared/corpus/prd-reviewed with findings/ (every
finding of the rules on by default at 23aff54 judged; only those rules are counted there; later
verdicts in benchmarks/data/judged-reviewed/); 40 of prd-pool (every finding of every rule
judged; the verdicts are kept in benchmarks/data/judged-pool/, the documents stay in ../shared);
40 more of prd-pool held out while the defaults were set from the first two (503, 508, ...,
698: every default finding judged; benchmarks/data/judged-defaults/); and the findings of rules
added later, judged on the prd-pool documents where they fire (benchmarks/data/judged-added/,
and added to the two prd-pool sets above where a document is in one). Each finding
prdlint makes now on those documents is matched to a judged one by rule and line; a finding no
reader judged is listed, to be judged before its figure counts. A finding the rules no longer
make drops out: fixing a misreading as a class moves the figures without judging anew.

Prints per rule what its findings are worth and whether its default follows the policy
(rules/prdlint_rules/judged.toml: warning at 4 in 5 worth fixing, info where most are, opt-in
otherwise), and the share of the default findings worth fixing. `--write` records the figures in
judged.toml; `--check` exits 1 where judged.toml no longer says what the rules' findings are worth,
or a rule on by default makes a finding no reader judged.

    python benchmarks/judged_findings.py [--write | --check]
"""

from __future__ import annotations

import argparse
import json
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

from labelled import CORPUS, require
from prdlint.document import parse_document
from prdlint.engine import lint_document
from prdlint.registry import Registry, load_registry
from prdlint.settings import Settings

POOL_VERDICTS = Path(__file__).resolve().parent / "data" / "judged-pool"
# Verdicts on prd-reviewed findings that came after its judging, each on a finding that reports a
# problem the reviewers themselves listed for that document (findings/NNN.json, reader_sees).
REVIEWED_ADDED = Path(__file__).resolve().parent / "data" / "judged-reviewed"
DEFAULTS_VERDICTS = Path(__file__).resolve().parent / "data" / "judged-defaults"
ADDED_VERDICTS = Path(__file__).resolve().parent / "data" / "judged-added"
JUDGED = Path(__file__).resolve().parents[1] / "rules" / "prdlint_rules" / "judged.toml"
REVIEWED_VERSION = "23aff54"
VERDICTS = ("FIX", "NOT_WORTH", "WRONG")


def _verdicts() -> dict[str, tuple[Path, list[dict[str, object]], str]]:
    """Each judged document: its text, the judged findings, and which rules' findings were all
    judged there: every rule's (judged-pool), those on by default in the version judged
    (prd-reviewed), those on by default now (judged-defaults), or the rules added later whose
    findings were judged (judged-added)."""
    judged: dict[str, tuple[Path, list[dict[str, object]], str]] = {}
    for path in sorted((CORPUS / "prd-reviewed" / "findings").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        version = next(v for v in data["versions"] if v["version"] == REVIEWED_VERSION)
        added = REVIEWED_ADDED / path.name
        later = json.loads(added.read_text(encoding="utf-8")) if added.is_file() else []
        judged[f"prd-reviewed/{path.stem}"] = (
            CORPUS / "prd-reviewed" / "docs" / f"{path.stem}.md",
            [*version["findings"], *later],
            "reviewed",
        )
    sets = ((POOL_VERDICTS, "every"), (DEFAULTS_VERDICTS, "defaults"), (ADDED_VERDICTS, "added"))
    for folder, judged_rules in sets:
        for path in sorted(folder.glob("*.json")):
            judged[f"prd-pool/{path.stem}"] = (
                CORPUS / "prd-pool" / "docs" / f"{path.stem}.md",
                json.loads(path.read_text(encoding="utf-8")),
                judged_rules,
            )
    return judged


def tally(registry: Registry) -> tuple[dict[str, Counter[str]], list[str]]:
    """Per rule, the verdicts of the findings it makes now; and the findings nobody judged."""
    figures: dict[str, Counter[str]] = defaultdict(Counter)
    unjudged: list[str] = []
    every = tuple(code for code, rule in registry.rules.items() if code != "PRD004" and not rule.internal)
    documents = _verdicts()
    counted = {
        "every": set(every),
        "reviewed": _judged_codes(documents, "reviewed"),
        "defaults": {code for code, rule in registry.rules.items() if rule.enabled_by_default},
        "added": _judged_codes(documents, "added"),
    }
    for key, (path, verdicts, judged_rules) in documents.items():
        pending: dict[tuple[str, int], list[str]] = defaultdict(list)
        for verdict in verdicts:
            pending[_place(registry, str(verdict["code"]), int(str(verdict["line"])))].append(
                str(verdict["verdict"])
            )
        settings = Settings(root=path.parent, select=every)
        findings = lint_document(
            parse_document(path.read_text(encoding="utf-8")), path.name, settings, registry, file_path=path
        ).findings
        for finding in findings:
            if finding.code not in registry.rules or registry.rules[finding.code].internal:
                continue
            place = _place(registry, finding.code, finding.span.start.line)
            if pending[place]:
                figures[finding.code][pending[place].pop(0)] += 1
            elif finding.code in counted[judged_rules]:
                unjudged.append(f"{key}:{finding.span.start.line} {finding.code} {finding.message}")
    return figures, unjudged


def _judged_codes(documents: dict[str, tuple[Path, list[dict[str, object]], str]], kind: str) -> set[str]:
    """The rules whose findings were judged in one set of documents."""
    return {str(v["code"]) for _, verdicts, judged in documents.values() if judged == kind for v in verdicts}


def _place(registry: Registry, code: str, line: int) -> tuple[str, int]:
    """Where a finding is, to match it with a judged one: a whole-document verdict is one per
    document wherever it is anchored."""
    rule = registry.rules.get(code)
    return (code, 0) if rule is not None and rule.whole_document else (code, line)


def policy(fix: int, total: int) -> str:
    shares = tomllib.loads(JUDGED.read_text(encoding="utf-8"))
    if total < shares["minimum"]:
        return "too few to move"
    if fix >= shares["warning-share"] * total:
        return "on at warning"
    return "on at info" if fix > shares["info-share"] * total else "opt-in"


def write(figures: dict[str, Counter[str]]) -> None:
    text = JUDGED.read_text(encoding="utf-8")
    head = text[: text.index("\nPRD")]
    rows = [
        f"{code} = {{ fix = {f['FIX']}, not-worth = {f['NOT_WORTH']}, wrong = {f['WRONG']} }}"
        for code, f in sorted(figures.items())
    ]
    JUDGED.write_text(head + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="record the figures in judged.toml")
    parser.add_argument("--check", action="store_true", help="exit 1 where judged.toml is out of date")
    options = parser.parse_args()
    require("prd-reviewed/findings")
    registry = load_registry()
    figures, unjudged = tally(registry)
    default_worth = Counter[str]()
    for code, counts in sorted(figures.items()):
        total = sum(counts.values())
        rule = registry.rules[code]
        state = f"on at {rule.default_severity}" if rule.enabled_by_default else "opt-in"
        if rule.enabled_by_default:
            default_worth.update(counts)
        print(
            f"{code} {rule.name:<40} {counts['FIX']:3} / {counts['NOT_WORTH']:3} / {counts['WRONG']:3}"
            f"  worth {counts['FIX'] / total:4.0%}  now {state:<14} policy {policy(counts['FIX'], total)}"
        )
    total = sum(default_worth.values())
    print(
        f"\ndefault findings: {default_worth['FIX']} of {total} worth fixing "
        f"({default_worth['FIX'] / max(total, 1):.0%}), {default_worth['WRONG']} wrong"
    )
    if unjudged:
        print(f"\n{len(unjudged)} findings no reader judged:")
        print("\n".join("  " + " ".join(line.split())[:160] for line in unjudged))
    if options.write:
        write(figures)
        print(f"written: {JUDGED}")
    if options.check:
        check(registry, figures, unjudged)


def check(registry: Registry, figures: dict[str, Counter[str]], unjudged: list[str]) -> None:
    """Exit 1 where judged.toml says other than the findings now, or a default rule is unjudged."""
    recorded = tomllib.loads(JUDGED.read_text(encoding="utf-8"))
    stale = [
        code
        for code, counts in figures.items()
        if recorded.get(code)
        != {"fix": counts["FIX"], "not-worth": counts["NOT_WORTH"], "wrong": counts["WRONG"]}
    ]
    on = [line for line in unjudged if registry.rules[line.split()[1]].enabled_by_default]
    if stale:
        print(f"judged.toml is out of date for {', '.join(stale)}: run with --write")
    if on:
        print(f"{len(on)} findings of rules on by default are unjudged: judge them before they count")
    if stale or on:
        raise SystemExit(1)
    print("ok: judged.toml says what the findings are worth")


if __name__ == "__main__":
    main()
