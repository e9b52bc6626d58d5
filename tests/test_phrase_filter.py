"""What a block must hold for the stakeholder stage's phrase matchers to match in it, read before
it is tokenized: the filter may let a block through that holds no match, never the reverse."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher, PhraseMatcher

from conftest import prepared_stakeholders
from prdlint.api import for_tokenizer, phrase_forms
from prdlint_rules.stakeholders.reading.anchors import TokenFilter, phrase_filter, prose_of, text_words
from prdlint_rules.stakeholders.reading.business import token_pattern


def _finders() -> dict[str, tuple[PhraseMatcher | Matcher, TokenFilter]]:
    prepared = prepared_stakeholders()
    return {
        "roles": (prepared.mentions.matcher, prepared.mentions.phrases),
        "signals": (prepared.signals.phrases, prepared.signals.phrase_filter),
        "signal patterns": (prepared.signals.patterns, prepared.signals.pattern_filter),
    }


def _phrases() -> list[str]:
    vocabulary = prepared_stakeholders().vocabulary
    signals = [phrase for signal in vocabulary.signals.values() for phrase in signal.phrases]
    return sorted(phrase_forms([*vocabulary.phrases(), *signals]))


PHRASES = _phrases()
# What stands between words in real blocks: spaces, line breaks, runs of them, other spaces,
# punctuation that spaCy splits off or keeps, and letters whose case folds oddly.
SEPARATORS = [
    " ",
    " ",
    " ",
    "",
    "\n",
    "  ",
    "\t",
    "\u00a0",
    "-",
    "/",
    ", ",
    "'s ",
    ". ",
    "(",
    ")",
    "\u0130",
    "x",
]


def _cased(text: str, how: int) -> str:
    return (text, text.upper(), text.title(), text.lower())[how]


@st.composite
def blocks(draw: st.DrawFn) -> str:
    """Texts made of the vocabulary's phrases (whole, or split into their words) and fillers,
    joined by what joins words in real blocks."""
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        phrase = _cased(draw(st.sampled_from(PHRASES)), draw(st.integers(0, 3)))
        words = phrase.split() if draw(st.booleans()) else [phrase]
        parts += [word + draw(st.sampled_from(SEPARATORS)) for word in words]
        parts.append(draw(st.sampled_from(["", "the ", "paid ", "Our ", "12 "])))
    return "".join(parts)


def _patterns() -> list[list[dict]]:
    vocabulary = prepared_stakeholders().vocabulary
    return [token_pattern(pattern) for signal in vocabulary.signals.values() for pattern in signal.patterns]


PATTERNS = _patterns()


@st.composite
def pattern_blocks(draw: st.DrawFn) -> str:
    """Texts made of what the signal patterns match: each token one of its words, any word for a
    word of letters, a number written either way; an optional token there or not."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        for token in draw(st.sampled_from(PATTERNS)):
            if token.get("OP") == "?" and draw(st.booleans()):
                continue
            lower = token.get("LOWER")
            if isinstance(lower, dict):
                word = draw(st.sampled_from(sorted(lower["IN"])))
            elif lower is not None:
                word = str(lower)
            elif token.get("LIKE_NUM"):
                word = draw(st.sampled_from(["12", "ten", "1,000", "2.5"]))
            else:
                word = draw(st.sampled_from(["new", "Premium", "ÉTÉ", "x"]))
            parts.append(_cased(word, draw(st.integers(0, 3))) + draw(st.sampled_from(SEPARATORS)))
        parts.append(draw(st.sampled_from(["", "the ", "paid ", "Our ", "12 "])))
    return "".join(parts)


def _matches(matcher: PhraseMatcher | Matcher, text: str) -> bool:
    return bool(matcher(prepared_stakeholders().nlp(for_tokenizer(text))))


@pytest.mark.parametrize("name", ["roles", "signals", "signal patterns"])
def test_every_block_a_matcher_matches_in_passes_its_filter(name: str) -> None:
    matcher, phrases = _finders()[name]

    @settings(max_examples=300, deadline=None)
    @given(pattern_blocks() if name == "signal patterns" else blocks())
    def passes(text: str) -> None:
        if _matches(matcher, text):
            matched.append(text)
            assert phrases.may_match(text_words(text), prose_of(text)), (
                f"{text!r} matches but is filtered out"
            )

    matched: list[str] = []
    passes()
    assert len(matched) > 50  # most texts drawn are ones the matcher matches


@pytest.mark.parametrize(
    "text",
    [
        "Restaurant Owners pay monthly.",
        "The SUPPORT\nTEAM answers tickets.",  # a line break inside a paragraph is a space
        "Ask the support team's lead.",
        "(support team)",
    ],
)
def test_a_role_written_across_spaces_breaks_and_case_passes(text: str) -> None:
    matcher, phrases = _finders()["roles"]
    assert _matches(matcher, text)
    assert phrases.may_match(text_words(text), prose_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "We support offline use.",  # "support" is the anchor word of "support team", not a role
        "The support  team answers.",  # two spaces make a space token between the words
    ],
)
def test_a_block_with_an_anchor_word_but_no_role_is_not_tokenized(text: str) -> None:
    nlp = prepared_stakeholders().nlp
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("ROLE", [nlp.tokenizer("support team")])
    phrases = phrase_filter([nlp.tokenizer("support team")])
    assert phrases.anchors.in_text(text_words(text))
    assert not _matches(matcher, text)
    assert not phrases.may_match(text_words(text), prose_of(text))


def test_a_phrase_with_a_sigma_is_never_filtered_out() -> None:
    # Lower-cased whole, "ΟΔΟΣ's" keeps a medial sigma; its token "ΟΔΟΣ" lower-cased alone ends
    # in the final one, as the phrase does.
    nlp = prepared_stakeholders().nlp
    phrase = nlp.tokenizer("ΟΔΟΣ")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("ROLE", [phrase])
    text = "ΟΔΟΣ's drivers"
    assert _matches(matcher, text)
    assert phrase[0].lower_ not in prose_of(text)
    assert phrase_filter([phrase]).may_match(text_words(text), prose_of(text))


def test_no_phrases_match_nothing() -> None:
    assert not phrase_filter([]).may_match(text_words("anything at all"), "anything at all")
