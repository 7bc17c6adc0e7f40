"""Notifications to an order's channel and customer: queued in the transaction of the change
that causes them (notify), delivered afterwards at least once with growing delays between
failed attempts (deliver_notifications), to a webhook or any sender.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync.server import schema as t
from sync.server.db import utcnow
from sync.server.store import CentralStore

log = logging.getLogger(__name__)


RETRY_FIRST = timedelta(seconds=30)  # a failed notification is retried after 30 s, 1 min, 2 min… up to


RETRY_MOST = timedelta(hours=1)


def notify(conn: Connection, row: Any, kind: str, state: str, detail: str, now: datetime) -> None:
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
