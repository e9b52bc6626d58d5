"""Whether the stakeholder reading holds when the same fact is said another way.

Two suites of short invented PRDs (benchmarks/data/paraphrases-*.toml), each document carrying
one statement of who pays or funds the product, who decides to buy it, who operates it, or what
it costs, in one of a dozen structures (passive, relative clause, a table with a "Pays" column,
coordinated subjects, a fronted clause, a possessive, a label, a nominalisation, an idiom), or a
near miss that looks like one and is not (users paying invoices through an internal tool, an
"Operations Manager" who only reads a dashboard). Each case asks the reading one question:

- customer: does it find someone who pays for or funds the product (no-customer's question)?
- decider: does it find someone who decides to buy it (no-decision-maker's)?
- operational: does it find an operational user doing that work in the product
  (no-operational-users')?
- pricing: does it find price or purchase factors (customer-needs-without-purchase-factors')?

The dev suite is the one the reading may be fitted to; the holdout suite was written apart from
the reading and is never read while changing it: its figure is the honest one. Figures are held
to benchmarks/baselines/paraphrases.json.

    python benchmarks/paraphrase_eval.py [--check] [--quiet]
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from _harness import add_baseline_options, guard
from prdlint.analysis import analyse
from prdlint.document import parse_document
from prdlint.registry import Registry, load_registry
from prdlint.settings import Settings
from prdlint_rules.stakeholders.common import names_a_payer
from prdlint_rules.stakeholders.reading import STAKEHOLDERS
from prdlint_rules.stakeholders.reading.classes import OPERATIONAL
from prdlint_rules.stakeholders.reading.model import StakeholderReading
from prdlint_rules.stakeholders.reading.signals import PRICE, PURCHASE_FACTORS, USERS_PAY

DATA = Path(__file__).resolve().parent / "data"
SUITES = ("dev", "holdout")


def _decider(cast: StakeholderReading) -> bool:
    return any(role.decider for role in cast.stakeholders.roles.values())


def _operational(cast: StakeholderReading) -> bool:
    roles = cast.stakeholders.roles.values()
    return any(role.is_user and OPERATIONAL in role.kinds and role.acts_in_product for role in roles)


def _pricing(cast: StakeholderReading) -> bool:
    return any(cast.business.mentioned(category) for category in (PURCHASE_FACTORS, PRICE, USERS_PAY))


QUESTIONS: dict[str, Callable[[StakeholderReading], bool]] = {
    "customer": names_a_payer,
    "decider": _decider,
    "operational": _operational,
    "pricing": _pricing,
}


def read(text: str, registry: Registry) -> StakeholderReading:
    settings = Settings(root=DATA)
    run = analyse(parse_document(text), settings, registry.stages, registry.vocabularies, [STAKEHOLDERS])
    return run.analysis.result(STAKEHOLDERS)


def evaluate(suite: str, registry: Registry, quiet: bool) -> float:
    cases = tomllib.loads((DATA / f"paraphrases-{suite}.toml").read_text(encoding="utf-8"))["case"]
    right, total = Counter[tuple[str, bool]](), Counter[tuple[str, bool]]()
    wrong: list[str] = []
    for case in cases:
        key = (case["verdict"], case["expected"])
        found = QUESTIONS[case["verdict"]](read(case["document"], registry))
        total[key] += 1
        right[key] += found == case["expected"]
        if found != case["expected"]:
            wrong.append(f"  {case['id']}: {case['why']}")
    share = sum(right.values()) / len(cases)
    print(f"{suite}: the reading holds on {sum(right.values())} of {len(cases)} ({share:.1%})")
    for verdict, expected in sorted(total):
        said = "said" if expected else "not said"
        print(f"   {verdict:<12} {said:<9} {right[(verdict, expected)]:3} / {total[(verdict, expected)]}")
    if not quiet and suite == "dev":
        print("\n".join(wrong))
    return share


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quiet", action="store_true", help="figures only, not the dev suite's misses")
    add_baseline_options(parser)
    options = parser.parse_args()
    registry = load_registry()
    figures = {f"{suite} suite": evaluate(suite, registry, options.quiet) for suite in SUITES}
    guard(figures, "paraphrases", options)


if __name__ == "__main__":
    main()
