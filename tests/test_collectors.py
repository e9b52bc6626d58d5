"""Each evidence collector on hand-built inputs: a parsed Document, mentions written by hand, and a
few word classes. None of this needs spaCy, which is the point: a collector's judgement is tested
apart from the tokenizer that finds mentions in real text."""

from __future__ import annotations

import gc
import weakref

import pytest

from prdlint.document import Document, parse_document
from prdlint.language.stories import find_stories
from prdlint.language.wordclasses import WordClasses
from prdlint.registry import load_registry
from prdlint.text.forms import normalize_role
from prdlint_rules.stakeholders.reading import vocabulary as vocabulary_module
from prdlint_rules.stakeholders.reading.classes import BOTH, CUSTOMER, INTERNAL, OPERATIONAL, PRIMARY, USER
from prdlint_rules.stakeholders.reading.collectors import COLLECTOR_NAMES, COLLECTORS, build_model
from prdlint_rules.stakeholders.reading.collectors import declarations as declaration_collector
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs, once_per_document
from prdlint_rules.stakeholders.reading.collectors.resolve import resolve
from prdlint_rules.stakeholders.reading.kept import forget_answers
from prdlint_rules.stakeholders.reading.model import NONPROFIT, Evidence, Mention, ProductContext, Rank, Role
from prdlint_rules.stakeholders.reading.vocabulary import merge_vocabularies

WORDS = WordClasses(
    nouns=frozenset({"gardener", "plant", "treasurer", "report", "group", "clinic", "business"}),
    verbs=frozenset({"add", "read", "reads", "create", "buy", "log", "need"}),
    adjectives=frozenset({"technical"}),
)


@pytest.fixture(scope="module")
def vocabulary():
    return merge_vocabularies(load_registry().vocabularies)


def mention(document: Document, text: str, line: int = 0, **facts: object) -> Mention:
    """A mention of `text` at its first place in the document's prose (from `line` on), with the
    facts given."""
    for block in document.blocks:
        start = block.text.find(text)
        if start != -1 and block.line >= line:
            span = block.span(start, start + len(text))
            return Mention(normalize_role(text), text, span, block, start, **facts)  # type: ignore[arg-type]
    raise AssertionError(f"{text!r} is not in the document")


def draft_after(
    vocabulary, source: str, names: tuple[str, ...], mentions: tuple[tuple[str, dict], ...] = ()
) -> Draft:
    """The draft after running only the collectors `names`, in table order."""
    document = parse_document(source)
    found = [mention(document, text, **facts) for text, facts in mentions]
    inputs = Inputs(document, vocabulary, WORDS, found, find_stories(document))
    draft = Draft(inputs)
    for collector in COLLECTORS:
        if collector.name in names:
            collector.collect(inputs, draft)
    return draft


def test_the_table_runs_every_collector_after_what_it_reads() -> None:
    assert len(set(COLLECTOR_NAMES)) == len(COLLECTOR_NAMES)
    for index, collector in enumerate(COLLECTORS):
        earlier = COLLECTOR_NAMES[:index]
        assert set(collector.after) <= set(earlier), f"{collector.name} runs before {collector.after}"


def test_front_matter_declares_customers_and_users_by_kind(vocabulary) -> None:
    source = (
        "---\ncustomers: [Clinic owners]\nusers:\n  primary: [nurses]\n  operational: admins\n---\n# PRD\n"
    )
    roles = draft_after(vocabulary, source, ("front-matter",)).roles
    assert {key: (role.evidence[0].cls, role.evidence[0].kind) for key, role in roles.items()} == {
        "clinic owner": (CUSTOMER, None),
        "nurse": (USER, PRIMARY),
        "admin": (USER, OPERATIONAL),
    }
    assert roles["nurse"].declared and roles["nurse"].evidence[0].line == 4
    assert roles["nurse"].evidence[0].rank is Rank.FRONT_MATTER


