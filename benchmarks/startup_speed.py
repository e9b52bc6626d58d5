"""What a pre-commit hook pays before prdlint reads a file: starting the commands that need no
language analysis, against starting Python itself.

Each command runs as a fresh process, as a hook runs it, with compiled bytecode as an installed
package has it, interleaved with its floors and timed best-of-N: `python -c pass`; the
interpreter importing what the CLI cannot do without (click, markdown-it-py, pluggy); and
`import spacy`, the cost these commands must not pay. The budget is 1.5x the second floor.

    python benchmarks/startup_speed.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from _harness import best_times, compiled_bytecode

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample-prd.md"
BUDGET = 1.5
FLOOR = "python + click, markdown-it-py, pluggy"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    FLOOR: [sys.executable, "-c", "import click, markdown_it, pluggy"],
    "python -c 'import spacy'": [sys.executable, "-c", "import spacy"],
    "prdlint rules": [sys.executable, "-m", "prdlint", "rules"],
    "prdlint check --select PRD0": [
        sys.executable,
        "-m",
        "prdlint",
        "check",
        "--select",
        "PRD0",
        str(SAMPLE),
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    options = parser.parse_args()

    def run(command: list[str]) -> None:
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    with compiled_bytecode():
        times = best_times(
            {name: (lambda c=command: run(c)) for name, command in COMMANDS.items()}, options.rounds
        )
    floor = times[FLOOR]
    width = max(map(len, times))
    print(f"best of {options.rounds} rounds, each a fresh process")
    for name, seconds in times.items():
        print(f"{name:<{width}}  {seconds * 1000:7.1f} ms  {seconds / floor:5.2f}x the floor")
    worst = max(times["prdlint rules"], times["prdlint check --select PRD0"]) / floor
    verdict = "within" if worst <= BUDGET else "OVER"
    print(f"slowest prdlint command: {worst:.2f}x (budget {BUDGET}x: {verdict})")


if __name__ == "__main__":
    main()
