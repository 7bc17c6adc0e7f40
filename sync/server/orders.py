"""Click&collect orders and reservations at HQ: promises the stores can keep.

The web shop and customer service (`/channel/...` in app.py) ask what a store can promise,
place orders that reserve units in the same transaction, cancel them and read their status.
Tills learn of their store's orders through the change log (entity `order`) and send what they
do to them as facts (`order.step`, `order.placed` for a reservation made at the till, a sale
with `order_id` for a hand-over paid at the counter).

What may be promised (sync/rules/orders.py): the store's last confirmed figure, minus
what open orders hold there, minus a safety margin growing with the time since the least
recently heard-of till of that store was last in touch (any of them may have sold units HQ has
not heard of). A fact that leaves a store with fewer units than its orders hold (a till that
was offline sold the last one) flags the newest orders that can no longer be served: a
`broken_promise` exception for HQ, the order's problem on the store's pickup screen and in its
status, and a notification to the customer's channel. Nothing is cancelled silently.

Promises at a store are checked and made one at a time: on PostgreSQL under a transaction
advisory lock per store (Lock.ORDER, store id), taken by order placement and by every push
that moves that store's stock before it re-checks its orders, so neither can miss the other;
on SQLite the writer lock does the same.

Notifications are rows of `notifications`, written in the transaction of the change that
causes them and delivered afterwards (at least once: each carries its id for the receiver to
drop repeats) by `deliver_notifications`, with growing delays between failed attempts.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from sync import protocol as p
from sync.rules import orders as rules
from sync.server import changelog, hq_exceptions, ledger, loyalty
from sync.server import schema as t
from sync.server.db import utcnow
from sync.server.devices import Device
from sync.server.locks import Lock
from sync.server.store import CentralStore

log = logging.getLogger(__name__)
PICKUP_WINDOW = timedelta(days=7)  # a ready click&collect order waits this long…
EXPIRY_GRACE = timedelta(days=1)  # …and is overdue this long more before it expires
MARGIN = rules.SafetyMargin()
HOLDING = sorted(rules.HOLDING)
RETRY_FIRST = timedelta(seconds=30)  # a failed notification is retried after 30 s, 1 min, 2 min… up to
RETRY_MOST = timedelta(hours=1)


# --- what the channel API takes and gives ----------------------------------------------------


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


class Availability(BaseModel):
    store: str
    store_id: int
    sku: str
    sku_id: int
    on_hand: int  # the store's last confirmed figure
    reserved: int  # held there by open orders
    margin: int | None  # held back for the store's silence; None: too long silent to promise
    available: int  # what may be promised now
    figure_at: str | None  # when the figure last changed at HQ
    store_heard_at: str | None  # when HQ last heard from every till of the store (the oldest)
    silent_seconds: int


class OrderStatus(BaseModel):
    id: str
    reference: str
    number: str
    kind: str
    channel: str
    store: str
    state: str
    problem: str  # empty unless a promise could not be kept: what happened and what is being done
    pickup_code: str
    customer_name: str
    prepaid: bool
    total: int
    ready_until: str | None
    created_at: str
    lines: list[dict[str, Any]]
    history: list[dict[str, Any]]
    notifications: list[dict[str, Any]]


class NotAvailable(Exception):
    """The store cannot promise what was asked; `shortages` says what it can."""

    def __init__(self, shortages: list[Availability]) -> None:
        self.shortages = shortages
        super().__init__("; ".join(f"{a.sku} at {a.store}: {a.available} available to promise" for a in shortages))


class OrderNotFound(KeyError):
    pass


# --- what a store can promise ----------------------------------------------------------------


def _lock(conn: Connection, store_id: int) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key, :store)"), {"key": int(Lock.ORDER), "store": store_id})


def _held(conn: Connection, store_ids: Iterable[int], sku_ids: Iterable[int]) -> dict[tuple[int, int], int]:
    o, ln = t.orders.c, t.order_lines.c
    rows = conn.execute(
        sa.select(o.store_id, ln.sku_id, sa.func.sum(ln.quantity - ln.released - ln.handed))
        .join(t.orders, o.id == ln.order_id)
        .where(o.state.in_(HOLDING), o.store_id.in_(list(store_ids)), ln.sku_id.in_(list(sku_ids)))
        .group_by(o.store_id, ln.sku_id)
    ).all()
    return {(int(s), int(k)): max(0, int(q or 0)) for s, k, q in rows}


def _heard_at(conn: Connection, store_ids: Iterable[int]) -> dict[int, str | None]:
    """When HQ last heard from every enrolled till of each store (the least recent contact)."""
    rows = conn.execute(
        sa.select(t.tills.c.store_id, sa.func.min(sa.func.coalesce(t.tills.c.last_seen_at, "")))
        .where(t.tills.c.store_id.in_(list(store_ids)), t.tills.c.enrolled_at.is_not(None))
        .group_by(t.tills.c.store_id)
    ).all()
    return {int(store): (seen or None) for store, seen in rows}


def availability(
    conn: Connection, stores: dict[int, str], skus: dict[int, str], now: datetime, margin: rules.SafetyMargin = MARGIN
) -> list[Availability]:
    levels = {
        (int(r.store_id), int(r.sku_id)): (int(r.quantity), r.updated_at)
        for r in conn.execute(
            sa.select(t.stock_levels).where(
                t.stock_levels.c.store_id.in_(list(stores)), t.stock_levels.c.sku_id.in_(list(skus))
            )
        )
    }
    held = _held(conn, stores, skus)
    heard = _heard_at(conn, stores)
    found = []
    for store_id, store_code in stores.items():
        # A store without tills sells nothing HQ does not hear of at once.
        at = heard.get(store_id, now.isoformat())
        silence = now - datetime.fromisoformat(at) if at else timedelta.max
        held_back = margin.units(max(silence, timedelta(0)))
        for sku_id, sku_code in skus.items():
            on_hand, figure_at = levels.get((store_id, sku_id), (0, None))
            reserved = held.get((store_id, sku_id), 0)
            found.append(
                Availability(
                    store=store_code,
                    store_id=store_id,
                    sku=sku_code,
                    sku_id=sku_id,
                    on_hand=on_hand,
                    reserved=reserved,
                    margin=held_back,
                    available=rules.available_to_promise(on_hand, reserved, silence, margin),
                    figure_at=figure_at,
                    store_heard_at=at if store_id in heard else None,
                    silent_seconds=int(min(silence, timedelta(days=3650)).total_seconds()),
                )
            )
    return found


def stock_to_promise(
    central: CentralStore, sku_codes: Sequence[str], store_codes: Sequence[str] = ()
) -> list[Availability]:
    """What each store (all of them, or those named) can promise of each SKU now."""
    with central.engine.connect() as conn:
        skus = _skus_by_code(conn, sku_codes)
        query = sa.select(t.stores.c.id, t.stores.c.code).order_by(t.stores.c.id)
        if store_codes:
            query = query.where(t.stores.c.code.in_(list(store_codes)))
        stores = {int(i): c for i, c in conn.execute(query)}
        return availability(conn, stores, {i: c for i, (c, _, _) in skus.items()}, datetime.now(UTC))


def _skus_by_code(conn: Connection, codes: Iterable[str]) -> dict[int, tuple[str, str, int]]:
    """id -> (code, name, price on the web list, or else the store list); unknown codes raise."""
    wanted = sorted(set(codes))
    rows = conn.execute(sa.select(t.skus.c.id, t.skus.c.code, t.skus.c.name).where(t.skus.c.code.in_(wanted))).all()
    missing = set(wanted) - {r.code for r in rows}
    if missing:
        raise ValueError(f"unknown SKU {', '.join(sorted(missing))}")
    now = utcnow()
    prices: dict[tuple[int, str], int] = {}
    for sku_id, channel, cents in conn.execute(
        sa.select(t.prices.c.sku_id, t.price_lists.c.channel, t.prices.c.price_cents)
        .join(t.price_lists, t.price_lists.c.id == t.prices.c.price_list_id)
        .where(
            t.prices.c.sku_id.in_([r.id for r in rows]),
            t.price_lists.c.channel.in_(["web", "store"]),
            sa.or_(t.prices.c.valid_from.is_(None), t.prices.c.valid_from <= now),
            sa.or_(t.prices.c.valid_to.is_(None), t.prices.c.valid_to > now),
        )
        .order_by(t.prices.c.valid_from.is_(None).desc(), t.prices.c.valid_from)  # the latest in force wins
    ):
        prices[(int(sku_id), channel)] = int(cents)
    return {int(r.id): (r.code, r.name, prices.get((r.id, "web"), prices.get((r.id, "store"), 0))) for r in rows}


# --- placing, cancelling, reading ------------------------------------------------------------


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
    return _status(conn, row.id)


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
        skus = _skus_by_code(conn, (line.sku for line in order.lines))
        wanted: dict[int, int] = {}
        by_code = {code: sku_id for sku_id, (code, _, _) in skus.items()}
        for line in order.lines:
            wanted[by_code[line.sku]] = wanted.get(by_code[line.sku], 0) + line.quantity
        _lock(conn, store.id)
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
        _note(conn, order_id, "reserved", "placed", f"{order.channel}: units reserved at {store.code}", None, now)
        changelog.log_changes(conn, [_order_change(conn, order_id)])
        return _status(conn, order_id), True


def cancel_order(central: CentralStore, key: str, reason: str) -> OrderStatus:
    """Cancel an order from its channel (the customer changed their mind): its units are freed."""
    now = datetime.now(UTC)
    with central.writer.begin() as conn:
        row = _order_row(conn, key)
        try:
            state = rules.advance(row.state, "cancelled")
        except rules.OrderStateError as exc:
            raise ValueError(f"order {row.number} is {row.state}: it cannot be cancelled") from exc
        if state != row.state:
            _move(conn, row, state, "cancelled", reason or "cancelled by its channel", None, now)
            changelog.log_changes(conn, [_order_change(conn, row.id)])
        return _status(conn, row.id)


def order_status(central: CentralStore, key: str) -> OrderStatus:
    with central.engine.connect() as conn:
        return _status(conn, _order_row(conn, key).id)


def _order_row(conn: Connection, key: str) -> Any:
    """An order by its id, its channel reference or its pickup code."""
    row = conn.execute(
        sa.select(t.orders).where(sa.or_(t.orders.c.id == key, t.orders.c.reference == key, t.orders.c.code == key))
    ).first()
    if row is None:
        raise OrderNotFound(f"no order {key!r}")
    return row


def _status(conn: Connection, order_id: str) -> OrderStatus:
    row = conn.execute(
        sa.select(t.orders, t.stores.c.code.label("store_code"))
        .join(t.stores, t.stores.c.id == t.orders.c.store_id)
        .where(t.orders.c.id == order_id)
    ).one()
    lines = _lines(conn, order_id)
    history = conn.execute(
        sa.select(t.order_log.c.at, t.order_log.c.state, t.order_log.c.what, t.order_log.c.detail)
        .where(t.order_log.c.order_id == order_id)
        .order_by(t.order_log.c.id)
    ).all()
    sent = conn.execute(
        sa.select(
            t.notifications.c.id, t.notifications.c.kind, t.notifications.c.created_at,
            t.notifications.c.attempts, t.notifications.c.sent_at, t.notifications.c.last_error,
        ).where(t.notifications.c.order_id == order_id).order_by(t.notifications.c.id)
    ).all()  # fmt: skip
    return OrderStatus(
        id=row.id,
        reference=row.reference,
        number=row.number,
        kind=row.kind,
        channel=row.channel,
        store=row.store_code,
        state=row.state,
        problem=row.problem,
        pickup_code=row.code,
        customer_name=row.customer_name,
        prepaid=bool(row.prepaid),
        total=int(row.total),
        ready_until=row.ready_until,
        created_at=row.created_at,
        lines=[
            {
                "sku": ln.sku_code,
                "name": ln.name,
                "quantity": ln.quantity,
                "unit_price": int(ln.unit_price),
                "released": ln.released,
                "handed": ln.handed,
            }
            for ln in lines
        ],
        history=[dict(h._mapping) for h in history],
        notifications=[dict(n._mapping) for n in sent],
    )


def _lines(conn: Connection, order_id: str) -> Sequence[Any]:
    return conn.execute(
        sa.select(t.order_lines).where(t.order_lines.c.order_id == order_id).order_by(t.order_lines.c.line_no)
    ).all()


def _order_change(conn: Connection, order_id: str) -> dict[str, Any]:
    """The order as its store's tills see it, as a change to log."""
    row = conn.execute(sa.select(t.orders).where(t.orders.c.id == order_id)).one()
    lines = _lines(conn, order_id)
    data = _order_data(row, lines)
    return changelog.change("order", row.id, data.model_dump(mode="json"), scope=f"store:{row.store_id}")


