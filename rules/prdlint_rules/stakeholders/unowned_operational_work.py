"""PRD113 unowned-operational-work."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from prdlint.api import (
    REQUIREMENT_TEXT,
    STORIES,
    Position,
    Rule,
    RuleContext,
    Severity,
    Violation,
    first_and_more,
)
from prdlint_rules.stakeholders.common import is_template, users
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import OPERATIONAL
from prdlint_rules.stakeholders.reading.model import Signal, StakeholderReading
from prdlint_rules.stakeholders.reading.signals import (
    NO_ACCOUNTS,
    NO_BACKEND,
    OPERATIONAL_REQUESTS,
    OPERATIONAL_WORK,
)

_WORD = re.compile(r"[a-z][a-z&-]*")
# How many pieces of work a message quotes; the rest are counted.
_QUOTED = 2
# Two words name the same work when they share this many first letters ("dispute", "disputes";
# "moderate", "moderation"); shorter words are not compared.
_STEM = 5
# How far below an operational role's name its work may be listed ("2.3 Admin", then its
# responsibilities), and below a user story's first line.
_UNDER_OPERATOR = 20
_UNDER_STORY = 5


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _stems(text: str, generic: frozenset[str]) -> set[str]:
    return {word[:_STEM] for word in _words(text) if len(word) >= _STEM and word not in generic}


@dataclass(frozen=True)
class _Owners:
    """What shows who does the document's back-office work."""

    words: frozenset[str]
    """Words that name someone to do the work, or say it needs no one, where they stand on the
    work's line or in a heading over it: the names of operational roles, by their last word
    ("agent" of "support agent"), and the vocabulary's `work-owners` ("we", "automatically")."""
    named: frozenset[Position]
    """Where the document's roles are named: a role named before a piece of work on its line
    does it ("vendors issue refunds"); one named after it is its object ("disputes between
    riders and sellers")."""
    stories: frozenset[int]
    """The first lines of the user stories: their role does the work the next lines ask for."""
    operators: frozenset[int]
    """Lines where an operational role is named: any work listed below it is theirs."""
    handled: frozenset[str]
    """The word stems of every line about an operational role: what those roles are shown doing
    ("Admins resolve disputes": "admin", "resol", "dispu")."""
    generic: frozenset[str]
    """Words that do not say which work it is ("manual" in "manual review")."""

    def _done_by_a_role(self, signal: Signal) -> bool:
        start = signal.span.start
        if any(line in self.stories for line in range(start.line - _UNDER_STORY, start.line + 1)):
            return True
        return any(place.line == start.line and place.column < start.column for place in self.named)

    def stems(self, text: str) -> set[str]:
        return _stems(text, self.generic)

    def own(self, context: RuleContext, signal: Signal) -> bool:
        around = [context.document.line_text(signal.line), *signal.headings]
        if any(self.words & _words(text) for text in around):
            return True
        if any(line in self.operators for line in range(signal.line - _UNDER_OPERATOR, signal.line + 1)):
            return True
        if signal.category == OPERATIONAL_WORK and self._done_by_a_role(signal):
            return True
        return bool(self.stems(signal.text) & self.handled)


def _owners(context: RuleContext, analysis: StakeholderReading) -> _Owners:
    vocabulary = analysis.vocabulary
    names = {word for word, role in vocabulary.heads.items() if role.kind == OPERATIONAL}
    words = vocabulary.words("work-owners") | {name.split()[-1] for name in names}
    roles = analysis.stakeholders.roles.values()
    named = frozenset(mention.span.start for role in roles for mention in role.mentions)
    stories = frozenset(story.line for story in context.analysis.stories)
    operational = [role for role in users(analysis) if OPERATIONAL in role.kinds]
    operators = {mention.span.start.line for role in operational for mention in role.mentions}
    generic = vocabulary.words("work-generic")
    lines = operators | {evidence.line for role in operational for evidence in role.evidence}
    handled = frozenset(stem for line in lines for stem in _stems(context.document.line_text(line), generic))
    return _Owners(frozenset(words), named, stories, frozenset(operators), handled, generic)


