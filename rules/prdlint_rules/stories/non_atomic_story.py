"""PRD203 non-atomic-story."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from prdlint.language.model import STORIES, WORDS, Word
from prdlint.rule import Option, Rule, RuleContext, Violation
from prdlint_rules.stories.common import alternatives, worded_stories, wording

_COORDINATORS = frozenset({"and", "or", "&", "plus"})
# What may stand before the verb that leads the means: "to create", "can create", "to also create".
_LEADERS = frozenset({"to", "can", "could", "will", "would", "should", "must", "please"})
_ADVERBS = frozenset("then also later both either even still simply just directly".split())
_PARTICLES = frozenset({"up", "in", "out", "on", "off", "down", "back", "over", "through", "away"})
# Words that open an object: "... and share the report", "... and notify them".
_OBJECT_STARTS = frozenset(
    "the a an my our their his her its your this that these those all any each every some them it him "
    "me us one another other new existing multiple several".split()
)
# Words that open a clause about a condition or a result, not a second request: "notify me when
# a plan is approved and paid", "ensure that the file is valid and complete".
_SUBORDINATORS = frozenset(
    "when whenever if while once after before until unless that which who whom whose where whether "
    "because so without since".split()
)
# Verbs that continue the same request rather than add one: "upload a file and have it checked".
_LINKING_VERBS = frozenset({"be", "have", "get", "let", "keep", "make", "see", "know", "feel", "do"})
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


def _is_verb(word: Word) -> bool:
    return word.can_be_verb


def _is_adverb(word: Word) -> bool:
    return word.lower in _ADVERBS or (word.lower.endswith("ly") and len(word.lower) > 4)


def _led(words: Sequence[Word], index: int) -> bool:
    """Whether the word at `index` is a request's verb: "to create", "can create", "to also
    create", or the means' first word ("create", after "I can")."""
    if not _is_verb(words[index]) or words[index].lower in _LINKING_VERBS:
        return False
    if index == 0 or words[index - 1].lower in _LEADERS:
        return True
    return index >= 2 and _is_adverb(words[index - 1]) and words[index - 2].lower in _LEADERS


@cache
def fixed_pairs_pattern(pairs: tuple[str, ...]) -> re.Pattern[str]:
    """Every fixed pair at every place it starts; a lookahead, so pairs that overlap are all found."""
    return re.compile(rf"(?=\b({alternatives(pairs)})\b)")


def _shielded(text: str, pairs: re.Pattern[str]) -> list[tuple[int, int]]:
    """Character ranges where a coordinator belongs to a fixed pair or a quotation."""
    ranges = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    return ranges + [(m.start(), m.start() + len(m.group(1))) for m in pairs.finditer(text.lower())]


def _chain_before(words: Sequence[Word], index: int) -> list[int]:
    """The verbs of "view, edit" in "view, edit or delete": back from the coordinator at `index`
    over commas and particles ("sign up and …")."""
    chain: list[int] = []
    at = index - 1
    if at >= 0 and words[at].text == ",":
        at -= 1
    while at >= 0:
        if words[at].lower in _PARTICLES and at > 0:
            at -= 1
        if not _is_verb(words[at]):
            break
        chain.insert(0, at)
        if at >= 2 and words[at - 1].text == ",":
            at -= 2
            continue
        break
    return chain


def coordinated_requests(text: str, words: Sequence[Word], pairs: re.Pattern[str]) -> list[Word]:
    """The verbs of a means (`text`, read as `words`) that asks for more than one thing, or []
    when it asks for one. `pairs` comes from `fixed_pairs_pattern`.

    "to create and share reports" -> create, share; "to add, edit or delete users" -> add, edit,
    delete; "to view the invoice and mark it paid" -> view, mark. A coordinator inside a fixed
    pair, a quotation or a clause about a condition ("to be sure that …") is not a second
    request, and neither is a noun that could be a verb ("an object or object component").
    """
    shields = _shielded(text, pairs)
    lead: int | None = None
    for index, word in enumerate(words):
        if word.lower in _SUBORDINATORS:
            break
        if lead is None:
            lead = index if _led(words, index) else None
            continue
        if word.lower not in _COORDINATORS or any(s <= word.start < e for s, e in shields):
            continue
        after = index + 1
        while after < len(words) and _is_adverb(words[after]):
            after += 1
        explicit = after < len(words) and words[after].lower == "to"
        after += 1 if explicit else 0
        if after >= len(words) or not _is_verb(words[after]) or words[after].lower in _LINKING_VERBS:
            continue
        chain = _chain_before(words, index)
        if chain and _led(words, chain[0]):
            return [words[i] for i in chain] + [words[after]]
        following = words[after + 1].lower if after + 1 < len(words) else ""
        if explicit or following in _OBJECT_STARTS:
            nearest = max(i for i in range(index) if _led(words, i))
            return [words[nearest], words[after]]
    return []


class NonAtomicStory(Rule):
    """A user story asks for more than one capability.

    ## What it does
    Reports a story whose means coordinates two or more requests: verbs ("create and share
    reports", "add, edit or delete users") or verb phrases ("view the invoice and mark it
    paid"). It leaves alone "and/or", "R&D", "CSV/HTML", fixed pairs that name one action ("drag
    and drop", "terms and conditions", "approve or reject"), nouns joined by "and" ("reports and
    dashboards"), conditions ("when the plan is approved and paid"), quotations, and the ends.

    ## Why is this bad?
    Each capability in a story can be estimated, built, tested and released on its own, and
    usually should be: "create" may be needed this sprint and "share" next quarter. A story
    that asks for several hides its size, and is half done for longer than either half would be.

    ## Example
    ```markdown
    - As a ward manager, I want to create and share the rota, so that nurses know their shifts.
    ```

    ## Use instead
    ```markdown
    - As a ward manager, I want to create the rota, so that shifts are covered.
    - As a ward manager, I want to share the rota, so that nurses know their shifts.
    ```

    ## Options
    `extra-fixed-pairs`: more phrases that name one action in your domain ("check and balance"),
    added to the built-in ones.
    """

    code = "PRD203"
    name = "non-atomic-story"
    pack = "stories"
    needs = frozenset({STORIES, WORDS})
    options = {
        "extra-fixed-pairs": Option(
            "list[str]", [], "phrases joined by 'and' or 'or' that name one action, like 'drag and drop'"
        ),
    }

    def check(self, context: RuleContext) -> Iterator[Violation]:
        pairs = fixed_pairs_pattern(
            (*wording()["fixed-pairs"], *(p.lower() for p in context.options["extra-fixed-pairs"]))
        )
        for story in worded_stories(context.analysis):
            if story.means is None:
                continue
            verbs = coordinated_requests(story.means.text, context.analysis.words_of_means(story), pairs)
            if verbs:
                quoted = ", ".join(f"'{w.text}'" for w in verbs)
                yield Violation(
                    f"non-atomic story: the means asks for more than one capability ({quoted}); "
                    "write one story for each, so each can be estimated, built and accepted alone",
                    story.means.span,
                )