def _order_data(row: Any, lines: Sequence[Any]) -> p.OrderData:
    return p.OrderData(
        id=row.id,
        number=row.number,
        kind=row.kind,
        channel=row.channel,
        store_id=row.store_id,
        code=row.code,
        state=row.state,
        problem=row.problem[:1000],
        customer_name=row.customer_name,
        card=row.card,
        phone_hint=row.phone[-3:],
        prepaid=bool(row.prepaid),
        total=int(row.total),
        ready_until=row.ready_until,
        created_at=row.created_at,
        lines=[
            p.OrderLineData(
                line_no=ln.line_no,
                sku_id=ln.sku_id,
                sku_code=ln.sku_code,
                name=ln.name,
                quantity=ln.quantity,
                unit_price=int(ln.unit_price),
                released=ln.released,
                handed=ln.handed,
            )
            for ln in lines
        ],
    )


def snapshot_rows(conn: Connection, store_id: int) -> list[list[Any]]:
    """A store's open orders, and those closed in the last day, as snapshot rows."""
    since = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    rows = conn.execute(
        sa.select(t.orders)
        .where(t.orders.c.store_id == store_id, sa.or_(t.orders.c.state.in_(HOLDING), t.orders.c.updated_at >= since))
        .order_by(t.orders.c.created_at)
    ).all()
    found = []
    for row in rows:
        lines = _lines(conn, row.id)
        found.append(list(_order_data(row, lines).model_dump(mode="json").values()))
    return found


