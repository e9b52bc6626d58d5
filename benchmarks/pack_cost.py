"""What one rule pack adds to a default run.

Times, in the same process and interleaved, the best of several rounds of a default prdlint run
over the corpus (every rule on by default, the analysis they need) with and without the rules of
one pack (`--pack`, a code prefix: PRD3 is the requirement-language pack), and prints their ratio.
The budget is a pack within 10% of the run without it.

    python benchmarks/pack_cost.py [--pack PRD3] [--all] [--corpus DIR] [--megabytes 1] [--rounds 3]

`--all` runs the pack's opt-in rules too (`extend-select`), to see what turning it all on costs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _harness import best_times, forget_kept, report, speed_run
from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.settings import Settings

BUDGET = 1.10


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", default="PRD3", help="the pack's code prefix")
    parser.add_argument("--all", action="store_true", help="its opt-in rules too")


def main() -> None:
    run = speed_run(__doc__.split("\n\n")[0], rounds=3, add_options=_options)
    pack = run.options.pack
    registry = load_registry()
    without = Settings(root=Path.cwd(), ignore=(pack,))
    with_pack = Settings(root=Path.cwd(), extend_select=(pack,) if run.options.all else ())

    def lint(settings: Settings) -> None:
        forget_kept()  # each round reads the documents as if first seen
        for text in run.documents:
            lint_text(text, "prd.md", settings, registry)

    best = best_times({"without": lambda: lint(without), "with": lambda: lint(with_pack)}, run.rounds)
    shown = f"{pack}, opt-in rules too" if run.options.all else pack
    report(
        run,
        (f"default rules without {pack}", best["without"]),
        (f"default rules with {shown}", best["with"]),
        BUDGET,
    )


if __name__ == "__main__":
    main()
