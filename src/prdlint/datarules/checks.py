"""The five kinds of check a rule file can ask for, each over the units of its scope."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

import re2

from prdlint.datarules.patterns import Match, any_of, escape, leftmost, matches_alone, user_pattern
from prdlint.datarules.spec import RuleSpec
from prdlint.datarules.units import Unit
from prdlint.rule import Edit, Fix, Violation
from prdlint.text.forms import inflections
from prdlint.text.joined_search import JOIN, holding_matches

_WORD_EDGE_BEFORE = r"(?<![\w-])"
_WORD_EDGE_AFTER = r"(?![\w-])"


def _alternation(words: Sequence[str]) -> str:
    return "|".join(
        r"\s+".join(re.escape(part) for part in word.split()) for word in sorted(words, key=len, reverse=True)
    )


def _words_pattern(words: Sequence[str], spec: RuleSpec) -> re.Pattern[str]:
    """Whole words and phrases, escaped: linear in `re`, which has the look-around that keeps
    "user" out of "users-guide"."""
    pattern = f"{_WORD_EDGE_BEFORE}(?:{_alternation(words)}){_WORD_EDGE_AFTER}"
    return re.compile(pattern, 0 if spec.case_sensitive else re.IGNORECASE)


@cache
def existence_patterns(spec: RuleSpec) -> tuple[re.Pattern[str] | None, re2._Regexp | None]:
    """The rule's words in `re` and its authors' patterns, as one RE2 alternation."""
    words = _existence_words(spec)
    written = tuple(pattern.pattern for pattern in spec.patterns)
    return (
        _words_pattern(words, spec) if words else None,
        any_of(written, spec.case_sensitive) if written else None,
    )


# What `re` reads as `\s` in a text (every character str.isspace() holds), in RE2's spelling:
# RE2's own `\s` is ASCII and leaves out the vertical tab.
_RE2_SPACE = r"[\s\x{0b}\p{Z}\x{1c}-\x{1f}\x{85}]"


def _existence_words(spec: RuleSpec) -> list[str]:
    return [*spec.tokens, *spec.phrases, *(form for lemma in spec.lemmas for form in inflections(lemma))]


@cache
def _words_in_re2(words: tuple[str, ...], case_sensitive: bool) -> re2._Regexp | None:
    """The words as RE2 finds them, without their edges: a match of the words pattern is a match
    of this, and RE2 finds them in a whole document in a fraction of what `re`, trying the
    edges' look-around at every character, takes. None where a word is not ASCII (whose case
    the two engines might fold apart) or holds the join."""
    if not all(word.isascii() and JOIN not in word for word in words):
        return None
    alternation = "|".join(f"{_RE2_SPACE}+".join(escape(part) for part in word.split()) for word in words)
    return user_pattern(f"(?:{alternation})", case_sensitive)


@cache
def _unit_finders(spec: RuleSpec) -> tuple[re2._Regexp, ...] | None:
    """The RE2 searches whose matches in the units' joined texts (`holding_matches`) find every
    unit an existence rule's words and patterns match in: its words in RE2, and its authors'
    patterns where they match alone. None where a word or a pattern cannot be searched so."""
    words = _existence_words(spec)
    in_re2 = _words_in_re2(tuple(words), spec.case_sensitive) if words else None
    if (words and in_re2 is None) or not all(matches_alone(pattern.pattern) for pattern in spec.patterns):
        return None
    _, written = existence_patterns(spec)
    return tuple(pattern for pattern in (in_re2, written) if pattern is not None)


def _in_scope(unit: Unit, spec: RuleSpec) -> bool:
    if spec.under is not None:
        titles = [s.title for s in unit.section.lineage()] if unit.section is not None else []
        if not any(spec.under.search(title) for title in titles):
            return False
    return spec.unless is None or not spec.unless.search(unit.text)


def _outside_code(unit: Unit, matches: Iterable[Match]) -> Iterator[Match]:
    return (m for m in matches if m.end() > m.start() and not unit.in_code(m.start(), m.end()))


def _matches(unit: Unit, pattern: re.Pattern[str] | re2._Regexp) -> Iterator[Match]:
    return _outside_code(unit, pattern.finditer(unit.text))


def existence(spec: RuleSpec, units: Iterable[Unit]) -> Iterator[Violation]:
    words, written = existence_patterns(spec)
    finders = _unit_finders(spec)
    if finders is not None:
        units = holding_matches(units, finders)
    for unit in units:
        if _in_scope(unit, spec):
            for match in _outside_code(unit, leftmost(unit.text, words, written)):
                yield Violation(
                    spec.message.format(match=match.group()),
                    unit.span(match.start(), match.end()),
                    advice=spec.advice,
                )


def substitution(spec: RuleSpec, units: Iterable[Unit]) -> Iterator[Violation]:
    table = {(word if spec.case_sensitive else word.lower()): better for word, better in spec.swap.items()}
    pattern = _words_pattern(list(spec.swap), spec)
    in_re2 = _words_in_re2(tuple(spec.swap), spec.case_sensitive)
    for unit in units if in_re2 is None else holding_matches(units, [in_re2]):
        if not _in_scope(unit, spec):
            continue
        for match in _matches(unit, pattern):
            found = match.group()
            better = table[" ".join((found if spec.case_sensitive else found.lower()).split())]
            span = unit.span(match.start(), match.end())
            fix = Fix(f"write '{better}'", (Edit(span, better),))
            yield Violation(
                spec.message.format(match=found, replacement=better), span, fix, advice=spec.advice
            )


def occurrence(spec: RuleSpec, units: Iterable[Unit]) -> Iterator[Violation]:
    for unit in units:
        if not _in_scope(unit, spec):
            continue
        count = len(re.findall(r"[\w'’-]+", unit.text))
        if (spec.most is not None and count > spec.most) or (spec.least is not None and count < spec.least):
            limit = spec.most if spec.most is not None else spec.least
            text = unit.text.strip()
            start = unit.text.find(text[:1]) if text else 0
            yield Violation(
                spec.message.format(count=count, max=spec.most, min=spec.least, limit=limit, match=text[:40]),
                unit.span(start, start + len(text)),
                advice=spec.advice,
            )


def conditional(spec: RuleSpec, units: Iterable[Unit]) -> Iterator[Violation]:
    """Each match of `if` needs its `then` (with `{1}` for the match's first group, or the whole
    match where there is none or it took no part) somewhere in the scope: an acronym and its
    definition in the same document."""
    in_scope = [unit for unit in units if _in_scope(unit, spec)]
    whole = "\n".join(unit.text for unit in in_scope)
    reported: set[str] = set()
    for unit in in_scope:
        for match in _matches(unit, spec.condition):
            first = match.group(1) if match.re.groups else None
            group = match.group() if first is None else first  # a group may take no part: (a|b)*c
            if group in reported:
                continue
            wanted = user_pattern(spec.then.replace("{1}", escape(group)), spec.case_sensitive)
            if not wanted.search(whole):
                reported.add(group)
                span = unit.span(match.start(), match.end())
                yield Violation(spec.message.format(match=group), span, advice=spec.advice)


def consistency(spec: RuleSpec, units: Iterable[Unit]) -> Iterator[Violation]:
    """Only one spelling of each group per document: the first one used sets it."""
    in_scope = [unit for unit in units if _in_scope(unit, spec)]
    for group in spec.either:
        patterns = [_words_pattern([spelling], spec) for spelling in group]
        chosen: int | None = None
        for unit in in_scope:
            found = sorted((m.start(), i, m) for i, p in enumerate(patterns) for m in _matches(unit, p))
            for _, index, match in found:
                if chosen is None:
                    chosen = index
                elif index != chosen:
                    message = spec.message.format(match=match.group(), first=group[chosen])
                    yield Violation(message, unit.span(match.start(), match.end()), advice=spec.advice)


CHECKS = {
    "existence": existence,
    "substitution": substitution,
    "occurrence": occurrence,
    "conditional": conditional,
    "consistency": consistency,
}
