"""Finding stakeholder mentions in prose: "restaurant owners", "the Rota support agents".

A PhraseMatcher over lower-cased tokens finds the vocabulary's heads; each match grows to the left
over words that name a place, trade or team ("restaurant", "Board"), and is dropped when the next
word makes it a thing ("customer support", "user interface"). The words right after a mention say
whether the role pays for the product or uses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan
from spacy.util import filter_spans

from prdlint.document import Block
from prdlint.language.vocabulary import Vocabulary, normalize_role, phrase_forms, singular
from prdlint.language.wordclasses import word_classes
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
    """.split()
)
# Nouns that name a trade or team in the plural: "sales reps", "operations staff".
_INFLECTED_MODIFIERS = frozenset(
    "sales operations analytics logistics claims accounts payments communications events admissions".split()
)
# Before a word that is both noun and verb, these make it a noun: "the support agents".
_NOUN_CONTEXT = frozenset(
    "a an the our their your its his her my this that these those of for with by from on in at".split()
)
# Before a word, these make it a verb: "to pre-fill", "can re-assign".
_VERB_CUES = frozenset("to can will should must may could would".split())
# "Priya, a pre-seed founder" names the persona Priya.
_PERSONA_ARTICLES = frozenset({"a", "an"})
# What a role does right after it is named: pays for the product, or uses it.
_PAY_VERBS = frozenset({"pay", "buy", "purchase", "subscribe"})
_PAY_ALONE = frozenset({"renew"})
# A purchase is of the product (its plan, fee, licence), not of goods sold through it.
_PRODUCT_PAYMENT_CUES = frozenset(
    """
    product software platform app tool service solution system plan subscription license licence
    seat tier pricing fee commission month monthly annual annually year yearly contract renewal
    """.split()
)
_GOODS = frozenset("item items goods listing listings products order orders".split())
# Money handed to these goes to another party, not to the product.
_PAID_ROLES = frozenset("seller sellers vendor vendors host hosts merchant merchants driver drivers".split())
_USE_VERBS = frozenset(
    """
    use log sign upload view browse click open create manage search book receive see edit download
    share invite submit track post message chat read play watch listen order rate review check
    scan swap accept decline register access enter fill select choose tap navigate explore compare
    save add delete update export import configure set schedule join vote comment reply answer
    respond moderate approve reject resolve handle monitor offer request list sell
    """.split()
)
_ACTION_WINDOW = 6


@dataclass(frozen=True)
class Mention:
    """One place a stakeholder is named, and what the role does there."""

    key: str
    text: str
    span: Span
    block: Block
    start: int
    """Where the mention starts in its block's plain text."""
    persona: str | None = None
    pays: bool = False
    uses: bool = False
    verb: str | None = None
    """The lemma of the verb the role is the subject of, if any: "log" in "admins log in"."""


_BETWEEN_ROLE_AND_VERB = frozenset(
    """
    and or can will should must may might could would to also then is are be cannot can't don't
    do does need needs want wants typically usually often always who that
    """.split()
)


def _verb_after(doc: Doc, end: int, limit: int) -> Token | None:
    """The verb a role is the subject of: "owners buy", "nurses and receptionists offer",
    "agents can see". Modals, adverbs, and other nouns joined by "and" are passed over."""
    for index in range(end, min(end + _ACTION_WINDOW, limit)):
        token = doc[index]
        lower = token.lower_
        if lower in _BETWEEN_ROLE_AND_VERB or token.text in (",", "/") or lower.endswith("ly"):
            continue
        if token.is_alpha and not token.is_stop and token.text[0].isupper():
            continue  # another capitalised role or name in a list: "Nurses and Receptionists offer"
        return token
    return None


def _pays_for_product(doc: Doc, verb: Token, limit: int) -> bool:
    """Whether `verb` pays for the product (its plan, fee, licence, or a price), not for goods
    bought through it or money handed to another role ("pay sellers through escrow")."""
    lemma = verb.lemma_.lower()
    clause_end = next((t.i for t in doc[verb.i + 1 : limit] if t.text in (";", ":")), limit)
    rest_tokens = doc[verb.i + 1 : clause_end]
    rest = {token.lower_ for token in rest_tokens}
    if lemma in _PAY_ALONE:
        return True
    if lemma == "sign":  # "sign the contract" buys
        return bool(rest & _PRODUCT_PAYMENT_CUES)
    paid = next((token.lower_ for token in rest_tokens if token.lower_ not in ("the", "their", "a")), "")
    if lemma not in _PAY_VERBS or rest & _GOODS or paid in _PAID_ROLES:
        return False
    return bool(rest & _PRODUCT_PAYMENT_CUES) or any(token.is_currency for token in rest_tokens)


