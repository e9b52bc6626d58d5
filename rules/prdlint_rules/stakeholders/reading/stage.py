"""The stakeholders stage: mentions and business signals over spaCy tokens, then the model.

`nlp.pipe` over the document's prose blocks, a batch of them at a time, gives the tokens that both
the mention finder and the signal finder read, block by block, each block's tokens let go once
read; a block whose text holds none of either finder's anchor words (anchors.py) is not tokenized
at all. The evidence collectors (`collectors/`) turn the mentions, the stories and the document's
structure into the stakeholder model. Roles the document declares that the vocabulary does not
know ("Gardeners add plants") are the document's own vocabulary: they are looked for again in the
blocks whose text holds their anchor words (a block read for the same roles at an earlier lint is
not tokenized again), and the model's roles are drafted again with those mentions before its
classes are resolved and its conflations found.

What takes long to build (the merged vocabulary, the matchers) is built once per process for each
vocabulary setting, by the engine, before any document's time budget starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from prdlint.api import (
    STORIES,
    Stage,
    StageInput,
    StageSetup,
    WordClasses,
    check_deadline,
    for_tokenizer,
    once_per_section,
)
from prdlint_rules.stakeholders.reading import STAKEHOLDERS
from prdlint_rules.stakeholders.reading.anchors import prose_of
from prdlint_rules.stakeholders.reading.vocabulary import Vocabulary, merge_vocabularies, validate_config

if TYPE_CHECKING:
    from spacy.language import Language

    from prdlint.api import Block
    from prdlint_rules.stakeholders.reading.anchors import BlockIndex, TextWords
    from prdlint_rules.stakeholders.reading.block_cache import BlockCache
    from prdlint_rules.stakeholders.reading.business import SignalFinder
    from prdlint_rules.stakeholders.reading.mentions import MentionFinder
    from prdlint_rules.stakeholders.reading.model import Mention, Signal, StakeholderReading

# The config key the stage reads: more words for the vocabulary's entries.
VOCABULARY_KEY = "vocabulary"
# How many blocks' readings a process keeps: a few long documents' worth, for the editor; more
# would slow a batch run, whose garbage collector would walk them all again and again.
_CACHED_BLOCKS = 4_000
# How many blocks' mentions of roles their documents declare a process keeps: the few blocks of
# a few documents that name them.
_CACHED_DECLARED_BLOCKS = 1_000
# How many blocks to tokenize are gathered before they are read: their words are kept till then.
_TOKENIZED_AT_ONCE = 256


@dataclass(frozen=True)
class _Prepared:
    """What the stage builds once per vocabulary setting."""

    nlp: Language
    vocabulary: Vocabulary
    word_classes: WordClasses
    mentions: MentionFinder
    signals: SignalFinder
    cache: BlockCache
    """What was read in recently linted blocks: an editor's next lint reads only what changed."""
    declared: BlockCache
    """The mentions found in recently linted blocks of the roles their documents declare that the
    vocabulary lacks, by those roles (in place of the headings over the block)."""


def _prepare(setup: StageSetup) -> _Prepared:
    from prdlint_rules.stakeholders.reading.block_cache import BlockCache
    from prdlint_rules.stakeholders.reading.business import SignalFinder  # imports spaCy
    from prdlint_rules.stakeholders.reading.mentions import MentionFinder

    configured = setup.settings.get(VOCABULARY_KEY)
    vocabulary = merge_vocabularies([*setup.vocabularies, *([configured] if configured else [])])
    nlp, classes = setup.nlp, setup.word_classes
    return _Prepared(
        nlp,
        vocabulary,
        classes,
        MentionFinder(nlp, vocabulary, classes),
        SignalFinder(nlp, vocabulary),
        BlockCache(_CACHED_BLOCKS),
        BlockCache(_CACHED_DECLARED_BLOCKS),
    )


