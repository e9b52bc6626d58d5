"""How much a default prdlint run costs over the parse and tokenization it cannot avoid.

Times, in the same process and interleaved, the best of several rounds of (a) the floor:
markdown-it-py parsing each document plus bare `spacy.blank("en")` tokenization of the same text,
and (b) prdlint linting it with the default rules: Document, spaCy pipeline (sentences, lookup
lemmas) over the prose blocks, stories, stakeholder mentions, business signals and the
stakeholder model, every default rule, suppressions. Prints both and their ratio. The budget is
the whole run within 2x of the floor.

    python benchmarks/analysis_speed.py [--corpus DIR] [--megabytes 1] [--rounds 3]
"""

from __future__ import annotations

from pathlib import Path

import spacy
from markdown_it import MarkdownIt

from _harness import best_times, forget_kept, report, speed_run
from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.settings import Settings

BUDGET = 2.0


def main() -> None:
    run = speed_run(__doc__.split("\n\n")[0], rounds=3)
    documents = run.documents
    markdown = MarkdownIt("commonmark").enable("table")
    blank = spacy.blank("en")
    registry = load_registry()
    settings = Settings(root=Path.cwd())

    def floor() -> None:
        for text in documents:
            markdown.parse(text)
            blank.make_doc(text)

    def lint() -> None:
        forget_kept()  # each round reads the documents as if first seen
        for text in documents:
            lint_text(text, "prd.md", settings, registry)

    best = best_times({"floor": floor, "lint": lint}, run.rounds)
    report(
        run,
        ("floor (markdown-it-py parse + blank spaCy tokens)", best["floor"]),
        ("lint  (document + analysis + default rules)", best["lint"]),
        BUDGET,
    )


if __name__ == "__main__":
    main()
