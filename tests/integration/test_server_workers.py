"""Two server processes on one database, over real HTTP: tills push at once through both while
another till pulls in small pages; it sees every change exactly once and in order."""

from __future__ import annotations

import asyncio
import uuid

import httpx

from sync import protocol as p
from sync.server import changelog
from sync.server.store import CentralStore
from tests.conftest import LiveServer
from tests.tills import change_log_after, sale_event


def test_two_workers_keep_one_order_of_changes(server_db):
    central = CentralStore.open(server_db)
    tills = []
    for i, store in enumerate(["MAD1", "BCN1", "MAD1", "BCN1"]):
        _, code = central.create_till(store, f"W{i}", "x")
        tills.append(central.enrol(p.EnrolRequest(code=code, instance_id=uuid.uuid4())))
    with central.engine.connect() as conn:
        start = changelog.head_seq(conn)
    server = LiveServer(server_db, workers=2)
    server.start()
    pids: set[str] = set()

    async def push_all(till, client: httpx.AsyncClient) -> None:
        for n in range(1, 21):
            event = sale_event(till.store_id, sku_id=1 + n % 5, qty=1, price=100, number=n)
            body = {"instance_id": str(uuid.uuid4()), "events": [event]}
            answer = await client.post("/sync/push", json=body, headers={"Authorization": f"Bearer {till.token}"})
            assert answer.json()["results"][0]["status"] == "applied"
            pids.add(answer.headers["X-Server-Pid"])

    async def pull_all(client: httpx.AsyncClient, pushing: asyncio.Future) -> list[int]:
        seen, cursor = [], start
        while True:
            finished = pushing.done()
            page = (
                await client.get(
                    "/sync/changes",
                    params={"since": cursor, "limit": 7},
                    headers={"Authorization": f"Bearer {tills[0].token}"},
                )
            ).json()
            seen += [change["seq"] for change in page["changes"]]
            cursor = page["cursor"]
            if finished and not page["has_more"]:
                return seen

    async def scenario() -> list[int]:
        async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
            pushing = asyncio.gather(*(push_all(till, client) for till in tills))
            seen = await pull_all(client, pushing)
            await pushing
            return seen

    try:
        seen = asyncio.run(scenario())
        for _ in range(20):  # the kernel picks the worker: make sure both really served
            if len(pids) > 1:
                break
            pids.update(httpx.get(f"{server.url}/health").headers["X-Server-Pid"] for _ in range(20))  # new connections
    finally:
        server.stop()
    every = change_log_after(central, start)
    central.dispose()
    assert len(pids) == 2
    assert len(every) == 4 * 20
    assert seen == every  # nothing skipped, nothing twice, in order
