"""Concurrent writers on one server store: a till pulling by cursor never skips a change."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from sync import protocol as p
from sync.server import changelog, ingest
from sync.server import schema as t
from sync.server.devices import Device
from sync.server.store import CentralStore
from tests.tills import change_log_after, sale_event


def sale(store_id: int, sku_id: int, number: int) -> p.Event:
    return p.Event.model_validate(sale_event(store_id, sku_id=sku_id, qty=1, price=100, number=number))


def test_a_puller_sees_every_change_while_tills_push_concurrently(server_db):
    central = CentralStore.open(server_db)
    devices = []
    for i, store in enumerate(["MAD1", "BCN1", "MAD1", "BCN1"]):
        till_id, _ = central.create_till(store, f"C{i}", "x")
        with central.engine.connect() as conn:
            store_id = conn.execute(sa.select(t.tills.c.store_id).where(t.tills.c.id == till_id)).scalar_one()
        devices.append(Device(till_id=till_id, store_id=store_id, till_code=f"C{i}", instance_id=None))
    with central.engine.connect() as conn:
        start = changelog.head_seq(conn)

    done = threading.Event()
    seen: list[int] = []
    errors: list[BaseException] = []

    def writer(device: Device) -> None:
        try:
            for n in range(1, 26):
                result = ingest.apply_event(central, device, sale(device.store_id, 1 + n % 5, n))
                assert result.status == "applied"
        except BaseException as exc:
            errors.append(exc)

    def reader() -> None:
        cursor = start
        try:
            while True:
                finished = done.is_set()
                page = central.changes_since(devices[0], cursor, 7)
                seen.extend(c.seq for c in page.changes)
                cursor = page.cursor
                if finished and not page.has_more:
                    return
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(d,)) for d in devices]
    pull = threading.Thread(target=reader)
    pull.start()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    done.set()
    pull.join()
    assert not errors, errors
    every = change_log_after(central, start)
    central.dispose()
    assert len(every) == 4 * 25
    assert seen == every  # nothing skipped, nothing twice, in order