def test_a_customers_section_declares_unknown_groups_and_a_users_list_the_subjects_of_its_verbs(
    vocabulary,
) -> None:
    source = (
        "# PRD\n\n## Customers\n\n- Clinic groups — they buy seats\n\n"
        "## Users\n\n- Gardeners add their plants\n- The treasurer reads the report\n"
    )
    draft = draft_after(vocabulary, source, ("declarations",))
    found = {key: (role.evidence[0].cls, role.declared) for key, role in draft.roles.items()}
    assert found == {"clinic group": (CUSTOMER, True), "gardener": (None, True), "treasurer": (None, True)}
    assert [section.title for section in draft.declaration_sections] == ["Customers", "Users"]


@pytest.mark.parametrize(
    ("title", "declared"),
    [
        ("Target users", (None, None)),
        ("2.1 Operational users", (USER, OPERATIONAL)),
        ("Who are our users/customers?", (None, None)),
        ("Paying customers", (CUSTOMER, None)),
        ("Customer", None),  # an entity over a schema
        ("User management", None),  # a feature
        ("Customer journey analytics", None),
    ],
)
def test_which_titles_declare_stakeholders(vocabulary, title: str, declared: tuple | None) -> None:
    section = parse_document(f"# {title}\n\nText.\n").sections[0]
    assert declaration_collector.declared_class(section, vocabulary) == declared


def test_a_users_section_with_only_template_slots_is_unfilled(vocabulary) -> None:
    draft = draft_after(
        vocabulary, "# PRD\n\n## Target users\n\n[Who is this product for?]\n", ("declarations",)
    )
    assert [section.title for section in draft.unfilled_sections] == ["Target users"]


def test_a_glossary_line_gives_its_term_the_class_it_is_defined_as(vocabulary) -> None:
    source = "# Terms\n\nSteward: an admin of one garden.\n\nGoal: a target we track.\n"
    draft = draft_after(vocabulary, source, ("glossary",), (("admin", {}),))
    (evidence,) = draft.roles["steward"].evidence
    assert (evidence.cls, evidence.kind, evidence.reason) == (USER, OPERATIONAL, "defined as a admin")
    assert set(draft.roles) == {"steward"}


def test_story_roles_are_users_each_alternative_its_own_role(vocabulary) -> None:
    source = (
        "# Stories\n\n- As a nurse or doctor, I want to swap shifts.\n- As an admin, I want to reset PINs.\n"
    )
    roles = draft_after(vocabulary, source, ("story-roles",)).roles
    assert {key: role.evidence[0].cls for key, role in roles.items()} == {
        "nurse": USER,
        "doctor": USER,
        "admin": USER,
    }
    assert len(roles["admin"].stories) == 1


@pytest.mark.parametrize(
    ("source", "runs"),
    [
        ("- As an admin, I want to reset forgotten PINs.", "admin"),
        ("- As a parent, I want to set daily time limits.", "parent"),
        ("- As a host, I want to create an account.", None),
        ("- As a seller, I want to create new listings.", None),
        ("- As a moderator, I want to review flagged posts.", "moderator"),
    ],
)
def test_a_story_about_back_office_work_shows_its_role_running_the_product(
    vocabulary, source: str, runs: str | None
) -> None:
    roles = draft_after(vocabulary, f"# Stories\n\n{source}\n", ("story-roles", "administering")).roles
    running = [key for key, role in roles.items() if any(e.kind == OPERATIONAL for e in role.evidence)]
    assert running == ([runs] if runs else [])