# --- what happens to an order ------------------------------------------------------------------


def _note(
    conn: Connection, order_id: str, state: str, what: str, detail: str, event_id: str | None, now: datetime
) -> None:
    conn.execute(
        t.order_log.insert().values(
            order_id=order_id, at=now.isoformat(), state=state, what=what, detail=detail[:2000], event_id=event_id
        )
    )


NOTIFIED = {"ready", "collected", "cancelled", "expired", "problem"}


def _move(
    conn: Connection, row: Any, state: str, what: str, detail: str, event_id: str | None, now: datetime,
    problem: str | None = None, ready_until: str | None = None,
) -> None:  # fmt: skip
    """Record a step of an order (its new state, problem, log line and notification)."""
    values: dict[str, Any] = {"state": state, "updated_at": now.isoformat()}
    if problem is not None:
        values["problem"] = problem[:1000]
    if ready_until is not None:
        values["ready_until"] = ready_until
    conn.execute(t.orders.update().where(t.orders.c.id == row.id).values(**values))
    _note(conn, row.id, state, what, detail, event_id, now)
    kind = "problem" if problem else what
    if kind in NOTIFIED:
        _notify(conn, row, kind, state, problem or detail, now)


def _notify(conn: Connection, row: Any, kind: str, state: str, detail: str, now: datetime) -> None:
    """Queue a notification to the order's channel and customer, once per kind and detail."""
    dedupe = f"{row.id}:{kind}:{hashlib.sha256(detail.encode()).hexdigest()[:16]}"
    if conn.execute(sa.select(t.notifications.c.id).where(t.notifications.c.dedupe == dedupe)).first():
        return
    store = conn.execute(sa.select(t.stores.c.code, t.stores.c.name).where(t.stores.c.id == row.store_id)).one()
    payload = {
        "order_id": row.id,
        "reference": row.reference,
        "number": row.number,
        "kind": kind,
        "state": state,
        "detail": detail,
        "store": {"code": store.code, "name": store.name},
        "pickup_code": row.code if kind == "ready" else None,
        "customer": {"name": row.customer_name, "phone": row.phone, "email": row.email},
        "at": now.isoformat(),
    }
    conn.execute(
        t.notifications.insert().values(
            order_id=row.id, kind=kind, dedupe=dedupe, payload=payload, created_at=now.isoformat(),
            next_attempt_at=now.isoformat(),
        )
    )  # fmt: skip


