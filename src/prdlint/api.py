"""What a rule pack may import from prdlint: the one door between the engine and the packs.

The built-in packs (`prdlint_rules`) import only this module, and so may any plugin; an import
contract in CI (`lint-imports`) holds the built-in packs to it. Everything else in `prdlint` may
change between versions; what is here changes only with notice.

- Rules: `Rule`, `RuleContext`, `Violation`, `Fix`, `Edit`, `Option`, `Severity`, `Finding`.
- Stages, views and the plugin hooks: `Stage`, `StageInput`, `StageSetup`, `ConfigSite`, `View`,
  `ViewInput`, `hookimpl`; the engine's stage names and `check_deadline` for long stages.
- The document model (`Document`, `Section`, `Block`, `BlockKind`, `Table`, `Span`, `Position`,
  and `once_per_section` for what every block's section is asked)
  and what the engine's stages give (`Analysis`, `Story`, `StoryPart`, `StoryForm`, `Word`,
  `TaggedSentence`, `TaggedWord`, `RequirementText`, `Genre`).
- The text grammar: word forms, headings without numbering, the parts of a story, and
  `for_tokenizer` / `WordClasses` for stages that read spaCy Docs.
- Rules written as data (`load_rule_file`), and the fixture harness (`assert_fixture`,
  `run_fixture`, `fixture_paths`, `expected_findings`, and `registry_from_plugins` for a registry
  of just the plugins under test) to test a pack with.
"""

from prdlint.datarules import load_rule_file
from prdlint.document import Block, BlockKind, Document, Section, Table, TableCellRef, once_per_section
from prdlint.document.genre import Genre
from prdlint.document.requirement_text import RequirementText
from prdlint.document.status import document_status
from prdlint.language.deadline import check_deadline
from prdlint.language.lookups import lemma_of, lookup_lemmas
from prdlint.language.model import (
    DEP,
    GENRE,
    POS,
    REQUIREMENT_TEXT,
    STORIES,
    SYNTAX,
    WORDS,
    Analysis,
    StageNotRunError,
    Story,
    StoryForm,
    StoryPart,
    TaggedSentence,
    TaggedWord,
    Word,
)
from prdlint.language.pipeline import for_tokenizer
from prdlint.language.wordclasses import WordClasses
from prdlint.markers import hookimpl
from prdlint.registry import registry_from_plugins
from prdlint.rule import (
    UNFINISHED,
    UNTESTABLE,
    Edit,
    Finding,
    Fix,
    Option,
    Rule,
    RuleContext,
    Severity,
    Violation,
)
from prdlint.span import Position, Span
from prdlint.stage import ConfigSite, Stage, StageInput, StageSetup
from prdlint.testing import assert_fixture, expected_findings, fixture_paths, run_fixture
from prdlint.text.forms import (
    base_forms,
    inflections,
    normalize_role,
    phrase_forms,
    plural,
    present_forms,
    singular,
    third_person,
)
from prdlint.text.headings import strip_numbering, title_words
from prdlint.text.joined_search import JOIN, holding_matches
from prdlint.text.quoting import first_and_more, quoted
from prdlint.text.stories import indicator_template
from prdlint.text.suggest import did_you_mean
from prdlint.view import View, ViewInput

__all__ = [
    "DEP",
    "GENRE",
    "JOIN",
    "POS",
    "REQUIREMENT_TEXT",
    "STORIES",
    "SYNTAX",
    "UNFINISHED",
    "UNTESTABLE",
    "WORDS",
    "Analysis",
    "Block",
    "BlockKind",
    "ConfigSite",
    "Document",
    "Edit",
    "Finding",
    "Fix",
    "Genre",
    "Option",
    "Position",
    "RequirementText",
    "Rule",
    "RuleContext",
    "Section",
    "Severity",
    "Span",
    "Stage",
    "StageInput",
    "StageNotRunError",
    "StageSetup",
    "Story",
    "StoryForm",
    "StoryPart",
    "Table",
    "TableCellRef",
    "TaggedSentence",
    "TaggedWord",
    "View",
    "ViewInput",
    "Violation",
    "Word",
    "WordClasses",
    "assert_fixture",
    "base_forms",
    "check_deadline",
    "did_you_mean",
    "document_status",
    "expected_findings",
    "first_and_more",
    "fixture_paths",
    "for_tokenizer",
    "holding_matches",
    "hookimpl",
    "indicator_template",
    "inflections",
    "lemma_of",
    "load_rule_file",
    "lookup_lemmas",
    "normalize_role",
    "once_per_section",
    "phrase_forms",
    "plural",
    "present_forms",
    "quoted",
    "registry_from_plugins",
    "run_fixture",
    "singular",
    "strip_numbering",
    "third_person",
    "title_words",
]
