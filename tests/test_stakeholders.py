"""The stakeholder model: mentions, merging, and classification with its evidence."""

from __future__ import annotations

import pytest

from conftest import read_stakeholders
from prdlint.text.forms import normalize_role
from prdlint_rules.stakeholders.reading.model import Role, StakeholderReading


def analysed(source: str, vocabulary: dict | None = None) -> StakeholderReading:
    return read_stakeholders(source, vocabulary)


def role(source: str, key: str, vocabulary: dict | None = None) -> Role:
    roles = analysed(source, vocabulary).stakeholders.roles
    assert key in roles, f"{key!r} not among {sorted(roles)}"
    return roles[key]


def classes(source: str) -> dict[str, tuple[str, str | None]]:
    return {key: (r.cls, r.kind) for key, r in analysed(source).stakeholders.roles.items()}


def test_the_seeds_restaurant_example() -> None:
    source = (
        "# Delivery\n\nRestaurant owners buy the delivery software on a monthly plan; drivers use it daily.\n"
    )
    assert classes(source) == {"restaurant owner": ("customer", None), "driver": ("user", "primary")}


def test_a_b2c_subscriber_who_uses_and_pays_is_both() -> None:
    source = "# Music\n\nSubscribers pay a monthly fee. Subscribers browse playlists and share them.\n"
    assert classes(source)["subscriber"] == ("both", "primary")


def test_operational_and_management_users_by_vocabulary() -> None:
    source = (
        "# Help desk\n\nSupport agents answer tickets. Moderators remove spam. "
        "The finance team reads revenue reports.\n"
    )
    found = classes(source)
    assert found["support agent"] == ("user", "operational")
    assert found["moderator"] == ("user", "operational")
    assert found["finance team"] == ("user", "management")


def test_secondary_users_and_internal_teams() -> None:
    found = classes(
        "# Invites\n\nHosts send invitations; invitees accept them. The legal team reviews terms.\n"
    )
    assert found["invitee"] == ("user", "secondary")
    assert found["legal team"] == ("internal", None)


@pytest.mark.parametrize(
    "phrase",
    [
        "customer support",
        "customer service",
        "user interface",
        "user experience",
        "user ID",
        "customer portal",
    ],
)
def test_compounds_are_not_stakeholders(phrase: str) -> None:
    assert analysed(f"# Doc\n\nWe improve the {phrase} this quarter.\n").stakeholders.roles == {}


def test_plurals_case_and_synonyms_merge_into_one_role() -> None:
    source = "# Seats\n\nAdministrators manage seats. An admin can export data. ADMINS see logs.\n"
    admin = role(source, "admin")
    assert len(admin.mentions) == 3


def test_a_bare_head_merges_into_the_one_longer_role_it_ends() -> None:
    source = "# Rota\n\nClinic managers approve swaps.\n\nManagers read the coverage report.\n"
    roles = analysed(source).stakeholders.roles
    assert "manager" not in roles
    assert len(roles["clinic manager"].mentions) == 2


def test_modifiers_name_trades_not_verbs_or_adjectives() -> None:
    source = "# Team\n\nWe help restaurant owners. Staff message colleagues. The wrong nurse was on duty.\n"
    assert set(analysed(source).stakeholders.roles) == {"restaurant owner", "staff", "nurse"}


def test_a_job_title_in_capitals_keeps_its_adjectives_and_a_chain_of_hyphens_is_no_trade() -> None:
    source = (
        "# Team\n\n### Persona: Financial Administrator\n\n### Persona: Sourcing Manager\n\n"
        "A day-to-day operations manager. The legitimate users stay.\n"
    )
    roles = set(analysed(source).stakeholders.roles)
    assert roles == {"financial administrator", "sourcing manager", "operations manager", "user"}


def test_a_declared_customers_section_classifies_its_items() -> None:
    source = (
        "# Rota\n\n## Customers\n\n- **Clinic groups** that run three or more sites\n\n## Users\n\n- Nurses\n"
    )
    found = analysed(source).stakeholders.roles
    assert (found["clinic group"].cls, found["clinic group"].declared) == ("customer", True)
    assert found["nurse"].declared and found["nurse"].cls == "user"
    evidence = found["clinic group"].deciding_evidence
    assert (evidence.line, evidence.reason) == (5, "declared under 'Customers'")