def check_promises(
    central: CentralStore, conn: Connection, store_id: int, sku_ids: Iterable[int]
) -> list[dict[str, Any]]:
    """After the store's stock moved: flag every open order the store can no longer serve.

    Orders keep their units oldest first; the newest ones beyond the confirmed figure get the
    problem (and an exception and a notification). Returns the orders' changes to log.
    """
    sku_ids = sorted(set(sku_ids))
    if not sku_ids:
        return []
    _lock(conn, store_id)
    o, ln = t.orders.c, t.order_lines.c
    rows = conn.execute(
        sa.select(o.id, o.number, o.problem, o.created_at, ln.sku_id, ln.sku_code, ln.name,
                  (ln.quantity - ln.released - ln.handed).label("held"))
        .join(t.orders, o.id == ln.order_id)
        .where(o.store_id == store_id, o.state.in_(HOLDING), ln.sku_id.in_(sku_ids))
        .order_by(o.created_at, o.id)
    ).all()  # fmt: skip
    if not rows:
        return []
    levels = dict(
        conn.execute(
            sa.select(t.stock_levels.c.sku_id, t.stock_levels.c.quantity).where(
                t.stock_levels.c.store_id == store_id, t.stock_levels.c.sku_id.in_(sku_ids)
            )
        ).all()
    )
    store_name = conn.execute(sa.select(t.stores.c.name).where(t.stores.c.id == store_id)).scalar_one()
    running: dict[int, int] = {}
    broken: dict[str, str] = {}
    for r in rows:
        if r.held <= 0:
            continue
        running[r.sku_id] = running.get(r.sku_id, 0) + r.held
        confirmed = int(levels.get(r.sku_id, 0))
        if running[r.sku_id] > confirmed and not r.problem and r.id not in broken:
            broken[r.id] = (
                f"{r.sku_code} {r.name}: {max(confirmed, 0)} left at {store_name} for "
                f"{running[r.sku_id]} promised (sold before the store heard of this order). "
                "The store must hand over what it has, offer a substitute or a transfer, or the customer is told."
            )
    now = datetime.now(UTC)
    changes = []
    for order_id, problem in broken.items():
        row = _order_row(conn, order_id)
        _move(conn, row, row.state, "problem", problem, None, now, problem=problem)
        hq_exceptions.raise_exception(conn, "broken_promise", store_id, None, f"order {row.number}: {problem}")
        changes.append(_order_change(conn, order_id))
    return changes


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """What a push batch says about orders."""

    placed: Sequence[tuple[str, p.OrderPlaced]] = ()
    steps: Sequence[tuple[str, p.OrderStep]] = ()
    paid: Sequence[tuple[str, p.SaleCompleted]] = ()  # sales that paid for an order at its hand-over
    sold: frozenset[int] = frozenset()  # SKUs the batch's sales moved at the till's store


