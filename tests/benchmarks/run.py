"""Benchmarks of the till's hot paths, against a bare-SQLite floor measured in the same run.

    python tests/benchmarks/run.py              quick mode (20,000 SKUs), as CI runs it
    python tests/benchmarks/run.py --full       the reference size (1,000,000 SKUs)
    python tests/benchmarks/run.py --only scan,checkout
    ids: scan scan_ui search checkout start start_packaged zreport customer bootstrap pull backlog ingest
    (start_packaged needs the build: bash packaging/build-linux.sh)
    (sync ones in sync_bench.py, screen and shift ones in till_bench.py)

Writes bench/results.json at the project's root (see shared/design/TARGETS.md for the format).
Timings are information, never pass/fail.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pos_app.domain.cart import Cart, Tender  # noqa: E402
from pos_app.domain.promotions import Promotion  # noqa: E402
from pos_app.store.replica import Identity, Replica  # noqa: E402
from pos_app.store.till_records import SaleDraft  # noqa: E402
from sync.rules.barcode import make_ean13  # noqa: E402
from sync.rules.staff import hash_pin  # noqa: E402
from sync.server.demo import FAMILIES, demo_catalog  # noqa: E402
from sync.server.people import DEFAULT_ROLES  # noqa: E402
from tests.benchmarks import sync_bench, till_bench  # noqa: E402

IDENTITY = Identity(1, "token", 1, "MAD1", "Madrid Centro", "T1", "Caja 1", "http://127.0.0.1:1")


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def timed(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def build_replica(path: Path, skus: int, stores: int = 10) -> None:
    """Fill a till database the way a snapshot would, with bulk SQL (setup, not measured)."""
    replica = Replica.open(path)
    conn = replica.conn
    conn.execute("BEGIN")
    conn.execute("INSERT INTO price_lists VALUES (1, 'TIENDA', 'store', 'Tarifa tienda'), (2, 'WEB', 'web', 'Web')")
    # The issuer: every checkout then also makes its VERI*FACTU record and fingerprint.
    conn.execute(
        "INSERT INTO company VALUES (1, 'Omni Retail Demo, S.L.', 'B12345674', 'Paseo de la Castellana, 100',"
        " '28046', 'Madrid')"
    )
    family_of = _families(conn)
    _people_and_promotions(conn, family_of)
    batch_sku, batch_bar, batch_price, batch_stock = [], [], [], []
    products: dict[str, int] = {}
    for i, row in enumerate(demo_catalog(skus, seed=1), start=1):
        name = f"{row.product_name} {row.size} {row.colour}".strip()
        if row.product_code not in products:
            products[row.product_code] = len(products) + 1
            conn.execute(
                "INSERT INTO products VALUES (?, ?, ?, ?)",
                (products[row.product_code], row.product_code, row.product_name, family_of[tuple(row.family)]),
            )
        batch_sku.append((i, products[row.product_code], row.sku, name, row.size, row.colour, row.tax_rate_bp))
        batch_bar.append((row.barcodes[0], i))
        batch_price += [(2 * i - 1, 1, i, row.price_store), (2 * i, 2, i, row.price_web)]
        batch_stock += [(s, i, 10) for s in range(1, stores + 1)]
        if len(batch_sku) >= 20000:
            _flush(conn, batch_sku, batch_bar, batch_price, batch_stock)
    _flush(conn, batch_sku, batch_bar, batch_price, batch_stock)
    _open_orders(conn, skus)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('cursor', '1')")
    conn.execute("COMMIT")
    replica.save_identity(IDENTITY)
    replica.close()


OPEN_ORDERS = 300  # a busy store's click&collect orders and reservations waiting at once


def _open_orders(conn: sqlite3.Connection, skus: int) -> None:
    """Open orders of the till's store (3 lines each), which every scan checks for held units."""
    rng = random.Random(3)
    rows = []
    for n in range(OPEN_ORDERS):
        lines = [
            {"line_no": k, "sku_id": rng.randrange(1, skus + 1), "sku_code": "", "name": "", "quantity": 1,
             "unit_price": 1000, "released": 0, "handed": 0}
            for k in (1, 2, 3)
        ]  # fmt: skip
        rows.append((f"order-{n}", f"W-{n}", "click_collect", "web", IDENTITY.store_id, f"CODE{n:05d}",
                     ("reserved", "picking", "ready")[n % 3], "", "Cliente", "", "", 1, 3000, None,
                     "2026-01-01T00:00:00+00:00", json.dumps(lines)))  # fmt: skip
    conn.executemany(f"INSERT INTO orders VALUES ({', '.join('?' * 16)})", rows)


