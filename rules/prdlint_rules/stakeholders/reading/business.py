"""What a document says about money and market: prices, who pays, revenue streams, research.

The stakeholder rules ask questions a role list cannot answer: does the document consider the
customer's price, does it earn from advertising, is it sold to organisations, does its research
reach buyers as well as users. The answers are signals: phrases and token patterns from the
vocabulary's `[signals.*]` tables, found over the same spaCy tokens as the stakeholder mentions,
plus shapes a phrase list cannot hold (an amount of money, "$4.99" or "49.99 EUR"; a rate, "a
12% commission"; a price per period, "$19/month" or "HKD 38/month"; a heading that is only about
pricing, "## Pricing & plans"). The categories are those the loaded vocabularies define; rules
ask for them by name.

Each signal says whether the document holds it for the product as described. It is deferred when
it is put aside for later: under a heading such as "Non-goals", "Out of scope" or "Future", or in
a sentence that says it comes later ("a premium tier in phase 2"). It is negated when it is denied
or only asked: "no free tier", "not a multi-tenant product", "Freemium? Subscription?". "Changing
pricing is a non-goal" still shows pricing was considered; team seats "deferred" do not make the
product one sold to organisations; "no in-app purchases" names no one who pays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from prdlint.api import Block, BlockKind, Section, phrase_forms, title_words
from prdlint_rules.stakeholders.reading.anchors import (
    Anchors,
    TextWords,
    pattern_filter,
    phrase_filter,
)
from prdlint_rules.stakeholders.reading.model import Signal
from prdlint_rules.stakeholders.reading.signals import AMOUNT, PRICE, PURCHASE_FACTORS, STATED_RATE
from prdlint_rules.stakeholders.reading.vocabulary import Vocabulary

_DEFERRING_TITLE = re.compile(
    r"\b(?:non-?goals?|out[- ]of[- ]scope|not in scope|deferred|future|later|won'?t have|"
    r"parking lot|v2|next version|not (?:supported|planned))\b",
    re.IGNORECASE,
)
# A sentence or list item that puts what it says off: "(future)", "in phase 2", "post-MVP".
_DEFERRING_WORDS = re.compile(
    r"\b(?:future|later|phase\s*[2-9]|v[2-9]|post[- ]?mvp|eventually|next (?:phase|release|version))\b",
    re.IGNORECASE,
)
# An amount ("$4.99", "49.99 EUR", "49.99€"), perhaps "per location" or "per staff member", then
# a period or seat: what a subscription or licence costs. "$40 an hour" for a rented kayak is a
# price of goods: no hours.
_AMOUNT = (
    r"(?:[$€£¥₹₦₩]\s?\d[\d,.]*k?\+?|\b(?:{codes})\s?\d[\d,.]*k?|\b\d[\d,.]*k?\s?(?:{codes}|dollars|euros)\b|"
    r"\b\d[\d,.]*\s?[$€£¥₹₦₩])"
)
_PER_PERIOD = (
    r"(?:\s+(?:per|a|an|each)\s+[a-z]+(?:\s+[a-z]+)?)?\s*"
    r"(?:/|per\s+|a\s+|an\s+)\s*(?:mo|month|week|yr|year|annum|user|seat|member|license|licence)\b"
)
# A percentage, or a range of them, before what it is charged as: "a 12% commission", "1%-10%
# fee", "2.5 % platform fee". spaCy keeps "1%-10" as one token, so this is read from the text.
_RATE = re.compile(
    r"\b\d[\d.,]*\s?%(?:\s?(?:-|–|to)\s?\d[\d.,]*\s?%)?\s+(?:[a-z]+\s+)?"
    r"(?:fee|fees|commission|commissions|cut|markup|surcharge|take rate)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_METRICS_TITLE = re.compile(r"\b(?:metrics?|kpis?|measures?|success criteria|okrs?)\b", re.IGNORECASE)
_NEGATIONS = frozenset("not no never without non unlike".split())
# A negation reaches over a list in its clause: "no ads or in-app purchases", "no transaction
# fees, marketplace commissions, or advertising"; not past a clause break.
_NEGATION_WINDOW = 10
_CLAUSE_BREAKS = frozenset({";", ":", "(", ")", ".", "!", "?"})
# Past a comma only within a list of short items.
_LIST_ITEM_TOKENS = 3


def headings_over(section: Section) -> tuple[str, ...]:
    """The titles of a block's section and of the sections around it, innermost first."""
    return tuple(outer.title for outer in section.lineage())


