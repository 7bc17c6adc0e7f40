"""The spine: sales rung up with the network unplugged reach the server exactly once."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from pos_app.services.selling import SaleService
from pos_app.store.replica import Replica
from sync.client.engine import SyncError, SyncStatus
from sync.server import schema as t
from tests.tills import FaultyTransport, engine_for, enrol_till, signed_in_sales

BARCODES = ["8400000000017", "8400000000024", "8400000000031"]


def ring_up(sales: SaleService, codes: list[str], cash: int = 50_000) -> None:
    for code in codes:
        assert sales.scan(code), code
    assert sales.checkout.pay_cash(cash) is not None


def server_sales(central) -> list[str]:
    with central.engine.connect() as conn:
        return [r[0] for r in conn.execute(sa.select(t.sales.c.id))]


def test_sales_made_offline_reach_server_once_even_when_a_push_answer_is_lost(qapp, tmp_path, live_server, central):
    path = tmp_path / "till.sqlite"
    replica = Replica.open(path)
    identity = asyncio.run(enrol_till(replica, live_server.url, central))

    first_push_lost = {"done": False, "armed": False}

    def lose_first_push_answer(request, _n):
        # The first push that reaches a running server commits there, and its answer is lost.
        armed = first_push_lost["armed"] and not first_push_lost["done"]
        if request.url.path == "/sync/push" and live_server.proc is not None and armed:
            first_push_lost["done"] = True
            return "drop_response"
        return None

    transport = FaultyTransport(lose_first_push_answer)

    async def scenario() -> None:
        engine = engine_for(path, identity, transport=transport, push_batch=2)
        try:
            await engine.pull_once()  # bootstrap while the network is there
            stock_before = {sku: replica.stock_on_hand(identity.store_id, sku) for sku in (1, 2, 3)}
            server_stock_before = {sku: central.stock_level(identity.store_id, sku) for sku in (1, 2, 3)}

            sales = signed_in_sales(replica)  # the cashier signs in and opens the shift (a fact too)
            await engine.push_once()
            live_server.down_but_bound()  # the network goes away
            ring_up(sales, BARCODES)
            ring_up(sales, BARCODES[:1] * 3)
            ring_up(sales, BARCODES[1:2])
            with pytest.raises(SyncError):
                await engine.push_once()
            assert replica.outbox_summary().pending == 3
            # Stock on the till already shows the offline sales.
            assert replica.stock_on_hand(identity.store_id, 1) == stock_before[1] - 4

            first_push_lost["armed"] = True
            live_server.start()  # the network comes back
            with pytest.raises(SyncError, match="no connection"):
                await engine.push_once()  # the server commits the first batch, its answer is lost
            assert len(server_sales(central)) == 2
            assert replica.outbox_summary().pending == 3

            await engine.push_once()  # retried: the first two answer "duplicate", the last "applied"
            await engine.pull_once()
        finally:
            await engine.aclose()
            engine.local.close()

        local_ids = [r[0] for r in replica.conn.execute("SELECT id FROM sales ORDER BY number")]
        assert sorted(server_sales(central)) == sorted(local_ids)
        assert len(set(server_sales(central))) == 3
        statuses = dict(replica.conn.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status").fetchall())
        assert statuses == {"duplicate": 2, "applied": 2}  # the shift's opening, then the last sale
        assert replica.outbox_summary().pending == 0
        with central.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(t.events)).scalar_one() == 4
        # Stock moved once per unit sold, on the server and on the till alike.
        assert central.stock_level(identity.store_id, 1) == server_stock_before[1] - 4
        assert central.stock_level(identity.store_id, 2) == server_stock_before[2] - 2
        for sku in (1, 2, 3):
            assert replica.stock_on_hand(identity.store_id, sku) == central.stock_level(identity.store_id, sku)

    asyncio.run(scenario())
    replica.close()


def test_sync_loop_retries_on_its_own_until_the_outbox_is_empty(qapp, tmp_path, stopped_server, central):
    """Nobody presses a button: the timer-driven loop keeps trying until the server is back."""
    path = tmp_path / "till.sqlite"
    replica = Replica.open(path)
    stopped_server.start()
    identity = asyncio.run(enrol_till(replica, stopped_server.url, central))

    async def scenario() -> None:
        drained = asyncio.Event()
        failures: list[str] = []

        def on_status(status: SyncStatus) -> None:
            if status.online is False and status.last_error:
                failures.append(status.last_error)
                if not stopped_server.proc and len(failures) >= 2:
                    stopped_server.start()  # the network returns after a couple of failed tries
            if status.online and status.pending == 0 and status.cursor is not None and replica.sales_count():
                drained.set()

        engine = engine_for(path, identity, interval=0.2, on_status=on_status)
        try:
            await engine.pull_once()
            stopped_server.down_but_bound()
            sales = signed_in_sales(replica)
            for _ in range(5):
                ring_up(sales, BARCODES[:2])
            engine.start()
            await asyncio.wait_for(drained.wait(), timeout=60)
        finally:
            await engine.aclose()
            engine.local.close()
        assert failures, "the loop should have met the server down at least once"
        assert len(server_sales(central)) == 5

    asyncio.run(scenario())
    assert replica.outbox_summary().pending == 0
    replica.close()
