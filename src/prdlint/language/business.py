"""What a document says about money and market: prices, who pays, revenue streams, research.

The stakeholder rules ask questions a role list cannot answer: does the document consider the
customer's price, does it earn from advertising, is it sold to organisations, does its research
reach buyers as well as users. The answers are signals: phrases from the vocabulary's
`[signals.*]` tables, found over the same spaCy tokens as the stakeholder mentions, plus two
shapes a phrase list cannot hold (a price per period, "$19/month"; a heading that is only about
pricing, "## Pricing & plans"). The categories are those the loaded vocabularies define; rules
ask for them by name.

A signal under a heading that puts it aside ("Non-goals", "Out of scope", "Future") is kept and
marked deferred: "changing pricing is a non-goal" still shows pricing was considered, but team
seats "deferred" do not make the product one sold to organisations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from prdlint.document import Block, BlockKind, Section
from prdlint.document.headings import title_words
from prdlint.language.model import PRICE, PURCHASE_FACTORS, Signal
from prdlint.language.vocabulary import Vocabulary, phrase_forms

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
_METRICS_TITLE = re.compile(r"\b(?:metrics?|kpis?|measures?|success criteria|okrs?)\b", re.IGNORECASE)
_NEGATIONS = frozenset("not no never without non".split())
_NEGATION_WINDOW = 3


def _under(section: Section | None, title: re.Pattern[str]) -> bool:
    """Whether the section or one of the sections around it has a title like `title`."""
    return section is not None and any(title.search(outer.title) for outer in section.lineage())


class SignalFinder:
    """Finds business signals in spaCy Docs; the matcher is built once per vocabulary."""

    def __init__(self, nlp: Language, vocabulary: Vocabulary) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for category, signal in vocabulary.signals.items():
            self.matcher.add(category, list(nlp.tokenizer.pipe(sorted(phrase_forms(signal.phrases)))))
        self.heading_words = vocabulary.words("pricing-heading")
        self.pricing_words = vocabulary.words("pricing-words")
        self.deferred_pricing = vocabulary.words("deferred-pricing")

    def _pricing_heading(self, block: Block) -> bool:
        """A heading made only of pricing-heading words, one of them a pricing word: "Pricing &
        plans", "2. Business model and pricing"."""
        if block.kind is not BlockKind.HEADING:
            return False
        words = set(title_words(block.text))
        return bool(words) and words <= self.heading_words and bool(words & self.pricing_words)

    def find(self, doc: Doc, block: Block) -> Iterable[Signal]:
        section_deferred = _under(block.section, _DEFERRING_TITLE)
        in_metrics = _under(block.section, _METRICS_TITLE)

        def signal(category: str, start: int, end: int, negated: bool = False) -> Signal:
            text = block.text[start:end]
            deferred = section_deferred or negated
            return Signal(category, text, block.span(start, end), deferred, in_metrics)

        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            # "not a multi-tenant SaaS product", "no free tier": considered, and set aside.
            negated = any(
                token.lower_ in _NEGATIONS for token in doc[max(0, start - _NEGATION_WINDOW) : start]
            )
            yield signal(doc.vocab.strings[match_id], span.start_char, span.end_char, negated)
        if section_deferred:
            for token in doc:
                if token.lower_ in self.deferred_pricing:
                    yield signal(PURCHASE_FACTORS, token.idx, token.idx + len(token.text))
        for match in _PRICE_PER_PERIOD.finditer(block.text):
            yield signal(PRICE, match.start(), match.end())
        if self._pricing_heading(block):
            yield signal(PURCHASE_FACTORS, 0, len(block.text))
