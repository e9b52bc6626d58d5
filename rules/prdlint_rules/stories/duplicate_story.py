"""PRD205 duplicate-story."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from prdlint.api import (
    STORIES,
    WORDS,
    Analysis,
    Edit,
    Fix,
    Position,
    Rule,
    RuleContext,
    Span,
    Story,
    Violation,
    Word,
    normalize_role,
)
from prdlint_rules.stories.common import worded_stories

_FILLER = frozenset({"a", "an", "the", "to", "be", "able"})


def _means_key(words: Sequence[Word]) -> str:
    """ "to be able to Export the invoices." and "export invoice" read the same."""
    return " ".join(word.lemma for word in words if not word.is_punct and word.lower not in _FILLER)


def _key(story: Story, analysis: Analysis) -> tuple[str, str] | None:
    if story.role is None or story.means is None:
        return None
    return normalize_role(story.role.text), _means_key(analysis.words_of_means(story))


def _written(story: Story) -> str:
    """The story's means as its author wrote it, for the message."""
    return story.means.text if story.means else ""


def _removal(story: Story, context: RuleContext) -> Fix | None:
    """Deletes a repeated story that is a line of its own (a list item or a one-line paragraph).
    Unsafe: the later story may carry words, a benefit or acceptance criteria the first lacks."""
    line = story.span.start.line
    lines = context.document.lines
    if story.span.end.line != line or line >= lines.line_count:
        return None
    text = context.document.line_text(line)
    start, end = story.span.start.column - 1, story.span.end.column - 1
    if text[:start].strip(" -*+0123456789.)") or text[end:].strip(" ."):
        return None  # the line holds more than the story
    span = Span(Position(line, 1), Position(line + 1, 1))
    return Fix(f"delete the repeated story on line {line}", (Edit(span, ""),), safe=False)


class DuplicateStory(Rule):
    """Two user stories have the same role and means.

    ## What it does
    Reports a story whose role and means are those of an earlier story in the document, after
    ignoring case, articles, punctuation, "be able to", singular and plural and other word
    forms ("exports invoices" is "export the invoice"). It quotes the earlier story's line.
    Stories that share a means but not a role ("as a nurse" and "as a manager") are not
    duplicates: the same capability matters to two people.

    ## Why is this bad?
    A duplicate is estimated, prioritised and built twice, or worse, once by two people. When
    the two copies drift apart (one gains a benefit, the other an acceptance criterion), nobody
    knows which one holds.

    ## Example
    ```markdown
    - As a nurse, I want to swap shifts, so that I can rest.
    - As a Nurse, I want to be able to swap a shift, so that I can cover childcare.
    ```

    ## Use instead
    ```markdown
    - As a nurse, I want to swap shifts, so that I can rest or cover childcare.
    ```
    """

    code = "PRD205"
    name = "duplicate-story"
    pack = "stories"
    needs = frozenset({STORIES, WORDS})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        first: dict[tuple[str, str], Story] = {}
        for story in worded_stories(context.analysis):
            key = _key(story, context.analysis)
            if key is None:
                continue
            original = first.setdefault(key, story)
            if original is not story:
                yield Violation(
                    f"duplicate story: same role and means as the story on line {original.line}",
                    story.span,
                    _removal(story, context),
                    advice="Merge the two, keeping the benefit and criteria of both.",
                )
