"""What a document says about money and market: prices, who pays, revenue streams, research.

The stakeholder rules ask questions a role list cannot answer: does the document consider the
customer's price, does it earn from advertising, is it sold to organisations, does its research
reach buyers as well as users. The answers are signals: phrases from the vocabulary's
`[signals.*]` tables, found over the same spaCy tokens as the stakeholder mentions, plus two
shapes a phrase list cannot hold (a price per period, "$19/month"; a heading that is only about
pricing, "## Pricing & plans"). The categories are named in prdlint.language.vocabulary, beside
the data that fills them, so config validation can name them without importing spaCy.

A signal under a heading that puts it aside ("Non-goals", "Out of scope", "Future") is kept and
marked deferred: "changing pricing is a non-goal" still shows pricing was considered, but team
seats "deferred" do not make the product one sold to organisations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from prdlint.document import Block, BlockKind, Section
from prdlint.language.vocabulary import PRICE, PURCHASE_FACTORS, REVENUE_PREFIX, Vocabulary, phrase_forms
from prdlint.span import Span

_DEFERRING_TITLE = re.compile(
    r"\b(?:non-?goals?|out[- ]of[- ]scope|not in scope|deferred|future|later|won'?t have|"
    r"parking lot|v2|next version|not (?:supported|planned))\b",
    re.IGNORECASE,
)
# An amount, perhaps "per location" or "per staff member", then a period or seat: what a
# subscription or licence costs. "$40 an hour" for a rented kayak is a price of goods: no hours.
_PRICE_PER_PERIOD = re.compile(
    r"(?:[$€£¥₹]\s?\d[\d,.]*k?\+?|\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars|euros))"
    r"(?:\s+(?:per|a|an|each)\s+[a-z]+(?:\s+[a-z]+)?)?\s*"
    r"(?:/|per\s+|a\s+|an\s+)\s*(?:mo|month|week|yr|year|annum|user|seat|member|license|licence)\b",
    re.IGNORECASE,
)
# A heading made only of these words, with one of the pricing words, is about the product's price.
_PRICING_HEADING_WORDS = frozenset(
    """
    pricing price prices plans plan monetization monetisation revenue business model models strategy
    and tiers tier packaging licensing subscription subscriptions commercial launch our the proposed
    """.split()
)
_PRICING_WORDS = frozenset(
    "pricing price prices plans monetization monetisation revenue tiers packaging licensing "
    "subscription subscriptions".split()
)
# Under a deferring heading these words say pricing was considered and put aside.
_DEFERRED_PRICING_WORDS = frozenset("pricing price prices paid fees dues monetization monetisation".split())
_METRICS_TITLE = re.compile(r"\b(?:metrics?|kpis?|measures?|success criteria|okrs?)\b", re.IGNORECASE)
_NEGATIONS = frozenset("not no never without non".split())
_NEGATION_WINDOW = 3
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Signal:
    """One place the document says something about its business."""

    category: str
    text: str
    span: Span
    block: Block
    deferred: bool
    in_metrics: bool
    """Under a metrics heading ("Success metrics", "KPIs"): an outcome to watch, not research."""

    @property
    def line(self) -> int:
        return self.span.start.line


@dataclass
class BusinessModel:
    signals: list[Signal]

    def of(self, category: str, *, deferred: bool = True) -> list[Signal]:
        """The signals of one category; `deferred=False` leaves out those put aside."""
        return [s for s in self.signals if s.category == category and (deferred or not s.deferred)]

    def revenue_categories(self) -> list[str]:
        return sorted({s.category for s in self.signals if s.category.startswith(REVENUE_PREFIX)})


def _under(section: Section | None, title: re.Pattern[str]) -> bool:
    """Whether the section or one of the sections around it has a title like `title`."""
    while section is not None and section.heading is not None:
        if title.search(section.title):
            return True
        section = section.parent
    return False


def _pricing_heading(block: Block) -> bool:
    if block.kind is not BlockKind.HEADING:
        return False
    words = re.findall(r"[a-z]+", _NUMBERING.sub("", block.text.lower()))
    return bool(words) and set(words) <= _PRICING_HEADING_WORDS and bool(set(words) & _PRICING_WORDS)


class SignalFinder:
    """Finds business signals in spaCy Docs; the matcher is built once per vocabulary."""

    def __init__(self, nlp: Language, vocabulary: Vocabulary) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for category, signal in vocabulary.signals.items():
            self.matcher.add(category, list(nlp.tokenizer.pipe(sorted(phrase_forms(signal.phrases)))))

    def find(self, doc: Doc, block: Block) -> Iterable[Signal]:
        section_deferred = _under(block.section, _DEFERRING_TITLE)
        in_metrics = _under(block.section, _METRICS_TITLE)

        def signal(category: str, start: int, end: int, negated: bool = False) -> Signal:
            text = block.text[start:end]
            deferred = section_deferred or negated
            return Signal(category, text, block.span(start, end), block, deferred, in_metrics)

        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            # "not a multi-tenant SaaS product", "no free tier": considered, and set aside.
            negated = any(
                token.lower_ in _NEGATIONS for token in doc[max(0, start - _NEGATION_WINDOW) : start]
            )
            yield signal(doc.vocab.strings[match_id], span.start_char, span.end_char, negated)
        if section_deferred:
            for token in doc:
                if token.lower_ in _DEFERRED_PRICING_WORDS:
                    yield signal(PURCHASE_FACTORS, token.idx, token.idx + len(token.text))
        for match in _PRICE_PER_PERIOD.finditer(block.text):
            yield signal(PRICE, match.start(), match.end())
        if _pricing_heading(block):
            yield signal(PURCHASE_FACTORS, 0, len(block.text))
