"""The change log: what tills must learn of, in commit order, and how far back it is kept.

Writes that tills must learn of append here in their own transaction (log_changes, last, just
before commit); a till pulls what lies after its cursor in its scopes (changes_since); the log
is pruned after a retention (prune_changes) and a till below the floor is answered 410.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync import protocol as p
from sync.server import schema as t
from sync.server.db import Database, read_setting, write_setting
from sync.server.devices import Device
from sync.server.locks import Lock

# The change log's retention (prune_changes): the positions it had at each pruning, and the
# last position removed. A till whose cursor is below that floor has missed changes for good
# and is answered 410 Gone: it loads a snapshot instead.
LOG_MARKS = "change_log_marks"
LOG_FLOOR = "change_log_floor"


class SnapshotTooOld(Exception):
    """The cursor a till asked from is older than the change log the server keeps."""


def log_changes(conn: Connection, rows: Sequence[dict[str, Any]]) -> int:
    """Append changes; returns the seq of the last one (0 if none)."""
    if not rows:
        return 0
    if conn.dialect.name == "postgresql":
        # Sequence values are handed out before commit, so with concurrent writers seq 11
        # could become visible before seq 10 and a till would skip 10 for ever. Appending
        # under a transaction-scoped lock makes the log's order the commit order.
        # Callers append last, just before commit, so the lock is held as briefly as possible.
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": int(Lock.CHANGE_LOG)})
    return max(conn.execute(t.change_log.insert().returning(t.change_log.c.seq), list(rows)).scalars())


def head_seq(conn: Connection) -> int:
    """The change log's last position (0 when empty)."""
    return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(t.change_log.c.seq), 0))).scalar_one())


def change(entity: str, key: str, data: dict[str, Any] | None, scope: str = "global") -> dict[str, Any]:
    return {"scope": scope, "entity": entity, "key": key, "data": data}


def scopes(device: Device) -> list[str]:
    return ["global", f"store:{device.store_id}"]


def changes_since(db: Database, device: Device, cursor: int, limit: int) -> p.ChangesResponse:
    """The changes after `cursor` the till may see, up to `limit`. When that is all of them,
    the cursor moves to the head of the log, past changes for other stores: a push answered
    with a position those occupy is then seen as included (its event is no longer pending).
    The head is read first: appends commit in log order (see _log), so every position up
    to it is committed and the rows read next cannot miss one."""
    with db.engine.connect() as conn:
        head = head_seq(conn)
        rows = conn.execute(
            sa.select(t.change_log.c.seq, t.change_log.c.entity, t.change_log.c.key, t.change_log.c.data)
            .where(
                t.change_log.c.seq > cursor,
                t.change_log.c.seq <= head,
                t.change_log.c.scope.in_(scopes(device)),
            )
            .order_by(t.change_log.c.seq)
            .limit(limit)
        ).all()
        # Read after the rows: a pruning that removed some of them committed its floor with
        # the removal, so it is seen here (each statement sees what committed before it).
        if cursor < int(read_setting(conn, LOG_FLOOR) or 0):
            raise SnapshotTooOld(f"changes after {cursor} are no longer kept")
    changes = [p.Change(seq=r.seq, entity=r.entity, key=r.key, data=r.data) for r in rows]
    if len(changes) == limit:
        return p.ChangesResponse(changes=changes, cursor=changes[-1].seq, has_more=True)
    return p.ChangesResponse(changes=changes, cursor=max(cursor, head), has_more=False)


def prune_changes(db: Database, keep_days: float, now: datetime | None = None, batch: int = 10_000) -> int:
    """Forget the changes logged more than `keep_days` ago; returns how many were removed.

    The log has no time per row: each pruning notes where its head stands now, and removes
    what was logged before the newest such note that is older than `keep_days` (so run
    daily, what goes is one to two days past the retention). The head row itself always
    stays (it is where new tills and snapshots start). Removed in batches, each committed
    with the new floor, so a till's pull never waits long behind it nor reads a page with
    a hole: a cursor below the floor is answered 410 and that till loads a snapshot."""
    now = now or datetime.now(UTC)
    with db.writer.begin() as conn:
        head = head_seq(conn)
        marks = [(datetime.fromisoformat(at), seq) for at, seq in json.loads(read_setting(conn, LOG_MARKS) or "[]")]
        cutoff = now - timedelta(days=keep_days)
        due = [seq for at, seq in marks if at <= cutoff]
        kept = [(at, seq) for at, seq in marks if at > cutoff]
        if not kept or now - kept[-1][0] >= timedelta(hours=1):  # a restart adds no second note
            kept.append((now, head))
        write_setting(conn, LOG_MARKS, json.dumps([[at.isoformat(), seq] for at, seq in kept]))
    upto = min(max(due, default=0), head - 1)
    removed = 0
    while True:
        with db.writer.begin() as conn:
            floor = int(read_setting(conn, LOG_FLOOR) or 0)
            if floor >= upto:
                return removed
            step = min(upto, floor + batch)
            removed += conn.execute(t.change_log.delete().where(t.change_log.c.seq <= step)).rowcount
            write_setting(conn, LOG_FLOOR, str(step))
