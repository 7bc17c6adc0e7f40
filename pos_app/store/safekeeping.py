"""Keeping the till's database safe: daily backups, and repair of a damaged database at start.

- `backup()` copies the live database with SQLite's online backup API (consistent while the
  till sells) into `backups/till-YYYY-MM-DD.sqlite`, checked, and keeps the last KEEP_DAYS.
- `start_check()` says whether the database is damaged as the till starts: it cannot be opened,
  or SQLite's quick check fails (of every page, or of the till's own tables: see
  CHECKED_WITHIN). A database written by a newer build is not damaged (it is refused).
- `repair()` sets the damaged files aside (never deleted: support may want them), restores the
  newest sound backup (or starts empty), and copies into it every row of the till's own facts
  that can still be read from the damaged file: sales, payments, movements, shifts and, above
  all, the outbox. What the server already has comes back as "duplicate" when pushed again, so
  nothing reaches it twice; what it has not is pushed, so nothing is lost that could be read.
  The restored database gets a new instance id (the server sees a restored database, records
  an `instance_mismatch` exception for HQ and goes on accepting its facts by event id) and
  loads a fresh snapshot of the server's data at the next sync.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from pos_app.store.replica import REPLICATED_TABLES, Replica, ReplicaError

log = logging.getLogger(__name__)

KEEP_DAYS = 5
BACKUP_PREFIX = "till-"

# Tables the server owns (replaced by a snapshot) and derived ones: not salvaged.
_NOT_SALVAGED = {"meta", "sqlite_sequence", "order_skus"}
# Append-only: a row already restored is never replaced.
_APPEND_ONLY = {"journal", "invoicing_records"}


@dataclass
class RepairReport:
    set_aside: Path
    backup: Path | None  # the backup restored, None when the till started from nothing
    salvaged: dict[str, int] = field(default_factory=dict)  # rows read back from the damaged file
    unreadable: list[str] = field(default_factory=list)  # tables of which some rows could not be read
    pending: int = 0  # facts waiting to be sent after the repair

    def summary(self) -> str:
        source = f"the backup of {self.backup.stem.removeprefix(BACKUP_PREFIX)}" if self.backup else "nothing"
        rows = sum(self.salvaged.values())
        text = (
            f"The till's database was damaged and has been repaired: restored from {source}, "
            f"{rows} record(s) recovered from the damaged file, {self.pending} fact(s) to send. "
            f"The damaged file is kept in {self.set_aside}."
        )
        if self.unreadable:
            text += f" Some records of {', '.join(self.unreadable)} could not be read."
        return text


# --- backups -------------------------------------------------------------------------------


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backups(db_path: Path) -> list[Path]:
    """Newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{BACKUP_PREFIX}????-??-??.sqlite"), reverse=True)


def backup_due(db_path: Path, today: date | None = None) -> bool:
    day = (today or datetime.now(UTC).date()).isoformat()
    return not (backup_dir(db_path) / f"{BACKUP_PREFIX}{day}.sqlite").exists()


def backup(db_path: Path, today: date | None = None, keep_days: int = KEEP_DAYS) -> Path:
    """Today's backup (replaced if there is one), then the ones older than keep_days go.

    Runs on a thread of its own: the copy is one read transaction (WAL: the till's writes go on
    meanwhile); the copy is checked before it takes a backup's name.
    """
    day = today or datetime.now(UTC).date()
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{BACKUP_PREFIX}{day.isoformat()}.sqlite"
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    try:
        source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                found = copy.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.OperationalError:  # busy, disk full, no permission: not damage; tried again later
        partial.unlink(missing_ok=True)
        raise
    except sqlite3.DatabaseError as exc:  # malformed, not a database
        found = str(exc)
    if found != "ok":
        partial.unlink(missing_ok=True)
        mark_damaged(db_path, f"the daily backup's check failed: {found}")
        raise sqlite3.DatabaseError(f"the database is damaged ({found}): it is repaired at the next start")
    _private(partial)
    partial.replace(target)
    for old in backups(db_path):
        stamp = date.fromisoformat(old.stem.removeprefix(BACKUP_PREFIX))
        if stamp < day - timedelta(days=keep_days - 1):
            old.unlink(missing_ok=True)
    return target


def _private(path: Path) -> None:
    with contextlib.suppress(OSError):  # on Windows the folder's permissions apply
        path.chmod(0o600)


# --- damage --------------------------------------------------------------------------------

