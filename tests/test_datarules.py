"""Rules written as data: each kind of check, the scopes, and a bad rule file named with its
rule and key."""

from __future__ import annotations

import re
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from prdlint.api import hookimpl
from prdlint.datarules import DataRuleError, load_rule_dir, read_spec, rule_class
from prdlint.datarules.checks import _RE2_SPACE, _words_in_re2, _words_pattern
from prdlint.datarules.patterns import UserPatternError, matches_alone, user_pattern
from prdlint.datarules.spec import spec_of
from prdlint.datarules.units import Unit
from prdlint.document import parse_document
from prdlint.engine import lint_text
from prdlint.registry import registry_from_plugins
from prdlint.settings import Settings
from prdlint.text import joined_search
from prdlint.text.joined_search import holding_matches


def _rule(tmp_path: Path, text: str, name: str = "rule.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def findings(tmp_path: Path, rule_text: str, document: str) -> list[tuple[int, int, str, bool]]:
    rule = rule_class(read_spec(_rule(tmp_path, rule_text)), "team")

    class Plugin:
        @hookimpl
        def prdlint_rules(self):
            return [rule]

    registry = registry_from_plugins(Plugin())
    result = lint_text(document, "prd.md", Settings(root=tmp_path, select=(rule.code,)), registry)
    return [(f.span.start.line, f.span.start.column, f.message, f.fix is not None) for f in result.findings]


HEAD = 'code = "TEAM101"\nname = "team-rule"\nseverity = "warning"\n'


def test_existence_finds_tokens_phrases_lemmas_and_patterns_but_not_in_code(tmp_path: Path) -> None:
    rule = HEAD + (
        'kind = "existence"\nscope = "paragraph"\nmessage = "no \'{match}\'"\n'
        'tokens = ["simply"]\nphrases = ["going forward"]\nlemmas = ["widget"]\n'
        'patterns = ["v\\\\d+\\\\.0"]\n'
    )
    document = "# Plan\n\nSimply add widgets going\nforward in v2.0, not `simply` in code.\n"
    assert findings(tmp_path, rule, document) == [
        (3, 1, "no 'Simply'", False),
        (3, 12, "no 'widgets'", False),
        (3, 20, "no 'going\nforward'", False),
        (4, 12, "no 'v2.0'", False),
    ]


def test_substitution_offers_the_preferred_word_as_a_safe_fix(tmp_path: Path) -> None:
    rule = (
        HEAD
        + 'kind = "substitution"\nscope = "sentence"\nmessage = "write {replacement}"\n'
        + 'swap = { "e-mail" = "email", "log-in" = "login" }\n'
    )
    assert findings(tmp_path, rule, "# Plan\n\nSend an E-mail after log-in.\n") == [
        (3, 9, "write email", True),
        (3, 22, "write login", True),
    ]


def test_occurrence_counts_words_per_unit(tmp_path: Path) -> None:
    rule = (
        HEAD
        + 'kind = "occurrence"\nscope = "sentence"\nmax = 5\nmessage = "{count} words, more than {max}"\n'
    )
    document = "# Plan\n\nShort one here. This sentence has far too many words in it.\n"
    assert findings(tmp_path, rule, document) == [(3, 17, "9 words, more than 5", False)]


def test_conditional_wants_an_acronyms_definition(tmp_path: Path) -> None:
    rule = HEAD + (
        'kind = "conditional"\nscope = "document"\ncase-sensitive = true\nmessage = "define {match}"\n'
        'if = "\\\\b([A-Z]{2,5})\\\\b"\nthen = "\\\\(\\\\s*{1}\\\\s*\\\\)"\n'
    )
    document = "# Plan\n\nService level agreement (SLA) and the SLA. The RTO and the RTO.\n"
    assert findings(tmp_path, rule, document) == [(3, 48, "define RTO", False)]


def test_conditional_takes_the_whole_match_where_its_group_took_no_part(tmp_path: Path) -> None:
    rule = HEAD + (
        'kind = "conditional"\nscope = "document"\ncase-sensitive = true\nmessage = "define {match}"\n'
        'if = "(X)?ZQ[0-9]"\nthen = "{1} is defined"\n'
    )
    document = "# Plan\n\nXZQ1 and ZQ2. ZQ2 is defined.\n"
    assert findings(tmp_path, rule, document) == [(3, 1, "define X", False)]


def test_consistency_keeps_the_first_spelling(tmp_path: Path) -> None:
    rule = (
        HEAD
        + 'kind = "consistency"\nscope = "document"\nmessage = "{match}: this document writes {first}"\n'
        + 'either = [["e-mail", "email"]]\n'
    )
    document = "# Plan\n\nSend an email.\n\nThen an e-mail, and another email.\n"
    assert findings(tmp_path, rule, document) == [(5, 9, "e-mail: this document writes email", False)]


def test_under_and_unless_narrow_the_scope(tmp_path: Path) -> None:
    rule = HEAD + (
        'kind = "existence"\nscope = "list-item"\nunder = "requirements"\nunless = "\\\\d"\n'
        'message = "vague {match}"\ntokens = ["fast"]\n'
    )
    document = "# Plan\n\n## Background\n\n- fast\n\n## Requirements\n\n- fast\n- fast: under 2 s\n"
    assert findings(tmp_path, rule, document) == [(9, 3, "vague fast", False)]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            HEAD + 'kind = "existance"\nscope = "paragraph"\nmessage = "m"\ntokens = ["x"]\n',
            "kind: unknown kind 'existance'",
        ),
        (
            HEAD + 'kind = "existence"\nscope = "chapter"\nmessage = "m"\ntokens = ["x"]\n',
            "scope: unknown scope 'chapter'",
        ),
        (
            HEAD + 'kind = "existence"\nscope = "paragraph"\nmessage = "m"\ntokens = ["x"]\ncolour = "red"\n',
            "colour: unknown key",
        ),
        (
            HEAD + 'kind = "existence"\nscope = "paragraph"\nmessage = "m"\npatterns = ["("]\n',
            "patterns: not a regular expression",
        ),
        (
            HEAD + 'kind = "existence"\nscope = "paragraph"\nmessage = "m"\npatterns = ["(?<!pre)view"]\n',
            "patterns: look-behind is not supported: patterns run in RE2",
        ),
        (
            HEAD + 'kind = "existence"\nscope = "paragraph"\nmessage = "m"\npatterns = ["(\\\\w+) \\\\1"]\n',
            "patterns: back-references are not supported",
        ),
        (
            HEAD + 'kind = "existence"\nscope = "paragraph"\nmessage = "m"\n'
            'patterns = ["((a\\\\pL$){1,30}){1,30}"]\n',
            "patterns: too large: RE2 writes counted repetitions ({m,n}) out as copies, at most 1,000",
        ),
        (
            HEAD
            + 'kind = "existence"\nscope = "paragraph"\nmessage = "m"\nunless = "x(?=y)"\ntokens = ["x"]\n',
            "unless: look-ahead is not supported",
        ),
        (
            HEAD
            + 'kind = "conditional"\nscope = "document"\nmessage = "m"\nif = "[A-Z]+"\nthen = "{1}(?= is)"\n',
            "then: look-ahead is not supported",
        ),
        (
            HEAD
            + 'kind = "existence"\nscope = "paragraph"\nmessage = "m"\npatterns = ["((a{100}){100}){100}"]\n',
            "patterns: too large: RE2 writes counted repetitions ({m,n}) out as copies, at most 1,000",
        ),
        (
            HEAD + 'kind = "existence"\nscope = "paragraph"\nmessage = "m"\n',
            "tokens: an existence rule needs",
        ),
        (
            'code = "team1"\nname = "x"\nkind = "existence"\nscope = "paragraph"\n'
            'message = "m"\ntokens = ["x"]\n',
            "code: 'team1' must be",
        ),
        (
            HEAD + 'kind = "occurrence"\nscope = "sentence"\nmessage = "m"\nmax = -1\n',
            "max: expected a whole number",
        ),
        ("kind = [", "invalid TOML"),
    ],
)
def test_a_bad_rule_file_is_named_with_its_rule_and_key(tmp_path: Path, text: str, problem: str) -> None:
    path = _rule(tmp_path, text, "bad.toml")
    with pytest.raises(DataRuleError) as error:
        read_spec(path)
    assert str(error.value).startswith(f"{path}: ")
    assert problem in str(error.value)


