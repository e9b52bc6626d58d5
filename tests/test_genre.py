"""Which files get whole-document verdicts: requirements documents, not the READMEs, changelogs,
FAQs, notes and decision records beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from prdlint.document import parse_document
from prdlint.document.genre import genre
from prdlint.document.section_titles import TitleModel, title_model
from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

REQUIREMENTS = {
    "titled": "# Product Requirements Document: Rota\n\nShift swaps.\n",
    "front matter": "---\ntype: prd\n---\n# Rota\n\nShift swaps.\n",
    "sections": "# Rota\n\n## Problem\n\nSwaps by phone.\n\n## Users\n\n- Nurses\n",
    "stories": "# Rota\n\n- As a nurse, I want to swap a shift.\n- As a manager, I want to approve it.\n",
    "opening": "# Trailmate\n\nTrailmate helps hikers plan a route together.\n",
}
OTHERS = {
    "changelog": "# Changes\n\n## [1.2.0] - 2024-05-01\n\nFixed.\n\n## [1.1.0] - 2024-04-01\n\nAdded.\n",
    "faq": "# Rota\n\n## Is it free?\n\nYes.\n\n## Does it sync?\n\nYes.\n\n## Can I export?\n\nYes.\n",
    "minutes": "# Meeting notes, 3 May\n\n## Attendees\n\nAna, Ben.\n\n## Agenda\n\nRelease.\n",
    "record": "# 7. Use Postgres\n\n## Status\n\nAccepted.\n\n## Context\n\nWe need a database.\n\n"
    "## Decision\n\nPostgres.\n\n## Consequences\n\nOne more service.\n",
    "guide": "# Installation\n\nRun pip install rota.\n\n## Usage\n\nrota sync\n",
    "story guide": (
        "# Backlog writing guide\n\nWrite `As a nurse, I want to swap a shift`, not a task. A story "
        'such as "As a manager, I want to approve swaps" names who benefits.\n\n'
        "> As a nurse, I want to see my week.\n"
    ),
}


@pytest.mark.parametrize("name", REQUIREMENTS)
def test_requirements_documents_are_recognised(name: str) -> None:
    assert genre(parse_document(REQUIREMENTS[name]), "prd.md").is_prd


@pytest.mark.parametrize("name", OTHERS)
def test_other_documents_are_not(name: str) -> None:
    assert not genre(parse_document(OTHERS[name]), "notes.md").is_prd


def test_this_projects_readme_is_not_a_prd_but_a_readme_titled_prd_is() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not genre(parse_document(readme), "README.md").is_prd
    assert genre(parse_document("# PRD: Rota\n\nShift swaps.\n"), "README.md").is_prd


def test_whole_document_rules_skip_other_documents_and_say_why(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, select=("PRD101", "PRD002"))
    result = lint_text(OTHERS["guide"] + "\nTBD\n", "guide.md", settings, load_registry())
    assert [finding.code for finding in result.findings] == ["PRD002"]
    assert result.not_requirements == "its title says what else it is ('Installation')"


def test_prd_files_states_which_files_are_prds(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, select=("PRD102",), prd_files=("prds/*.md",))
    text = OTHERS["guide"]
    listed = lint_text(
        text, "prds/guide.md", settings, load_registry(), file_path=tmp_path / "prds" / "guide.md"
    )
    other = lint_text(
        text, "docs/guide.md", settings, load_registry(), file_path=tmp_path / "docs" / "guide.md"
    )
    assert [finding.code for finding in listed.findings] == ["PRD102"]
    assert other.findings == [] and other.not_requirements == "prd-files does not list it"


# The shapes that share a PRD's "Background", "Motivation" and "Proposal" but are not one.
DESIGN_SHAPED = {
    "design proposal": (
        "# Proposal: lazy index loading\n\n## Abstract\n\nLoad the index on first use.\n\n"
        "## Background\n\nStart-up reads it all.\n\n## Proposal\n\nRead pages on demand.\n\n"
        "## Rationale\n\nMost runs touch few pages.\n\n## Compatibility\n\nThe file format is unchanged.\n\n"
        "## Implementation\n\nOne release.\n"
    ),
    "postmortem": (
        "# Search outage, 4 March\n\n## Summary\n\nSearch was down for an hour.\n\n## Background\n\n"
        "The index moved hosts.\n\n## Root cause\n\nA full disk.\n\n## Timeline\n\n10:02 alerts.\n\n"
        "## Lessons learned\n\nWatch the disk.\n\n## Action items\n\nAdd an alert.\n"
    ),
    "options record": (
        "# Pick a queue\n\n## Context and problem statement\n\nJobs pile up.\n\n## Decision drivers\n\n"
        "Cost.\n\n## Considered options\n\nTwo brokers.\n\n## Decision outcome\n\nThe first broker.\n\n"
        "### Positive consequences\n\nCheap.\n"
    ),
}


@pytest.mark.parametrize("name", DESIGN_SHAPED)
def test_section_titles_of_other_kinds_of_document_turn_it_away_and_say_which(name: str) -> None:
    found = genre(parse_document(DESIGN_SHAPED[name]), "notes.md")
    assert not found.is_prd
    assert found.reason.startswith("its section titles are another kind of document's ('")


def test_the_section_title_model_only_turns_away() -> None:
    # A model that would turn every file away is not asked while the plain signs settle it.
    refusing = TitleModel({}, -50.0, 0.5)
    assert genre(parse_document(REQUIREMENTS["titled"]), "prd.md", refusing).is_prd
    assert genre(parse_document(REQUIREMENTS["stories"]), "prd.md", refusing).is_prd
    assert not genre(parse_document(REQUIREMENTS["sections"]), "prd.md", refusing).is_prd
    assert genre(parse_document(REQUIREMENTS["sections"]), "prd.md", TitleModel({}, 50.0, 0.5)).is_prd


def test_the_shipped_section_title_model_reads_back_as_written() -> None:
    model = title_model()
    assert 0.0 < model.threshold < 1.0
    assert TitleModel.from_data(model.as_data()) == model
    assert model.telling({"rationale", "users", "compatibility"}) == sorted(
        ["rationale", "compatibility"], key=lambda word: model.weights[word]
    )