def _families(conn: sqlite3.Connection) -> dict[tuple[str, ...], int]:
    """The demo's family tree; returns each full path's id."""
    ids: dict[tuple[str, ...], int] = {}
    for family in FAMILIES:
        for depth in range(1, len(family.path) + 1):
            path = family.path[:depth]
            if path not in ids:
                ids[path] = len(ids) + 1
                conn.execute("INSERT INTO families VALUES (?, ?, ?)", (ids[path], ids.get(path[:-1]), path[-1]))
    return ids


def _people_and_promotions(conn: sqlite3.Connection, family_of: dict[tuple[str, ...], int]) -> None:
    """Ana (cashier, PIN 1234) and Luis (manager), and promotions as the demo has them: the pricing
    engine runs on every scan of the benchmark as it does at the till."""
    for code, name, permissions, limit in DEFAULT_ROLES:
        conn.execute("INSERT INTO roles VALUES (?, ?, ?, ?)", (code, name, ",".join(permissions), limit))
    conn.execute("INSERT INTO staff VALUES (1, NULL, 'Ana', 'cashier', ?)", (hash_pin("1234"),))
    conn.execute("INSERT INTO staff VALUES (2, NULL, 'Luis', 'manager', ?)", (hash_pin("9999"),))
    rows = [
        (1, "3X2", "3x2", "n_for_m", 0, "family", str(family_of[("Alimentación", "Panadería")]), 3, 2, 0),
        (
            2,
            "2UD",
            "2.ª al 50 %",
            "second_unit",
            5000,
            "family",
            str(family_of[("Moda", "Mujer", "Camisetas")]),
            0,
            0,
            0,
        ),
        (3, "LIB", "5 % libros", "percent", 500, "family", str(family_of[("Libros",)]), 0, 0, 0),
        (
            4,
            "PANT",
            "5 € pantalones",
            "amount",
            500,
            "family",
            str(family_of[("Moda", "Hombre", "Pantalones")]),
            0,
            0,
            0,
        ),
        (5, "PACK", "Pack", "bundle", 1500, "sku", "1,2", 0, 0, 0),
        (6, "CESTA", "10 € / 100 €", "basket", 1000, "basket", "", 0, 0, 10_000),
    ]
    conn.executemany(
        "INSERT INTO promotions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'store', '', '', NULL, NULL, 1, '')", rows
    )


def promotions_here(replica: Replica) -> list[Promotion]:
    return replica.sales.promotions_in_force(datetime.now(UTC), IDENTITY.store_id)


def _flush(conn: sqlite3.Connection, skus: list, bars: list, prices: list, stock: list) -> None:
    conn.executemany(
        "INSERT INTO skus (id, product_id, code, name, size, colour, tax_rate_bp) VALUES (?, ?, ?, ?, ?, ?, ?)", skus
    )
    conn.executemany("INSERT INTO barcodes VALUES (?, ?)", bars)
    conn.executemany("INSERT INTO prices (id, price_list_id, sku_id, price_cents) VALUES (?, ?, ?, ?)", prices)
    conn.executemany("INSERT INTO stock VALUES (?, ?, ?, '2026-01-01T00:00:00+00:00')", stock)
    for batch in (skus, bars, prices, stock):
        batch.clear()


FLOOR_SCAN = "SELECT s.id, s.name FROM barcodes b JOIN skus s ON s.id = b.sku_id WHERE b.code = ?"


def bench_scan(replica: Replica, skus: int, n: int) -> dict:
    rng = random.Random(2)
    codes = [make_ean13(f"84{rng.randrange(1, skus + 1):010d}") for _ in range(n)]
    it = iter(codes)

    promotions = promotions_here(replica)
    cart = Cart(promotions=promotions)

    def scan() -> None:
        # What a scan costs at the till: lookup, price in force, whether open orders hold the
        # units (OPEN_ORDERS of them), the line added and every promotion of the cart worked out
        # again (a cart of up to 20 lines, then the next one).
        nonlocal cart
        if len(cart.lines) >= 20:
            cart = Cart(promotions=promotions)
        item = replica.item_by_barcode(next(it))
        assert item is not None
        replica.orders.held_back(IDENTITY.store_id, item.sku_id, 1)
        cart.add(item)

    # The floor's own reads go first, unmeasured: measured after the scan, the floor found in the
    # page cache what the scan had read from disk (at 1M SKUs, part of a 14x ratio). Now both
    # find those pages warm; what only the scan reads (products, prices) it still reads cold.
    for code in codes:
        replica.conn.execute(FLOOR_SCAN, (code,)).fetchone()
    samples = timed(scan, n)
    floor_codes = iter(codes)
    floor = timed(lambda: replica.conn.execute(FLOOR_SCAN, (next(floor_codes),)).fetchone(), n)
    return result("scan", samples, floor)


