from datetime import UTC, datetime, timedelta

import pytest

from pos_app.domain.cart import Cart, CartError, PricedItem, parse_quantity, parse_weight, weighed
from pos_app.domain.payment import Payment, PaymentError
from pos_app.domain.pricing import PriceEntry, resolve_price
from pos_app.domain.receipt import GENESIS_HASH, Receipt, ReceiptLine, journal_hash, render_text

TEE = PricedItem(1, "S1", "Camiseta M Azul", 1299, 2100, "8400000000017")
OIL = PricedItem(2, "S2", "Aceite 1 l", 899, 1000, "8400000000024")
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def test_scanning_the_same_item_twice_adds_to_its_line():
    cart = Cart()
    cart.add(TEE)
    cart.add(TEE)
    cart.add(OIL)
    assert [(ln.item.sku_id, ln.quantity) for ln in cart.lines] == [(1, 2), (2, 1)]
    assert cart.total == 2 * 1299 + 899
    assert cart.item_count == 3


def test_quantity_change_and_removal():
    cart = Cart()
    cart.add(TEE)
    cart.add(OIL)
    cart.set_quantity(0, 3)
    assert cart.total == 3 * 1299 + 899
    cart.remove(1)
    assert cart.total == 3 * 1299
    with pytest.raises(CartError):
        cart.remove(5)


@pytest.mark.parametrize("typed", ["", "abc", "0", "-1", "2.5", "100000"])
def test_non_numeric_or_silly_quantities_are_refused(typed):
    with pytest.raises(CartError):
        parse_quantity(typed)


def test_cart_vat_breakdown_adds_up():
    cart = Cart()
    cart.add(TEE, 3)
    cart.add(OIL)
    taxes = cart.tax_breakdown()
    assert [t.rate_bp for t in taxes] == [2100, 1000]
    assert sum(t.gross for t in taxes) == cart.total


def test_cash_payment_gives_change_and_a_short_amount_is_a_part_payment():
    assert Payment(1250).add_cash(2000).change == 750
    assert Payment(1250).add_cash().change == 0
    part = Payment(1250)
    assert part.add_cash(1000).change == 0
    assert part.remaining == 250 and not part.is_settled
    with pytest.raises(PaymentError):
        part.add_card(300, "X")  # more than is left
    part.add_card(250, "AUTH1")
    assert part.is_settled and part.paid == 1250


def test_a_sales_season_overrides_the_base_price_while_it_lasts():
    base = PriceEntry(1, 1, 1000)
    season = PriceEntry(1, 1, 700, NOW - timedelta(days=1), NOW + timedelta(days=30))
    assert resolve_price([base, season], NOW).price_cents == 700
    assert resolve_price([base, season], NOW + timedelta(days=31)).price_cents == 1000
    assert resolve_price([season], NOW - timedelta(days=2)) is None


def test_the_newest_of_two_entries_starting_together_wins():
    assert (
        resolve_price([PriceEntry(1, 1, 1000, entry_id=1), PriceEntry(1, 1, 900, entry_id=2)], NOW).price_cents == 900
    )


def test_journal_hash_chains_records():
    first = journal_hash(GENESIS_HASH, {"n": 1})
    second = journal_hash(first, {"n": 2})
    assert first != second
    assert journal_hash(GENESIS_HASH, {"n": 1}) == first
    assert journal_hash(GENESIS_HASH, {"n": 2}) != first


def test_receipt_text_shows_total_payments_and_vat_per_rate():
    from pos_app.domain.cart import Tender

    receipt = Receipt(
        "id",
        "MAD1-T1",
        7,
        NOW,
        "Madrid Centro",
        "T1",
        (ReceiptLine(1, "S1", "Camiseta M Azul", 2, 1299, 2100), ReceiptLine(2, "S2", "Aceite 1 l", 1, 899, 1000)),
        (Tender("cash", 5000, 5000 - 3497),),
    )
    text = render_text(receipt)
    assert "MAD1-T1-000007" in text
    assert "34,97 €" in text and "15,03 €" in text  # total and change
    assert "21 %" in text and "10 %" in text
    assert "2 x 12,99" in text


def test_a_typed_weight_is_kilograms_with_up_to_three_decimals():
    assert parse_weight("0,350") == 350
    assert parse_weight("0.35") == 350
    assert parse_weight(" 2 kg") == 2000
    assert parse_weight("1,2") == 1200
    for bad in ("", "abc", "0", "0,0001", "31", "-1", "1,2,3", "350 g"):
        with pytest.raises(CartError) as refused:
            parse_weight(bad)
        assert refused.value.code == "weight.typed"


def test_a_weighed_item_is_priced_for_its_weight_with_its_price_per_kilogram_kept():
    apples = PricedItem(1, "W0001", "Manzana Golden", 249, 400, barcode="2100101000003", unit="kg")
    line = weighed(apples, 1234)
    assert line.unit_price == 307  # 2,49 €/kg x 1,234 kg = 3,07266 € -> 3,07 €
    assert line.price_per_kg == 249 and line.name == "Manzana Golden 1,234 kg"
    assert line.barcode == "2100101000003"  # weighed on the till's scale: the item's own code
    assert weighed(apples, 1234, "2100101012341").barcode == "2100101012341"  # a scale's label


def test_a_parked_line_comes_back_at_todays_price_unless_its_label_carries_one():
    """Parking keeps a line as JSON; resuming it takes today's price from the catalog, except a
    weighed item or a price-embedded label, which keep the price they were sold at; a manual
    discount and who approved it come back as they were."""
    import json
    from dataclasses import replace

    from pos_app.domain.cart import CartLine, ManualDiscount, parked_line, resumed_line

    tee = PricedItem(7, "S7", "Camiseta", 1200, 2100, barcode="8400000000079")
    cheese = PricedItem(9, "W9", "Manchego", 1995, 1000, barcode="2400090003505", unit="kg", price_per_kg=1995)
    by_weight = CartLine(replace(cheese, unit_price=698), 1, weight_g=350)
    discounted = CartLine(tee, 2, manual=ManualDiscount("percent", 1000, approved_by=2))
    kept = [json.loads(json.dumps(parked_line(line))) for line in (discounted, by_weight)]  # as stored
    today_tee, today_cheese = replace(tee, unit_price=1500), replace(cheese, unit_price=2195, price_per_kg=2195)
    back_tee = resumed_line(kept[0], today_tee, keeps_label_price=False)
    back_cheese = resumed_line(kept[1], today_cheese, keeps_label_price=False)
    assert (back_tee.item.unit_price, back_tee.quantity, back_tee.manual) == (1500, 2, discounted.manual)
    assert (back_cheese.item.unit_price, back_cheese.weight_g, back_cheese.item.price_per_kg) == (698, 350, 1995)
    labelled = resumed_line(kept[0], today_tee, keeps_label_price=True)  # a price-embedded label
    assert labelled.item.unit_price == 1200
