"""What a document's section titles say about what kind of document it is, weighed by a model
learned from labelled files.

Design proposals, RFCs, decision records and postmortems share many section titles with PRDs
("Background", "Motivation", "Goals", "Proposal", "Timeline"), so counting a PRD's section words
calls many of them PRDs. Their own titles give them away: "Rationale", "Abstract",
"Compatibility", "Considered options", "Root cause", "Lessons learned". Which title words
matter, and how much, is learned rather than listed: a logistic model over the words of a
file's section titles, fitted to about 320 real PRDs and 150 other Markdown files from public
docs trees (benchmarks/train_genre.py writes section_titles.json). The genre asks it only after
the plain signs (front matter, a title that says PRD, user stories) have not settled the
question, and only to say no: a file whose titles the model finds unlikely for a PRD, below the
threshold at which about 2 PRDs in 100 would be turned away, is not judged as one.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Set
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

_TELLING = 3


@dataclass(frozen=True)
class TitleModel:
    """A weight for each title word the model knows; a file's score is the intercept plus the
    weights of the words its titles hold, each word counted once."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float

    def probability(self, words: Set[str]) -> float:
        """How likely a requirements document is to have section titles with these words."""
        score = self.intercept + sum(self.weights.get(word, 0.0) for word in words)
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, score))))

    def turns_away(self, words: Set[str]) -> bool:
        return self.probability(words) < self.threshold

    def telling(self, words: Set[str]) -> list[str]:
        """The words that speak most against a requirements document, most telling first."""
        against = sorted((self.weights[word], word) for word in words if self.weights.get(word, 0.0) < 0)
        return [word for _, word in against[:_TELLING]]

    def as_data(self) -> dict[str, Any]:
        return {
            "intercept": self.intercept,
            "threshold": self.threshold,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> TitleModel:
        weights = {str(word): float(weight) for word, weight in data["weights"].items()}
        return cls(weights, float(data["intercept"]), float(data["threshold"]))


@cache
def title_model() -> TitleModel:
    """The shipped model (section_titles.json)."""
    text = files(__package__).joinpath("section_titles.json").read_text(encoding="utf-8")
    return TitleModel.from_data(json.loads(text))
