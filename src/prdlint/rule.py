"""The rule API: what a rule declares about itself, what it receives, and what it returns.

Rules are plain classes. The engine instantiates each selected rule once per document and calls
`check`; the rule yields `Violation`s and the engine turns them into `Finding`s by adding the
code, name, path and effective severity. A rule never reads files, prints, or knows the output
format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from prdlint.language.model import Analysis
from prdlint.severity import Severity

if TYPE_CHECKING:
    from prdlint.document import Document
    from prdlint.span import Span

CODE_PATTERN = re.compile(r"^[A-Z]{2,}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text of `span` with `replacement`."""

    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that resolve a finding. A safe fix keeps what the document says (removing a comment
    that suppresses nothing) and `--fix` applies it; an unsafe one changes the text a reader
    sees, and needs `--unsafe-fixes`."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule reports: the engine adds who reported it and how severe it is.

    `message` says what is wrong and where, in a line a terminal shows whole; `advice` says why
    it matters and what to write instead, shown once per rule in a run (the full format, the
    editor's hover, JSON), never on every line.

    `at_most` lowers the severity of this one finding where the rule knows it matters less here
    (no-customer asks an internal tool who funds it as information, not as a warning); it never
    raises the severity the configuration gives the rule.
    """

    message: str
    span: Span
    fix: Fix | None = None
    at_most: Severity | None = None
    advice: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    advice: str = ""

    @property
    def explained(self) -> str:
        """The message and its advice in one text, for formats that show each finding alone
        (a pull request's annotations)."""
        return f"{self.message}: {self.advice}" if self.advice else self.message

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.start.line, self.span.start.column, self.code)


OPTION_TYPES: Mapping[str, type | tuple[type, ...]] = {
    "bool": bool,
    "int": int,
    "str": str,
    "list[str]": list,
}


@dataclass(frozen=True, slots=True)
class Option:
    """A setting a rule accepts under `[tool.prdlint.rules.<name>]`.

    A list default is kept as a tuple, so no rule can change the default every other document
    gets; `value` hands each rule run its own list.
    """

    kind: str
    default: Any
    help: str

    def __post_init__(self) -> None:
        if self.kind not in OPTION_TYPES:
            raise ValueError(f"option kind must be one of {sorted(OPTION_TYPES)}, not {self.kind!r}")
        if isinstance(self.default, list):
            object.__setattr__(self, "default", tuple(self.default))

    def value(self, configured: Any = None) -> Any:
        """The value a rule run gets: the configured one, else the default (a fresh list for a
        list option)."""
        chosen = self.default if configured is None else configured
        return list(chosen) if self.kind == "list[str]" else chosen


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may look at for one document.

    `analysis` holds the results of the stages the selected rules declared in their `needs`,
    computed once before any rule ran and shared by all of them; reading a stage no rule asked
    for raises StageNotRunError.
    """

    document: Document
    path: str
    options: Mapping[str, Any] = field(default_factory=dict)
    analysis: Analysis = field(default_factory=Analysis, repr=False)


# The kinds of problem several rules report (Rule.concern).
UNFINISHED, UNTESTABLE = "unfinished", "untestable"
CONCERNS = (UNFINISHED, UNTESTABLE)


class Rule:
    """Base class of every rule. The subclass's docstring is its documentation.

    The docstring's first line is the summary shown by `prdlint rules`; the rest is printed by
    `prdlint explain` and should say what the rule does, why it matters, an example that fires and
    the fixed version.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    pack: ClassVar[str]
    default_severity: ClassVar[Severity] = Severity.WARNING
    enabled_by_default: ClassVar[bool] = True
    needs: ClassVar[frozenset[str]] = frozenset()
    """The analysis stages the rule reads (the engine's "stories", "words", "requirement-text",
    "syntax", "genre", or a pack's), and what it needs of the language pipeline beyond the built-in
    one ("pos", "dep"). The registry refuses a need no stage or pipeline provides."""
    options: ClassVar[Mapping[str, Option]] = {}
    internal: ClassVar[bool] = False
    """Reported by the engine itself rather than by `check` (PRD000, PRD001)."""
    whole_document: ClassVar[bool] = False
    """The rule gives a verdict on a whole PRD ("no one pays for this product"): it runs only on
    files read as requirements documents, not on the READMEs and notes beside them."""
    concern: ClassVar[str | None] = None
    """What kind of problem the rule reports, where rules share one: "unfinished" (text a finished
    document must not hold: placeholders, empty sections, template instructions) or "untestable"
    (a requirement no test can check). Two findings of one concern on overlapping text are one
    finding, the more severe and the more precise kept; "unfinished" findings are errors in a
    document that says it is approved or final."""
    per_story: ClassVar[bool] = False
    """Each finding is about one user story. Where the rule fires on most stories of a document
    or of a story table (three quarters, of six or more), the engine reports the pattern once,
    at the first of them, unless the `each-story` setting asks for every one."""

    def check(self, context: RuleContext) -> Iterable[Violation]:
        raise NotImplementedError(f"{type(self).__name__} does not implement check()")

    @classmethod
    def documentation(cls) -> str:
        import inspect  # only explain and the docs need it; it is slow to import

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The docstring's first line (what inspect.cleandoc would make of it, without importing
        inspect at every start)."""
        return (cls.__doc__ or "").strip().split("\n", 1)[0].strip()

    @classmethod
    def validate_definition(cls) -> list[str]:
        """Problems with how the rule declares itself, for plugin authors to see at load time."""
        problems = []
        for attribute in ("code", "name", "pack"):
            if not isinstance(getattr(cls, attribute, None), str):
                problems.append(f"missing class attribute {attribute!r}")
        if problems:
            return problems
        if not CODE_PATTERN.match(cls.code):
            problems.append(f"code {cls.code!r} must be capital letters then three digits, like PRD123")
        if not NAME_PATTERN.match(cls.name):
            problems.append(f"name {cls.name!r} must be kebab-case, like placeholder-text")
        if not cls.summary():
            problems.append("a docstring is required: its first line is the rule's summary")
        if not isinstance(cls.default_severity, Severity):
            problems.append("default_severity must be a prdlint.rule.Severity")
        return problems
