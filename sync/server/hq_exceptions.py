"""What HQ must look at: negative stock, unknown SKUs, restored or cloned till databases, a
promise an order could not keep, a record the tax agency refused. Raised in the transaction of
the fact that caused it; read by HQ's tools (GET /exceptions, pos-server exceptions)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync.server import schema as t
from sync.server.db import Database, utcnow


def raise_exception(conn: Connection, kind: str, store_id: int | None, till_id: int | None, detail: str) -> None:
    conn.execute(
        t.exceptions.insert().values(kind=kind, store_id=store_id, till_id=till_id, detail=detail, created_at=utcnow())
    )


def open_exceptions(db: Database, limit: int = 200) -> list[dict[str, Any]]:
    """What HQ must look at: negative stock, unknown SKUs, restored or cloned till databases."""
    with db.engine.connect() as conn:
        rows = conn.execute(sa.select(t.exceptions).order_by(t.exceptions.c.id.desc()).limit(limit)).all()
    return [dict(r._mapping) for r in rows]
