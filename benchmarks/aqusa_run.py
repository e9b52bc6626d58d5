"""Run aqusa-core, the Quality User Story framework's own tool, on the 22 backlogs; kept to show
how benchmarks/data/qus-labels/aqusa.tsv was made. It runs outside the package and outside CI.

aqusa-core (commit 3043743) is a script over NLTK. What it needs that the package registries do
not hold is stood in for, each with the same interface:
- `nltk.word_tokenize` by NLTK's own Treebank-style word tokenizer (what word_tokenize applies
  after splitting sentences; each story is one line);
- `nltk.pos_tag` by the Penn Treebank tags (the same tag set) of a spaCy English pipeline's
  tagger on the same tokens;
- WordNet by the WordNet 3.0 files of Debian's `wordnet-base` and `wordnet-sense-index`, copied
  into ~/nltk_data/corpora/wordnet;
- its conjunction list holds a lone backslash, which `re` cannot compile, so a story with a
  backslash stopped the run: a pattern `re` rejects is split on literally, as meant.
On the 211 stories of ../shared/datasets/qus-spr8 this run agrees with AQUSA's recorded verdicts
on 206 (atomic), 210 (minimal), 211 (uniform) and 211 (unique).

    python benchmarks/aqusa_run.py --aqusa PATH/aqusa-core --pipeline en_core_web_sm > aqusa.tsv

Each backlog runs in a process of its own: aqusa-core keeps its defects in a module-level list.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import subprocess
import sys
import types
from pathlib import Path

from _harness import DEFAULT_BACKLOGS, backlog_lines

_DEFECT = re.compile(r"Story #(\d+): .*\n   Defect type: (\w+)\.(\w+)")


def _patch_nltk(pipeline: str) -> None:
    import nltk
    import spacy
    from nltk.tokenize import NLTKWordTokenizer
    from spacy.tokens import Doc

    nlp = spacy.load(pipeline, exclude=["parser", "ner", "senter", "lemmatizer"])
    tokenizer = NLTKWordTokenizer()

    def pos_tag(tokens: list[str], *_: object, **__: object) -> list[tuple[str, str]]:
        words = list(tokens)
        return [(token.text, token.tag_) for token in nlp(Doc(nlp.vocab, words=words))] if words else []

    nltk.word_tokenize = lambda text, *_, **__: tokenizer.tokenize(text)
    nltk.pos_tag = pos_tag


def _literal_safe_split(pattern: str, string: str, maxsplit: int = 0, flags: int = 0) -> list[str]:
    try:
        return re.split(pattern, string, maxsplit=maxsplit, flags=flags)
    except re.error:
        return re.split(re.escape(pattern), string, maxsplit=maxsplit, flags=flags)


def run_one(aqusa: Path, backlog: Path, pipeline: str) -> None:
    """Print aqusa-core's defects on one backlog as TSV rows: backlog, line, defect, subkind."""
    lines = backlog_lines(backlog)
    (aqusa / "input").mkdir(exist_ok=True)
    (aqusa / "input" / backlog.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    _patch_nltk(pipeline)
    os.chdir(aqusa)
    sys.path.insert(0, str(aqusa))
    import aqusacore  # type: ignore[import-not-found]
    import corefiles.analyzer as analyzer  # type: ignore[import-not-found]

    analyzer.re = types.SimpleNamespace(
        **{name: getattr(re, name) for name in dir(re) if not name.startswith("__")}
    )
    analyzer.re.split = _literal_safe_split
    report = io.StringIO()
    with contextlib.redirect_stdout(report):
        aqusacore.main(["-i", backlog.name])
    for line, defect, subkind in _DEFECT.findall(report.getvalue()):
        print(f"{backlog.stem}\t{line}\t{defect}\t{subkind}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--aqusa", type=Path, required=True, help="a checkout of aqusa-core")
    parser.add_argument("--pipeline", default="en_core_web_sm", help="an installed spaCy English pipeline")
    parser.add_argument("--data", type=Path, default=DEFAULT_BACKLOGS)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.one:
        run_one(options.aqusa.resolve(), options.one.resolve(), options.pipeline)
        return
    print("backlog\tline\tdefect\tsubkind")
    for backlog in sorted(options.data.glob("*.txt")):
        command = [sys.executable, __file__, "--aqusa", str(options.aqusa), "--pipeline", options.pipeline]
        subprocess.run([*command, "--one", str(backlog)], check=True)


if __name__ == "__main__":
    main()