def _coordinated_payment(doc: Doc, verb: Token, limit: int) -> bool:
    """ "Sellers list furniture and pay a 5% commission": a second verb, after "and", that pays."""
    for index in range(verb.i + 1, limit - 1):
        if doc[index].lower_ != "and":
            continue
        following = doc[index + 1]
        if following.lemma_.lower() in _PAY_VERBS | _PAY_ALONE and _pays_for_product(doc, following, limit):
            return True
    return False


def _actions(doc: Doc, start: int, end: int) -> tuple[bool, bool, str | None]:
    """Whether the role, named at tokens start..end, pays for the product or uses it, and the
    verb it is the subject of (None when the word after it is no verb: "the support team by").

    Only verbs the role is the subject of count, and paying counts for the product (its plan,
    fee, licence), not for goods bought through it.
    """
    sentence = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
    if start > 0 and doc[start - 1].lower_ in ("paying", "paid"):
        return True, False, None
    verb = _verb_after(doc, end, sentence.end)
    if verb is None:
        return False, False, None
    lemma = verb.lemma_.lower()
    if lemma not in word_classes().verbs and verb.lower_ not in word_classes().verbs:
        return False, False, None
    if (
        lemma == "sign"
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].lower_ in ("in", "up", "on", "out", "into")
    ):
        return False, True, lemma  # "sign in", "sign up" use
    if lemma in _PAY_VERBS | _PAY_ALONE or lemma == "sign":
        return _pays_for_product(doc, verb, sentence.end), False, lemma
    pays = _coordinated_payment(doc, verb, sentence.end)
    return pays, lemma in _USE_VERBS, lemma


def _persona(doc: Doc, start: int) -> str | None:
    if start >= 3 and doc[start - 1].lower_ in _PERSONA_ARTICLES and doc[start - 2].text == ",":
        name = doc[start - 3]
        if name.text.istitle() and name.is_alpha and not name.is_stop:
            return name.text
    return None


def _hyphenated_before(doc: Doc, start: int) -> bool:
    """Whether the three tokens before `start` are one hyphenated word ("pre", "-", "seed")."""
    if start < 3:
        return False
    first, hyphen, second = doc[start - 3], doc[start - 2], doc[start - 1]
    joined = hyphen.text == "-" and not first.whitespace_ and not hyphen.whitespace_
    after_verb_cue = start > 3 and doc[start - 4].lower_ in _VERB_CUES  # "to pre-fill passenger details"
    return joined and first.is_alpha and second.is_alpha and not after_verb_cue


_METADATA_LINES = 12


def _metadata_label(doc: Doc, match: TokenSpan, block: Block) -> bool:
    """'Project owner: Ana', 'Reviewers: ...' at the top of a PRD name the document's people."""
    if block.line > _METADATA_LINES or match.start > 2:
        return False
    following = doc[match.end] if match.end < len(doc) else None
    if following is not None and following.text == ":":
        return True
    # "| **Reviewers** | Eng lead, Design |": the first cell of a metadata table row.
    return block.cell is not None and block.cell.column == 0 and match.end == len(doc)


