"""The whole plugin API of prdlint.

A plugin is a module (or any object) with functions marked `@hookimpl`, made known to prdlint
through an entry point in the `prdlint` group of its package metadata:

```toml
[project.entry-points.prdlint]
acme = "acme_prdlint.plugin"
```

prdlint's own rule packs register through exactly this API, so anything they can do, a plugin
can do. Hook names start with `prdlint_` so that a plugin module's other functions are ignored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from prdlint.report.base import Reporter
    from prdlint.rule import Rule

PROJECT_NAME = "prdlint"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def prdlint_rules() -> Sequence[type[Rule]]:
    """Return the rule classes this plugin provides.

    Each class subclasses `prdlint.rule.Rule` and declares a unique `code` (capital letters and
    three digits, e.g. `ACME101`; the `PRD` prefix is reserved for prdlint), a kebab-case `name`,
    a `pack`, and a docstring whose first line is its summary. Two plugins that declare the same
    code or name are a load error that names both.
    """


@hookspec
def prdlint_vocabulary() -> Mapping[str, Any]:
    """Return stakeholder vocabulary: the words of a domain that the language layer reads.

    Every plugin's table is merged in load order, then `[tool.prdlint.vocabulary]`; entries add
    to what is there. The layout is that of `prdlint_rules/stakeholders/vocabulary.toml`, parsed:

    - `customer`, `both`, `internal`: `{heads = [...]}`, the last words of role names of that class
      ("owner" in "clinic owner");
    - `user.primary`, `user.secondary`, `user.operational`, `user.management`: `{heads = [...]}`;
    - `synonyms`: `{word = "shown name"}`, different words for one role;
    - `compounds`: `{after = [...]}`, words after a head that make a thing ("customer support");
    - `not_roles`: `{phrases = [...]}`, phrases ending in a role word that name no person;
    - `paying_compounds`: `{after = [...]}`, words after a role that say what it pays;
    - `decision_makers`: `{heads = [...]}`, roles that decide a purchase for an organisation;
    - `signals.<category>`: `{phrases = [...]}`, optionally `patterns` (token patterns: words
      separated by spaces, `a|an` for alternatives, `*` any word, `#` a number, `word?` optional:
      "sponsored *"), and for a `revenue-<stream>` category `stream` (its name in messages) and
      `payers` (role heads that pay it; "*" for any paying role). Rules ask for categories by
      name; a plugin may add its own;
    - `words`: named word lists, `{name = [...]}`; `prdlint.language.vocabulary.WORD_LISTS` says
      what each is for:
      - paying for the product, or for something else: `pay-verbs`, `pay-verbs-alone`,
        `payment-objects`, `goods`, `promotion-words`, `paid-roles`, `currency-codes`, `vendor-verbs`;
      - using it: `use-verbs`, `plain-use-verbs`; running it for others: `oversight-verbs`,
        `administer-verbs`, `administered-objects`, `reviewed-objects`, `administering-nouns`,
        `object-modifiers`, `support-verbs`, `end-user-verbs`;
        running the business with it: `reporting-verbs`, `reported-objects`; deciding to buy
        it: `deciding-verbs`, `purchase-objects`, `deciding-nouns`;
      - which words before a role belong to its name: `not-modifiers`, `inflected-modifiers`;
      - names that say little, and labels that are no role: `generic-roles`,
        `generic-story-roles`, `generic-customers`, `marketplace-sides`, `persona-fields`;
      - the words of a section title that declares stakeholders, by the class it gives them:
        `declaring-operational`, `declaring-management`, `declaring-secondary`,
        `declaring-primary`, `declaring-customer`, `declaring-roles`, `declaring-around`;
      - headings and words about the product's price: `pricing-heading`, `pricing-words`,
        `deferred-pricing`;
      - names of organisations: `organisation-heads`;
      - the labels and table columns that name the document's own team: `team-labels`,
        `team-labels-opening`, `team-columns`.
    """


@hookspec
def prdlint_output_formats() -> Mapping[str, type[Reporter]]:
    """Return output formats as a mapping from the name used with `--output-format` to a
    `prdlint.report.base.Reporter` subclass. Built-in formats register through this hook too;
    a plugin may not reuse their names.
    """
