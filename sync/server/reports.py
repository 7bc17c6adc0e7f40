"""What HQ looks at: the events pushed by status, the rejected ones, every till's last contact
and how far behind the change log it is."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from sync.server import changelog
from sync.server import schema as t
from sync.server.db import Database


def event_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        rows = conn.execute(sa.select(t.events.c.status, sa.func.count()).group_by(t.events.c.status)).all()
    return {status: int(n) for status, n in rows}


def rejected_events(db: Database, limit: int = 100) -> list[dict[str, Any]]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                t.events.c.event_id, t.events.c.till_id, t.events.c.type, t.events.c.reason, t.events.c.received_at
            )
            .where(t.events.c.status == "rejected")
            .order_by(t.events.c.received_at)
            .limit(limit)
        ).all()
    return [dict(r._mapping) for r in rows]


def tills_overview(db: Database) -> list[dict[str, Any]]:
    """Every till's last contact and how far behind the change log it is.

    `behind` is the distance in change-log positions from the till's cursor to the head
    (an upper bound of the changes it has not applied); `lag_seconds` is 0 for a till at
    the head, else the time since it last was (or since it enrolled, if never).
    """
    with db.engine.connect() as conn:
        head = changelog.head_seq(conn)
        rows = conn.execute(
            sa.select(
                t.tills.c.id,
                t.stores.c.code.label("store"),
                t.tills.c.code,
                t.tills.c.name,
                t.tills.c.app_version,
                t.tills.c.enrolled_at,
                t.tills.c.last_seen_at,
                t.tills.c.last_push_at,
                t.tills.c.last_pull_at,
                t.tills.c.caught_up_at,
                t.tills.c.last_device_seq,
                t.tills.c.pull_cursor,
            )
            .join(t.stores, t.stores.c.id == t.tills.c.store_id)
            .order_by(t.tills.c.id)
        ).all()
    now = datetime.now(UTC)
    overview = []
    for row in rows:
        till = dict(row._mapping)
        till["head"] = head
        till["behind"] = max(0, head - row.pull_cursor)
        since = row.caught_up_at or row.enrolled_at
        lag = 0.0
        if till["behind"] and since:
            lag = max(0.0, (now - datetime.fromisoformat(since)).total_seconds())
        till["lag_seconds"] = round(lag, 1) if row.enrolled_at else None
        overview.append(till)
    return overview