def apply_order_facts(
    central: CentralStore, conn: Connection, device: Device, facts: OrderFacts
) -> list[dict[str, Any]]:
    """Apply a batch's order facts (after its sales); returns the changes to log."""
    now = datetime.now(UTC)
    changed: dict[str, None] = {}
    moved: dict[int, set[int]] = {device.store_id: set(facts.sold)}
    for event_id, placed in facts.placed:
        if _place_from_till(central, conn, device, event_id, placed, now):
            changed[str(placed.order_id)] = None
            moved.setdefault(placed.at_store_id, set()).update(line.sku_id for line in placed.lines)
    paid = {str(sale.sale_id): (event_id, sale) for event_id, sale in facts.paid}
    stock_changes: list[dict[str, Any]] = []

    def pay(event_id: str, sale: p.SaleCompleted) -> None:
        row = conn.execute(sa.select(t.orders).where(t.orders.c.id == str(sale.order_id))).first()
        if row is None or row.store_id != device.store_id:
            hq_exceptions.raise_exception(
                conn, "unknown_order", device.store_id, device.till_id,
                f"sale {sale.series}-{sale.number} pays for order {sale.order_id}, unknown at this store",
            )  # fmt: skip
            return
        _hand_over(conn, row.id, [(ln.sku_id, ln.quantity) for ln in sale.lines])
        conn.execute(t.orders.update().where(t.orders.c.id == row.id).values(sale_id=str(sale.sale_id)))
        _note(conn, row.id, row.state, "paid", f"paid at the counter: {sale.series}-{sale.number}", event_id, now)
        changed[row.id] = None

    for event_id, step in facts.steps:  # in the order they were done; a payment just before its hand-over
        if step.sale_id is not None and str(step.sale_id) in paid:
            pay(*paid.pop(str(step.sale_id)))
        sku_ids = _apply_step(central, conn, device, event_id, step, now, stock_changes)
        if sku_ids is not None:
            changed[str(step.order_id)] = None
            moved.setdefault(device.store_id, set()).update(sku_ids)
    for event_id, sale in paid.values():  # (its hand-over comes in a later batch)
        pay(event_id, sale)
    changes = stock_changes + [_order_change(conn, order_id) for order_id in changed]
    for store_id, sku_ids in sorted(moved.items()):  # one lock order for every push (no deadlock)
        changes += check_promises(central, conn, store_id, sku_ids)
    return changes


