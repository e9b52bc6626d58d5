"""Trains the learned weighing of the whole-document stakeholder verdicts and writes it where the
stakeholder pack reads it (rules/prdlint_rules/stakeholders/verdicts.json).

For each verdict the measurement chooses: the model weighed out of fold (judgement_eval.py's
folds, thresholds chosen within each fold's training documents) against the hand-written rule on
the same labelled documents. A model is kept where its precision reaches 0.8 and it beats the
rule's kappa, or the rule's precision falls short of 0.8; the kept models are then fitted on every
labelled document, their thresholds chosen out of fold. Reproducible: the same corpus and reading
give the same file.

    python benchmarks/train_verdicts.py [--dry-run]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from judgement_eval import ALL, confusions, fired_rules, out_of_fold
from labelled import DOCUMENT_RULES, Confusion, load, require
from prdlint.registry import load_registry
from verdict_models import FOLDS, LEARNABLE, MIN_PRECISION, feature_rows, train

TARGET = Path(__file__).resolve().parents[1] / "rules" / "prdlint_rules" / "stakeholders" / "verdicts.json"


def _figures(confusion: Confusion) -> str:
    return f"kappa {confusion.kappa:.2f} P {confusion.precision:.2f} R {confusion.recall:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="measure and choose, but write nothing")
    options = parser.parse_args()
    require("prd-pool/labels")
    registry = load_registry()
    documents = load()
    codes = sorted(LEARNABLE)
    hand = confusions(documents, fired_rules(documents, registry, {}))
    learned = confusions(documents, out_of_fold(documents, registry, codes))
    chosen: list[str] = []
    figures: dict[str, dict[str, float]] = {}
    for code in codes:
        rule, model = hand[(ALL, code)], learned[(ALL, code)]
        keep = model.precision >= MIN_PRECISION and (
            rule.precision < MIN_PRECISION or model.kappa > rule.kappa
        )
        print(
            f"{code} {DOCUMENT_RULES[code]}: hand {_figures(rule)}; learned (OOF) {_figures(model)}"
            f" -> {'learned' if keep else 'hand-written'}"
        )
        figures[code] = {
            "hand kappa": round(rule.kappa, 3),
            "hand precision": round(rule.precision, 3),
            "learned kappa (out of fold)": round(model.kappa, 3),
            "learned precision (out of fold)": round(model.precision, 3),
            "learned recall (out of fold)": round(model.recall, 3),
        }
        if keep:
            chosen.append(code)
    if options.dry_run:
        return
    rows = feature_rows(documents, registry)
    models = {code: train(code, documents, rows, FOLDS).as_data() for code in chosen}
    data = {
        "about": (
            "The learned weighing of whole-document verdicts, written by benchmarks/train_verdicts.py "
            f"from {len(documents)} labelled PRDs; a verdict absent from `models` is decided by its "
            "hand-written rule alone, as the measurement chose."
        ),
        "measured": figures,
        "models": models,
    }
    TARGET.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"written: {TARGET} ({', '.join(chosen) or 'no model kept'})")


if __name__ == "__main__":
    main()
