"""The stakeholder model's evidence collectors, in one ordered, named table.

Like markdown-it-py's block rules under its Ruler, each collector is one module with one job: it
reads the Inputs (document, vocabulary, mentions, stories) and adds what it finds to the Draft.
The table is the order they run in, and `after` states what each needs to have run before it;
a test holds the table to it. Any collector can be switched off by name (`stakeholders_stage(
without=...)` in stage.py), which is how the judgement evaluation measures what each one is
worth.

Evidence first, strongest kind first; then the roles that are one role under two names are
merged, the vocabulary adds its hints, and each role's class is resolved; then the places that
conflate customers and users are found, which need the resolved classes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from prdlint.api import check_deadline
from prdlint_rules.stakeholders.reading.collectors import (
    actions,
    administering,
    buying_organisations,
    contradicted_declarations,
    customer_as_user,
    customer_metrics,
    customers_served,
    declarations,
    document_team,
    fee_bearers,
    front_matter,
    glossary,
    joined_names,
    mentions,
    organisations_as_users,
    paying_names,
    people_helped,
    persona_conflations,
    plan_members,
    priced_roles,
    purchase_deciders,
    reporting,
    resolve,
    story_roles,
    target_market,
    variants,
    vocabulary,
    whose_customers,
)
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import StakeholderModel


@dataclass(frozen=True)
class Collector:
    name: str
    collect: Callable[[Inputs, Draft], None]
    after: tuple[str, ...] = ()
    """Collectors whose work this one reads, which the table must run first."""


_EVIDENCE = (
    "front-matter",
    "declarations",
    "glossary",
    "story-roles",
    "mentions",
    "actions",
    "paying-names",
    "whose-customers",
    "buying-organisations",
    "fee-bearers",
    "priced-roles",
    "target-market",
    "people-helped",
    "administering",
    "reporting",
    "purchase-deciders",
    "document-team",
    "plan-members",
)

COLLECTORS: tuple[Collector, ...] = (
    Collector("front-matter", front_matter.collect),
    Collector("declarations", declarations.collect),
    Collector("glossary", glossary.collect),
    Collector("story-roles", story_roles.collect),
    Collector("mentions", mentions.collect, after=("declarations",)),
    Collector("actions", actions.collect, after=("declarations",)),
    Collector("paying-names", paying_names.collect, after=("declarations",)),
    Collector("whose-customers", whose_customers.collect, after=("declarations",)),
    Collector("buying-organisations", buying_organisations.collect),
    Collector("fee-bearers", fee_bearers.collect, after=("mentions",)),
    Collector("priced-roles", priced_roles.collect, after=("declarations",)),
    Collector("target-market", target_market.collect),
    Collector("people-helped", people_helped.collect),
    Collector("administering", administering.collect, after=("declarations",)),
    Collector("reporting", reporting.collect, after=("declarations",)),
    Collector("purchase-deciders", purchase_deciders.collect, after=("declarations",)),
    Collector("document-team", document_team.collect),
    Collector("plan-members", plan_members.collect, after=("declarations", "story-roles", "mentions")),
    Collector("variants", variants.collect, after=_EVIDENCE),
    Collector("vocabulary", vocabulary.collect, after=("mentions", "variants")),
    Collector("resolve", resolve.collect, after=(*_EVIDENCE, "variants", "vocabulary")),
    Collector("joined-names", joined_names.collect),
    Collector("contradicted-declarations", contradicted_declarations.collect, after=("mentions", "resolve")),
    Collector("persona-conflations", persona_conflations.collect, after=("mentions", "resolve")),
    Collector("customers-served", customers_served.collect, after=("declarations", "mentions", "resolve")),
    Collector("customer-metrics", customer_metrics.collect, after=("resolve",)),
    Collector("organisations-as-users", organisations_as_users.collect, after=("resolve",)),
    Collector("customer-as-user", customer_as_user.collect, after=("mentions", "resolve")),
)
COLLECTOR_NAMES = tuple(collector.name for collector in COLLECTORS)


# The collectors after this one change no role's name and no role's declaration: they resolve
# each role's class and find the places that conflate customers and users. So the roles a document
# declares are known before they run (`draft_roles`), and a test holds them to that.
_ROLES_SETTLED_AFTER = "vocabulary"
_SETTLED = COLLECTOR_NAMES.index(_ROLES_SETTLED_AFTER) + 1


def _run(collectors: tuple[Collector, ...], inputs: Inputs, draft: Draft, skipped: frozenset[str]) -> None:
    for collector in collectors:
        if collector.name not in skipped:
            check_deadline()
            draft.collector = collector.name
            collector.collect(inputs, draft)


def draft_roles(inputs: Inputs, without: Iterable[str] = ()) -> Draft:
    """The model being built, with every role the document names and what it declares, before
    classes are resolved: what the stage needs to know which declared roles the vocabulary lacks."""
    draft = Draft(inputs)
    _run(COLLECTORS[:_SETTLED], inputs, draft, frozenset(without))
    return draft


def finish_model(draft: Draft, without: Iterable[str] = ()) -> StakeholderModel:
    """The model from `draft_roles`: each role's class resolved and the conflations found."""
    _run(COLLECTORS[_SETTLED:], draft.inputs, draft, frozenset(without))
    return draft.model()


def build_model(inputs: Inputs, without: Iterable[str] = ()) -> StakeholderModel:
    """The stakeholder model from every collector in the table, except those named `without`."""
    return finish_model(draft_roles(inputs, without), without)