def _hand_over(conn: Connection, order_id: str, moves: Iterable[tuple[int, int]]) -> None:
    """Count units handed over against the order's lines (a substitute counts against none)."""
    lines = _lines(conn, order_id)
    left = {ln.line_no: ln.quantity - ln.released - ln.handed for ln in lines}
    for sku_id, quantity in moves:
        for ln in lines:
            take = min(quantity, max(0, left[ln.line_no])) if ln.sku_id == sku_id else 0
            if take:
                left[ln.line_no] -= take
                quantity -= take
                conn.execute(
                    t.order_lines.update()
                    .where(t.order_lines.c.order_id == order_id, t.order_lines.c.line_no == ln.line_no)
                    .values(handed=t.order_lines.c.handed + take)
                )


def _place_from_till(
    central: CentralStore, conn: Connection, device: Device, event_id: str, fact: p.OrderPlaced, now: datetime
) -> bool:
    order_id = str(fact.order_id)
    if conn.execute(sa.select(t.orders.c.id).where(t.orders.c.id == order_id)).first() is not None:
        return False
    skus = ledger.skus_named(conn, (line.sku_id for line in fact.lines))
    store = conn.execute(sa.select(t.stores.c.code).where(t.stores.c.id == fact.at_store_id)).first()
    if store is None or len(skus) < len({line.sku_id for line in fact.lines}):
        hq_exceptions.raise_exception(
            conn, "unknown_order", device.store_id, device.till_id,
            f"reservation {fact.number} names an unknown store or SKU: not placed",
        )  # fmt: skip
        return False
    prices = {sku_id: price for sku_id, (_, _, price) in _skus_by_code(conn, [s.code for s in skus.values()]).items()}
    customer_id = loyalty.resolve_cards(conn, [fact.card]).get(fact.card) if fact.card else None
    conn.execute(
        t.orders.insert().values(
            id=order_id, reference=order_id, number=fact.number, kind="reservation", channel="store",
            store_id=fact.at_store_id, customer_id=customer_id, customer_name=fact.customer_name,
            phone=fact.phone or "", card=fact.card or "", code=fact.code, state="reserved", prepaid=False,
            total=sum(prices[line.sku_id] * line.quantity for line in fact.lines),
            ready_until=fact.hold_until.astimezone(UTC).isoformat(), created_at=fact.placed_at.isoformat(),
            updated_at=now.isoformat(),
        )
    )  # fmt: skip
    conn.execute(
        t.order_lines.insert(),
        [
            {"order_id": order_id, "line_no": n, "sku_id": line.sku_id, "sku_code": skus[line.sku_id].code,
             "name": skus[line.sku_id].name, "quantity": line.quantity, "unit_price": prices[line.sku_id]}
            for n, line in enumerate(fact.lines, 1)
        ],
    )  # fmt: skip
    _note(conn, order_id, "reserved", "placed", f"reserved at till {device.till_code}", event_id, now)
    return True


