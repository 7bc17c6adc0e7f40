"""Benchmarks of the till's screen and shift: `scan_ui`, `start` and `zreport` (run by run.py)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

from pos_app.domain.cart import Cart, Tender
from pos_app.store import safekeeping
from pos_app.store.replica import Identity, Replica
from pos_app.store.till_records import SaleDraft
from sync.rules.barcode import make_ean13

ROOT = Path(__file__).resolve().parents[2]


def bench_scan_ui(till_dir: Path, skus: int, n: int, result: object) -> dict:
    """Key-in of a barcode (as a scanner types it, then Enter) to the cart repainted on screen.
    Floor: the same keys into a bare line edit and the repaint of a bare table of the same size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

    from pos_app.app import apply_style, freeze_startup_objects
    from pos_app.services.till import Till
    from pos_app.ui.main_window import SaleWindow

    app = QApplication.instance() or QApplication([])
    apply_style(app)
    till = Till(till_dir)
    window = SaleWindow(till)
    window.show()
    ana = next(staff_id for staff_id, name, _ in till.session.members() if name == "Ana")
    till.session.sign_in(ana, "1234")
    if till.shifts.current() is None:
        till.shifts.open(10_000)
    freeze_startup_objects()
    rng = random.Random(5)
    codes = [make_ean13(f"84{rng.randrange(1, skus + 1):010d}") for _ in range(n)]
    samples = []
    for i, code in enumerate(codes):
        if i % 25 == 0:
            till.sales.clear()  # a new customer every 25 scans
            window.repaint()
        start = time.perf_counter()
        QTest.keyClicks(window.entry, code)
        QTest.keyClick(window.entry, Qt.Key.Key_Return)
        window.repaint()  # paints now, as the next frame would
        samples.append((time.perf_counter() - start) * 1000)
    assert till.sales.cart.lines, "the scans did not reach the cart"
    till.sales.clear()
    window.close()
    window.deleteLater()
    till.printer.close()
    till.replica.close()

    edit, table, model = QLineEdit(), QTableView(), QStandardItemModel(0, 6)
    table.setModel(model)
    edit.show()
    table.show()
    floor = []
    for i, code in enumerate(codes):
        if i % 25 == 0:
            model.setRowCount(0)
        start = time.perf_counter()
        QTest.keyClicks(edit, code)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        edit.clear()
        model.appendRow([QStandardItem(code) for _ in range(6)])
        table.repaint()
        floor.append((time.perf_counter() - start) * 1000)
    edit.close()
    table.close()
    return result("scan_ui", samples, floor)  # type: ignore[operator]


def bench_start(till_dir: Path, n: int, packaged: Path | None = None) -> dict:
    """Process start to scan-ready (`pos-app --exit-when-ready`: window shown, a barcode looked up),
    from the source install (`python -m pos_app`), or with `packaged` the PyInstaller build's
    binary (`bash packaging/build-linux.sh`). Floor: a bare Python process that opens the same
    SQLite file and looks a barcode up.

    As a till starts every day: a backup checked the file within the day, the last run ended
    cleanly, so the start checks the till's own tables only. `after_crash_p50`: the start after
    a run that did not end cleanly, which checks every page (safekeeping.start_check)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    db = till_dir / "till.sqlite"

    def once(args: list[str]) -> float:
        start = time.perf_counter()
        out = subprocess.run(args, env=env, capture_output=True, text=True, check=True, timeout=120)
        assert "READY" in out.stdout, out.stdout + out.stderr
        return time.perf_counter() - start

    program = [str(packaged)] if packaged else [sys.executable, "-m", "pos_app"]
    app_args = [*program, "--data-dir", str(till_dir), "--exit-when-ready", "--printer", "none"]
    bare = (
        f"import sqlite3; c = sqlite3.connect({str(db)!r}); "
        "c.execute(\"SELECT sku_id FROM barcodes WHERE code = '0000000000000'\").fetchall(); print('READY')"
    )
    if safekeeping.backup_due(db):
        safekeeping.backup(db)
    once(app_args)  # warm the page cache, as a till that was started before
    samples = [once(app_args) for _ in range(n)]
    floor = [once([sys.executable, "-c", bare]) for _ in range(n)]
    crashed = []
    for _ in range(n):
        safekeeping.mark_running(db)  # each run ends cleanly, removing it
        crashed.append(once(app_args))
    ordered, floor_sorted = sorted(samples), sorted(floor)
    p50, p99 = ordered[len(ordered) // 2], ordered[-1]
    return {
        "id": "start_packaged" if packaged else "start",
        "value": round(p99, 3),
        "unit": "s",
        "n": n,
        "p50": round(p50, 3),
        "p99": round(p99, 3),
        "floor_p50": round(floor_sorted[len(floor_sorted) // 2], 3),
        "floor_p99": round(floor_sorted[-1], 3),
        "ratio": round(p99 / floor_sorted[-1], 2),
        "after_crash_p50": round(sorted(crashed)[len(crashed) // 2], 3),
    }


def bench_zreport(path: Path, identity: Identity, skus: int, receipts: int, n: int, result: object) -> dict:
    """The close report of a shift of `receipts` receipts (5 lines each, 1 in 20 a return).
    Floor: one bare aggregate over the same sales' lines."""
    replica = Replica.open(path)
    staff = replica.conn.execute("SELECT id FROM staff ORDER BY id LIMIT 1").fetchone()[0]
    shift = replica.sales.open_shift_now() or replica.sales.open_shift(identity, staff, 10_000)
    rng = random.Random(6)
    for i in range(receipts):
        cart = Cart()
        while len(cart.lines) < 5:
            item = replica.item_by_barcode(make_ean13(f"84{rng.randrange(1, skus + 1):010d}"))
            assert item is not None
            cart.add(item, rng.randrange(1, 3))
        method = "cash" if i % 2 else "card"
        if i % 20 == 19:
            for line in cart.lines:
                line.quantity = -line.quantity
            draft = SaleDraft(cart.lines, [Tender("cash", cart.total)], shift_id=shift.id, kind="return")
        else:
            draft = SaleDraft(cart.lines, [Tender(method, cart.total)], shift_id=shift.id)
        replica.sales.record_sale(identity, draft)
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        z = replica.sales.z_report(identity, shift, "Ana", counted_cash=0)
        samples.append((time.perf_counter() - start) * 1000)
    assert z.sales_count + z.returns_count >= receipts
    floor = []
    for _ in range(n):
        start = time.perf_counter()
        replica.conn.execute(
            "SELECT SUM(l.line_total) FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.shift_id = ?",
            (shift.id,),
        ).fetchone()
        floor.append((time.perf_counter() - start) * 1000)
    replica.close()
    return result("zreport", samples, floor)  # type: ignore[operator]


