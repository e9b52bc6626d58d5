"""Property-based fuzzing of team rule files: whatever patterns a project writes, its rules end
within the document's time budget.

A rule file is drawn from a grammar of regular expressions (literals, classes, groups, nested
and bounded quantifiers, alternation, anchors: the shapes that make a backtracking engine take
exponential time, `(a+)+$` among them) with a random kind, scope, `under` and `unless`; a
document is drawn from long runs of the letters those patterns match, in headings, paragraphs,
list items, tables and user stories. The invariant: a pattern the engine cannot run (look-around,
a back-reference, counted repetitions nested past RE2's memory) is refused when the rule file is
read, with the file, rule and key named, and every other rule lints the document without a
PRD000 (no rule stopped at the budget, none failed).

The default profile runs a few dozen rule files and documents; `--hypothesis-profile=long` runs
25,000.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prdlint.api import hookimpl
from prdlint.datarules import DataRuleError, read_spec, rule_class
from prdlint.datarules.spec import SCOPES
from prdlint.engine import lint_text
from prdlint.registry import registry_from_plugins
from prdlint.results import INTERNAL_ERROR_CODE
from prdlint.settings import Settings

_ATOMS = ["a", "b", "ab", ".", "\\w", "\\W", "\\s", "\\d", "[ab]", "[^b]", "\\b", "a?", "x", " ", "\\pL"]
_UNSUPPORTED = ["(?=a)", "(?!b)", "(?<=a)", "(?<!b)", "(a)\\1"]


def _quantified(pattern: str) -> st.SearchStrategy[str]:
    return st.sampled_from(["*", "+", "?", "{2,}", "{1,30}", "*?", "+?"]).map(lambda q: f"(?:{pattern}){q}")


regex = st.recursive(
    st.sampled_from(_ATOMS),
    lambda inner: st.one_of(
        inner.flatmap(_quantified),
        st.lists(inner, min_size=2, max_size=4).map("".join),
        st.lists(inner, min_size=2, max_size=3).map(lambda parts: "(" + "|".join(parts) + ")"),
        inner.map(lambda pattern: f"^{pattern}"),
        inner.map(lambda pattern: f"{pattern}$"),
    ),
    max_leaves=12,
)
"""Regular expressions built the way catastrophic ones are: quantifiers over groups that
themselves repeat, alternations whose branches overlap."""

# A blank pattern is refused as no pattern at all: drawn, it would only test that message.
pattern = st.one_of(
    regex, st.sampled_from(["(a+)+$", "(a|a)*b", "(a*)*b", "(\\w+\\s?)*$", "(.*a){12}"])
).filter(str.strip)


@st.composite
def rule_file(draw: st.DrawFn) -> str:
    """The text of a rule file: an existence rule with patterns, or a conditional one, in any
    scope, narrowed or not by `under` and `unless`; now and then a pattern RE2 refuses."""
    kind = draw(st.sampled_from(["existence", "conditional"]))
    lines = [
        'code = "FUZZ101"',
        'name = "fuzzed"',
        f"kind = {kind!r}",
        f"scope = {draw(st.sampled_from(SCOPES))!r}",
        f"case-sensitive = {str(draw(st.booleans())).lower()}",
        'message = "found {match}"',
    ]
    if draw(st.booleans()):
        lines.append(f"under = {_toml(draw(pattern))}")
    if draw(st.booleans()):
        lines.append(f"unless = {_toml(draw(pattern))}")
    written = draw(st.lists(st.one_of(pattern, st.sampled_from(_UNSUPPORTED)), min_size=1, max_size=3))
    if kind == "existence":
        lines.append("patterns = [" + ", ".join(_toml(item) for item in written) + "]")
    else:
        lines.append(f"if = {_toml(written[0])}")
        lines.append(f"then = {_toml(draw(pattern) + '{1}')}")
    return "\n".join(lines) + "\n"


def _toml(text: str) -> str:
    """A TOML literal string (no escapes), or a basic one where the text holds a quote."""
    return f"'{text}'" if "'" not in text else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


run_of_letters = st.builds(
    lambda letter, count, end: letter * count + end,
    st.sampled_from(["a", "ab", "a ", "b"]),
    st.integers(min_value=1, max_value=400),
    st.sampled_from(["", "b", "!", " x", "\u00e9"]),
)


@st.composite
def document(draw: st.DrawFn) -> str:
    """Headings, paragraphs, list items, a table and user stories, of long runs of letters."""
    blocks = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        text = draw(run_of_letters)
        shape = draw(st.sampled_from(["# {}", "{}", "- {}", "| {} | a |\n|---|---|\n| a | {} |", "story"]))
        if shape == "story":
            blocks.append(f"As a {text}, I want {draw(run_of_letters)} so that {text}.")
        else:
            blocks.append(shape.format(text, text))
    return "\n\n".join(blocks) + "\n"


@given(rule_file(), document())
def test_a_fuzzed_team_rule_is_refused_with_a_reason_or_ends_within_the_budget(
    tmp_path_factory: pytest.TempPathFactory, text: str, source: str
) -> None:
    path = tmp_path_factory.mktemp("rules") / "fuzzed.toml"
    path.write_text(text, encoding="utf-8")
    try:
        spec = read_spec(path)
    except DataRuleError as problem:
        assert str(problem).startswith(f"{path}: rule fuzzed: "), problem
        refused = "too large: RE2 writes counted repetitions" in str(problem)
        assert refused or any(written in text for written in _UNSUPPORTED), problem
        return
    rule = rule_class(spec, "fuzz")

    class Plugin:
        @hookimpl
        def prdlint_rules(self):
            return [rule]

    registry = registry_from_plugins(Plugin())
    settings = Settings(root=path.parent, select=(rule.code,))
    result = lint_text(source, "prd.md", settings, registry)
    assert [f.message for f in result.findings if f.code == INTERNAL_ERROR_CODE] == []
