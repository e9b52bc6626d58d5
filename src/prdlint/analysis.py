"""Document -> Analysis, in the stages the selected rules declare they need.

The stages are one table: the engine's own (below) and those the packs contribute through the
`prdlint_stages` hook, which the registry gathers. The engine asks for the stages its rules need;
each runs after the stages it requires, at most once per document. A stage that raises is
reported as that stage's failure, and the stages that needed it do not run.

The engine's stages: `stories` (the story recognizer: plain string work, no spaCy), `words` (the
words and lemmas of each story's means), `requirement-text` (which blocks state requirements),
`syntax` (the requirement text's sentences, tagged by the loaded pipeline) and `genre` (whether
the file is a requirements document at all).

This module imports no spaCy: the stages that need it import it when they first run, and what each
stage prepares (a pipeline, matchers, word lists) is built once per process for each setting,
before the document's time budget starts.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prdlint.document import Document
from prdlint.document.genre import Genre, genre
from prdlint.document.requirement_text import requirement_text
from prdlint.globs import matches_globs
from prdlint.language.deadline import AnalysisTimeoutError, check_deadline, paused, within_budget
from prdlint.language.model import GENRE, REQUIREMENT_TEXT, STORIES, SYNTAX, WORDS, Analysis, Story, Word
from prdlint.settings import Settings
from prdlint.span import Span
from prdlint.stage import LanguageEnvironment, Stage, StageInput, StageSetup


def _stories(given: StageInput) -> list[Story]:
    """Every user story of the document, in every form PRDs write them."""
    from prdlint.language.stories import find_stories

    return find_stories(given.document)


def _words(given: StageInput) -> Mapping[Span, tuple[Word, ...]]:
    """The words of each story's means with their lemmas, from one `nlp.pipe` over all means."""
    from prdlint.language.pipeline import for_tokenizer
    from prdlint.language.words import words_of  # reads spaCy Docs

    means = [(story.span, story.means.text) for story in given.analysis.stories if story.means is not None]
    docs = given.setup.nlp.pipe(for_tokenizer(text) for _, text in means)
    classes = given.setup.word_classes
    return {span: words_of(doc, classes) for (span, _), doc in zip(means, docs, strict=True)}


def _syntax(given: StageInput) -> Any:
    """The sentences of the requirement text, tagged by the loaded pipeline: what rules that read
    grammar (a passive requirement) look at, where a trained pipeline is configured."""
    from prdlint.language.syntax import tagged_sentences  # reads spaCy Docs

    return tagged_sentences(given.analysis.requirement_text, given.setup.nlp)


def _requirement_text(given: StageInput) -> Any:
    return requirement_text(given.document)


NOT_LISTED = "prd-files does not list it"


def _genre(given: StageInput) -> Genre:
    """Whether whole-document rules judge this file: as `prd-files` says when a team states which
    files are PRDs, else as the document itself shows."""
    settings, path = given.settings, given.path
    if settings.prd_files and path is not None:
        listed = matches_globs(settings.prd_files, path, settings.root)
        return Genre(listed, "prd-files lists it" if listed else NOT_LISTED)
    return genre(given.document, path.name if path is not None else None)


def _load_pipeline(setup: StageSetup) -> None:
    """Loads the pipeline and the word classes before any document's budget starts: on a busy
    machine the first document's share of the setup could take the whole budget."""
    _ = setup.nlp, setup.word_classes


ENGINE_STAGES: tuple[Stage, ...] = (
    Stage(STORIES, _stories),
    Stage(WORDS, _words, requires=(STORIES,), prepare=_load_pipeline),
    Stage(REQUIREMENT_TEXT, _requirement_text),
    Stage(SYNTAX, _syntax, requires=(REQUIREMENT_TEXT,), prepare=_load_pipeline),
    Stage(GENRE, _genre),
)


def run_order(table: Mapping[str, Stage], names: Iterable[str]) -> list[Stage]:
    """The stages named and every stage they require, each after what it requires, otherwise in
    table order."""
    wanted: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in wanted and name in table:
            wanted.add(name)
            pending.extend(table[name].requires)
    ordered: list[Stage] = []
    placed: set[str] = set()

    def place(stage: Stage) -> None:
        if stage.name in placed:
            return
        placed.add(stage.name)
        for required in stage.requires:
            place(table[required])
        ordered.append(stage)

    for name, stage in table.items():
        if name in wanted:
            place(stage)
    return ordered


@dataclass(frozen=True)
class StageFailure:
    stage: str
    error: Exception


