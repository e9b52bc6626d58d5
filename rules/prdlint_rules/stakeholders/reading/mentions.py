"""Finding stakeholder mentions in prose: "restaurant owners", "the Rota support agents".

A PhraseMatcher over lower-cased tokens finds the vocabulary's heads; each match grows to the left
over words that name a place, trade or team ("restaurant", "Board"), and is dropped when the next
word makes it a thing ("customer support", "user interface"). The words right after a mention say
whether the role pays for the product or uses it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan
from spacy.util import filter_spans

from prdlint.api import Block, WordClasses, lemma_of, lookup_lemmas, normalize_role, phrase_forms, singular
from prdlint_rules.stakeholders.reading.anchors import TextWords, TokenFilter, phrase_filter
from prdlint_rules.stakeholders.reading.kept import KeptAnswers
from prdlint_rules.stakeholders.reading.model import Mention
from prdlint_rules.stakeholders.reading.vocabulary import Vocabulary

# Before a word that is both noun and verb, these make it a noun: "the support agents".
_NOUN_CONTEXT = frozenset(
    "a an the our their your its his her my this that these those of for with by from on in at".split()
)
# Before a word, these make it a verb: "to pre-fill", "can re-assign".
_VERB_CUES = frozenset("to can will should must may could would".split())
# "Priya, a pre-seed founder" names the persona Priya.
_PERSONA_ARTICLES = frozenset({"a", "an"})
_ACTION_WINDOW = 6


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


# What a role pays when it pays for nothing: "audience members pay nothing to book".
_NOTHING = frozenset({"nothing", "no", "zero"})


class _ActionReader:
    """Reads what a role does right after it is named, with the vocabulary's verb lists."""

    def __init__(self, vocabulary: Vocabulary, classes: WordClasses) -> None:
        self.pay_verbs = vocabulary.words("pay-verbs")
        self.pay_alone = vocabulary.words("pay-verbs-alone")
        self.payment_objects = vocabulary.words("payment-objects")
        self.goods = vocabulary.words("goods")
        self.paid_roles = vocabulary.words("paid-roles")
        self.promotions = vocabulary.words("promotion-words")
        self.use_verbs = vocabulary.words("use-verbs")
        self.currency_codes = vocabulary.words("currency-codes")
        self.verbs = classes.verbs

    def pays_for_product(self, doc: Doc, verb: Token, limit: int) -> bool:
        """Whether `verb` pays for the product (its plan, fee, licence, or a price), not for goods
        bought through it or money handed to another role ("pay sellers through escrow")."""
        lemma = lemma_of(verb).lower()
        clause_end = next((t.i for t in doc[verb.i + 1 : limit] if t.text in (";", ":")), limit)
        rest_tokens = doc[verb.i + 1 : clause_end]
        rest = {token.lower_ for token in rest_tokens}
        paid = next((token.lower_ for token in rest_tokens if token.lower_ not in ("the", "their", "a")), "")
        if paid in _NOTHING:
            return False  # "audience members pay nothing"
        if lemma in self.pay_alone:
            # "owners renew" pays; "residents renew their parking permit" renews something else.
            return not paid or bool(rest & self.payment_objects)
        if lemma == "sign":  # "sign the contract" buys
            return bool(rest & self.payment_objects)
        if lemma not in self.pay_verbs or paid in self.paid_roles:
            return False
        if rest & self.promotions:
            return True  # "tutors pay for premium listings": the product sells the promotion
        if rest & self.goods:
            return False
        return bool(rest & (self.payment_objects | self.currency_codes)) or any(
            token.is_currency for token in rest_tokens
        )

    def coordinated_payment(self, doc: Doc, verb: Token, limit: int) -> bool:
        """ "Sellers list furniture and pay a 5% commission": a second verb, after "and", that pays."""
        for index in range(verb.i + 1, limit - 1):
            if doc[index].lower_ != "and":
                continue
            following = doc[index + 1]
            lemma = lemma_of(following).lower()
            if (lemma in self.pay_verbs or lemma in self.pay_alone) and self.pays_for_product(
                doc, following, limit
            ):
                return True
        return False

    def actions(self, doc: Doc, start: int, end: int) -> tuple[bool, bool, str | None]:
        """Whether the role, named at tokens start..end, pays for the product or uses it, and the
        verb it is the subject of (None when the word after it is no verb: "the support team by").

        Only verbs the role is the subject of count, and paying counts for the product (its plan,
        fee, licence), not for goods bought through it.
        """
        sentence = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
        verb = _verb_after(doc, end, sentence.end)
        if verb is None:
            return False, False, None
        lemma = lemma_of(verb).lower()
        if lemma not in self.verbs and verb.lower_ not in self.verbs:
            return False, False, None
        if (
            lemma == "sign"
            and verb.i + 1 < len(doc)
            and doc[verb.i + 1].lower_ in ("in", "up", "on", "out", "into")
        ):
            return False, True, lemma  # "sign in", "sign up" use
        if lemma in self.pay_verbs or lemma in self.pay_alone or lemma == "sign":
            return self.pays_for_product(doc, verb, sentence.end), False, lemma
        pays = self.coordinated_payment(doc, verb, sentence.end)
        return pays, lemma in self.use_verbs, lemma


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
    # "day-to-day", "end-to-end": a longer chain describes how, it names no role.
    chained = start > 3 and doc[start - 4].text == "-" and not doc[start - 4].whitespace_
    return joined and first.is_alpha and second.is_alpha and not after_verb_cue and not chained