def _requirement_lines(context: RuleContext) -> set[int]:
    """The lines of the document's requirement text: work named in a problem statement, a
    persona's goals or a list of legal bases is described, not asked for."""
    lines: set[int] = set()
    for block in context.analysis.requirement_text.blocks:
        span = block.span()
        lines.update(range(span.start.line, span.end.line + 1))
    return lines


class UnownedOperationalWork(Rule):
    """The requirements name back-office work (refunds, moderation, provisioning) and no one to do it.

    ## What it does
    Reports work the product needs a person to do behind the scenes, named in the document's
    requirements (under a heading about requirements, features, scope or stories) with no one
    shown doing it: deciding refunds and disputes, acting on what users report or flag,
    moderating, banning and suspending, manual review and approval queues, verifying sellers or
    providers, provisioning accounts, onboarding the businesses of the supply side, curating the
    product's reference data. The work is owned when its line or a heading over it names who
    does it ("the support team issues refunds", "## Admin console", "we review every reported
    post") or says it needs no one ("refunded automatically"); when a role named before it on
    its line, or the role of the user story it is in, does it ("vendors issue refunds"); when
    it is listed under an operational role's name ("2.3 Admin", then its responsibilities); or
    when a line about an admin, support agent, moderator or operations
    role names the same work ("Admins resolve disputes"). A request raised by a user ("request
    a refund", "report a post") is owned only by whoever settles it. Work under "Out of scope",
    "Non-goals" or "Future" headings, work the document denies ("no moderation"), work named
    only in the background, the personas or the metrics, and a product with nothing to operate
    (no accounts and no backend) are left alone. A refund or dispute alone is not reported:
    "refunded to the winner" and a REFUNDED status happen by themselves.

    ## Why is this bad?
    Each of these is a job with a queue, a tool and a person. A refund button needs someone who
    decides on the refund; a "report post" link needs someone who reads the reports. Written
    from the end user's side only, the PRD leaves out that person's tools (a review queue, an
    admin view, an audit trail), and the work lands on whoever is nearest after launch.

    ## Example
    ```markdown
    ## Requirements
    - Shoppers can request a refund for a missing item.
    - Shoppers can report a listing as misleading.
    ```

    ## Use instead
    ```markdown
    ## Users
    - Support agents review refund requests and reported listings in an admin queue, and
      approve or reject each within one working day.
    ```

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD113"]`). Judged as their authors would, in 200
    real PRDs it had not been tuned on, its 3 findings were 0 worth fixing, 2 right but not worth
    it and 1 wrong. As first judged, before it kept to the requirements, it made 9 findings: 1
    worth fixing, 2 not worth it and 6 wrong, on work named in problem statements, personas'
    goals and lists of legal bases. Too few findings to earn a default.
    """

    code = "PRD113"
    name = "unowned-operational-work"
    pack = "stakeholders"
    enabled_by_default = False
    default_severity = Severity.INFO
    needs = frozenset({STAKEHOLDERS, STORIES, REQUIREMENT_TEXT})
    whole_document = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis = reading(context)
        business = analysis.business
        if is_template(context) or (business.affirmed(NO_ACCOUNTS) and business.affirmed(NO_BACKEND)):
            return
        required = _requirement_lines(context)
        work = [
            signal
            for category in (OPERATIONAL_WORK, OPERATIONAL_REQUESTS)
            for signal in business.stated(category)
            if signal.line in required
        ]
        if not work:
            return
        owners = _owners(context, analysis)
        unowned = sorted((signal for signal in work if not owners.own(context, signal)), key=lambda s: s.line)
        if not unowned:
            return
        named: dict[frozenset[str], str] = {}
        for signal in unowned:
            named.setdefault(frozenset(owners.stems(signal.text)), signal.text.lower())
        listed = first_and_more([f"'{text}'" for text in named.values()], _QUOTED)
        yield Violation(
            f"back-office work with no one named to do it: {listed}",
            unowned[0].span,
            advice="No admin, support agent, moderator or operations role is shown doing it. "
            "Back-office work needs a person and a tool: name the role that does it and what they "
            "need to do it (a queue, an admin view).",
        )
