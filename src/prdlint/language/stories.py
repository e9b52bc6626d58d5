"""Finding the user stories of a Document, in every form PRDs write them.

Forms:
- `inline`: one story in a paragraph, list item, heading or table cell (several may share a block);
- `multiline`: one story over the lines of one paragraph ("**As a** rep / **I want** ... / **So that** ...");
- `list`: the parts over consecutive list items or paragraphs; a lead that names the role and ends
  with a colon, each item under it one story ("As a maintainer, I want:" / "- to be told of
  downtime, so that ..."); or a persona's label over items told without a role ("Casual player:" /
  "- I want to see my statistics");
- `table`: a table whose header names the parts ("As a" / "I want" / "So that", or Role / Goal / Benefit);
- `code`: a fenced block with no language (or text/markdown) whose lines are mostly stories. Such a
  block is plainly the document's list of stories, so its stories count for the stakeholder map;
  rules about wording can tell them by their form.

A story that starts like one but has no means is returned as malformed only where stories are
expected: under a heading about stories, with a story label, or beside well-formed stories. The
same holds for a means written without a role ("I want to export invoices").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from prdlint.document import Block, BlockKind, Document, Section, Table, once_per_section
from prdlint.language.model import Story, StoryForm, StoryPart
from prdlint.span import Span
from prdlint.text.lexicon import alternation, words
from prdlint.text.stories import ParsedStory, Part, parse_roleless, parse_story, story_starts

Spanner = Callable[[int, int], Span]

_STORY_HEADING = re.compile(r"\bstor(?:y|ies)\b|\bjobs?\s+to\s+be\s+done\b", re.IGNORECASE)
_CODE_INFOS = frozenset({"", "text", "txt", "plain", "plaintext", "markdown", "md"})
_ROLE_COLUMN = re.compile(rf"^(?:as\s+(?:an?|the)?|{alternation(words('stories', 'role-columns'))})\b", re.I)
_MEANS_COLUMN = re.compile(
    r"^(?:i\s+want(?:\s+to)?|want|i\s+need|need|goal|action|capability|means|what|feature)\b", re.I
)
_ENDS_COLUMN = re.compile(r"^(?:so\s+that|so|benefit|value|why|reason|in\s+order\s+to|outcome)\b", re.I)
_CELL_ROLE_PREFIX = re.compile(r"^\s*as\s+(?:an?\s+|the\s+)?", re.I)
_CELL_MEANS_PREFIX = re.compile(r"^\s*(?:I|we)\s+(?:want|need|would\s+like|['’]d\s+like)\s+", re.I)
_CELL_ENDS_PREFIX = re.compile(r"^\s*(?:so\s+that|so|in\s+order\s+to|because)\s+", re.I)
# A persona's label over the stories it tells: "Competitive Player:", "For admins:".
_PERSONA_LABEL = re.compile(
    r"^\s*(?:(?:for|as)\s+(?:an?\s+|the\s+)?)?(?P<role>[A-Za-z][\w'’/&-]*(?:\s+[\w'’/&-]+){0,3})\s*:\s*$",
    re.IGNORECASE,
)
# Labels over stories that name a priority, a phase or a part of the document, not a persona.
_NOT_PERSONAS = frozenset(
    """
    must should could would won't have nice priority phase epic mvp release sprint milestone
    acceptance criteria goal goals note notes example examples story stories requirement
    requirements feature features scope later now next future core optional
    """.split()
)
_FOLLOW_ON = re.compile(
    r"^\s*(?:[-*•]\s+)?(?:(?:I|we)(?:\s|['’])|would\s+like|so\s+that|in\s+order\s+to|because)", re.I
)


class _Run:
    """Text gathered from one or more pieces, each mapping its own offsets to source spans."""

    def __init__(self) -> None:
        self.pieces: list[tuple[int, int, Spanner]] = []
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str, spanner: Spanner) -> None:
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        self.pieces.append((self.length, self.length + len(text), spanner))
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def _locate(self, offset: int) -> tuple[int, Spanner]:
        """The piece an offset falls in; offsets past the end belong to the last piece."""
        for start, end, spanner in self.pieces:
            if offset < end:
                return max(offset - start, 0), spanner
        start, _, spanner = self.pieces[-1]
        return max(offset - start, 0), spanner

    def span(self, start: int, end: int) -> Span:
        first, first_spanner = self._locate(start)
        last, last_spanner = self._locate(max(end - 1, start))
        return Span(first_spanner(first, first + 1).start, last_spanner(last, last + 1).end)


def _part(run: _Run, part: Part | None) -> StoryPart | None:
    """A story part; its text reads as one line even when the source breaks it over several."""
    return StoryPart(" ".join(part.text.split()), run.span(part.start, part.end)) if part else None


_OPENING = re.compile(r"\bas(?:\s+(?:an?|the))?\s*$", re.IGNORECASE)


def _skeleton(text: str, parsed: ParsedStory) -> str:
    """The words around the parts: "As an **admin**, I'd like X" -> "as a {role}, i'd like {means}"."""
    parts = [
        (part, name)
        for part, name in (
            (parsed.role, "role"),
            (parsed.qualifier, "qualifier"),
            (parsed.means, "means"),
            (parsed.ends, "ends"),
        )
        if part is not None
    ]
    first = parts[0][0].start
    opening = _OPENING.search(text, parsed.start, first)
    pieces, at = [], opening.start() if opening else parsed.start
    for part, name in parts:
        pieces += [text[at : part.start], "{" + name + "}"]
        at = part.end
    pieces.append(text[at : parsed.end])
    skeleton = " ".join("".join(pieces).replace("’", "'").lower().split())
    return re.sub(r"^as an\b", "as a", skeleton)


def _story(run: _Run, parsed: ParsedStory, form: StoryForm, section: Section | None) -> Story:
    if form is StoryForm.INLINE and "\n" in run.text[parsed.start : parsed.end]:
        form = StoryForm.MULTILINE
    return Story(
        role=_part(run, parsed.role),
        qualifier=_part(run, parsed.qualifier),
        means=_part(run, parsed.means),
        ends=_part(run, parsed.ends),
        label=parsed.label,
        form=form,
        span=run.span(parsed.start, parsed.end),
        section=section,
        skeleton=_skeleton(run.text, parsed),
    )


def _with_role(story: Story, role: StoryPart) -> Story:
    """A story told under a persona's label, with the label as its role."""
    skeleton = f"{{role}}: {story.skeleton}" if story.skeleton else None
    return replace(story, role=role, form=StoryForm.LIST, skeleton=skeleton)


