"""An order's rows at HQ: its status as the channel reads it, its data as its store's tills see
it (a change to log, the snapshot's rows), its log, and a step that moves it (move: state,
problem, log line and, where the customer must hear of it, a notification).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.engine import Connection

from sync import protocol as p
from sync.rules import orders as rules
from sync.server import changelog
from sync.server import schema as t
from sync.server.db import utcnow
from sync.server.locks import Lock
from sync.server.orders.notifications import notify

log = logging.getLogger(__name__)


HOLDING = sorted(rules.HOLDING)


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


class OrderNotFound(KeyError):
    pass


def lock_store(conn: Connection, store_id: int) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key, :store)"), {"key": int(Lock.ORDER), "store": store_id})


def skus_by_code(conn: Connection, codes: Iterable[str]) -> dict[int, tuple[str, str, int]]:
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


def order_row(conn: Connection, key: str) -> Any:
    """An order by its id, its channel reference or its pickup code."""
    row = conn.execute(
        sa.select(t.orders).where(sa.or_(t.orders.c.id == key, t.orders.c.reference == key, t.orders.c.code == key))
    ).first()
    if row is None:
        raise OrderNotFound(f"no order {key!r}")
    return row


def status_of(conn: Connection, order_id: str) -> OrderStatus:
    row = conn.execute(
        sa.select(t.orders, t.stores.c.code.label("store_code"))
        .join(t.stores, t.stores.c.id == t.orders.c.store_id)
        .where(t.orders.c.id == order_id)
    ).one()
    lines = lines_of(conn, order_id)
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


def lines_of(conn: Connection, order_id: str) -> Sequence[Any]:
    return conn.execute(
        sa.select(t.order_lines).where(t.order_lines.c.order_id == order_id).order_by(t.order_lines.c.line_no)
    ).all()


def order_change(conn: Connection, order_id: str) -> dict[str, Any]:
    """The order as its store's tills see it, as a change to log."""
    row = conn.execute(sa.select(t.orders).where(t.orders.c.id == order_id)).one()
    lines = lines_of(conn, order_id)
    data = order_data(row, lines)
    return changelog.change("order", row.id, data.model_dump(mode="json"), scope=f"store:{row.store_id}")


def order_data(row: Any, lines: Sequence[Any]) -> p.OrderData:
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
        lines = lines_of(conn, row.id)
        found.append(list(order_data(row, lines).model_dump(mode="json").values()))
    return found


def note_order(
    conn: Connection, order_id: str, state: str, what: str, detail: str, event_id: str | None, now: datetime
) -> None:
    conn.execute(
        t.order_log.insert().values(
            order_id=order_id, at=now.isoformat(), state=state, what=what, detail=detail[:2000], event_id=event_id
        )
    )


NOTIFIED = {"ready", "collected", "cancelled", "expired", "problem"}


def move_order(
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
    note_order(conn, row.id, state, what, detail, event_id, now)
    kind = "problem" if problem else what
    if kind in NOTIFIED:
        notify(conn, row, kind, state, problem or detail, now)