def bench_customer(tmp: Path, members: int, n: int, result: object) -> dict:
    """Identifying a member at the till, as the cashier types it: a card, a phone, an e-mail
    (exact, by keyed hash) or a name's first letters, through Replica.find_members (tiers and
    pending points included). Floor: one bare indexed lookup of a phone key."""
    from sync.rules import loyalty
    from sync.server.demo import FIRST, LAST

    path = tmp / "members.sqlite"
    key = bytes(range(32))
    replica = Replica.open(path)
    conn = replica.conn
    rng = random.Random(11)
    conn.execute("BEGIN")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('member_key', ?)", (key.hex(),))
    conn.executemany(
        "INSERT INTO tiers VALUES (?, ?, ?, ?, NULL)",
        [("BRONCE", "Bronce", 0, 100), ("PLATA", "Plata", 30_000, 125), ("ORO", "Oro", 100_000, 150)],
    )
    for trigger in ("customers_ai", "customers_ad", "customers_au"):
        conn.execute(f"DROP TRIGGER {trigger}")
    batch = []
    names: list[tuple[str, str]] = []  # (first name, surname) of a sample of members, to look for
    for i in range(1, members + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if len(names) < n:
            names.append((first, last))
        phone = f"34{600_000_000 + i}"
        email = f"m{i}@example.es"
        batch.append(
            (
                f"LC{i:08d}",
                f"{first} {last} {rng.choice(LAST)}",
                loyalty.lookup_key(key, "phone", phone),
                loyalty.lookup_key(key, "email", email),
                phone[-3:],
                rng.choice(("BRONCE", "PLATA", "ORO")),
                rng.randrange(0, 5000),
                rng.randrange(0, 200_000),
                "",
            )
        )
        if len(batch) == 50_000:
            conn.executemany("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
            batch.clear()
    conn.executemany("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    conn.execute("INSERT INTO customer_search (customer_search) VALUES ('rebuild')")
    conn.execute("COMMIT")
    queries = []
    for _ in range(n):
        i = rng.randrange(1, members + 1)
        kind = rng.randrange(4)
        if kind == 0:
            queries.append(f"LC{i:08d}")
        elif kind == 1:
            queries.append(f"{600_000_000 + i}")
        elif kind == 2:
            queries.append(f"m{i}@example.es")
        else:  # the first letters of a member's name and surname, as a cashier types them
            first, last = rng.choice(names)
            queries.append(f"{first[:4]} {last[:3]}")
    found = iter(queries)
    samples = []
    for query in queries:
        start = time.perf_counter()
        hits = replica.members.find_members(next(found))
        samples.append((time.perf_counter() - start) * 1000)
        assert hits, f"nobody found for {query!r}"
    phone_keys = [
        loyalty.lookup_key(key, "phone", f"34{600_000_000 + rng.randrange(1, members + 1)}") for _ in range(n)
    ]
    floor = []
    for phone_key in phone_keys:
        start = time.perf_counter()
        conn.execute("SELECT card FROM customers WHERE phone_key = ? AND phone_key != ''", (phone_key,)).fetchone()
        floor.append((time.perf_counter() - start) * 1000)
    replica.close()
    out = result("customer", samples, floor)  # type: ignore[operator]
    out["members"] = members
    return out