@pytest.mark.parametrize(
    ("line", "runs"),
    [
        ("The conductor creates member accounts and resets forgotten PINs.", True),
        ("Moderators start and pause each speaker's clock.", False),
        ("Moderator/automatic filter checks each upload for spam.", True),
        ("The admin panel lets the ops team manage users, moderate content.", False),
        ("The engineer reviews their completed tickets.", False),
        ("The bookkeeper manages accounts payable and receivable.", False),
        ("The director approves pricing decisions.", False),
        ("Maintainers are notified of outages.", True),
    ],
)
def test_back_office_work_where_the_role_is_the_subject(vocabulary, line: str, runs: bool) -> None:
    word = line.split()[1] if line.startswith("The ") else line.split("/")[0].split()[0]
    draft = draft_after(vocabulary, f"# PRD\n\n{line}\n", ("mentions", "administering"), ((word, {}),))
    evidence = [e for role in draft.roles.values() for e in role.evidence]
    assert any(e.kind == OPERATIONAL for e in evidence) is runs


def test_mentions_are_recorded_with_personas_but_not_on_a_declaring_heading(vocabulary) -> None:
    source = "# PRD\n\n## Customers\n\nPriya, a founder, reads the report.\n"
    mentions = (("Customers", {}), ("founder", {"persona": "Priya"}))
    roles = draft_after(vocabulary, source, ("declarations", "mentions"), mentions).roles
    assert "customer" not in roles
    assert roles["founder"].personas == ["Priya"]
    assert len(roles["founder"].mentions) == 1


def test_actions_and_paying_names_are_evidence_of_paying_and_using(vocabulary) -> None:
    source = "# PRD\n\nClinics buy the plan. Drivers accept orders. Paying members vote.\n"
    mentions = (
        ("Clinics", {"pays": True, "verb": "buy"}),
        ("Drivers", {"uses": True, "verb": "accept"}),
        ("members", {"paying_name": True}),
    )
    only_actions = draft_after(vocabulary, source, ("actions",), mentions).roles
    assert {key: role.evidence[0].cls for key, role in only_actions.items()} == {
        "clinic": CUSTOMER,
        "driver": USER,
    }
    with_names = draft_after(vocabulary, source, ("actions", "paying-names"), mentions).roles
    assert with_names["member"].evidence[0].reason == "pays for the product here"


def test_variants_merge_into_the_one_longer_role_but_generic_words_stay(vocabulary) -> None:
    source = "# PRD\n\nThe manager and the clinic manager read reports. A user and a power user log in.\n"
    mentions = (("manager", {}), ("clinic manager", {}), ("user", {}), ("power user", {}))
    roles = draft_after(vocabulary, source, ("mentions", "variants"), mentions).roles
    assert set(roles) == {"clinic manager", "user", "power user"}
    assert len(roles["clinic manager"].mentions) == 2


def test_the_vocabulary_is_the_weakest_evidence_at_the_first_mention(vocabulary) -> None:
    source = "# PRD\n\nText.\n\nModerators remove spam.\n"
    role = draft_after(vocabulary, source, ("mentions", "vocabulary"), (("Moderators", {}),)).roles[
        "moderator"
    ]
    (evidence,) = role.evidence
    assert (evidence.rank, evidence.cls, evidence.kind, evidence.line) == (
        Rank.VOCABULARY,
        USER,
        OPERATIONAL,
        5,
    )


def _role(*evidence: tuple[Rank, str | None, str | None]) -> Role:
    return Role("r", evidence=[Evidence(1, "", "", rank, cls, kind) for rank, cls, kind in evidence])


@pytest.mark.parametrize(
    ("evidence", "resolved"),
    [
        (((Rank.ACTION, CUSTOMER, None), (Rank.STORY, USER, PRIMARY)), (BOTH, PRIMARY)),
        (((Rank.ACTION, USER, None), (Rank.VOCABULARY, CUSTOMER, None)), (BOTH, PRIMARY)),
        (((Rank.DECLARATION, USER, None), (Rank.VOCABULARY, USER, OPERATIONAL)), (USER, OPERATIONAL)),
        (((Rank.ACTION, USER, None), (Rank.VOCABULARY, INTERNAL, None)), (INTERNAL, None)),
        # Declared under "Target users" or "Personas", and nothing else said: someone it is for.
        (((Rank.DECLARATION, None, None),), (USER, PRIMARY)),
        (((Rank.DECLARATION, None, None), (Rank.ACTION, CUSTOMER, None)), (CUSTOMER, None)),
        (((Rank.VOCABULARY, None, None),), ("unknown", None)),
    ],
)
def test_resolve_weighs_the_evidence(evidence: tuple, resolved: tuple[str, str | None]) -> None:
    assert resolve(_role(*evidence)) == resolved


