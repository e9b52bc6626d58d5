"""PRD203 non-atomic-story."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from prdlint.api import STORIES, WORDS, Option, Rule, RuleContext, Severity, Violation, Word
from prdlint_rules.stories.common import alternatives, worded_stories, wording

_COORDINATORS = frozenset({"and", "or", "&", "plus"})
# What may stand before the verb that leads the means: "to create", "can create", "to also create".
_LEADERS = frozenset({"to", "can", "could", "will", "would", "should", "must", "please"})
_ADVERBS = frozenset("then also later both either even still simply just directly only".split())
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
_RELATIVES = frozenset({"that", "which", "who"})
# Verbs that have someone or something else do the request: "have the system inject it".
_CAUSATIVES = frozenset({"have", "let", "make"})
_CAUSED_OBJECT_WORDS = 3
# Of those, the ones that ask for something more when an object follows: "and get a list".
_SECOND_REQUESTS = frozenset({"get", "keep", "have", "make"})
_PRONOUNS = frozenset("it them him her me us".split())
_FIRST_PERSON = frozenset({"i", "we"})
# Words that open examples, which name one request's instances: "such as A or B".
_EXAMPLES = frozenset({"such", "including", "e.g.", "eg", "i.e.", "ie", "etc"})
# How far into the phrase after a coordinator its noun may stand: "and an optional description".
_PHRASE_WORDS = 3
# Nouns a stop list counts among its words: "a name and a description".
_STOP_NOUNS = frozenset({"name", "part", "side", "top", "front", "bottom"})
_QUANTITIES = frozenset("one two three four five several more less fewer most all".split())
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}")


def _is_verb(word: Word) -> bool:
    return word.can_be_verb


def _is_adverb(word: Word) -> bool:
    return word.lower in _ADVERBS or (word.lower.endswith("ly") and len(word.lower) > 4)


def _led(words: Sequence[Word], index: int) -> bool:
    """Whether the word at `index` is a request's verb: "to create", "can create", "to also
    create", the means' first word ("create", after "I can"), or the verb a causative opens
    ("to have the archive encrypt ...", "to let guests book ...")."""
    if not _is_verb(words[index]) or words[index].lower in _LINKING_VERBS:
        return False
    if index == 0 or words[index - 1].lower in _LEADERS:
        return True
    if index >= 2 and _is_adverb(words[index - 1]) and words[index - 2].lower in _LEADERS:
        return True
    return _caused(words, index)


def _caused(words: Sequence[Word], index: int) -> bool:
    """ "have Symplectic Elements communicate": a causative, its object, then the verb."""
    for start in range(max(index - _CAUSED_OBJECT_WORDS - 1, 0), index - 1):
        if words[start].lower in _CAUSATIVES:
            between = words[start + 1 : index]
            return all(
                (word.can_be_noun or _is_adverb(word) or not word.can_be_verb) and not word.is_punct
                for word in between
            )
    return False


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
    delete; "to view the invoice and mark it paid" -> view, mark; "to enter my zip code and get a
    list of facilities" -> enter, get; "to delete a version and I expect it to fail" -> delete,
    expect. A coordinator inside a fixed pair, a quotation, brackets, an example ("such as A or
    B") or a clause about a condition ("to be sure that …") is not a second request, and neither
    is a noun that could be a verb ("an object or object component"), nor a verb that goes on
    with the same request ("upload a file and have it checked").
    """
    return _coordination(text, words, pairs, things=False)


def coordinated_things(text: str, words: Sequence[Word], pairs: re.Pattern[str]) -> list[Word]:
    """The nouns of a means whose request is for two things at once, or []: "to read users'
    feedback and complaints" -> feedback, complaints; "to update my details and the materials I
    accept" -> details, materials. Numbers and quantities ("one or more items") and the words
    of fixed pairs ("username and password") are no two things."""
    return _coordination(text, words, pairs, things=True)