# A full check reads the whole file: about 1 s per 700 MB (a 1M-SKU catalog), too slow for every
# start. So at start the full check runs only when the last run did not end cleanly (a power cut,
# a crash: when damage happens) or when no backup has checked the whole file in CHECKED_WITHIN;
# otherwise only the till's own facts (what must never be lost) are checked. The daily backup
# checks every page of its copy, and a failed check marks the database for repair at next start.
CHECKED_WITHIN = timedelta(hours=36)


def _marker(db_path: Path, name: str) -> Path:
    return db_path.with_name(f"{db_path.stem}.{name}")


def mark_running(db_path: Path) -> None:
    _marker(db_path, "running").touch()


def mark_closed(db_path: Path) -> None:
    _marker(db_path, "running").unlink(missing_ok=True)


def mark_damaged(db_path: Path, why: str) -> None:
    """Found damaged while running (the backup's check, a read that failed): repaired at next start."""
    _marker(db_path, "damaged").write_text(why, encoding="utf-8")


def start_check(db_path: Path, now: datetime | None = None) -> str | None:
    """What is wrong with the database as the till starts, or None (see CHECKED_WITHIN)."""
    if not db_path.exists():
        return None
    marked = _marker(db_path, "damaged")
    if marked.exists():
        return marked.read_text(encoding="utf-8", errors="replace") or "marked damaged"
    newest = backups(db_path)
    checked = datetime.fromtimestamp(newest[0].stat().st_mtime, UTC) if newest else datetime.fromtimestamp(0, UTC)
    crashed = _marker(db_path, "running").exists()
    full = crashed or (now or datetime.now(UTC)) - checked > CHECKED_WITHIN
    return damage(db_path, full=full)


def damage(db_path: Path, full: bool = True) -> str | None:
    """What is wrong with the database at `db_path`, or None if it is sound (or absent). Not
    `full`: the schema and the till's own tables only (fast whatever the catalog's size)."""
    if not db_path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    try:
        if full:
            found = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        else:
            found = []
            for table in _own_tables(conn):
                found += [row[0] for row in conn.execute(f'PRAGMA quick_check("{table}")') if row[0] != "ok"]
            found = found or ["ok"]
        return None if found == ["ok"] else "; ".join(found[:5])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


def _own_tables(conn: sqlite3.Connection) -> list[str]:
    """The till's own tables (and meta): everything but the server's data and the search indexes."""
    return [
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if row[0] not in REPLICATED_TABLES
        and "_search" not in row[0]
        and row[0] not in ("sqlite_sequence", "order_skus")
    ]


def _sound(path: Path) -> bool:
    return damage(path) is None


# --- repair --------------------------------------------------------------------------------


def repair(db_path: Path, now: datetime | None = None) -> RepairReport:
    """Set the damaged database aside and put a repaired one in its place (see the module)."""
    now = now or datetime.now(UTC)
    aside = db_path.parent / "damaged" / now.strftime("%Y%m%d-%H%M%S")
    aside.mkdir(parents=True, exist_ok=True)
    damaged = aside / db_path.name
    for suffix in ("", "-wal", "-shm"):  # the WAL holds the latest commits: it goes with its file
        part = db_path.with_name(db_path.name + suffix)
        if part.exists():
            part.replace(aside / part.name)
    restored = next((b for b in backups(db_path) if _sound(b)), None)
    if restored is not None:
        shutil.copyfile(restored, db_path)
        _private(db_path)
    report = RepairReport(set_aside=aside, backup=restored)
    replica = Replica.open(db_path)  # migrates an older backup; creates an empty database without one
    try:
        conn = replica.conn
        conn.execute("PRAGMA foreign_keys=OFF")
        with replica.transaction():
            if damaged.exists():
                _salvage(damaged, conn, report)
            # A new name: the server sees a restored database (and says so to HQ), and a fresh
            # snapshot replaces the server's data, which may be older than the facts recovered.
            replica.set_meta("instance_id", str(uuid.uuid4()))
            replica.set_meta("snapshot_due", now.isoformat())
            _receipt_floor(replica)
            report.pending = conn.execute("SELECT COUNT(*) FROM outbox WHERE acked_at IS NULL").fetchone()[0]
            replica.set_meta("repaired", json.dumps({"at": now.isoformat(), "summary": report.summary()}))
        conn.execute("PRAGMA foreign_keys=ON")
    finally:
        replica.close()
    _marker(db_path, "damaged").unlink(missing_ok=True)
    log.warning("%s", report.summary())
    return report


