"""The till's local SQLite database: replica of the server's data, the till's facts, the outbox.

Every SQL statement of the client lives in this package. One `Replica` is one connection; the
UI thread has its own and the sync engine another (used from one worker thread), which WAL
mode lets read and write side by side. Hot paths (barcode lookup, checkout) are plain
prepared SQL on the connection.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pos_app.domain.cart import PricedItem
from pos_app.domain.pricing import PriceEntry, resolve_price
from pos_app.store.identity import Identity
from pos_app.store.members import MemberRecords
from pos_app.store.migrations import (
    CUSTOMER_SEARCH_TRIGGER_NAMES,
    CUSTOMER_SEARCH_TRIGGERS,
    MIGRATIONS,
    REPLICA_INDEXES,
    SCHEMA_VERSION,
    SKU_SEARCH_TRIGGER_NAMES,
    SKU_SEARCH_TRIGGERS,
)
from pos_app.store.order_records import OrderRecords
from pos_app.store.outbox import PENDING, REFUSED
from pos_app.store.stock_records import StockRecords
from pos_app.store.till_records import TillRecords
from sync import protocol as p

log = logging.getLogger(__name__)

# What each fact the till records changes of what its screens show, in the names of the
# protocol's entities (p.EntityName) and the till's own ("sale", "shift"): the replica announces
# them once the transaction commits, and an open screen redraws if it shows any of them.
FACT_CHANGES: dict[str, frozenset[str]] = {
    "sale.completed": frozenset({"sale", "stock", "customer", "order"}),
    "sale.voided": frozenset({"sale"}),
    "invoice.issued": frozenset({"sale"}),
    "invoice.cancelled": frozenset({"sale"}),
    "shift.opened": frozenset({"shift"}),
    "cash.moved": frozenset({"shift"}),
    "shift.closed": frozenset({"shift"}),
    "override.approved": frozenset(),
    "customer.enrolled": frozenset({"customer"}),
    "order.placed": frozenset({"order", "stock"}),
    "order.step": frozenset({"order", "stock"}),
    "transfer.requested": frozenset({"transfer"}),
    "transfer.step": frozenset({"transfer", "stock"}),
    "stock.adjusted": frozenset({"stock"}),
}


class ReplicaError(Exception):
    """The local database cannot be used as it is; the message is for a person."""


# entity -> (table, columns in order, key columns)
_ENTITY_TABLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "tax_rate": ("tax_rates", ("code", "rate_bp", "name"), ("code",)),
    "company": ("company", ("id", "legal_name", "nif", "address", "postcode", "city"), ("id",)),
    "store": ("stores", ("id", "code", "name", "city", "address", "postcode"), ("id",)),
    "family": ("families", ("id", "parent_id", "name"), ("id",)),
    "product": ("products", ("id", "code", "name", "family_id"), ("id",)),
    "sku": ("skus", ("id", "product_id", "code", "name", "size", "colour", "tax_rate_bp", "unit", "active"), ("id",)),
    "barcode": ("barcodes", ("code", "sku_id"), ("code",)),
    "price_list": ("price_lists", ("id", "code", "channel", "name"), ("id",)),
    "price": ("prices", ("id", "price_list_id", "sku_id", "price_cents", "valid_from", "valid_to"), ("id",)),
    "stock": ("stock", ("store_id", "sku_id", "quantity", "as_of"), ("store_id", "sku_id")),
    "role": ("roles", ("code", "name", "permissions", "discount_limit_bp"), ("code",)),
    "staff": ("staff", ("id", "store_id", "name", "role", "pin_hash"), ("id",)),
    "promotion": (
        "promotions",
        (
            "id",
            "code",
            "name",
            "kind",
            "value",
            "target",
            "target_ids",
            "buy",
            "pay",
            "min_total",
            "channels",
            "store_ids",
            "tier",
            "valid_from",
            "valid_to",
            "active",
            "segment",
        ),
        ("id",),
    ),
    "tier": ("tiers", ("code", "name", "threshold", "multiplier_pct", "price_list_id"), ("code",)),
    "customer": (
        "customers",
        ("card", "name", "phone_key", "email_key", "phone_hint", "tier", "points", "spend_12m", "tags"),
        ("card",),
    ),
    "order": (
        "orders",
        (
            "id",
            "number",
            "kind",
            "channel",
            "store_id",
            "code",
            "state",
            "problem",
            "customer_name",
            "card",
            "phone_hint",
            "prepaid",
            "total",
            "ready_until",
            "created_at",
            "lines",
        ),
        ("id",),
    ),
    "transfer": (
        "transfers",
        ("id", "number", "code", "from_store_id", "to_store_id", "state", "order_id", "note", "created_at", "lines"),
        ("id",),
    ),
    "stock_limit": ("stock_limits", ("store_id", "sku_id", "min_qty", "max_qty"), ("store_id", "sku_id")),
    "quick_key": ("quick_keys", ("store_id", "position", "sku_id", "label"), ("store_id", "position")),
}


# The server's data: replaced by a snapshot, never salvaged from a damaged file (safekeeping.py).
REPLICATED_TABLES = frozenset(table for table, _, _ in _ENTITY_TABLES.values())
assert all(list(cols) == p.entity_columns(e) for e, (_, cols, _) in _ENTITY_TABLES.items()), "replica != protocol"


# What waits to go, what the server refused, since when: after every fact (the sync badge). Each
# count reads an index (outbox_pending, outbox_refused), never the whole outbox.
OUTBOX_SUMMARY = (
    "SELECT (SELECT COUNT(*) FROM outbox WHERE acked_at IS NULL), "
    f"(SELECT COUNT(*) FROM outbox WHERE {REFUSED}), "
    "(SELECT MIN(created_at) FROM outbox WHERE acked_at IS NULL)"
)
SEARCH_RANKED = 2000  # how many matches of a type-ahead search are scored (see Replica.search)


def _upsert_sql(table: str, columns: Sequence[str]) -> str:
    """For a snapshot's bulk load (no triggers are in place then)."""
    return f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def _change_sql(table: str, columns: Sequence[str], keys: Sequence[str]) -> str:
    """For a change: a true upsert, so a changed row fires its UPDATE trigger and the search
    index follows (INSERT OR REPLACE deletes without firing DELETE triggers)."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in keys)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"
    )


def _sql_value(value: Any) -> Any:
    """A protocol value as SQLite stores it: lists (an order's lines) as JSON text."""
    if isinstance(value, list):
        return json.dumps([v.model_dump(mode="json") if isinstance(v, p.Model) else v for v in value])
    return value


# A scanned item with its store prices: one row per price entry of the list (?1), or one row with
# NULL price columns when it has none. Columns: id, code, name, tax, unit, family, price,
# valid_from, valid_to, entry id.
_ITEM = (
    "SELECT s.id, s.code, s.name, s.tax_rate_bp, s.unit, p.family_id, "
    "pr.price_cents, pr.valid_from, pr.valid_to, pr.id FROM {source} "
    "JOIN products p ON p.id = s.product_id "
    "LEFT JOIN prices pr ON pr.sku_id = s.id AND pr.price_list_id = ?1 WHERE {key} AND s.active = 1"
)
_ITEM_BY_BARCODE = _ITEM.format(source="barcodes b JOIN skus s ON s.id = b.sku_id", key="b.code = ?2")
_ITEM_BY_SKU = _ITEM.format(source="skus s", key="s.id = ?2")


def _family_chain(family_id: int | None, parents: dict[int, int | None]) -> tuple[int, ...]:
    chain: list[int] = []
    current = family_id
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return tuple(chain)


def _parse_time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def write_private(path: Path, text: str) -> None:
    """Write a secret whole or not at all, readable and writable by this user only (POSIX; on
    Windows the data folder's permissions apply: the user's own profile by default)."""
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, path)


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class OutboxEvent:
    seq: int
    event_id: str
    type: str
    payload: dict[str, Any]
    created_at: str

    def to_wire(self) -> p.Event:
        return p.Event(
            event_id=uuid.UUID(self.event_id),
            device_seq=self.seq,
            type=self.type,
            created_at=datetime.fromisoformat(self.created_at),
            payload=self.payload,
        )