def _apply_step(
    central: CentralStore, conn: Connection, device: Device, event_id: str, step: p.OrderStep, now: datetime,
    stock_changes: list[dict[str, Any]],
) -> set[int] | None:  # fmt: skip
    """One step done at a store; returns the SKUs whose stock or hold it moved (None: nothing
    done). New stock figures (a prepaid hand-over's) are added to `stock_changes`."""
    row = conn.execute(sa.select(t.orders).where(t.orders.c.id == str(step.order_id))).first()
    if row is None or row.store_id != device.store_id:
        hq_exceptions.raise_exception(
            conn, "unknown_order", device.store_id, device.till_id,
            f"{step.step} of order {step.order_id}, unknown at this store",
        )  # fmt: skip
        return None
    who = f"till {device.till_code}" + (f", staff {step.staff_id}" if step.staff_id else "")
    touched: set[int] = set()
    if step.step == "released":
        lines = _lines(conn, row.id)
        for move in step.lines:
            for ln in lines:
                free = min(move.quantity, ln.quantity - ln.released - ln.handed) if ln.sku_id == move.sku_id else 0
                if free > 0:
                    conn.execute(
                        t.order_lines.update()
                        .where(t.order_lines.c.order_id == row.id, t.order_lines.c.line_no == ln.line_no)
                        .values(released=t.order_lines.c.released + free)
                    )
                    touched.add(ln.sku_id)
        problem = f"units released at the store by a manager ({who}): {step.note or 'no reason given'}"
        _move(conn, row, row.state, "released", problem, event_id, now, problem=problem)
        hq_exceptions.raise_exception(
            conn, "reservation_released", row.store_id, device.till_id, f"order {row.number}: {problem}"
        )
        return touched
    if step.step == "transfer_requested":
        source = conn.execute(sa.select(t.stores.c.name).where(t.stores.c.id == step.from_store_id)).scalar()
        problem = f"waiting for a transfer from {source or 'another store'} ({who})"
        _move(conn, row, row.state, "transfer_requested", problem, event_id, now, problem=problem)
        return touched
    if step.step == "collected":
        if step.sale_id is None and step.lines:
            # Prepaid: the hand-over moves the stock (a paid one moved it with its sale).
            touched = {move.sku_id for move in step.lines}
            stock_changes.extend(
                ledger.move_stock(
                    conn,
                    row.store_id,
                    [(m.sku_id, -m.quantity, event_id) for m in step.lines],
                    "pickup",
                    now.isoformat(),
                )
            )
            _hand_over(conn, row.id, [(m.sku_id, m.quantity) for m in step.lines])
        if row.state in rules.TERMINAL and row.state != "collected":
            hq_exceptions.raise_exception(
                conn, "late_collection", row.store_id, device.till_id,
                f"order {row.number} was handed over at the store although HQ had it {row.state}",
            )  # fmt: skip
    try:
        state = rules.advance(row.state, step.step)
    except rules.OrderStateError as exc:
        _note(conn, row.id, row.state, "ignored", f"{step.step} from {who}: {exc}", event_id, now)
        return touched
    if state == row.state:  # a late or repeated step: states only move forward
        _note(conn, row.id, row.state, "ignored", f"{step.step} from {who}: already {row.state}", event_id, now)
        return touched
    ready_until = None
    if state == "ready" and row.kind == "click_collect":
        ready_until = (step.at.astimezone(UTC) + PICKUP_WINDOW).isoformat()
    detail = {
        "picking": "being picked",
        "ready": "ready for pickup",
        "collected": "handed over",
        "cancelled": "cancelled at the store",
        "expired": "not collected in time: units released",
    }[state]
    _move(conn, row, state, state, f"{detail} ({who}) {step.note}".strip(), event_id, now, ready_until=ready_until)
    if state in rules.TERMINAL:
        touched |= {
            int(s)
            for s in conn.execute(sa.select(t.order_lines.c.sku_id).where(t.order_lines.c.order_id == row.id)).scalars()
        }
    return touched


