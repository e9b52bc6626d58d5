"""Document -> Analysis, in the stages the selected rules declare they need.

The stages are one ordered table: `stories` (the story recognizer: plain string work, no spaCy),
`words` (the words and lemmas of each story's means), `stakeholders` (mentions, business
signals, the stakeholder model) and `syntax` (the requirement text's sentences, tagged). The
engine asks for the stages its rules need; a stage runs the stages it requires first, each at
most once per document. A stage that raises is reported as that stage's failure, and the stages
that needed it do not run.

This module imports no spaCy: the stages that need it import it when they first run, and the
pipeline, matchers and word lists are built once per process for each language setting.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from prdlint.document import Document
from prdlint.language.deadline import check_deadline, within_budget
from prdlint.language.model import STAKEHOLDERS, STORIES, SYNTAX, WORDS, Analysis
from prdlint.language.pipeline import for_tokenizer, load_pipeline
from prdlint.language.stories import find_stories
from prdlint.language.vocabulary import Vocabulary, merge_vocabularies
from prdlint.language.wordclasses import WordClasses, word_classes

if TYPE_CHECKING:
    from spacy.language import Language

    from prdlint.config import Settings
    from prdlint.language.business import SignalFinder
    from prdlint.language.mentions import MentionFinder
    from prdlint.registry import Registry


@dataclass(frozen=True)
class LanguageSettings:
    """What decides the language layer: the model, the vocabulary (plugins' and config's), and
    the evidence collectors switched off (for ablation)."""

    model: str | None
    vocabularies: tuple[Mapping[str, Any], ...]
    config_vocabulary: Mapping[str, Any] = field(default_factory=dict)
    without: frozenset[str] = frozenset()

    @classmethod
    def of(cls, settings: Settings, registry: Registry) -> LanguageSettings:
        """What a file's settings and the installed plugins say about the language layer."""
        return cls(settings.nlp_model, registry.vocabularies, settings.vocabulary)

    @property
    def key(self) -> str:
        return json.dumps(
            [self.model, self.vocabularies, self.config_vocabulary, sorted(self.without)], sort_keys=True
        )


class LanguageSetup:
    """What takes long to build for one language setting, built on first use and kept for the
    life of the process: the vocabulary, the spaCy pipeline, the word classes and the matchers."""

    def __init__(self, settings: LanguageSettings) -> None:
        self.settings = settings
        self.settled = False

    def prepare(self, stages: frozenset[str]) -> None:
        """Builds what the stages will use (the pipeline, the word classes, the matchers) before
        a document's time budget starts: on a busy machine the first document's share of the
        setup could take the whole budget, and the setup is no document's fault."""
        if stages & {WORDS, STAKEHOLDERS}:
            _ = self.nlp, self.word_classes
        if SYNTAX in stages:
            _ = self.nlp
        if STAKEHOLDERS in stages:
            _ = self.mentions, self.signals

    def settle(self) -> None:
        """After the first document, moves what the setup built (the pipeline, its vocabulary,
        the matchers) out of the garbage collector's sight: they live as long as the process,
        and scanning them again at every collection made the cost of a large document grow
        faster than its size."""
        if not self.settled:
            gc.freeze()
            self.settled = True

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return merge_vocabularies(self.settings.vocabularies, self.settings.config_vocabulary)

    @cached_property
    def nlp(self) -> Language:
        return load_pipeline(self.settings.model)

    @cached_property
    def word_classes(self) -> WordClasses:
        return word_classes()

    @cached_property
    def mentions(self) -> MentionFinder:
        from prdlint.language.mentions import MentionFinder  # imports spaCy

        return MentionFinder(self.nlp, self.vocabulary, self.word_classes)

    @cached_property
    def signals(self) -> SignalFinder:
        from prdlint.language.business import SignalFinder  # imports spaCy

        return SignalFinder(self.nlp, self.vocabulary)


_SETUPS: dict[str, LanguageSetup] = {}


