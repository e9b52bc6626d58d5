"""Business signals: what a document says about price, payers, market and research."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import prepared_stakeholders, read_stakeholders
from prdlint_rules.stakeholders.reading.anchors import Anchors, pattern_anchor, text_words
from prdlint_rules.stakeholders.reading.business import _DIGIT, _RATE, token_pattern
from prdlint_rules.stakeholders.reading.model import BusinessModel
from prdlint_rules.stakeholders.reading.signals import (
    AMOUNT,
    CUSTOMER_RESEARCH,
    INVITATIONS,
    ORGANISATIONS,
    PRICE,
    PURCHASE_FACTORS,
    STATED_RATE,
    USER_RESEARCH,
    USERS_PAY,
)


def business(source: str) -> BusinessModel:
    return read_stakeholders(source).business


def texts(source: str, category: str) -> list[str]:
    return [signal.text for signal in business(source).mentioned(category)]


def stated(source: str, category: str) -> list[str]:
    return [signal.text for signal in business(source).stated(category)]


def test_a_free_trial_says_the_users_pay() -> None:
    assert texts("# App\n\nA 14-day free trial, then a paid plan.\n", USERS_PAY) == ["free trial"]


def test_prices_per_period_or_seat_are_the_products_price_but_hourly_goods_are_not() -> None:
    source = (
        "# App\n\nIt costs $4 per staff member per month or $12 per seat. A kayak rents for $40 an hour.\n"
    )
    assert texts(source, PRICE) == ["$4 per staff member per month", "$12 per seat"]


def test_a_heading_about_pricing_is_a_purchase_factor_but_a_pricing_feature_is_not() -> None:
    assert texts("# App\n\n## Pricing & plans\n\nSee below.\n", PURCHASE_FACTORS) == ["Pricing & plans"]
    assert texts("# App\n\n## Dynamic pricing\n\nSurge by demand.\n", PURCHASE_FACTORS) == []


def test_signals_under_non_goals_or_negated_are_kept_but_deferred() -> None:
    source = (
        "# App\n\nA multi-tenant platform.\n\nThis is not a multi-tenant SaaS product.\n\n"
        "## Non-goals\n\n- Changing pricing or team seats.\n"
    )
    assert texts(source, ORGANISATIONS) == ["multi-tenant", "multi-tenant", "team seats"]
    assert stated(source, ORGANISATIONS) == ["multi-tenant"]
    assert texts(source, PURCHASE_FACTORS) == ["pricing"]


def test_research_under_a_metrics_heading_is_marked_as_metrics() -> None:
    source = "# App\n\n## Validation\n\nUsability tests.\n\n## Success metrics\n\nPaid conversion rises.\n"
    model = business(source)
    assert [(s.text, s.in_metrics) for s in model.mentioned(USER_RESEARCH)] == [("Usability tests", False)]
    assert [(s.text, s.in_metrics) for s in model.mentioned(CUSTOMER_RESEARCH)] == [("Paid conversion", True)]


def test_invitations_and_gifts_reach_other_people() -> None:
    source = "# App\n\nHosts invite friends; guests redeem gift cards.\n"
    assert texts(source, INVITATIONS) == ["invite", "gift cards"]


def test_config_adds_phrases_to_a_signal() -> None:
    vocabulary = {"purchase-factors": ["per-clinic fee"]}
    model = read_stakeholders("# App\n\nA per-clinic fee applies.\n", vocabulary).business
    assert [signal.text for signal in model.mentioned(PURCHASE_FACTORS)] == ["per-clinic fee"]


def test_a_negation_reaches_over_a_list_of_short_items_but_not_past_a_clause() -> None:
    source = (
        "# App\n\nRevenue comes from subscriptions. There are no transaction fees, marketplace "
        "commissions, or advertising.\n\nUnlike commission-based platforms, it sells leads.\n\n"
        "It charges no setup fee, and partners earn a commission on every referred sale today.\n"
    )
    signals = business(source).mentioned("revenue-commission") + business(source).mentioned(
        "revenue-advertising"
    )
    assert sorted((s.text, s.negated) for s in signals) == [
        ("advertising", True),
        ("commission", False),
        ("commission", True),
        ("commissions", True),
        ("transaction fees", True),
    ]


def test_what_each_transaction_costs_is_a_purchase_factor_but_a_fee_field_is_not() -> None:
    source = (
        "# App\n\nMerchants pay a fee of 1% of each payout. Sellers are charged a small commission. "
        "A 2% surcharge applies abroad.\n\n- The invoice shows the fee field.\n"
    )
    found = texts(source, PURCHASE_FACTORS)
    assert {"fee of 1", "pay a fee", "charged a small commission", "2% surcharge"} <= set(found)
    assert not [text for text in found if "field" in text or text == "fee"]


@pytest.mark.parametrize(
    ("pattern", "anchor"),
    [
        # The required word with the fewest alternatives, past optional and common words.
        ("issue|issues|handle a|the? refund|refunds", {"refund", "refunds"}),
        ("a|an|one|each banner|display? ad|ads", {"ad", "ads"}),
        ("# % of each|every order|orders", {"%"}),
        # Nothing a block must hold: every block is matched.
        ("# *", None),
    ],
)
def test_a_pattern_is_tried_only_where_its_anchor_word_is(pattern: str, anchor: set | None) -> None:
    assert pattern_anchor(token_pattern(pattern)) == (None if anchor is None else frozenset(anchor))


def test_amounts_and_rates_are_read_from_the_texts_shape() -> None:
    source = "# Crate\n\n## Pricing\n\nShops pay 9,90€ a month and a 1%-10% fee on every sale.\n"
    assert texts(source, AMOUNT) == ["9,90€"]
    assert texts(source, STATED_RATE) == ["1%-10% fee"]


def test_anchor_words_are_found_as_words_and_others_as_text() -> None:
    anchors = Anchors({"ad", "free→premium", "%"})
    assert not anchors.in_text(text_words("add a column"))
    assert anchors.in_text(text_words("an ad-hoc report"))
    assert anchors.in_text(text_words("users go free→premium after a week"))
    assert anchors.in_text(text_words("a 5% fee"))
    assert not Anchors(set()).in_text(text_words("anything at all"))


@pytest.mark.parametrize("name", ["amount", "rate", "price per period"])
def test_every_amount_rate_and_price_holds_a_digit(name: str) -> None:
    # Blocks without a digit are not searched for them: the patterns must not match without one.
    finder = prepared_stakeholders().signals
    pattern = {"amount": finder.amount, "rate": _RATE, "price per period": finder.price_per_period}[name]

    @settings(max_examples=200, deadline=None)
    @given(st.from_regex(pattern))
    def holds_a_digit(text: str) -> None:
        assert _DIGIT.search(text), f"{text!r} is an {name} without a digit"

    holds_a_digit()
