"""The till as a whole: its database, its identity, its sync engine and its services.

The window is given a `Till` and talks only to its services and signals.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from pos_app import __version__
from pos_app.provisioning import enrol_replica, tls_verify
from pos_app.services.changes import Changes
from pos_app.services.pickup import PickupService
from pos_app.services.printing import ReceiptPrinter
from pos_app.services.scale import Scale
from pos_app.services.selling import SaleService, SaleSettings
from pos_app.services.session import StaffSession
from pos_app.services.shift import ShiftService
from pos_app.services.stock import StockService
from pos_app.services.tasks import TaskRunner
from pos_app.services.terminal import PaymentTerminal, StandaloneTerminal
from pos_app.store.identity import Identity
from pos_app.store.replica import Replica, ReplicaError
from pos_app.store.safekeeping import (
    RepairReport,
    backup,
    backup_due,
    mark_closed,
    mark_running,
    repair,
    start_check,
)
from sync import protocol as p
from sync.client.engine import SyncEngine, SyncError, SyncStatus

log = logging.getLogger(__name__)


class Till(QObject):
    sync_status_changed = Signal(object)  # SyncStatus
    setup_message = Signal(str, str)  # text, level: progress of enrolment or demo start
    ready_changed = Signal(bool)  # the till has an identity and a catalog
    # Changes (services/changes.py): what an operation here or a pull changed; an open screen
    # redraws what it shows of it. The one notice of changes: services keep no signal of their own.
    changed = Signal(object)

    def __init__(
        self,
        data_dir: Path,
        sync_interval: float = 15.0,
        printer: str = "memory",
        terminal: PaymentTerminal | None = None,
        settings: SaleSettings | None = None,
        scale: Scale | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.db_path = data_dir / "till.sqlite"
        # A damaged database is set aside and rebuilt before anything reads it (safekeeping.py).
        self.repair: RepairReport | None = None
        problem = start_check(self.db_path)
        if problem is not None:
            log.error("the till's database %s is damaged (%s): repairing it", self.db_path, problem)
            try:
                self.repair = repair(self.db_path)
            except (OSError, sqlite3.Error, ReplicaError) as exc:
                log.exception("the repair failed")
                raise ReplicaError(
                    f"The till's database is damaged ({problem}) and could not be repaired ({exc}). "
                    f"Nothing has been deleted: the damaged file is in {self.data_dir / 'damaged'}. Call support."
                ) from exc
        # The screen's connection never checkpoints (a commit must not wait on copying the WAL);
        # the sync engine does it on its thread after each round.
        self.replica = Replica.open(self.db_path, autocheckpoint=False)
        self.replica.fact_recorded = self._fact_recorded  # every committed fact wakes the push, says what changed
        mark_running(self.db_path)  # removed by aclose(): a start that finds it checks every page
        self.session = StaffSession(self.replica)
        self.printer = ReceiptPrinter(printer)
        self.terminal = terminal or StandaloneTerminal()
        self.scale = scale  # None: a weighed item's weight is typed by a manager
        self.tasks = TaskRunner()  # all background work of the till and its screens, cancelled by aclose
        self.sales = SaleService(self.replica, self.session, self.terminal, self.printer, settings, self.tasks)
        self.shifts = ShiftService(self.replica, self.session, self.printer)
        self.sales.returns.receipt_lookup = self._find_receipt_at_hq
        self.pickup = PickupService(self.replica, self.session, self.sales)
        self.changed.connect(self.sales.on_changed)
        self.stock = StockService(self.replica, self.session, self.printer)
        self.engine: SyncEngine | None = None
        self.sync_interval = sync_interval
        summary = self.replica.outbox_summary()
        self.sync_status = SyncStatus(
            pending=summary.pending,
            rejected=summary.rejected,
            cursor=self.replica.cursor(),
            current_at=self.replica.current_at(),
        )

    @property
    def identity(self) -> Identity | None:
        return self.replica.identity()

    @property
    def is_ready(self) -> bool:
        return self.identity is not None and self.replica.cursor() is not None

    async def enrol(self, server_url: str, code: str) -> Identity:
        """Trade an enrolment code for this till's identity (provisioning.enrol_replica): SyncError or
        ValueError, each a sentence, when it cannot be done."""
        self.setup_message.emit(self.tr("Enrolling this till at {}…").format(server_url.rstrip("/")), "info")
        return await enrol_replica(self.replica, server_url, code, tls_verify(self.data_dir))

    def start_sync(self, server_url: str | None = None) -> SyncEngine:
        """Start syncing in the background (at the enrolled address unless another is given)."""
        identity = self.identity
        if identity is None:
            raise SyncError("this till is not enrolled", transient=False)
        if not identity.token:
            raise SyncError(
                f"this till's device token ({self.replica.token_path}) is missing: HQ re-issues an enrolment "
                "code (pos-server create-till) and the till is enrolled again",
                transient=False,
            )
        if self.engine is None:
            self.engine = SyncEngine(
                server_url or identity.server_url,
                identity.token,
                Replica.open(self.db_path, busy_timeout_ms=60_000),
                interval=self.sync_interval,
                on_status=self._on_sync_status,
                on_arrived=self._pulled,
                app_version=__version__,
                verify=tls_verify(self.data_dir),
            )
            self.engine.start()
        return self.engine

    async def keep_backups(self, first_after: float = 600.0, every: float = 3600.0) -> None:
        """Today's backup if there is none yet, checked every `every` seconds from `first_after`
        seconds after start (not competing with the start and the first sync for the disk), on a
        thread: the copy is a read transaction, the till sells on meanwhile (safekeeping.py)."""
        await asyncio.sleep(first_after)
        while True:
            if backup_due(self.db_path):
                try:
                    made = await self.tasks.in_thread(backup, self.db_path)
                    log.info("backup made: %s", made)
                except sqlite3.OperationalError as exc:  # busy, disk full: tried again in an hour
                    log.error("the daily backup failed: %s", exc)
                except sqlite3.DatabaseError as exc:
                    log.error("the daily backup found the database damaged: %s", exc)
                    self.setup_message.emit(
                        self.tr("The till's database is damaged: close the till and start it again to repair it"),
                        "error",
                    )
                except OSError as exc:
                    log.error("the daily backup failed: %s", exc)
            await asyncio.sleep(every)

    async def export_diagnostics(self) -> Path:
        """The diagnostics bundle for support (no customer data: diagnostics.py), made on a
        thread: its self-test may wait seconds for the server or the printer."""
        from pos_app.diagnostics import bundle

        return await self.tasks.in_thread(bundle, self.data_dir, None, self.printer.target)

    def _on_sync_status(self, status: SyncStatus) -> None:
        was_ready = self.sync_status.cursor is not None
        # The engine counts on its own connection, possibly just before a sale committed here;
        # the screen must never say "nothing waiting" while a sale is, so count again now.
        summary = self.replica.outbox_summary()
        status = replace(status, pending=summary.pending, rejected=summary.rejected)
        self.sync_status = status
        self.sync_status_changed.emit(status)
        if not was_ready and status.cursor is not None:
            self.ready_changed.emit(True)

    async def _find_receipt_at_hq(self, number: str) -> p.ReceiptFound | None:
        """Another till's receipt from HQ; SyncError when HQ cannot be asked (offline, not set up)."""
        if self.engine is None:
            raise SyncError("this till does not sync yet")
        return await self.engine.find_receipt(number)

    async def member_history(self, card: str) -> list[p.Purchase] | None:
        """The member's purchases in every channel from the server; None when it cannot be asked
        (offline, or not set up), and the panel shows this till's own."""
        if self.engine is None:
            return None
        try:
            return (await self.engine.customer_history(card)).purchases
        except SyncError:
            return None

    def rejected_events(self) -> list[tuple[int, str, str, str]]:
        return self.replica.rejected_events()

    def invoicing_records_waiting(self) -> tuple[int, str | None]:
        return self.replica.invoicing_records_waiting()

    def sync_now(self) -> None:
        """Push and pull at once rather than at the next tick (the sync panel's button)."""
        if self.engine is not None:
            self.engine.wake()
            self.engine.wake_pull()

    def _fact_recorded(self, changed: frozenset[str]) -> None:
        self._on_sync_status(self.sync_status)
        if self.engine is not None:
            self.engine.wake()
        if changed:
            self.changed.emit(Changes(changed, here=True))

    def _pulled(self, entities: frozenset[str]) -> None:
        self.changed.emit(Changes(entities, here=False))

    async def aclose(self) -> None:
        await self.tasks.aclose()  # first: nothing may use what closes next
        if self.engine is not None:
            engine, self.engine = self.engine, None
            await engine.aclose()
            engine.local.close()  # type: ignore[attr-defined]
        await self.terminal.aclose()
        self.printer.close()
        self.replica.close()
        mark_closed(self.db_path)
