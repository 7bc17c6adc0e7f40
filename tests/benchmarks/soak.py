"""One till process ringing sales for a whole shift: does it stay alive and flat?

    python tests/benchmarks/soak.py --sales 2000          what CI runs (tests/integration/test_soak.py)
    python tests/benchmarks/soak.py --soak-hours 8        a simulated 8-hour shift, a sale every 2 s (14,400 sales)

The real till: `Till` with its services on the qasync loop (Qt's event loop), its sync engine
pushing and pulling against a real `pos-server` on loopback. Sales are rung up as fast as the
till takes them (simulated time: no sleeping): cash and card, every 10th parked and resumed,
every 25th voided by the manager, every 20th followed by a return against an earlier receipt.

Prints one JSON object: sales made, the samples taken every `--every` sales (refcounts of True,
False and None, RSS, open file descriptors, threads) and what the server received. Exits 0
only if the process ended cleanly; the test reads the JSON and judges the drift.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


TERMINAL_REQUESTS = [0]  # requests sent to the card terminal so far


def sample(sales: int) -> dict[str, Any]:
    timers = _timers()
    _reap_cancelled_timers()
    gc.collect()
    status = Path("/proc/self/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {
        "sales": sales,
        "true": sys.getrefcount(True),
        "false": sys.getrefcount(False),
        "none": sys.getrefcount(None),
        "rss_kb": int(fields["VmRSS"].split()[0]),
        "fds": len(os.listdir("/proc/self/fd")),
        "threads": int(fields["Threads"]),
        "python_threads": threading.active_count(),
        "terminal_requests": TERMINAL_REQUESTS[0],
        "timers": timers,  # timer handles the loop held (cancelled ones stay until due)
    }


def _reap_cancelled_timers() -> None:
    """qasync keeps a cancelled timer's handle (and what it refers to) until the moment it was
    due: every HTTP request's timeouts and every card payment's. At this script's pace that is
    thousands of handles, bounded in time, not in sales; dropped here before a sample so that
    the sample counts what the till keeps, not what qasync has yet to reap."""
    loop = asyncio._get_running_loop()
    timer = getattr(loop, "_timer", None)
    callbacks = getattr(timer, "_SimpleTimer__callbacks", None)
    if timer is None or callbacks is None:
        return
    for timer_id, handle in list(callbacks.items()):
        if handle._cancelled:
            timer.killTimer(timer_id)
            del callbacks[timer_id]


def _timers() -> int:
    loop = asyncio._get_running_loop()
    callbacks = getattr(getattr(loop, "_timer", None), "_SimpleTimer__callbacks", None)  # qasync's own table
    return len(callbacks) if callbacks is not None else 0


async def ring(till: Any, args: argparse.Namespace, barcodes: list[str], report: dict[str, Any]) -> None:
    from pos_app.services.session import StaffSession

    sales = till.sales
    staff = {name: sid for sid, name, _role in StaffSession(till.replica).members()}
    till.session.sign_in(staff["Ana"], "1234")
    if till.shifts.current() is None:
        till.shifts.open(10_000)
    manager = till.session.approve(staff["Luis"], "9999", "sale.void")
    receipts: list[str] = []
    samples = report["samples"]
    started = time.perf_counter()
    made = 0
    n = 0
    while made < args.sales:
        n += 1
        for k in range(1 + n % 3):
            assert sales.scan(barcodes[(n * 7 + k * 13) % len(barcodes)]), f"sale {n}: a scan failed"
        if n % 10 == 0:  # the customer forgot something: parked, then resumed
            parked = sales.holds.park()
            assert parked is not None
            assert sales.holds.resume(parked)
        if n % 25 == 0:
            assert sales.void_sale("customer left", manager), f"sale {n}: the void failed"
            report["voids"] += 1
            continue
        receipt = await sales.checkout.pay_card() if n % 2 else sales.checkout.pay_cash(None)
        assert receipt is not None, f"sale {n}: payment did not complete"
        receipts.append(receipt.sale_id)
        made += 1
        if n % 20 == 0 and len(receipts) > 5:  # a return against an earlier receipt
            sale_id = receipts[-5]
            lines = till.replica.sales.returnable_lines(sale_id)
            refund = await sales.returns.refund_from_receipt(sale_id, {lines[0].line_no: 1}, manager)
            assert refund is not None, f"sale {n}: the return failed"
            report["returns"] += 1
        if made % args.every == 0:
            samples.append(sample(made))
            samples[-1]["seconds"] = round(time.perf_counter() - started, 1)
            if args.progress:
                print(json.dumps(samples[-1]), file=sys.stderr, flush=True)
        await asyncio.sleep(0)  # let the sync engine and Qt's events run between sales, as a cashier's pace does
    report["sales"] = made
    report["ring_seconds"] = round(time.perf_counter() - started, 1)


async def drain(till: Any, timeout: float) -> None:
    """Wait for the sync engine to push everything (the till's own loops, not a sync of ours)."""
    till.sync_now()
    async with asyncio.timeout(timeout):
        while till.replica.outbox_summary().pending:
            await asyncio.sleep(0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sales", type=int, default=2000)
    parser.add_argument("--soak-hours", type=float, help="a simulated shift: a sale every 2 s for N hours")
    parser.add_argument("--every", type=int, default=100, help="sample every N sales")
    parser.add_argument("--progress", action="store_true", help="print each sample to stderr as it is taken")
    parser.add_argument("--folder", type=Path, help="work here instead of a temporary folder")
    args = parser.parse_args(argv)
    if args.soak_hours:
        args.sales = int(args.soak_hours * 3600 / 2)

    from PySide6.QtWidgets import QApplication

    from pos_app.qt_loop import MainThreadCollector, QtLoop
    from pos_app.services.adyen import AdyenTerminal
    from pos_app.services.selling import SaleSettings
    from pos_app.services.till import Till
    from pos_app.terminal_simulator import DEMO_KEY
    from sync.server import demo
    from sync.server.store import CentralStore
    from tests.conftest import LiveServer
    from tests.tills import ready_till_folder

    work = args.folder or Path(tempfile.mkdtemp(prefix="pos-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{work / 'server.sqlite'}"
    central = CentralStore.open(url)
    demo.generate(central, skus=200, stores=2, customers=10, seed=11)
    server = LiveServer(url)
    server.start()
    report: dict[str, Any] = {"samples": [], "voids": 0, "returns": 0, "pid": os.getpid()}
    terminal_proc: subprocess.Popen[bytes] | None = None
    try:
        folder = ready_till_folder(work, server, central)
        app = QApplication.instance() or QApplication([])
        collector = MainThreadCollector(parent=app)  # as pos_app/__main__.py runs the till
        collector.start()
        loop = QtLoop(app)
        asyncio.set_event_loop(loop)
        # qasync keeps a cancelled timer's handle until the moment it was due: each card payment's
        # 60 s timeout would linger a minute. At a cashier's pace that is a few dozen handles; at
        # this script's pace (hundreds of sales a second) it would look like a leak, so the
        # terminal's timeouts (the till's wait, and each HTTP request's) are 1 s here.
        # The card terminal: the simulator in a process of its own (its ledger is not the till's
        # memory), spoken to over a socket as a real one.
        listening = socket.create_server(("127.0.0.1", 0))
        terminal_proc = subprocess.Popen(
            [sys.executable, "-m", "pos_app.terminal_simulator", "--fd", str(listening.fileno())],
            pass_fds=(listening.fileno(),), cwd=ROOT, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        terminal_url = f"http://127.0.0.1:{listening.getsockname()[1]}/nexo"
        listening.close()

        class CountedTerminal(AdyenTerminal):
            async def _exchange(self, message: dict[str, Any]) -> dict[str, Any]:
                TERMINAL_REQUESTS[0] += 1
                return await super()._exchange(message)

        terminal = CountedTerminal(terminal_url, "V400m-000000001", "SOAK", DEMO_KEY, request_timeout=1.0)
        till = Till(folder, sync_interval=1.0, terminal=terminal, settings=SaleSettings(card_timeout=1.0))
        barcodes = [
            code
            for (code,) in till.replica.conn.execute(
                "SELECT b.code FROM barcodes b JOIN skus s ON s.id = b.sku_id"
                " WHERE s.unit = 'each' AND length(b.code) = 13 LIMIT 60"
            )
        ]
        report["samples"].append(sample(0))

        async def shift() -> None:
            till.start_sync()
            try:
                await ring(till, args, barcodes, report)
                await drain(till, timeout=120)
                report["pending_after_drain"] = till.replica.outbox_summary().pending
            finally:
                await till.aclose()

        with loop:
            loop.run_until_complete(shift())
        collector.stop()
        report["end"] = sample(report["sales"])
        with central.engine.connect() as conn:
            report["server_sales"] = conn.exec_driver_sql("SELECT count(*) FROM sales WHERE kind = 'sale'").scalar_one()
            report["server_returns"] = conn.exec_driver_sql(
                "SELECT count(*) FROM sales WHERE kind = 'return'"
            ).scalar_one()
    finally:
        if terminal_proc is not None:
            terminal_proc.terminate()
            terminal_proc.wait(10)
        server.stop()
        central.dispose()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
