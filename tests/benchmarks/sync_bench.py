"""Sync benchmarks against a real server on loopback: `pull`, `backlog`, `ingest`.

pull     HQ changes N prices; an enrolled till pulls and applies them inside a Qt (qasync)
         loop whose 5 ms heartbeat timer measures the longest frame the screen would have had.
backlog  A till rings up N sales with the server down; the server comes back; time until
         every one is acknowledged, then checked on the server: each applied exactly once.
ingest   Server on PostgreSQL with two worker processes; 50 simulated tills ring up 20 sales/s
         each (1,000/s offered) and push as the engine does (whatever is waiting, once the
         previous push is answered). Sales applied per second, and the mean push size.
"""

from __future__ import annotations

import asyncio
import json
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import sqlalchemy as sa

from pos_app.app import freeze_startup_objects
from pos_app.domain.cart import Cart, Tender
from pos_app.store.replica import Identity, Replica
from pos_app.store.till_records import SaleDraft
from sync import protocol as p
from sync.rules.barcode import make_ean13
from sync.server import catalog, demo
from sync.server import schema as t
from sync.server.store import CentralStore
from tests.conftest import LiveServer, drop_postgres_database, postgres_database
from tests.tills import engine_for, enrol_till, load_catalog, sale_event

CATALOG_SKUS = 2000


def _chain(url: str, stores: int) -> None:
    central = CentralStore.open(url)
    demo.generate(central, skus=CATALOG_SKUS, stores=stores, customers=10, seed=1)
    central.dispose()


@contextmanager
def _server_with_till(tmp: Path, name: str) -> Iterator[tuple[str, LiveServer, Path, Identity]]:
    """A demo chain on SQLite served over loopback, and a till enrolled with its catalog loaded
    (setup, not measured). Yields (database url, server, till database, till identity)."""
    url = f"sqlite:///{tmp / f'{name}-server.sqlite'}"
    _chain(url, stores=2)
    server = LiveServer(url)
    server.start()
    try:
        central = CentralStore.open(url)
        path = tmp / f"{name}-till.sqlite"
        replica = Replica.open(path)
        identity = asyncio.run(enrol_till(replica, server.url, central, "MAD1", f"B{uuid.uuid4().hex[:6]}"))
        replica.close()
        central.dispose()
        load_catalog(path, identity)
        yield url, server, path, identity
    finally:
        server.stop()


def bench_backlog(sales: int, tmp: Path) -> dict:
    with _server_with_till(tmp, "backlog") as (url, server, path, identity):
        server.down_but_bound()  # the network goes away; the shop keeps selling
        replica = Replica.open(path)
        rng = random.Random(5)
        sale_ids = []
        for _ in range(sales):
            cart = Cart()
            for _line in range(3):
                item = replica.item_by_barcode(make_ean13(f"84{rng.randrange(1, CATALOG_SKUS + 1):010d}"))
                assert item is not None
                cart.add(item)
            draft = SaleDraft(cart.lines, [Tender("card", cart.total)])
            sale_ids.append(replica.sales.record_sale(identity, draft).sale_id)  # type: ignore[arg-type]
        assert replica.outbox_summary().pending == sales
        replica.close()
        server.start()  # the network is back

        async def drain() -> float:
            engine = engine_for(path, identity, timeout=60)
            try:
                start = time.perf_counter()
                await engine.push_once()
                return time.perf_counter() - start
            finally:
                await engine.aclose()
                engine.local.close()

        seconds = asyncio.run(drain())
    replica = Replica.open(path)
    pending = replica.outbox_summary().pending
    replica.close()
    central = CentralStore.open(url)
    with central.engine.connect() as conn:
        applied = conn.execute(
            sa.select(sa.func.count()).select_from(t.events).where(t.events.c.status == "applied")
        ).scalar_one()
        on_server = conn.execute(
            sa.select(sa.func.count(sa.distinct(t.sales.c.id))).where(t.sales.c.id.in_(sale_ids))
        ).scalar_one()
    central.dispose()
    assert pending == 0 and applied == sales and on_server == sales, (pending, applied, on_server)
    return {
        "id": "backlog",
        "value": round(seconds, 2),
        "unit": "s",
        "n": sales,
        "p50": round(seconds, 2),
        "p99": round(seconds, 2),
        "per_s": round(sales / seconds, 1),
        "exactly_once": True,
    }


