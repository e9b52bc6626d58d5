"""Story recognition: every form PRDs use, the things that look like stories but are not, and
exact spans for each part."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prdlint.document import parse_document
from prdlint.language.model import Story, StoryForm, StoryPart
from prdlint.language.stories import find_stories


def stories(source: str) -> list[Story]:
    return find_stories(parse_document(source))


def parts(story: Story) -> tuple[str | None, str | None, str | None, str | None]:
    text = [story.role, story.qualifier, story.means, story.ends]
    return tuple(part.text if part else None for part in text)  # type: ignore[return-value]


def source_of(source: str, part: StoryPart) -> str:
    """The source text a part's span covers (single-line spans), emphasis markers removed."""
    line = source.split("\n")[part.span.start.line - 1]
    return line[part.span.start.column - 1 : part.span.end.column - 1].replace("**", "")


INLINE = [
    (
        "As a nurse, I want to swap a shift, so that I can rest.",
        ("nurse", None, "to swap a shift", "I can rest"),
    ),
    ("As an editor I want to schedule posts", ("editor", None, "to schedule posts", None)),
    ("As IT staff, I want to know the data volume", ("IT staff", None, "to know the data volume", None)),
    (
        "as THE admin, i need to reset passwords so users can log in",
        ("admin", None, "to reset passwords", "users can log in"),
    ),
    (
        "As a buyer, I can filter by price in order to save time.",
        ("buyer", None, "filter by price", "save time"),
    ),
    (
        "As a rider, I would like to rate drivers because it builds trust.",
        ("rider", None, "to rate drivers", "it builds trust"),
    ),
    ("As a guest, I'd like to see the menu.", ("guest", None, "to see the menu", None)),
    ("As a donor, I wish to stay anonymous.", ("donor", None, "to stay anonymous", None)),
    ("As a member, I am able to export my data.", ("member", None, "export my data", None)),
    ("As a member, I should be able to delete my account.", ("member", None, "delete my account", None)),
    ("As a parent, I don't want my child to see ads.", ("parent", None, "my child to see ads", None)),
    (
        "As a user with admin rights, I want to add seats.",
        ("user", "with admin rights", "to add seats", None),
    ),
    ("As an R&D manager, I want to track trials.", ("R&D manager", None, "to track trials", None)),
    (
        "As a buyer/seller, I want to message the other party.",
        ("buyer/seller", None, "to message the other party", None),
    ),
    ("As Ops, I want to see failed jobs.", ("Ops", None, "to see failed jobs", None)),
    ("**As a** sales rep, I want to **export** reports.", ("sales rep", None, "to export reports", None)),
    (
        "As an **Event Organizer**, I want to publish events.",
        ("Event Organizer", None, "to publish events", None),
    ),
    (
        "\\- *As a new user, I want a tour so that I learn fast.*",
        ("new user", None, "a tour", "I learn fast"),
    ),
    ("US-1.1: As a clerk, I want to print labels.", ("clerk", None, "to print labels", None)),
    ("**Ops:** As Ops, I want alerts.", ("Ops", None, "alerts", None)),
    ("Story 3 — As a driver, I want the route.", ("driver", None, "the route", None)),
]


@pytest.mark.parametrize(("source", "expected"), INLINE, ids=[case[0][:40] for case in INLINE])
def test_inline_stories_and_their_parts(source: str, expected: tuple) -> None:
    (story,) = stories(source + "\n")
    assert parts(story) == expected
    assert not story.malformed
    for part in (story.role, story.means, story.ends):
        if part is not None:
            assert source_of(source, part) == part.text


def test_labels_are_kept() -> None:
    (story,) = stories("US-1.1: As a clerk, I want to print labels.\n")
    assert story.label == "US-1.1"


def test_a_story_over_the_lines_of_one_paragraph() -> None:
    source = "**As a** nurse,\n**I want** to swap a shift\n**So that** I can rest\n"
    (story,) = stories(source)
    assert parts(story) == ("nurse", None, "to swap a shift", "I can rest")
    assert story.form is StoryForm.MULTILINE
    assert (story.means.span.start.line, story.ends.span.start.line) == (2, 3)
    assert source_of(source, story.means) == "to swap a shift"


