"""`pos-app --self-test`: what an installer or a manager runs when something seems wrong.

Checks, in plain words, without opening a window: the till's database (it opens, its schema
is one this build knows, SQLite's quick check passes, the sales journal's hash chain holds,
what waits to be sent), the printer (reachable), the server (answers, speaks this protocol)
and the clock (within two minutes of the server's). Exit 0 when nothing is wrong, 1 when
something is (each problem on a line starting PROBLEM), 2 when there is no till here at all.
"""

from __future__ import annotations

import socket
import sqlite3
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from pos_app.provisioning import tls_verify
from sync import protocol as p
from sync.client.engine import SyncError, server_health

CLOCK_TOLERANCE_S = 120


@dataclass(frozen=True, slots=True)
class Check:
    ok: bool
    what: str  # a line for a person
    warning: bool = False  # worth saying, not wrong

    def line(self) -> str:
        return ("WARNING " if self.warning else "OK      " if self.ok else "PROBLEM ") + self.what


def check_database(path: Path) -> tuple[list[Check], str | None]:
    """The database's checks, and the server address it is enrolled at (if it could be read)."""
    from pos_app.store.replica import Replica, ReplicaError
    from pos_app.store.safekeeping import damage

    if not path.exists():
        return [Check(False, f"No till database at {path}: this till is not set up yet")], None
    try:
        replica = Replica.open(path)
    except ReplicaError as exc:
        return [Check(False, str(exc))], None
    checks: list[Check] = []
    server: str | None = None
    try:
        problem = damage(path)
        if problem is None:
            checks.append(Check(True, f"Database {path} is sound"))
        else:
            checks.append(Check(False, f"Database {path} is damaged: {problem}"))
        problems = replica.sales.verify_journal()
        if problems:
            checks.append(Check(False, f"Sales journal broken: {problems[0]}"))
        else:
            checks.append(Check(True, f"Sales journal intact ({replica.sales.journal_length()} records)"))
        identity = replica.identity()
        if identity is None:
            checks.append(
                Check(
                    False, "This till is not enrolled: start pos-app for the setup wizard, or run pos-app --provision"
                )
            )
        else:
            server = identity.server_url
            checks.append(Check(True, f"Enrolled as {identity.store_name} · {identity.till_name} ({identity.series})"))
            if not identity.token:
                checks.append(Check(False, f"The device token {replica.token_path} is missing: enrol this till again"))
        summary = replica.outbox_summary()
        if summary.pending:
            since = f", the oldest from {summary.oldest_pending}" if summary.oldest_pending else ""
            checks.append(Check(True, f"{summary.pending} fact(s) wait to be sent to the server{since}", warning=True))
        if summary.rejected:
            checks.append(Check(True, f"{summary.rejected} fact(s) refused by the server: see the sync panel (F11)",
                                warning=True))  # fmt: skip
    except sqlite3.DatabaseError as exc:
        checks.append(Check(False, f"Database {path} is damaged: {exc}"))
    finally:
        replica.close()
    return checks, server


def check_printer(target: str, timeout: float = 2.0) -> Check:
    if target in ("none", "memory"):
        return Check(True, "No receipt printer is set up (--printer)", warning=True)
    kind, _, where = target.partition(":")
    if kind == "net":
        host, _, port = where.partition(":")
        try:
            with socket.create_connection((host, int(port or 9100)), timeout=timeout):
                return Check(True, f"Printer at {where} answers")
        except (OSError, ValueError) as exc:
            return Check(False, f"Printer at {where} does not answer ({exc}): is it on and on the network?")
    if kind == "file":
        path = Path(where)
        if not path.exists():
            return Check(False, f"Printer device {where} not found: is the printer plugged in and on?")
        try:
            with path.open("ab"):
                return Check(True, f"Printer device {where} can be written to")
        except OSError as exc:
            return Check(False, f"Printer device {where} cannot be written to ({exc.strerror}): is it plugged in?")
    return Check(False, f"Unknown printer setting {target!r}: none, file:PATH or net:HOST[:PORT]")


def check_server(
    url: str, timeout: float = 5.0, now: datetime | None = None, verify: ssl.SSLContext | bool = True
) -> list[Check]:
    try:
        health = server_health(url, timeout, verify)
    except SyncError as exc:
        return [Check(False, f"The server at {url} cannot be reached ({exc}). The till sells offline meanwhile.")]
    except ValueError:
        return [Check(False, f"The server at {url} answers, but not as a POS server")]
    checks = []
    if health.protocol == p.PROTOCOL_VERSION:
        checks.append(Check(True, f"Server at {url} answers (protocol {p.PROTOCOL_VERSION})"))
    else:
        checks.append(Check(False, f"Server at {url} speaks protocol {health.protocol}, this till "
                                   f"{p.PROTOCOL_VERSION}: update one of them"))  # fmt: skip
    if health.date:
        skew = ((now or datetime.now(UTC)) - parsedate_to_datetime(health.date)).total_seconds()
        if abs(skew) > CLOCK_TOLERANCE_S:
            ahead = "ahead of" if skew > 0 else "behind"
            checks.append(Check(False, f"This PC's clock is {abs(skew) / 60:.0f} min {ahead} the server's: "
                                       "receipts and reservations need the right time"))  # fmt: skip
        else:
            checks.append(Check(True, f"Clock agrees with the server's (within {abs(skew):.0f} s)"))
    return checks


def self_test(data_dir: Path, printer: str = "none", server: str | None = None) -> tuple[int, list[str]]:
    """(exit code, lines to print)."""
    checks, enrolled_at = check_database(data_dir / "till.sqlite")
    checks.append(check_printer(printer))
    url = server or enrolled_at
    if url:
        checks += check_server(url, verify=tls_verify(data_dir))
    else:
        checks.append(Check(True, "No server to check (the till is not enrolled)", warning=True))
    if not (data_dir / "till.sqlite").exists():
        return 2, [c.line() for c in checks]
    return (0 if all(c.ok for c in checks) else 1), [c.line() for c in checks]
