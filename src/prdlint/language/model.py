"""The Analysis: what the analysis stages found in a document, as plain values rules look up, and
the types of the engine's own stages (stories and their words, requirement text, tagged
sentences, the genre).

A stage's result is kept under the stage's name; the engine's stages have a property each, and a
pack's stage is read with `result(name)` (its pack gives it a typed accessor). This module imports
no spaCy, and neither may anything a rule imports: loading the rule packs (for `prdlint rules`,
`explain`, `config`, or a run of the document pack) must stay as cheap as starting Python. The
stages that fill an Analysis import spaCy when they run, not before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from prdlint.document.model import Block, Section
from prdlint.span import Span

if TYPE_CHECKING:
    from prdlint.document.genre import Genre
    from prdlint.document.requirement_text import RequirementText

# The engine's analysis stages, which a rule can declare in its `needs`; packs add their own.
STORIES, WORDS, SYNTAX = "stories", "words", "syntax"
REQUIREMENT_TEXT, GENRE = "requirement-text", "genre"
# What a trained pipeline may add to the built-in one, for a rule's `needs`: part-of-speech tags
# and dependency labels.
POS, DEP = "pos", "dep"


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a story's means with its lemma: what the story rules compare and parse."""

    text: str
    lemma: str
    start: int
    """Offset in the text the word was read from."""
    is_punct: bool
    is_stop: bool
    can_be_verb: bool
    """Whether English uses this word form as a verb (WordNet): "create", "export", "object"."""
    can_be_noun: bool = False
    """Whether English uses this word, or its lemma, as a noun (WordNet): "reports", "export"."""
    can_be_adjective: bool = False
    """Whether English uses this word as an adjective (WordNet): "optional", "predictable"."""

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class TaggedWord:
    """A word of a requirement as the loaded pipeline tagged it. `tag` (Penn Treebank: "VBN")
    and `dep` ("auxpass") are empty where the pipeline does not assign them."""

    text: str
    start: int
    """Offset in the block's text."""
    tag: str
    dep: str

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class TaggedSentence:
    """A sentence of requirement text, with its block for a way back to the source."""

    block: Block
    words: tuple[TaggedWord, ...]


class StoryForm(StrEnum):
    INLINE = "inline"
    MULTILINE = "multiline"
    LIST = "list"
    TABLE = "table"
    CODE = "code"


@dataclass(frozen=True)
class StoryPart:
    text: str
    span: Span


@dataclass(frozen=True)
class Story:
    role: StoryPart | None
    qualifier: StoryPart | None
    means: StoryPart | None
    ends: StoryPart | None
    label: str | None
    form: StoryForm
    span: Span
    section: Section | None
    skeleton: str | None = None
    """The story's wording with its parts taken out, lower case: "as a {role}, i want {means}, so
    that {ends}". What uniformity is judged on; None for table rows, whose header is the wording."""

    @property
    def malformed(self) -> bool:
        """A story with a role but no means, or a means but no role."""
        return self.role is None or self.means is None

    @property
    def line(self) -> int:
        return self.span.start.line


class StageNotRunError(RuntimeError):
    """A rule read a part of the Analysis that no stage it declared produces."""


@dataclass(frozen=True)
class Analysis:
    """The results of the analysis stages that ran on one document, by stage name.

    Reading the result of a stage that did not run raises StageNotRunError: a rule declares the
    stages it reads in its `needs`, and the engine runs exactly those, once, before any rule.
    """

    results: Mapping[str, Any] = field(default_factory=dict)

    def result(self, stage: str) -> Any:
        """The result of the stage `stage` (a pack reads its own stage's through this)."""
        if stage not in self.results:
            raise StageNotRunError(
                f"the {stage!r} analysis stage did not run: a rule that reads it lists it in `needs`"
            )
        return self.results[stage]

    def with_result(self, stage: str, result: Any) -> Analysis:
        return Analysis(MappingProxyType({**self.results, stage: result}))

    @property
    def stories(self) -> list[Story]:
        """Every user story of the document, in source order."""
        return self.result(STORIES)

    @property
    def requirement_text(self) -> RequirementText:
        return self.result(REQUIREMENT_TEXT)

    @property
    def requirement_sentences(self) -> tuple[TaggedSentence, ...]:
        """The sentences of the document's requirement text, tagged by the loaded pipeline."""
        return self.result(SYNTAX)

    @property
    def genre(self) -> Genre:
        return self.result(GENRE)

    def words_of_means(self, story: Story) -> tuple[Word, ...]:
        """The words of `story`'s means, offsets into `story.means.text` (empty without a means)."""
        return self.result(WORDS).get(story.span, ())
