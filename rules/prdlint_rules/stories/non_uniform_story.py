"""PRD206 non-uniform-story."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from prdlint.api import (
    STORIES,
    Option,
    Rule,
    RuleContext,
    Severity,
    Story,
    StoryForm,
    Violation,
    indicator_template,
)
from prdlint_rules.stories.common import worded_stories

# A template is dominant when at least this share of the stories that could use it do.
_DOMINANT_SHARE = 0.75
_GAP = re.compile(
    r"\{role\}(?P<after_role>[^{]*)(?:\{qualifier\}(?P<indicator>[^{]*))?\{means\}(?:(?P<ends>[^{]*)\{ends\})?"
)


def _gaps(story: Story) -> re.Match[str] | None:
    return _GAP.search(story.skeleton) if story.skeleton and not story.malformed else None


def _indicator(story: Story) -> str | None:
    gaps = _gaps(story)
    if gaps is None:
        return None
    words = gaps.group("indicator") if gaps.group("indicator") is not None else gaps.group("after_role")
    return indicator_template(words.strip(" ,;:-"))


def _ends_indicator(story: Story) -> str | None:
    gaps = _gaps(story)
    return " ".join(gaps.group("ends").strip(" ,;:-").split()) if gaps and gaps.group("ends") else None


def _role_comma(story: Story) -> str | None:
    """Whether a comma follows the role (or its qualifier); judged on one-line stories, where the
    comma is a choice."""
    gaps = _gaps(story)
    if gaps is None or story.form is not StoryForm.INLINE:
        return None
    comma = "," in gaps.group("after_role") + (gaps.group("indicator") or "")
    return "a comma after the role" if comma else "no comma after the role"


def _shown(value: str) -> str:
    """ "i'd like" -> "I'd like", as the reader wrote it."""
    return re.sub(r"\bi\b", "I", value)


# Each way a story can follow its document's template: what it is called and how it is read.
_FEATURES: tuple[tuple[str, Callable[[Story], str | None]], ...] = (
    ("the means opens with", _indicator),
    ("the ends open with", _ends_indicator),
    ("the story has", _role_comma),
)


class NonUniformStory(Rule):
    """A user story departs from the template the document's other stories follow.

    ## What it does
    Where enough stories exist for a template to dominate, reports a story that departs from
    it: the words that open its means ("I need" where nearly all say "I want"), the words that
    open its ends ("in order to" where nearly all say "so that"), or the comma after its role
    (on one-line stories, where the comma is a choice). A template dominates when three
    quarters or more of the stories that could use it do.

    ## Why is this bad?
    A uniform template lets a reader skim a backlog for roles, needs and reasons, and lets
    tools read it. A story written another way is often written by someone else, at another
    time, and is worth a second look; "I need" may also claim an urgency the other stories do
    not.

    ## Example
    ```markdown
    - As a nurse, I want to swap shifts, so that I can rest.
    - As a nurse, I want to see my rota, so that I can plan my week.
    - As a manager, I want to approve swaps, so that shifts stay covered.
    - As a manager, I want to export the rota, so that I can pin it up.
    - As a manager, I want to see overtime, so that I stay in budget.
    - As a nurse, I need to book leave, so that I can travel.
    ```

    ## Use instead
    ```markdown
    - As a nurse, I want to book leave, so that I can travel.
    ```

    ## Options
    `min-stories`: how many stories must share a part of the template before departures from
    it are reported.

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD206"]`). Judged as their authors would, in 60 real
    PRDs its 8 findings were 0 worth fixing, 8 right but not worth it and 0 wrong. Earlier readings: on
    30 real PRDs read finding by finding, none of 4 findings was worth its author's time: a story
    written in another template reads just as well. Turn it on with `extend-select = ["PRD206"]` for a
    backlog kept to one template.
    """

    code = "PRD206"
    name = "non-uniform-story"
    pack = "stories"
    default_severity = Severity.INFO
    enabled_by_default = False
    needs = frozenset({STORIES})
    options = {
        "min-stories": Option("int", 6, "stories needed before a template can dominate"),
    }

    def check(self, context: RuleContext) -> Iterator[Violation]:
        stories = worded_stories(context.analysis)
        departures: dict[int, list[str]] = {}
        for what, read in _FEATURES:
            values = {id(story): read(story) for story in stories}
            counts = Counter(value for value in values.values() if value is not None)
            total = sum(counts.values())
            if total < context.options["min-stories"]:
                continue
            dominant, count = counts.most_common(1)[0]
            if count < total * _DOMINANT_SHARE or count == total:
                continue
            for story in stories:
                value = values[id(story)]
                if value is not None and value != dominant:
                    departures.setdefault(id(story), []).append(
                        f"{what} '{_shown(value)}' where {count} of {total} stories have '{_shown(dominant)}'"
                    )
        for story in stories:
            if id(story) in departures:
                yield Violation(
                    f"non-uniform story: {'; '.join(departures[id(story)])}",
                    story.span,
                    advice="Write it like the others, so the stories read as one backlog.",
                )