def test_joined_names_are_a_conflation_but_a_support_team_is_not(vocabulary) -> None:
    source = "# PRD\n\nWho are our users/customers? The user/customer support team answers.\n"
    (conflation,) = draft_after(vocabulary, source, ("joined-names",)).conflations
    assert conflation.text == "users/customers"


def test_a_declared_customer_doing_plain_use_contradicts_the_declarations(vocabulary) -> None:
    source = (
        "# PRD\n\n## Customers\n\n- Theatres\n\n## Users\n\n- Audience members\n\n"
        "## Flow\n\nTheatres log in and pick seats.\n"
    )
    names = ("declarations", "mentions", "resolve", "contradicted-declarations")
    mentions = (("Audience members", {}), ("Theatres", {"line": 13, "uses": True, "verb": "log"}))
    (conflation,) = draft_after(vocabulary, source, names, mentions).conflations
    assert "declared a customer (line 5)" in conflation.reason and "('log')" in conflation.reason


def test_one_persona_paying_under_one_name_and_using_under_another_is_a_conflation(vocabulary) -> None:
    source = "# PRD\n\nAna, a customer, pays monthly. Ana, a nurse, swaps shifts.\n"
    mentions = (
        ("customer", {"persona": "Ana", "pays": True}),
        ("nurse", {"persona": "Ana", "uses": True}),
    )
    names = ("mentions", "actions", "resolve", "persona-conflations")
    (conflation,) = draft_after(vocabulary, source, names, mentions).conflations
    assert conflation.text == "nurse" and "Ana is 'customer'" in conflation.reason


def test_a_collector_switched_off_gives_no_evidence(vocabulary) -> None:
    document = parse_document("# PRD\n\n## Users\n\n- Gardeners add their plants\n")
    inputs = Inputs(document, vocabulary, WORDS, [], [])
    assert set(build_model(inputs).roles) == {"gardener"}
    assert build_model(inputs, without=("declarations",)).roles == {}


def test_a_customer_word_alone_gives_no_class(vocabulary) -> None:
    source = "# PRD\n\nCustomers check meter readings. The customer problem is old.\n"
    draft = draft_after(vocabulary, source, ("mentions", "vocabulary", "resolve"), (("Customers", {}),))
    assert draft.roles["customer"].evidence == []
    assert draft.roles["customer"].cls == "unknown"


def test_our_clients_who_white_label_the_product_are_its_customers(vocabulary) -> None:
    source = "# PRD\n\nOur clients white-label it for their members.\n\nTheir clients log in daily.\n"
    found = (("clients", {}), ("clients", {"line": 5, "uses": True, "verb": "log"}))
    draft = draft_after(vocabulary, source, ("mentions", "whose-customers"), found)
    # "Their clients" belong to the members' businesses: only "our clients" give evidence.
    (evidence,) = draft.roles["client"].evidence
    assert evidence.cls == CUSTOMER and "our" in evidence.reason


def test_organisations_the_document_shows_buying_the_product_are_customers(vocabulary) -> None:
    source = (
        "# Lingo\n\nLanguage schools buy Lingo for every classroom. Teachers buy coffee.\n\n"
        "Clinic chains license the platform for all their branches.\n"
    )
    roles = draft_after(vocabulary, source, ("buying-organisations",)).roles
    assert {key: role.evidence[0].cls for key, role in roles.items()} == {
        "language school": CUSTOMER,
        "clinic chain": CUSTOMER,
    }