def _coordination(text: str, words: Sequence[Word], pairs: re.Pattern[str], *, things: bool) -> list[Word]:
    shields = _shielded(text, pairs)
    lead: int | None = None
    for index, word in enumerate(words):
        if word.lower in _EXAMPLES or (word.lower in _SUBORDINATORS and not _relative(words, index, things)):
            break
        if lead is None:
            # A request for things may open with any verb ("to see dates and times"); one of
            # several requests opens with a verb that leads it.
            lead = index if (_is_verb(word) if things else _led(words, index)) else None
            continue
        if word.lower not in _COORDINATORS or any(s <= word.start < e for s, e in shields):
            continue
        if (index + 1 < len(words) and words[index + 1].text == "/") or words[index - 1].text == "/":
            continue  # "and/or"
        found = _things(words, index) if things else _requests(words, index, lead)
        if found:
            return found
    return [] if things or lead is None else _second_clause(words, lead, shields)


def _relative(words: Sequence[Word], index: int, things: bool) -> bool:
    """Whether a relative pronoun at `index` describes the thing before it ("a pipeline that reads
    or writes a dataset"): what it joins is still part of the request. After a verb ("ensure
    that ...") it opens a condition, which asks for nothing more."""
    if not things or words[index].lower not in _RELATIVES or index == 0:
        return False
    before = words[index - 1]
    return before.can_be_noun and not before.can_be_verb and not before.is_stop


def _second_clause(words: Sequence[Word], lead: int, shields: list[tuple[int, int]]) -> list[Word]:
    """ "... and I expect this to fail", even after a condition: a request of its own."""
    for index in range(lead + 1, len(words) - 2):
        word, subject, verb = words[index], words[index + 1], words[index + 2]
        shielded = any(s <= word.start < e for s, e in shields)
        if word.lower in _COORDINATORS and not shielded and subject.lower in _FIRST_PERSON and _is_verb(verb):
            return [words[lead], verb]
    return []


def _requests(words: Sequence[Word], index: int, lead: int) -> list[Word]:
    """The requests a coordinator at `index` joins, after the request led at `lead`."""
    after = index + 1
    while after < len(words) and _is_adverb(words[after]):
        after += 1
    if after >= len(words):
        return []
    # "... to OAI, and continue": after a comma, a verb starts a request of its own.
    infinitive = words[after].lower == "to"
    after += 1 if infinitive else 0
    explicit = infinitive or (words[index - 1].text == "," and not words[after].can_be_noun)
    if after >= len(words) or not _is_verb(words[after]):
        return []
    following = words[after + 1] if after + 1 < len(words) else None
    if words[after].lower in _LINKING_VERBS:
        # "... and get a list of facilities" asks for more; "... and have it checked" does not.
        second = following is not None and following.lower in _OBJECT_STARTS - _PRONOUNS
        return [words[lead], words[after]] if second and words[after].lower in _SECOND_REQUESTS else []
    chain = _chain_before(words, index)
    if chain and _led(words, chain[0]):
        return [words[i] for i in chain] + [words[after]]
    if explicit or (following is not None and following.lower in _OBJECT_STARTS):
        nearest = max(i for i in range(index) if _led(words, i))
        return [words[nearest], words[after]]
    return []


def _things(words: Sequence[Word], index: int) -> list[Word]:
    """The two things a coordinator at `index` joins: the noun before it and the first noun of
    the phrase after it ("and an optional description")."""
    if any(word.lower == "between" for word in words[max(index - _PHRASE_WORDS, 0) : index]):
        return []  # "choose between day and night shifts": one choice
    left = words[index - 1]
    if left.text == "," and index >= 2:
        left = words[index - 2]  # "a key, a checksum, and the replicated file"
    after = index + 1
    while after < len(words) and words[after].lower in _OBJECT_STARTS - _PRONOUNS:
        after += 1
    ahead = words[after : after + _PHRASE_WORDS]
    right = next(
        (word for word in ahead if word.can_be_noun and not word.is_stop), ahead[0] if ahead else None
    )
    if right is None or not _a_thing(left) or not _a_thing(right) or left.lemma == right.lemma:
        return []
    if after == index + 1 and _verb_phrase(ahead):
        return []  # "browse the list and see which": a second verb, not a second thing
    return [left, right]