def test_a_declaration_subsection_gives_the_kind() -> None:
    source = "# Site\n\n## Target audience\n\n### Primary users\n\n- Analysts who read dashboards\n"
    assert classes(source)["analyst"] == ("user", "primary")


def test_a_heading_that_names_both_users_and_customers_decides_no_class() -> None:
    source = "# Market\n\n## Who are our users/customers?\n\n- **Shoppers** — people who need an item now\n"
    shopper = role(source, "shopper")
    assert shopper.declared and shopper.cls == "user"  # from the vocabulary, not the heading


def test_feature_headings_are_not_declarations() -> None:
    source = "# Tool\n\n## Admin dashboard\n\n- Bookings list\n\n### Customer\n\n- id, name\n"
    assert analysed(source).stakeholders.declaration_sections == []


def test_front_matter_declares_customers_and_users_by_kind() -> None:
    source = (
        "---\ncustomers: [school districts]\nusers:\n  primary: [teachers]\n"
        "  operational: [it admins]\n---\n# Grades\n"
    )
    found = classes(source)
    assert found["school district"] == ("customer", None)
    assert found["teacher"] == ("user", "primary")
    assert found["it admin"] == ("user", "operational")


def test_a_glossary_line_defines_a_role() -> None:
    found = classes("# Terms\n\n- Franchise: a customer who runs one branch under our brand.\n")
    assert found["franchise"] == ("customer", None)


def test_story_roles_are_users_with_their_stories() -> None:
    source = (
        "# Stories\n\n- As a dispatcher, I want to assign drivers.\n"
        "- As a dispatcher, I want to see delays.\n"
    )
    dispatcher = role(source, "dispatcher")
    assert (dispatcher.cls, dispatcher.kind, len(dispatcher.stories)) == ("user", "operational", 2)


def test_buying_goods_in_a_marketplace_is_not_paying_for_the_product() -> None:
    source = "# Market\n\nShoppers buy items from sellers. Sellers pay a 5% commission on each sale.\n"
    found = classes(source)
    assert found["shopper"] == ("user", "primary")
    assert found["seller"] == ("customer", None)  # the text only shows them paying


def test_a_seller_who_pays_commission_and_lists_items_is_both() -> None:
    source = "# Market\n\nSellers pay a 5% commission on each sale. Sellers upload photos of each item.\n"
    assert classes(source)["seller"] == ("both", "primary")


def test_pricing_units_are_not_stakeholders_and_metadata_labels_are_the_documents_team() -> None:
    source = "# Plan\n\nProject owner: Ana\n\nIt costs $4 per staff member a month.\n"
    roles = analysed(source).stakeholders.roles
    assert {key: role.cls for key, role in roles.items()} == {"owner": "internal"}


def test_persona_names_are_kept() -> None:
    source = "# Personas\n\nPriya, a pre-seed founder, tracks runway weekly.\n"
    assert role(source, "pre-seed founder").personas == ["Priya"]


def test_config_vocabulary_adds_roles_and_synonyms() -> None:
    vocabulary = {
        "customer": ["franchisee group"],
        "operational": ["dispatcher lead"],
        "synonyms": {"rider": "passenger"},
    }
    source = "# Taxi\n\nFranchisee groups sign the contract. Riders book trips; passengers rate drivers.\n"
    found = analysed(source, vocabulary).stakeholders.roles
    assert found["franchisee group"].cls == "customer"
    assert len(found["passenger"].mentions) == 2


def test_what_a_role_pays_can_follow_its_name() -> None:
    source = "# Market\n\nThe platform earns commission and optional seller subscriptions.\n"
    assert classes(source)["seller"] == ("customer", None)


def test_software_named_like_a_role_is_not_a_stakeholder() -> None:
    source = "# Secrets\n\nKeys live in a central secrets manager; the package manager pins versions.\n"
    assert analysed(source).stakeholders.roles == {}


def test_a_metadata_table_at_the_top_names_the_documents_people_not_users() -> None:
    source = "# Plan\n\n| Field | Value |\n|---|---|\n| **Reviewers** | Design, Data |\n\nMembers vote.\n"
    roles = analysed(source).stakeholders.roles
    assert {key: role.cls for key, role in roles.items()} == {"reviewer": "internal", "member": "user"}


