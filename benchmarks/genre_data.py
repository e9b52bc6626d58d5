"""The files the genre's section-title model learns from and is measured on: the PRDs of
../shared/corpus (labelled and unlabelled alike) and a set of other Markdown files from public
docs trees (decision records, RFCs, design documents, postmortems, meeting notes, guides,
READMEs, changelogs, roadmaps) in ../shared/nonprd.

The other files are named in benchmarks/data/nonprd.tsv (repository, path, commit, kind); their
text is read from ../shared/nonprd/docs/<id>.md, never copied in. Folds are by repository: a
fold's other files all come from repositories no other fold has, so a model is measured on the
kinds of docs tree it was not fitted to.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePath

from _harness import SHARED
from labelled import CORPUS
from prdlint.document import Document, parse_document
from prdlint.text.headings import title_words

NONPRD = SHARED / "nonprd"
MANIFEST = Path(__file__).resolve().parent / "data" / "nonprd.tsv"
PRD_SETS = ("prd-labelled", "prd-reviewed", "prd-pool", "prd-dev")


@dataclass(frozen=True)
class GenreFile:
    """One file, whether it is a PRD, and the repository that holds it."""

    key: str
    repo: str
    path: Path
    name: str
    is_prd: bool
    kind: str

    @cached_property
    def document(self) -> Document:
        return parse_document(self.path.read_text(encoding="utf-8", errors="replace"))

    @cached_property
    def title_words(self) -> frozenset[str]:
        return frozenset(word for section in self.document.sections for word in title_words(section.title))


def _manifest(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def load_files() -> list[GenreFile]:
    """Every PRD of the corpus and every other file of the set, PRDs first."""
    files: list[GenreFile] = []
    for name in PRD_SETS:
        folder = CORPUS / name
        for row in _manifest(folder / "MANIFEST.tsv"):
            # prd-dev keeps its files at the top of its folder, the labelled sets under docs/.
            path = folder / "docs" / f"{row['id']}.md"
            if not path.is_file():
                path = folder / f"{row['id']}.md"
            files.append(
                GenreFile(f"{name}/{row['id']}", row["repo"], path, PurePath(row["path"]).name, True, "prd")
            )
    for row in _manifest(MANIFEST):
        path = NONPRD / "docs" / f"{row['id']}.md"
        files.append(
            GenreFile(
                f"nonprd/{row['id']}", row["repo"], path, PurePath(row["path"]).name, False, row["kind"]
            )
        )
    return files


def available() -> bool:
    return (NONPRD / "docs").is_dir() and (CORPUS / "prd-pool" / "docs").is_dir()


def repository_folds(files: Sequence[GenreFile], count: int) -> list[list[GenreFile]]:
    """`count` folds by repository, dealt round a sorted order of the other files' repositories
    and, separately, of the PRDs' (every PRD has a repository of its own)."""
    dealt: list[list[GenreFile]] = [[] for _ in range(count)]
    for is_prd in (False, True):
        repos = sorted({file.repo.lower() for file in files if file.is_prd is is_prd})
        fold_of = {repo: index % count for index, repo in enumerate(repos)}
        for file in files:
            if file.is_prd is is_prd:
                dealt[fold_of[file.repo.lower()]].append(file)
    return dealt
