"""Growth: doubling a pathological document at most doubles what linting it costs.

For each generator of a document that stresses one part of prdlint (a run of punctuation, a table
of a thousand stories, one paragraph of stories or of role names, deep lists and quotes, many
headings, directives, front matter keys, a line with no spaces, long runs of spaces), lints it
with every rule at three sizes, each twice the last, in one warm process, and prints the cost
factor of each doubling.
Exits 1 when a factor is over `LIMIT` (2, with room for this machine's noise).

    python benchmarks/fuzz_growth.py [--size 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.settings import Settings

LIMIT = 2.6
_ROUNDS = 3

GENERATORS: dict[str, Callable[[int], str]] = {
    "punctuation run": lambda n: "# Plan\n\n" + "=![,?" * n + "\n",
    "no-space line": lambda n: "# Plan\n\nhttps://example.com/" + "a1b2c3" * n + "\n",
    "story table": lambda n: (
        "# Plan\n\n## Stories\n\n| As a | I want | So that |\n|---|---|---|\n"
        + "".join(f"| nurse | to swap shift {i} | I rest |\n" for i in range(n // 4))
    ),
    "story paragraph": lambda n: (
        "# Plan\n\n## Stories\n\n"
        + " ".join(f"As a nurse, I want to swap shift {i} so that I rest." for i in range(n // 8))
        + "\n"
    ),
    "role names": lambda n: (
        "# Plan\n\n"
        + " ".join(f"The nurse and the admin pay the customer {i}." for i in range(n // 8))
        + "\n"
    ),
    "deep lists": lambda n: (
        "# Plan\n\n" + "".join("  " * (i % 40) + f"- item {i} TBD\n" for i in range(n // 4))
    ),
    "deep quotes": lambda n: "# Plan\n\n" + "".join(">" * (i % 30) + f" line {i}\n" for i in range(n // 4)),
    "placeholders of one concern": lambda n: (
        "# Plan\n\n" + "".join(f"- Item {i}: TBD and [insert link] here.\n" for i in range(n // 8))
    ),
    "headings": lambda n: "".join(f"{'#' * (1 + i % 6)} Heading {i}\n\n" for i in range(n // 4)),
    "directives": lambda n: (
        "# Plan\n\n"
        + "".join(f"<!-- prdlint-disable-next-line PRD002 -->\nLine {i} is TBD.\n" for i in range(n // 8))
    ),
    "front matter": lambda n: (
        "---\n" + "".join(f"key{i}: value {i}\n" for i in range(n // 4)) + "---\n# Plan\n"
    ),
    # A long run of spaces after the words a pattern starts from: every whitespace quantifier
    # that a search could try at each offset of the run, or backtrack into, shows here.
    "spaces in a story": lambda n: "# Plan\n\n## Requirements\n\n- As a " + " " * (4 * n) + "nurse\n",
    "spaces after a story": lambda n: (
        "# Plan\n\n## Requirements\n\n- As an admin, I want reports" + " " * (4 * n) + "x\n"
    ),
    "spaces after a name": lambda n: "# Plan\n\nThe users" + " " * (4 * n) + "pay.\n",
    "spaces after a sentence": lambda n: "# Plan\n\nSee e.g." + " " * (4 * n) + "x\n",
    "spaces after a word": lambda n: "# Plan\n\n## Requirements\n\nSLA" + " " * (4 * n) + "x\n",
}


def cost(text: str, settings: Settings) -> float:
    best = float("inf")
    for _ in range(_ROUNDS):
        start = time.perf_counter()
        result = lint_text(text, "growth.md", settings, load_registry())
        best = min(best, time.perf_counter() - start)
        assert not [f for f in result.findings if f.code == "PRD000"], "a rule failed"
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2000, help="the smallest size, in generator units")
    options = parser.parse_args()
    settings = Settings(root=Path.cwd(), select=("ALL",))
    lint_text("# Warm\n\nA nurse.\n", "warm.md", settings, load_registry())
    over = []
    print(f"{'generator':<24} {'1x KB':>7} {'1x ms':>8} {'2x ms':>8} {'4x ms':>8}  doubling factors")
    for name, generate in GENERATORS.items():
        sizes = [options.size, options.size * 2, options.size * 4]
        texts = [generate(size) for size in sizes]
        costs = [cost(text, settings) for text in texts]
        factors = [later / max(earlier, 1e-4) for earlier, later in pairwise(costs)]
        flag = "" if max(factors) <= LIMIT else "  OVER"
        print(
            f"{name:<24} {len(texts[0].encode()) / 1024:7.1f} {costs[0] * 1000:8.1f} {costs[1] * 1000:8.1f} "
            f"{costs[2] * 1000:8.1f}  {factors[0]:.2f}, {factors[1]:.2f}{flag}"
        )
        if flag:
            over.append(name)
    if over:
        print(f"FAILED: cost grows faster than the document for: {', '.join(over)}")
        sys.exit(1)
    print(f"ok: every doubling at most {LIMIT}x")


if __name__ == "__main__":
    main()