def setup_for(settings: LanguageSettings) -> LanguageSetup:
    key = settings.key
    if key not in _SETUPS:
        _SETUPS[key] = LanguageSetup(settings)
    return _SETUPS[key]


def _stories(document: Document, analysis: Analysis, setup: LanguageSetup) -> Analysis:
    """Every user story of the document, in every form PRDs write them."""
    return replace(analysis, found_stories=find_stories(document))


def _words(document: Document, analysis: Analysis, setup: LanguageSetup) -> Analysis:
    """The words of each story's means with their lemmas, from one `nlp.pipe` over all means."""
    from prdlint.language.words import words_of  # reads spaCy Docs

    means = [(story.span, story.means.text) for story in analysis.stories if story.means is not None]
    docs = setup.nlp.pipe(for_tokenizer(text) for _, text in means)
    words = {span: words_of(doc, setup.word_classes) for (span, _), doc in zip(means, docs, strict=True)}
    return replace(analysis, means_words=words)


def _syntax(document: Document, analysis: Analysis, setup: LanguageSetup) -> Analysis:
    """The sentences of the requirement text, tagged by the loaded pipeline: what rules that
    read grammar (a passive requirement) look at, where a trained pipeline is configured."""
    from prdlint.language.syntax import tagged_sentences  # reads spaCy Docs

    return replace(analysis, tagged_sentences=tagged_sentences(document, setup.nlp))


def _stakeholders(document: Document, analysis: Analysis, setup: LanguageSetup) -> Analysis:
    """Who the document names, who pays and who uses, and what it says about its business."""
    from prdlint.language.stakeholders import analyse_stakeholders  # imports spaCy

    model, business, context = analyse_stakeholders(document, analysis.stories, setup)
    return replace(analysis, stakeholder_model=model, business_model=business, context=context)


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document, Analysis, LanguageSetup], Analysis]
    requires: tuple[str, ...] = ()


STAGES: tuple[Stage, ...] = (
    Stage(STORIES, _stories),
    Stage(WORDS, _words, requires=(STORIES,)),
    Stage(STAKEHOLDERS, _stakeholders, requires=(STORIES,)),
    Stage(SYNTAX, _syntax),
)


def required_stages(names: Iterable[str]) -> frozenset[str]:
    """The stages named and every stage they require."""
    wanted = set(names)
    for stage in reversed(STAGES):
        if stage.name in wanted:
            wanted.update(stage.requires)
    return frozenset(wanted)


@dataclass(frozen=True)
class StageFailure:
    stage: str
    error: Exception


@dataclass(frozen=True)
class AnalysisRun:
    analysis: Analysis
    failures: tuple[StageFailure, ...] = ()
    not_run: frozenset[str] = frozenset()
    """The stages that failed, and those that did not run because a stage they require failed."""


def analyse(
    document: Document,
    settings: LanguageSettings,
    stages: Iterable[str] = (STORIES, WORDS, STAKEHOLDERS),
) -> AnalysisRun:
    """Runs the named stages (and the stages they require) on the document, in table order.

    Not inside a spaCy memory zone, though it would forget each document's new strings: after
    some inputs (found by fuzzing) a zone left the vocabulary's lexemes mismatched to its
    strings, and every later analysis in the process failed."""
    wanted = required_stages(stages)
    setup = setup_for(settings)
    failures: list[StageFailure] = []
    not_run: set[str] = set()
    analysis: Analysis | None = None
    setup.prepare(wanted)
    with within_budget(len(document.source.encode("utf-8", "replace"))):
        for stage in STAGES:
            if stage.name not in wanted:
                continue
            if not_run & set(stage.requires):
                not_run.add(stage.name)
                continue
            try:
                if analysis is None:
                    analysis = Analysis(setup.vocabulary)
                check_deadline()
                analysis = stage.run(document, analysis, setup)
            except Exception as error:
                failures.append(StageFailure(stage.name, error))
                not_run.add(stage.name)
    if analysis is None:
        analysis = Analysis(Vocabulary())
    setup.settle()
    return AnalysisRun(analysis, tuple(failures), frozenset(not_run))