@dataclass(frozen=True, slots=True)
class OutboxSummary:
    pending: int
    rejected: int
    oldest_pending: str | None


class Replica:
    """The till's database: the catalog and the server's data it replicates, the outbox, the
    sync cursor, and its parts, one per concern, built on the same connection (records.py):
    `sales` (sales, returns, shifts, people), `members`, `orders`, `stock`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.sales = TillRecords(self)
        self.members = MemberRecords(self)
        self.orders = OrderRecords(self)
        self.stock = StockRecords(self)
        self._catalog: tuple[tuple[int, int], int | None, dict[int, int | None]] | None = None
        # The till's identity, read once: it changes only through save_identity (enrolment), and
        # a scan asks for it twice (the store's promotions and the units held for its orders).
        self._identity: Identity | None = None
        # Told once a transaction that queued facts for the server has committed, with what they
        # changed (FACT_CHANGES): the till wakes its push, recounts what waits and tells open
        # screens. No service has to remember to say so.
        self.fact_recorded: Callable[[frozenset[str]], None] | None = None
        self._facts_queued: set[str] | None = None  # what the open transaction's facts change

    @classmethod
    def open(cls, path: Path | str, busy_timeout_ms: int = 5000, autocheckpoint: bool = True) -> Replica:
        """Open (and create or upgrade) the till's database. `autocheckpoint=False` for a
        connection whose commits must never copy the WAL into the database (the screen's, and a
        snapshot's: a 1M-SKU load leaves ~700 MB to copy); the sync thread runs `checkpoint()`."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the till's data: its user's only
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        try:
            conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            conn.execute("PRAGMA journal_mode=WAL")
            # FULL: a sale the cashier saw completed survives a power cut.
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            # After a 1M-SKU snapshot the WAL reaches ~700 MB; give the disk back once it is copied.
            conn.execute("PRAGMA journal_size_limit=67108864")
            if not autocheckpoint:
                conn.execute("PRAGMA wal_autocheckpoint=0")
            replica = cls(conn, path)
            replica._migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise ReplicaError(f"The local database {path} cannot be opened: {exc}") from exc
        return replica

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it or none of it."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._facts_queued = None
            raise
        else:
            self.conn.execute("COMMIT")
            if self._facts_queued is not None:
                self._announce_facts()

    def record_fact(
        self, conn: sqlite3.Connection, type_: str, payload: p.Model, created: str, event_id: str | None = None
    ) -> str:
        """The one way a fact enters the outbox (validated against its wire model already): in
        the caller's transaction; the replica announces it once that is committed. Returns its
        event id (a new one unless the caller chose it, as a sale does)."""
        event_id = event_id or str(uuid.uuid4())
        conn.execute(
            "INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, ?, ?, ?)",
            (event_id, type_, payload.model_dump_json(), created),  # pydantic's own encoder: one pass, compact
        )
        self._facts_queued = (self._facts_queued or set()) | FACT_CHANGES.get(type_, frozenset())
        if not conn.in_transaction:  # (written outside a transaction: committed already)
            self._announce_facts()
        return event_id

    def _announce_facts(self) -> None:
        changed, self._facts_queued = frozenset(self._facts_queued or ()), None
        if self.fact_recorded is not None:
            try:
                self.fact_recorded(changed)
            except Exception:  # the facts are saved whatever a listener does
                log.exception("a listener of recorded facts failed")

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ReplicaError(
                f"The local database was written by a newer version of the till (schema {version}, "
                f"this build knows {SCHEMA_VERSION}): install the newer version."
            )
        if version < SCHEMA_VERSION:
            # Every step due in one transaction: a new till's file is made with one commit (one
            # wait for the disk, not one per step), and an upgrade happens whole or not at all.
            steps = "\n".join(MIGRATIONS[version:SCHEMA_VERSION])
            try:
                self.conn.executescript(f"BEGIN IMMEDIATE;\n{steps}\nPRAGMA user_version={SCHEMA_VERSION};\nCOMMIT;")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        raw = self.meta("identity")
        if raw is not None and "token" in json.loads(raw):  # an earlier build's: move the token out
            identity = self.identity()
            assert identity is not None
            self.save_identity(identity)
        if self.meta("instance_id") is None:
            # Names this database file; a restored or cloned copy shows up at the server as such.
            self.set_meta("instance_id", str(uuid.uuid4()))

    # --- meta -------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    @property
    def instance_id(self) -> str:
        return self.meta("instance_id") or ""

    @property
    def token_path(self) -> Path:
        """The device token lives beside the database, readable by the till's user only, and
        in neither the database, its backups nor a diagnostics bundle."""
        return self.path.with_suffix(".token")

    def identity(self) -> Identity | None:
        if self._identity is not None:
            return self._identity
        raw = self.meta("identity")
        if raw is None:
            return None
        fields = json.loads(raw)
        if "token" not in fields:  # (databases of earlier builds kept it inside)
            try:
                fields["token"] = self.token_path.read_text(encoding="ascii").strip()
            except OSError:
                fields["token"] = ""  # lost with its file: the server refuses it, re-enrol
        self._identity = Identity(**fields)
        return self._identity

    def save_identity(self, identity: Identity) -> None:
        write_private(self.token_path, identity.token)
        fields = asdict(identity)
        del fields["token"]
        self.set_meta("identity", json.dumps(fields))
        self._identity = identity

    def snapshot_due(self) -> bool:
        """A repaired database loads a fresh snapshot at the next pull (its cursor is kept
        meanwhile, so the till sells from the restored data until then)."""
        return self.meta("snapshot_due") is not None

    def cursor(self) -> int | None:
        """Change-log position this replica has reached; None before the first snapshot."""
        raw = self.meta("cursor")
        return None if raw is None else int(raw)

    def current_at(self) -> datetime | None:
        """When this replica last stood at the server's head (the age of what the till shows)."""
        raw = self.meta("current_at")
        return None if raw is None else datetime.fromisoformat(raw)

    # --- lookups at the till ----------------------------------------------------------------

    def store_price_list_id(self) -> int | None:
        return self._lookups()[0]

    def _lookups(self) -> tuple[int | None, dict[int, int | None]]:
        """The store's price list and the family tree (child -> parent), which every scan needs and
        which change only with the catalog: read again when the database changed, by a pull on
        another connection (`data_version`) or a write on this one (`total_changes`), not per scan."""
        version = (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)
        if self._catalog is None or self._catalog[0] != version:
            row = self.conn.execute("SELECT id FROM price_lists WHERE channel = 'store' ORDER BY id LIMIT 1").fetchone()
            parents = {r[0]: r[1] for r in self.conn.execute("SELECT id, parent_id FROM families")}
            self._catalog = (version, None if row is None else row[0], parents)
        return self._catalog[1], self._catalog[2]

    def item_by_barcode(self, code: str, moment: datetime | None = None) -> PricedItem | None:
        """The item a scan names, priced from the store's list: one statement (the scan's hot path)."""
        price_list_id, parents = self._lookups()
        rows = self.conn.execute(_ITEM_BY_BARCODE, (price_list_id, code)).fetchall()
        return self._priced(rows, parents, moment, barcode=code) if rows else None

    def quick_keys(self, store_id: int) -> list[tuple[int, int, str]]:
        """The store's favourites grid: (position, SKU id, label: HQ's, else the SKU's name), of
        SKUs still sold, in position order."""
        rows = self.conn.execute(
            "SELECT q.position, q.sku_id, CASE WHEN q.label <> '' THEN q.label ELSE s.name END "
            "FROM quick_keys q JOIN skus s ON s.id = q.sku_id WHERE q.store_id = ? AND s.active = 1 "
            "ORDER BY q.position",
            (store_id,),
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def item_by_sku_id(self, sku_id: int, moment: datetime | None = None) -> PricedItem | None:
        price_list_id, parents = self._lookups()
        rows = self.conn.execute(_ITEM_BY_SKU, (price_list_id, sku_id)).fetchall()
        return self._priced(rows, parents, moment) if rows else None

    def member_price(self, sku_id: int, price_list_id: int, moment: datetime | None = None) -> int | None:
        """The price of a SKU in a tier's price list, if it has one in force."""
        entries = [
            PriceEntry(price_list_id, sku_id, r[0], _parse_time(r[1]), _parse_time(r[2]), r[3])
            for r in self.conn.execute(
                "SELECT price_cents, valid_from, valid_to, id FROM prices WHERE sku_id = ? AND price_list_id = ?",
                (sku_id, price_list_id),
            )
        ]
        entry = resolve_price(entries, moment or now_utc())
        return None if entry is None else entry.price_cents

    @staticmethod
    def _priced(
        rows: list[sqlite3.Row], parents: dict[int, int | None], moment: datetime | None, barcode: str = ""
    ) -> PricedItem:
        """A SKU's row, once per price entry of the store's list (one row with no price when none)."""
        first = rows[0]
        if len(rows) == 1 and first[7] is None and first[8] is None:  # the usual case: one price, or none
            price = -1 if first[9] is None else first[6]
        else:
            entries = [
                PriceEntry(0, first[0], r[6], _parse_time(r[7]), _parse_time(r[8]), r[9])
                for r in rows
                if r[9] is not None
            ]
            found = resolve_price(entries, moment or now_utc())
            price = -1 if found is None else found.price_cents  # -1: known SKU, no price in force
        return PricedItem(
            first[0], first[1], first[2], price, first[3], barcode, _family_chain(first[5], parents), first[4]
        )

    def family_chain(self, family_id: int | None) -> tuple[int, ...]:
        """A family and every family above it (promotions on "Moda" cover "Moda > Mujer")."""
        return _family_chain(family_id, self._lookups()[1])

    def search(self, text: str, limit: int = 50) -> list[tuple[int, str, str]]:
        """(sku id, code, name) of SKUs whose name or code starts with every word typed, best
        first: the shortest matching name first (then catalog order).

        Why not bm25: every match of an AND of prefixes contains every word, so bm25's IDF part
        is the same for all of them and its order comes down to term frequency and length; a
        product name rarely repeats a word, so "shorter first" is the same order. But bm25 counts
        each word over the whole index to get that IDF ("neg*": 155,000 rows at 1M SKUs), which
        made a two-word query take 17 ms to rank 2,000 names; ordering by length takes 6.5.

        Ranking is bounded: at most SEARCH_RANKED matches are ordered, the first ones in catalog
        order. A selective query (nearly all of them) is ranked whole; a broad one ("co": a
        quarter of the catalog) ranks a sample, for an order the cashier narrows with the next
        letter anyway.
        """
        words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
        if not words:
            return []
        query = " ".join(f'"{w}"*' for w in words)
        # Where the SEARCH_RANKED-th match is (cheap: the index is walked in rowid order, unscored).
        last = self.conn.execute(
            "SELECT rowid FROM sku_search WHERE sku_search MATCH ? LIMIT 1 OFFSET ?", (query, SEARCH_RANKED - 1)
        ).fetchone()
        rows = self.conn.execute(
            "SELECT s.id, s.code, s.name FROM sku_search JOIN skus s ON s.id = sku_search.rowid "
            "WHERE sku_search MATCH ? AND sku_search.rowid <= ? AND s.active = 1 "
            "ORDER BY length(s.name), s.id LIMIT ?",
            (query, last[0] if last else 2**63 - 1, limit),
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def variants(self, sku_id: int) -> list[tuple[int, str, str]]:
        """(sku id, size, colour) of every active SKU of the same product, by size then colour."""
        rows = self.conn.execute(
            "SELECT v.id, v.size, v.colour FROM skus s JOIN skus v ON v.product_id = s.product_id "
            "WHERE s.id = ? AND v.active = 1 ORDER BY v.id",
            (sku_id,),
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def data_version(self) -> int:
        """Changes whenever another connection (the sync's) commits: cheap cache invalidation."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def stock_on_hand(self, store_id: int, sku_id: int) -> int:
        """Last confirmed figure plus this till's movements the server's figure does not yet include."""
        cursor = self.cursor() or 0
        row = self.conn.execute(
            "SELECT COALESCE((SELECT quantity FROM stock WHERE store_id = ? AND sku_id = ?), 0) + "
            "COALESCE((SELECT SUM(m.delta) FROM stock_movements m JOIN outbox o ON o.event_id = m.event_id "
            f"          WHERE m.store_id = ? AND m.sku_id = ? AND {PENDING}), 0)",
            (store_id, sku_id, store_id, sku_id, cursor),
        ).fetchone()
        return int(row[0])

    def sales_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0])

    # --- outbox (for the sync engine) -------------------------------------------------------

    def pending_events(self, limit: int) -> list[OutboxEvent]:
        rows = self.conn.execute(
            "SELECT seq, event_id, type, payload, created_at FROM outbox WHERE acked_at IS NULL ORDER BY seq LIMIT ?",
            (limit,),
        ).fetchall()
        return [OutboxEvent(r[0], r[1], r[2], json.loads(r[3]), r[4]) for r in rows]

    def record_results(self, results: Iterable[p.EventResult]) -> None:
        """Store the server's answers; only answered events leave the pending queue."""
        now = now_utc().isoformat()
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE outbox SET status = ?, reason = ?, ack_seq = ?, acked_at = ? "
                "WHERE event_id = ? AND acked_at IS NULL",
                [(r.status, r.reason, r.seq, now, str(r.event_id)) for r in results],
            )
            # A member's phone and e-mail stay on the till only until the server has them.
            conn.executemany(
                "UPDATE outbox SET payload = json_remove(payload, '$.phone', '$.email') "
                "WHERE event_id = ? AND type = 'customer.enrolled' AND acked_at IS NOT NULL",
                [(str(r.event_id),) for r in results],
            )

    def outbox_summary(self) -> OutboxSummary:
        row = self.conn.execute(OUTBOX_SUMMARY).fetchone()
        return OutboxSummary(int(row[0]), int(row[1]), row[2])

    def invoicing_records_waiting(self) -> tuple[int, str | None]:
        """VERI*FACTU records not yet at HQ (HQ sends them to the AEAT): how many, and when the
        oldest was made (its FechaHoraHusoGenRegistro), None when none waits."""
        row = self.conn.execute(
            "SELECT COUNT(*), MIN(json_extract(payload, '$.invoicing_record.generated_at')) FROM outbox "
            "WHERE acked_at IS NULL AND json_extract(payload, '$.invoicing_record.hash') IS NOT NULL"
        ).fetchone()
        return int(row[0]), row[1]

    def rejected_events(self, limit: int = 100) -> list[tuple[int, str, str, str]]:
        """(seq, type, created_at, reason) of events the server refused, newest first."""
        rows = self.conn.execute(
            "SELECT seq, type, created_at, reason FROM outbox "
            f"WHERE {REFUSED} ORDER BY seq DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [(r[0], r[1], r[2], r[3] or "") for r in rows]

    # --- changes from the server ------------------------------------------------------------

    def apply_changes(self, changes: Sequence[p.Change], cursor: int, at_head: bool = False) -> None:
        """A page of changes and the cursor after it, in one transaction; `at_head` when the
        server had nothing newer, which dates the replica as current."""
        with self.transaction() as conn:
            self._write_rows(conn, changes)
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('cursor', ?)", (str(cursor),))
            if at_head:
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('current_at', ?)", (now_utc().isoformat(),)
                )

    @staticmethod
    def _write_rows(conn: sqlite3.Connection, changes: Iterable[p.Change]) -> None:
        upserts: dict[str, list[tuple[Any, ...]]] = {}
        for change in changes:
            table, columns, keys = _ENTITY_TABLES[change.entity]
            if change.data is None:
                # Pending upserts of this entity go first so that order is respected.
                if upserts.get(change.entity):
                    conn.executemany(_change_sql(table, columns, keys), upserts.pop(change.entity))
                key_values = change.key.split(":") if len(keys) > 1 else [change.key]
                conn.execute(f"DELETE FROM {table} WHERE " + " AND ".join(f"{k} = ?" for k in keys), key_values)
                continue
            typed = change.typed()
            assert typed is not None
            values = typed.model_dump(mode="json")
            upserts.setdefault(change.entity, []).append(tuple(_sql_value(values[c]) for c in columns))
        for entity, rows in upserts.items():
            table, columns, keys = _ENTITY_TABLES[entity]
            conn.executemany(_change_sql(table, columns, keys), rows)

    def snapshot_writer(self) -> SnapshotWriter:
        """A writer on its own connection, so a long snapshot never mixes with other writes."""
        return SnapshotWriter(Replica.open(self.path, busy_timeout_ms=60_000, autocheckpoint=False))

    def checkpoint(self) -> None:
        """Copy the WAL into the database without waiting on anyone (the sync thread's chore).

        A checkpoint that finds the database busy or locked is skipped: the next round copies
        what is left (it is a chore, and on a busy till a round is seconds away)."""
        try:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            log.info("checkpoint skipped this round: %s", exc)


class SnapshotWriter:
    """Replaces the replicated data with a snapshot: all of it or none, built aside and swapped.

    The rows stream into a file of their own beside the till's database (`<db>.snapshot`,
    attached as `aside`), so while a snapshot arrives (seconds to minutes for a big catalog)
    the till's database is not locked: a till that re-bootstraps keeps selling and a checkout
    waits for nobody. `finish` then swaps it in, in one transaction of the till's database:
    the replicated tables emptied and filled from the aside file, indexes and the search index
    rebuilt once, what this till made that the snapshot cannot know yet restored. Only the
    server's data is replaced; the till's own facts and its outbox are untouched. A cut or
    corrupt stream leaves the till's data as it was, and the aside file is removed.
    """

    def __init__(self, replica: Replica) -> None:
        self.replica = replica
        self.aside = Path(f"{replica.path}.snapshot")

    def _remove_aside(self) -> None:
        for leftover in (self.aside, Path(f"{self.aside}-journal")):
            leftover.unlink(missing_ok=True)

    def begin(self) -> None:
        conn = self.replica.conn
        self._remove_aside()  # a crash's leftover: nothing in it is kept
        conn.execute("ATTACH DATABASE ? AS aside", (str(self.aside),))
        conn.execute("PRAGMA aside.journal_mode=MEMORY")  # a scratch file: a crash leaves it for the next try
        conn.execute("PRAGMA aside.synchronous=OFF")
        for table in _ENTITY_TABLES.values():
            ddl = conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?", (table[0],))
            conn.execute(re.sub(r"^CREATE TABLE (IF NOT EXISTS )?", "CREATE TABLE aside.", ddl.fetchone()[0], count=1))
        conn.execute("BEGIN")  # writes to the aside file only: the till's database stays unlocked

    def batch(self, entity: str, rows: Sequence[Sequence[Any]]) -> None:
        """Rows of one entity, values in the entity's column order (as validated by the protocol)."""
        table, columns, _ = _ENTITY_TABLES[entity]
        if entity in ("order", "transfer"):
            rows = [tuple(_sql_value(v) for v in row) for row in rows]
        self.replica.conn.executemany(_upsert_sql(f"aside.{table}", columns), rows)

    def stock_by_sku(self, stores: Sequence[int], as_of: datetime, rows: Sequence[Sequence[int | None]]) -> None:
        """Rows of [sku_id, quantity at each of `stores` or None]: SQLite spreads each into one
        stock row per store with a figure, so Python never builds the per-store rows."""
        if not stores:
            return
        values = ", ".join(f"({int(store)}, ?{n})" for n, store in enumerate(stores, 2))
        stamp = as_of.astimezone(UTC).isoformat()  # from a datetime: digits and -:.+T only
        self.replica.conn.executemany(
            "INSERT OR REPLACE INTO aside.stock (store_id, sku_id, quantity, as_of) "
            f"SELECT column1, ?1, column2, '{stamp}' FROM (VALUES {values}) WHERE column2 IS NOT NULL",
            rows,
        )

    def finish(self, cursor: int, member_key: str = "") -> None:
        conn = self.replica.conn
        conn.execute("COMMIT")  # the aside file is complete
        conn.execute("BEGIN IMMEDIATE")  # the swap: the only time the till's database waits on the snapshot
        for name in SKU_SEARCH_TRIGGER_NAMES + CUSTOMER_SEARCH_TRIGGER_NAMES:
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        for name in REPLICA_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS main.{name}")
        conn.execute("INSERT INTO sku_search (sku_search) VALUES ('delete-all')")
        conn.execute("INSERT INTO customer_search (customer_search) VALUES ('delete-all')")
        for table, _, _ in _ENTITY_TABLES.values():
            conn.execute(f"DELETE FROM main.{table}")
        for table, columns, _ in _ENTITY_TABLES.values():
            names = ", ".join(columns)
            conn.execute(f"INSERT OR REPLACE INTO main.{table} ({names}) SELECT {names} FROM aside.{table}")
        for index in REPLICA_INDEXES.values():
            conn.execute(index)
        conn.execute("INSERT INTO sku_search (sku_search) VALUES ('rebuild')")
        conn.execute("INSERT INTO customer_search (customer_search) VALUES ('rebuild')")
        for trigger in SKU_SEARCH_TRIGGERS + CUSTOMER_SEARCH_TRIGGERS:
            conn.execute(trigger)
        # Members enrolled here that the server has not confirmed yet survive the snapshot.
        self.replica.members.restore_pending_enrolments(conn, member_key, cursor)
        identity = self.replica.identity()
        if identity is not None:  # and reservations and transfers made here
            self.replica.orders.restore_pending_reservations(conn, identity.store_id, cursor)
            self.replica.stock.restore_pending_transfers(conn, identity.store_id, cursor)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('member_key', ?)", (member_key,))
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('cursor', ?)", (str(cursor),))
        conn.execute("DELETE FROM meta WHERE key = 'snapshot_due'")
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('current_at', ?)", (now_utc().isoformat(),))
        conn.execute("COMMIT")

    def close(self) -> None:
        conn = self.replica.conn
        if conn.in_transaction:
            conn.execute("ROLLBACK")  # the triggers come back with the rollback
        if any(row[1] == "aside" for row in conn.execute("PRAGMA database_list")):
            conn.execute("DETACH DATABASE aside")
        self.replica.close()
        self._remove_aside()
