"""The grammar of a user story, on plain text: "As a <role>, I want <means> so that <ends>".

Pure string work with offsets, so it is testable alone and fast; `stories.py` maps the offsets
back to source positions and decides where to look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prdlint.text.lexicon import alternation, words

# What may stand before "As a": a bullet left in the text, and a label ("US-1.1:", "Ops:",
# "Story 3 -", "[S12]", "4.").
_BULLET = r"(?:[-*•]\s+)?"
_LABEL = (
    r"(?P<label>\[[^\]\n]{1,20}\]\s*[:.)\-–—]?|"
    r"(?:[A-Z]{1,10}[-_ ]?\d+(?:[.\-]\d+)*[a-z]?|(?:user\s+)?story\s*#?\d+(?:\.\d+)*|#?\d+(?:\.\d+)*|"
    r"[A-Z][\w&/+ -]{0,24}?)\s*(?::|—|–|-|\.|\)|\|))"
)
# No "^": match() anchors at its start offset, where "^" would only match at offset 0.
_START = re.compile(rf"\s*{_BULLET}(?:{_LABEL}\s*)?(?P<as>as)\s+(?:(?P<article>an?|the)\s+)?", re.IGNORECASE)

# "I want", "I'd like", "I don't want", "I am able to", "we need", and "would like" with no "I".
INDICATOR_ADVERBS = frozenset(
    "really only also just still definitely always sometimes then now easily".split()
)
_ADVERB = rf"(?:{'|'.join(sorted(INDICATOR_ADVERBS))})"
_VERB = (
    r"(?:(?:should|must|will|shall|could|might)\s+be\s+able\s+to|want|wants|need|needs|would\s+(?:really\s+)?(?:like|love|prefer|want|need|be\s+able\s+to)|['’]d\s+(?:like|love)|"
    r"wish|can(?:not)?|can['’]t|could|should|must|will|shall|['’]ll|am\s+able\s+to|['’]m\s+able\s+to|"
    r"am|['’]m|do\s+not\s+want|don['’]t\s+want|do(?:n['’]t)?\s+need|expect|prefer|hope|require|have\s+to|may|"
    r"like|love|would|do)"
)
_INDICATOR = re.compile(
    rf"(?P<indicator>(?<![\w'’])(?:I|we)(?:\s+|(?=['’]))(?:{_ADVERB}\s+)?{_VERB}\b|(?<![\w'’])would\s+like\b)",
    re.IGNORECASE,
)
# Each "\s+" that opens a pattern a search tries at every offset starts only where a run of
# spaces starts ("(?<!\s)"): tried inside a long run, it would cost the square of the run.
_ENDS = re.compile(
    r",?(?<!\s)\s+(?P<ends_indicator>so\s+that|so\s+as\s+to|in\s+order\s+(?:to|that)|because|such\s+that|"
    rf"so(?=\s+{alternation(words('stories', 'benefit-subjects'))}\b)|"
    r"so(?=\s+(?:[\w-]+\s+){1,3}(?:can|will|could|would|may|might|do|don['’]t|get|have|know|are|is)\b))\b\s*",
    re.IGNORECASE,
)
# A purpose clause that ends a request: "... to ensure ...", "... for planning my week".
_PURPOSE = re.compile(
    r",?(?<!\s)\s+(?:(?P<purpose_to>to)\s+(?=(?:ensure|make\s+sure|avoid|prevent|help|allow|enable|reduce|"
    r"improve|save|stay|protect|comply|keep\s+track|see|understand|learn|know|test|decide|verify|"
    r"confirm|identify|measure|assess|evaluate|gain|remember|unlock|find\s+out)\b)|for\s+(?=[a-z]+ing\b))",
    re.IGNORECASE,
)
# How many words a request opening "to" needs before a purpose may follow: "to swap shifts".
_REQUEST_WORDS = 3
# Words after "As a" that begin an ordinary sentence rather than name a role.
# Where stories are expected, any first-person clause after the role is its means:
# "As a user, I type a route and get fares", "As a user, when the window opens I get a link".
# A story starts after a line break, or after a sentence and its spaces, where "as" follows.
_LATER_START = re.compile(
    r"(?:\n|(?<=[.!?])\s++)(?=\s*+(?:[-*•]\s++)?(?:\S+\s*+[:.)—–-]\s*+)?as\s)", re.IGNORECASE
)
_AS = re.compile(r"as\s", re.IGNORECASE)
_WORD_RUN = re.compile(r"[\w-]+")
_BULLET_AT = re.compile(rf"\s*{_BULLET}")
_FIRST_PERSON = re.compile(r"(?P<indicator>(?<![\w'’])(?:I|we))\s+(?=[a-z])")
_NOT_ROLES = frozenset(
    [
        "result",
        "example",
        "whole",
        "rule",
        "consequence",
        "matter",
        "service",
        "percentage",
        "reminder",
        "note",
        "bonus",
        "fallback",
        "default",
        "baseline",
        "starting",
        "first",
        "proxy",
        "last",
        "precaution",
        "minimum",
        "benchmark",
        "reference",
        "courtesy",
        "stopgap",
        "workaround",
        "compromise",
        "side",
        "bare",
        "general",
        "part",
        "consequence",
        "response",
        "follow-up",
        "measure",
        "test",
        "trial",
        "pilot",
        # "As described above, we need ...": a clause.
        "such",
        "well",
        "soon",
        "long",
        "described",
        "mentioned",
        "noted",
        "shown",
        "discussed",
        "outlined",
        "stated",
        "needed",
        "required",
        "usual",
        "follows",
    ]
)
# "As we develop the API, we want ...": a clause with its subject. "As IT staff" names a role.
_PRONOUNS = frozenset({"we", "i", "you", "they", "it", "he", "she"})


def _opens_a_clause(word: str) -> bool:
    return word.lower() in _NOT_ROLES or (word.lower() in _PRONOUNS and (word == "I" or not word.isupper()))


_QUALIFIER = re.compile(
    r"\s+(?:with|who|whose|that|which|using|having|from|in|on|at|for|of\s+the|interested|responsible|"
    r"working|looking|wanting|trying|browsing|using|viewing|reading|visiting|shopping|booking)\s+",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(
    rf"^\s*(?:to\s+)?[\[<{{]|^\s*{alternation(words('stories', 'placeholder-roles'))}\s*$", re.IGNORECASE
)
_MAX_ROLE_WORDS = 10


@dataclass(frozen=True)
class Part:
    """A piece of a story: its text and its offsets in the parsed string."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ParsedStory:
    role: Part | None
    qualifier: Part | None
    means: Part | None
    ends: Part | None
    label: str | None
    start: int
    end: int
    benefit_start: int | None = None
    """Where the benefit begins, its indicator included (", so that I ..."), when there is one."""

    @property
    def malformed(self) -> bool:
        return self.role is None or self.means is None