def _block_run(block: Block) -> _Run:
    run = _Run()
    run.add(block.text, block.span)
    return run


def _stories_in_text(text: str, expect_stories: bool) -> tuple[ParsedStory, ...]:
    if len(text) <= _CACHED_TEXT_LENGTH:
        return _parsed_cached(text, expect_stories)
    return _parsed(text, expect_stories)


def _parsed(text: str, expect_stories: bool) -> tuple[ParsedStory, ...]:
    starts = story_starts(text)
    found = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        parsed = parse_story(text, start, end, allow_malformed=expect_stories)
        if parsed is None and expect_stories and index == 0:
            parsed = parse_roleless(text, start, end)
        if parsed is not None:
            found.append(parsed)
    return tuple(found)


# A block's stories depend on its text alone: an editor re-linting after one change reads again
# only the blocks that changed. Long texts are not kept, so the cache stays small whatever it sees.
_CACHED_TEXT_LENGTH = 2_000
_parsed_cached = lru_cache(maxsize=8_192)(_parsed)


def _opens(text: str) -> bool:
    return parse_story(text, allow_malformed=True) is not None


_opens_cached = lru_cache(maxsize=8_192)(_opens)


def _opens_a_story(text: str) -> bool:
    """Whether `text` opens a story, finished or not, kept by text as the stories are."""
    return _opens_cached(text) if len(text) <= _CACHED_TEXT_LENGTH else _opens(text)


def forget_parsed_stories() -> None:
    """Lets go of every kept block's stories: for measuring reads as if each document were new."""
    _parsed_cached.cache_clear()
    _opens_cached.cache_clear()


