"""What a store can promise (sync/rules/orders.py): its last confirmed figure minus what open
orders hold there minus a margin growing with the time since its least recently heard-of till
was in touch; and, after its stock moved, the open orders it can no longer serve.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.engine import Connection

from sync.rules import orders as rules
from sync.server import hq_exceptions
from sync.server import schema as t
from sync.server.orders.records import HOLDING, lock_store, move_order, order_change, order_row, skus_by_code
from sync.server.store import CentralStore

log = logging.getLogger(__name__)


MARGIN = rules.SafetyMargin()


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
        skus = skus_by_code(conn, sku_codes)
        query = sa.select(t.stores.c.id, t.stores.c.code).order_by(t.stores.c.id)
        if store_codes:
            query = query.where(t.stores.c.code.in_(list(store_codes)))
        stores = {int(i): c for i, c in conn.execute(query)}
        return availability(conn, stores, {i: c for i, (c, _, _) in skus.items()}, datetime.now(UTC))


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
    lock_store(conn, store_id)
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
        row = order_row(conn, order_id)
        move_order(conn, row, row.state, "problem", problem, None, now, problem=problem)
        hq_exceptions.raise_exception(conn, "broken_promise", store_id, None, f"order {row.number}: {problem}")
        changes.append(order_change(conn, order_id))
    return changes
