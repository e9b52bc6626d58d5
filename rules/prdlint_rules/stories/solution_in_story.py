"""PRD208 solution-in-story."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from prdlint.api import STORIES, Option, Rule, RuleContext, Severity, Violation
from prdlint_rules.stories.common import alternatives, worded_stories, wording


@dataclass(frozen=True)
class _Vocabulary:
    """One kind of prescription ("interface", "technology"): the words, and the roles whose
    need those words are."""

    kind: str
    pattern: re.Pattern[str] | None
    exempt_roles: frozenset[str]


def _pattern(terms: Iterable[str], names: Iterable[str]) -> re.Pattern[str] | None:
    """Terms in any case with an optional plural; names ("React") only with their capitals."""
    branches = []
    if terms := alternatives(terms):
        branches.append(rf"(?i:{terms})(?:s|es)?")
    if names := alternatives(names):
        branches.append(names)
    return re.compile(rf"(?<![\w.-])(?:{'|'.join(branches)})(?![\w-])") if branches else None


@cache
def _vocabularies(extra_terms: tuple[str, ...]) -> tuple[_Vocabulary, ...]:
    data: Mapping[str, Any] = wording()["solution"]
    return tuple(
        _Vocabulary(
            kind,
            _pattern(
                [*table.get("terms", ()), *(extra_terms if kind == "interface" else ())],
                table.get("names", ()),
            ),
            frozenset(table.get("exempt-roles", ())),
        )
        for kind, table in data.items()
    )


@cache
def _not_prescriptions() -> re.Pattern[str] | None:
    return _pattern(wording()["not-prescriptions"], ())


def _role_words(role: str) -> set[str]:
    """ "DeveloperPublisher", "front-end developer" -> their words, lower case."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|[-_/]", " ", role)
    return set(spaced.lower().split())


class SolutionInStory(Rule):
    """A user story prescribes the interface or the technology instead of the need.

    ## What it does
    Reports a story whose means names interface controls (button, dropdown, modal, checkbox,
    tooltip …) or technology (an API endpoint, a database table, a cron job, a named framework
    such as React or PostgreSQL). Technology is the need of technical roles, so stories of
    developers, engineers and operators may name it; interface controls are the need of
    designers and developers. The vocabulary is data in `wording.toml` beside the rule.

    ## Why is this bad?
    A story records a need so that the people who build the product can choose the best way to
    meet it. "A dropdown of countries" rules out search-as-you-type before anyone has asked what
    the nurse is trying to do; the need ("choose my country quickly") leaves design free and
    gives the test to pass.

    ## Example
    ```markdown
    - As a nurse, I want a dropdown with every ward, so that I can pick mine.
    ```

    ## Use instead
    ```markdown
    - As a nurse, I want to choose my ward, so that I only see its shifts.
    ```

    ## Options
    `extra-terms`: more interface words that prescribe a solution in your product's domain.

    ## Default
    Info by default: on 30 real PRDs read finding by finding, neither of 2 findings was worth its
    author's time: naming the control was deliberate in a UI spec. Raise it for a backlog that keeps
    design out of stories.
    """

    code = "PRD208"
    name = "solution-in-story"
    pack = "stories"
    default_severity = Severity.INFO
    needs = frozenset({STORIES})
    per_story = True
    options = {
        "extra-terms": Option(
            "list[str]", [], "more words that prescribe the interface, like 'kanban board'"
        ),
    }

    def check(self, context: RuleContext) -> Iterator[Violation]:
        vocabularies = _vocabularies(tuple(term.lower() for term in context.options["extra-terms"]))
        not_prescriptions = _not_prescriptions()
        for story in worded_stories(context.analysis):
            if story.means is None or story.role is None:
                continue
            role_words = _role_words(story.role.text)
            means = not_prescriptions.sub(" ", story.means.text) if not_prescriptions else story.means.text
            for vocabulary in vocabularies:
                if vocabulary.pattern is None or role_words & vocabulary.exempt_roles:
                    continue
                match = vocabulary.pattern.search(means)
                if match is not None:
                    yield Violation(
                        f"solution in story: the means prescribes {vocabulary.kind} ('{match.group()}')",
                        story.means.span,
                        advice=f"Say what the {story.role.text} needs to do or know, and leave the how "
                        "to design.",
                    )
                    break