def bench_search(replica: Replica, n: int) -> dict:
    words = ["cam", "sof", "pan", "azul", "aceite", "bota neg", "co", "mant", "libro", "m"]
    rng = random.Random(3)
    samples = timed(lambda: replica.search(rng.choice(words), 50), n)
    floor = timed(
        lambda: replica.conn.execute(
            "SELECT rowid FROM sku_search WHERE sku_search MATCH ? LIMIT 50", (f'"{rng.choice(words)}"*',)
        ).fetchall(),
        n,
    )
    return result("search", samples, floor)


def bench_checkout(replica: Replica, skus: int, n: int, tmp: Path) -> dict:
    rng = random.Random(4)

    promotions = promotions_here(replica)

    def one_cart() -> Cart:
        cart = Cart(promotions=promotions)
        while len(cart.lines) < 20:
            item = replica.item_by_barcode(make_ean13(f"84{rng.randrange(1, skus + 1):010d}"))
            assert item is not None
            cart.add(item, rng.randrange(1, 3))
        return cart

    carts = [one_cart() for _ in range(n)]
    it = iter(carts)

    def checkout() -> None:
        cart = next(it)
        replica.sales.record_sale(IDENTITY, SaleDraft(cart.lines, [Tender("card", cart.total)], shift_id=None))

    samples = timed(checkout, n)
    # Floor: the same number of rows in a bare WAL database, synchronous=FULL, one transaction,
    # no checkpoint in the commit (as the till's).
    bare = sqlite3.connect(tmp / "bare.sqlite", isolation_level=None)
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("PRAGMA synchronous=FULL")
    bare.execute("PRAGMA wal_autocheckpoint=0")
    bare.execute("CREATE TABLE s (id TEXT PRIMARY KEY, total INTEGER)")
    bare.execute("CREATE TABLE l (sale TEXT, n INTEGER, sku INTEGER, qty INTEGER, price INTEGER)")
    bare.execute("CREATE TABLE o (id INTEGER PRIMARY KEY, payload TEXT)")

    def bare_commit() -> None:
        sale = str(uuid.uuid4())
        bare.execute("BEGIN")
        bare.execute("INSERT INTO s VALUES (?, ?)", (sale, 1))
        bare.executemany("INSERT INTO l VALUES (?, ?, ?, ?, ?)", [(sale, i, i, 1, 100) for i in range(40)])
        bare.execute("INSERT INTO o (payload) VALUES (?)", ("x" * 4000,))
        bare.execute("COMMIT")

    floor = timed(bare_commit, n)
    return result("checkout", samples, floor)


def bench_bootstrap(skus: int, tmp: Path, server_db: Path | None) -> dict:
    """Empty till to ready (indexed, searchable) from a real server on loopback."""
    import os
    import socket
    import subprocess

    from sync import protocol as p
    from sync.server import demo
    from sync.server.store import CentralStore

    db = server_db or tmp / "server.sqlite"
    central = CentralStore.open(f"sqlite:///{db}")
    if server_db is None:
        start = time.perf_counter()
        demo.generate(central, skus=skus, stores=10, customers=100, seed=1)
        print(f"server with {skus:,} SKUs x 10 stores generated in {time.perf_counter() - start:.1f} s", flush=True)
    _, code = central.create_till("MAD1", f"B{uuid.uuid4().hex[:6]}", "Bench")
    token = central.enrol(p.EnrolRequest(code=code, instance_id=uuid.uuid4())).token
    central.dispose()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync.server",
            "--db",
            str(db),
            "serve",
            "--fd",
            str(sock.fileno()),
            "--log-level",
            "warning",
        ],
        pass_fds=(sock.fileno(),),
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        probe = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).with_name("bootstrap_probe.py")),
                f"http://127.0.0.1:{sock.getsockname()[1]}",
                token,
                str(tmp / "bootstrap-till.sqlite"),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.terminate()
        server.wait()
        sock.close()
    out = json.loads(probe.stdout.strip().splitlines()[-1])
    assert out["ready"], "the till could not scan or search after the bootstrap"
    return {
        "id": "bootstrap",
        "value": round(out["seconds"], 2),
        "unit": "s",
        "n": 1,
        "p50": round(out["seconds"], 2),
        "p99": round(out["seconds"], 2),
        "rows": out["rows"],
        "peak_mb": round(out["peak_mb"], 1),
        "checkpoint_s": round(out["checkpoint_s"], 2),
        "locked_s": round(out["locked_s"], 2),  # the swap: the till's database locked (selling waits)
    }