@dataclass(frozen=True)
class AnalysisRun:
    analysis: Analysis
    failures: tuple[StageFailure, ...] = ()
    not_run: frozenset[str] = frozenset()
    """The stages that failed, those that did not run because a stage they require failed, and
    after the time budget ran out, every stage left."""


_ENVIRONMENTS: dict[str | None, LanguageEnvironment] = {}
# How many new strings a pipeline's vocabulary may take in from the documents it reads before it
# is replaced: with the lexemes made for them, about 80 MB.
_STRINGS_KEPT = 100_000
_STATES: dict[tuple[Stage, str | None, int, str], tuple[StageSetup, Any]] = {}
# How many states the garbage collector was last told to leave alone (see _settle).
_settled = 0


def _prepared(
    stage: Stage, settings: Settings, vocabularies: tuple[Mapping[str, Any], ...]
) -> tuple[StageSetup, Any]:
    """The stage's setup and what its `prepare` built, once per process for each setting: the
    pipeline, the vocabularies, and the values of the config keys the stage reads. The
    vocabularies are the registry's, told apart by identity (the setup it is kept in keeps it
    alive, so no other can take its identity); the stage's own values by what they hold."""
    values = {key: settings.stage_settings.get(key) for key in stage.settings}
    key = (stage, settings.nlp_model, id(vocabularies), json.dumps(values, sort_keys=True, default=str))
    if key not in _STATES:
        environment = _ENVIRONMENTS.setdefault(settings.nlp_model, LanguageEnvironment(settings.nlp_model))
        setup = StageSetup(environment, vocabularies, values)
        _STATES[key] = (setup, stage.prepare(setup) if stage.prepare is not None else None)
    return _STATES[key]


def _renew_grown() -> None:
    """Replaces every pipeline that has taken in more than `_STRINGS_KEPT` new strings, with the
    states built on it. A long-lived process (the language server) reads new words with every
    document and its vocabulary would grow without end; a memory zone would forget them, but is
    not used (see `analyse`). The next document loads and prepares anew, once, a second or two."""
    global _settled
    grown = {
        model for model, environment in _ENVIRONMENTS.items() if environment.strings_learned() > _STRINGS_KEPT
    }
    if not grown:
        return
    for key in [key for key in _STATES if key[1] in grown]:
        del _STATES[key]
    for model in grown:
        del _ENVIRONMENTS[model]
    from prdlint.language.pipeline import load_pipeline

    load_pipeline.cache_clear()
    gc.unfreeze()  # what _settle froze would outlive its last reference
    gc.collect()
    _settled = 0


def _settle() -> None:
    """After a document whose stages built something for the process (the pipeline, a vocabulary,
    matchers), moves it out of the garbage collector's sight: it lives as long as the process,
    and scanning it again at every collection made the cost of a large document grow faster than
    its size."""
    global _settled
    if len(_STATES) > _settled:
        gc.freeze()
        _settled = len(_STATES)


def analyse(
    document: Document,
    settings: Settings,
    table: Mapping[str, Stage],
    vocabularies: tuple[Mapping[str, Any], ...],
    names: Iterable[str],
    *,
    path: Path | None = None,
    start: Analysis | None = None,
) -> AnalysisRun:
    """Runs the named stages (and the stages they require) on the document, those whose result
    `start` holds aside.

    Not inside a spaCy memory zone, though it would forget each document's new strings: after
    some inputs (found by fuzzing) a zone left the vocabulary's lexemes mismatched to its
    strings, and every later analysis in the process failed."""
    analysis = start or Analysis()
    stages = [stage for stage in run_order(table, names) if stage.name not in analysis.results]
    failures: list[StageFailure] = []
    not_run: set[str] = set()
    with within_budget(len(document.source.encode("utf-8", "replace"))):
        for stage in stages:
            if not_run & set(stage.requires):
                not_run.add(stage.name)
                continue
            try:
                with paused():
                    setup, state = _prepared(stage, settings, vocabularies)
                check_deadline()
                given = StageInput(document, analysis, state, setup, path, settings)
                analysis = analysis.with_result(stage.name, stage.run(given))
            except AnalysisTimeoutError as error:
                # Past the budget, no stage runs any more: one failure says so.
                failures.append(StageFailure(stage.name, error))
                not_run.update(later.name for later in stages[stages.index(stage) :])
                break
            except Exception as error:
                failures.append(StageFailure(stage.name, error))
                not_run.add(stage.name)
    _renew_grown()
    _settle()
    return AnalysisRun(analysis, tuple(failures), frozenset(not_run))
