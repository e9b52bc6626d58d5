"""PRD310 passive-requirement."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import POS, SYNTAX, Rule, RuleContext, Severity, TaggedSentence, TaggedWord, Violation

# Participles that name a state, not an action someone does: "is required to", "is based on".
_STATES = frozenset({"required", "expected", "supposed", "based", "located", "intended", "called", "named"})
# A passive inside a clause that begins with one of these is an event or a description ("when a
# swap is approved", "items that were archived"); the requirement is the main clause.
_SUBORDINATORS = frozenset(
    {
        "when",
        "whenever",
        "if",
        "unless",
        "before",
        "after",
        "once",
        "until",
        "while",
        "that",
        "which",
        "where",
    }
)
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")"})
# "Needs to be", "has to be": modal in meaning, not in tag.
_SEMI_MODALS = frozenset({"need", "needs", "has", "have"})


def _modal_before(words: tuple[TaggedWord, ...], be: int) -> int | None:
    """The index of the modal that "be" completes: "must be", "can be", "needs to be"."""
    if be >= 1 and words[be - 1].tag == "MD":
        return be - 1
    if be >= 2 and words[be - 1].lower == "to" and words[be - 2].lower in _SEMI_MODALS:
        return be - 2
    return None


def _subordinate(words: tuple[TaggedWord, ...], start: int) -> bool:
    for word in reversed(words[:start]):
        if word.text in _CLAUSE_BREAKS:
            return False
        if word.lower in _SUBORDINATORS:
            return True
    return False


def _participle(words: tuple[TaggedWord, ...], be: int) -> int | None:
    """The index of the participle of a passive whose "be" is words[be] ("be (not) approved")."""
    for position in range(be + 1, len(words)):
        word = words[position]
        if word.tag in ("RB", "RBR", "RBS"):
            continue
        if word.tag != "VBN" or word.lower in _STATES or _purpose(words, position):
            return None
        return position
    return None


def _purpose(words: tuple[TaggedWord, ...], participle: int) -> bool:
    """ "Coins can be used to send gifts": what a thing is for, not an action someone owns."""
    following = words[participle + 1].lower if participle + 1 < len(words) else ""
    return words[participle].lower == "used" and following in ("to", "for", "as")


def agentless_passives(sentence: TaggedSentence) -> Iterator[tuple[TaggedWord, TaggedWord]]:
    """The first and last word of each requirement in the sentence written as a modal passive
    ("must be approved", "can be assigned", "needs to be confirmed") in its main clause, with
    no doer after it ("by the ward manager"). A plain "is logged" describes what the system
    does, and its doer is nearly always the system: it is left alone."""
    words = sentence.words
    for be, word in enumerate(words):
        if word.lower != "be":
            continue
        modal = _modal_before(words, be)
        participle = _participle(words, be) if modal is not None else None
        if modal is None or participle is None or _subordinate(words, modal):
            continue
        if any(later.lower == "by" for later in words[participle + 1 :]):
            continue
        yield words[modal], words[participle]


class PassiveRequirement(Rule):
    """A requirement in the passive voice that does not say who does it.

    ## What it does
    Reports a requirement written as a modal passive with no doer ("Swaps must be approved
    within a day", "Tasks can be assigned"), in the main clause of the document's requirement
    text. It reads part-of-speech tags, so it runs only with a trained spaCy pipeline
    (`[tool.prdlint.nlp] model = "en_core_web_sm"`, or the folder of one saved with
    `nlp.to_disk`); on the built-in pipeline it is skipped with one notice. "By ..." names the
    doer. Left alone: plain "is logged" (the doer is nearly always the system), passives in a
    "when", "if" or "that" clause (events and descriptions), and participles that name a state
    ("is required to").

    ## Why is this bad?
    A passive requirement hides who acts: the system, a manager, or a nightly job. The builder
    guesses, the tester cannot tell what to check, and a manual step no one owns slips through.

    ## Example
    ```markdown
    ## Requirements
    - Swaps must be approved within a day.
    ```

    ## Use instead
    ```markdown
    - The ward manager approves each swap within a day; the rota reminds them after 12 hours.
    ```

    ## Default
    Opt-in, at info severity: it needs a trained pipeline that prdlint does not install, and on 74 real
    PRDs, linted with spaCy's en_core_web_sm 3.8, 4 of its 17 findings were worth their author's time
    (who may replace a subscription, link users to departments, turn on automated emails, confirm a
    removal). Most modal passives in PRDs have an obvious doer: the system ("must be stored within
    Indonesia"), or a role named in the next sentence. Turn it on with `extend-select = ["PRD310"]` and
    a configured model where requirements are reviewed line by line.
    """

    code = "PRD310"
    name = "passive-requirement"
    pack = "requirement-language"
    default_severity = Severity.INFO
    enabled_by_default = False
    needs = frozenset({SYNTAX, POS})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for sentence in context.analysis.requirement_sentences:
            for first, last in agentless_passives(sentence):
                end = last.start + len(last.text)
                phrase = sentence.block.text[first.start : end]
                yield Violation(
                    f"passive requirement '{phrase}' does not say who does it",
                    sentence.block.span(first.start, end),
                    advice="Say who does it (a role, the system, a job), so it can be built and tested.",
                )
