"""Which files get whole-document verdicts, out of fold: the other Markdown files of a docs tree
(decision records, RFCs, design documents, postmortems, minutes, guides, READMEs) should get none,
the PRDs of ../shared/corpus should all be judged.

The files are dealt into folds by repository (genre_data.py); each fold is read with a
section-title model trained on the other folds only, its threshold chosen within them
(train_genre.py), so no file is judged by a model that saw its repository. Beside it, the genre
without the model (the plain signs alone). A file gets whole-document verdicts when the genre
reads it as a PRD and a whole-document rule fires on it.

Figures (higher is better, held to benchmarks/baselines/genre.json): the share of other files
spared whole-document verdicts, and the share of PRDs still judged. Without ../shared/nonprd
(benchmarks/fetch_nonprd.py brings it) the evaluation says so and exits 0.

    python benchmarks/genre_eval.py [--check] [--quiet]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Mapping, Sequence

from _harness import add_baseline_options, guard
from genre_data import GenreFile, available, load_files, repository_folds
from prdlint.document.genre import genre
from prdlint.document.section_titles import TitleModel
from prdlint.engine import lint_document
from prdlint.registry import Registry, load_registry
from prdlint.settings import Settings
from train_genre import FOLDS, train

_NO_MODEL = TitleModel({}, 0.0, 0.0)


def judged_as_prd(files: Sequence[GenreFile]) -> tuple[dict[str, bool], dict[str, bool]]:
    """Each file read as a PRD or not: with a fold's model, and with no model."""
    weighed: dict[str, bool] = {}
    for test in repository_folds(files, FOLDS):
        held = {file.key for file in test}
        model = train([file for file in files if file.key not in held], FOLDS - 1)
        for file in test:
            weighed[file.key] = genre(file.document, file.name, model).is_prd
    plain = {file.key: genre(file.document, file.name, _NO_MODEL).is_prd for file in files}
    return weighed, plain


def whole_document_rules_fire(files: Sequence[GenreFile], registry: Registry) -> dict[str, bool]:
    """Whether a whole-document rule fires on each file once it is taken for a PRD."""
    codes = tuple(code for code, rule in registry.rules.items() if rule.whole_document)
    fires: dict[str, bool] = {}
    for file in files:
        settings = Settings(root=file.path.parent, select=codes, prd_files=("**",))
        result = lint_document(file.document, file.name, settings, registry, file_path=file.path)
        fires[file.key] = bool(result.findings)
    return fires


def _report(
    files: Sequence[GenreFile], judged: Mapping[str, bool], fires: Mapping[str, bool], title: str
) -> float:
    others = [file for file in files if not file.is_prd]
    verdicts = [file for file in others if judged[file.key] and fires[file.key]]
    by_kind, hit = Counter(file.kind for file in others), Counter(file.kind for file in verdicts)
    print(f"{title}: {len(verdicts)} of {len(others)} other files get whole-document verdicts")
    print("   " + ", ".join(f"{kind} {hit[kind]}/{by_kind[kind]}" for kind in sorted(by_kind)))
    return 1 - len(verdicts) / len(others)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quiet", action="store_true", help="figures only, not the files")
    add_baseline_options(parser)
    options = parser.parse_args()
    if not available():
        print("genre_eval: skipped, no ../shared/nonprd (benchmarks/fetch_nonprd.py brings it)")
        return
    files = load_files()
    weighed, plain = judged_as_prd(files)
    fires = whole_document_rules_fire(files, load_registry())
    prds = [file for file in files if file.is_prd]
    spared = _report(files, weighed, fires, "with the section-title model (out of fold)")
    _report(files, plain, fires, "the plain signs alone")
    kept = [file for file in prds if weighed[file.key]]
    print(
        f"PRDs judged: {len(kept)} of {len(prds)} (the plain signs alone: {sum(plain[f.key] for f in prds)})"
    )
    if not options.quiet:
        for file in files:
            if not file.is_prd and weighed[file.key] and fires[file.key]:
                print(f"  still judged: {file.key} ({file.kind}, {file.repo})")
            if file.is_prd and plain[file.key] and not weighed[file.key]:
                print(f"  PRD turned away: {file.key} ({genre(file.document, file.name).reason})")
    guard({"other files spared": spared, "PRDs judged": len(kept) / len(prds)}, "genre", options)


if __name__ == "__main__":
    main()
