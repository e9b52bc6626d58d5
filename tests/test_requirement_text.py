"""Which text is requirement text: what the requirement-language rules judge."""

from __future__ import annotations

import pytest

from prdlint.document import parse_document
from prdlint.document.requirement_text import requirement_text
from prdlint.text.stories import request_end


def requirement_texts(source: str) -> list[str]:
    return [block.text for block in requirement_text(parse_document(source)).blocks]


def test_the_documents_title_does_not_make_everything_under_it_a_requirement() -> None:
    source = (
        "# Product Requirements Document: Rota\n\nA fast way to swap.\n\n"
        "## Personas\n\n- Nurse: wants ease.\n\n## Features\n\n- Swap a shift.\n"
    )
    assert requirement_texts(source) == ["Swap a shift."]


def test_a_heading_that_names_the_document_says_nothing_at_any_level() -> None:
    source = "# Rota\n\n## PRD\n\nNotes.\n\n### Requirements\n\n- Swap a shift.\n"
    assert requirement_texts(source) == ["Swap a shift."]


@pytest.mark.parametrize(
    "title", ["Goals", "Success metrics", "Tech stack", "Next steps", "User personas", "Pain points"]
)
def test_people_goals_metrics_and_plans_are_not_requirement_text(title: str) -> None:
    source = f"# Rota\n\n## Requirements\n\n### {title}\n\n- Quick and simple.\n"
    assert requirement_texts(source) == []


def test_the_nearest_heading_that_says_either_decides() -> None:
    source = "# Rota\n\n## Background\n\n### Performance\n\n- Search must be fast.\n"
    assert requirement_texts(source) == ["Search must be fast."]


@pytest.mark.parametrize(
    ("text", "requirement"),
    [
        ("As a nurse, I want a simple form, so that I can swap quickly.", "As a nurse, I want a simple form"),
        ("As a nurse I want to swap so I can rest.", "As a nurse I want to swap"),
        ("Search is fast so that nurses wait less.", "Search is fast so that nurses wait less."),
        ("As a nurse, I want to swap shifts.", "As a nurse, I want to swap shifts."),
    ],
)
def test_a_storys_benefit_is_why_not_what(text: str, requirement: str) -> None:
    assert text[: request_end(text)] == requirement