def test_a_second_verb_that_pays_makes_the_role_a_payer() -> None:
    source = (
        "# Market\n\nSellers list furniture and pay a 5% commission. Buyers pay sellers through escrow.\n"
    )
    assert classes(source) == {"seller": ("both", "primary"), "buyer": ("user", "primary")}


def test_a_role_the_document_declares_is_found_everywhere_else() -> None:
    source = (
        "# Pollen\n\n## Users\n\n- Gardeners add their plants.\n\n## Pricing\n\n"
        "Gardeners pay $3/month for the Pro plan.\n"
    )
    gardener = role(source, "gardener")
    assert gardener.declared and gardener.cls == "both"
    assert [mention.span.start.line for mention in gardener.mentions] == [5, 9]


def test_roles_sharing_a_head_after_an_ampersand_are_both_named() -> None:
    model = analysed("# Roles\n\n- Finance & Compliance Team\n").stakeholders
    assert {key: model.roles[key].kind for key in ("finance team", "compliance team")} == {
        "finance team": "management",
        "compliance team": "operational",
    }


def test_a_role_acts_in_the_product_only_when_it_does_something_there() -> None:
    source = (
        "# App\n\nModerators remove unsafe posts.\n\n"
        "Anything else is escalated to the support team by email.\n"
    )
    assert role(source, "moderator").acts_in_product
    assert not role(source, "support team").acts_in_product
    # A word after the role that could be a verb is not the role doing something in the product.
    audience = "# Terminal\n\nIt serves developers, system administrators, and power users.\n"
    assert not role(audience, "system administrator").acts_in_product


def test_customer_and_user_joined_as_one_group_but_not_in_a_compound() -> None:
    source = "# App\n\n## Who are our users/customers?\n\nOur user/customer support team answers.\n"
    conflations = analysed(source).stakeholders.conflations
    assert [(c.span.start.line, c.text) for c in conflations] == [(3, "users/customers")]


def test_a_declared_customer_doing_plain_use_is_a_conflation() -> None:
    source = (
        "# Clinics\n\n## Customers\n\n- Clinic owners pay $49 per month.\n\n## Users\n\n"
        "- Receptionists book appointments.\n\n## Flow\n\nThe clinic owner logs in every morning.\n"
    )
    (conflation,) = analysed(source).stakeholders.conflations
    assert conflation.span.start.line == 13 and "declared a customer (line 5)" in conflation.reason


def test_stakeholder_sections_of_unfilled_slots_make_a_template() -> None:
    model = analysed("# PRD\n\n## Target users\n\n[Who is this product for?]\n").stakeholders
    assert model.is_template
    assert not analysed("# PRD\n\n## Target users\n\nNurses on night shifts.\n").stakeholders.is_template


def test_config_word_lists_extend_what_the_language_layer_reads() -> None:
    source = "# Dispatch\n\nDispatchers route every van.\n"
    vocabulary = {"operational": ["dispatcher"], "use-verbs": ["route"]}
    assert not role(source, "dispatcher").mentions[0].uses
    assert role(source, "dispatcher", vocabulary).mentions[0].uses


def test_a_role_name_runs_over_no_line_break_and_no_numbering() -> None:
    source = "# PRD\n\nStatus: Draft\nOwner: product owner\n\nFriends people users know.\n"
    assert set(analysed(source).stakeholders.roles) == {"owner", "product owner", "user"}
    assert normalize_role("2. Lead Attorneys") == "lead attorney"


def test_every_word_list_the_reading_asks_for_is_an_entry_of_its_vocabulary_and_says_what_it_is() -> None:
    """A word list is defined and described once, in vocabulary.toml: the code asks for it by
    name, and an entry no code reads, or a name no entry defines, is a mistake."""
    import re
    import tomllib
    from pathlib import Path

    import prdlint_rules.stakeholders as pack

    folder = Path(pack.__file__).parent
    entries = tomllib.loads((folder / "reading" / "vocabulary.toml").read_text(encoding="utf-8"))
    code = "".join(path.read_text(encoding="utf-8") for path in folder.rglob("*.py"))
    asked = set(re.findall(r"""words\(\s*["']([a-z-]+)["']\s*\)""", code))
    named = set(re.findall(r"""["']([a-z][a-z-]+)["']""", code))
    lists = {name for name, entry in entries.items() if entry["type"] == "words"}
    assert sorted(asked - set(entries)) == []
    assert sorted(lists - named) == []
    assert [name for name, entry in entries.items() if not entry.get("about")] == []
