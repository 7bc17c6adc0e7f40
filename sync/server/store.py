"""Everything the central server reads and writes, over SQLAlchemy Core.

Each public method is one database transaction. Writes that tills must learn of append to
`change_log` in that same transaction; facts pushed by tills are recorded in `events` in the
transaction that applies them, so an event id is applied once whatever the network does.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from sync import protocol as p
from sync.rules.verifactu import InvoiceId, alta_fingerprint, anulacion_fingerprint, valid_nif
from sync.server import migrate
from sync.server import schema as t
from sync.server.locks import Lock

log = logging.getLogger(__name__)
CONTACT_RESOLUTION = timedelta(seconds=5)  # how precisely a till's last contact is kept


def record_fingerprint(record: p.InvoicingRecord) -> str:
    """The fingerprint an invoicing record should carry, recomputed from its fields."""
    made_at = datetime.fromisoformat(record.generated_at)
    invoice = InvoiceId(record.issuer_nif, record.number, record.issued_on)
    if record.record_type == "anulacion":
        return anulacion_fingerprint(invoice, record.previous_hash, made_at)
    return alta_fingerprint(invoice, record.invoice_type, record.tax_total, record.total, record.previous_hash, made_at)


def record_row(record: p.InvoicingRecord) -> dict[str, Any]:
    """An invoicing record as a row of invoicing_records (without where it came from)."""
    return {
        "record_type": record.record_type,
        "invoice_type": record.invoice_type,
        "issuer_nif": record.issuer_nif,
        "number": record.number,
        "issued_on": record.issued_on.isoformat(),
        "tax_total": record.tax_total,
        "total": record.total,
        "breakdown": [b.model_dump() for b in record.breakdown],
        "corrects": [c.model_dump(mode="json") for c in record.corrects],
        "replaces": [c.model_dump(mode="json") for c in record.replaces],
        "recipient_nif": record.recipient_nif,
        "recipient_name": record.recipient_name,
        "previous_hash": record.previous_hash,
        "generated_at": record.generated_at,
        "hash": record.hash,
    }


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def read_setting(conn: Connection, key: str) -> str | None:
    """A value the server keeps for itself (`server_settings`)."""
    return conn.execute(sa.select(t.server_settings.c.value).where(t.server_settings.c.key == key)).scalar()


def write_setting(conn: Connection, key: str, value: str) -> None:
    if read_setting(conn, key) is None:
        conn.execute(t.server_settings.insert().values(key=key, value=value))
    else:
        conn.execute(t.server_settings.update().where(t.server_settings.c.key == key).values(value=value))


# The change log's retention (prune_changes): the positions it had at each pruning, and the
# last position removed. A till whose cursor is below that floor has missed changes for good
# and is answered 410 Gone: it loads a snapshot instead.
LOG_MARKS = "change_log_marks"
LOG_FLOOR = "change_log_floor"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def device_token(code: str, till_id: int, instance_id: str, salt: str) -> str:
    """A till's device token, derived from its enrolment code (the key, never stored), the till,
    the database instance that enrolled and a random salt: the same inputs give the same token,
    so a retried enrolment is answered without the server keeping the token itself."""
    digest = hmac.new(code.encode(), f"{till_id}:{instance_id}:{salt}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def make_engine(url: str) -> Engine:
    """An engine with the settings each backend needs for durable, concurrent use."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL: an acknowledged event must survive a power cut, or "exactly once" is a lie.
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Writers take the lock up front, so two writers queue instead of failing on upgrade;
            # readers (pull, snapshot) stay deferred and never block a writer in WAL mode.
            mode = "IMMEDIATE" if conn.get_execution_options().get("writer") else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=20, max_overflow=20)


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


class SnapshotTooOld(Exception):
    """The cursor a till asked from is older than the change log the server keeps."""


class CentralStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.writer = engine.execution_options(writer=True)

    @classmethod
    def open(cls, url: str) -> CentralStore:
        store = cls(make_engine(url))
        migrate.upgrade(store.engine)
        return store

    def dispose(self) -> None:
        self.engine.dispose()

    # --- change log ------------------------------------------------------------------------

    @staticmethod
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

    @staticmethod
    def head_seq(conn: Connection) -> int:
        """The change log's last position (0 when empty)."""
        return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(t.change_log.c.seq), 0))).scalar_one())

    @staticmethod
    def change(entity: str, key: str, data: dict[str, Any] | None, scope: str = "global") -> dict[str, Any]:
        return {"scope": scope, "entity": entity, "key": key, "data": data}

    # --- stores, tills, enrolment ----------------------------------------------------------

    def create_store(self, code: str, name: str, city: str = "", address: str = "", postcode: str = "") -> int:
        with self.writer.begin() as conn:
            store_id = conn.execute(
                t.stores.insert()
                .values(code=code, name=name, city=city, address=address, postcode=postcode)
                .returning(t.stores.c.id)
            ).scalar_one()
            data = p.StoreData(id=store_id, code=code, name=name, city=city, address=address, postcode=postcode)
            self.log_changes(conn, [self.change("store", str(store_id), data.model_dump(mode="json"))])
            return int(store_id)

    def set_store_address(self, code: str, address: str, postcode: str, city: str) -> None:
        """A store's address as its receipts print it; replicated to every till."""
        with self.writer.begin() as conn:
            row = conn.execute(sa.select(t.stores).where(t.stores.c.code == code)).first()
            if row is None:
                raise KeyError(f"no store with code {code!r}")
            conn.execute(
                t.stores.update().where(t.stores.c.id == row.id).values(address=address, postcode=postcode, city=city)
            )
            data = p.StoreData(id=row.id, code=code, name=row.name, city=city, address=address, postcode=postcode)
            self.log_changes(conn, [self.change("store", str(row.id), data.model_dump(mode="json"))])

    def set_company(self, legal_name: str, nif: str, address: str, postcode: str = "", city: str = "") -> p.CompanyData:
        """The issuer of every receipt and invoice of the chain (RD 1619/2012, art. 6 and 7);
        `nif` must be a valid Spanish NIF (raises ValueError). Replicated to every till."""
        company = p.CompanyData(
            legal_name=legal_name.strip(), nif=valid_nif(nif), address=address.strip(), postcode=postcode, city=city
        )
        with self.writer.begin() as conn:
            values = company.model_dump()
            if conn.execute(sa.select(t.company.c.id)).first() is None:
                conn.execute(t.company.insert().values(**values))
            else:
                conn.execute(t.company.update().where(t.company.c.id == 1).values(**values))
            self.log_changes(conn, [self.change("company", "1", company.model_dump(mode="json"))])
        return company

    def company(self) -> p.CompanyData | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t.company)).first()
        return None if row is None else p.CompanyData.model_validate(dict(row._mapping))

    def store_id_by_code(self, code: str) -> int:
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(t.stores.c.id).where(t.stores.c.code == code)).scalar()
        if found is None:
            raise KeyError(f"no store with code {code!r}")
        return int(found)

    def create_till(self, store_code: str, till_code: str, name: str, valid_hours: int = 72) -> tuple[int, str]:
        """Create (or re-issue) a till and return (till_id, one-time enrolment code)."""
        code = "-".join(secrets.token_hex(2).upper() for _ in range(3))
        expires = (datetime.now(UTC) + timedelta(hours=valid_hours)).isoformat()
        with self.writer.begin() as conn:
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
            conn.execute(
                t.enrolment_codes.update().where(t.enrolment_codes.c.till_id == till_id).values(token_salt=None)
            )
            conn.execute(
                t.enrolment_codes.insert().values(code_hash=hash_secret(code), till_id=till_id, expires_at=expires)
            )
        return int(till_id), code

    def retire_till(self, store_code: str, till_code: str) -> dict[str, Any]:
        """Take a till out of service (a PC replaced or removed): its token stops working, its
        unused enrolment codes are void, and it no longer counts when HQ judges how fresh a
        store's figures are (orders.py: a till switched off for good would otherwise make its
        store promise nothing). Its sales and history stay. `create-till` again enrols a new PC.
        Returns what HQ last heard from it: facts it had not pushed by then cannot come any more."""
        now = utcnow()
        with self.writer.begin() as conn:
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
            conn.execute(
                t.enrolment_codes.update().where(t.enrolment_codes.c.till_id == row.id).values(token_salt=None)
            )
        return {
            "till_id": row.id,
            "last_seen_at": row.last_seen_at,
            "last_push_at": row.last_push_at,
            "last_device_seq": row.last_device_seq,
        }

    def enrol(self, request: p.EnrolRequest) -> p.EnrolResponse:
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
        with self.writer.begin() as conn:
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

    def authenticate(self, token: str) -> Device | None:
        answerable = (
            sa.select(t.enrolment_codes.c.code_hash)
            .where(t.enrolment_codes.c.till_id == t.tills.c.id, t.enrolment_codes.c.token_salt.is_not(None))
            .exists()
        )
        with self.engine.connect() as conn:
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
            with self.writer.begin() as conn:
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

    def note_contact(self, device: Device, instance_id: str | None, app_version: str | None = None) -> None:
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
        with self.writer.begin() as conn:
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
                self.raise_exception(conn, "instance_mismatch", device.store_id, device.till_id, detail)

    @staticmethod
    def skus_named(conn: Connection, sku_ids: Iterable[int]) -> dict[int, Any]:
        """The known SKUs among `sku_ids`, id -> row (id, code, name): what a fact's lines name."""
        rows = conn.execute(
            sa.select(t.skus.c.id, t.skus.c.code, t.skus.c.name).where(t.skus.c.id.in_(sorted(set(sku_ids))))
        )
        return {int(r.id): r for r in rows}

    @staticmethod
    def raise_exception(conn: Connection, kind: str, store_id: int | None, till_id: int | None, detail: str) -> None:
        conn.execute(
            t.exceptions.insert().values(
                kind=kind, store_id=store_id, till_id=till_id, detail=detail, created_at=utcnow()
            )
        )

    def invoicing_records(self, till_id: int | None = None) -> list[dict[str, Any]]:
        """The records HQ holds, in chain order per till (for the AEAT submission and exports)."""
        query = sa.select(t.invoicing_records).order_by(t.invoicing_records.c.till_id, t.invoicing_records.c.id)
        if till_id is not None:
            query = query.where(t.invoicing_records.c.till_id == till_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def move_stock(
        self, conn: Connection, store_id: int, movements: Sequence[tuple[int, int, str | None]], reason: str, now: str
    ) -> list[dict[str, Any]]:
        """Append (sku id, delta, event id) movements to the ledger and add them to the running
        sums (one upsert); returns the new figures as changes to log. A movement of an unknown
        SKU or a figure below zero is recorded and raised as an exception for a person."""
        wanted = sorted({sku_id for sku_id, _, _ in movements})
        known = set(conn.execute(sa.select(t.skus.c.id).where(t.skus.c.id.in_(wanted))).scalars())
        for sku_id in wanted:
            if sku_id not in known:
                # The fact happened; record it and tell a person rather than refuse the sale.
                self.raise_exception(conn, "unknown_sku", store_id, None, f"movement of unknown SKU {sku_id}")
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
        figures = self._add_to_levels(conn, store_id, totals, now)
        changes = []
        for sku_id in sorted(figures):
            quantity = figures[sku_id]
            if quantity < 0:
                self.raise_exception(
                    conn, "negative_stock", store_id, None, f"SKU {sku_id} at store {store_id} is now {quantity}"
                )
            data = p.StockData(store_id=store_id, sku_id=sku_id, quantity=quantity, as_of=now)
            changes.append(self.change("stock", f"{store_id}:{sku_id}", data.model_dump(mode="json")))
        return changes

    @staticmethod
    def _add_to_levels(conn: Connection, store_id: int, deltas: dict[int, int], now: str) -> dict[int, int]:
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

    # --- changes and snapshot (down) -------------------------------------------------------

    @staticmethod
    def _scopes(device: Device) -> list[str]:
        return ["global", f"store:{device.store_id}"]

    def changes_since(self, device: Device, cursor: int, limit: int) -> p.ChangesResponse:
        """The changes after `cursor` the till may see, up to `limit`. When that is all of them,
        the cursor moves to the head of the log, past changes for other stores: a push answered
        with a position those occupy is then seen as included (its event is no longer pending).
        The head is read first: appends commit in log order (see _log), so every position up
        to it is committed and the rows read next cannot miss one."""
        with self.engine.connect() as conn:
            head = self.head_seq(conn)
            rows = conn.execute(
                sa.select(t.change_log.c.seq, t.change_log.c.entity, t.change_log.c.key, t.change_log.c.data)
                .where(
                    t.change_log.c.seq > cursor,
                    t.change_log.c.seq <= head,
                    t.change_log.c.scope.in_(self._scopes(device)),
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

    def prune_changes(self, keep_days: float, now: datetime | None = None, batch: int = 10_000) -> int:
        """Forget the changes logged more than `keep_days` ago; returns how many were removed.

        The log has no time per row: each pruning notes where its head stands now, and removes
        what was logged before the newest such note that is older than `keep_days` (so run
        daily, what goes is one to two days past the retention). The head row itself always
        stays (it is where new tills and snapshots start). Removed in batches, each committed
        with the new floor, so a till's pull never waits long behind it nor reads a page with
        a hole: a cursor below the floor is answered 410 and that till loads a snapshot."""
        now = now or datetime.now(UTC)
        with self.writer.begin() as conn:
            head = self.head_seq(conn)
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
            with self.writer.begin() as conn:
                floor = int(read_setting(conn, LOG_FLOOR) or 0)
                if floor >= upto:
                    return removed
                step = min(upto, floor + batch)
                removed += conn.execute(t.change_log.delete().where(t.change_log.c.seq <= step)).rowcount
                write_setting(conn, LOG_FLOOR, str(step))

    def note_pull(self, device: Device, cursor: int, caught_up: bool) -> None:
        """Where the till stands: it has applied everything up to `cursor`; `caught_up` when
        nothing newer was there for it."""
        now = utcnow()
        values: dict[str, Any] = {"pull_cursor": cursor, "last_pull_at": now}
        if caught_up:
            values["caught_up_at"] = now
        with self.writer.begin() as conn:
            conn.execute(
                t.tills.update().where(t.tills.c.id == device.till_id, t.tills.c.pull_cursor <= cursor).values(**values)
            )

    # --- what HQ looks at -------------------------------------------------------------------

    def event_counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.events.c.status, sa.func.count()).group_by(t.events.c.status)).all()
        return {status: int(n) for status, n in rows}

    def rejected_events(self, limit: int = 100) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(
                    t.events.c.event_id, t.events.c.till_id, t.events.c.type, t.events.c.reason, t.events.c.received_at
                )
                .where(t.events.c.status == "rejected")
                .order_by(t.events.c.received_at)
                .limit(limit)
            ).all()
        return [dict(r._mapping) for r in rows]

    def open_exceptions(self, limit: int = 200) -> list[dict[str, Any]]:
        """What HQ must look at: negative stock, unknown SKUs, restored or cloned till databases."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.exceptions).order_by(t.exceptions.c.id.desc()).limit(limit)).all()
        return [dict(r._mapping) for r in rows]

    def tills_overview(self) -> list[dict[str, Any]]:
        """Every till's last contact and how far behind the change log it is.

        `behind` is the distance in change-log positions from the till's cursor to the head
        (an upper bound of the changes it has not applied); `lag_seconds` is 0 for a till at
        the head, else the time since it last was (or since it enrolled, if never).
        """
        with self.engine.connect() as conn:
            head = self.head_seq(conn)
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

    def stock_level(self, store_id: int, sku_id: int) -> int:
        with self.engine.connect() as conn:
            qty = conn.execute(
                sa.select(t.stock_levels.c.quantity).where(
                    t.stock_levels.c.store_id == store_id, t.stock_levels.c.sku_id == sku_id
                )
            ).scalar()
        return int(qty or 0)