def test_a_story_over_consecutive_list_items() -> None:
    source = "- As a clinic manager\n- I want to approve swaps\n- so that the rota is right\n"
    (story,) = stories(source)
    assert parts(story) == ("clinic manager", None, "to approve swaps", "the rota is right")
    assert story.form is StoryForm.LIST
    assert [p.span.start.line for p in (story.role, story.means, story.ends)] == [1, 2, 3]


def test_a_table_with_story_columns() -> None:
    source = "| As a | I want | So that |\n|---|---|---|\n| driver | to see the route | I arrive on time |\n"
    (story,) = stories(source)
    assert parts(story) == ("driver", None, "to see the route", "I arrive on time")
    assert story.form is StoryForm.TABLE
    assert source_of(source, story.means) == "to see the route"


def test_a_table_with_named_columns_and_prefixed_cells() -> None:
    source = (
        "| Role | Goal | Benefit |\n|---|---|---|\n| As a host | I want to block dates | so that I rest |\n"
    )
    (story,) = stories(source)
    assert parts(story) == ("host", None, "to block dates", "I rest")


def test_a_story_in_one_table_cell() -> None:
    source = "| ID | Story |\n|---|---|\n| U1 | As a user, I want to save routes. |\n"
    (story,) = stories(source)
    assert parts(story) == ("user", None, "to save routes", None)
    assert story.form is StoryForm.INLINE


def test_several_stories_in_one_paragraph() -> None:
    found = stories("As a buyer, I want to pay.\nAs a seller, I want payouts. As an admin, I want logs.\n")
    assert [story.role.text for story in found] == ["buyer", "seller", "admin"]


def test_a_fenced_block_that_is_a_list_of_stories() -> None:
    source = "```\nAs a buyer, I want to track orders.\nAs a seller, I want to print labels.\n```\n"
    found = stories(source)
    assert [(s.role.text, s.form, s.span.start.line) for s in found] == [
        ("buyer", StoryForm.CODE, 2),
        ("seller", StoryForm.CODE, 3),
    ]


def test_a_fenced_block_of_code_is_not_read_for_stories() -> None:
    assert stories("```python\n# As a user, I want this to work\nrun()\n```\n") == []
    assert stories("```\nAs a user, I want x.\nfoo()\nbar()\nbaz()\n```\n") == []


NOT_STORIES = [
    "As a [user], I want to [action] so that [benefit].",
    "As a < type of user >, I want < some goal >.",
    "As a result, we shipped late.",
    "As an example, consider a clinic.",
    "Tools such as a calendar, I want to say, help.",
    "## User stories",
    "We treat refunds as a service, I want to note.",
    "As we build the API, we want to keep shipping value to clinics.",
    "As described above, we need a simpler search.",
]


@pytest.mark.parametrize("source", NOT_STORIES)
def test_things_that_are_not_stories(source: str) -> None:
    assert stories(source + "\n") == []


def test_a_story_without_a_means_is_returned_malformed_where_stories_are_expected() -> None:
    found = stories(
        "## User stories\n\n- As a user, the dashboard shows totals.\n- I want to export invoices.\n"
    )
    assert [(parts(s), s.malformed) for s in found] == [
        (("user", None, None, None), True),
        ((None, None, "to export invoices", None), True),
    ]


def test_outside_a_stories_context_a_sentence_starting_as_a_is_not_a_story() -> None:
    assert stories("## Notes\n\nAs a startup, we move fast.\n\nI want to be clear about scope.\n") == []


def test_first_person_means_are_accepted_where_stories_are_expected() -> None:
    (story,) = stories("## User stories\n\n- As a user, I type a route and get fares.\n")
    assert parts(story) == ("user", None, "type a route and get fares", None)


@pytest.mark.parametrize(
    ("source", "skeleton"),
    [
        (
            "As a nurse, I want to swap a shift, so that I can rest.",
            "as a {role}, i want {means}, so that {ends}",
        ),
        ("US-1: As an **Admin** I’d like to ban users", "as a {role} i'd like {means}"),
        (
            "As a nurse with children, I need to swap shifts because school closes",
            "as a {role} {qualifier}, i need {means} because {ends}",
        ),
    ],
)
def test_a_story_keeps_its_wording_apart_from_its_parts(source: str, skeleton: str) -> None:
    (story,) = stories(source)
    assert story.skeleton == skeleton


