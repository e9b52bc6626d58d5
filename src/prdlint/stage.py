"""The stage API: what an analysis stage declares about itself, what it is given, and what it
returns.

A stage reads a document once, before any rule runs, and leaves a result in the Analysis under its
name for every rule that lists it in `needs` (the stories of a document, its requirement text, the
stakeholder reading of the stakeholder pack). The engine's stages and the packs' (through the
`prdlint_stages` hook) are one table: a stage names the stages it requires, and the engine runs
each one a document's rules need, once, in an order that puts what is required first.

What takes long to build (a pipeline, matchers, merged word lists) a stage builds in `prepare`,
once per process for each setting, before any document's time budget starts; `run` then gets it
back as `state` for every document. A stage may read config keys of its own (`settings`, each
with a validator), which `[tool.prdlint]` accepts beside prdlint's own keys.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from spacy.language import Language

    from prdlint.document import Document
    from prdlint.language.model import Analysis
    from prdlint.language.wordclasses import WordClasses
    from prdlint.settings import Settings


class ConfigSite(Protocol):
    """Where a config value is being read, as a stage's setting validator sees it."""

    @property
    def base(self) -> Path:
        """The directory the config file's relative paths start from."""

    @property
    def vocabularies(self) -> tuple[Mapping[str, Any], ...]:
        """The vocabulary tables the installed plugins contribute."""

    def error(self, key: str, problem: str) -> Exception:
        """The error to raise for a bad value: it names the config file and the key."""


SettingValidator = Callable[[Any, str, ConfigSite], Any]
"""Checks one config value: the raw TOML value and its key as the user wrote it; returns the value
the stage reads, or raises `site.error(key, problem)`."""


class LanguageEnvironment:
    """What the stages of one process share for one pipeline setting: the spaCy pipeline and the
    English word classes, each loaded on first use."""

    def __init__(self, model: str | None) -> None:
        self.model = model
        self.strings_at_load = 0

    @cached_property
    def nlp(self) -> Language:
        from prdlint.language.pipeline import load_pipeline  # spaCy, only for the stages that use it

        nlp = load_pipeline(self.model)
        self.strings_at_load = len(nlp.vocab.strings)
        return nlp

    def strings_learned(self) -> int:
        """How many strings the pipeline's vocabulary has taken in since it was loaded: every new
        word of every document read stays there (0 before it is loaded)."""
        return len(self.nlp.vocab.strings) - self.strings_at_load if "nlp" in self.__dict__ else 0

    @cached_property
    def word_classes(self) -> WordClasses:
        from prdlint.language.wordclasses import word_classes

        return word_classes()


@dataclass(frozen=True)
class StageSetup:
    """What a stage's `prepare` builds from: the shared pipeline, the plugins' vocabulary tables,
    and the values of the config keys the stage declared."""

    environment: LanguageEnvironment
    vocabularies: tuple[Mapping[str, Any], ...]
    settings: Mapping[str, Any]

    @property
    def nlp(self) -> Language:
        return self.environment.nlp

    @property
    def word_classes(self) -> WordClasses:
        return self.environment.word_classes


@dataclass(frozen=True)
class StageInput:
    """What a stage's `run` is given for one document."""

    document: Document
    analysis: Analysis
    """The results of the stages that ran before it, those it requires among them."""
    state: Any
    """What the stage's `prepare` built (None without one)."""
    setup: StageSetup
    path: Path | None
    """The file, when the document is one (its name tells a README from a PRD)."""
    settings: Settings


@dataclass(frozen=True, eq=False)
class Stage:
    """An analysis stage. Compared by identity: a stage made with other options (an evaluation
    that switches part of a reading off) is another stage, with a state of its own."""

    name: str
    """What rules list in `needs`, and what the result is kept under."""
    run: Callable[[StageInput], Any]
    requires: tuple[str, ...] = ()
    prepare: Callable[[StageSetup], Any] | None = None
    settings: Mapping[str, SettingValidator] = field(default_factory=dict)
    """Config keys of the stage's own (`[tool.prdlint.<key>]`), each with its validator."""
