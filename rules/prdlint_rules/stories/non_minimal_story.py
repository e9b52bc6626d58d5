"""PRD204 non-minimal-story."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.language.model import STORIES, StoryPart
from prdlint.rule import Rule, RuleContext, Violation
from prdlint_rules.stories.common import quote, worded_stories

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


def _extras(part: StoryPart) -> list[str]:
    """What the part carries besides its own content, each described with its words."""
    text = part.text
    found = []
    sentence = _SECOND_SENTENCE.search(text)
    if sentence is not None:
        found.append(f"a second sentence ({quote(text[sentence.end() :])})")
    for match in _PARENTHESIS.finditer(text):
        if not _ALLOWED_INSIDE.match(match.group("inside").strip()):
            found.append(f"a note in parentheses ({quote(match.group())})")
    dash = _DASH.search(text)
    if dash is not None:
        found.append(f"detail after a dash ({quote(text[dash.end() :])})")
    return found


class NonMinimalStory(Rule):
    """A user story carries more than its role, means and ends.

    ## What it does
    Reports a story with a second sentence, a note in parentheses, or detail after a dash, in
    its role, means or ends. Acronyms in parentheses ("(SSO)") and examples ("(e.g. CSV or
    PDF)") are fine, and so are plurals like "file(s)" and ranges like "9am - 5pm".

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
    """

    code = "PRD204"
    name = "non-minimal-story"
    pack = "stories"
    needs = frozenset({STORIES})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for story in worded_stories(context.analysis):
            for part in (story.role, story.qualifier, story.means, story.ends):
                extras = _extras(part) if part is not None else []
                if extras:
                    yield Violation(
                        f"non-minimal story: it carries {' and '.join(extras)}; keep the story to role, "
                        "means and ends, and move the rest to its notes or acceptance criteria",
                        part.span,
                    )
                    break