def expire_due(central: CentralStore, now: datetime | None = None) -> int:
    """Expire orders not collected within their window (and its grace): their units are freed."""
    now = now or datetime.now(UTC)
    cutoff = (now - EXPIRY_GRACE).isoformat()
    with central.writer.begin() as conn:
        rows = conn.execute(
            sa.select(t.orders).where(t.orders.c.state.in_(HOLDING), t.orders.c.ready_until < cutoff)
        ).all()
        for row in rows:
            _move(conn, row, "expired", "expired", "not collected in time: units released", None, now)
        changelog.log_changes(conn, [_order_change(conn, row.id) for row in rows])
    return len(rows)


# --- notifications out ---------------------------------------------------------------------------


Sender = Callable[[dict[str, Any]], None]


def deliver_notifications(
    central: CentralStore, send: Sender, now: datetime | None = None, limit: int = 100
) -> tuple[int, int]:
    """Send the notifications that are due; returns (sent, failed). A failure is kept with its
    error and retried later, after 30 s, 1 min, 2 min… up to an hour between attempts."""
    now = now or datetime.now(UTC)
    with central.engine.connect() as conn:
        due = conn.execute(
            sa.select(t.notifications.c.id, t.notifications.c.payload, t.notifications.c.attempts)
            .where(t.notifications.c.sent_at.is_(None), t.notifications.c.next_attempt_at <= now.isoformat())
            .order_by(t.notifications.c.id)
            .limit(limit)
        ).all()
    sent = failed = 0
    for row in due:
        values: dict[str, Any] = {"attempts": row.attempts + 1}
        try:
            send({"id": row.id, **row.payload})
        except Exception as exc:  # a dead receiver must not stop the others
            failed += 1
            delay = min(RETRY_FIRST * (2**row.attempts), RETRY_MOST)
            values |= {
                "last_error": f"{type(exc).__name__}: {exc}"[:1000],
                "next_attempt_at": (now + delay).isoformat(),
            }
            log.warning("notification %s not delivered (attempt %s): %s", row.id, row.attempts + 1, exc)
        else:
            sent += 1
            values |= {"sent_at": utcnow(), "last_error": None}
        with central.writer.begin() as conn:
            conn.execute(t.notifications.update().where(t.notifications.c.id == row.id).values(**values))
    return sent, failed


def webhook(url: str, timeout: float = 10.0) -> Sender:
    """A sender that POSTs each notification as JSON to `url`; anything but 2xx is a failure."""
    import httpx

    def send(payload: dict[str, Any]) -> None:
        response = httpx.post(url, json=payload, timeout=timeout)
        response.raise_for_status()

    return send
