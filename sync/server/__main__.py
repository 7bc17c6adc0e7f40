"""`pos-server`: run the central server and do the installer's and HQ's chores.

pos-server --db chain.sqlite demo-data --skus 2000
pos-server --db chain.sqlite create-till MAD1 T1 "Caja 1"     # prints the enrolment code
pos-server --db chain.sqlite import-catalog catalog.csv
POS_SERVER_ADMIN_TOKEN=… pos-server --db chain.sqlite serve --port 8700
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import sys
from pathlib import Path

from sync.server.settings import ServerSettings
from sync.server.store import CentralStore


def database_url(value: str) -> str:
    """A SQLAlchemy URL, or a plain file path meaning an SQLite file."""
    return value if "://" in value else f"sqlite:///{Path(value).expanduser().resolve()}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos-server", description="Omni POS central server")
    parser.add_argument("--db", help="database file or URL (default: $POS_SERVER_DATABASE_URL)")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument("--fd", type=int, help="serve on an already listening socket (file descriptor)")
    serve.add_argument("--admin-token", help="token for /admin (default: $POS_SERVER_ADMIN_TOKEN)")
    serve.add_argument("--log-level", default="info")
    serve.add_argument(
        "--workers", type=int, default=1, help="server processes sharing the port (PostgreSQL, or SQLite on one disk)"
    )
    serve.add_argument("--demo", action="store_true", help="fill an empty database with the demo chain first")
    serve.add_argument("--demo-skus", type=int, default=2000)

    sub.add_parser("init", help="create or upgrade the tables (Alembic migrations; also done on every start)")
    demo = sub.add_parser("demo-data", help="fill an empty database with a demo chain")
    demo.add_argument("--skus", type=int, default=2000)
    demo.add_argument("--stores", type=int, default=3)
    demo.add_argument("--customers", type=int, default=500)
    demo.add_argument("--seed", type=int, default=42)

    store = sub.add_parser("create-store", help="add a store")
    store.add_argument("code")
    store.add_argument("name")
    store.add_argument("--city", default="")

    till = sub.add_parser("create-till", help="add a till (or re-issue its code) and print a one-time enrolment code")
    till.add_argument("store_code")
    till.add_argument("till_code")
    till.add_argument("name")

    cat = sub.add_parser("import-catalog", help="import catalog.csv (columns in sync/server/catalog.py)")
    cat.add_argument("file", type=Path)
    stock = sub.add_parser("import-stock", help="import stock.csv (store,sku,quantity)")
    stock.add_argument("file", type=Path)
    sub.add_parser("tills", help="list tills with their last contact")
    role = sub.add_parser("set-role", help="create or change a role: what it may do alone, its discount limit")
    role.add_argument("code")
    role.add_argument("name")
    role.add_argument("permissions", help="comma-separated, e.g. cash.in_out,return.with_receipt (see staff.py)")
    role.add_argument("--discount-limit", type=float, default=10.0, help="percent a member may take off alone")
    staff = sub.add_parser("add-staff", help="add a person who signs in at the tills with a PIN")
    staff.add_argument("name")
    staff.add_argument("role")
    staff.add_argument("pin")
    staff.add_argument("--store", help="store code (default: every store)")
    promo = sub.add_parser("add-promotion", help="add a promotion from JSON (fields: sync/protocol.py PromotionData)")
    promo.add_argument("json", help='e.g. \'{"code":"3X2","name":"3x2 pan","kind":"n_for_m","value":0,...}\'')
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = ServerSettings()
    if args.db:
        settings.database_url = database_url(args.db)
    if args.command == "serve":
        return serve(args, settings)

    from pydantic import ValidationError

    from sync import protocol as p
    from sync.server import catalog, demo, people

    central = CentralStore.open(settings.database_url)
    try:
        if args.command == "demo-data":
            demo.generate(central, skus=args.skus, stores=args.stores, customers=args.customers, seed=args.seed)
            print(f"demo chain written: {args.skus} SKUs, {args.stores} stores, {args.customers} customers")
        elif args.command == "create-store":
            print(central.create_store(args.code, args.name, args.city))
        elif args.command == "create-till":
            till_id, code = central.create_till(args.store_code, args.till_code, args.name, settings.enrolment_hours)
            print(f"till {till_id}: enrolment code {code} (valid {settings.enrolment_hours} h, once)")
        elif args.command == "import-catalog":
            report = catalog.CatalogImport(central).run(catalog.read_catalog_csv(args.file))
            print(f"{report.skus} SKUs imported, {report.changes} changes for the tills")
        elif args.command == "import-stock":
            print(f"{catalog.set_counted_stock(central, catalog.read_stock_csv(args.file))} stock figures imported")
        elif args.command == "tills":
            print(json.dumps(central.tills_overview(), indent=2))
        elif args.command == "set-role":
            perms = [x.strip() for x in args.permissions.split(",") if x.strip()]
            people.save_role(central, args.code, args.name, perms, round(args.discount_limit * 100))
            print(f"role {args.code} saved")
        elif args.command == "add-staff":
            print(f"staff {people.add_staff(central, args.name, args.role, args.pin, args.store)} added")
        elif args.command == "add-promotion":
            fields = {**json.loads(args.json), "id": 0}  # a new promotion; the server numbers it
            print(f"promotion {people.save_promotion(central, p.PromotionData.model_validate(fields))} added")
    except (KeyError, ValueError, RuntimeError, ValidationError) as exc:  # JSONDecodeError is a ValueError
        print(f"pos-server: {exc}", file=sys.stderr)
        return 1
    finally:
        central.dispose()
    return 0


def serve(args: argparse.Namespace, settings: ServerSettings) -> int:
    import uvicorn

    from sync.server.app import create_app

    if args.admin_token:
        settings.admin_token = args.admin_token
    central = CentralStore.open(settings.database_url)
    if args.demo:
        from sync.server import demo

        with contextlib.suppress(RuntimeError):  # a database that already has its chain keeps it
            demo.generate(central, skus=args.demo_skus)
    if args.workers > 1:
        central.dispose()
        return _serve_workers(args)
    app = create_app(settings, central)
    config = uvicorn.Config(app, log_level=args.log_level, access_log=False)
    server = uvicorn.Server(config)
    if args.fd is not None:
        # A socket the parent bound and listens on: no port race, no wait for readiness.
        sock = socket.socket(fileno=args.fd)
        server.run(sockets=[sock])
    else:
        config.host, config.port = args.host, args.port
        server.run()
    return 0


def _serve_workers(args: argparse.Namespace) -> int:
    """Pre-fork: bind the port once, start `--workers` single-process servers on it (the kernel
    spreads connections among them), stop them all on SIGTERM/SIGINT, stop if any dies."""
    import signal
    import subprocess

    if args.fd is not None:
        sock = socket.socket(fileno=args.fd)
    else:
        sock = socket.create_server((args.host, args.port), backlog=2048)
    child_args = [sys.executable, "-m", "sync.server"] + (["--db", args.db] if args.db else [])
    child_args += ["serve", "--fd", str(sock.fileno()), "--log-level", args.log_level]
    if args.admin_token:
        child_args += ["--admin-token", args.admin_token]
    children = [subprocess.Popen(child_args, pass_fds=(sock.fileno(),)) for _ in range(args.workers)]
    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for child in children:
            child.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while not stopping:
            with contextlib.suppress(ChildProcessError, InterruptedError):
                os.wait()  # returns when a child exits: then stop the others too
            stop(0, None)
    finally:
        for child in children:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=10)
            child.kill()
    return max((child.returncode or 0 for child in children), default=0)


if __name__ == "__main__":
    sys.exit(main())