class _Scanner:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.stories: list[Story] = []
        self.used: set[int] = set()
        self._under_story_heading = once_per_section(
            lambda section: any(_STORY_HEADING.search(outer.title) for outer in section.lineage())
        )

    def _expects_stories(self, block: Block, sections_with_stories: set[int]) -> bool:
        return id(block.section) in sections_with_stories or self._under_story_heading(block.section)

    def scan(self) -> list[Story]:
        self._tables()
        self._code_blocks()
        self._leads()
        with_stories = {
            id(block.section)
            for block in self.document.blocks
            if block.index not in self.used
            and any(not p.malformed for p in _stories_in_text(block.text, False))
        }
        self._blocks(with_stories)
        return sorted(self.stories, key=lambda story: story.span.start)

    def _blocks(self, sections_with_stories: set[int]) -> None:
        blocks = self.document.blocks
        for index, block in enumerate(blocks):
            if block.index in self.used:
                continue
            heading = block.kind is BlockKind.HEADING
            expecting = not heading and self._expects_stories(block, sections_with_stories)
            parsed = _stories_in_text(block.text, expecting)
            starts_a_story = bool(parsed) or _opens_a_story(block.text)
            first_is_partial = not parsed or parsed[0].malformed
            if starts_a_story and first_is_partial and self._join_following(blocks, index) is not None:
                continue
            if parsed:
                self.used.add(block.index)
                run = _block_run(block)
                stories = [_story(run, p, StoryForm.INLINE, block.section) for p in parsed]
                persona = self._persona(block) if any(p.role is None for p in parsed) else None
                self.stories += [
                    _with_role(story, persona) if persona and story.role is None else story
                    for story in stories
                ]

    def _items_under(self, lead: Block) -> list[Block]:
        """The list items a lead line introduces, one level deep: those nested under a list
        item, or the list right after a paragraph."""
        floor = lead.list_depth if lead.kind is BlockKind.LIST_ITEM else 0
        items: list[Block] = []
        for other in self.document.blocks[lead.index + 1 :]:
            if other.kind is not BlockKind.LIST_ITEM or other.list_depth <= floor:
                break
            if not items or other.list_depth == items[0].list_depth:
                items.append(other)
        return items

    def _leads(self) -> None:
        """ "As a maintainer, I want:" / "- to be told of downtime, so that ...": each item under
        a lead that names the role and ends with a colon is a story of that role."""
        for lead in self.document.blocks:
            text = lead.text.rstrip()
            if lead.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or not text.endswith(":"):
                continue
            opening = parse_story(text, allow_malformed=True)
            if opening is None or opening.role is None or opening.means is not None:
                continue
            for item in self._items_under(lead):
                run = _Run()
                run.add(text[:-1], lead.span)
                run.add(item.text, item.span)
                parsed = parse_story(run.text)
                if parsed is None or parsed.malformed:
                    continue
                story = _story(run, parsed, StoryForm.LIST, item.section)
                # Findings about the story point at its item; its role stays in the lead.
                self.stories.append(replace(story, span=item.span()))
                self.used.update((lead.index, item.index))

    def _persona(self, item: Block) -> StoryPart | None:
        """The persona whose label stands over a list of stories told without a role:
        "Casual Player:" / "- I want to see my statistics"."""
        if item.kind is not BlockKind.LIST_ITEM:
            return None
        at = item.index - 1
        blocks = self.document.blocks
        while at >= 0 and blocks[at].kind is BlockKind.LIST_ITEM and blocks[at].list_depth >= item.list_depth:
            at -= 1
        if at < 0 or blocks[at].section is not item.section:
            return None
        label = blocks[at]
        if label.kind is BlockKind.LIST_ITEM and label.list_depth >= item.list_depth:
            return None
        if label.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            return None
        match = _PERSONA_LABEL.match(label.text)
        if match is None or any(word in _NOT_PERSONAS for word in match.group("role").lower().split()):
            return None
        return StoryPart(match.group("role"), label.span(match.start("role"), match.end("role")))

    def _join_following(self, blocks: list[Block], index: int) -> Story | None:
        """ "- As a nurse" / "- I want to swap shifts" / "- so that ...": parts over blocks."""
        first = blocks[index]
        if "," in first.text.strip().rstrip(",") or len(first.text.split()) > 12:
            return None
        run = _block_run(first)
        members = [first]
        for following in blocks[index + 1 : index + 3]:
            if following.section is not first.section or following.kind not in (
                BlockKind.LIST_ITEM,
                BlockKind.PARAGRAPH,
            ):
                break
            if not _FOLLOW_ON.match(following.text):
                break
            run.add(following.text, following.span)
            members.append(following)
        if len(members) == 1:
            return None
        parsed = parse_story(run.text)
        if parsed is None or parsed.malformed:
            return None
        story = _story(run, parsed, StoryForm.LIST, first.section)
        self.stories.append(story)
        self.used.update(block.index for block in members)
        return story

    def _tables(self) -> None:
        for table in self.document.tables:
            columns = _story_columns(table)
            if columns is None:
                continue
            role_at, means_at, ends_at = columns
            # The header ("As a | I want | So that") names the parts; it is not a story itself.
            self.used.update(cell.index for cell in table.header if cell.index >= 0)
            for row in table.rows[1:]:
                story = _table_story(row, role_at, means_at, ends_at)
                if story is not None:
                    self.stories.append(story)
                    self.used.update(cell.index for cell in row if cell.index >= 0)

    def _code_blocks(self) -> None:
        for code in self.document.code_blocks:
            if code.info.split(" ")[0].lower() not in _CODE_INFOS:
                continue
            runs = [
                self._code_line_run(code.first_line + i, line) for i, line in enumerate(code.text.split("\n"))
            ]
            candidates = [(run, parse_story(run.text)) for run in runs if run.text.strip()]
            parsed = [(run, story) for run, story in candidates if story is not None]
            if candidates and len(parsed) * 2 >= len(candidates):
                self.stories += [_story(run, story, StoryForm.CODE, None) for run, story in parsed]

    def _code_line_run(self, line: int, text: str) -> _Run:
        source_line = self.document.line_text(line) if line <= self.document.lines.line_count else ""
        column = max(source_line.find(text), 0) if text else 0
        origin = (
            self.document.lines.line_start(line) + column if line <= self.document.lines.line_count else 0
        )
        lines = self.document.lines
        run = _Run()
        run.add(text, lambda start, end: lines.span(origin + start, origin + end))
        return run