def _read(given: StageInput, without: frozenset[str]) -> StakeholderReading:
    """Who the document names, who pays and who uses, and what it says about its business."""
    # The collectors load when a document is first read, not when the registry lists the stage.
    from prdlint_rules.stakeholders.reading.anchors import BlockIndex, block_words
    from prdlint_rules.stakeholders.reading.business import headings_over
    from prdlint_rules.stakeholders.reading.collectors import draft_roles, finish_model
    from prdlint_rules.stakeholders.reading.collectors.base import Inputs
    from prdlint_rules.stakeholders.reading.context import described_context, product_context
    from prdlint_rules.stakeholders.reading.model import BusinessModel, StakeholderReading

    document, prepared = given.document, given.state
    stories = given.analysis.stories
    blocks = [block for block in document.blocks if block.text.strip()]
    headings_of = once_per_section(headings_over)
    headings = [headings_of(block.section) for block in blocks]
    index = BlockIndex(blocks)
    read: list[tuple[Sequence[Mention], Sequence[Signal]] | None] = []
    # The blocks whose tokens are needed, with their words, read a batch at a time; every other
    # block's words are let go once read: a long document's word sets took more memory than the
    # document.
    unread: list[tuple[int, TextWords]] = []
    for place, (block, over) in enumerate(zip(blocks, headings, strict=True)):
        text = block_words(block.text)
        index.add(place, text.words)
        found = prepared.cache.get(block, over)
        if found is None:
            found = _read_from_text(prepared, block, text, over)
            if found is None:
                unread.append((place, text))
            else:
                prepared.cache.put(block, over, *found)
        read.append(found)
        if len(unread) == _TOKENIZED_AT_ONCE:
            _read_tokens(prepared, blocks, headings, unread, read)
    _read_tokens(prepared, blocks, headings, unread, read)
    mentions: list[Mention] = [mention for found in read if found for mention in found[0]]
    signals: list[Signal] = [signal for found in read if found for signal in found[1]]
    del read, headings  # a long document's are large, and the drafts below are larger still
    business = BusinessModel(signals)
    described = described_context(document, business)
    vocabulary = prepared.vocabulary
    inputs = Inputs(document, vocabulary, prepared.word_classes, mentions, stories, signals, described, index)
    draft = draft_roles(inputs, without)
    unknown = [key for key, role in draft.roles.items() if role.declared and not vocabulary.classify(key)]
    if unknown:
        more = _declared_mentions(prepared, index, tuple(sorted(unknown)))
        if more:  # else the roles are as drafted: the same inputs
            # The first draft and its inputs (which keep each block's mentions) are let go
            # before the next are made: a long document's are large.
            del draft
            inputs = replace(inputs, mentions=mentions + more)
            draft = draft_roles(inputs, without)
    model = finish_model(draft, without)
    context = product_context(document, model, business, vocabulary, described)
    return StakeholderReading(model, business, context, vocabulary)


def _declared_mentions(prepared: _Prepared, index: BlockIndex, roles: tuple[str, ...]) -> list[Mention]:
    """The mentions of `roles`, roles the document declares that the vocabulary lacks, in the
    document's order. Only the blocks that may name one of them are tokenized again, and of
    those only the ones not read for the same roles before."""
    matcher, phrases = prepared.mentions.declared_matcher(roles)
    named = [block for block in index.anchored(phrases.anchors) if phrases.in_prose(prose_of(block.text))]
    found: list[Sequence[Mention] | None] = []
    for block in named:
        kept = prepared.declared.get(block, roles)
        found.append(None if kept is None else kept[0])
    unread = [place for place, mentions in enumerate(found) if mentions is None]
    tokens = prepared.nlp.pipe(for_tokenizer(named[place].text) for place in unread)
    for place, doc in zip(unread, tokens, strict=True):
        check_deadline()
        found[place] = mentions = prepared.mentions.find(doc, named[place], matcher)
        prepared.declared.put(named[place], roles, mentions, ())
    return [mention for mentions in found if mentions for mention in mentions]


def _read_tokens(
    prepared: _Prepared,
    blocks: Sequence[Block],
    headings: Sequence[tuple[str, ...]],
    unread: list[tuple[int, TextWords]],
    read: list[tuple[Sequence[Mention], Sequence[Signal]] | None],
) -> None:
    """Reads the `unread` blocks' tokens into `read`, and empties `unread`. Each block's tokens
    are let go once read: memory follows the largest block, not the document."""
    tokens = prepared.nlp.pipe(for_tokenizer(blocks[place].text) for place, _ in unread)
    for (place, text), doc in zip(unread, tokens, strict=True):
        check_deadline()
        block, over = blocks[place], headings[place]
        found = prepared.mentions.find(doc, block), list(prepared.signals.find(doc, block, over, text))
        prepared.cache.put(block, over, *found)
        read[place] = found
    unread.clear()


# What most blocks hold: one value for all of them, which nothing changes.
_NOTHING: tuple[Sequence[Mention], Sequence[Signal]] = ((), ())


def _read_from_text(
    prepared: _Prepared, block: Block, text: TextWords, headings: tuple[str, ...]
) -> tuple[Sequence[Mention], Sequence[Signal]] | None:
    """What a block holds where its text alone can tell (None where its tokens are needed): no
    role's name and no signal's phrase or pattern can be in it. Its words are asked first, then,
    for the few that hold an anchor word, its prose; most blocks of a document are never
    tokenized."""
    names, holds = prepared.mentions.may_name(text), prepared.signals.may_hold(block, text)
    if names or holds:
        prose = prose_of(block.text)
        if (names and prepared.mentions.names_in(prose)) or (
            holds and prepared.signals.needs_tokens(text, prose, headings)
        ):
            return None
    signals = list(prepared.signals.find(None, block, headings, text)) if holds else []
    return ([], signals) if signals else _NOTHING


def stakeholders_stage(without: Iterable[str] = ()) -> Stage:
    """The stage, with the evidence collectors named in `without` switched off (the judgement
    evaluation measures what each is worth so)."""
    skipped = frozenset(without)
    return Stage(
        STAKEHOLDERS,
        lambda given: _read(given, skipped),
        requires=(STORIES,),
        prepare=_prepare,
        settings={VOCABULARY_KEY: validate_config},
    )


STAGE = stakeholders_stage()
