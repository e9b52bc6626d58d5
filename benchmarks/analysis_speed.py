"""How much prdlint's language analysis costs over the parse and tokenization it cannot avoid.

Times, in the same process and interleaved, the best of several rounds of (a) the floor:
markdown-it-py parsing each document plus bare `spacy.blank("en")` tokenization of the same text,
and (b) prdlint's full analysis: Document, spaCy pipeline (sentences, lookup lemmas) over the prose
blocks, stories, stakeholder mentions and the stakeholder model. Prints both and their ratio.
The budget is the analysis within 2x of the floor.

    python benchmarks/analysis_speed.py [--corpus DIR] [--megabytes 1] [--rounds 3]
"""

from __future__ import annotations

import spacy
from markdown_it import MarkdownIt

from _harness import best_times, speed_run
from prdlint.document import parse_document
from prdlint.language.analysis import LanguageSettings, analyse
from prdlint.registry import load_registry

BUDGET = 2.0


def main() -> None:
    run = speed_run(__doc__.split("\n\n")[0], rounds=3)
    documents, size = run.documents, run.size
    markdown = MarkdownIt("commonmark").enable("table")
    blank = spacy.blank("en")
    settings = LanguageSettings(None, load_registry().vocabularies)

    def floor() -> None:
        for text in documents:
            markdown.parse(text)
            blank.make_doc(text)

    def analysis() -> None:
        for text in documents:
            analyse(parse_document(text), settings)

    best = best_times({"floor": floor, "analysis": analysis}, run.rounds)
    best_floor, best_analysis = best["floor"], best["analysis"]
    ratio = best_analysis / best_floor
    verdict = "within" if ratio <= BUDGET else "OVER"
    print(f"corpus: {len(documents)} documents, {size / 1e6:.2f} MB, best of {run.rounds} rounds")
    print(f"floor    (markdown-it-py parse + blank spaCy tokens): {best_floor * 1000:8.1f} ms")
    print(f"analysis (document + pipeline + stories + stakeholders): {best_analysis * 1000:8.1f} ms")
    print(f"ratio analysis/floor: {ratio:.2f}x (budget {BUDGET:.0f}x: {verdict})")


if __name__ == "__main__":
    main()
