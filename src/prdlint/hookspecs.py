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
    """Return stakeholder vocabulary: which words name customers, users of each kind, and
    internal teams, synonyms, and words that turn a role word into a thing ("customer support").

    The layout is that of `prdlint_rules/stakeholders/vocabulary.toml`, parsed: tables
    `customer`, `both`, `internal` with `heads`; `user.primary`, `user.secondary`,
    `user.operational`, `user.management` with `heads`; `synonyms` (word -> shown name);
    `compounds.after`. Every plugin's vocabulary is merged, then `[tool.prdlint.vocabulary]`.
    """


@hookspec
def prdlint_output_formats() -> Mapping[str, type[Reporter]]:
    """Return output formats as a mapping from the name used with `--output-format` to a
    `prdlint.report.base.Reporter` subclass. Built-in formats register through this hook too;
    a plugin may not reuse their names.
    """
