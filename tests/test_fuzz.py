"""Property-based fuzzing of the whole engine, every rule selected.

Generators of Markdown structure (nested lists, block quotes, tables with ragged rows, fences,
HTML, front matter, suppression comments, headings), of user-story lines, of unicode that trips
text code (right-to-left, combining marks, zero-width joiners, emoji, NBSP, U+2028, NUL, lone
surrogates, a BOM, CR-only and mixed line endings), and of mutations of those. The invariants: no
exception escapes and no rule fails (no PRD000), every finding's range lies inside the document
with its end not before its start, and the output is the same twice.

The default profile runs a few dozen documents per generator; `--hypothesis-profile=long` runs
25,000 per generator (100,000 in all). `benchmarks/fuzz_growth.py` checks that doubling a
pathological document at most doubles its cost.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from prdlint.document import parse_document
from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.rule import Finding
from prdlint.settings import Settings

REGISTRY = load_registry()
SETTINGS = Settings(root=Path.cwd(), select=("ALL",), each_story=False)


STRESS = [
    "\u200f",
    "\u202e",
    "\u0301",
    "\u0308",
    "\u200d",
    "\u200b",
    "\ufeff",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\u3000",
    "\x0c",
    "\x85",
    "\x00",
    "\t",
    "\r",
    "\r\n",
    "\ud83d",
    "\udc00",
    "👩‍⚕️",
    "🚀",
    "ß",
    "İ",
    "ﬁ",
    "\u0663",
    "\ufffd",
    "**",
    "_",
    "`",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "|",
    "#",
    "-",
    "*",
    "!",
    "\\",
]
WORDS = [
    "nurse",
    "admin",
    "customer",
    "user",
    "client",
    "pays",
    "buys",
    "subscribe",
    "$9/month",
    "TBD",
    "As a",
    "I want",
    "so that",
    "and",
    "or",
    "support",
    "moderator",
    "owner",
    "plan",
    "free trial",
    "approve",
    "manage accounts",
    "reports",
    "[Name]",
    "X%",
    "???",
    "To be confirmed",
    "the",
    "our",
]


def text_of(pieces: list[str]) -> str:
    return "".join(pieces)


words = st.lists(st.sampled_from(WORDS) | st.text(min_size=1, max_size=8), min_size=1, max_size=12).map(
    " ".join
)
stress_text = st.lists(
    st.sampled_from(STRESS) | st.sampled_from(WORDS) | st.text(max_size=6), max_size=40
).map(text_of)


@st.composite
def story(draw: st.DrawFn) -> str:
    role = draw(st.sampled_from(["As a", "As an", "**As a**", "As", "as the", "I want", ""]))
    return (
        f"{role} {draw(words)}, I {draw(st.sampled_from(['want', 'need', 'can', 'would like']))} "
        f"{draw(words)}{draw(st.sampled_from(['', ' so that ', ', so ', ' to ensure ']))}{draw(words)}"
    )


@st.composite
def block(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(
        st.sampled_from(["para", "heading", "list", "quote", "table", "fence", "html", "story", "directive"])
    )
    if kind == "heading":
        return f"{'#' * draw(st.integers(1, 7))} {draw(words)}"
    if kind == "list" and depth < 4:
        items = draw(st.lists(block(depth + 1) | words, min_size=1, max_size=4))
        marker = draw(st.sampled_from(["-", "*", "1.", "+"]))
        indent = "  " * depth
        return "\n".join(f"{indent}{marker} {item}" for item in items)
    if kind == "quote" and depth < 4:
        return "\n".join(f"> {line}" for line in draw(block(depth + 1)).split("\n"))
    if kind == "table":
        width = draw(st.integers(1, 4))
        rows = draw(
            st.lists(st.lists(words | story(), min_size=0, max_size=width + 1), min_size=1, max_size=4)
        )
        header = (
            "| "
            + " | ".join(
                draw(st.sampled_from(["As a", "I want", "So that", "Role", "Owner", "x"]))
                for _ in range(width)
            )
            + " |"
        )
        return "\n".join([header, "|" + "---|" * width, *("| " + " | ".join(row) + " |" for row in rows)])
    if kind == "fence":
        return f"```{draw(st.sampled_from(['', 'text', 'python']))}\n{draw(stress_text)}\n```"
    if kind == "html":
        return f"<{draw(st.sampled_from(['div', 'your name', '!--', 'br']))}>{draw(words)}"
    if kind == "story":
        return draw(story())
    if kind == "directive":
        rule = draw(st.sampled_from(["PRD002", "placeholder-text", "PRD9", "", "ALL"]))
        verb = draw(
            st.sampled_from(["disable", "enable", "disable-next-line", "disable-line", "disable-file"])
        )
        return f"<!-- prdlint-{verb} {rule} -->"
    return draw(words)


@st.composite
def structure(draw: st.DrawFn) -> str:
    front = draw(
        st.sampled_from(["", "---\ntitle: PRD\ncustomers: [clinics]\n---\n", "---\n: [\n---\n", "---\n---\n"])
    )
    blocks = draw(st.lists(block(), min_size=1, max_size=12))
    return front + "\n\n".join(blocks) + draw(st.sampled_from(["", "\n"]))


@st.composite
def unicode_stress(draw: st.DrawFn) -> str:
    lines = draw(st.lists(stress_text | story() | words, min_size=1, max_size=10))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r", "\u2028"]))
    return draw(st.sampled_from(["", "\ufeff"])) + ending.join(lines)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A structured document cut, repeated, spliced with stress text and reordered."""
    text = draw(structure())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        text = (
            text[:at]
            + draw(st.sampled_from(["", "\n", "|", "```", "---", "**", "[", "> ", "- ", *STRESS]))
            + text[at:]
        )
    if draw(st.booleans()):
        text = text * draw(st.integers(2, 3))
    return text


def _valid(position, lines: list[str]) -> bool:
    if position.line == len(lines) + 1:
        return position.column == 1
    return 1 <= position.line <= len(lines) and 1 <= position.column <= len(lines[position.line - 1]) + 1


def check_invariants(text: str) -> None:
    first = lint_text(text, "fuzz.md", SETTINGS, REGISTRY)
    failures = [f for f in first.findings if f.code == "PRD000"]
    assert not failures, failures[0].message
    lines = parse_document(text).source.split("\n")
    for finding in first.findings:
        assert _range_ok(finding, lines), (finding.code, finding.span)
    again = lint_text(text, "fuzz.md", SETTINGS, REGISTRY)
    assert [_key(f) for f in again.findings] == [_key(f) for f in first.findings]


def _range_ok(finding: Finding, lines: list[str]) -> bool:
    span = finding.span
    return span.start <= span.end and _valid(span.start, lines) and _valid(span.end, lines)


def _key(finding: Finding) -> tuple:
    return (finding.code, finding.span, finding.message)


@given(structure())
def test_markdown_structure(text: str) -> None:
    check_invariants(text)


@given(st.lists(story(), min_size=1, max_size=20).map("\n\n".join))
def test_story_lines(text: str) -> None:
    check_invariants("# Stories\n\n" + text)


@given(unicode_stress())
def test_unicode(text: str) -> None:
    check_invariants(text)


@given(mutated())
def test_mutations(text: str) -> None:
    check_invariants(text)
