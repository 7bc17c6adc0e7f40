"""`pos-app`: the till.

pos-app --demo                          the till against a local demo server with demo data
pos-app --server URL --enrol CODE       first start of a real till (enrols, then sells)
pos-app                                 every later start
pos-app --verify-journal                check the till's hash-chained sales journal and exit
pos-app --self-test                     check database, printer, server and clock, in plain words
Options: --language es|en, --printer none|memory|file:PATH|net:HOST[:PORT], --cash-rounding 5
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")

import qasync
from platformdirs import user_data_path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pos_app import __version__
from pos_app.store.replica import ReplicaError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos-app", description="Omni POS till")
    parser.add_argument("--data-dir", type=Path, help="where the till keeps its database (default: per-user folder)")
    parser.add_argument("--server", help="central server URL, e.g. https://pos.example.com")
    parser.add_argument("--enrol", metavar="CODE", help="one-time enrolment code from the installer")
    parser.add_argument("--demo", action="store_true", help="run against a local demo server with demo data")
    parser.add_argument("--demo-reset", action="store_true", help="with --demo: throw away the demo's data first")
    parser.add_argument("--demo-skus", type=int, default=2000, help="with --demo: catalog size of a new demo")
    parser.add_argument("--language", choices=("es", "en"), default="es", help="screen language (default es)")
    parser.add_argument(
        "--printer", default="memory", help="none | memory | file:/dev/usb/lp0 | net:HOST[:PORT] (see printing.py)"
    )
    parser.add_argument("--cash-rounding", type=int, default=1, metavar="CENTS", help="round cash to, e.g. 5")
    parser.add_argument("--verify-journal", action="store_true", help="verify the sales journal and exit")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the database, printer, server and clock, say what is wrong, exit",
    )
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)  # the start benchmark
    parser.add_argument("--version", action="version", version=f"pos-app {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    base = args.data_dir or user_data_path("omni-pos", appauthor=False)
    data_dir = base / "demo" if args.demo and not args.data_dir else base
    till_dir = data_dir / "till" if args.demo else data_dir
    if args.self_test:
        from pos_app.selftest import self_test

        code, lines = self_test(till_dir, args.printer if args.printer != "memory" else "none", args.server)
        print("\n".join(lines))
        return code
    setup_logging(data_dir / "logs")
    from pos_app import app as till_app
    from pos_app.demo import reset

    if args.demo and args.demo_reset:
        reset(data_dir)
    if args.verify_journal:
        return verify_journal(till_dir)
    options = till_app.LaunchOptions(
        data_dir=data_dir,
        server_url=args.server,
        enrol_code=args.enrol,
        demo=args.demo,
        demo_skus=args.demo_skus,
        language=args.language,
        printer=args.printer,
        cash_step=args.cash_rounding,
        exit_when_ready=args.exit_when_ready,
    )
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("Omni POS")
    # Ctrl+C or a service stop ends the till like closing its window: the demo server stops too.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: qt_app.quit())
    pulse = QTimer(interval=250)  # lets Python run its signal handlers while Qt waits
    pulse.timeout.connect(lambda: None)
    pulse.start()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    loop = qasync.QEventLoop(qt_app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            return loop.run_until_complete(till_app.run(qt_app, options))
    except ReplicaError as exc:
        QMessageBox.critical(None, "Omni POS", str(exc))
        print(f"pos-app: {exc}", file=sys.stderr)
        return 2


def setup_logging(folder: Path) -> None:
    """To the console and to rotating files in the data folder (5 x 2 MB): what support asks for."""
    from logging.handlers import RotatingFileHandler

    handlers: list[logging.Handler] = [logging.StreamHandler()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handlers.append(
            RotatingFileHandler(folder / "pos-app.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        )
    except OSError as exc:  # a read-only folder must not stop the till
        print(f"pos-app: no log file in {folder} ({exc})", file=sys.stderr)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", handlers=handlers)


def verify_journal(till_dir: Path) -> int:
    """Exit 0 when the journal is intact, 1 (and what is wrong) when it is not."""
    from pos_app.store.replica import Replica

    path = till_dir / "till.sqlite"
    if not path.exists():
        print(f"pos-app: no till database at {path}", file=sys.stderr)
        return 2
    replica = Replica.open(path)
    try:
        problems = replica.verify_journal()
        records = replica.journal_length()
    finally:
        replica.close()
    for problem in problems:
        print(f"JOURNAL: {problem}")
    print(f"{records} journal records checked: " + ("intact" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