def _verb_phrase(ahead: Sequence[Word]) -> bool:
    """Whether the words after a coordinator open a verb phrase ("only share data", "see which
    ones") rather than a noun phrase ("release date"; "grant permissions" asks for more either
    way)."""
    first = ahead[0]
    if _is_adverb(first):
        return True
    if not first.can_be_verb:
        return False
    nxt = ahead[1] if len(ahead) > 1 else None
    return not first.can_be_noun or nxt is None or nxt.is_stop or not nxt.can_be_noun


def _a_thing(word: Word) -> bool:
    """A noun ("description", "name"), or a word English does not know as anything else
    ("username", "NetIDs"); not a determiner, pronoun or quantity."""
    lower = word.lower
    if not word.text[0].isalpha() or lower in _QUANTITIES or lower in _OBJECT_STARTS:
        return False
    if word.is_stop or lower in _PARTICLES:
        return lower in _STOP_NOUNS
    return word.can_be_noun or not (word.can_be_verb or word.can_be_adjective)


class NonAtomicStory(Rule):
    """A user story asks for more than one capability.

    ## What it does
    Reports a story whose means asks for more than one thing: coordinated requests, verbs
    ("create and share reports", "add, edit or delete users") or verb phrases ("view the invoice
    and mark it paid", "enter my postcode and get a list of depots", "delete a version and I
    expect it to fail"), and coordinated things the request is for ("read feedback and
    complaints", "update my details and the materials I accept") where the `things` option asks
    for them. It leaves alone "and/or",
    "R&D", "CSV/HTML", fixed pairs that name one action or thing ("drag and drop", "approve or
    reject", "username and password"), numbers and quantities ("one or more items"), examples
    ("such as A or B", anything in brackets), conditions ("when the plan is approved and paid"),
    quotations, and the ends.

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
    added to the built-in ones. `things`: also report coordinated things, as the Quality User
    Story framework counts them (off by default: "photos and bios", "opening and closing times"
    are most often the parts of one thing a story asks for, not two requests).

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD203"]`). Judged as their authors would, in 60 real
    PRDs its 27 findings were 1 worth fixing, 13 right but not worth it and 13 wrong. Earlier readings:
    on 30 real PRDs read finding by finding, 6 of 33 findings were stories their authors would split;
    most were right by the Quality User Story framework but named parts of one thing ("notes and
    outcomes", "profiles and ratings"). Raise it where stories are estimated one by one.
    """

    code = "PRD203"
    name = "non-atomic-story"
    pack = "stories"
    enabled_by_default = False
    default_severity = Severity.INFO
    needs = frozenset({STORIES, WORDS})
    per_story = True
    options = {
        "extra-fixed-pairs": Option(
            "list[str]", [], "phrases joined by 'and' or 'or' that name one action, like 'drag and drop'"
        ),
        "things": Option(
            "bool", False, "also report a request for two things: 'read feedback and complaints'"
        ),
    }

    def check(self, context: RuleContext) -> Iterator[Violation]:
        pairs = fixed_pairs_pattern(
            (*wording()["fixed-pairs"], *(p.lower() for p in context.options["extra-fixed-pairs"]))
        )
        for story in worded_stories(context.analysis):
            if story.means is None:
                continue
            words = context.analysis.words_of_means(story)
            verbs = coordinated_requests(story.means.text, words, pairs)
            wanted = context.options["things"] and not verbs
            things = coordinated_things(story.means.text, words, pairs) if wanted else []
            if verbs or things:
                quoted = ", ".join(f"'{w.text}'" for w in verbs or things)
                asks = "more than one capability" if verbs else "more than one thing"
                yield Violation(
                    f"non-atomic story: the means asks for {asks} ({quoted})",
                    story.means.span,
                    advice="Write one story for each, so each can be estimated, built and accepted alone.",
                )