class MentionFinder:
    """Finds stakeholder mentions in spaCy Docs; holds what takes long to build, once."""

    def __init__(self, nlp: Language, vocabulary: Vocabulary) -> None:
        self.nlp = nlp
        self.vocabulary = vocabulary
        self.matcher = self.matcher_for(vocabulary.phrases())
        self.words = word_classes()
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        tables = lemmatizer.lookups if lemmatizer is not None else None
        self.lemmas = (
            tables.get_table("lemma_lookup") if tables and tables.has_table("lemma_lookup") else None
        )

    def _inflected(self, lower: str) -> bool:
        if lower in _INFLECTED_MODIFIERS or self.lemmas is None:
            return False
        return self.lemmas.get(lower, lower) != lower

    def is_modifier(self, doc: Doc, index: int) -> bool:
        """Words that name a place, trade or team before a role ("restaurant", "Board", "sales").

        Nouns modify in the singular, so inflected words ("covers", "letting") are verbs;
        adjectives ("legitimate") qualify a role without naming a new one; a word that is both
        noun and verb ("export", "support") is a noun only after a determiner or preposition.
        """
        token = doc[index]
        text, lower = token.text, token.lower_
        if not token.is_alpha or token.is_stop or lower in _NOT_MODIFIERS or lower.endswith(("ly", "ed")):
            return False
        if not (text.islower() or text.istitle() or (text.isupper() and len(text) <= 5)):
            return False
        if self._inflected(lower) or lower in self.words.adjectives:
            return False
        if lower in self.words.verbs:
            return lower in self.words.nouns and index > 0 and doc[index - 1].lower_ in _NOUN_CONTEXT
        return True

    def _grow_left(self, doc: Doc, match: TokenSpan) -> int:
        start = match.start
        for _ in range(2):
            if _hyphenated_before(doc, start):
                start -= 3  # "pre-seed founder", "check-in volunteer": one modifier
            elif start > 0 and self.is_modifier(doc, start - 1):
                start -= 1
            else:
                break
        return start

    def _following(self, doc: Doc, match: TokenSpan) -> Token | None:
        following = doc[match.end] if match.end < len(doc) else None
        if following is not None and following.text == "-" and match.end + 1 < len(doc):
            following = doc[match.end + 1]
        return following

    def _not_a_stakeholder(self, doc: Doc, match: TokenSpan) -> bool:
        following = self._following(doc, match)
        if following is not None and following.lower_ in self.vocabulary.paying_compounds:
            return False  # "seller subscriptions": the role, and what it pays
        if following is not None and following.lower_ in self.vocabulary.compounds:
            # "customer support", "user interface": a thing. But a plural role before a verb is
            # its subject: "Sellers list furniture", "Customers support the change".
            plural_head = match[-1].lower_ != singular(match[-1].lower_)
            return not (plural_head and following.lower_ in self.words.verbs)
        previous = doc[match.start - 1] if match.start > 0 else None
        if previous is not None and previous.text in ("-", "/") and match.start > 1:
            return True  # the tail of "self-serve" or "and/or"
        return previous is not None and previous.lower_ == "per"  # "$4 per staff member": a price unit

    def _named_thing(self, doc: Doc, match: TokenSpan) -> bool:
        """ "screen readers", "job board": phrases ending in a role word that name no person."""
        for back in (2, 1):
            if (
                match.start >= back
                and normalize_role(doc[match.start - back : match.end].text) in self.vocabulary.not_roles
            ):
                return True
        return False

    def matcher_for(self, phrases: Iterable[str]) -> PhraseMatcher:
        """A matcher for role phrases, each in the singular and the plural."""
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        matcher.add("ROLE", list(self.nlp.tokenizer.pipe(sorted(phrase_forms(phrases)))))
        return matcher

    def find(self, doc: Doc, block: Block, matcher: PhraseMatcher | None = None) -> list[Mention]:
        """The mentions of the vocabulary's roles in one block, or of the roles `matcher` finds
        (roles a document declares that the vocabulary does not know)."""
        mentions = []
        matches = (matcher or self.matcher)(doc)
        for match in filter_spans([doc[start:end] for _, start, end in matches]):
            if (
                self._not_a_stakeholder(doc, match)
                or self._named_thing(doc, match)
                or _metadata_label(doc, match, block)
            ):
                continue
            start = self._grow_left(doc, match)
            phrase = doc[start : match.end]
            key = self.vocabulary.canonical(normalize_role(phrase.text))
            if key in self.vocabulary.not_roles:
                continue
            following = self._following(doc, match)
            if following is not None and following.lower_ in self.vocabulary.paying_compounds:
                pays, uses, verb = True, False, None
            else:
                pays, uses, verb = _actions(doc, start, match.end)
            mentions.append(
                Mention(
                    key=key,
                    text=phrase.text,
                    span=block.span(phrase.start_char, phrase.end_char),
                    block=block,
                    start=phrase.start_char,
                    persona=_persona(doc, start),
                    pays=pays,
                    uses=uses,
                    verb=verb,
                )
            )
            shared = self._coordinated(doc, start, match)
            if shared is not None:
                mentions.append(
                    Mention(
                        key=self.vocabulary.canonical(normalize_role(shared)),
                        text=doc[start - 2].text,
                        span=block.span(doc[start - 2].idx, doc[start - 2].idx + len(doc[start - 2].text)),
                        block=block,
                        start=doc[start - 2].idx,
                        pays=pays,
                        uses=uses,
                        verb=verb,
                    )
                )
        return mentions

    def _coordinated(self, doc: Doc, start: int, match: TokenSpan) -> str | None:
        """ "Finance & Compliance Team" names a finance team too: the role before "&" or "and"
        shares the head of the role after it."""
        if start != match.start or len(match) < 2 or start < 2:
            return None
        before = doc[start - 2]
        # Either noun will do here ("finance" is a verb too): the shared head makes it a name.
        if doc[start - 1].lower_ not in ("&", "and") or not (
            before.is_alpha and not before.is_stop and before.lower_ in self.words.nouns
        ):
            return None
        shared = f"{doc[start - 2].text} {doc[match.start + 1 : match.end].text}"
        return None if normalize_role(shared) in self.vocabulary.not_roles else shared
