"""The central server's HTTP API (FastAPI).

/enrol                 a till trades its one-time code for a device token
/sync/push             a till's outbox events, answered one by one
/sync/changes          the change log since a cursor, for the scopes the till may see
/sync/snapshot         a consistent snapshot (NDJSON stream) for a new or lost till
/customers/{card}/…    a member's history in every channel, for the till's customer panel
/channel/...           the web shop and customer service: stock to promise, orders, reservations
/admin/...             installer and HQ operations, behind the admin token
"""

# No `from __future__ import annotations`: FastAPI must see the dependencies defined in create_app.

import hmac
import os
import re
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import protocol as p
from sync.server import ingest, orders, receipts
from sync.server import snapshot as snapshots
from sync.server.changelog import SnapshotTooOld
from sync.server.devices import Device, EnrolmentError
from sync.server.gate import KIB, Gate, Rule
from sync.server.settings import ServerSettings
from sync.server.store import CentralStore

Code = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,32}$")]
Name = Annotated[str, Field(min_length=1, max_length=200)]


class NewStore(BaseModel):
    code: Code
    name: Name
    city: Annotated[str, Field(max_length=200)] = ""


class NewTill(BaseModel):
    store_code: Code
    till_code: Code
    name: Name


class Problem(BaseModel):
    """Every refusal: a sentence for the person who can act on it."""

    detail: str


class OrderConflict(Problem):
    """409 on an order: what cannot be promised (`shortages`), or what differs from the order
    placed before under the same reference (`fields`)."""

    shortages: list[orders.Availability] = []
    fields: list[str] = []


_WHY = {
    400: "the request could not be read (its length or body is malformed)",
    401: "missing or wrong token",
    403: "refused: this API or this code is not open to the caller",
    404: "no such thing",
    409: "conflicts with what is there",
    410: "the changes after this cursor are no longer kept: load a snapshot (/sync/snapshot)",
    413: "request body over this endpoint's limit (refused before it is read)",
}


def errors(*codes: int, conflict: type[BaseModel] = Problem) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the refusals an endpoint gives; 400 and 413 come from the gate
    (gate.py) on every endpoint, 422 FastAPI adds where there is input to validate."""
    return {
        code: {"model": conflict if code == 409 else Problem, "description": _WHY[code]}
        for code in sorted({400, 413, *codes})
    }


class ServedBy:
    """Adds `X-Server-Pid` (which worker answered: for logs and support) to every response.

    Plain ASGI rather than `@app.middleware("http")`, which re-streams every body through a
    queue and slowed the 1M-SKU snapshot stream by seconds."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.header = (b"x-server-pid", str(os.getpid()).encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_pid(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), self.header]
            await send(message)

        await self.app(scope, receive, send_with_pid)


