"""Test helpers: tills enrolled against a live server, and transports that misbehave on purpose."""

from __future__ import annotations

import asyncio
import ssl
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from pos_app.services.selling import SaleService
from pos_app.services.session import StaffSession
from pos_app.store.replica import Identity, Replica
from sync.client.engine import SyncEngine, enrol
from sync.server import schema as t
from sync.server.store import CentralStore

# One TLS context for every test client of a plain-HTTP server: each new one loads the system's
# CA bundle (36 ms here), which was a third of the fault harness's time. Tests of HTTPS pass their own.
TLS = ssl.create_default_context()


async def enrol_till(
    replica: Replica, server_url: str, central: CentralStore, store: str = "MAD1", till: str = "T1"
) -> Identity:
    _, code = central.create_till(store, till, f"Caja {till}")
    answer = await enrol(server_url, code, replica.instance_id, verify=TLS)
    identity = Identity.from_enrolment(answer, server_url)
    replica.save_identity(identity)
    return identity


def engine_for(
    path: Path, identity: Identity, transport: httpx.AsyncBaseTransport | None = None, **kwargs: object
) -> SyncEngine:
    kwargs.setdefault("verify", TLS)
    return SyncEngine(
        identity.server_url, identity.token, Replica.open(path, busy_timeout_ms=60_000), transport=transport, **kwargs
    )  # type: ignore[arg-type]


def load_catalog(path: Path, identity: Identity, timeout: float = 60.0) -> None:
    """Give an enrolled till its catalog (a first pull, i.e. the snapshot), on a loop of its own."""

    async def load() -> None:
        engine = engine_for(path, identity, timeout=timeout)
        try:
            await engine.pull_once()
        finally:
            await engine.aclose()
            engine.local.close()

    asyncio.run(load())


def ready_till(
    tmp_path: Path, live_server: object, central: CentralStore, till: str = "T1", store: str = "MAD1"
) -> Replica:
    """A till enrolled at the live server, its catalog loaded, on a real SQLite file."""
    path = tmp_path / f"{till}.sqlite"
    replica = Replica.open(path)
    identity = asyncio.run(enrol_till(replica, live_server.url, central, store=store, till=till))  # type: ignore[attr-defined]
    load_catalog(path, identity)
    return replica


def ready_till_folder(
    tmp_path: Path, live_server: object, central: CentralStore, till: str = "T1", store: str = "MAD1"
) -> Path:
    """A till as the app keeps it: `till/till.sqlite` beside its `till.token`, enrolled, loaded."""
    ready_till(tmp_path, live_server, central, till=till, store=store).close()
    folder = tmp_path / "till"
    folder.mkdir()
    for suffix in (".sqlite", ".token"):
        (tmp_path / f"{till}{suffix}").rename(folder / f"till{suffix}")
    return folder


def sync(replica: Replica) -> None:
    """Push everything, then pull: what a till does when the network is back."""

    async def run() -> None:
        identity = replica.identity()
        assert identity is not None
        engine = engine_for(replica.path, identity)
        try:
            await engine.push_once()
            await engine.pull_once()
        finally:
            await engine.aclose()
            engine.local.close()

    asyncio.run(run())


def change_log_after(central: CentralStore, start: int) -> list[int]:
    """Every change-log position after `start`, in order (what a puller should have seen)."""
    with central.engine.connect() as conn:
        return list(
            conn.execute(
                sa.select(t.change_log.c.seq).where(t.change_log.c.seq > start).order_by(t.change_log.c.seq)
            ).scalars()
        )


class FaultyTransport(httpx.AsyncBaseTransport):
    """A real HTTP transport with faults injected by a rule that sees each request.

    rule(request, n) returns None to pass the request through, "drop_request" to fail before
    sending, "drop_response" to send it (the server commits) and then lose the answer,
    "timeout" to behave like a read timeout after sending, or bytes to replace the body
    of the answer with garbage.
    """

    def __init__(self, rule: Callable[[httpx.Request, int], object]) -> None:
        self.inner = httpx.AsyncHTTPTransport(verify=TLS)
        self.rule = rule
        self.count = 0
        self.log: list[tuple[str, str, object]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        action = self.rule(request, self.count)
        self.log.append((request.method, request.url.path, action))
        return await self.deliver(request, action)

    async def deliver(self, request: httpx.Request, action: object) -> httpx.Response:
        """Send `request` to the real server, then do to it what `action` says."""
        if action == "drop_request":
            raise httpx.ConnectError("injected: request dropped", request=request)
        response = await self.inner.handle_async_request(request)
        await response.aread()
        if action == "drop_response":
            raise httpx.ReadError("injected: response lost after the server committed", request=request)
        if action == "timeout":
            raise httpx.ReadTimeout("injected: no answer in time", request=request)
        if isinstance(action, bytes):
            return httpx.Response(
                response.status_code, headers={"content-type": "application/json"}, content=action, request=request
            )
        return httpx.Response(response.status_code, headers=response.headers, content=response.content, request=request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def sale_event(  # a sale.completed event as a till would push it, as JSON
    store_id: int, sku_id: int = 1, qty: int = 2, price: int = 1000, number: int = 1, **over
) -> dict:
    payload = {
        "sale_id": str(uuid.uuid4()),
        "store_id": store_id,
        "till_code": "T1",
        "series": "MAD1-T1",
        "number": number,
        "created_at": datetime.now(UTC).isoformat(),
        "lines": [
            {
                "sku_id": sku_id,
                "sku_code": f"S{sku_id:07d}",
                "name": "x",
                "quantity": qty,
                "unit_price": price,
                "line_total": qty * price,
                "tax_rate_bp": 2100,
            }
        ],
        "payments": [{"method": "card", "amount": qty * price, "change": 0}],
        "total": qty * price,
        "journal_hash": "a" * 64,
    }
    payload.update(over)
    return {
        "event_id": str(uuid.uuid4()),
        "device_seq": number,
        "type": "sale.completed",
        "created_at": datetime.now(UTC).isoformat(),
        "payload": payload,
    }


# Sale services the helpers made during the running test: their receipt printers' threads are
# stopped after it (tests/conftest.py), as the till stops its own when it closes.
OPEN_SALES: list[SaleService] = []


def close_sales() -> None:
    while OPEN_SALES:
        OPEN_SALES.pop().printer.close()


def signed_in_sales(
    replica: Replica, name: str = "Ana", pin: str = "1234", float_cents: int = 10_000, **service: Any
) -> SaleService:
    """A sale service with `name` signed in and a shift open (as a cashier starts the day);
    `service`: the SaleService's own arguments (printer, terminal, settings)."""
    session = StaffSession(replica)
    staff_id = next(sid for sid, who, _role in session.members() if who == name)
    session.sign_in(staff_id, pin)
    identity = replica.identity()
    if replica.sales.open_shift_now() is None and identity is not None:
        replica.sales.open_shift(identity, staff_id, float_cents)
    sales = SaleService(replica, session, **service)
    OPEN_SALES.append(sales)
    return sales
