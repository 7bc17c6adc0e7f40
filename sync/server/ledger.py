"""The stock ledger: movements appended (sales, returns, counts, transfers, orders) and the
running sums per store and SKU they add up to, logged as `stock` changes for the tills."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from sync import protocol as p
from sync.server import changelog, hq_exceptions
from sync.server import schema as t
from sync.server.db import Database


def move_stock(
    conn: Connection, store_id: int, movements: Sequence[tuple[int, int, str | None]], reason: str, now: str
) -> list[dict[str, Any]]:
    """Append (sku id, delta, event id) movements to the ledger and add them to the running
    sums (one upsert); returns the new figures as changes to log. A movement of an unknown
    SKU or a figure below zero is recorded and raised as an exception for a person."""
    wanted = sorted({sku_id for sku_id, _, _ in movements})
    known = set(conn.execute(sa.select(t.skus.c.id).where(t.skus.c.id.in_(wanted))).scalars())
    for sku_id in wanted:
        if sku_id not in known:
            # The fact happened; record it and tell a person rather than refuse the sale.
            hq_exceptions.raise_exception(conn, "unknown_sku", store_id, None, f"movement of unknown SKU {sku_id}")
    moved = [(sku_id, delta, event_id) for sku_id, delta, event_id in movements if sku_id in known]
    if not moved:
        return []
    conn.execute(
        t.stock_movements.insert(),
        [
            {"store_id": store_id, "sku_id": s, "delta": d, "reason": reason, "event_id": e, "created_at": now}
            for s, d, e in moved
        ],
    )
    totals: dict[int, int] = {}
    for sku_id, delta, _ in moved:
        totals[sku_id] = totals.get(sku_id, 0) + delta
    figures = add_to_levels(conn, store_id, totals, now)
    changes = []
    for sku_id in sorted(figures):
        quantity = figures[sku_id]
        if quantity < 0:
            hq_exceptions.raise_exception(
                conn, "negative_stock", store_id, None, f"SKU {sku_id} at store {store_id} is now {quantity}"
            )
        data = p.StockData(store_id=store_id, sku_id=sku_id, quantity=quantity, as_of=now)
        changes.append(changelog.change("stock", f"{store_id}:{sku_id}", data.model_dump(mode="json")))
    return changes


def add_to_levels(conn: Connection, store_id: int, deltas: dict[int, int], now: str) -> dict[int, int]:
    """Running sums += deltas in one upsert per 500 SKUs; returns the new figures."""
    # ON CONFLICT is each dialect's own construct (the same SQL on both)
    insert: Callable[..., Any] = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    figures: dict[int, int] = {}
    items = sorted(deltas.items())
    for start in range(0, len(items), 500):
        stmt = insert(t.stock_levels).values(
            [
                {"store_id": store_id, "sku_id": sku_id, "quantity": delta, "updated_at": now}
                for sku_id, delta in items[start : start + 500]
            ]
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[t.stock_levels.c.store_id, t.stock_levels.c.sku_id],
            set_={"quantity": t.stock_levels.c.quantity + stmt.excluded.quantity, "updated_at": now},
        ).returning(t.stock_levels.c.sku_id, t.stock_levels.c.quantity)
        figures.update((int(sku_id), int(quantity)) for sku_id, quantity in conn.execute(stmt))
    return figures


def stock_level(db: Database, store_id: int, sku_id: int) -> int:
    with db.engine.connect() as conn:
        qty = conn.execute(
            sa.select(t.stock_levels.c.quantity).where(
                t.stock_levels.c.store_id == store_id, t.stock_levels.c.sku_id == sku_id
            )
        ).scalar()
    return int(qty or 0)


def skus_named(conn: Connection, sku_ids: Iterable[int]) -> dict[int, Any]:
    """The known SKUs among `sku_ids`, id -> row (id, code, name): what a fact's lines name."""
    rows = conn.execute(
        sa.select(t.skus.c.id, t.skus.c.code, t.skus.c.name).where(t.skus.c.id.in_(sorted(set(sku_ids))))
    )
    return {int(r.id): r for r in rows}
