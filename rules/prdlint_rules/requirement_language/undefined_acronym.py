"""PRD307 undefined-acronym."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.api import BlockKind, Option, Rule, RuleContext, Severity, Violation
from prdlint_rules.data import pack_data
from prdlint_rules.requirement_language.acronyms import (
    ACRONYM,
    definitions,
    glossary_sections,
    glossary_terms,
)

_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.HEADING)
# A word in capitals beside another is shouting, a title or a list of names ("DO NOT", "IN
# PROGRESS", "BBC, CNN", "S, M, XL"), not an acronym to spell out.
_BESIDE_CAPITALS = re.compile(r"[A-Z]{2,}\W{1,3}$")
_CAPITALS_AFTER = re.compile(r"^\W{1,3}[A-Z]{2,}\b")
_SMALL_LETTERS = re.compile(r"\b[A-Za-z][a-z]+\b")
# "SOC 2 Type II", "Phase IV".
_ROMAN = re.compile(r"^(?=[IVXLCDM]+$)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
# After a number it is a unit ("5 MB", "20KG").
_AFTER_NUMBER = re.compile(r"\d\s?$")


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether the word at start:end stands in a run of words in capitals."""
    return bool(
        _BESIDE_CAPITALS.search(text[max(0, start - 20) : start])
        or _CAPITALS_AFTER.match(text[end : end + 20])
    )


def _a_unit(text: str, start: int) -> bool:
    return bool(_AFTER_NUMBER.search(text[max(0, start - 3) : start]))


class UndefinedAcronym(Rule):
    """An acronym used before, or without, its expansion.

    ## What it does
    Reports the first use of an acronym (two to five capitals: "SLA", "RTO", "QASP") that the
    document never expands, or expands only later: "service level agreement (SLA)", "SLA (service
    level agreement)", "SLA: service level agreement", where the acronym's letters stand in the
    expansion in order. An acronym a glossary section names is defined wherever the glossary
    stands. Left alone: well-known acronyms (API, URL, PDF, CSV, UI, HTTP ...; `wording.toml`)
    and those in the option `known`, units after a number ("5 MB"), file names ("FRD.md"), and
    words the document also writes in small letters (capitals for emphasis: "MY rides").

    ## Why is this bad?
    A PRD is read by people outside the team that wrote it: engineers new to the domain,
    finance, legal, the next product manager. Every unexplained acronym is a question they
    cannot ask the document, and a guess they may get wrong.

    ## Example
    ```markdown
    Swaps must meet the RTO agreed with the wards.
    ```

    ## Use instead
    ```markdown
    Swaps must meet the recovery time objective (RTO) agreed with the wards: 4 hours.
    ```

    ## Options
    `known`: more acronyms your readers know ("NHS", "EHR").

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD307"]`). Judged as their authors would, in 60 real
    PRDs its 82 findings were 1 worth fixing, 68 right but not worth it and 13 wrong. Earlier readings:
    every field has acronyms its readers share, and on real PRDs most findings named one of them. On 74
    real PRDs, 40 findings drawn at random were judged, the classes of misreading fixed (expansions that
    do not fit, glossaries, units, file names, emphasis), and 40 new ones drawn: 8 were worth their
    author's time, 29 named an acronym the document's readers know (a country's tax and bank terms,
    tools, brands) and 3 misread the text. Turn it on with `extend-select = ["PRD307"]` for documents
    read outside the team, and list your field's acronyms in `known`.
    """

    code = "PRD307"
    name = "undefined-acronym"
    pack = "requirement-language"
    default_severity = Severity.INFO
    enabled_by_default = False
    options = {"known": Option("list[str]", [], "acronyms every reader of your documents knows")}

    def check(self, context: RuleContext) -> Iterator[Violation]:
        document = context.document
        blocks = [block for block in document.blocks if block.kind in _KINDS]
        glossaries = glossary_sections(document)
        defined_at = dict.fromkeys(glossary_terms(document, glossaries), -1)
        for index, block in enumerate(blocks):
            for acronym in definitions(block.text):
                defined_at.setdefault(acronym, index)
        wording = pack_data(__package__, "wording.toml")
        known = {*wording["known-acronyms"], *wording["capital-words"], *context.options["known"]}
        # A word the document also writes in small letters is an ordinary word in capitals for
        # emphasis ("MY rides", a tab called "LIST", a group "DAIRY" beside "Dairy").
        words = {word.lower() for block in blocks for word in _SMALL_LETTERS.findall(block.outside_code())}
        reported: set[str] = set()
        for index, block in enumerate(blocks):
            if id(block.section) in glossaries:
                continue
            for match in ACRONYM.finditer(block.text):
                acronym = match.group("acronym")
                if (
                    acronym in known
                    or acronym in reported
                    or acronym.lower() in words
                    or block.in_code(match.start(), match.end())
                    or _shouted(block.text, match.start(), match.end())
                    or _a_unit(block.text, match.start())
                    or _ROMAN.match(acronym)
                ):
                    continue
                reported.add(acronym)
                where = defined_at.get(acronym)
                if where is not None and where <= index:
                    continue
                later = f": expanded only later, on line {blocks[where].line}" if where is not None else ""
                yield Violation(
                    f"undefined acronym '{acronym}'{later}",
                    block.span(match.start("acronym"), match.end("acronym")),
                    advice='Spell it out at its first use ("... (ABC)") or in a glossary.',
                )
