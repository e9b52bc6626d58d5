"""The labelled PRDs of ../shared/corpus, read as the judgement evaluations read them.

Three sets, each document labelled by two careful readers and settled (prd-labelled/RUBRIC.md):
prd-labelled (60), prd-reviewed (48) and prd-pool (200, with the evidence lines each verdict rests
on). Every document comes from a repository of its own (MANIFEST.tsv), so folds by repository are
folds by document. The text is read from ../shared, never copied in.

What a document-level rule should do on a document follows the rubric's table ("Which rule each
field speaks for"); a verdict the settlement found either way defensible (`unscored`) is left out.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from _harness import SHARED

CORPUS = SHARED / "corpus"
SETS = ("prd-labelled", "prd-reviewed", "prd-pool")
# Verdicts the README of prd-reviewed leaves out of scoring: either reading is defensible.
_REVIEWED_UNSCORED = {"019": {"PRD101"}, "020": {"PRD102"}, "008": {"PRD103"}, "027": {"PRD103"}}
DOCUMENT_RULES = {
    "PRD101": "no-customer",
    "PRD102": "no-users",
    "PRD103": "no-operational-users",
    "PRD105": "customer-needs-without-purchase-factors",
    "PRD107": "no-decision-maker",
}


def should_fire(label: dict[str, Any]) -> dict[str, bool | None]:
    """Which document-level rules the labels say should fire; None where the measurements ask
    nothing: no-operational-users where no users are identified, purchase factors and the decision
    maker where no customer is."""
    customers, users = bool(label["customers_identified"]), bool(label["users_identified"])
    return {
        "PRD101": not customers,
        "PRD102": not users,
        "PRD103": (not label["operational_users_identified"]) if users else None,
        "PRD105": (label["pricing_considered"] is False) if customers else None,
        "PRD107": (bool(label["b2b"]) and label["dmu_identified"] is False) if customers else None,
    }


@dataclass(frozen=True)
class LabelledDocument:
    set: str
    id: str
    repo: str
    path: Path
    label: dict[str, Any]
    unscored: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return f"{self.set}/{self.id}"

    @cached_property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def expected(self) -> dict[str, bool]:
        """What each document-level rule should do here, the unscored and unasked left out."""
        return {
            code: fire
            for code, fire in should_fire(self.label).items()
            if fire is not None and code not in self.unscored
        }


def _repositories(folder: Path) -> dict[str, str]:
    with (folder / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        return {row["id"]: row["repo"] for row in csv.DictReader(handle, delimiter="\t")}


def require(folder: str) -> None:
    """Ends the run with a clear error where ../shared/corpus lacks `folder` ("prd-pool/labels")."""
    if not (CORPUS / folder).is_dir():
        raise SystemExit(f"no {folder} in the corpus at {CORPUS}: set PRDLINT_SHARED to the shared folder")


def load(sets: Iterable[str] = SETS) -> list[LabelledDocument]:
    """Every labelled document of the sets named, in set then id order."""
    documents: list[LabelledDocument] = []
    for name in sets:
        folder = CORPUS / name
        repos = _repositories(folder)
        for path in sorted((folder / "labels").glob("*.json")):
            label = json.loads(path.read_text(encoding="utf-8"))
            doc_id = path.stem
            unscored = set(label.get("unscored") or ())
            if name == "prd-reviewed":
                unscored |= _REVIEWED_UNSCORED.get(doc_id, set())
            documents.append(
                LabelledDocument(
                    name, doc_id, repos[doc_id], folder / "docs" / f"{doc_id}.md", label, frozenset(unscored)
                )
            )
    return documents


def folds(documents: list[LabelledDocument], count: int) -> list[list[LabelledDocument]]:
    """`count` folds, by repository: every document of a repository in one fold, the repositories
    dealt round a sorted order so that a fold is the same every run."""
    repos = sorted({document.repo.lower() for document in documents})
    fold_of = {repo: index % count for index, repo in enumerate(repos)}
    dealt: list[list[LabelledDocument]] = [[] for _ in range(count)]
    for document in documents:
        dealt[fold_of[document.repo.lower()]].append(document)
    return dealt


@dataclass
class Confusion:
    """Fired or not, against should or should not: a rule's agreement with the readers."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, fired: bool, expected: bool, where: str = "") -> None:
        if fired and expected:
            self.tp += 1
        elif fired:
            self.fp += 1
            self.wrong.append(f"{where} fired, readers say no")
        elif expected:
            self.fn += 1
            self.wrong.append(f"{where} silent, readers say it should fire")
        else:
            self.tn += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def agreement(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 1.0

    @property
    def kappa(self) -> float:
        return kappa(self.tp, self.fp, self.fn, self.tn)

    def never_fire(self) -> Confusion:
        """What a rule that never fires would score on the same documents."""
        return Confusion(0, 0, self.tp + self.fn, self.fp + self.tn)

    def always_fire(self) -> Confusion:
        return Confusion(self.tp + self.fn, self.fp + self.tn, 0, 0)


def kappa(tp: int, fp: int, fn: int, tn: int) -> float:
    """Cohen's kappa of two binary raters: the rule and the readers."""
    total = tp + fp + fn + tn
    if not total:
        return 1.0
    observed = (tp + tn) / total
    fired, expected = (tp + fp) / total, (tp + fn) / total
    chance = fired * expected + (1 - fired) * (1 - expected)
    return 1.0 if math.isclose(chance, 1.0) else (observed - chance) / (1 - chance)


def reader_agreement(code: str) -> Confusion | None:
    """How the two readers' blind labels agree on a rule's verdict (prd-pool's labels_a and
    labels_b, prd-labelled's first settled and second blind labels): the ceiling a reading can be
    held to."""
    agree = Confusion()
    for first_folder, second_folder, folder in (
        ("labels_a", "labels_b", CORPUS / "prd-pool"),
        ("labels", "labels_b", CORPUS / "prd-labelled"),
    ):
        for path in sorted((folder / first_folder).glob("*.json")):
            other = folder / second_folder / path.name
            if not other.is_file():
                continue
            first = should_fire(json.loads(path.read_text(encoding="utf-8"))).get(code)
            second = should_fire(json.loads(other.read_text(encoding="utf-8"))).get(code)
            if first is not None and second is not None:
                agree.add(second, first)
    return agree if agree.total else None


def iterate_expected(documents: Iterable[LabelledDocument]) -> Iterator[tuple[LabelledDocument, str, bool]]:
    for document in documents:
        for code, expected in document.expected().items():
            yield document, code, expected