def _story_columns(table: Table) -> tuple[int, int, int | None] | None:
    header = [cell.text.strip() for cell in table.header]

    def find(pattern: re.Pattern[str]) -> int | None:
        return next((i for i, text in enumerate(header) if pattern.match(text)), None)

    role_at, means_at, ends_at = find(_ROLE_COLUMN), find(_MEANS_COLUMN), find(_ENDS_COLUMN)
    if role_at is None or means_at is None or role_at == means_at:
        return None
    return role_at, means_at, ends_at


def _cell_part(cell: Block, prefix: re.Pattern[str]) -> StoryPart | None:
    text = cell.text
    match = prefix.match(text)
    start = match.end() if match else 0
    end = len(text.rstrip(" .,"))
    while start < end and text[start].isspace():
        start += 1
    return StoryPart(text[start:end], cell.span(start, end)) if start < end else None


def _table_story(row: list[Block], role_at: int, means_at: int, ends_at: int | None) -> Story | None:
    if max(role_at, means_at, ends_at or 0) >= len(row):
        return None
    role = _cell_part(row[role_at], _CELL_ROLE_PREFIX)
    means = _cell_part(row[means_at], _CELL_MEANS_PREFIX)
    if (role is None and means is None) or (role is not None and any(c in role.text for c in "[]<>{}")):
        return None
    # A row missing its role or its means is a malformed story, unless it is a row that only
    # labels the rows below ("| **Phase 2** | | |").
    if (role is None or means is None) and sum(bool(cell.text.strip()) for cell in row) < 2:
        return None
    ends = _cell_part(row[ends_at], _CELL_ENDS_PREFIX) if ends_at is not None else None
    # From the first story cell to the last one that holds text: an empty cell has no place.
    parts = [part for part in (role, means, ends) if part is not None]
    start = min(part.span.start for part in parts)
    end = max(part.span.end for part in parts)
    return Story(
        role=role,
        qualifier=None,
        means=means,
        ends=ends,
        label=None,
        form=StoryForm.TABLE,
        span=Span(start, end),
        section=row[role_at].section,
    )


def find_stories(document: Document) -> list[Story]:
    """Every user story in the document, in source order."""
    return _Scanner(document).scan()