def test_a_pattern_that_backtracks_in_python_ends_at_once_in_re2(tmp_path: Path) -> None:
    """`(a+)+$` takes Python's `re` days on forty letters and a `b`; RE2 reads the text once. The
    test asserts the finding, and a hang would hold it past the suite's time limit."""
    rule = HEAD + 'kind = "existence"\nscope = "paragraph"\nmessage = "{match}"\npatterns = ["(a+)+$"]\n'
    assert findings(tmp_path, rule, "# Plan\n\n" + "a" * 40 + "b\n\n" + "a" * 40 + "\n") == [
        (5, 1, "a" * 40, False)
    ]


def test_words_and_patterns_match_as_one_alternation_words_first(tmp_path: Path) -> None:
    """The listed words run in `re` (for their word edges) and the patterns in RE2; together they
    give the leftmost match, a word where both start at one place, and none overlapping."""
    rule = HEAD + (
        'kind = "existence"\nscope = "paragraph"\nmessage = "{match}"\n'
        'tokens = ["api"]\npatterns = ["api[a-z]+", "[a-z]+ gate", "\\\\pL+é"]\n'
    )
    document = "# Plan\n\nThe api gateway and apis, a toll gate, one café.\n"
    assert [message for _, _, message, _ in findings(tmp_path, rule, document)] == [
        "api",
        "apis",
        "toll gate",
        "café",
    ]