def test_the_side_whose_payout_a_fee_is_deducted_from_bears_it(vocabulary) -> None:
    source = (
        "# PRD\n\n## Hosts\n\nHosts run tours.\n\n## Payments\n\n"
        "Payment collected from the traveler, platform fee deducted, remainder routed to host.\n"
    )
    roles = draft_after(vocabulary, source, ("mentions", "fee-bearers"), (("Hosts", {"line": 5}),)).roles
    assert [evidence.reason for evidence in roles["host"].evidence] == ["bears the product's fee here"]


def test_the_role_a_revenue_list_names_is_charged(vocabulary) -> None:
    source = (
        "# PRD\n\nTutors teach.\n\n**Revenue model:**\n\n- Featured placement fees\n"
        "- Advanced analytics for tutors\n- Free for students\n"
    )
    mentions = (("tutors", {"line": 8}), ("students", {}))
    roles = draft_after(vocabulary, source, ("mentions", "priced-roles"), mentions).roles
    assert [e.cls for e in roles["tutor"].evidence] == [CUSTOMER]
    assert roles["student"].evidence == []


def test_the_organisations_a_product_is_made_for_are_its_customers(vocabulary) -> None:
    source = (
        "# Law Firm Pro\n\nA case system designed specifically for small Chinese law firms.\n\n"
        "**Target Market:** German Dental Practices\n\nDesigned for children aged 6-8.\n"
    )
    roles = draft_after(vocabulary, source, ("target-market",)).roles
    assert set(roles) == {"small chinese law firm", "german dental practice"}


def test_a_role_reading_the_business_figures_is_a_management_user(vocabulary) -> None:
    source = "# PRD\n\nThe marina manager reads the daily report of rentals. Guides lead tours.\n"
    mentions = (("marina manager", {}), ("Guides", {"uses": True, "verb": "lead"}))
    names = ("mentions", "actions", "reporting", "vocabulary", "resolve")
    draft = draft_after(vocabulary, source, names, mentions)
    assert draft.roles["marina manager"].kinds == {"management", "primary"}
    assert draft.roles["guide"].kinds == {"primary"}


def test_a_support_role_described_only_using_the_product_is_a_primary_user(vocabulary) -> None:
    source = (
        "# PRD\n\n## Personas\n\n- **Support agent**: needs visibility into past orders\n"
        "- **Moderator**: reviews flagged posts\n"
    )
    mentions = (("Support agent", {}), ("Moderator", {}))
    names = ("mentions", "administering", "vocabulary", "resolve")
    roles = draft_after(vocabulary, source, names, mentions).roles
    assert roles["support agent"].kinds == {"primary"}
    assert roles["moderator"].kinds == {"operational"}


def _conflations(vocabulary, source: str, mentions: tuple = (), described: str | None = None) -> list[str]:
    document = parse_document(source)
    found = [mention(document, text, **facts) for text, facts in mentions]
    context = ProductContext(described, 1, "", "") if described else None
    inputs = Inputs(document, vocabulary, WORDS, found, find_stories(document), [], context)
    return [conflation.text for conflation in build_model(inputs).conflations]


def test_customer_satisfaction_named_for_users_elsewhere_is_a_conflation(vocabulary) -> None:
    same = "# PRD\n\n## Metrics\n\n- Customer satisfaction score: >4.5/5\n- User satisfaction score: >4.5/5\n"
    other = "# PRD\n\n## Metrics\n\n- Customer satisfaction: NPS > 50\n- User satisfaction: 95%\n"
    asked = "# PRD\n\n## Metrics\n\n- Customer satisfaction, measured through user feedback\n"
    assert _conflations(vocabulary, same) == ["Customer satisfaction"]
    assert _conflations(vocabulary, other) == []
    assert _conflations(vocabulary, asked) == ["Customer satisfaction"]


def test_a_funded_product_calling_the_people_it_serves_customers_conflates_them(vocabulary) -> None:
    source = (
        "# Hamper booking\n\nBooking is hard for customers.\n\n## Customers\n\n"
        "The primary customer is episodic users.\n"
    )
    mentions = (("customers", {"uses": True, "verb": "book"}),)
    found = _conflations(vocabulary, source, mentions, described=NONPROFIT)
    assert found == ["customers", "Customers", "customer is episodic users"]
    assert _conflations(vocabulary, source, mentions) == []


