"""Ringing up a sale through SaleService, on an in-process till database: what the cashier
is told, what is written, and that each sale is written once with its outbox fact."""

from __future__ import annotations

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
    replica.fact_recorded = lambda: announced.append(None)
    pending = replica.outbox_summary().pending
    assert sales.scan(barcode(7)) and sales.scan(barcode(7)) and sales.scan(barcode(11))
    assert [line.quantity for line in sales.cart.lines] == [2, 1]
    total = sales.cart.total
    receipt = sales.pay_cash(100_000)
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
    parked = sales.park()
    assert parked is not None and sales.cart.is_empty
    assert sales.resume(parked)
    assert [(line.item.sku_id, line.quantity, line.total) for line in sales.cart.lines] == before
    assert sales.parked() == []
