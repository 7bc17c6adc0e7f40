"""PINs, lockout, approval limits, cash rounding, refunds and weighed barcodes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pos_app.domain.cart import Tender
from pos_app.domain.payment import Payment, refund_plan
from sync.rules.barcode import DEFAULT_LAYOUT, embedded_value, make_ean13, normalise, parse_layout
from sync.rules.staff import (
    LOCKOUT,
    Attempts,
    LockedOut,
    Role,
    StaffMember,
    WrongPin,
    check_pin,
    hash_pin,
    verify_pin,
)

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def test_pin_is_stored_hashed_and_salted():
    stored = hash_pin("1234")
    assert "1234" not in stored
    assert verify_pin("1234", stored) and not verify_pin("4321", stored)
    assert hash_pin("1234") != stored  # another salt
    assert not verify_pin("1234", "garbage")


def test_three_wrong_pins_lock_the_member_out_for_a_while():
    stored = hash_pin("1234", iterations=1000)
    attempts = Attempts()
    for left in (2, 1):
        with pytest.raises(WrongPin, match=f"{left} attempt"):
            check_pin("0000", stored, attempts, NOW)
        try:
            check_pin("0000", stored, attempts, NOW)
        except WrongPin as exc:
            attempts = exc.attempts
    with pytest.raises(LockedOut) as locked:
        check_pin("0000", stored, attempts, NOW)
    attempts = locked.value.attempts
    with pytest.raises(LockedOut):
        check_pin("1234", stored, attempts, NOW + timedelta(minutes=1))  # even the right PIN
    assert check_pin("1234", stored, attempts, NOW + LOCKOUT) == Attempts()


def test_discount_limit_of_a_role():
    cashier = StaffMember(1, "Ana", Role.from_row("cashier", "Cajera", "cash.in_out", 1000))
    manager = StaffMember(2, "Luis", Role.from_row("manager", "Encargado", "discount.over_limit,approve", 0))
    assert cashier.may_discount(100, 1000) and not cashier.may_discount(101, 1000)
    assert manager.may_discount(1000, 1000)
    assert not cashier.may("approve")


def test_cash_rounding_to_five_cents_when_cash_settles():
    payment = Payment(1247, cash_step=5)
    assert payment.cash_due() == 1245
    tender = payment.add_cash(2000)
    assert tender.change == 755 and payment.rounding == -2 and payment.is_settled
    split = Payment(1248, cash_step=5)
    split.add_card(1000, "A")
    split.add_cash()
    assert split.rounding == 2 and split.paid == 1250  # 2.48 left rounds to 2.50


def test_refund_goes_back_card_first_then_cash():
    original = [Tender("cash", 2000, 500), Tender("card", 1000, reference="A")]
    assert refund_plan(-1800, original) == [("card", -1000), ("cash", -800)]
    assert refund_plan(-500, original) == [("card", -500)]
    assert refund_plan(-500, []) == [("cash", -500)]


def test_weighed_and_price_embedded_barcodes():
    rules = parse_layout(DEFAULT_LAYOUT)
    weighed = embedded_value(normalise(make_ean13("210010101234")), rules)
    assert weighed is not None
    assert (weighed.kind, weighed.value, weighed.base_code) == ("weight", 1234, make_ean13("210010100000"))
    priced = embedded_value(normalise(make_ean13("250020300995")), rules)
    assert priced is not None and (priced.kind, priced.value) == ("price", 995)
    assert embedded_value(normalise(make_ean13("840000000001")), rules) is None
    assert embedded_value(normalise(make_ean13("210010100000")), rules) is None  # the base code itself
    with pytest.raises(ValueError):
        parse_layout("2:volume:5")
