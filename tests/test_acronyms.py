"""Where a document says what an acronym stands for: an expansion whose letters fit it."""

from __future__ import annotations

import pytest

from prdlint.document import parse_document
from prdlint_rules.requirement_language.acronyms import (
    definitions,
    expands,
    glossary_sections,
    glossary_terms,
)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("SLA", "service level agreement"),
        ("QRIS", "Quick Response Code Indonesian Standard"),
        ("ESR", "the electronic staff record"),
        ("WS", "WebSocket"),
    ],
)
def test_an_expansion_holds_the_letters_in_order_the_first_at_a_word_start(short: str, long: str) -> None:
    assert expands(short, long)


@pytest.mark.parametrize(
    ("short", "long"), [("ILS", "REST API + optional direct DB reads"), ("EPR", "v1.x"), ("SLA", "lasting")]
)
def test_other_words_in_brackets_expand_nothing(short: str, long: str) -> None:
    assert not expands(short, long)


def test_the_three_ways_a_text_defines_an_acronym() -> None:
    text = (
        "The service level agreement (SLA) and RTO (recovery time objective) apply.\n"
        "QASP: quality assurance surveillance plan"
    )
    assert sorted(definitions(text)) == ["QASP", "RTO", "SLA"]
    assert list(definitions("Sierra ILS (REST API + optional direct DB reads)")) == []


def test_a_glossary_names_its_terms_in_lists_and_in_its_tables_first_column() -> None:
    source = (
        "# Rota\n\nThe WTD applies.\n\n## Glossary\n\n- **DSGVO**: the German data protection law\n\n"
        "| Term | Meaning |\n|---|---|\n| WTD | Working Time Directive |\n"
    )
    document = parse_document(source)
    assert glossary_terms(document, glossary_sections(document)) == {"DSGVO", "WTD"}