def test_organisations_called_users_beside_the_people_who_use_it(vocabulary) -> None:
    source = (
        "# Clinic app\n\n- **Target Users**: Multi-therapist therapy clinics\n\n## Users\n\n"
        "- Therapists book sessions\n"
    )
    assert _conflations(vocabulary, source) == ["Target Users: Multi-therapist therapy clinics"]


@pytest.mark.parametrize(
    ("line", "role", "facts", "decides"),
    [
        ("The practice manager approves the purchase.", "practice manager", {}, True),
        (
            "The bookkeeper subscribes for $19 per month.",
            "bookkeeper",
            {"pays": True, "verb": "subscribe"},
            True,
        ),
        ("The clinic owner signs up and becomes the admin.", "clinic owner", {}, True),
        ("The marketing director wants weekly lead reports.", "marketing director", {}, False),
        ("The owner, a data-driven decision maker, reads dashboards.", "owner", {}, False),
    ],
)
def test_a_decider_is_shown_deciding_paying_or_signing_up(
    vocabulary, line: str, role: str, facts: dict, decides: bool
) -> None:
    draft = draft_after(vocabulary, f"# PRD\n\n{line}\n", ("mentions", "purchase-deciders"), ((role, facts),))
    assert any(found.decider for found in draft.roles.values()) is decides


def test_a_role_named_like_operations_that_only_runs_the_business_is_not_operational(vocabulary) -> None:
    source = (
        "# PRD\n\n## Personas\n\n- **Financial administrator**: monitors revenue and profit\n"
        "- **Administrator**: resets passwords\n"
    )
    mentions = (("Financial administrator", {}), ("Administrator", {"line": 6}))
    names = ("mentions", "administering", "reporting", "vocabulary", "resolve")
    roles = draft_after(vocabulary, source, names, mentions).roles
    assert roles["financial administrator"].kinds == {"management"}
    assert roles["admin"].kinds == {"operational"}


def test_the_documents_own_team_is_named_in_its_metadata_staffing_lines_and_owner_columns(
    vocabulary,
) -> None:
    source = (
        "# Pantry PRD\n\n> Owner: product owner\n> Audience: designers, investors\n\n## Plan\n\n"
        "- Team: two developers and a tester\n\n| Task | Owner |\n|---|---|\n| Launch | Founder |\n"
        "| Train and onboard volunteers | TBD |\n\n## Later\n\nAudience: volunteers\n"
    )
    texts = ("product owner", "designers", "investors", "developers", "tester", "Founder", "volunteers")
    mentions = (*((text, {}) for text in texts), ("volunteers", {"line": 17}))
    roles = draft_after(vocabulary, source, ("document-team",), mentions).roles
    internal = {key for key, role in roles.items() if any(e.cls == INTERNAL for e in role.evidence)}
    assert internal == {"product owner", "designer", "investor", "developer", "tester", "founder"}


def test_users_named_after_a_paid_plan_pay_for_it(vocabulary) -> None:
    source = (
        "# Plans\n\n| Plan | Price |\n|---|---|\n| Free | $0 |\n| Gold | $9 |\n\n"
        "Gold users see who liked them. Free users swipe ten times a day.\n"
    )
    mentions = (("Gold users", {}), ("Free users", {}))
    roles = draft_after(vocabulary, source, ("mentions", "plan-members"), mentions).roles
    assert [e.cls for e in roles["gold user"].evidence] == [BOTH]
    assert roles["free user"].evidence == []


