"""How much prdlint's engine costs over the bare Markdown parse it cannot avoid.

Times, in the same process and interleaved (these machines are noisy), the best of several rounds
of (a) markdown-it-py parsing the corpus with tables enabled, the floor, and (b) prdlint building
Documents and running the default rules that need no language analysis (the document pack), with
suppressions, on the same texts. Prints both and their ratio. The budget is the engine within 3x
of the floor; analysis_speed.py measures the whole default run against its own floor.

    python benchmarks/engine_speed.py [--corpus DIR] [--megabytes 1] [--rounds 5]
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from _harness import best_times, forget_kept, report, speed_run
from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.settings import Settings

BUDGET = 3.0


def main() -> None:
    run = speed_run(__doc__.split("\n\n")[0], rounds=5)
    documents = run.documents
    floor_parser = MarkdownIt("commonmark").enable("table")
    registry = load_registry()
    settings = Settings(root=Path.cwd(), select=("PRD0",))

    def parse_only() -> None:
        for text in documents:
            floor_parser.parse(text)

    def full_engine() -> None:
        forget_kept()  # each round parses the documents as if first seen
        for text in documents:
            lint_text(text, "prd.md", settings, registry)

    best = best_times({"floor": parse_only, "engine": full_engine}, run.rounds)
    report(
        run,
        ("floor  (markdown-it-py parse)", best["floor"]),
        ("engine (document + document pack + suppressions)", best["engine"]),
        BUDGET,
    )


if __name__ == "__main__":
    main()