def test_a_folder_of_rule_files(tmp_path: Path) -> None:
    _rule(
        tmp_path, HEAD + 'kind = "existence"\nscope = "paragraph"\nmessage = "m"\ntokens = ["x"]\n', "a.toml"
    )
    (rule,) = load_rule_dir(tmp_path, "team")
    assert (rule.code, rule.name, rule.pack, rule.enabled_by_default) == (
        "TEAM101",
        "team-rule",
        "team",
        True,
    )
    assert rule.documentation().startswith("Team rule (a team rule)")
    with pytest.raises(DataRuleError, match="no such folder"):
        load_rule_dir(tmp_path / "missing", "team")


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("no '{word}'", "message: unknown placeholder {word} (an existence rule fills in {match})"),
        ("no '{match'", "message: expected '}' before end of string; write {{ and }} for a brace"),
    ],
)
def test_a_message_names_only_the_placeholders_its_kind_fills_in(
    tmp_path: Path, message: str, problem: str
) -> None:
    rule = HEAD + f'kind = "existence"\nscope = "paragraph"\nmessage = "{message}"\ntokens = ["simply"]\n'
    with pytest.raises(DataRuleError) as raised:
        read_spec(_rule(tmp_path, rule))
    assert str(raised.value) == f"{tmp_path / 'rule.toml'}: rule team-rule: {problem}"


# Letters `re`'s IGNORECASE reads as ASCII ones (the dotted and dotless i, the long s, the Kelvin
# sign), and spaces RE2's own \s does not hold.
_UNIT_PIECES = [
    "user",
    "as",
    "fast",
    "-",
    " ",
    "\n",
    "x",
    "é",
    "\x00",
    "\u0130",
    "\u0131",
    "\u017f",
    "\u212a",
]
_UNIT_PIECES += ["\xa0", "\x0b", "\u2003", "\x85", "\x1c", "sk", "is", "US"]


