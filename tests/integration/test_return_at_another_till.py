"""A customer brings back at till 2 what they bought at till 1: till 2 asks HQ for the receipt
(over real HTTP), refunds by its payment methods, and its corrective invoice (R5) names till 1's
receipt as issued; HQ gets the return once, against the original sale. A second return of the
same units elsewhere is refused by what HQ says was already returned. Offline, or for a receipt
HQ does not have, the cashier is told why in a sentence and nothing is recorded."""

from __future__ import annotations

import asyncio
import dataclasses
import json

import sqlalchemy as sa

from sync.rules.barcode import make_ean13
from sync.server import schema as t
from tests.tills import engine_for, ready_till, signed_in_sales, sync

TEE = make_ean13("840000000001")
OIL = make_ean13("840000000072")


def lookup_at(replica, sales, server_url: str | None = None):
    """What the Till does: its sync engine asks HQ (another address: a server that is down)."""
    identity = replica.identity()
    if server_url is not None:
        identity = dataclasses.replace(identity, server_url=server_url)
    engine = engine_for(replica.path, identity)
    sales.returns.receipt_lookup = engine.find_receipt
    return engine


def test_a_receipt_of_till_1_is_returned_at_till_2(tmp_path, live_server, central):
    t1 = ready_till(tmp_path, live_server, central, till="T1")
    t2 = ready_till(tmp_path, live_server, central, till="T2")
    first = signed_in_sales(t1)
    assert first.scan(TEE) and first.scan(TEE) and first.scan(OIL)
    sold = first.checkout.pay_cash(None)
    assert sold is not None
    sync(t1)  # till 1 sends its sale

    second = signed_in_sales(t2)
    said: list[str] = []
    second.message.connect(lambda text, _level: said.append(text))

    async def at_till_2() -> None:
        engine = lookup_at(t2, second)
        try:
            assert second.returns.find_receipt(sold.receipt_no) is None  # not this till's
            found = await second.returns.ask_hq_for_receipt(sold.receipt_no)
            assert not isinstance(found, str), found
            sale_id, lines = found
            assert sale_id == sold.sale_id and [ln.returnable for ln in lines] == [2, 1]
            refund = await second.returns.refund_from_receipt(sale_id, {1: 1})  # one tee back
            assert refund is not None and refund.original_no == sold.receipt_no
            assert refund.total == -sold.lines[0].part(1)
            assert [ln.returnable for ln in t2.sales.returnable_lines(sale_id)] == [1, 1]
            missing = await second.returns.ask_hq_for_receipt("MAD1-T1-999999")
            assert missing == said[-1] and "No receipt MAD1-T1-999999 in the chain" in missing
        finally:
            await engine.aclose()
            engine.local.close()

    asyncio.run(at_till_2())
    # Till 2's corrective invoice names till 1's receipt, issued by the same company.
    record = json.loads(
        t2.conn.execute("SELECT payload FROM outbox WHERE type = 'sale.completed' ORDER BY seq DESC").fetchone()[0]
    )["invoicing_record"]
    assert record["invoice_type"] == "R5"
    assert [c["number"] for c in record["corrects"]] == [sold.receipt_no]
    sync(t2)
    with central.engine.connect() as conn:
        returns = conn.execute(
            sa.select(t.sales.c.id, t.sales.c.till_id).where(t.sales.c.original_sale_id == sold.sale_id)
        ).all()
    assert len(returns) == 1  # once

    # A third till (say the other store's) sees what till 2 took back: one tee is left.
    t3 = ready_till(tmp_path, live_server, central, till="T3")
    third = signed_in_sales(t3)

    async def at_till_3() -> None:
        engine = lookup_at(t3, third)
        try:
            found = await third.returns.ask_hq_for_receipt(sold.receipt_no)
            assert not isinstance(found, str)
            assert [ln.returnable for ln in found[1]] == [1, 1]
            assert await third.returns.refund_from_receipt(found[0], {1: 2}) is None  # two tees: one too many
        finally:
            await engine.aclose()
            engine.local.close()

    asyncio.run(at_till_3())
    t1.close()
    t2.close()
    t3.close()


def test_offline_the_cashier_is_told_and_nothing_is_recorded(tmp_path, live_server, central):
    t2 = ready_till(tmp_path, live_server, central, till="T2")
    sales = signed_in_sales(t2)

    async def offline() -> str | tuple:
        engine = lookup_at(t2, sales, "http://127.0.0.1:9")  # nothing listens there
        try:
            return await sales.returns.ask_hq_for_receipt("MAD1-T1-000001")
        finally:
            await engine.aclose()
            engine.local.close()

    why = asyncio.run(offline())
    assert isinstance(why, str) and "HQ cannot be reached now" in why
    assert t2.sales_count() == 0
    t2.close()
