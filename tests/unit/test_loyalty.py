"""Loyalty rules: identification keys, tiers, earning and spending points (sync/rules/loyalty.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.rules.loyalty import (
    IdentificationError,
    Tier,
    classify,
    lookup_key,
    name_words,
    normalise_email,
    normalise_phone,
    points_earned,
    points_taken_back,
    redeemable_offline,
    return_points,
    rolling_spend,
    sale_points,
    tier_for,
)

NOW = datetime(2026, 11, 23, tzinfo=UTC)
TIERS = [Tier("bronze", "Bronce", 0, 100), Tier("silver", "Plata", 50_000, 150), Tier("gold", "Oro", 150_000, 200)]


@pytest.mark.parametrize("typed", ["612 34 56 78", "+34 612 345 678", "0034612345678", "34612345678"])
def test_a_phone_number_is_one_key_however_it_is_typed(typed):
    assert normalise_phone(typed) == "34612345678"


def test_bad_identifiers_are_explained():
    with pytest.raises(IdentificationError, match="not a phone"):
        normalise_phone("12")
    with pytest.raises(IdentificationError, match="not an e-mail"):
        normalise_email("ana@")
    assert normalise_email("  Ana.Garcia@Example.ES ") == "ana.garcia@example.es"


def test_the_till_stores_a_keyed_hash_not_the_phone():
    secret = b"chain secret"
    key = lookup_key(secret, "phone", "34612345678")
    assert "612345678" not in key and len(key) == 32
    assert key == lookup_key(secret, "phone", normalise_phone("612 345 678"))
    assert key != lookup_key(b"another chain", "phone", "34612345678")
    assert key != lookup_key(secret, "email", "34612345678")


def test_what_was_typed_says_how_to_look_it_up():
    assert classify("LC00001234") == "card"
    assert classify("lt0003000012") == "card"
    assert classify("612 34 56 78") == "phone"
    assert classify("ana@example.es") == "email"
    assert classify("García") == "name"
    assert name_words("María José  GARCÍA-López") == ["maria", "jose", "garcia", "lopez"]


def test_tier_from_rolling_twelve_month_spend_in_every_channel():
    purchases = [(NOW - timedelta(days=400), 200_000), (NOW - timedelta(days=30), 40_000), (NOW, 15_000)]
    spend = rolling_spend(purchases, NOW)
    assert spend == 55_000  # the purchase of 400 days ago no longer counts
    assert tier_for(spend, TIERS).code == "silver"
    assert tier_for(0, TIERS).code == "bronze"
    assert tier_for(10**9, TIERS).code == "gold"


def test_points_on_money_paid_times_the_tier():
    assert points_earned(12_345, TIERS[0]) == 123
    assert points_earned(12_345, TIERS[2]) == 246
    assert points_earned(-500, TIERS[2]) == 0


def test_a_members_sale_earns_on_money_and_spends_its_points():
    # 120.00 € paid: 20.00 € in points (2,000 points), 100.00 € by card, silver (x1.5)
    assert sale_points(10_000, 2_000, TIERS[1], balance=5_000) == (150, 5_000 + 150 - 2_000)
    assert sale_points(10_000, 0, None, balance=40) == (0, 40)  # no tier, no points
    assert sale_points(10_000, 2_000, TIERS[0], balance=5_000, cents_per_point=2) == (100, 5_000 + 100 - 1_000)


def test_a_return_takes_back_its_share_of_points_and_gives_back_points_it_refunds():
    # the sale earned 300 points on 300.00 €; a third comes back, 10.00 € of it refunded in points
    moved, balance = return_points(300, 30_000, 10_000, 0, -1_000, balance=2_000)
    assert (moved, balance) == (-100, 2_000 - 100 + 1_000)
    assert return_points(300, 30_000, 10_000, 250, 0, balance=None) == (-50, None)  # 50 were left to take


@given(points=st.integers(0, 10_000), total=st.integers(1, 10**7), parts=st.lists(st.integers(1, 100), max_size=8))
def test_returns_never_take_back_more_points_than_the_sale_earned(points, total, parts):
    """A sale returned in several parts: each part takes back its share, never more in all."""
    returned = [total * p // max(1, sum(parts)) for p in parts]
    taken = 0
    for amount in returned:
        back = points_taken_back(points, total, amount, already_taken=taken)
        assert back >= 0
        taken += back
    assert taken <= points
    assert points_taken_back(points, total, total) == points
    assert points_taken_back(points, total, total * 2) == points
    assert points_taken_back(points, total, total, already_taken=points) == 0


def test_offline_spending_is_capped_by_confirmed_minus_pending_here():
    assert redeemable_offline(1_000, 300) == 700
    assert redeemable_offline(1_000, 1_200) == 0
    assert redeemable_offline(1_000, -5) == 1_000
