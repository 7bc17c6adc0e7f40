"""A server that answers garbage, times out, or cuts a snapshot: the till keeps what it had."""

from __future__ import annotations

import asyncio

import pytest

from pos_app.store.replica import Replica
from sync.client.engine import SyncError
from sync.protocol import PROTOCOL_VERSION
from sync.server.catalog import add_price_entry
from tests.tills import FaultyTransport, engine_for, enrol_till, signed_in_sales

HEADER = (
    b'{"protocol": %d, "cursor": 5, "store_id": 1, "taken_at": "2026-11-23T10:00:00+00:00", "stock_stores": [1, 2]}\n'
    % PROTOCOL_VERSION
)


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def till(tmp_path, live_server, central):
    path = tmp_path / "till.sqlite"
    replica = Replica.open(path)
    identity = run(enrol_till(replica, live_server.url, central))
    yield path, replica, identity
    replica.close()


async def _with_engine(path, identity, rule, action):
    engine = engine_for(path, identity, transport=FaultyTransport(rule))
    try:
        return await action(engine)
    finally:
        await engine.aclose()
        engine.local.close()


def test_a_cut_snapshot_keeps_nothing_and_the_next_one_loads(till):
    path, replica, identity = till

    def cut(request, n):
        # Keep the header and a few rows, lose the rest (the trailer never arrives).
        return HEADER + b'{"entity":"tax_rate","rows":[["G",2100,"x"]]}\n' if n == 1 else None

    async def action(engine):
        with pytest.raises(SyncError, match="cut short"):
            await engine.pull_once()
        assert replica.cursor() is None
        assert replica.conn.execute("SELECT COUNT(*) FROM tax_rates").fetchone()[0] == 0
        await engine.pull_once()

    run(_with_engine(path, identity, cut, action))
    assert replica.cursor() is not None
    assert replica.item_by_barcode("8400000000017") is not None


def test_a_corrupt_page_of_changes_is_not_applied(till, central):
    path, replica, identity = till
    state = {"corrupt": False}

    def garble(request, _n):
        if request.url.path == "/sync/changes" and state["corrupt"]:
            return (
                b'{"changes": [{"seq": 999999999, "entity": "price", "key": "1", "data": {"id": "x"}}], '
                b'"cursor": 999999999, "has_more": false}'
            )
        return None

    async def action(engine):
        await engine.pull_once()
        cursor = replica.cursor()
        price_before = replica.item_by_barcode("8400000000017").unit_price
        add_price_entry(central, "TIENDA", "S0000001", 1, None, None)
        state["corrupt"] = True
        with pytest.raises(SyncError, match="corrupt"):
            await engine.pull_once()
        assert replica.cursor() == cursor
        assert replica.item_by_barcode("8400000000017").unit_price == price_before
        state["corrupt"] = False
        await engine.pull_once()
        assert replica.cursor() > cursor

    run(_with_engine(path, identity, garble, action))


def test_a_garbled_push_answer_marks_nothing_sent_and_the_retry_is_exactly_once(till, central):
    path, replica, identity = till
    state = {"n": 0}

    def garble_first_push(request, _n):
        if request.url.path == "/sync/push":
            state["n"] += 1
            if state["n"] == 1:
                return b"<html>502 Bad Gateway</html>"
            if state["n"] == 2:
                return "timeout"
        return None

    async def action(engine):
        await engine.pull_once()
        sales = signed_in_sales(replica)  # opening the shift is a fact too
        assert sales.scan("8400000000017")
        assert sales.checkout.pay_cash() is not None
        for _ in range(2):
            with pytest.raises(SyncError):
                await engine.push_once()
            assert replica.outbox_summary().pending == 2
        await engine.push_once()
        assert replica.outbox_summary().pending == 0

    run(_with_engine(path, identity, garble_first_push, action))
    assert central.event_counts() == {"applied": 2}


def test_price_changes_made_at_hq_reach_the_till(till, central):
    path, replica, identity = till

    async def action(engine):
        await engine.pull_once()
        add_price_entry(central, "TIENDA", "S0000002", 123, None, None)
        applied = await engine.pull_once()
        assert applied >= 1

    run(_with_engine(path, identity, lambda _r, _n: None, action))
    assert replica.item_by_barcode("8400000000024").unit_price == 123


@pytest.mark.parametrize(
    "bad",
    [
        b'{"entity":"sku","rows":[[1,1,"S1","x","","",-21,"each",true]]}\n',  # a VAT rate below zero
        b'{"entity":"stock_by_sku","rows":[[1,5,7],[2,5]]}\n',  # a store's figure missing
        b'{"entity":"stock_by_sku","rows":[[1,"five",7]]}\n',  # not a number
    ],
)
def test_a_snapshot_with_a_bad_row_keeps_nothing(till, bad):
    path, replica, identity = till

    def bad_row(request, n):
        if n == 1:
            return HEADER + b'{"entity":"tax_rate","rows":[["G",2100,"x"]]}\n' + bad + b'{"end":true,"rows":2}\n'
        return None

    async def action(engine):
        with pytest.raises(SyncError, match="corrupt snapshot"):
            await engine.pull_once()
        assert replica.cursor() is None
        assert replica.conn.execute("SELECT COUNT(*) FROM tax_rates").fetchone()[0] == 0

    run(_with_engine(path, identity, bad_row, action))
