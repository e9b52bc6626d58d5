"""prdlint's judgement against careful readers, out of fold, on every labelled PRD in ../shared/corpus.

The whole-document verdicts (no-customer, no-users, no-operational-users,
customer-needs-without-purchase-factors, no-decision-maker) are measured on all the labelled PRDs
(prd-labelled 60, prd-reviewed 48, prd-pool 200; labelled.py), each rule against what its rubric
field says. A verdict weighed by a learned model (verdicts.json) is measured out of fold: the
documents are dealt into folds by repository, and each fold is linted with models fitted on the
other folds only (their thresholds chosen out of fold within those), so no document is judged by
a model that saw it. Beside each rule's figures: the hand-written rule alone (the reading without
any model), the rules that never fire and always fire, and the two readers' own agreement, the
ceiling. prd-pool was read by no one writing the reading: its figures are the honest ones.

The reading's details (stories, roles, conflation places, metric-without-target) are measured on
prd-labelled, whose labels hold them (reading_details.py). Every figure is held to
benchmarks/baselines/judgement.json: `--check` exits 1 when one drops.

    python benchmarks/judgement_eval.py [--check] [--quiet] [--without COLLECTOR]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from _harness import add_baseline_options, guard
from labelled import (
    DOCUMENT_RULES,
    SETS,
    Confusion,
    LabelledDocument,
    folds,
    load,
    reader_agreement,
    require,
)
from prdlint.document import parse_document
from prdlint.engine import lint_document
from prdlint.registry import Registry, load_registry
from prdlint.settings import Settings
from prdlint_rules.stakeholders.reading import STAKEHOLDERS
from prdlint_rules.stakeholders.reading.collectors import COLLECTOR_NAMES
from prdlint_rules.stakeholders.reading.stage import stakeholders_stage
from prdlint_rules.stakeholders.verdicts import VerdictModel, models_in_use, shipped_models
from reading_details import detail_figures
from verdict_models import FOLDS, feature_rows, fold_models

ALL = "all"


def fired_rules(
    documents: Iterable[LabelledDocument], registry: Registry, models: Mapping[str, VerdictModel]
) -> dict[str, set[str]]:
    """The document-level rules that fire on each document, its verdicts weighed with `models`."""
    fired: dict[str, set[str]] = {}
    with models_in_use(models):
        for document in documents:
            settings = Settings(root=document.path.parent, select=tuple(DOCUMENT_RULES))
            findings = lint_document(
                parse_document(document.text), document.path.name, settings, registry, file_path=document.path
            ).findings
            fired[document.key] = {finding.code for finding in findings}
    return fired


def out_of_fold(
    documents: list[LabelledDocument], registry: Registry, learned: Iterable[str]
) -> dict[str, set[str]]:
    """Each document's fired rules, its learned verdicts weighed by models fitted without its fold."""
    codes = sorted(learned)
    rows = feature_rows(documents, registry) if codes else {}
    fired: dict[str, set[str]] = {}
    for test in folds(documents, FOLDS):
        held = {document.key for document in test}
        train = [document for document in documents if document.key not in held]
        fired |= fired_rules(test, registry, fold_models(codes, train, rows))
    return fired


def confusions(
    documents: Iterable[LabelledDocument], fired: Mapping[str, set[str]]
) -> dict[tuple[str, str], Confusion]:
    table: dict[tuple[str, str], Confusion] = defaultdict(Confusion)
    for document in documents:
        for code, expected in document.expected().items():
            for where in (document.set, ALL):
                table[(where, code)].add(code in fired[document.key], expected, document.key)
    return table


def _row(name: str, c: Confusion) -> str:
    return (
        f"    {name:<22} kappa {c.kappa:5.2f}  P {c.precision:4.2f}  R {c.recall:4.2f}"
        f"  agree {c.agreement:4.2f}  (n {c.total}, should fire {c.tp + c.fn})"
    )


def report(
    hand: Mapping[tuple[str, str], Confusion],
    learned: Mapping[tuple[str, str], Confusion],
    codes: Iterable[str],
) -> None:
    for code in DOCUMENT_RULES:
        readers = reader_agreement(code)
        ceiling = f"; the readers agree at kappa {readers.kappa:.2f} (n {readers.total})" if readers else ""
        print(f"\n{code} {DOCUMENT_RULES[code]}{ceiling}")
        for where in (*SETS, ALL):
            if (where, code) not in hand:
                continue
            print(f"  {where}")
            shown = hand[(where, code)]
            print(_row("hand-written rule", shown))
            if code in codes:
                print(_row("learned weighing (OOF)", learned[(where, code)]))
            print(_row("never fires", shown.never_fire()))
            print(_row("always fires", shown.always_fire()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--without", action="append", default=[], choices=COLLECTOR_NAMES)
    parser.add_argument("--quiet", action="store_true", help="figures only, no disagreements")
    add_baseline_options(parser)
    options = parser.parse_args()
    require("prd-labelled/labels")
    registry = load_registry()
    if options.without:
        # The stakeholders stage with those collectors switched off: a stage of its own.
        stages = {**registry.stages, STAKEHOLDERS: stakeholders_stage(without=options.without)}
        registry = replace(registry, stages=stages)
    documents = load()
    learned = sorted(shipped_models())
    hand = confusions(documents, fired_rules(documents, registry, {}))
    weighed = confusions(documents, out_of_fold(documents, registry, learned)) if learned else hand
    details = detail_figures(registry)
    if not options.quiet:
        for code in DOCUMENT_RULES:
            print(f"\n== {code}: {'learned weighing (OOF)' if code in learned else 'hand-written rule'}")
            print("\n".join(weighed[(ALL, code)].wrong))
        print("\n== the reading's details on prd-labelled")
        print("\n".join(details.disagreements))
    print(f"\n{len(documents)} labelled documents; learned weighing for {', '.join(learned) or 'no verdict'}")
    report(hand, weighed, learned)
    figures: dict[str, float] = {}
    for code, name in DOCUMENT_RULES.items():
        shipped = weighed[(ALL, code)]
        figures[f"{code} {name} kappa"] = shipped.kappa
        figures[f"{code} {name} precision"] = shipped.precision
        figures[f"{code} {name} kappa on prd-pool"] = weighed[("prd-pool", code)].kappa
    figures |= details.figures()
    if options.without:
        for key, value in figures.items():
            print(f"  {key:<52} {value:.3f}")
        return
    guard(figures, "judgement", options)


if __name__ == "__main__":
    main()
