"""How sure a whole-document stakeholder verdict is, and whether it is sure enough to report.

The reading collects evidence (roles and what they do, business signals, what the product is);
a verdict weighs it. For a verdict whose measurement chose it (see verdicts.json), the weighing is
a logistic model learned from about 300 PRDs two readers labelled: the features below, each
standardised, a weight each, giving the probability that the readers would give the verdict. A
rule reports only when that probability reaches the threshold chosen out of fold for a precision
of at least 0.8: a wrong "nobody pays" costs its reader more than a missed one. Where the
measurement found the learned weighing no better than the hand-written rule, the rule decides
alone and this module is not asked.

The models are data (verdicts.json, written by benchmarks/train_verdicts.py); an evaluation
swaps in the models of a fold with `models_in_use`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from prdlint.api import RuleContext, Story
from prdlint_rules.stakeholders.common import names_a_payer, sold_to_organisations
from prdlint_rules.stakeholders.reading import reading
from prdlint_rules.stakeholders.reading.classes import BOTH, CUSTOMER, MANAGEMENT, OPERATIONAL
from prdlint_rules.stakeholders.reading.model import Rank, StakeholderReading
from prdlint_rules.stakeholders.reading.signals import (
    FUNDING,
    NO_ACCOUNTS,
    NO_BACKEND,
    ORGANISATIONS,
    PERSONAL_USE,
    PRICE,
    PURCHASE_FACTORS,
    USERS_ARE_CUSTOMERS,
    USERS_PAY,
)

# The verdicts a model may weigh, by the rule that reports each.
NO_CUSTOMER, NO_OPERATIONAL_USERS = "PRD101", "PRD103"
NO_PURCHASE_FACTORS, NO_DECISION_MAKER = "PRD105", "PRD107"
CONTEXTS = (
    "commercial-b2b",
    "commercial-b2c",
    "marketplace",
    "internal",
    "open-source",
    "public-sector",
    "nonprofit",
    "personal-or-demo",
    "unclear",
)
_SIGNALS = (
    PRICE,
    PURCHASE_FACTORS,
    USERS_PAY,
    FUNDING,
    ORGANISATIONS,
    PERSONAL_USE,
    NO_ACCOUNTS,
    NO_BACKEND,
    USERS_ARE_CUSTOMERS,
)
_PAYING = (CUSTOMER, BOTH)


def features(cast: StakeholderReading, stories: Sequence[Story], words: int) -> dict[str, float]:
    """What a verdict is weighed on: counts are taken as log(1 + n), so a tenth customer role
    says little more than a second."""
    roles = list(cast.stakeholders.roles.values())
    customers = [role for role in roles if role.is_customer]
    users = [role for role in roles if role.is_user]
    operational = [role for role in users if OPERATIONAL in role.kinds]
    counts = {
        "customers": len(customers),
        "customers declared": sum(
            any(e.rank <= Rank.GLOSSARY and e.cls in _PAYING for e in role.evidence) for role in customers
        ),
        "customers shown paying": sum(
            any(e.rank == Rank.ACTION and e.cls in _PAYING for e in role.evidence) for role in customers
        ),
        "users": len(users),
        "operational users": len(operational),
        "operational users acting": sum(role.acts_in_product for role in operational),
        "operational work shown": sum(
            any(e.kind == OPERATIONAL and e.rank in (Rank.ACTION, Rank.STORY) for e in role.evidence)
            for role in users
        ),
        "management users": sum(MANAGEMENT in role.kinds for role in users),
        "deciders": sum(role.decider for role in roles),
        "revenue streams": len(cast.business.revenue_categories()),
        "stories": len(stories),
        "words": words,
    }
    found = {name: math.log1p(count) for name, count in counts.items()}
    found["names a payer"] = float(names_a_payer(cast))
    found["sold to organisations"] = float(sold_to_organisations(cast) is not None)
    found["template"] = float(cast.stakeholders.is_template)
    found |= {f"context {kind}": float(cast.product.kind == kind) for kind in CONTEXTS}
    for category in _SIGNALS:
        found[f"{category} stated"] = math.log1p(len(cast.business.stated(category)))
        found[f"{category} mentioned"] = math.log1p(len(cast.business.mentioned(category)))
    return found


@dataclass(frozen=True)
class VerdictModel:
    """A logistic model of one verdict over standardised features, and the probability from
    which the rule reports."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, values: Mapping[str, float]) -> float:
        score = self.intercept + sum(
            weight * (values[name] - mean) / scale
            for name, mean, scale, weight in zip(
                self.features, self.mean, self.scale, self.weights, strict=True
            )
        )
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, score))))

    def sure(self, values: Mapping[str, float]) -> bool:
        return self.probability(values) >= self.threshold

    def as_data(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "intercept": self.intercept,
            "threshold": self.threshold,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> VerdictModel:
        return cls(
            tuple(data["features"]),
            tuple(data["mean"]),
            tuple(data["scale"]),
            tuple(data["weights"]),
            float(data["intercept"]),
            float(data["threshold"]),
        )


@cache
def shipped_models() -> dict[str, VerdictModel]:
    """The models verdicts.json holds: those the measurement chose."""
    data = json.loads(files(__package__).joinpath("verdicts.json").read_text(encoding="utf-8"))
    return {code: VerdictModel.from_data(model) for code, model in data["models"].items()}


_in_use: ContextVar[Mapping[str, VerdictModel] | None] = ContextVar("prdlint_verdict_models", default=None)


@contextmanager
def models_in_use(models: Mapping[str, VerdictModel]) -> Iterator[None]:
    """The verdicts weighed with these models inside the block (an evaluation's fold models)."""
    token = _in_use.set(models)
    try:
        yield
    finally:
        _in_use.reset(token)


def model_for(code: str) -> VerdictModel | None:
    """The model that weighs a rule's verdict, or None where the rule decides alone."""
    models = _in_use.get()
    return (models if models is not None else shipped_models()).get(code)


def decided(code: str, context: RuleContext, *, hand: bool) -> bool:
    """Whether a rule reports its verdict on this document: where a model weighs the verdict, when
    the model is sure enough; elsewhere as the hand-written rule says (`hand`)."""
    model = model_for(code)
    if model is None:
        return hand
    values = features(reading(context), context.analysis.stories, len(context.document.source.split()))
    return model.sure(values)
