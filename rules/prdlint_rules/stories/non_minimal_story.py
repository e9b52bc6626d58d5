"""PRD204 non-minimal-story."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.api import STORIES, Option, Rule, RuleContext, Severity, Story, StoryPart, Violation, quoted
from prdlint_rules.stories.common import worded_stories

# A sentence ends at ".", "!" or "?" followed by a capital or a digit, except after an
# abbreviation ("e.g.", "etc.", "vs.") or an initial ("U.S. courts", "J. Smith").
_SECOND_SENTENCE = re.compile(
    r"(?<![A-Za-z]\.[A-Za-z])(?<!\b[A-Za-z])(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bapprox)"
    r"(?<!\bincl)(?<!\bcf)(?<!\bno)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\.\.)"
    r"[.!?][\"'”’)\]]?\s+(?=[\"'“(]?[A-Z0-9])"
)
# A note in parentheses after a space; "file(s)" is a plural and "(re-)use" a prefix, not notes.
_PARENTHESIS = re.compile(r"(?:(?<=\s)|^)\((?P<inside>[^()]*)\)(?!\w)")
# "(SSO)", "(PDFs)", "(2FA)", "(e.g. CSV or PDF)", "(i.e. the owner)": names and examples.
_ALLOWED_INSIDE = re.compile(r"^(?:[A-Z0-9][A-Z0-9&./+-]{0,9}s?|(?:e\.?g|i\.?e)\b.*)$", re.DOTALL)
# A spaced dash that starts an aside; "9 - 5" is a range of numbers.
_DASH = re.compile(r"(?<![\d])\s(?:-{1,2}|–|—)\s(?![\d])|(?<=\w)—(?=\w)")
# Notes in square brackets or braces: "{0, 1, 2, 3, 5, 8}", "[to be confirmed]".
_BRACKETS = re.compile(r"\[[^\[\]]*\]|\{[^{}]*\}")
# Words that leave a question open inside the story: "and perhaps highlighted in some way".
_HEDGES = re.compile(r"\b(?:maybe|perhaps|probably|possibly|even though|although)\b", re.IGNORECASE)
# Examples written into the sentence rather than given as acceptance criteria.
_EXAMPLES = re.compile(r"\b(?:for example|for instance)\b", re.IGNORECASE)
# A second purpose after the first: "so that so that we can", "so I can ..., so that ...".
_SECOND_ENDS = re.compile(
    r"^\s*(?:so\s+that|in\s+order\s+to)\b|\bso\s+that\b|\bin\s+order\s+to\b", re.IGNORECASE
)
_WORD = re.compile(r"\w+")


def _extras(part: StoryPart) -> list[str]:
    """What the part carries besides its own content, each described with its words."""
    text = part.text
    found = []
    sentence = _SECOND_SENTENCE.search(text)
    if sentence is not None:
        found.append(f"a second sentence ({quoted(text[sentence.end() :])})")
    for match in _PARENTHESIS.finditer(text):
        if not _ALLOWED_INSIDE.match(match.group("inside").strip()):
            found.append(f"a note in parentheses ({quoted(match.group())})")
    dash = _DASH.search(text)
    if dash is not None:
        found.append(f"detail after a dash ({quoted(text[dash.end() :])})")
    found += [f"a note in brackets ({quoted(match.group())})" for match in _BRACKETS.finditer(text)]
    hedge = _HEDGES.search(text)
    if hedge is not None:
        found.append(f"an open question ({quoted(text[hedge.start() :])})")
    example = _EXAMPLES.search(text)
    if example is not None:
        found.append(f"an example ({quoted(text[example.start() :])})")
    return found


def _second_ends(ends: StoryPart) -> str | None:
    """The second purpose an ends part gives after its first, if any."""
    match = _SECOND_ENDS.search(ends.text)
    return f"a second purpose ({quoted(ends.text[match.start() :])})" if match else None


def _words(story: Story) -> int:
    parts = (story.role, story.qualifier, story.means, story.ends)
    return sum(len(_WORD.findall(part.text)) for part in parts if part is not None)


class NonMinimalStory(Rule):
    """A user story carries more than its role, means and ends.

    ## What it does
    Reports a story with a second sentence, a note in parentheses, brackets or braces, detail
    after a dash, an open question ("and perhaps highlighted"), an example written into the
    sentence ("for example with a note"), or a second purpose after the first ("so that so
    that"), in its role, means or ends; and a run-on story of more words than `max-words`.
    Acronyms in parentheses ("(SSO)") and examples in them ("(e.g. CSV or PDF)") are fine, and so
    are plurals like "file(s)" and ranges like "9am - 5pm".

    ## Why is this bad?
    A story is a reminder of a need, short enough to read at a glance on a board. The extra
    words are usually implementation detail, acceptance criteria or open questions, and each has
    a better home where it can be found, discussed and checked off: the acceptance criteria, the
    notes under the story, the open questions section.

    ## Example
    ```markdown
    - As a ward manager, I want to export the rota (weekly, as PDF) - use the print stylesheet,
      so that I can pin it up. Ask the ward sisters first.
    ```

    ## Use instead
    ```markdown
    - As a ward manager, I want to export the rota, so that I can pin it up.

      Acceptance criteria: a weekly PDF, printed with the print stylesheet.
    ```

    ## Options
    `max-words` (40): the most words a story may have, role, means and ends together, before it
    is reported as a run-on.

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD204"]`). Judged as their authors would, in 60 real
    PRDs its 65 findings were 0 worth fixing, 10 right but not worth it and 55 wrong. Earlier readings:
    on 30 real PRDs read finding by finding, 4 of 22 findings were stories their authors would trim;
    short notes in brackets and run-on stories in drafts were mostly right but not worth the time. Raise
    it for a backlog kept to the template.
    """

    code = "PRD204"
    name = "non-minimal-story"
    pack = "stories"
    enabled_by_default = False
    default_severity = Severity.INFO
    needs = frozenset({STORIES})
    per_story = True

    options = {
        "max-words": Option("int", 40, "the most words a story may have before it is a run-on"),
    }

    def check(self, context: RuleContext) -> Iterator[Violation]:
        longest = context.options["max-words"]
        for story in worded_stories(context.analysis):
            found = False
            for part in (story.role, story.qualifier, story.means, story.ends):
                extras = _extras(part) if part is not None else []
                second = _second_ends(part) if part is not None and part is story.ends else None
                extras += [second] if second else []
                if extras:
                    yield Violation(
                        f"non-minimal story: it carries {' and '.join(extras)}",
                        part.span,
                        advice="Keep a story to its role, means and ends, and move the rest to its notes "
                        "or acceptance criteria.",
                    )
                    found = True
                    break
            count = _words(story)
            if not found and count > longest and story.means is not None:
                yield Violation(
                    f"non-minimal story: {count} words, more than {longest}",
                    story.means.span,
                    advice="A story is a reminder of one need: keep its role, means and ends, and move "
                    "the detail to its notes or acceptance criteria.",
                )
