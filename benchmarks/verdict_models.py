"""Learning how sure a whole-document stakeholder verdict is, from the labelled PRDs.

For each verdict (no-customer, no-operational-users, customer-needs-without-purchase-factors,
no-decision-maker), a logistic model over the reading's features (prdlint_rules.stakeholders.
verdicts.features) is fitted to what the readers said, on the documents the verdict applies to;
the threshold from which the rule reports is chosen out of fold, as the one with the highest
kappa among those whose precision is at least 0.8 (none such: the rule never reports from the
model). The fitting is logistic.py's: the same data give the same model on every machine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from labelled import Confusion, LabelledDocument, folds
from logistic import fit
from prdlint.analysis import analyse
from prdlint.document import parse_document
from prdlint.language.model import STORIES
from prdlint.registry import Registry
from prdlint.settings import Settings
from prdlint_rules.stakeholders.reading import STAKEHOLDERS
from prdlint_rules.stakeholders.verdicts import (
    NO_CUSTOMER,
    NO_DECISION_MAKER,
    NO_OPERATIONAL_USERS,
    NO_PURCHASE_FACTORS,
    VerdictModel,
    features,
)

MIN_PRECISION = 0.8
L2 = 10.0
FOLDS = 5
_INNER_FOLDS = 4
_THRESHOLDS = [step / 100 for step in range(5, 100)]


# The verdicts a model is trained for; what the readers said of each, and on which documents it
# is asked at all, is the rubric's (LabelledDocument.expected).
LEARNABLE = (NO_CUSTOMER, NO_OPERATIONAL_USERS, NO_PURCHASE_FACTORS, NO_DECISION_MAKER)


def feature_rows(documents: Sequence[LabelledDocument], registry: Registry) -> dict[str, dict[str, float]]:
    """Each labelled document's features, as the stakeholders stage reads it."""
    rows: dict[str, dict[str, float]] = {}
    for document in documents:
        settings = Settings(root=document.path.parent)
        run = analyse(
            parse_document(document.text),
            settings,
            registry.stages,
            registry.vocabularies,
            [STAKEHOLDERS],
            path=document.path,
        )
        if run.failures:
            raise SystemExit(f"{document.key}: the analysis failed: {run.failures}")
        cast = run.analysis.result(STAKEHOLDERS)
        rows[document.key] = features(cast, run.analysis.result(STORIES), len(document.text.split()))
    return rows


def _matrix(rows: Sequence[Mapping[str, float]], names: Sequence[str]) -> np.ndarray:
    return np.array([[row[name] for name in names] for row in rows], dtype=float)


def _model(rows: Sequence[Mapping[str, float]], truth: Sequence[bool], threshold: float) -> VerdictModel:
    names = tuple(sorted(rows[0]))
    x = _matrix(rows, names)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    weights = fit((x - mean) / scale, np.array(truth, dtype=float), L2)
    return VerdictModel(
        names,
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in weights[1:]),
        float(weights[0]),
        threshold,
    )


def choose_threshold(probabilities: Sequence[float], truth: Sequence[bool]) -> float:
    """The threshold with the highest kappa among those reaching the precision asked for; above
    every probability (the model never reports) where none does."""
    best: tuple[float, float] | None = None
    for threshold in _THRESHOLDS:
        confusion = Confusion()
        for probability, expected in zip(probabilities, truth, strict=True):
            confusion.add(probability >= threshold, expected)
        if (
            confusion.tp
            and confusion.precision >= MIN_PRECISION
            and (best is None or confusion.kappa > best[0])
        ):
            best = (confusion.kappa, threshold)
    return best[1] if best is not None else 1.01


def _applicable(code: str, documents: Sequence[LabelledDocument]) -> list[LabelledDocument]:
    return [d for d in documents if code in d.expected()]


def _truth(code: str, documents: Sequence[LabelledDocument]) -> list[bool]:
    return [d.expected()[code] for d in documents]


def out_of_fold(
    code: str, documents: Sequence[LabelledDocument], rows: Mapping[str, Mapping[str, float]], count: int
) -> dict[str, float]:
    """Each applicable document's probability from a model fitted without its fold."""
    probabilities: dict[str, float] = {}
    for test in folds(list(documents), count):
        held = {d.key for d in test}
        train = [d for d in _applicable(code, documents) if d.key not in held]
        model = _model([rows[d.key] for d in train], _truth(code, train), 1.0)
        for document in _applicable(code, test):
            probabilities[document.key] = model.probability(rows[document.key])
    return probabilities


def train(
    code: str, documents: Sequence[LabelledDocument], rows: Mapping[str, Mapping[str, float]], count: int
) -> VerdictModel:
    """The model fitted on every applicable document, with its threshold chosen out of fold."""
    applicable = _applicable(code, documents)
    probabilities = out_of_fold(code, applicable, rows, count)
    truth = _truth(code, applicable)
    threshold = choose_threshold([probabilities[d.key] for d in applicable], truth)
    return _model([rows[d.key] for d in applicable], truth, threshold)


def fold_models(
    codes: Sequence[str], train_documents: Sequence[LabelledDocument], rows: Mapping[str, Mapping[str, float]]
) -> dict[str, VerdictModel]:
    """The models of one outer fold: fitted on its training documents, thresholds chosen out of
    fold within them."""
    return {code: train(code, train_documents, rows, _INNER_FOLDS) for code in codes}
