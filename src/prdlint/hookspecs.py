"""The whole plugin API of prdlint.

A plugin is a module (or any object) with functions marked `@hookimpl`, made known to prdlint
through an entry point in the `prdlint` group of its package metadata:

```toml
[project.entry-points.prdlint]
acme = "acme_prdlint.plugin"
```

prdlint's own rule packs register through exactly this API, so anything they can do, a plugin
can do: rules, analysis stages, views, output formats and vocabulary. A plugin imports what it
needs from `prdlint.api` (this module's `hookimpl` among it). Hook names start with `prdlint_` so
that a plugin module's other functions are ignored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from prdlint.markers import PROJECT_NAME as PROJECT_NAME
from prdlint.markers import hookimpl as hookimpl  # where plugins written before prdlint.api import it
from prdlint.markers import hookspec

if TYPE_CHECKING:
    from prdlint.report.base import Reporter
    from prdlint.rule import Rule
    from prdlint.stage import Stage
    from prdlint.view import View


@hookspec
def prdlint_rules() -> Sequence[type[Rule]]:
    """Return the rule classes this plugin provides.

    Each class subclasses `prdlint.api.Rule` and declares a unique `code` (capital letters and
    three digits, e.g. `ACME101`; the `PRD` prefix is reserved for prdlint), a kebab-case `name`,
    a `pack`, a docstring whose first line is its summary, and in `needs` the analysis stages it
    reads. Two plugins that declare the same code or name are a load error that names both.
    """


@hookspec
def prdlint_stages() -> Sequence[Stage]:
    """Return the analysis stages this plugin provides (`prdlint.api.Stage`).

    A stage reads each document once, before any rule runs, and keeps its result under its name
    for the rules that list that name in `needs`; it names the stages it requires, builds what it
    keeps for the process in `prepare`, and may declare config keys of its own (`settings`),
    which `[tool.prdlint]` then accepts. Two plugins that declare the same stage or config key are
    a load error that names both.
    """


@hookspec
def prdlint_views() -> Sequence[View]:
    """Return views (`prdlint.api.View`): commands that show what stages read in one document,
    `prdlint <name> FILE --format F`. The stakeholder pack's `stakeholders` is one."""


@hookspec
def prdlint_vocabulary() -> Mapping[str, Any]:
    """Return vocabulary tables for the stages that read them.

    The engine reads no word of them: it hands every plugin's table, in load order, to the stages,
    which merge them with the project's config. The stakeholder pack's reading reads them, in the
    layout of its `prdlint_rules/stakeholders/reading/vocabulary.toml`, whose header says what an
    entry holds and where each entry says what it is for: a table adds words to the entries it
    names ("operational = ['dispatcher']") or adds entries of its own in the full form. Loading
    the plugins does not look into a table, so one may read its file when a stage first does.
    """


@hookspec
def prdlint_output_formats() -> Mapping[str, type[Reporter]]:
    """Return output formats as a mapping from the name used with `--output-format` to a
    `prdlint.report.base.Reporter` subclass. Built-in formats register through this hook too;
    a plugin may not reuse their names.
    """
