"""PRD306 unmeasurable-nfr."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.api import (
    UNTESTABLE,
    Block,
    BlockKind,
    Document,
    Rule,
    RuleContext,
    Severity,
    Violation,
    strip_numbering,
)

# The qualities that are quantities: a requirement about them is a number, or it is untestable.
# Security, usability and accessibility are left out: their requirements are mostly things the
# product does or has ("rate limiting", "aria labels on every control"), testable as written.
QUANTITY = (
    r"performance|latency|response times?|speed|load times?|page loads?|reliability|availability|"
    r"uptime|downtime|scalability|throughput|capacity|concurrency|recovery|backups?"
)
# The words of a claim about a quantity, which a number would make testable: "loads fast",
# "handles large uploads", "scales without degradation", "reasonable load times". Mechanisms
# ("automatic retry", "monitoring with alerts", "auto-scaling") are testable as written.
CLAIM = re.compile(
    r"\b(?:fast|faster|quick|quickly|slow|slowing|smooth(?:ly)?|reasonable|acceptable|large|growing|"
    r"highly|low|minimal|efficient(?:ly)?|(?<!auto-)scales?|scalable|at scale|"
    r"reliable|robust|stable|performant|heavy|spikes?|concurrent|load times?|response times?|"
    r"latency|uptime|throughput|capacity)\b",
    re.IGNORECASE,
)
# How the product is built, not what it must achieve: "efficient queries (indexed properly)",
# "efficient data structures".
_TECHNIQUE = re.compile(
    r"\b(?:efficient|scalable|robust|performant|reliable|fast)\s+(?:quer(?:y|ies)|data\s+structures?|"
    r"algorithms?|code|index(?:es|ing)?|cach(?:e|ing)|architecture|schemas?)\b",
    re.IGNORECASE,
)
# "Slow queries → cached data": what the product does when a condition holds; the claim left of
# the arrow is the condition.
_CONSEQUENCE = re.compile(r"→|->|⇒")
_LABELLED = re.compile(r"^\W*(?P<label>[^:\n]{2,40}):\W*(?P<rest>.*)", re.DOTALL)
# A heading that is about quantities and nothing else: "Performance", "Reliability &
# availability", "Performance requirements"; not "Performance management" (a feature).
QUANTITY_TITLE = re.compile(
    rf"^(?P<quality>{QUANTITY})(?:\s*(?:&|and|/|,)\s*(?:{QUANTITY}))*"
    r"(?:\s+(?:requirements?|targets?|goals?|budgets?|expectations|considerations))?\W*$",
    re.IGNORECASE,
)
# A heading over requirements of every quality: its items are judged by what they say.
GENERAL_TITLE = re.compile(
    r"^(?:non-?functional|nfrs?\b|quality attributes|technical requirements)", re.IGNORECASE
)
# A placeholder for the number ("under [insert time]") is placeholder-text's to report.
_PLACEHOLDER = re.compile(r"\[\s*(?:insert|add|enter|tbd|x+|n)\b", re.IGNORECASE)
# Measurable: a number (a time, a percentage, a count), a named standard in capitals ("SLA",
# "RPO"), or a frequency, each of which a test can check.
MEASURABLE = re.compile(
    r"\d|(?-i:\b[A-Z]{2,}[A-Z0-9-]*\b)|\b(?:hourly|daily|weekly|monthly|nightly|real-time|"
    r"realtime|instant(?:ly)?|every|each|per)\b",
    re.IGNORECASE,
)
_KINDS = (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH, BlockKind.TABLE_CELL)
_LABEL_WORDS = 6


def _quality_of(block: Block) -> str | None:
    """The quantity a requirement is about: its line's label ("Performance: ..."), or the
    nearest heading that names one ("### Reliability") or all qualities ("Non-functional")."""
    label = _LABELLED.match(block.text)
    if label and (found := QUANTITY_TITLE.match(label.group("label").strip(" *_"))):
        return found.group("quality").lower()
    for section in block.section.lineage():
        title = strip_numbering(section.title).strip(" *_#")
        if found := QUANTITY_TITLE.match(title):
            return found.group("quality").lower()
        if GENERAL_TITLE.match(title):
            return "non-functional"
    return None


def _requirement_text(document: Document, block: Block) -> str | None:
    """The text a requirement is judged by: a table row's cells together (the target is often
    in a column of its own), a list item or a paragraph; None for a header row, a later cell of
    a row (judged with its first) and a short line in bold that labels what follows."""
    if block.kind is BlockKind.TABLE_CELL:
        cell = block.cell
        if cell is None or cell.row == 0 or cell.column != 0:
            return None
        return " | ".join(other.text for other in document.tables[cell.table].rows[cell.row])
    if (
        block.kind is BlockKind.PARAGRAPH
        and len(block.text.split()) <= _LABEL_WORDS
        and not block.text.rstrip().endswith(".")
    ):
        return None
    return block.text


class UnmeasurableNfr(Rule):
    """A non-functional requirement with no number, threshold or named standard to test it by.

    ## What it does
    Reports a claim about a quality that is a quantity ("loads fast", "handles large uploads",
    "scales without degradation") under a heading about performance, latency, availability,
    reliability, scalability, capacity or recovery, labelled so ("Performance: ..."), or under
    "Non-functional requirements", that gives no number, threshold or frequency a test could
    check it against. A table row is judged whole: its target may stand in a column of its own.
    How the product is built ("efficient queries") and what it does when a condition holds
    ("slow network → cached copy") are left alone.
    Security, usability and accessibility requirements are left alone: most of them say what the
    product does or has, which a test checks as written.

    ## Why is this bad?
    "The system must be highly available" is agreed by everyone and tested by nobody. Quality
    requirements decide architecture and cost: 99% and 99.99% availability are different systems,
    and the number has to be chosen before the design, not found after the launch.

    ## Example
    ```markdown
    ## Performance
    - The rota loads quickly, even for large wards.
    ```

    ## Use instead
    ```markdown
    ## Performance
    - The rota of a 60-nurse ward loads in under 2 s at the 95th percentile on 4G.
    ```

    ## Default
    Opt-in. Judged as their authors would, in 100 real PRDs its 41 findings were 16 worth fixing, 17
    right but not worth it and 8 wrong. On 60 of them it looked worth its place (8 of 14); on the 40
    held out while the defaults were set, 8 of its 27 findings were worth fixing: it reported the line
    that introduces a list of numbers, features and deliverables that exist or not ("conflict
    resolution", "video tutorials"), and stock words beside numbers stated a few lines away. Earlier
    readings: on the 14 findings in 74 real PRDs, one reading judged 9 worth their author's time; a
    second reading judged 7 worth it, 3 right but not worth it (the number stood in another section) and
    4 wrong: design techniques ("efficient data structures"), a fallback ("slow queries → cached data")
    and a monitoring list. The techniques and fallbacks are now left alone, which leaves 11 findings, 7
    of them worth fixing. Turn it on with `extend-select = ["PRD306"]`.
    """

    code = "PRD306"
    name = "unmeasurable-nfr"
    pack = "requirement-language"
    concern = UNTESTABLE
    default_severity = Severity.INFO
    enabled_by_default = False

    def check(self, context: RuleContext) -> Iterator[Violation]:
        document = context.document
        for block in document.blocks:
            if block.kind not in _KINDS:
                continue
            text = _requirement_text(document, block)
            if text is None or MEASURABLE.search(text) or _PLACEHOLDER.search(text):
                continue
            claimed = _TECHNIQUE.sub(" ", _CONSEQUENCE.split(text)[-1])
            if not CLAIM.search(claimed):
                continue
            quality = _quality_of(block)
            if quality is not None:
                yield Violation(
                    f"unmeasurable {quality} requirement: no number, threshold or standard to test it by",
                    block.span(),
                    advice="Give it a number, a threshold or a named standard a test can check (a time at "
                    "a percentile, an uptime, a load).",
                )