def result(bench_id: str, samples: list[float], floor: list[float]) -> dict:
    p50, p99 = percentiles(samples)
    f50, f99 = percentiles(floor)
    return {
        "id": bench_id,
        "value": round(p99, 4),
        "unit": "ms",
        "n": len(samples),
        "p50": round(p50, 4),
        "p99": round(p99, 4),
        "floor_p50": round(f50, 4),
        "floor_p99": round(f99, 4),
        "ratio": round(p99 / f99, 2) if f99 else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="1,000,000 SKUs instead of 20,000")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated ids: scan,scan_ui,search,checkout,start,start_packaged,zreport,customer,bootstrap,"
        "pull,backlog,ingest",
    )
    parser.add_argument("--skus", type=int, help="catalog size (overrides the mode's)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--server-db", type=Path, help="bootstrap from this ready server SQLite file (skip generating)")
    args = parser.parse_args(argv)
    skus = args.skus or (1_000_000 if args.full else 20_000)
    only = set(filter(None, args.only.split(",")))
    wanted = lambda name: not only or name in only  # noqa: E731
    results = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if any(
            wanted(name) for name in ("scan", "scan_ui", "search", "checkout", "start", "start_packaged", "zreport")
        ):
            start = time.perf_counter()
            build_replica(tmp / "till.sqlite", skus)
            print(f"replica with {skus:,} SKUs built in {time.perf_counter() - start:.1f} s", flush=True)
            # Opened as the till's screen opens it (services/till.py): its commits never checkpoint.
            replica = Replica.open(tmp / "till.sqlite", autocheckpoint=False)
            if wanted("scan"):
                results.append(bench_scan(replica, skus, 5000))
            if wanted("search"):
                results.append(bench_search(replica, 500))
            if wanted("checkout"):
                results.append(bench_checkout(replica, skus, 300, tmp))
            replica.close()
            if wanted("start"):
                results.append(till_bench.bench_start(tmp, 5))
            packaged = ROOT / "build" / "dist" / "pos-app" / "pos-app"
            if wanted("start_packaged") and packaged.exists():
                results.append(till_bench.bench_start(tmp, 5, packaged))
            elif wanted("start_packaged"):
                print(f"start_packaged skipped: no build at {packaged} (bash packaging/build-linux.sh)")
            if wanted("scan_ui"):
                results.append(till_bench.bench_scan_ui(tmp, skus, 500, result))
            if wanted("zreport"):
                receipts = 2000
                results.append(till_bench.bench_zreport(tmp / "till.sqlite", IDENTITY, skus, receipts, 20, result))
        if wanted("customer"):  # loyalty members: 1,000,000 in full mode, as many as SKUs otherwise
            members = 1_000_000 if args.full else skus
            start = time.perf_counter()
            results.append(till_bench.bench_customer(tmp, members, 2000, result))
            print(f"customer  {members:,} members (built and measured in {time.perf_counter() - start:.1f} s)")
        if wanted("bootstrap"):
            results.append(bench_bootstrap(skus, tmp, args.server_db))
        if wanted("pull"):
            results.append(sync_bench.bench_pull(10_000 if args.full else 2_000, tmp))
        if wanted("backlog"):
            results.append(sync_bench.bench_backlog(10_000 if args.full else 1_000, tmp))
        if wanted("ingest"):
            results.append(sync_bench.bench_ingest(50, 100 if args.full else 10))
    out = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    for r in results:
        if r["id"] == "bootstrap":
            print(
                f"bootstrap {r['value']:.2f} s for {r['rows']:,} rows, till peak memory {r['peak_mb']:.0f} MB, "
                f"its database locked for {r['locked_s']:.2f} s of it "
                f"(then the WAL checkpoint on the sync thread: {r['checkpoint_s']:.2f} s)"
            )
            continue
        if r["id"] == "pull":
            print(f"pull      {r['value']:.2f} s for {r['n']:,} changes, longest frame {r['frame_max_ms']} ms")
            continue
        if r["id"] == "backlog":
            print(f"backlog   {r['value']:.2f} s for {r['n']:,} offline sales ({r['per_s']}/s), each exactly once")
            continue
        if r["id"] == "ingest":
            if r["value"] is None:
                print(f"ingest    skipped: {r['skipped']}")
            else:
                print(f"ingest    {r['value']} sales/s, {r['tills']} tills, {r['workers']} workers, PostgreSQL")
            continue
        if r["id"] in ("start", "start_packaged"):
            print(
                f"{r['id']:<15} p50 {r['p50']:.2f} s  p99 {r['p99']:.2f} s   "
                f"floor (bare python + sqlite) p99 {r['floor_p99']:.2f} s   ratio {r['ratio']}   "
                f"after an unclean end (every page checked) p50 {r['after_crash_p50']:.2f} s"
            )
            continue
        print(
            f"{r['id']:<9} p50 {r['p50']:>8.3f} ms  p99 {r['p99']:>8.3f} ms   "
            f"floor p50 {r['floor_p50']:.3f} p99 {r['floor_p99']:.3f} ms   ratio {r['ratio']}"
        )
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
