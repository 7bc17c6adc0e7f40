"""Ringing up a sale through SaleService, on an in-process till database: what the cashier
is told, what is written, and that each sale is written once with its outbox fact."""

from __future__ import annotations

import asyncio

from pos_app.services.selling import SaleService
from pos_app.store.replica import Replica
from sync.rules.barcode import make_ean13


def barcode(n: int) -> str:
    return make_ean13(f"84{n:010d}")  # SKU n of the built catalog


def said(sales: SaleService) -> list[tuple[str, str]]:
    heard: list[tuple[str, str]] = []
    sales.message.connect(lambda text, level: heard.append((level, text)))
    return heard


def test_a_cash_sale_is_one_transaction_with_its_fact_and_announces_it_once(sales: SaleService, replica: Replica):
    announced: list[None] = []
    replica.fact_recorded = lambda _changed: announced.append(None)
    pending = replica.outbox_summary().pending
    assert sales.scan(barcode(7)) and sales.scan(barcode(7)) and sales.scan(barcode(11))
    assert [line.quantity for line in sales.cart.lines] == [2, 1]
    total = sales.cart.total
    receipt = sales.checkout.pay_cash(100_000)
    assert receipt is not None and receipt.total == total > 0
    assert sales.cart.is_empty
    assert replica.outbox_summary().pending == pending + 1  # the sale's fact, queued with it
    assert len(announced) == 1  # the push is woken once, by the database, not by the service
    stored = replica.conn.execute("SELECT count(*) FROM sales WHERE id = ?", (receipt.sale_id,)).fetchone()[0]
    assert stored == 1


def test_a_malformed_barcode_is_refused_with_its_reason_and_the_cart_is_untouched(sales: SaleService):
    heard = said(sales)
    assert sales.scan(barcode(3))
    good = barcode(5)
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)  # a misread check digit
    assert not sales.scan(bad)
    assert [line.item.sku_id for line in sales.cart.lines] == [3]
    assert heard and heard[-1][0] == "error" and "check digit" in heard[-1][1]


def test_a_parked_cart_comes_back_as_it_was(sales: SaleService):
    assert sales.scan(barcode(21)) and sales.scan(barcode(22)) and sales.scan(barcode(22))
    before = [(line.item.sku_id, line.quantity, line.total) for line in sales.cart.lines]
    parked = sales.holds.park()
    assert parked is not None and sales.cart.is_empty
    assert sales.holds.resume(parked)
    assert [(line.item.sku_id, line.quantity, line.total) for line in sales.cart.lines] == before
    assert sales.holds.parked() == []


def test_the_till_says_once_what_a_sale_changed_and_a_pull_what_it_brought(qapp, catalog_file, tmp_path):
    """One notice of changes (Till.changed): a sale recorded here announces the entities its
    fact changes, marked `here`; what a pull applied comes the same way, not marked."""
    from pos_app.services.changes import Changes
    from pos_app.services.till import Till

    (tmp_path / "till.sqlite").write_bytes(catalog_file.read_bytes())
    till = Till(tmp_path)
    heard: list[Changes] = []
    till.changed.connect(heard.append)
    try:
        ana = next(sid for sid, who, _role in till.session.members() if who == "Ana")
        till.session.sign_in(ana, "1234")
        identity = till.identity
        assert identity is not None
        if till.replica.sales.open_shift_now() is None:
            till.replica.sales.open_shift(identity, ana, 10_000)
        heard.clear()
        assert till.sales.scan(barcode(7))
        assert heard == []  # a cart line is not a change of anything stored
        assert till.sales.checkout.pay_cash() is not None
        assert len(heard) == 1 and heard[0].here and {"sale", "stock"} <= heard[0]
        till._pulled(frozenset({"order"}))
        assert heard[1] == {"order"} and not heard[1].here
    finally:
        asyncio.run(till.aclose())
