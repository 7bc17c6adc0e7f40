"""After a long outage the till notices the way back within seconds and drains its outbox: its
backoff had grown to a minute, but a cheap probe on the backoff's timer finds the server."""

from __future__ import annotations

import asyncio

import sqlalchemy as sa

from sync.server import schema as t
from tests.tills import FaultyTransport, engine_for, ready_till, signed_in_sales

SALES = 1000


async def until(condition, timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


def test_after_an_outage_the_first_push_is_within_5_s_and_1000_events_drain_within_10_s(tmp_path, live_server, central):
    replica = ready_till(tmp_path, live_server, central)
    sales = signed_in_sales(replica)
    barcode = replica.conn.execute(
        "SELECT b.code FROM barcodes b JOIN skus s ON s.id = b.sku_id WHERE s.unit = 'each' AND length(b.code) = 13"
    ).fetchone()[0]
    for _ in range(SALES):  # a busy morning with the line cut
        assert sales.scan(barcode)
        assert sales.checkout.pay_cash() is not None
    waiting = replica.outbox_summary().pending
    assert waiting >= SALES
    identity = replica.identity()
    assert identity is not None
    network = {"down": True}
    transport = FaultyTransport(lambda _request, _n: "drop_request" if network["down"] else None)

    def answered(path: str) -> bool:
        return any(p == path and action is None for _method, p, action in transport.log)

    async def outage_and_return() -> tuple[float, float]:
        engine = engine_for(replica.path, identity, transport=transport, interval=15.0)
        for backoff in engine.backoff.values():  # hours offline: each retry waits its cap, a minute
            backoff.next_delay = lambda: 60.0  # type: ignore[method-assign]
        loop = asyncio.get_running_loop()
        engine.start()
        try:
            # both loops failed and are backing off for a minute; the probes fail too
            await until(lambda: sum(1 for *_, action in transport.log if action == "drop_request") >= 4, 30)
            healed = loop.time()
            network["down"] = False
            await until(lambda: answered("/sync/push"), 30)
            first_push = loop.time() - healed
            await until(lambda: replica.outbox_summary().pending == 0, 60)
            return first_push, loop.time() - healed
        finally:
            await engine.aclose()
            engine.local.close()  # type: ignore[attr-defined]

    first_push, drained = asyncio.run(outage_and_return())
    assert first_push <= 5.0, f"the first push came {first_push:.1f} s after the network returned"
    assert drained <= 10.0, f"{waiting} events took {drained:.1f} s to drain"
    with central.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.sales)).scalar() == SALES