def _part(text: str, start: int, end: int) -> Part | None:
    """The stripped piece of `text` between offsets, or None when only punctuation remains."""
    while start < end and (text[start].isspace() or text[start] in ",;:-–—*_"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:*_"):
        end -= 1
    return Part(text[start:end], start, end) if start < end else None


def _split_role(text: str, role: Part) -> tuple[Part, Part | None]:
    """ "user with admin rights" -> role "user", qualifier "with admin rights"."""
    comma = role.text.find(",")
    cut = _QUALIFIER.search(role.text)
    at = min(
        x
        for x in (comma if comma > 0 else None, cut.start() if cut else None, len(role.text))
        if x is not None
    )
    if at >= len(role.text):
        return role, None
    head = _part(text, role.start, role.start + at)
    rest = _part(text, role.start + at, role.end)
    return (head or role), rest


def _ends_split(text: str, start: int, end: int) -> tuple[Part | None, Part | None, int | None]:
    """The means, the ends, and where the ends begin (their indicator included)."""
    match = _ENDS.search(text, start, end) or _purpose(text, start, end)
    if match is None or match.start() <= start:
        return _part(text, start, end), None, None
    return _part(text, start, match.start()), _part(text, match.end(), end), match.start()


def _purpose(text: str, start: int, end: int) -> re.Match[str] | None:
    """A benefit written as a purpose after a complete request, with no "so that": "to swap
    shifts to ensure every ward is covered", "a rota for planning my week". A request that is
    only its object ("the system to ensure ...") has no purpose clause yet."""
    for match in _PURPOSE.finditer(text, start, end):
        request = text[start : match.start()].split()
        complete = request[:1] == ["to"] and len(request) >= _REQUEST_WORDS
        if request and (complete or not match.group("purpose_to")):
            return match
    return None


def _trim_end(text: str, end: int, start: int) -> int:
    """A story ends before trailing sentence punctuation."""
    while end > start and text[end - 1] in " \t\n.!":
        end -= 1
    return end


def parse_story(
    text: str, start: int = 0, end: int | None = None, *, allow_malformed: bool = False
) -> ParsedStory | None:
    """Parses one story that starts at `start` (after an optional bullet and label).

    Returns None for text that is not a story, and for templates ("As a [user], I want to
    [action]"). A story whose means cannot be found is returned (with `means` None) only when
    `allow_malformed` says the context makes a story likely.
    """
    end = len(text) if end is None else end
    opening = _START.match(text, start, end)
    if not opening:
        return None
    role_start = opening.end()
    first_word = _WORD_RUN.match(text, role_start, end)
    if first_word is None or _opens_a_clause(first_word.group()):
        return None
    label = opening.group("label")
    label = label.rstrip(" :.)-–—|") if label else None
    story_end = _trim_end(text, end, role_start)
    indicator = _INDICATOR.search(text, role_start, story_end)
    if indicator is not None and len(text[role_start : indicator.start()].split()) > _MAX_ROLE_WORDS + 4:
        indicator = None
    if indicator is None and allow_malformed:
        comma = text.find(",", role_start, story_end)
        indicator = _FIRST_PERSON.search(text, comma, story_end) if comma != -1 else None
    if indicator is None:
        if not allow_malformed:
            return None
        # The role ends at a comma, a line break or the ends ("As a clerk / So that ...").
        ends = _ENDS.search(text, role_start, story_end)
        stops = (text.find(",", role_start, story_end), text.find("\n", role_start, story_end))
        role_end = min([at for at in stops if at != -1] + [ends.start() if ends else story_end])
        role = _part(text, role_start, role_end)
        if role is None or len(role.text.split()) > _MAX_ROLE_WORDS or _PLACEHOLDER.search(role.text):
            return None
        role, qualifier = _split_role(text, role)
        return ParsedStory(role, qualifier, None, None, label, opening.start("as"), story_end)
    role = _part(text, role_start, indicator.start())
    if role is None or _PLACEHOLDER.search(role.text) or any(c in role.text for c in "[]<>{}"):
        return None
    role, qualifier = _split_role(text, role)
    means, ends, benefit_start = _ends_split(text, indicator.end(), story_end)
    if means is not None and _PLACEHOLDER.search(means.text):
        return None
    return ParsedStory(
        role=role,
        qualifier=qualifier,
        means=means,
        ends=ends,
        label=label,
        start=opening.start("as") if label is None else opening.start("label"),
        end=story_end,
        benefit_start=benefit_start,
    )


def indicator_template(indicator: str) -> str:
    """The template an indicator follows: "I really want" and "I don't want" follow "i want"."""
    words = indicator.lower().replace("’", "'").replace("do not", "don't").split()
    return " ".join(w for w in words if w not in INDICATOR_ADVERBS and w != "don't")


def parse_roleless(text: str, start: int = 0, end: int | None = None) -> ParsedStory | None:
    """A story told without its role: "I want to export invoices so that ..." (malformed)."""
    end = len(text) if end is None else end
    match = _BULLET_AT.match(text, start, end)
    begin = match.end() if match else start
    indicator = _INDICATOR.match(text, begin, end)
    if indicator is None or not indicator.group("indicator").lower().startswith(("i ", "we ")):
        return None
    story_end = _trim_end(text, end, indicator.end())
    means, ends, benefit_start = _ends_split(text, indicator.end(), story_end)
    if means is None:
        return None
    return ParsedStory(None, None, means, ends, None, begin, story_end, benefit_start)


def story_starts(text: str) -> list[int]:
    """Offsets where a story may start: the text's start, a line start, or after a sentence."""
    if _AS.search(text) is None:  # what every later start is followed by; most texts lack it
        return [0]
    starts = [0]
    for match in _LATER_START.finditer(text):
        starts.append(match.end())
    return sorted(set(starts))


def count_stories(text: str) -> int:
    """How many stories `text` holds, where a story may start: at its start, a line's or a
    sentence's."""
    return sum(parse_story(text, start) is not None for start in story_starts(text))


def request_end(text: str) -> int:
    """Where what `text` asks for ends: where the benefit of its first story with one begins ("so
    that", "in order to", "because", a purpose clause), else the end of the text. Each story is
    read from where one may start to where the next may, as the story stage reads them."""
    starts = story_starts(text)
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        story = parse_story(text, start, end)
        if story is not None and story.benefit_start is not None:
            return story.benefit_start
    return len(text)
