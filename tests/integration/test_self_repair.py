"""A till whose database file is damaged with unsent sales in it comes back by itself: the file
is set aside, the last backup restored, what can be read of the damaged file recovered, a fresh
snapshot loaded, and every sale reaches the server exactly once (a real server on loopback)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections import Counter
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from pos_app.services.till import Till
from pos_app.store import safekeeping
from pos_app.store.replica import Replica
from sync.client.engine import SyncError
from sync.server import schema as t
from tests.tills import FaultyTransport, engine_for, ready_till_folder, signed_in_sales, sync

BARCODES = ["8400000000017", "8400000000024", "8400000000031"]


def sell(replica: Replica, *codes: str) -> str:
    sales = signed_in_sales(replica)
    for code in codes:
        assert sales.scan(code), code
    receipt = sales.checkout.pay_cash(50_000)
    assert receipt is not None
    return receipt.sale_id


def push_losing_the_answer(replica: Replica) -> None:
    """The server takes the push and commits; its answer is lost on the way back."""

    def lose_push_answer(request, _n):
        return "drop_response" if request.url.path == "/sync/push" else None

    async def run() -> None:
        engine = engine_for(replica.path, replica.identity(), transport=FaultyTransport(lose_push_answer))
        try:
            with pytest.raises(SyncError):  # the lost answer
                await engine.push_once()
        finally:
            await engine.aclose()
            engine.local.close()

    asyncio.run(run())


def server_sales(central) -> Counter[str]:
    with central.engine.connect() as conn:
        return Counter(r[0] for r in conn.execute(sa.select(t.sales.c.id)))


def server_exceptions(central, kind: str) -> list[str]:
    with central.engine.connect() as conn:
        return [r[0] for r in conn.execute(sa.select(t.exceptions.c.detail).where(t.exceptions.c.kind == kind))]


def till_folder(tmp_path, live_server, central) -> Replica:
    return Replica.open(ready_till_folder(tmp_path, live_server, central) / "till.sqlite")


def overwrite_page(path, page: int) -> None:
    conn = sqlite3.connect(path)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\xa5" * size)


def test_damaged_catalog_pages_with_unsent_sales_lose_nothing_and_send_nothing_twice(
    qapp, tmp_path, live_server, central
):
    replica = till_folder(tmp_path, live_server, central)
    path = replica.path
    sent_before_backup = [sell(replica, BARCODES[0]), sell(replica, BARCODES[1])]
    sync(replica)
    safekeeping.backup(path, today=date.today() - timedelta(days=1))
    pushed_unanswered = sell(replica, BARCODES[2])  # after the backup: only in the damaged file
    push_losing_the_answer(replica)
    unsent = [sell(replica, BARCODES[0], BARCODES[1]), sell(replica, BARCODES[2])]
    assert replica.outbox_summary().pending >= 3  # the unanswered push and both unsent sales
    assert server_sales(central)[pushed_unanswered] == 1
    replica.checkpoint()
    pages = {
        name: root
        for name, root in replica.conn.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'")
    }
    replica.close()
    # The till was selling when the disk failed and wiped the root pages of the catalog's largest
    # tables: the next start checks every page.
    safekeeping.mark_running(path)
    for table in ("prices", "skus", "barcodes"):
        overwrite_page(path, pages[table])
    assert safekeeping.damage(path) is not None

    till = Till(path.parent)  # start-up: damage found, set aside, repaired
    try:
        report = till.repair
        assert report is not None and report.backup is not None
        assert (report.set_aside / "till.sqlite").exists()  # kept for support, never deleted
        assert report.salvaged["outbox"] >= 5 and report.salvaged["sales"] == 5
        assert till.replica.snapshot_due()
        assert till.replica.sales_count() == 5
        sync(till.replica)  # the network: push what waits, then a fresh snapshot
        assert not till.replica.snapshot_due()
        assert till.replica.outbox_summary().pending == 0 and till.replica.outbox_summary().rejected == 0
        assert till.replica.item_by_barcode(BARCODES[0]) is not None  # the catalog is back
        on_server = server_sales(central)
        for sale_id in [*sent_before_backup, pushed_unanswered, *unsent]:
            assert on_server[sale_id] == 1, sale_id
        assert len(on_server) == 5
        assert server_exceptions(central, "instance_mismatch")  # HQ learns the database was restored
        # Selling goes on with the next receipt number and a sound database.
        sixth = sell(till.replica, BARCODES[0])
        series_numbers = till.replica.conn.execute("SELECT number FROM sales ORDER BY number").fetchall()
        assert [n for (n,) in series_numbers] == [1, 2, 3, 4, 5, 6]
        sync(till.replica)
        assert server_sales(central)[sixth] == 1
        assert safekeeping.damage(path) is None
    finally:
        asyncio.run(till.aclose())


def test_an_unreadable_file_comes_back_from_the_backup_and_the_server_counts_nothing_twice(
    qapp, tmp_path, live_server, central
):
    replica = till_folder(tmp_path, live_server, central)
    path = replica.path
    first = sell(replica, BARCODES[0])
    sync(replica)
    second = sell(replica, BARCODES[1])  # unsent when the backup is made
    safekeeping.backup(path, today=date.today() - timedelta(days=1))
    push_losing_the_answer(replica)  # the server has it; the till does not know
    replica.checkpoint()
    replica.close()
    with path.open("r+b") as f:  # the file's header is gone: nothing in it can be read
        f.write(b"\x00" * 100)
    (path.parent / "till.sqlite-wal").unlink(missing_ok=True)

    till = Till(path.parent)
    try:
        report = till.repair
        assert report is not None and report.backup is not None
        assert "the whole file" in report.unreadable
        assert report.pending >= 1
        sync(till.replica)
        assert till.replica.outbox_summary().pending == 0 and till.replica.outbox_summary().rejected == 0
        assert server_sales(central) == Counter({first: 1, second: 1})
        third = sell(till.replica, BARCODES[2])
        assert till.replica.conn.execute("SELECT number FROM sales WHERE id = ?", (third,)).fetchone()[0] == 3
    finally:
        asyncio.run(till.aclose())


def test_after_a_clean_close_start_checks_the_tills_own_facts_and_the_daily_backup_the_rest(
    qapp, tmp_path, live_server, central
):
    replica = till_folder(tmp_path, live_server, central)
    path = replica.path
    sale = sell(replica, BARCODES[0])
    safekeeping.backup(path)  # today's: every page checked
    replica.checkpoint()
    pages = dict(replica.conn.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'").fetchall())
    replica.close()
    overwrite_page(path, pages["prices"])  # the catalog damaged while the till was closed
    # A clean close and a backup checked within the day: the start reads the till's own tables
    # only (fast whatever the catalog's size), and they are sound.
    assert safekeeping.start_check(path) is None
    assert safekeeping.damage(path, full=False) is None and safekeeping.damage(path) is not None
    # The next backup reads every page: it finds the damage and marks the file for repair.
    with pytest.raises(sqlite3.DatabaseError, match="repaired at the next start"):
        safekeeping.backup(path)
    assert "backup's check failed" in (safekeeping.start_check(path) or "")
    till = Till(path.parent)
    try:
        assert till.repair is not None and till.repair.salvaged["sales"] == 1
        assert safekeeping.start_check(path) is None  # the mark is gone with the damage
        sync(till.replica)
        assert server_sales(central) == Counter({sale: 1})
    finally:
        asyncio.run(till.aclose())


def test_backups_are_checked_named_by_day_and_only_the_last_few_are_kept(tmp_path):
    path = tmp_path / "till.sqlite"
    replica = Replica.open(path)
    replica.close()
    today = date(2026, 11, 24)
    assert safekeeping.backup_due(path, today)
    for days_ago in range(7, -1, -1):
        safekeeping.backup(path, today=today - timedelta(days=days_ago), keep_days=5)
    kept = [b.name for b in safekeeping.backups(path)]
    assert kept == [f"till-2026-11-{d}.sqlite" for d in (24, 23, 22, 21, 20)]
    assert not safekeeping.backup_due(path, today)
    assert all(safekeeping.damage(b) is None for b in safekeeping.backups(path))


def test_the_running_till_makes_todays_backup_by_itself(qapp, tmp_path, live_server, central):
    replica = till_folder(tmp_path, live_server, central)
    path = replica.path
    replica.close()
    till = Till(path.parent)

    async def run() -> None:
        keeping = asyncio.ensure_future(till.keep_backups(first_after=0, every=3600))
        try:
            async with asyncio.timeout(60):
                while safekeeping.backup_due(path):
                    await asyncio.sleep(0.01)
        finally:
            keeping.cancel()
        await till.aclose()

    asyncio.run(run())
    made = safekeeping.backups(path)
    assert len(made) == 1 and safekeeping.damage(made[0]) is None
    assert not (path.parent / "till.running").exists()  # closed cleanly
