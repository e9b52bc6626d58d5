"""The Analysis of a Document: its stories and stakeholders, computed once, before rules look."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from prdlint.document import Document
from prdlint.language.business import BusinessModel, SignalFinder
from prdlint.language.mentions import MentionFinder
from prdlint.language.pipeline import capabilities, load_pipeline
from prdlint.language.stakeholders import StakeholderModel, build_model
from prdlint.language.stories import Story, find_stories
from prdlint.language.vocabulary import Vocabulary, merge_vocabularies
from prdlint.language.words import Word, words_of

if TYPE_CHECKING:
    from prdlint.config import Settings
    from prdlint.registry import Registry
    from prdlint.span import Span


@dataclass(frozen=True)
class Analysis:
    capabilities: frozenset[str]
    stories: list[Story]
    stakeholders: StakeholderModel
    business: BusinessModel
    vocabulary: Vocabulary
    means_words: Mapping[Span, tuple[Word, ...]] = field(default_factory=dict)
    """The words of each story's means, by the story's span."""

    def words_of_means(self, story: Story) -> tuple[Word, ...]:
        """The words of `story`'s means, offsets into `story.means.text` (empty without a means)."""
        return self.means_words.get(story.span, ())


@dataclass(frozen=True)
class LanguageSettings:
    """What decides the language layer: the model and the vocabulary (plugins' and config's)."""

    model: str | None
    vocabularies: tuple[Mapping[str, Any], ...]
    config_vocabulary: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, settings: Settings, registry: Registry) -> LanguageSettings:
        """What a file's settings and the installed plugins say about the language layer."""
        return cls(settings.nlp_model, registry.vocabularies, settings.vocabulary)

    @property
    def key(self) -> str:
        return json.dumps([self.model, self.vocabularies, self.config_vocabulary], sort_keys=True)


@dataclass(frozen=True)
class _Setup:
    nlp: Any
    vocabulary: Vocabulary
    mentions: MentionFinder
    signals: SignalFinder


_SETUPS: dict[str, _Setup] = {}


def _setup(settings: LanguageSettings) -> _Setup:
    """The pipeline, merged vocabulary and matchers, built once per process for each settings."""
    key = settings.key
    if key not in _SETUPS:
        nlp = load_pipeline(settings.model)
        vocabulary = merge_vocabularies(settings.vocabularies, settings.config_vocabulary)
        _SETUPS[key] = _Setup(nlp, vocabulary, MentionFinder(nlp, vocabulary), SignalFinder(nlp, vocabulary))
    return _SETUPS[key]


def analyse(document: Document, settings: LanguageSettings) -> Analysis:
    setup = _setup(settings)
    blocks = [block for block in document.blocks if block.text.strip()]
    mentions, signals = [], []
    # Line breaks inside a paragraph are spaces to the reader; same length, so offsets hold.
    texts = (block.text.replace("\n", " ") for block in blocks)
    docs = list(setup.nlp.pipe(texts))
    for block, doc in zip(blocks, docs, strict=True):
        mentions += setup.mentions.find(doc, block)
        signals += setup.signals.find(doc, block)
    stories = find_stories(document)
    model = build_model(document, setup.vocabulary, mentions, stories)
    # Roles the document declares that the vocabulary does not know ("Gardeners add plants")
    # are its own vocabulary: find them everywhere else too, then build the model again.
    unknown = [
        key for key, role in model.roles.items() if role.declared and not setup.vocabulary.classify(key)
    ]
    if unknown:
        matcher = setup.mentions.matcher_for(unknown)
        for block, doc in zip(blocks, docs, strict=True):
            mentions += setup.mentions.find(doc, block, matcher)
        model = build_model(document, setup.vocabulary, mentions, stories)
    means = [(story.span, story.means.text) for story in stories if story.means is not None]
    means_docs = setup.nlp.pipe(text for _, text in means)
    return Analysis(
        capabilities=capabilities(settings.model),
        stories=stories,
        stakeholders=model,
        business=BusinessModel(signals),
        vocabulary=setup.vocabulary,
        means_words={span: words_of(doc) for (span, _), doc in zip(means, means_docs, strict=True)},
    )
