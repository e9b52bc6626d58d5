"""What prdlint says about every fixture and corpus document, recorded to compare two versions.

For each document, the output of `prdlint stakeholders --format json` and of `prdlint check
--select ALL --output-format json`, run in-process from the repository root. `--record FILE`
writes them; `--compare FILE` runs again and prints every document whose output differs, with a
diff, and exits 1 if any does. A change meant to keep behaviour proves it with an empty compare;
a change meant to alter judgement shows exactly what it altered.

    python benchmarks/snapshot.py --record /tmp/before.json
    python benchmarks/snapshot.py --compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from pathlib import Path

from click.testing import CliRunner

from _harness import SHARED
from prdlint.cli import main as prdlint

ROOT = Path(__file__).resolve().parents[1]
_DIFF_LINES = 40


def documents() -> list[Path]:
    """Every fixture, then every document of the corpus (labelled, reviewed, pool, dev), as paths
    relative to the repository root."""
    fixtures = sorted((ROOT / "fixtures").rglob("*.md"))
    corpus = [
        path
        for folder in ("prd-labelled/docs", "prd-reviewed/docs", "prd-pool/docs", "prd-dev")
        for path in sorted((SHARED / "corpus" / folder).glob("*.md"))
    ]
    return [Path(os.path.relpath(path, ROOT)) for path in fixtures + corpus]


def outputs() -> dict[str, dict[str, str]]:
    runner = CliRunner()
    recorded: dict[str, dict[str, str]] = {}
    for path in documents():
        stakeholders = runner.invoke(prdlint, ["stakeholders", "--format", "json", str(path)])
        check = runner.invoke(
            prdlint, ["check", "--no-cache", "--select", "ALL", "--output-format", "json", str(path)]
        )
        recorded[path.as_posix()] = {
            "stakeholders": f"exit {stakeholders.exit_code}\n{stakeholders.stdout}",
            "check": f"exit {check.exit_code}\n{check.stdout}",
        }
    return recorded


def compare(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> int:
    changed = 0
    for path in sorted(set(before) | set(after)):
        for command in ("stakeholders", "check"):
            old = before.get(path, {}).get(command, "")
            new = after.get(path, {}).get(command, "")
            if old == new:
                continue
            changed += 1
            print(f"== {path}: {command} differs")
            diff = difflib.unified_diff(old.splitlines(), new.splitlines(), "before", "after", lineterm="")
            for line in list(diff)[:_DIFF_LINES]:
                print(line)
    print(f"{len(after)} documents, {changed} outputs differ")
    return 1 if changed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--record", type=Path, metavar="FILE")
    action.add_argument("--compare", type=Path, metavar="FILE")
    options = parser.parse_args()
    os.chdir(ROOT)
    if options.record:
        options.record.write_text(json.dumps(outputs(), indent=1, sort_keys=True), encoding="utf-8")
        print(f"recorded {len(documents())} documents in {options.record}")
        return
    before = json.loads(options.compare.read_text(encoding="utf-8"))
    sys.exit(compare(before, outputs()))


if __name__ == "__main__":
    main()
