"""The learned weighing of whole-document verdicts: the shipped models read the features the
reading gives, a verdict without a model is the hand-written rule's, and a model in use decides
whether its rule reports."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from prdlint.analysis import analyse
from prdlint.api import STORIES
from prdlint.document import parse_document
from prdlint.engine import lint_document
from prdlint.registry import load_registry
from prdlint.settings import Settings
from prdlint_rules.stakeholders.reading import STAKEHOLDERS
from prdlint_rules.stakeholders.verdicts import (
    NO_DECISION_MAKER,
    VerdictModel,
    features,
    models_in_use,
    shipped_models,
)

SOLD_TO_CLINICS = """\
# Chartwell: notes for physiotherapy clinics

B2B software for physiotherapy clinics, sold to clinic groups on an annual contract per seat.

## Users

- **Physiotherapists** write session notes from a template.
- **Receptionists** book sessions and send reminders.
- **Admins** on our side migrate each clinic's old records.
"""


def _codes(text: str) -> set[str]:
    settings = Settings(root=Path.cwd(), select=("PRD107",))
    result = lint_document(parse_document(text), "clinic.md", settings, load_registry())
    return {finding.code for finding in result.findings}


def _constant(probability_above_zero: bool, threshold: float = 0.5) -> VerdictModel:
    """A model that gives every document the same probability: 0.88 or 0.12."""
    names = tuple(sorted(_feature_names()))
    zeros = tuple(0.0 for _ in names)
    return VerdictModel(
        names, zeros, tuple(1.0 for _ in names), zeros, 2.0 if probability_above_zero else -2.0, threshold
    )


def _feature_names() -> list[str]:
    model = shipped_models().get(NO_DECISION_MAKER)
    assert model is not None, "no-decision-maker is weighed by a learned model (verdicts.json)"
    return list(model.features)


def test_every_shipped_model_reads_exactly_the_features_the_reading_gives() -> None:
    registry = load_registry()
    run = analyse(
        parse_document(SOLD_TO_CLINICS),
        Settings(root=Path.cwd()),
        registry.stages,
        registry.vocabularies,
        [STAKEHOLDERS],
    )
    given = set(features(run.analysis.result(STAKEHOLDERS), run.analysis.result(STORIES), 1))
    assert shipped_models(), "verdicts.json holds at least one model"
    for code, model in shipped_models().items():
        assert set(model.features) == given, code


def test_a_model_survives_being_written_and_read_back() -> None:
    model = shipped_models()[NO_DECISION_MAKER]
    assert VerdictModel.from_data(model.as_data()) == model


@pytest.mark.parametrize(("sure", "expected"), [(True, {"PRD107"}), (False, set())])
def test_the_model_in_use_decides_whether_the_rule_reports(sure: bool, expected: set[str]) -> None:
    with models_in_use({NO_DECISION_MAKER: _constant(sure)}):
        assert _codes(SOLD_TO_CLINICS) == expected


def test_a_model_does_not_report_what_the_reading_has_nothing_to_cite_for() -> None:
    # No organisation is said to buy: the rule has no line to quote, so a sure model stays silent.
    with models_in_use({NO_DECISION_MAKER: _constant(True)}):
        assert _codes("# Notes\n\nA diary app that people write in.\n") == set()


def test_without_a_model_the_hand_written_rule_decides() -> None:
    # The hand-written rule asks for a payer before it asks for a decider.
    paying = SOLD_TO_CLINICS + "\n## Pricing\n\nClinics pay $12 per seat per month.\n"
    deciding = paying + "\nEach clinic's owner decides to buy Chartwell and signs the contract.\n"
    with models_in_use({}):
        assert _codes(SOLD_TO_CLINICS) == set()
        assert _codes(paying) == {"PRD107"}
        assert _codes(deciding) == set()


def test_the_shipped_model_is_sure_of_a_plain_case() -> None:
    assert _codes(SOLD_TO_CLINICS) == {"PRD107"}


def test_probability_is_the_logistic_of_the_standardised_score() -> None:
    model = VerdictModel(("a", "b"), (1.0, 0.0), (2.0, 1.0), (1.0, -1.0), 0.5, 0.5)
    score = 0.5 + 1.0 * (3.0 - 1.0) / 2.0 - 1.0 * 1.0
    assert model.probability({"a": 3.0, "b": 1.0}) == pytest.approx(1 / (1 + math.exp(-score)))
    assert model.sure({"a": 3.0, "b": 1.0}) is (model.probability({"a": 3.0, "b": 1.0}) >= 0.5)