def test_a_story_tables_header_is_not_a_story_and_a_row_missing_its_means_is_malformed() -> None:
    source = (
        "## Stories\n\n| As a | I want | So that |\n|---|---|---|\n"
        "| clerk |  | clinics start on time |\n| **Phase 2** |  |  |\n| nurse | to rest | I sleep |\n"
    )
    found = stories(source)
    assert [(parts(story), story.malformed, story.line) for story in found] == [
        (("clerk", None, None, "clinics start on time"), True, 5),
        (("nurse", None, "to rest", "I sleep"), False, 7),
    ]
    assert all(story.skeleton is None for story in found)


def test_a_malformed_story_over_lines_ends_its_role_at_the_line_break() -> None:
    (story,) = stories("## Stories\n\n**As a** ward clerk\n**So that** clinics start on time\n")
    assert story.malformed
    assert story.role is not None and story.role.text == "ward clerk"


def test_each_item_under_a_lead_that_names_the_role_is_a_story_of_that_role() -> None:
    source = (
        "## User stories\n\n"
        "- As a **site maintainer**, I want:\n"
        "  - to hear of downtime, so that I can fix it\n"
        "  - the logs kept for a month\n"
        "- As a visitor, I want to search.\n"
    )
    found = stories(source)
    assert [(parts(s), s.form, s.line, s.role.span.start.line) for s in found] == [
        (("site maintainer", None, "to hear of downtime", "I can fix it"), StoryForm.LIST, 4, 3),
        (("site maintainer", None, "the logs kept for a month", None), StoryForm.LIST, 5, 3),
        (("visitor", None, "to search", None), StoryForm.INLINE, 6, 6),
    ]
    assert source_of(source, found[0].role) == "site maintainer"


def test_stories_told_under_a_personas_label_take_it_as_their_role() -> None:
    source = (
        "## User stories\n\n**Weekend Climber:**\n\n"
        "- I want to log a route so I can see my progress\n- I want to share a route\n\n"
        "**Must have:**\n\n- I want to export my log\n"
    )
    found = stories(source)
    assert [(parts(s), s.malformed) for s in found] == [
        (("Weekend Climber", None, "to log a route", "I can see my progress"), False),
        (("Weekend Climber", None, "to share a route", None), False),
        ((None, None, "to export my log", None), True),
    ]
    assert found[0].skeleton == "{role}: i want {means} so {ends}"
    assert source_of(source, found[0].role) == "Weekend Climber"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "As a nurse, I want to swap shifts to ensure every ward is covered.",
            ("nurse", None, "to swap shifts", "ensure every ward is covered"),
        ),
        ("As a nurse, I want a rota for planning my week.", ("nurse", None, "a rota", "planning my week")),
        (
            "As a nurse, I want to see my hours to understand my pay.",
            ("nurse", None, "to see my hours", "understand my pay"),
        ),
        # Only after a complete request: the first purpose verb may be the request itself.
        ("As a nurse, I want to see my rota.", ("nurse", None, "to see my rota", None)),
        (
            "As a nurse, I want the system to ensure shifts are fair.",
            ("nurse", None, "the system to ensure shifts are fair", None),
        ),
        ("As a nurse, I want a badge for my team.", ("nurse", None, "a badge for my team", None)),
    ],
)
def test_a_purpose_after_a_complete_request_is_its_benefit(source: str, expected: tuple) -> None:
    (story,) = stories(f"## User stories\n\n{source}\n")
    assert parts(story) == expected


@settings(max_examples=1_000)
@given(st.text(alphabet="asASſ \n\t.!?-:x•*", max_size=40))
def test_story_starts_are_found_only_where_as_follows_and_always_there(text: str) -> None:
    # Texts without "as" and a space are not searched for later starts: none can be there.
    from prdlint.text.stories import _LATER_START, story_starts

    assert story_starts(text) == sorted({0, *(match.end() for match in _LATER_START.finditer(text))})