@lru_cache(maxsize=4096)
def _placed(headings: tuple[str, ...]) -> tuple[bool, bool]:
    """Whether text under these headings is put aside ("Future > Pricing") and whether it is
    under a metrics heading: once per distinct place, not once per block."""
    return (
        any(_DEFERRING_TITLE.search(title) for title in headings),
        any(_METRICS_TITLE.search(title) for title in headings),
    )


def _negated(doc: Doc, start: int) -> bool:
    """Whether a negation stands before token `start` in its clause: "no ads or in-app purchases"."""
    since_comma = 0
    for token in reversed(doc[max(0, start - _NEGATION_WINDOW) : start]):
        if token.text in _CLAUSE_BREAKS or (token.text == "," and since_comma > _LIST_ITEM_TOKENS):
            return False
        if token.lower_ in _NEGATIONS:
            return True
        since_comma = 0 if token.text == "," else since_comma + 1
    return False


def _asked(doc: Doc, end: int) -> bool:
    """Whether the clause that token `end` ends in is a question: "Freemium? Subscription?", but
    not "Pricing interviews: would they pay $4?" (the question is another clause)."""
    for token in doc[end:]:
        if token.text == "?":
            return True
        if token.text in _CLAUSE_BREAKS:
            return False
    return False


def token_pattern(pattern: str) -> list[dict[str, object]]:
    """A spaCy Matcher pattern from the vocabulary's compact form: words separated by spaces,
    `a|an|one` for alternatives, `*` for any word, `#` for a number, and `?` after a word when it
    may be missing ("sponsored *", "an|one|each ad|ads")."""
    tokens: list[dict[str, object]] = []
    for word in pattern.lower().split():
        optional = word.endswith("?") and len(word) > 1
        word = word.rstrip("?") if optional else word
        if word == "*":
            token: dict[str, object] = {"IS_ALPHA": True}
        elif word == "#":
            token = {"LIKE_NUM": True}
        elif "|" in word:
            token = {"LOWER": {"IN": word.split("|")}}
        else:
            token = {"LOWER": word}
        if optional:
            token["OP"] = "?"
        tokens.append(token)
    return tokens


