"""Finding stakeholder mentions in prose: "restaurant owners", "the Rota support agents".

A PhraseMatcher over lower-cased tokens finds the vocabulary's heads; each match grows to the left
over words that name a place, trade or team ("restaurant", "Board"), and is dropped when the next
word makes it a thing ("customer support", "user interface").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan
from spacy.util import filter_spans

from prdlint.document import Block
from prdlint.language.vocabulary import Vocabulary, normalize_role
from prdlint.span import Span

# Words that may stand before a role without being part of its name.
_NOT_MODIFIERS = frozenset(
    """
    new existing active inactive potential prospective returning current future past registered
    unregistered anonymous typical average individual real actual paying paid free premium many
    more most some few several every each all other both either our their your my his her its
    help helps allow allows enable enables let lets make makes give gives notify notifies email
    emails invite invites contact contacts ask asks tell tells show shows serve serves target
    targets attract attracts onboard onboards empower empowers engage engages reach reaches
    convert converts retain retains acquire acquires support supports for to of by with as via
    and or than then when where while which who whose that this these those per
    today now currently also here there finally first second next however therefore thus
    meanwhile additionally typically usually often sometimes
    wrong right same different best better main key busy happy unhappy frustrated specific
    certain particular multiple single various additional relevant appropriate correct proper
    local global large small big senior junior junior experienced
    """.split()
)
# Words that turn "X, a founder" into a persona named X.
_PERSONA_ARTICLES = frozenset({"a", "an"})
# What a role does right after it is named: pays for the product, or uses it.
_PAY_VERBS = frozenset(
    {"pay", "buy", "purchase", "subscribe", "license", "licence", "bill", "charge", "fund", "renew"}
)
_PAY_ALONE = frozenset({"subscribe", "license", "licence", "bill", "charge", "renew"})
# A purchase is of the product (its plan, fee, licence), not of goods sold through it.
_PRODUCT_PAYMENT_CUES = frozenset(
    """
    product software platform app tool service solution system plan subscription license licence
    seat tier pricing fee commission month monthly annual annually year yearly contract renewal
    """.split()
)
_GOODS = frozenset("item items goods listing listings products order orders".split())
_USE_VERBS = frozenset(
    """
    use log sign upload view browse click open create manage search book receive see edit download
    share invite submit track post message chat read play watch listen order rate review check
    scan swap accept decline register access enter fill select choose tap navigate explore compare
    save add delete update export import configure set schedule join vote comment reply answer
    respond moderate approve reject resolve handle monitor offer request
    """.split()
)
_ACTION_WINDOW = 6


@dataclass(frozen=True)
class Mention:
    """One place a stakeholder is named."""

    key: str
    text: str
    span: Span
    block: Block
    sentence: str
    persona: str | None = None
    pays: bool = False
    uses: bool = False


def build_matcher(nlp: Language, vocabulary: Vocabulary) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("ROLE", list(nlp.tokenizer.pipe(sorted(set(vocabulary.phrases())))))
    return matcher


_INFLECTED_MODIFIERS = frozenset(
    "sales operations analytics logistics claims accounts payments communications events admissions".split()
)
_VERB_CONTEXT = frozenset("to can will should must may could would i we you they not".split())


def _is_modifier(doc: Doc, index: int) -> bool:
    """Words that name a place, trade or team before a role ("restaurant", "Board", "sales").

    Such nouns modify in the singular, so inflected words ("covers", "letting") are verbs, and a
    word after "to" or a modal is one too ("to message colleagues").
    """
    token = doc[index]
    text, lower = token.text, token.lower_
    if not token.is_alpha or token.is_stop or lower in _NOT_MODIFIERS or lower.endswith(("ly", "ed")):
        return False
    if not (text.islower() or text.istitle() or (text.isupper() and len(text) <= 5)):
        return False
    if token.lemma_.lower() != lower and lower not in _INFLECTED_MODIFIERS:
        return False
    return index == 0 or doc[index - 1].lower_ not in _VERB_CONTEXT


def _grow_left(doc: Doc, match: TokenSpan) -> int:
    start = match.start
    for _ in range(2):
        if start == 0 or not _is_modifier(doc, start - 1):
            break
        start -= 1
    return start


def _persona(doc: Doc, start: int) -> str | None:
    """ "Priya, a pre-seed founder" names the persona Priya."""
    if start >= 3 and doc[start - 1].lower_ in _PERSONA_ARTICLES and doc[start - 2].text == ",":
        name = doc[start - 3]
        if name.text.istitle() and name.is_alpha and not name.is_stop:
            return name.text
    return None


def _actions(doc: Doc, start: int, end: int) -> tuple[bool, bool]:
    """Whether the role, named at tokens start..end, pays for the product or uses it."""
    sentence = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
    window = doc[end : min(end + _ACTION_WINDOW, sentence.end)]
    lemmas = {token.lemma_.lower() for token in window}
    words = {token.lower_ for token in sentence}
    paid_for = start > 0 and doc[start - 1].lower_ in ("paying", "paid")
    pay_verbs = lemmas & _PAY_VERBS
    buys_goods = bool(pay_verbs & {"buy", "purchase"}) and bool(words & _GOODS)
    pays = (
        paid_for
        or bool(pay_verbs & _PAY_ALONE)
        or (bool(pay_verbs) and bool(words & _PRODUCT_PAYMENT_CUES) and not buys_goods)
    )
    return pays, bool(lemmas & _USE_VERBS)


def find_mentions(doc: Doc, block: Block, matcher: PhraseMatcher, vocabulary: Vocabulary) -> list[Mention]:
    mentions = []
    spans = filter_spans([doc[start:end] for _, start, end in matcher(doc)])
    for match in spans:
        following = doc[match.end] if match.end < len(doc) else None
        if following is not None and following.text == "-" and match.end + 1 < len(doc):
            following = doc[match.end + 1]
        if following is not None and following.lower_ in vocabulary.compounds:
            continue
        if match.start > 0 and doc[match.start - 1].text in ("-", "/") and match.start > 1:
            continue  # the tail of "self-serve" or "and/or", not a role
        if match.start > 0 and doc[match.start - 1].lower_ == "per":
            continue  # "$4 per staff member": a unit of price, not a stakeholder
        start = _grow_left(doc, match)
        phrase = doc[start : match.end]
        span = block.span(phrase.start_char, phrase.end_char)
        pays, uses = _actions(doc, start, match.end)
        mentions.append(
            Mention(
                key=vocabulary.canonical(normalize_role(phrase.text)),
                text=phrase.text,
                span=span,
                block=block,
                sentence=phrase.sent.text if doc.has_annotation("SENT_START") else block.text,
                persona=_persona(doc, start),
                pays=pays,
                uses=uses,
            )
        )
    return mentions
