"""PRD308 weak-modal."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.api import REQUIREMENT_TEXT, Rule, RuleContext, Severity, Violation

STRONG = re.compile(r"\b(?:must|shall)\b", re.IGNORECASE)
# "May" and "could" grant a permission or a capability as often as they hedge ("managers may
# approve swaps"); "should" is the word that leaves a requirement optional. "Should have" is a
# MoSCoW priority, which says exactly what the requirement's weight is.
WEAK = re.compile(r"\bshould\b(?!\s+have\b)", re.IGNORECASE)
# The document has chosen must/shall when it writes at least this many requirements with them,
# and more than half of its requirements with a modal.
_MIN_STRONG = 3


class WeakModal(Rule):
    """A requirement says "should" in a document whose requirements say "must".

    ## What it does
    Where a document writes its requirements with "must" or "shall" (at least three, and more
    than with "should"), reports the requirements written with "should": a reader cannot tell
    whether they are required. "May" and "could" are left alone (they grant permissions as often
    as they hedge), and so is "should have", a MoSCoW priority.

    ## Why is this bad?
    In a document that uses "must" for what is required, "should" reads as optional, and
    optional requirements are cut first, by whoever is short of time, without anyone deciding.
    Say which it is: "must", or a priority ("nice to have", "phase 2").

    ## Example
    ```markdown
    ## Requirements
    - The rota must show every shift of the ward.
    - Managers must approve swaps.
    - Nurses must see pending swaps.
    - Swaps should be approved within a day.
    ```

    ## Use instead
    ```markdown
    - Swaps must be approved within a day; after that the nurse is reminded.
    ```

    ## Default
    Opt-in; too few findings judged to move it. Judged as their authors would, in 60 real PRDs its 1
    finding were 0 worth fixing, 1 right but not worth it and 0 wrong. Earlier readings: it fires
    rarely: on 74 real PRDs it found 2 findings, and two readings judged 3 of their 4 verdicts worth the
    author's time (one "should" was deliberately soft, about a possible future migration): short of four
    in five. Turn it on with `extend-select = ["PRD308"]` where the team writes requirements in must and
    shall.
    """

    code = "PRD308"
    name = "weak-modal"
    pack = "requirement-language"
    default_severity = Severity.INFO
    enabled_by_default = False
    needs = frozenset({REQUIREMENT_TEXT})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        text = context.analysis.requirement_text
        stated = [(block, len(text.requirement(block))) for block in text.blocks]
        strong = [block for block, end in stated if STRONG.search(block.text, 0, end)]
        weak = [
            (block, match)
            for block, end in stated
            if (match := WEAK.search(block.text, 0, end)) and not STRONG.search(block.text, 0, end)
        ]
        if len(strong) < _MIN_STRONG or len(strong) <= len(weak):
            return
        for block, match in weak:
            yield Violation(
                f"weak modal '{match.group()}' where {len(strong)} other requirements say must or shall",
                block.span(match.start(), match.end()),
                advice="Say whether it is required, or give it a priority.",
            )
