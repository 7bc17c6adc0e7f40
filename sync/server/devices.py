"""Devices: tills created, enrolled with a one-time code, authenticated by their token, heard
from (last contact, version, a cloned database), retired."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from sync import protocol as p
from sync.server import hq_exceptions
from sync.server import schema as t
from sync.server.db import Database, utcnow

log = logging.getLogger(__name__)
CONTACT_RESOLUTION = timedelta(seconds=5)  # how precisely a till's last contact is kept


@dataclass(frozen=True, slots=True)
class Device:
    till_id: int
    store_id: int
    till_code: str
    instance_id: str | None
    last_seen_at: str | None = None
    app_version: str | None = None


class EnrolmentError(Exception):
    pass


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def device_token(code: str, till_id: int, instance_id: str, salt: str) -> str:
    """A till's device token, derived from its enrolment code (the key, never stored), the till,
    the database instance that enrolled and a random salt: the same inputs give the same token,
    so a retried enrolment is answered without the server keeping the token itself."""
    digest = hmac.new(code.encode(), f"{till_id}:{instance_id}:{salt}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def create_till(db: Database, store_code: str, till_code: str, name: str, valid_hours: int = 72) -> tuple[int, str]:
    """Create (or re-issue) a till and return (till_id, one-time enrolment code)."""
    code = "-".join(secrets.token_hex(2).upper() for _ in range(3))
    expires = (datetime.now(UTC) + timedelta(hours=valid_hours)).isoformat()
    with db.writer.begin() as conn:
        store_id = conn.execute(sa.select(t.stores.c.id).where(t.stores.c.code == store_code)).scalar()
        if store_id is None:
            raise KeyError(f"no store with code {store_code!r}")
        till_id = conn.execute(
            sa.select(t.tills.c.id).where(t.tills.c.store_id == store_id, t.tills.c.code == till_code)
        ).scalar()
        if till_id is None:
            till_id = conn.execute(
                t.tills.insert().values(store_id=store_id, code=till_code, name=name).returning(t.tills.c.id)
            ).scalar_one()
        # A re-issued code voids the till's earlier ones, used or not (a lost slip, a code
        # read out to the wrong person): only the newest enrols.
        conn.execute(
            t.enrolment_codes.update()
            .where(t.enrolment_codes.c.till_id == till_id, t.enrolment_codes.c.used_at.is_(None))
            .values(used_at=utcnow())
        )
        conn.execute(t.enrolment_codes.update().where(t.enrolment_codes.c.till_id == till_id).values(token_salt=None))
        conn.execute(
            t.enrolment_codes.insert().values(code_hash=hash_secret(code), till_id=till_id, expires_at=expires)
        )
    return int(till_id), code


def retire_till(db: Database, store_code: str, till_code: str) -> dict[str, Any]:
    """Take a till out of service (a PC replaced or removed): its token stops working, its
    unused enrolment codes are void, and it no longer counts when HQ judges how fresh a
    store's figures are (orders.py: a till switched off for good would otherwise make its
    store promise nothing). Its sales and history stay. `create-till` again enrols a new PC.
    Returns what HQ last heard from it: facts it had not pushed by then cannot come any more."""
    now = utcnow()
    with db.writer.begin() as conn:
        row = conn.execute(
            sa.select(t.tills.c.id, t.tills.c.last_seen_at, t.tills.c.last_push_at, t.tills.c.last_device_seq)
            .join(t.stores, t.stores.c.id == t.tills.c.store_id)
            .where(t.stores.c.code == store_code, t.tills.c.code == till_code)
        ).first()
        if row is None:
            raise KeyError(f"no till {till_code!r} at store {store_code!r}")
        conn.execute(t.tills.update().where(t.tills.c.id == row.id).values(token_hash=None, enrolled_at=None))
        conn.execute(
            t.enrolment_codes.update()
            .where(t.enrolment_codes.c.till_id == row.id, t.enrolment_codes.c.used_at.is_(None))
            .values(used_at=now)
        )
        conn.execute(t.enrolment_codes.update().where(t.enrolment_codes.c.till_id == row.id).values(token_salt=None))
    return {
        "till_id": row.id,
        "last_seen_at": row.last_seen_at,
        "last_push_at": row.last_push_at,
        "last_device_seq": row.last_device_seq,
    }


def enrol(db: Database, request: p.EnrolRequest) -> p.EnrolResponse:
    """Trade a one-time code for a device token. The token is stored hashed.

    Idempotent under a lost answer: the same code from the same database instance gets the
    same token again, until the till first uses it (then the code is spent for good). The
    token is derived from the code, the till, the instance and a salt kept for that window
    (`device_token`), so the server never stores it. A used code from another instance is
    refused, as is any code past its expiry or voided by a newer one.
    """
    now = utcnow()
    code = request.code.strip().upper()
    instance = str(request.instance_id)
    with db.writer.begin() as conn:
        row = conn.execute(  # FOR UPDATE: two tries at once (PostgreSQL) take turns
            sa.select(t.enrolment_codes).where(t.enrolment_codes.c.code_hash == hash_secret(code)).with_for_update()
        ).first()
        if row is None or row.expires_at < now:
            raise EnrolmentError("unknown, used or expired enrolment code")
        if row.used_at is None:
            salt = secrets.token_hex(16)
            token = device_token(code, row.till_id, instance, salt)
            conn.execute(
                t.enrolment_codes.update()
                .where(t.enrolment_codes.c.code_hash == row.code_hash)
                .values(used_at=now, instance_id=instance, token_salt=salt)
            )
            conn.execute(
                t.tills.update()
                .where(t.tills.c.id == row.till_id)
                .values(
                    token_hash=hash_secret(token),
                    instance_id=instance,
                    app_version=request.app_version,
                    enrolled_at=now,
                    last_seen_at=now,
                )
            )
        else:
            # A retry: the answer to the first try was lost on its way to this very till.
            if row.token_salt is None or row.instance_id != instance:
                raise EnrolmentError("unknown, used or expired enrolment code")
            token = device_token(code, row.till_id, instance, row.token_salt)
            current = conn.execute(sa.select(t.tills.c.token_hash).where(t.tills.c.id == row.till_id)).scalar()
            if current != hash_secret(token):  # retired or enrolled again since
                raise EnrolmentError("unknown, used or expired enrolment code")
            log.info("enrolment of till %s answered again (its first answer was lost)", row.till_id)
        till = conn.execute(
            sa.select(t.tills, t.stores.c.code.label("store_code"), t.stores.c.name.label("store_name"))
            .join(t.stores, t.stores.c.id == t.tills.c.store_id)
            .where(t.tills.c.id == row.till_id)
        ).one()
    return p.EnrolResponse(
        device_id=till.id,
        token=token,
        store_id=till.store_id,
        store_code=till.store_code,
        store_name=till.store_name,
        till_code=till.code,
        till_name=till.name,
    )


def authenticate(db: Database, token: str) -> Device | None:
    answerable = (
        sa.select(t.enrolment_codes.c.code_hash)
        .where(t.enrolment_codes.c.till_id == t.tills.c.id, t.enrolment_codes.c.token_salt.is_not(None))
        .exists()
    )
    with db.engine.connect() as conn:
        row = conn.execute(
            sa.select(
                t.tills.c.id,
                t.tills.c.store_id,
                t.tills.c.code,
                t.tills.c.instance_id,
                t.tills.c.last_seen_at,
                t.tills.c.app_version,
                answerable.label("answerable"),
            ).where(t.tills.c.token_hash == hash_secret(token))
        ).first()
    if row is None:
        return None
    if row.answerable:
        # The till has its token: its code no longer answers a retry, and the salt goes.
        with db.writer.begin() as conn:
            conn.execute(
                t.enrolment_codes.update().where(t.enrolment_codes.c.till_id == row.id).values(token_salt=None)
            )
    return Device(
        till_id=row.id,
        store_id=row.store_id,
        till_code=row.code,
        instance_id=row.instance_id,
        last_seen_at=row.last_seen_at,
        app_version=row.app_version,
    )


def note_contact(db: Database, device: Device, instance_id: str | None, app_version: str | None = None) -> None:
    """Record the till's last contact (to CONTACT_RESOLUTION: a busy till does not add a
    write to every request) and the version it runs; a different database instance is
    reported once, not merged."""
    cloned = bool(instance_id and device.instance_id and instance_id != device.instance_id)
    upgraded = bool(app_version) and app_version != device.app_version
    now = datetime.now(UTC)
    if (
        not cloned
        and not upgraded
        and device.last_seen_at
        and now - datetime.fromisoformat(device.last_seen_at) < CONTACT_RESOLUTION
    ):
        return
    with db.writer.begin() as conn:
        seen: dict[str, Any] = {"last_seen_at": utcnow()}
        if upgraded:
            seen["app_version"] = (app_version or "")[:64]
        conn.execute(t.tills.update().where(t.tills.c.id == device.till_id).values(**seen))
        if not cloned:
            return
        detail = (
            f"till {device.till_code} speaks from database instance {instance_id}, "
            f"enrolled as {device.instance_id}: restored or cloned database"
        )
        reported = conn.execute(
            sa.select(t.exceptions.c.id).where(
                t.exceptions.c.till_id == device.till_id,
                t.exceptions.c.kind == "instance_mismatch",
                t.exceptions.c.detail == detail,
            )
        ).first()
        if reported is None:
            hq_exceptions.raise_exception(conn, "instance_mismatch", device.store_id, device.till_id, detail)


def note_pull(db: Database, device: Device, cursor: int, caught_up: bool) -> None:
    """Where the till stands: it has applied everything up to `cursor`; `caught_up` when
    nothing newer was there for it."""
    now = utcnow()
    values: dict[str, Any] = {"pull_cursor": cursor, "last_pull_at": now}
    if caught_up:
        values["caught_up_at"] = now
    with db.writer.begin() as conn:
        conn.execute(
            t.tills.update().where(t.tills.c.id == device.till_id, t.tills.c.pull_cursor <= cursor).values(**values)
        )
