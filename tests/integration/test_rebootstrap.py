"""The change log is pruned, and a till that was away longer than it keeps loads a snapshot
instead: built beside its database, so it keeps selling while the snapshot arrives, and its
unsent sales (made before and during the reload) reach HQ exactly once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import sqlalchemy as sa

from sync.server import changelog
from sync.server import schema as t
from sync.server.catalog import add_price_entries
from sync.server.store import CentralStore
from tests.tills import engine_for, ready_till, signed_in_sales, sync


class HeldSnapshot(httpx.AsyncBaseTransport):
    """The real server over HTTP; the snapshot's body stops after its first `lines` lines until
    `go` is set (a slow line, a big catalog), and `held` says it is waiting there."""

    def __init__(self, lines: int) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.lines = lines
        self.held = asyncio.Event()
        self.go = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if request.url.path != "/sync/snapshot":
            return response
        body = (await response.aread()).splitlines(keepends=True)
        assert len(body) > self.lines + 1, "the snapshot is too short to hold it midway"

        async def stream() -> AsyncIterator[bytes]:
            for n, line in enumerate(body):
                if n == self.lines:
                    self.held.set()
                    await self.go.wait()
                yield line

        return httpx.Response(
            response.status_code,
            headers={"content-type": response.headers["content-type"]},
            content=stream(),
            request=request,
        )

    async def aclose(self) -> None:
        await self.inner.aclose()


def server_sales(central: CentralStore) -> list[str]:
    with central.engine.connect() as conn:
        return [str(s) for s in conn.execute(sa.select(t.sales.c.id).order_by(t.sales.c.id)).scalars()]


def test_the_log_is_pruned_and_only_a_till_behind_it_is_sent_to_a_snapshot(live_server, central):
    with central.engine.connect() as conn:
        before = changelog.head_seq(conn)
    add_price_entries(central, "TIENDA", [("S0000001", 1111), ("S0000002", 2222), ("S0000003", 3333)])
    noted = datetime.now(UTC) + timedelta(hours=2)  # (the server noted its head when it started)
    assert central.prune_changes(30, now=noted) == 0  # notes where the log stands; nothing is 30 days old
    later = noted + timedelta(days=31)
    removed = central.prune_changes(30, now=later, batch=2)  # in batches of two, each with its floor
    with central.engine.connect() as conn:
        head = changelog.head_seq(conn)
        left = list(conn.execute(sa.select(t.change_log.c.seq)).scalars())
    assert removed > 0 and left == [head]  # all but the head, which new tills start from
    assert central.prune_changes(30, now=later) == 0  # nothing more to do
    assert before < head


def test_a_till_behind_the_pruned_log_reloads_while_it_keeps_selling(tmp_path: Path, live_server, central):
    replica = ready_till(tmp_path, live_server, central)
    identity = replica.identity()
    assert identity is not None
    sales = signed_in_sales(replica)
    barcode = replica.conn.execute(
        "SELECT b.code FROM barcodes b JOIN skus s ON s.id = b.sku_id WHERE s.unit = 'each' AND length(b.code) = 13"
    ).fetchone()[0]
    assert sales.scan(barcode) and (offline := sales.checkout.pay_cash()) is not None  # sold while the line was down
    cursor = replica.cursor()
    assert cursor is not None

    # Meanwhile, for longer than HQ keeps its changes: new prices, and the log pruned past the till.
    add_price_entries(central, "TIENDA", [("S0000001", 1111), ("S0000002", 2222)])
    noted = datetime.now(UTC) + timedelta(hours=2)  # (the server noted its head when it started)
    central.prune_changes(30, now=noted)
    assert central.prune_changes(30, now=noted + timedelta(days=31)) > 0
    with central.engine.connect() as conn:
        head = changelog.head_seq(conn)
    gone = httpx.get(
        f"{live_server.url}/sync/changes",
        params={"since": cursor},
        headers={"Authorization": f"Bearer {identity.token}"},
    )
    assert gone.status_code == 410, gone.text  # the changes it missed are no longer there

    # A checkout must not wait on the reload: the till's database answers within 200 ms or fails.
    replica.conn.execute("PRAGMA busy_timeout=200")
    transport = HeldSnapshot(lines=6)

    async def back_online() -> tuple[object, int]:
        engine = engine_for(replica.path, identity, transport=transport)
        try:
            pulling = asyncio.ensure_future(engine.pull_once())  # 410, then the snapshot
            await asyncio.wait_for(transport.held.wait(), 60)
            assert Path(f"{replica.path}.snapshot").exists()  # the snapshot is being built aside
            assert sales.scan(barcode)
            during = sales.checkout.pay_cash()  # a customer at the counter while the catalog reloads
            transport.go.set()
            loaded = await asyncio.wait_for(pulling, 60)
            return during, loaded
        finally:
            await engine.aclose()
            engine.local.close()  # type: ignore[attr-defined]

    during, loaded = asyncio.run(back_online())
    assert during is not None, "the checkout waited on the snapshot"
    assert loaded > 0
    assert replica.cursor() == head
    assert not Path(f"{replica.path}.snapshot").exists()
    price = replica.conn.execute(
        "SELECT p.price_cents FROM prices p JOIN skus s ON s.id = p.sku_id WHERE s.code = 'S0000001' "
        "ORDER BY p.id DESC LIMIT 1"
    ).fetchone()[0]
    assert price == 1111  # HQ's new price, which came only in the snapshot
    assert replica.outbox_summary().pending >= 2  # both sales still waiting: nothing unsent was lost

    sync(replica)
    sync(replica)  # and once more: nothing is sent twice
    ids = server_sales(central)
    assert ids.count(offline.sale_id) == 1 and ids.count(during.sale_id) == 1  # type: ignore[attr-defined]
    assert replica.outbox_summary().pending == 0
    replica.close()


def test_hq_prunes_by_hand_from_the_command_line(tmp_path, capsys):
    from sync.server.__main__ import main

    db = str(tmp_path / "hq.sqlite")
    assert main(["--db", db, "create-store", "MAD1", "Madrid Centro"]) == 0
    assert main(["--db", db, "create-store", "BCN1", "Barcelona"]) == 0
    assert main(["--db", db, "prune-changes", "--days", "0"]) == 0  # notes the head; nothing older yet
    assert "0 changes older than 0 days removed" in capsys.readouterr().out
    central = CentralStore.open(f"sqlite:///{db}")
    later = datetime.now(UTC) + timedelta(hours=2)
    assert central.prune_changes(0, now=later) >= 1  # the first store's change; the head stays
    with central.engine.connect() as conn:
        assert list(conn.execute(sa.select(t.change_log.c.seq)).scalars()) == [changelog.head_seq(conn)]
    central.dispose()