@given(
    texts=st.lists(st.lists(st.sampled_from(_UNIT_PIECES), max_size=8).map("".join), max_size=8),
    words=st.lists(
        st.sampled_from(["user", "fast", "as fast", "sk", "is user", "x\x00y", "é"]), min_size=1, max_size=3
    ),
    case_sensitive=st.booleans(),
)
@example(
    texts=["\u0130S", "\u0131s", "\u017fK", "s\u212a", "as\x0bfast", "as\u2003fast"],
    words=["is", "sk", "as fast"],
    case_sensitive=False,
)
def test_the_words_in_re2_find_in_the_joined_units_every_unit_the_words_pattern_matches_in(
    texts: list[str], words: list[str], case_sensitive: bool
) -> None:
    table = {"code": "TEAM101", "name": "team-rule", "kind": "existence", "scope": "paragraph"}
    table |= {"message": "m", "tokens": words, "case-sensitive": case_sensitive}
    pattern = _words_pattern(words, spec_of(Path("rule.toml"), table))
    in_re2 = _words_in_re2(tuple(words), case_sensitive)
    if any("\x00" in word or not word.isascii() for word in words):
        assert in_re2 is None  # the rule then searches unit by unit
        return
    assert in_re2 is not None
    units = [Unit(text, None) for text in texts]
    held = list(holding_matches(units, [in_re2]))
    assert all(unit in held for unit in units if pattern.search(unit.text))
    assert all(in_re2.search(unit.text.translate({0x130: "i", 0x131: "i"})) for unit in held)


def test_what_re_reads_as_a_space_re2_does_too() -> None:
    spaces = "".join(chr(code) for code in range(0x110000) if chr(code).isspace())
    assert re.fullmatch(r"\s+", spaces)
    assert user_pattern(f"{_RE2_SPACE}+", case_sensitive=True).fullmatch(spaces)


_PATTERN_PIECES = ["a", "b", "a+", "b*", "[ab]", "[^a]", ".", "^", "$", "\\b", "\\s", "\\d", "(?:a|b)"]
_PATTERN_PIECES += ["x?", "\\W", "[[:alpha:]]", "\\.", "[]a]", "é", "\\pL", "\\x00", "(?i)A"]


@given(
    texts=st.lists(
        st.lists(st.sampled_from(["a", "b", "ab", " ", "-", "\n", "é", "1", "."]), max_size=6).map("".join)
    ),
    pattern=st.lists(st.sampled_from(_PATTERN_PIECES), min_size=1, max_size=4).map("".join),
)
def test_a_pattern_that_matches_alone_finds_in_the_joined_units_what_it_finds_in_each(
    texts: list[str], pattern: str
) -> None:
    try:
        compiled = user_pattern(pattern)
    except UserPatternError:
        return
    units = [Unit(text, None) for text in texts]
    alone = [unit for unit in units if compiled.search(unit.text) is not None]
    if matches_alone(pattern):
        assert list(holding_matches(units, [compiled])) == alone
        # A long document's units are joined a few at a time: each few found as all at once.
        for joined_at_once in (1, 3):
            with patch.object(joined_search, "_JOINED_AT_ONCE", joined_at_once):
                assert list(holding_matches(units, [compiled])) == alone


@pytest.mark.parametrize(
    "pattern", [".", "[^a]", "^a", "a$", "\\ba", "a\\W", "[[:cntrl:]]", "\\x00", "\\pC", "\\Qa\\E", "\\0"]
)
def test_a_pattern_that_may_match_the_join_or_an_edge_is_searched_unit_by_unit(pattern: str) -> None:
    assert not matches_alone(pattern)


@pytest.mark.parametrize("pattern", ["a+", "[ab]", "\\d+\\s", "[]a]", "\\.", "(?i)max\\s+\\d+ words"])
def test_a_pattern_of_letters_classes_and_counts_matches_alone(pattern: str) -> None:
    assert matches_alone(pattern)


def test_a_unit_points_into_its_block_or_at_its_span_and_needs_one() -> None:
    document = parse_document("# Plan\n\nUse `code` here. Then more.\n")
    block = document.blocks[1]
    second = Unit(block.text[15:], block.section, block, 15)
    assert second.text == "Then more."
    assert (second.span(0, 4).start.line, second.span(0, 4).start.column) == (3, 18)
    assert Unit(block.text, block.section, block).in_code(4, 8)
    assert not second.in_code(0, 4)
    with pytest.raises(ValueError, match="a block or a span"):
        Unit("loose", None).span(0, 1)