def _salvage(damaged: Path, conn: sqlite3.Connection, report: RepairReport) -> None:
    """Copy what can be read of the till's own tables from the damaged file (read-only) into `conn`."""
    try:
        src = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        report.unreadable.append("the whole file")
        return
    try:
        try:
            tables = {row[0] for row in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError:
            report.unreadable.append("the whole file")
            return
        own = set(_own_tables(conn)) - _NOT_SALVAGED
        for table in sorted(own & tables):
            _salvage_table(src, conn, table, report)
        _salvage_identity(src, conn)
    finally:
        src.close()


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _salvage_table(src: sqlite3.Connection, conn: sqlite3.Connection, table: str, report: RepairReport) -> None:
    try:
        columns = [c for c in _columns(conn, table) if c in _columns(src, table)]
    except sqlite3.DatabaseError:
        report.unreadable.append(table)
        return
    names = ", ".join(columns)
    verb = "INSERT OR IGNORE" if table in _APPEND_ONLY else "INSERT OR REPLACE"  # the damaged file is newer
    insert = f"{verb} INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"
    rows: dict[tuple[object, ...], None] = {}
    # Read forwards until a damaged page stops the scan, then backwards from the other end:
    # together they recover every row that is not on a damaged page itself.
    broken = False
    for order in ("", " ORDER BY rowid DESC"):
        try:
            for row in src.execute(f"SELECT {names} FROM {table}{order}"):
                rows[tuple(row)] = None
            if not order:
                break
        except sqlite3.DatabaseError:
            broken = True
    if broken:
        report.unreadable.append(table)
    if rows:
        conn.executemany(insert, list(rows))
        report.salvaged[table] = len(rows)


def _salvage_identity(src: sqlite3.Connection, conn: sqlite3.Connection) -> None:
    """Without a backup, the till's identity comes from the damaged file if it can be read."""
    with contextlib.suppress(sqlite3.DatabaseError):
        for key in ("identity", "member_key"):
            row = src.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            if row is not None:
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, row[0]))


def _receipt_floor(replica: Replica) -> None:
    """Receipts numbered after the backup whose sales rows could not be read still have their
    facts in the outbox: numbering goes on above them, so no number is given twice."""
    floor: dict[str, int] = {}
    for (payload,) in replica.conn.execute("SELECT payload FROM outbox WHERE type = 'sale.completed'"):
        with contextlib.suppress(ValueError, KeyError, TypeError):
            sale = json.loads(payload)
            series, number = str(sale["series"]), int(sale["number"])
            floor[series] = max(floor.get(series, 0), number)
    replica.set_meta("receipt_floor", json.dumps(floor))


# --- health, for support -------------------------------------------------------------------


def health_report(path: Path) -> dict[str, Any]:
    """What support needs to know of the database file, read-only, without a customer's row:
    integrity, journal, schema, rows per table, what waits and what was refused (by type and
    reason), identity without the token, the last repair (diagnostics.py bundles it)."""
    if not path.exists():
        return {"present": False}
    info: dict[str, Any] = {"present": True, "bytes": path.stat().st_size}
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        return info | {"error": str(exc)}
    try:
        info["schema"] = conn.execute("PRAGMA user_version").fetchone()[0]
        problem = damage(path)
        info["quick_check"] = ["ok"] if problem is None else [problem]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        info["rows"] = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        info["outbox_waiting"] = dict(
            conn.execute("SELECT type, COUNT(*) FROM outbox WHERE acked_at IS NULL GROUP BY type").fetchall()
        )
        info["refused"] = [
            {"seq": seq, "type": kind, "reason": reason or "", "created_at": created}
            for seq, kind, reason, created in conn.execute(
                "SELECT seq, type, reason, created_at FROM outbox WHERE status = 'rejected' ORDER BY seq DESC LIMIT 50"
            )
        ]
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        identity = json.loads(meta.get("identity") or "{}")
        identity.pop("token", None)  # (an earlier build's database kept it there)
        info["identity"] = identity
        info["cursor"], info["current_at"] = meta.get("cursor"), meta.get("current_at")
        info["instance_id"] = meta.get("instance_id")
        info["repaired"] = json.loads(meta["repaired"]) if "repaired" in meta else None
    except (sqlite3.DatabaseError, ValueError) as exc:
        info["error"] = str(exc)
    finally:
        conn.close()
    if "error" not in info:
        info["journal_problems"] = _journal(path)
    return info


def _journal(path: Path) -> list[str]:
    try:
        replica = Replica.open(path)
    except ReplicaError as exc:
        return [str(exc)]
    try:
        return replica.sales.verify_journal()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        replica.close()