@pytest.mark.parametrize(
    ("sentence", "helped"),
    [
        (
            "Furrow is a lightweight tool that helps smallholder farmers log each harvest.",
            {"smallholder farmer"},
        ),
        ("It lets gardeners add plants from a photo.", {"gardener"}),
        # No one is named: what follows the verb is not a group, or no verb follows the group.
        ("Furrow is a tool that helps reduce costs for every farm.", set()),
        ("Furrow enables faster decisions across clinics.", set()),
        # The help of a role, not of the product.
        ("Support agents help clinics add a rota.", set()),
    ],
)
def test_the_people_the_product_helps_do_something_use_it(vocabulary, sentence: str, helped: set) -> None:
    roles = draft_after(vocabulary, f"# Furrow\n\n{sentence}\n", ("people-helped",)).roles
    assert set(roles) == helped
    for role in roles.values():
        assert [(e.cls, e.kind, e.rank) for e in role.evidence] == [(USER, PRIMARY, Rank.ACTION)]


def test_a_sentence_under_who_is_it_for_declares_the_group_it_opens_with(vocabulary) -> None:
    source = (
        "# Brandlab\n\n## Who is it for? (1 sentence)\n\n"
        "Business owners who already think in customer avatars, and want a system that turns them into ads.\n"
    )
    draft = draft_after(vocabulary, source, ("declarations",))
    assert set(draft.roles) == {"business owner"}
    assert draft.roles["business owner"].declared


def test_the_collectors_after_the_roles_are_settled_change_no_role_or_declaration(monkeypatch) -> None:
    # The stage drafts the roles, finds which declared ones the vocabulary lacks, and reads the
    # text for them before the rest of the table runs: those collectors must not add or rename a
    # role or change what the document declares.
    import dataclasses
    from pathlib import Path

    from conftest import read_stakeholders
    from prdlint_rules.stakeholders.reading import collectors

    changed, ran = [], []

    def watched(collector):
        def collect(inputs, draft):
            before = {key: role.declared for key, role in draft.roles.items()}
            collector.collect(inputs, draft)
            ran.append(collector.name)
            if {key: role.declared for key, role in draft.roles.items()} != before:
                changed.append(collector.name)

        return dataclasses.replace(collector, collect=collect)

    settled = collectors._SETTLED
    tail = tuple(watched(collector) for collector in COLLECTORS[settled:])
    monkeypatch.setattr(collectors, "COLLECTORS", COLLECTORS[:settled] + tail)
    documents = sorted((Path(__file__).parents[1] / "fixtures").rglob("*.md"))
    for path in documents:
        read_stakeholders(path.read_text(encoding="utf-8"))
    assert len(ran) == len(documents) * len(tail)
    assert changed == []


def test_a_role_keys_class_is_the_same_when_asked_again_and_past_the_kept_ones() -> None:
    fresh = merge_vocabularies(load_registry().vocabularies)
    keys = ["clinic owner", "admin", "gardener", "support engineer", "owner"]
    first = [fresh.classify(key) for key in keys]
    assert first[0] == first[4] and first[0] is not None and first[2] is None
    for number in range(vocabulary_module._ANSWERS_KEPT + 10):  # a long session's new names
        fresh.classify(f"keeper {number}")
    assert len(fresh._answers["class"]) <= vocabulary_module._ANSWERS_KEPT
    assert [fresh.classify(key) for key in keys] == first
    forget_answers()  # as a benchmark's round does, to read as if first
    assert not fresh._answers.get("class")
    assert [fresh.classify(key) for key in keys] == first


def test_answers_per_document_are_the_documents_own_and_hold_no_document_alive() -> None:
    asked: list[str] = []

    @once_per_document
    def first_title(document: Document) -> str:
        asked.append(document.sections[0].title)
        return document.sections[0].title

    one, two = parse_document("# One\n"), parse_document("# Two\n")
    answers = [first_title(one), first_title(one), first_title(two), first_title(one)]
    assert answers == ["One", "One", "Two", "One"]
    assert asked == ["One", "Two", "One"]  # worked out again only when another was read between
    held = weakref.ref(one)
    del one
    gc.collect()
    assert held() is None