# How many sets of declared roles' matchers a finder keeps: a few open documents' worth.
_DECLARED_MATCHERS_KEPT = 4


class MentionFinder:
    """Finds stakeholder mentions in spaCy Docs; holds what takes long to build, once."""

    def __init__(self, nlp: Language, vocabulary: Vocabulary, classes: WordClasses) -> None:
        self.nlp = nlp
        self.vocabulary = vocabulary
        self.matcher, self.phrases = self.matcher_for(vocabulary.phrases())
        self.declared_matchers: KeptAnswers[tuple[str, ...], tuple[PhraseMatcher, TokenFilter]] = KeptAnswers(
            _DECLARED_MATCHERS_KEPT
        )
        """The matchers of the roles documents declared lately (`declared_matcher`). Kept here,
        not in the module: they hold the pipeline's vocabulary, which must go when it is
        replaced."""
        self.words = classes
        self.actions = _ActionReader(vocabulary, classes)
        self.not_modifiers = vocabulary.words("not-modifiers")
        self.inflected_modifiers = vocabulary.words("inflected-modifiers")
        self.compounds = vocabulary.words("compounds")
        self.paying_compounds = vocabulary.words("paying-compounds")
        self.not_roles = vocabulary.words("not-roles")
        # The lookup lemmas: the built-in pipeline leaves lemmas to them; a trained pipeline's
        # lemmatizer may hold a lookup table of its own.
        self.lemmas = lookup_lemmas()
        if "lemmatizer" in nlp.pipe_names:
            tables = nlp.get_pipe("lemmatizer").lookups
            self.lemmas = tables.get_table("lemma_lookup") if tables.has_table("lemma_lookup") else None

    def _inflected(self, lower: str) -> bool:
        if lower in self.inflected_modifiers or self.lemmas is None:
            return False
        return self.lemmas.get(lower, lower) != lower

    def is_modifier(self, doc: Doc, index: int, *, in_title: bool = False) -> bool:
        """Words that name a place, trade or team before a role ("restaurant", "Board", "sales").

        Nouns modify in the singular, so inflected words ("covers", "letting") are verbs;
        adjectives ("legitimate") qualify a role without naming a new one; a word that is both
        noun and verb ("export", "support") is a noun only after a determiner or preposition.
        In a job title written with capitals (`in_title`), an adjective or a word in -ing is part
        of the name: "Financial Administrator", "Sourcing Agent".
        """
        token = doc[index]
        text, lower = token.text, token.lower_
        if not token.is_alpha or token.is_stop or lower in self.not_modifiers or lower.endswith(("ly", "ed")):
            return False
        if not (text.islower() or text.istitle() or (text.isupper() and len(text) <= 5)):
            return False
        if in_title and text.istitle():
            return True
        if self._inflected(lower) or lower in self.words.adjectives:
            return False
        if lower in self.words.verbs:
            return lower in self.words.nouns and index > 0 and doc[index - 1].lower_ in _NOUN_CONTEXT
        return True

    def _grow_left(self, doc: Doc, match: TokenSpan, text: str) -> int:
        """Where the role's name starts: up to two modifiers before its head, on its own line
        (`text` is the block's, whose line breaks the Doc may have as spaces)."""
        start = match.start
        in_title = match[0].text.istitle()
        for _ in range(2):
            if start > 0 and "\n" in text[doc[start - 1].idx : doc[start].idx]:
                break  # "Status: Draft\nOwner: ...": a name does not run over a line break
            if _hyphenated_before(doc, start):
                start -= 3  # "pre-seed founder", "check-in volunteer": one modifier
            elif start > 0 and self.is_modifier(doc, start - 1, in_title=in_title):
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
        if following is not None and following.lower_ in self.paying_compounds:
            return False  # "seller subscriptions": the role, and what it pays
        if following is not None and following.lower_ in self.compounds:
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
                and normalize_role(doc[match.start - back : match.end].text) in self.not_roles
            ):
                return True
        return False

    def declared_matcher(self, phrases: tuple[str, ...]) -> tuple[PhraseMatcher, TokenFilter]:
        """`matcher_for` the roles a document declares that the vocabulary lacks, kept for the
        next lint of the same document: an editor's lints ask for the same roles again."""
        return self.declared_matchers.get(phrases, lambda: self.matcher_for(phrases))

    def matcher_for(self, phrases: Iterable[str]) -> tuple[PhraseMatcher, TokenFilter]:
        """A matcher for role phrases, each in the singular and the plural, and what a block
        must hold for it to match: a block that does not hold that is not tokenized."""
        forms = list(self.nlp.tokenizer.pipe(sorted(phrase_forms(phrases))))
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        matcher.add("ROLE", forms)
        return matcher, phrase_filter(forms)

    def may_name(self, text: TextWords) -> bool:
        """Whether a block's text may name a role of the vocabulary, by its words alone."""
        return self.phrases.anchors.in_text(text)

    def names_in(self, prose: str) -> bool:
        """Whether a block that `may_name` a role may name one: `prose` is its `prose_of`."""
        return self.phrases.in_prose(prose)

    def find(self, doc: Doc, block: Block, matcher: PhraseMatcher | None = None) -> list[Mention]:
        """The mentions of the vocabulary's roles in one block, or of the roles `matcher` finds
        (roles a document declares that the vocabulary does not know)."""
        mentions = []
        matches = (matcher or self.matcher)(doc)
        for match in filter_spans([doc[start:end] for _, start, end in matches]):
            if self._not_a_stakeholder(doc, match) or self._named_thing(doc, match):
                continue
            start = self._grow_left(doc, match, block.text)
            phrase = doc[start : match.end]
            key = self.vocabulary.canonical(normalize_role(phrase.text))
            if key in self.not_roles:
                continue
            following = self._following(doc, match)
            paying_name = (following is not None and following.lower_ in self.paying_compounds) or (
                start > 0 and doc[start - 1].lower_ in ("paying", "paid")
            )
            pays, uses, verb = (
                (False, False, None) if paying_name else self.actions.actions(doc, start, match.end)
            )
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
                    paying_name=paying_name,
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
                        paying_name=paying_name,
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
        return None if normalize_role(shared) in self.not_roles else shared
