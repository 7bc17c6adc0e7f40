"""The channel API's side (/channel/... in app.py): what the web shop and customer service
send (NewOrder), placing an order that reserves units in the same transaction, cancelling it
and reading its status. A reference placed twice is answered with the first order.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from sync.rules import orders as rules
from sync.server import changelog, loyalty
from sync.server import schema as t
from sync.server.orders.promises import Availability, availability
from sync.server.orders.records import (
    OrderNotFound,
    OrderStatus,
    lock_store,
    move_order,
    note_order,
    order_change,
    order_row,
    skus_by_code,
    status_of,
)
from sync.server.store import CentralStore

log = logging.getLogger(__name__)


class OrderLineIn(BaseModel):
    sku: Annotated[str, Field(min_length=1, max_length=64)]  # the SKU code
    quantity: Annotated[int, Field(ge=1, le=99)]


class CustomerIn(BaseModel):
    name: Annotated[str, Field(min_length=2, max_length=200)]
    phone: Annotated[str, Field(pattern=r"^\+?[0-9 ]{8,20}$")] | None = None
    email: Annotated[str, Field(max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    card: Annotated[str, Field(pattern=r"^L[A-Z][0-9]{6,16}$")] | None = None  # a loyalty member's card


class NewOrder(BaseModel):
    # The channel's own id for the order (web order number, agent's ticket). Placing the same
    # reference twice places it once and answers with the order already placed.
    reference: Annotated[str, Field(pattern=r"^[A-Za-z0-9_./-]{1,64}$")]
    kind: Literal["click_collect", "reservation"] = "click_collect"
    channel: Literal["web", "phone", "store"] = "web"
    store: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,32}$")]  # the store's code
    customer: CustomerIn
    lines: Annotated[list[OrderLineIn], Field(min_length=1, max_length=50)]
    prepaid: bool = False  # paid online; otherwise paid at the counter when collected
    hold_until: datetime | None = None  # a reservation: until when the units are held


class NotAvailable(Exception):
    """The store cannot promise what was asked; `shortages` says what it can."""

    def __init__(self, shortages: list[Availability]) -> None:
        self.shortages = shortages
        super().__init__("; ".join(f"{a.sku} at {a.store}: {a.available} available to promise" for a in shortages))


class ReferenceReused(Exception):
    """The channel placed this reference before with other content (Stripe's rule for a reused
    idempotency key): nothing is changed, and `fields` names what differs."""

    def __init__(self, reference: str, fields: list[str]) -> None:
        super().__init__(
            f"order reference {reference!r} was placed before with other content ({', '.join(fields)}): "
            "use a new reference for a new order"
        )
        self.fields = fields


def _placed_before(conn: Connection, order: NewOrder) -> OrderStatus | None:
    """The order this reference placed, if the same content placed it; raises ReferenceReused
    when the content differs."""
    row = conn.execute(
        sa.select(t.orders.c.id, t.orders.c.request).where(t.orders.c.reference == order.reference)
    ).first()
    if row is None:
        return None
    if row.request is not None:  # (orders placed before the request was kept are taken as the same)
        asked = order.model_dump(mode="json")
        differs = sorted(key for key in asked.keys() | row.request.keys() if asked.get(key) != row.request.get(key))
        if differs:
            raise ReferenceReused(order.reference, differs)
    return status_of(conn, row.id)


def place_order(central: CentralStore, order: NewOrder) -> tuple[OrderStatus, bool]:
    """Place an order, reserving its units in the same transaction. Returns (status, new):
    `new` is False when the same reference with the same content was placed before (nothing
    more is reserved; also when the copies arrive at once at several workers). The same
    reference with other content raises ReferenceReused."""
    try:
        return _place(central, order)
    except IntegrityError:
        # A copy placed by another worker committed between our look-up and our insert
        # (PostgreSQL: the unique reference waited for it). Answer as for any repeat.
        with central.engine.connect() as conn:
            before = _placed_before(conn, order)
        if before is None:
            raise
        return before, False


def _place(central: CentralStore, order: NewOrder) -> tuple[OrderStatus, bool]:
    now = datetime.now(UTC)
    with central.writer.begin() as conn:
        before = _placed_before(conn, order)
        if before is not None:
            return before, False
        if order.kind == "reservation" and order.hold_until is None:
            raise ValueError("a reservation needs hold_until")
        if order.hold_until is not None and order.hold_until.astimezone(UTC) <= now:
            raise ValueError("hold_until is in the past")
        store = conn.execute(sa.select(t.stores.c.id, t.stores.c.code).where(t.stores.c.code == order.store)).first()
        if store is None:
            raise OrderNotFound(f"no store with code {order.store!r}")
        skus = skus_by_code(conn, (line.sku for line in order.lines))
        wanted: dict[int, int] = {}
        by_code = {code: sku_id for sku_id, (code, _, _) in skus.items()}
        for line in order.lines:
            wanted[by_code[line.sku]] = wanted.get(by_code[line.sku], 0) + line.quantity
        lock_store(conn, store.id)
        before = _placed_before(conn, order)  # a copy for the same store placed while we waited
        if before is not None:
            return before, False
        found = availability(conn, {store.id: store.code}, {i: skus[i][0] for i in wanted}, now)
        short = [a for a in found if a.available < wanted[a.sku_id]]
        if short:
            raise NotAvailable(short)
        card = order.customer.card or ""
        customer_id = loyalty.resolve_cards(conn, [card]).get(card) if card else None
        order_id = str(uuid.uuid4())
        phone = rules.order_phone(order.customer.phone)
        conn.execute(
            t.orders.insert().values(
                id=order_id,
                reference=order.reference,
                number=order.reference[:32],
                kind=order.kind,
                channel=order.channel,
                store_id=store.id,
                customer_id=customer_id,
                customer_name=order.customer.name,
                phone=phone,
                email=(order.customer.email or "").lower(),
                card=card,
                code=rules.pickup_code(),
                state="reserved",
                prepaid=order.prepaid,
                total=sum(skus[sku_id][2] * qty for sku_id, qty in wanted.items()),
                ready_until=order.hold_until.astimezone(UTC).isoformat() if order.hold_until else None,
                created_at=now.isoformat(),
                updated_at=now.isoformat(),
                request=order.model_dump(mode="json"),
            )
        )
        conn.execute(
            t.order_lines.insert(),
            [
                {"order_id": order_id, "line_no": n, "sku_id": sku_id, "sku_code": skus[sku_id][0],
                 "name": skus[sku_id][1], "quantity": qty, "unit_price": skus[sku_id][2]}
                for n, (sku_id, qty) in enumerate(wanted.items(), 1)
            ],
        )  # fmt: skip
        note_order(conn, order_id, "reserved", "placed", f"{order.channel}: units reserved at {store.code}", None, now)
        changelog.log_changes(conn, [order_change(conn, order_id)])
        return status_of(conn, order_id), True


def cancel_order(central: CentralStore, key: str, reason: str) -> OrderStatus:
    """Cancel an order from its channel (the customer changed their mind): its units are freed."""
    now = datetime.now(UTC)
    with central.writer.begin() as conn:
        row = order_row(conn, key)
        try:
            state = rules.advance(row.state, "cancelled")
        except rules.OrderStateError as exc:
            raise ValueError(f"order {row.number} is {row.state}: it cannot be cancelled") from exc
        if state != row.state:
            move_order(conn, row, state, "cancelled", reason or "cancelled by its channel", None, now)
            changelog.log_changes(conn, [order_change(conn, row.id)])
        return status_of(conn, row.id)


def order_status(central: CentralStore, key: str) -> OrderStatus:
    with central.engine.connect() as conn:
        return status_of(conn, order_row(conn, key).id)