class SignalFinder:
    """Finds business signals in spaCy Docs; the matchers are built once per vocabulary."""

    def __init__(self, nlp: Language, vocabulary: Vocabulary) -> None:
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.patterns = Matcher(nlp.vocab)
        every_phrase: list[Doc] = []
        every_pattern: list[list[dict[str, object]]] = []
        for category, signal in vocabulary.signals.items():
            phrases = list(nlp.tokenizer.pipe(sorted(phrase_forms(signal.phrases))))
            self.phrases.add(category, phrases)
            every_phrase += phrases
            patterns = [token_pattern(pattern) for pattern in sorted(signal.patterns)]
            if patterns:
                self.patterns.add(category, patterns)
            every_pattern += patterns
        # The Matcher costs time on every token it is run over: a block that cannot hold a match
        # of its patterns is not run over, nor tokenized for it.
        self.pattern_filter = pattern_filter(every_pattern)
        self.heading_words = vocabulary.words("pricing-heading")
        self.pricing_words = vocabulary.words("pricing-words")
        self.deferred_pricing = vocabulary.words("deferred-pricing")
        self.phrase_filter = phrase_filter(every_phrase)
        self.deferred_anchors = Anchors(self.deferred_pricing)
        codes = "|".join(sorted(vocabulary.words("currency-codes"), key=len, reverse=True)) or "usd"
        amount = _AMOUNT.format(codes=codes)
        self.amount = re.compile(amount, re.IGNORECASE)
        self.price_per_period = re.compile(amount + _PER_PERIOD, re.IGNORECASE)

    def may_hold(self, block: Block, text: TextWords) -> bool:
        """Whether the block, whose text is `text`, may hold a signal: a heading, or text with an
        anchor word of the phrases or patterns, an amount or a rate. One that cannot is not
        read for signals."""
        return (
            block.kind is BlockKind.HEADING
            or self.phrase_filter.anchors.in_text(text)
            or self.deferred_anchors.in_text(text)
            or self._may_match(text)
            or self._shaped(block.text)
        )

    def _shaped(self, text: str) -> bool:
        """Whether the text holds an amount or a rate: each needs a digit, which most texts lack
        and which is found in a fraction of the time either pattern takes."""
        return _DIGIT.search(text) is not None and (
            self.amount.search(text) is not None or _RATE.search(text) is not None
        )

    def needs_tokens(self, text: TextWords, prose: str, headings: tuple[str, ...]) -> bool:
        """Whether the signals of a block that `may_hold` one may need its tokens: where they
        need none (an amount, a rate, a pricing heading), `find` reads them from its text alone.
        `prose` is the block's `prose_of`, `headings` as `headings_over` gives them."""
        return (
            self.phrase_filter.may_match(text, prose)
            or self.pattern_filter.may_match(text, prose)
            or (_placed(headings)[0] and self.deferred_anchors.in_text(text))
        )

    def _pricing_heading(self, block: Block) -> bool:
        """A heading made only of pricing-heading words, one of them a pricing word: "Pricing &
        plans", "2. Business model and pricing"."""
        if block.kind is not BlockKind.HEADING:
            return False
        words = set(title_words(block.text))
        return bool(words) and words <= self.heading_words and bool(words & self.pricing_words)

    def _may_match(self, text: TextWords) -> bool:
        """Whether the token patterns may match in the text, by its words alone."""
        anchors = self.pattern_filter.anchors
        return anchors is None or anchors.in_text(text)

    def _token_signals(
        self, doc: Doc, text: TextWords, section_deferred: bool, signal: Callable[..., Signal]
    ) -> Iterable[Signal]:
        """The signals read from the block's tokens: phrases, patterns, and in a section put
        aside, the words of deferred pricing."""
        sentences = doc.has_annotation("SENT_START")  # asked once: it reads every token
        for category, span in self._matches(doc, text):
            sentence = span.sent.text if sentences else doc.text
            # "not a multi-tenant SaaS product", "no free tier", "Freemium? Subscription?".
            negated = _negated(doc, span.start) or _asked(doc, span.end)
            deferred = bool(_DEFERRING_WORDS.search(sentence))
            yield signal(category, span.start_char, span.end_char, deferred=deferred, negated=negated)
        if section_deferred:
            for token in doc:
                if token.lower_ in self.deferred_pricing:
                    yield signal(PURCHASE_FACTORS, token.idx, token.idx + len(token.text))

    def _matches(self, doc: Doc, text: TextWords) -> Iterable[tuple[str, TokenSpan]]:
        strings = doc.vocab.strings
        matches = self.phrases(doc)
        if self.pattern_filter.may_match(text, doc.text.lower()):  # the doc's text is its prose
            matches += self.patterns(doc)
        for match_id, start, end in matches:
            yield strings[match_id], doc[start:end]

    def find(
        self, doc: Doc | None, block: Block, headings: tuple[str, ...], text: TextWords
    ) -> Iterable[Signal]:
        """The signals in one block, the tokens of its text in `doc` (None where `needs_tokens`
        says none are needed), under `headings` (as `headings_over` gives them); `text` is its
        text as `text_words` gives it."""
        if doc is None and block.kind is not BlockKind.HEADING and _DIGIT.search(block.text) is None:
            return  # with no tokens, only an amount, a rate or a pricing heading can be found
        section_deferred, in_metrics = _placed(headings)

        def signal(
            category: str, start: int, end: int, *, deferred: bool = False, negated: bool = False
        ) -> Signal:
            span = block.span(start, end)
            return Signal(
                category,
                block.text[start:end],
                span,
                section_deferred or deferred,
                negated,
                in_metrics,
                headings,
                start,
            )

        if doc is not None:
            yield from self._token_signals(doc, text, section_deferred, signal)
        if _DIGIT.search(block.text) is not None:  # what every amount and rate holds
            for match in self.amount.finditer(block.text):
                yield signal(AMOUNT, match.start(), match.end())
            for match in _RATE.finditer(block.text):
                yield signal(STATED_RATE, match.start(), match.end())
            for match in self.price_per_period.finditer(block.text):
                yield signal(PRICE, match.start(), match.end())
        if self._pricing_heading(block):
            yield signal(PURCHASE_FACTORS, 0, len(block.text))
