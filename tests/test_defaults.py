"""The built-in rules' defaults follow what their findings were judged worth
(rules/prdlint_rules/judged.toml), and each rule's documentation quotes its figures."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from prdlint.registry import load_registry
from prdlint.rule import UNFINISHED, Severity

JUDGED = tomllib.loads(files("prdlint_rules").joinpath("judged.toml").read_text(encoding="utf-8"))
CODES = sorted(code for code in JUDGED if code.startswith("PRD"))
RULES = load_registry().rules
# The rules whose default the figures decide: enough judged findings, or unfinished text.
DECIDED = [
    code
    for code in CODES
    if sum((JUDGED[code]["fix"], JUDGED[code]["not-worth"], JUDGED[code]["wrong"])) >= JUDGED["minimum"]
    or RULES[code].concern == UNFINISHED
]


def _figures(code: str) -> tuple[int, int, int]:
    judged = JUDGED[code]
    return judged["fix"], judged["not-worth"], judged["wrong"]


@pytest.mark.parametrize("code", DECIDED)
def test_a_rules_default_follows_its_judged_findings(code: str) -> None:
    rule = RULES[code]
    fix, not_worth, wrong = _figures(code)
    total = fix + not_worth + wrong
    if rule.concern == UNFINISHED:
        # Unfinished text is reported in every document, an error in a finished one; in a draft,
        # info, or a warning where 4 in 5 of enough judged findings are worth fixing.
        earned = total >= JUDGED["minimum"] and fix >= JUDGED["warning-share"] * total
        assert rule.enabled_by_default
        assert rule.default_severity in ((Severity.INFO, Severity.WARNING) if earned else (Severity.INFO,))
        return
    if fix >= JUDGED["warning-share"] * total:
        expected = (True, Severity.WARNING)
    elif fix > JUDGED["info-share"] * total:
        expected = (True, Severity.INFO)
    else:
        expected = (False, None)
    state = (rule.enabled_by_default, rule.default_severity if rule.enabled_by_default else None)
    assert state == expected, f"{code}: {fix} of {total} judged findings worth fixing"


@pytest.mark.parametrize("code", CODES)
def test_a_rules_documentation_quotes_its_judged_findings(code: str) -> None:
    fix, not_worth, wrong = _figures(code)
    total = fix + not_worth + wrong
    said = " ".join(RULES[code].documentation().split())
    assert (
        f"its {total} finding{'s' if total != 1 else ''} were {fix} worth fixing, {not_worth} right but "
        f"not worth it and {wrong} wrong" in said
    )


def test_every_judged_code_is_a_rule() -> None:
    assert set(CODES) <= set(RULES)
