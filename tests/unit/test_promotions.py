"""Promotions as the shop applies them, and the rule that combines them (promotions.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pos_app.domain.cart import Cart, ManualDiscount, PricedItem
from pos_app.domain.promotions import Promotion
from sync.rules.tax import breakdown

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
TEE = PricedItem(1, "S1", "Camiseta", 1000, 2100, family_ids=(11, 1))
TEE2 = PricedItem(2, "S2", "Camiseta rayas", 1400, 2100, family_ids=(11, 1))
BREAD = PricedItem(3, "S3", "Pan", 150, 400, family_ids=(30,))
OIL = PricedItem(4, "S4", "Aceite", 900, 1000, family_ids=(40,))


def promo(
    pid: int, kind: str, value: int, target: str = "family", ids: tuple[int, ...] = (), **kw: object
) -> Promotion:
    return Promotion(pid, f"P{pid}", f"Promo {pid}", kind, value, target, frozenset(ids), **kw)  # type: ignore[arg-type]


def cart_with(promotions: list[Promotion], *items: tuple[PricedItem, int]) -> Cart:
    cart = Cart(promotions=promotions)
    for item, qty in items:
        cart.add(item, qty)
    return cart


def test_three_for_two_makes_the_cheapest_of_each_three_free():
    cart = cart_with([promo(1, "n_for_m", 0, ids=(30,), buy=3, pay=2)], (BREAD, 7))
    assert cart.discount_total == 2 * 150  # two full groups of three
    assert cart.lines[0].discounts[0].name == "Promo 1"


def test_second_unit_half_price_takes_half_off_the_cheaper_of_each_pair():
    cart = cart_with([promo(2, "second_unit", 5000, ids=(11,))], (TEE, 1), (TEE2, 1))
    assert cart.discount_total == 500
    assert cart.lines[0].discount == 500 and cart.lines[1].discount == 0


def test_family_promotion_covers_subfamilies_and_percent_rounds_per_unit():
    cart = cart_with([promo(3, "percent", 333, ids=(1,))], (TEE, 3))
    assert cart.discount_total == 3 * 33  # 3.33 % of 10.00 is 0.333 -> 0.33 a unit


def test_each_unit_gets_the_best_single_promotion_never_two():
    pct = promo(4, "percent", 1000, ids=(11,))  # 10 % off tees: 1.00 + 1.40
    second = promo(5, "second_unit", 5000, ids=(11,))  # 2nd at 50 %: 5.00 on the cheaper
    cart = cart_with([pct, second], (TEE, 1), (TEE2, 1))
    assert cart.discount_total == 500
    assert [d.name for ln in cart.lines for d in ln.discounts] == ["Promo 5"]


def test_bundle_price_is_spread_over_its_units():
    bundle = promo(6, "bundle", 2000, "sku", (1, 2))
    cart = cart_with([bundle], (TEE, 2), (TEE2, 1))
    assert cart.discount_total == 1000 + 1400 - 2000  # one complete bundle
    assert cart.total == 2000 + 1000


def test_basket_threshold_applies_after_item_promotions_and_keeps_vat_true():
    basket = promo(7, "basket", 500, "basket", min_total=3000)
    pct = promo(8, "percent", 1000, ids=(11,))
    cart = cart_with([basket, pct], (TEE, 3), (OIL, 1))  # 30.00 - 3.00 + 9.00 = 36.00 >= 30
    assert cart.discount_total == 300 + 500
    assert sum(d.amount for ln in cart.lines for d in ln.discounts if d.basket) == 500
    assert sum(t.gross for t in breakdown((ln.item.tax_rate_bp, ln.total) for ln in cart.lines)) == cart.total
    cart.set_quantity(0, 1)  # 10.00 - 1.00 + 9.00 = 18.00: below the threshold now
    assert not any(d.basket for ln in cart.lines for d in ln.discounts)


def test_a_manual_discount_replaces_promotions_on_its_line():
    cart = cart_with([promo(9, "percent", 1000, ids=(11,))], (TEE, 2))
    cart.set_manual(0, ManualDiscount("percent", 2000))
    assert [d.name for d in cart.lines[0].discounts] == ["Descuento 20 %"]
    assert cart.total == 1600


def test_promotion_validity_channel_store_and_tier():
    p = promo(10, "percent", 1000, ids=(1,), valid_from=NOW, valid_to=NOW + timedelta(days=1), store_ids=frozenset({2}))
    assert p.applies_at(NOW, 2)
    assert not p.applies_at(NOW, 3)
    assert not p.applies_at(NOW + timedelta(days=1), 2)
    assert not p.applies_at(NOW, 2, channel="web")
    assert not promo(11, "percent", 1, tier="gold").applies_at(NOW, 1)