def create_app(settings: ServerSettings | None = None, store: CentralStore | None = None) -> FastAPI:
    settings = settings or ServerSettings()
    central = store or CentralStore.open(settings.database_url)
    app = FastAPI(title="Omni POS central server", version=str(p.PROTOCOL_VERSION))
    app.state.store = central
    app.add_middleware(ServedBy)
    # Outermost: credentials and body caps before any body is read (gate.py).
    app.add_middleware(
        Gate,
        rules=[
            Rule(re.compile(r"^/enrol$"), 4 * KIB),
            Rule(re.compile(r"^/sync/push$"), settings.max_push_bytes),
            Rule(re.compile(r"^/admin/"), 64 * KIB, lambda: [settings.admin_token], "admin",
                 "admin API disabled: set POS_SERVER_ADMIN_TOKEN"),
            Rule(re.compile(r"^/channel/"), 256 * KIB, lambda: [settings.channel_token, settings.admin_token],
                 "channel", "channel API disabled: set POS_SERVER_CHANNEL_TOKEN"),
        ],
    )  # fmt: skip

    def device(
        authorization: Annotated[str | None, Header()] = None,
        x_instance_id: Annotated[str | None, Header()] = None,
        x_app_version: Annotated[str | None, Header(max_length=64)] = None,
    ) -> Device:
        if not authorization or not authorization.startswith("Bearer "):
            raise HTTPException(401, "missing device token")
        found = central.authenticate(authorization.removeprefix("Bearer ").strip())
        if found is None:
            raise HTTPException(401, "unknown device token")
        central.note_contact(found, x_instance_id, x_app_version)
        return found

    def admin(authorization: Annotated[str | None, Header()] = None) -> None:
        if not settings.admin_token:
            raise HTTPException(403, "admin API disabled: set POS_SERVER_ADMIN_TOKEN")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), settings.admin_token.encode()):
            raise HTTPException(401, "wrong admin token")

    def channel(authorization: Annotated[str | None, Header()] = None) -> None:
        given = (authorization or "").removeprefix("Bearer ").strip().encode()
        tokens = [tok.encode() for tok in (settings.channel_token, settings.admin_token) if tok]
        if not tokens:
            raise HTTPException(403, "channel API disabled: set POS_SERVER_CHANNEL_TOKEN")
        if not any(hmac.compare_digest(given, tok) for tok in tokens):
            raise HTTPException(401, "wrong channel token")

    @app.get("/health", responses=errors())
    def health() -> dict[str, Any]:
        return {"status": "ok", "protocol": p.PROTOCOL_VERSION}

    @app.post("/enrol", responses=errors(403))
    def enrol(request: p.EnrolRequest) -> p.EnrolResponse:
        try:
            return central.enrol(request)
        except EnrolmentError as exc:
            raise HTTPException(403, str(exc)) from exc

    # The body is read raw (size cap first, then one validation), so FastAPI cannot see its
    # model; it is declared here for the OpenAPI document and its fuzzing.
    push_schema = p.PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    push_defs = push_schema.pop("$defs", {})

    @app.post(
        "/sync/push",
        responses=errors(401),
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": push_schema}}}},
    )
    async def push(request: Request, dev: Annotated[Device, Depends(device)]) -> p.PushResponse:
        body = await request.body()
        if len(body) > settings.max_push_bytes:
            raise HTTPException(413, f"batch larger than {settings.max_push_bytes} bytes")
        try:
            batch = p.PushRequest.model_validate_json(body)
        except ValidationError as exc:  # the same shape as FastAPI's own 422 (HTTPValidationError)
            raise RequestValidationError(
                [{"loc": ["body", *e["loc"]], "msg": e["msg"], "type": e["type"]} for e in exc.errors()[:20]]
            ) from exc
        results = await run_in_threadpool(ingest.apply_events, central, dev, batch.events)
        return p.PushResponse(results=results)

    @app.get("/sync/changes", responses=errors(401, 410))
    def changes(
        dev: Annotated[Device, Depends(device)],
        since: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,
        limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = 1000,
    ) -> p.ChangesResponse:
        try:
            page = central.changes_since(dev, since, limit)
        except SnapshotTooOld as exc:  # the log was pruned past this till (prune_changes)
            raise HTTPException(410, str(exc)) from exc
        # Where the till stands once it has applied this page; at the head when nothing more
        # is there for it (a busy till seldom gets an empty page).
        central.note_pull(dev, page.cursor, caught_up=not page.has_more)
        return page

    @app.get(
        "/sync/snapshot",
        response_class=StreamingResponse,
        responses={
            **errors(401),
            200: {
                "description": "NDJSON: a SnapshotHeader line, SnapshotChunk lines, a SnapshotTrailer line",
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            },
        },
    )
    def snapshot(dev: Annotated[Device, Depends(device)]) -> StreamingResponse:
        return StreamingResponse(snapshots.snapshot_lines(central, dev), media_type="application/x-ndjson")

    @app.get("/customers/{card}/history", responses=errors(401, 404))
    def customer_history(card: Annotated[str, Path(pattern=r"^L[A-Z][0-9]{6,16}$")],
                         _dev: Annotated[Device, Depends(device)]) -> p.CustomerHistory:  # fmt: skip
        """A member's latest purchases in every channel (store and web), for the till's panel."""
        from sync.server import loyalty

        found = loyalty.customer_history(central, card)
        if found is None:
            raise HTTPException(404, "no such member")
        return found

    @app.get("/receipts/{number}", responses=errors(401, 404))
    def receipt(number: Annotated[str, Path(min_length=3, max_length=80, pattern=r"^[A-Za-z0-9-]+$")],
                dev: Annotated[Device, Depends(device)]) -> p.ReceiptFound:  # fmt: skip
        """A receipt of any till of the chain, by its number, for a return at another till."""
        found = receipts.find_receipt(central, dev.till_id, number)
        if found is None:
            raise HTTPException(404, "no such receipt at HQ (not sold, or not sent by its till yet)")
        return found

    @app.get("/channel/stock", dependencies=[Depends(channel)], tags=["channel"], responses=errors(401, 403, 404))
    def stock_to_promise(
        sku: Annotated[list[str], Query(min_length=1, max_length=50, description="SKU codes")],
        store: Annotated[list[str], Query(max_length=50, description="store codes; none: every store")] = [],  # noqa: B006
    ) -> list[orders.Availability]:
        """What each store can promise of each SKU now: its last confirmed figure (`on_hand`,
        changed at `figure_at`), less what open orders hold there (`reserved`), less a safety
        margin that grows with the time since HQ last heard from every till of the store
        (`store_heard_at`, `silent_seconds`; `margin` null: silent too long, nothing promised)."""
        try:
            return orders.stock_to_promise(central, sku, store)
        except ValueError as exc:
            raise HTTPException(404, str(exc)) from exc

    @app.post("/channel/orders", dependencies=[Depends(channel)], tags=["channel"], status_code=201,
              responses={**errors(401, 403, 404, 409, conflict=OrderConflict),
                         201: {"model": orders.OrderStatus, "description": "placed: its units are reserved"},
                         200: {"model": orders.OrderStatus,
                               "description": "placed before with the same content: the order as it is"},
                         409: {"model": OrderConflict,
                               "description": "not available to promise (`shortages`), or this reference was placed "
                                              "before with other content (`fields`)"}})  # fmt: skip
    def place_order(body: orders.NewOrder) -> JSONResponse:
        """Place a click&collect order (prepaid online or to pay at pickup) or a reservation
        ("hold it until Saturday": `kind` reservation with `hold_until`) at a store. Its units
        are reserved in the same transaction, or nothing is placed (409). The answer carries
        the pickup code for the customer's phone. Placing the same `reference` again places
        nothing more and answers 200 with the order; the same `reference` with other content
        answers 409 naming the fields that differ (`fields`), and changes nothing."""
        try:
            status, new = orders.place_order(central, body)
        except orders.NotAvailable as exc:
            return JSONResponse(
                {"detail": str(exc), "shortages": [a.model_dump() for a in exc.shortages]}, status_code=409
            )
        except orders.ReferenceReused as exc:
            return JSONResponse({"detail": str(exc), "fields": exc.fields}, status_code=409)
        except orders.OrderNotFound as exc:
            raise HTTPException(404, str(exc.args[0])) from exc
        return JSONResponse(status.model_dump(), status_code=201 if new else 200)

    @app.get(
        "/channel/orders/{key}", dependencies=[Depends(channel)], tags=["channel"], responses=errors(401, 403, 404)
    )
    def order_status(key: Annotated[str, Path(max_length=64)]) -> orders.OrderStatus:
        """An order by id, reference or pickup code: its state, its `problem` (empty unless a
        promise could not be kept, and what the store is doing about it), its history and the
        notifications sent about it."""
        try:
            return orders.order_status(central, key)
        except orders.OrderNotFound as exc:
            raise HTTPException(404, str(exc.args[0])) from exc

    @app.post(
        "/channel/orders/{key}/cancel",
        dependencies=[Depends(channel)],
        tags=["channel"],
        responses=errors(401, 403, 404, 409),
    )
    def cancel_order(
        key: Annotated[str, Path(max_length=64)], reason: Annotated[str, Query(max_length=200)] = ""
    ) -> orders.OrderStatus:
        """Cancel an order not yet collected: its units are freed at the store at once."""
        try:
            return orders.cancel_order(central, key, reason)
        except orders.OrderNotFound as exc:
            raise HTTPException(404, str(exc.args[0])) from exc
        except ValueError as exc:
            raise HTTPException(409, str(exc)) from exc

    @app.get("/admin/reports/sales-by-segment", dependencies=[Depends(admin)], responses=errors(401, 403))
    def sales_by_segment(days: Annotated[int, Query(ge=1, le=3660)] = 30) -> list[dict[str, Any]]:
        """Orders and net amount by channel and customer segment over the last `days` days."""
        from datetime import UTC, datetime, timedelta

        from sync.server import loyalty

        return loyalty.sales_by_channel_and_segment(central, datetime.now(UTC) - timedelta(days=days))

    @app.post("/admin/stores", dependencies=[Depends(admin)], responses=errors(401, 403, 409))
    def new_store(body: NewStore) -> dict[str, Any]:
        try:
            return {"id": central.create_store(body.code, body.name, body.city)}
        except IntegrityError as exc:
            raise HTTPException(409, f"a store with code {body.code!r} already exists") from exc

    @app.post("/admin/tills", dependencies=[Depends(admin)], responses=errors(401, 403, 404))
    def new_till(body: NewTill) -> dict[str, Any]:
        try:
            till_id, code = central.create_till(body.store_code, body.till_code, body.name, settings.enrolment_hours)
        except KeyError as exc:
            raise HTTPException(404, str(exc)) from exc
        return {"till_id": till_id, "enrolment_code": code}

    @app.get("/admin/tills", dependencies=[Depends(admin)], responses=errors(401, 403))
    def list_tills() -> list[dict[str, Any]]:
        """Every till: the version it runs, last contact, last push and pull, cursor, how far
        behind (`behind`, `lag_seconds`)."""
        return central.tills_overview()

    @app.get("/admin/verifactu/status", dependencies=[Depends(admin)], responses=errors(401, 403))
    def verifactu_status() -> list[dict[str, Any]]:
        """Per store and till: VERI*FACTU records waiting for the AEAT, sent, rejected, oldest unsent."""
        from sync.server import aeat

        return aeat.status(central)

    @app.get("/admin/transfers", dependencies=[Depends(admin)], responses=errors(401, 403))
    def transfers_list(open_only: bool = False) -> list[dict[str, Any]]:
        """Transfers between stores with their lines and, once received, their differences."""
        from sync.server import transfers

        return transfers.transfers_overview(central, open_only)

    @app.get("/admin/events/rejected", dependencies=[Depends(admin)], responses=errors(401, 403))
    def rejected() -> list[dict[str, Any]]:
        return central.rejected_events()

    @app.get("/admin/exceptions", dependencies=[Depends(admin)], responses=errors(401, 403))
    def exceptions() -> list[dict[str, Any]]:
        return central.open_exceptions()

    @app.exception_handler(ValueError)
    def _value_error(_request: Request, exc: ValueError) -> JSONResponse:
        # A rule the body breaks (a reservation's hold_until in the past…): as FastAPI's own 422.
        return JSONResponse({"detail": [{"loc": ["body"], "msg": str(exc), "type": "value_error"}]}, status_code=422)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version, routes=app.routes)
            document.setdefault("components", {}).setdefault("schemas", {}).update(push_defs)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
