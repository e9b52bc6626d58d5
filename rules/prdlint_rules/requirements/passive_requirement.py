"""PRD310 passive-requirement."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.language.model import POS, SYNTAX, TaggedSentence, TaggedWord
from prdlint.rule import Rule, RuleContext, Severity, Violation

_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am"})
# Between "be" and its participle: "must not be", "is always", "are automatically".
_BETWEEN_TAGS = frozenset({"RB", "RBR", "RBS"})
# Participles that name a state, not an action someone does: "is required to", "is based on".
_STATES = frozenset({"required", "expected", "supposed", "based", "located", "intended", "called", "named"})


def _passive(words: tuple[TaggedWord, ...], index: int) -> int | None:
    """The index of the participle when words[index] is "be" in a passive ("be approved")."""
    if words[index].lower not in _BE:
        return None
    for position in range(index + 1, len(words)):
        word = words[position]
        if word.tag in _BETWEEN_TAGS:
            continue
        if word.tag == "VBN" and word.lower not in _STATES:
            return position
        return None
    return None


def agentless_passives(sentence: TaggedSentence) -> Iterator[tuple[TaggedWord, TaggedWord]]:
    """The first and last word of each passive in the sentence that names no doer ("by ...")."""
    words = sentence.words
    for index in range(len(words)):
        participle = _passive(words, index)
        if participle is None:
            continue
        if any(word.lower == "by" for word in words[participle + 1 :]):
            continue
        start = index - 1 if index > 0 and words[index - 1].tag == "MD" else index
        yield words[start], words[participle]


class PassiveRequirement(Rule):
    """A requirement in the passive voice that does not say who does it.

    ## What it does
    Reports a requirement written in the passive with no doer ("Swaps must be approved within a
    day"), in the document's requirement text. It reads part-of-speech tags, so it runs only with
    a trained spaCy pipeline (`[tool.prdlint.nlp] model = "en_core_web_sm"`, or the folder of one
    saved with `nlp.to_disk`); on the built-in pipeline it is skipped with one notice. "By ..."
    names the doer, and participles that name a state ("is required to", "is based on") are
    left alone.

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
    Opt-in, at info severity: it needs a trained pipeline that prdlint does not install, and
    many requirements in the passive have an obvious doer (the system). Turn it on with
    `extend-select = ["PRD310"]` and a configured model.
    """

    code = "PRD310"
    name = "passive-requirement"
    pack = "requirements"
    default_severity = Severity.INFO
    enabled_by_default = False
    needs = frozenset({SYNTAX, POS})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for sentence in context.analysis.requirement_sentences:
            for first, last in agentless_passives(sentence):
                end = last.start + len(last.text)
                phrase = sentence.block.text[first.start : end]
                yield Violation(
                    f"passive requirement '{phrase}': say who does it (a role, the system, a job), "
                    "so it can be built and tested",
                    sentence.block.span(first.start, end),
                )