def bench_ingest(tills: int, sales_per_till: int, workers: int = 2, rate_per_till: float = 20.0) -> dict:
    """50 tills ring up sales at `rate_per_till` each (1,000/s offered by default) and push as the
    sync engine does: everything waiting, as soon as the previous push is answered. If the
    server keeps up, pushes carry one sale; if not, sales queue at the tills and go in larger
    batches. The figure is the rate at which sales were applied on the server."""
    url = postgres_database(f"pos_bench_{uuid.uuid4().hex[:10]}")
    if url is None:
        return {"id": "ingest", "value": None, "unit": "per_s", "n": 0, "skipped": "no PostgreSQL at 127.0.0.1:5432"}
    try:
        _chain(url, stores=10)
        central = CentralStore.open(url)
        with central.engine.connect() as conn:
            stores = [(r.code, r.id) for r in conn.execute(sa.select(t.stores.c.code, t.stores.c.id))]
        devices = []
        for n in range(tills):
            code, store_id = stores[n % len(stores)]
            _, enrol_code = central.create_till(code, f"L{n}", f"Load {n}")
            token = central.enrol(p.EnrolRequest(code=enrol_code, instance_id=uuid.uuid4())).token
            devices.append((token, store_id))
        central.dispose()
        rng = random.Random(6)
        events = [
            [
                json.dumps(sale_event(store_id, sku_id=rng.randrange(1, CATALOG_SKUS + 1), qty=1, number=k + 1))
                for k in range(sales_per_till)
            ]
            for _token, store_id in devices
        ]
        server = LiveServer(url, workers=workers)
        server.start()
        batches: list[int] = []
        try:

            async def till(token: str, sales: list[str], start: float) -> int:
                headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
                applied = sent = 0
                async with httpx.AsyncClient(base_url=server.url, timeout=120, headers=headers) as client:
                    await client.get("/health")  # connected before the clock starts
                    await ready.wait()
                    while sent < len(sales):
                        made = min(len(sales), int((time.perf_counter() - start) * rate_per_till) + 1)
                        if made <= sent:  # nothing waiting: the next sale is rung up later
                            await asyncio.sleep((sent + 1) / rate_per_till - (time.perf_counter() - start))
                            continue
                        waiting = sales[sent : min(made, sent + 200)]
                        joined = ",".join(waiting)  # pre-serialised events: the load costs little CPU
                        body = f'{{"instance_id":"{uuid.uuid4()}","events":[{joined}]}}'
                        answer = (await client.post("/sync/push", content=body)).json()
                        applied += sum(r["status"] == "applied" for r in answer["results"])
                        batches.append(len(waiting))
                        sent += len(waiting)
                return applied

            async def run() -> tuple[float, int]:
                start = time.perf_counter() + 0.5  # every till connected and waiting by then
                tasks = [
                    asyncio.create_task(till(token, b, start)) for (token, _), b in zip(devices, events, strict=True)
                ]
                await asyncio.sleep(start - time.perf_counter())
                ready.set()
                counts = await asyncio.gather(*tasks)
                return time.perf_counter() - start, sum(counts)

            ready = asyncio.Event()
            seconds, applied = asyncio.run(run())
        finally:
            server.stop()
        central = CentralStore.open(url)
        with central.engine.connect() as conn:
            on_server = conn.execute(sa.select(sa.func.count()).select_from(t.sales)).scalar_one()
        central.dispose()
    finally:
        drop_postgres_database(url)
    total = tills * sales_per_till
    assert applied == total and on_server == total, (applied, on_server, total)
    rate = total / seconds
    return {
        "id": "ingest",
        "value": round(rate, 1),
        "unit": "per_s",
        "n": total,
        "p50": round(rate, 1),
        "p99": round(rate, 1),
        "tills": tills,
        "workers": workers,
        "offered_per_s": tills * rate_per_till,
        "pushes": len(batches),
        "mean_batch": round(sum(batches) / len(batches), 2),
        "seconds": round(seconds, 2),
    }


def bench_pull(changes: int, tmp: Path) -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pos_app.qt_loop import QtLoop

    with _server_with_till(tmp, "pull") as (url, _server, path, identity):
        central = CentralStore.open(url)
        rng = random.Random(7)
        catalog.add_price_entries(
            central,
            "TIENDA",
            [(f"S{rng.randrange(1, CATALOG_SKUS + 1):07d}", rng.randrange(100, 9999)) for _ in range(changes)],
        )
        central.dispose()

        app = QApplication.instance() or QApplication([])
        loop = QtLoop(app)
        freeze_startup_objects()  # as the till does once its screen is up
        frames: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            frames.append((now - last[0]) * 1000)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(tick)

        async def pull() -> tuple[float, int]:
            engine = engine_for(path, identity, timeout=60)
            try:
                heartbeat.start()
                last[0] = time.perf_counter()
                start = time.perf_counter()
                applied = await engine.pull_once()
                seconds = time.perf_counter() - start
                heartbeat.stop()
                return seconds, applied
            finally:
                await engine.aclose()
                engine.local.close()

        with loop:
            seconds, applied = loop.run_until_complete(pull())
    assert applied >= changes, (applied, changes)
    ordered = sorted(frames)
    return {
        "id": "pull",
        "value": round(seconds, 2),
        "unit": "s",
        "n": applied,
        "p50": round(seconds, 2),
        "p99": round(seconds, 2),
        "frame_p50_ms": round(ordered[len(ordered) // 2], 1) if ordered else None,
        "frame_max_ms": round(ordered[-1], 1) if ordered else None,
        "frames": len(frames),
    }


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as name:
        print(bench_pull(2000, Path(name)))
