"""Trains the genre's section-title model (prdlint/document/section_titles.py) and writes it where
the engine reads it, src/prdlint/document/section_titles.json.

The model is a logistic regression over which words a file's section titles hold (each word once),
fitted to the PRDs of ../shared/corpus against the other files of ../shared/nonprd (genre_data.py),
the two classes weighed alike. Only words that occur in at least three files of at least three
repositories are learned, so a project's own name ("etcd", "Ember") is never a reason. The
threshold below which a file is turned away is chosen out of fold as the highest at which no more
than 2% of the PRDs would be: it looks at the PRDs alone, never at how the other files fare.
Reproducible: the same files give the same model.

    python benchmarks/train_genre.py [--dry-run]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from genre_data import GenreFile, available, load_files, repository_folds
from logistic import fit
from prdlint.document.section_titles import TitleModel

TARGET = Path(__file__).resolve().parents[1] / "src" / "prdlint" / "document" / "section_titles.json"
L2 = 1.0
FOLDS = 8
MIN_FILES = 3
MIN_REPOSITORIES = 3
PRDS_TURNED_AWAY = 0.02
_THRESHOLDS = [step / 100 for step in range(1, 100)]


def vocabulary(files: Sequence[GenreFile]) -> list[str]:
    """The title words of at least MIN_FILES files from at least MIN_REPOSITORIES repositories."""
    seen: dict[str, set[str]] = defaultdict(set)
    repositories: dict[str, set[str]] = defaultdict(set)
    for file in files:
        for word in file.title_words:
            seen[word].add(file.key)
            repositories[word].add(file.repo.lower())
    return sorted(w for w in seen if len(seen[w]) >= MIN_FILES and len(repositories[w]) >= MIN_REPOSITORIES)


def fit_model(files: Sequence[GenreFile], threshold: float) -> TitleModel:
    words = vocabulary(files)
    index = {word: column for column, word in enumerate(words)}
    x = np.zeros((len(files), len(words)))
    for row, file in enumerate(files):
        for word in file.title_words & index.keys():
            x[row, index[word]] = 1.0
    y = np.array([file.is_prd for file in files], dtype=float)
    prds = y.sum()
    share = np.where(y == 1.0, len(files) / (2 * prds), len(files) / (2 * (len(files) - prds)))
    coefficients = fit(x, y, L2, share)
    weights = {word: round(float(c), 6) for word, c in zip(words, coefficients[1:], strict=True)}
    return TitleModel(weights, round(float(coefficients[0]), 6), threshold)


def out_of_fold(files: Sequence[GenreFile], count: int) -> dict[str, float]:
    """Each file's probability from a model fitted without its fold."""
    probabilities: dict[str, float] = {}
    for test in repository_folds(files, count):
        held = {file.key for file in test}
        model = fit_model([file for file in files if file.key not in held], 0.0)
        for file in test:
            probabilities[file.key] = model.probability(file.title_words)
    return probabilities


def choose_threshold(files: Sequence[GenreFile], probabilities: dict[str, float]) -> float:
    """The highest threshold that turns away no more than PRDS_TURNED_AWAY of the PRDs."""
    prds = [probabilities[file.key] for file in files if file.is_prd]
    allowed = int(PRDS_TURNED_AWAY * len(prds))
    return max(t for t in [0.0, *_THRESHOLDS] if sum(p < t for p in prds) <= allowed)


def train(files: Sequence[GenreFile], count: int) -> TitleModel:
    """The model fitted on every file, its threshold chosen out of fold."""
    return fit_model(files, choose_threshold(files, out_of_fold(files, count)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="train and describe, but write nothing")
    options = parser.parse_args()
    if not available():
        raise SystemExit("no PRD corpus or other files under ../shared: set PRDLINT_SHARED (fetch_nonprd.py)")
    files = load_files()
    model = train(files, FOLDS)
    ranked = sorted(model.weights.items(), key=lambda item: item[1])
    print(f"{len(model.weights)} words, threshold {model.threshold:.2f}")
    print("against a PRD:", ", ".join(f"{w} {v:+.2f}" for w, v in ranked[:15]))
    print("for a PRD:    ", ", ".join(f"{w} {v:+.2f}" for w, v in ranked[::-1][:15]))
    if options.dry_run:
        return
    TARGET.write_text(json.dumps(model.as_data(), indent=1) + "\n", encoding="utf-8")
    print(f"written: {TARGET}")


if __name__ == "__main__":
    main()
