"""`pos-server`: run the central server and do the installer's and HQ's chores.

pos-server --db chain.sqlite demo-data --skus 2000
pos-server --db chain.sqlite create-till MAD1 T1 "Caja 1"     # prints the enrolment code
pos-server --db chain.sqlite retire-till MAD1 T1              # a till out of service
pos-server --db chain.sqlite import-catalog catalog.csv
pos-server --db chain.sqlite set-tier ORO Oro 1000 150 --price-list ORO   # from 1,000 € a year, points x1.5
pos-server --db chain.sqlite set-segment JOVEN "Jóvenes" '{"age_min": 18, "age_max": 34}'
pos-server --db chain.sqlite recompute-loyalty        # tiers, 12-month spend and segments (also on a schedule)
pos-server --db chain.sqlite report-segments --days 30
pos-server --db chain.sqlite set-limits limits.csv    # store,sku,min,max: replenishment suggestions
pos-server --db chain.sqlite set-quick-keys keys.csv  # store,position,sku,label: the tills' favourites
pos-server --db chain.sqlite transfers --open         # transfers between stores, with their differences
POS_SERVER_ADMIN_TOKEN=… pos-server --db chain.sqlite serve --port 8700
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import socket
import sys
from collections.abc import Callable
from datetime import date
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
    serve.add_argument("--tls-cert", help="serve HTTPS with this certificate (PEM; chain included)")
    serve.add_argument("--tls-key", help="the certificate's private key (PEM)")
    serve.add_argument(
        "--workers", type=int, default=1, help="server processes sharing the port (PostgreSQL, or SQLite on one disk)"
    )
    serve.add_argument(
        "--loyalty-every",
        type=float,
        default=24.0,
        help="hours between recomputes of members' tiers, spend and segments (0: never; see recompute-loyalty)",
    )
    serve.add_argument(
        "--orders-every",
        type=float,
        default=30.0,
        help="seconds between expiring uncollected orders and sending due notifications to "
        "$POS_SERVER_WEBHOOK_URL (0: never)",
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
    store.add_argument("--address", default="", help="street and number, as receipts print it")
    store.add_argument("--postcode", default="")

    company = sub.add_parser(
        "set-company", help="the issuer of every receipt and invoice: legal name, NIF, registered address"
    )
    company.add_argument("legal_name")
    company.add_argument("nif")
    company.add_argument("address")
    company.add_argument("--postcode", default="")
    company.add_argument("--city", default="")

    address = sub.add_parser("set-store-address", help="a store's address, as its receipts print it")
    address.add_argument("code")
    address.add_argument("address")
    address.add_argument("--postcode", default="")
    address.add_argument("--city", default="")

    till = sub.add_parser("create-till", help="add a till (or re-issue its code) and print a one-time enrolment code")
    till.add_argument("store_code")
    till.add_argument("till_code")
    till.add_argument("name")
    retire = sub.add_parser("retire-till", help="take a till out of service: its token stops, HQ stops waiting for it")
    retire.add_argument("store_code")
    retire.add_argument("till_code")

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
    tier = sub.add_parser("set-tier", help="create or change a loyalty tier")
    tier.add_argument("code")
    tier.add_argument("name")
    tier.add_argument("threshold_euros", type=float, help="12-month spend in every channel from which it applies")
    tier.add_argument("multiplier_pct", type=int, help="points multiplier in percent (150 = x1.5)")
    tier.add_argument("--price-list", help="code of the tier's price list (its prices apply where lower)")
    segment = sub.add_parser("set-segment", help="create or change a customer segment (rule: sync/server/loyalty.py)")
    segment.add_argument("code")
    segment.add_argument("name")
    segment.add_argument("rule", help='JSON, e.g. \'{"postcodes": ["28"], "min_orders": 4}\'')
    sub.add_parser("recompute-loyalty", help="recompute every member's 12-month spend, tier and segments now")
    prune = sub.add_parser(
        "prune-changes",
        help="forget changes logged longer ago than the retention (tills further behind load a snapshot)",
    )
    prune.add_argument("--days", type=float, help="retention in days (default: $POS_SERVER_CHANGE_LOG_DAYS, 30)")
    report = sub.add_parser("report-segments", help="sales by channel and customer segment")
    report.add_argument("--days", type=int, default=30)
    keys = sub.add_parser("set-quick-keys", help="stores' favourites grids from a CSV: store (or *),position,sku,label")
    keys.add_argument("file", type=Path)
    limits = sub.add_parser("set-limits", help="stores' min/max of SKUs from a CSV: store,sku,min,max")
    limits.add_argument("file", type=Path)
    moved = sub.add_parser("transfers", help="transfers between stores, with their differences (JSON)")
    moved.add_argument("--open", action="store_true", help="only those not received, declined or cancelled")
    vf_send = sub.add_parser("verifactu-send", help="send the VERI*FACTU records that wait to the AEAT now")
    vf_send.add_argument("--rounds", type=int, default=1, help="requests to make at most (1,000 records each)")
    sub.add_parser("verifactu-status", help="per store and till: records waiting, sent, rejected, oldest unsent")
    vf_export = sub.add_parser(
        "verifactu-export", help="the records of a period as the AEAT's XML (RegFactuSistemaFacturacion)"
    )
    vf_export.add_argument("--from", dest="since", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    vf_export.add_argument("--to", dest="until", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    vf_export.add_argument("--store", help="one store's code")
    vf_export.add_argument("file", type=Path, help="the XML file (one request body per 1,000 records)")
    vf_fix = sub.add_parser(
        "verifactu-correct", help="correct a record the AEAT rejected (subsanación): the customer's NIF and name"
    )
    vf_fix.add_argument("number", help="the invoice's series and number, as the exception names it")
    vf_fix.add_argument("--recipient-nif", default="")
    vf_fix.add_argument("--recipient-name", default="")
    member = sub.add_parser("add-member", help="enrol a loyalty member at HQ (prints the card number)")
    member.add_argument("name")
    member.add_argument("--phone")
    member.add_argument("--email")
    member.add_argument("--postcode")
    member.add_argument("--birth-year", type=int)
    member.add_argument("--consent", action="store_true", help="the member agreed to receive offers")
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
    from sync.server import catalog, demo, loyalty, people

    central = CentralStore.open(settings.database_url)
    try:
        if args.command == "demo-data":
            demo.generate(central, skus=args.skus, stores=args.stores, customers=args.customers, seed=args.seed)
            print(f"demo chain written: {args.skus} SKUs, {args.stores} stores, {args.customers} customers")
        elif args.command == "create-store":
            print(central.create_store(args.code, args.name, args.city, args.address, args.postcode))
        elif args.command == "set-company":
            try:
                issuer = central.set_company(args.legal_name, args.nif, args.address, args.postcode, args.city)
            except ValueError as exc:
                print(f"pos-server: {exc}", file=sys.stderr)
                return 1
            print(f"issuer: {issuer.legal_name}, NIF {issuer.nif}, {issuer.address}")
        elif args.command == "set-store-address":
            central.set_store_address(args.code, args.address, args.postcode, args.city)
            print(f"store {args.code}: {args.address}")
        elif args.command == "create-till":
            till_id, code = central.create_till(args.store_code, args.till_code, args.name, settings.enrolment_hours)
            print(f"till {till_id}: enrolment code {code} (valid {settings.enrolment_hours} h, once)")
        elif args.command == "retire-till":
            last = central.retire_till(args.store_code, args.till_code)
            print(
                f"till {args.store_code}-{args.till_code} retired. HQ last heard from it at {last['last_seen_at']}, "
                f"last push at {last['last_push_at']} (fact #{last['last_device_seq']}); anything it had not "
                "pushed by then can no longer be sent. create-till enrols a replacement."
            )
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
        elif args.command == "set-tier":
            price_list = None
            if args.price_list:
                price_list = catalog.ensure_price_list(central, args.price_list, "loyalty", args.name)
            tier = p.TierData(
                code=args.code,
                name=args.name,
                threshold=round(args.threshold_euros * 100),
                multiplier_pct=args.multiplier_pct,
                price_list_id=price_list,
            )
            loyalty.save_tier(central, tier)
            print(f"tier {args.code} saved")
        elif args.command == "set-segment":
            loyalty.save_segment(central, args.code, args.name, json.loads(args.rule))
            print(f"segment {args.code} saved; members get it at the next recompute-loyalty")
        elif args.command == "prune-changes":
            days = settings.change_log_days if args.days is None else args.days
            print(f"{central.prune_changes(days)} changes older than {days:g} days removed")
        elif args.command == "recompute-loyalty":
            print(f"{loyalty.recompute(central)} members changed tier, spend or segments")
        elif args.command == "report-segments":
            from datetime import UTC, datetime, timedelta

            rows = loyalty.sales_by_channel_and_segment(central, datetime.now(UTC) - timedelta(days=args.days))
            print(f"{'channel':<8} {'segment':<12} {'orders':>7} {'amount':>12}")
            for row in rows:
                segment = row["segment"] or "(no member)"
                print(f"{row['channel']:<8} {segment:<12} {row['orders']:>7} {row['amount'] / 100:>12.2f}")
        elif args.command == "set-quick-keys":
            print(f"{catalog.set_quick_keys(central, catalog.read_quick_keys_csv(args.file))} quick keys set")
        elif args.command == "set-limits":
            from sync.server import transfers

            with args.file.open(newline="", encoding="utf-8-sig") as handle:
                limits = [
                    (r[0].strip(), r[1].strip(), int(r[2]), int(r[3]))
                    for r in csv.reader(handle)
                    if r and not r[0].startswith("#") and r[0].strip().lower() != "store"
                ]
            print(f"{transfers.set_limits(central, limits)} limits set")
        elif args.command == "transfers":
            from sync.server import transfers

            print(json.dumps(transfers.transfers_overview(central, args.open), indent=2))
        elif args.command.startswith("verifactu-"):
            return _verifactu(args, central, settings)
        elif args.command == "add-member":
            card = loyalty.add_customer(
                central,
                args.name,
                args.phone,
                args.email,
                postcode=args.postcode,
                birth_year=args.birth_year,
                marketing_consent=args.consent,
            )
            print(f"member {card} enrolled")
    except (KeyError, ValueError, RuntimeError, ValidationError) as exc:  # JSONDecodeError is a ValueError
        print(f"pos-server: {exc}", file=sys.stderr)
        return 1
    finally:
        central.dispose()
    return 0


def _verifactu(args: argparse.Namespace, central: CentralStore, settings: ServerSettings) -> int:
    from sync.server import aeat

    if args.command == "verifactu-status":
        print(json.dumps(aeat.status(central), indent=2))
    elif args.command == "verifactu-correct":
        new_id = aeat.correct(central, args.number, args.recipient_nif, args.recipient_name)
        print(f"record {new_id} corrects invoice {args.number}; it goes to the AEAT with the next request")
    elif args.command == "verifactu-export":
        software = aeat.Software.this(settings.producer_name, settings.producer_nif)
        with args.file.open("wb") as out:
            bodies = 0
            for body in aeat.export(central, software, args.since, args.until, args.store):
                out.write(body)
                bodies += 1
        print(f"{bodies} request bodies written to {args.file}")
    else:
        sender = aeat.sender(central, settings)
        outcome = aeat.Outcome()
        try:
            for _ in range(args.rounds):
                outcome = sender.send_once()
                if outcome.error or not outcome.sent:
                    break
                print(f"{outcome.sent} records sent{' late' if outcome.late else ''}: {outcome.state}")
        finally:
            sender.close()
        if outcome.error:
            print(f"pos-server: {outcome.error}", file=sys.stderr)
            return 1
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
    stop_loyalty = _schedule_loyalty(central, args.loyalty_every)
    stop_orders = _schedule_orders(central, settings, args.orders_every)
    stop_pruning = _schedule_pruning(central, settings.change_log_days)
    stop_aeat = _schedule_aeat(central, settings)
    if args.workers > 1:
        try:
            return _serve_workers(args)
        finally:
            stop_aeat()
            stop_loyalty()
            stop_orders()
            stop_pruning()
            central.dispose()
    app = create_app(settings, central)
    config = uvicorn.Config(
        app, log_level=args.log_level, access_log=False, ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key
    )
    server = uvicorn.Server(config)
    if args.fd is not None:
        # A socket the parent bound and listens on: no port race, no wait for readiness.
        sock = socket.socket(fileno=args.fd)
        server.run(sockets=[sock])
    else:
        config.host, config.port = args.host, args.port
        server.run()
    stop_aeat()
    stop_loyalty()
    stop_orders()
    stop_pruning()
    return 0


def _schedule_aeat(central: CentralStore, settings: ServerSettings) -> Callable[[], None]:
    """Send the VERI*FACTU records that wait to the AEAT (in this process only): a request,
    then the wait the AEAT answered, sooner when 1,000 records wait (HAC/1177/2024 art. 16.2);
    longer after a failure. Off while no AEAT URL is set. Returns what stops it."""
    import logging
    import threading

    from sync.server import aeat

    stop = threading.Event()
    if not settings.aeat_url:
        return stop.set
    logger = logging.getLogger("pos-server")

    def run() -> None:
        try:
            sender = aeat.sender(central, settings)
        except aeat.AeatError as exc:  # no certificate, no producer: said once, loudly
            logger.error("VERI*FACTU records are not being sent: %s", exc)
            return
        wait = 1.0
        try:
            while not stop.wait(wait):
                try:
                    outcome = sender.send_once()
                except Exception:  # tried again later; the records wait
                    logger.exception("VERI*FACTU sending failed")
                    outcome = aeat.Outcome(error="failed", wait=60)
                if outcome.error:
                    logger.warning("VERI*FACTU: %s", outcome.error)
                if outcome.sent >= aeat.MAX_RECORDS:
                    wait = 0.0  # a full request: the next may follow at once (art. 16.2)
                elif outcome.sent:
                    wait = outcome.wait  # the AEAT's TiempoEsperaEnvio (longer after a failure)
                else:
                    wait = min(outcome.wait, 5.0)  # nothing waited: look again soon
        finally:
            sender.close()

    threading.Thread(target=run, name="aeat-sender", daemon=True).start()
    return stop.set


def _schedule_orders(central: CentralStore, settings: ServerSettings, seconds: float) -> Callable[[], None]:
    """Every `seconds` (in this process only): expire orders not collected in time, and send
    the notifications that are due to the webhook, if one is set. Returns what stops it."""
    import logging
    import threading

    from sync.server import orders

    stop = threading.Event()
    if seconds <= 0:
        return stop.set
    send = orders.webhook(settings.webhook_url) if settings.webhook_url else None

    def run() -> None:
        while not stop.wait(seconds):
            try:
                orders.expire_due(central)
                if send is not None:
                    orders.deliver_notifications(central, send)
            except Exception:  # tried again at the next interval
                logging.getLogger("pos-server").exception("order chores failed")

    threading.Thread(target=run, name="order-schedule", daemon=True).start()
    return stop.set


def _schedule_pruning(central: CentralStore, days: float) -> Callable[[], None]:
    """Prune the change log now and once a day (in this process only). Returns what stops it."""
    import logging
    import threading

    stop = threading.Event()
    if days <= 0:
        return stop.set

    def run() -> None:
        while True:
            try:
                removed = central.prune_changes(days)
                logging.getLogger("pos-server").info("change log: %d changes older than %g days removed", removed, days)
            except Exception:  # tried again the next day
                logging.getLogger("pos-server").exception("pruning the change log failed")
            if stop.wait(24 * 3600):
                return

    threading.Thread(target=run, name="change-log-pruning", daemon=True).start()
    return stop.set


def _schedule_loyalty(central: CentralStore, hours: float) -> Callable[[], None]:
    """Recompute members' tiers, spend and segments every `hours` (in this process only, so
    several workers do not each do it); the first run waits for one interval after the last
    recorded one. Returns what stops it."""
    import logging
    import threading
    from datetime import UTC, datetime

    from sync.server import loyalty

    stop = threading.Event()
    if hours <= 0:
        return stop.set

    def run() -> None:
        while not stop.is_set():
            last = loyalty.last_recompute(central)
            due = 0.0 if last is None else hours * 3600 - (datetime.now(UTC) - last).total_seconds()
            if stop.wait(max(due, 0.0)):
                return
            try:
                changed = loyalty.recompute(central)
                logging.getLogger("pos-server").info("loyalty recomputed: %d members changed", changed)
            except Exception:  # a failed run is tried again at the next interval
                logging.getLogger("pos-server").exception("loyalty recompute failed")
                stop.wait(hours * 3600)

    threading.Thread(target=run, name="loyalty-schedule", daemon=True).start()
    return stop.set


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
    if args.tls_cert:
        child_args += ["--tls-cert", args.tls_cert] + (["--tls-key", args.tls_key] if args.tls_key else [])
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
