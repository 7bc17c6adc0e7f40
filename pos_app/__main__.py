"""`pos-app`: the till.

pos-app --demo                          the till against a local demo server with demo data
pos-app                                 a new till opens its setup wizard; later, it sells
pos-app --server URL --enrol CODE       first start without the wizard (enrols, then sells)
pos-app --provision --server URL --enrol CODE [--ca-cert FILE] [--printer …] [--language …]
                                        set up without a window (scripted roll-outs), then exit
pos-app --verify-journal                check the till's hash-chained sales journal and exit
pos-app --self-test                     check database, printer, server and clock, in plain words
Options: --language es|en, --printer none|memory|file:PATH|net:HOST[:PORT], --cash-rounding 5,
--customer-display, --windowed (a till is full-screen; the demo is a window)
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import importlib.util
import logging
import os
import signal
import sys
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pos_app import __version__
from pos_app.provisioning import TillSettings, default_data_dir
from pos_app.qt_loop import MainThreadCollector, QtLoop
from pos_app.store.replica import ReplicaError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos-app", description="Omni POS till")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="where the till keeps its database (default: $POS_APP_DATA_DIR, /var/lib/omni-pos or "
        "C:\\ProgramData\\omni-pos when the installer made it, else the user's own folder)",
    )
    parser.add_argument("--server", help="central server URL, e.g. https://pos.example.com")
    parser.add_argument("--enrol", metavar="CODE", help="one-time enrolment code from the installer")
    parser.add_argument("--ca-cert", type=Path, metavar="FILE", help="the chain's CA certificate (PEM), if private")
    parser.add_argument(
        "--provision",
        action="store_true",
        help="with --server and --enrol: enrol, load the catalog, save the settings given, exit (no window)",
    )
    parser.add_argument("--demo", action="store_true", help="run against a local demo server with demo data")
    parser.add_argument("--demo-reset", action="store_true", help="with --demo: throw away the demo's data first")
    parser.add_argument("--demo-skus", type=int, default=2000, help="with --demo: catalog size of a new demo")
    # These three default to what set-up saved in the data folder's settings.json.
    parser.add_argument("--language", choices=("es", "en"), help="screen language (default es)")
    parser.add_argument("--printer", help="none | memory | file:/dev/usb/lp0 | net:HOST[:PORT] (see printing.py)")
    parser.add_argument("--cash-rounding", type=int, metavar="CENTS", help="round cash to, e.g. 5")
    parser.add_argument("--windowed", action="store_true", help="a window, not full-screen (the demo always is)")
    parser.add_argument(
        "--customer-display", action="store_true", help="a screen for the customer (full-screen on a second screen)"
    )
    parser.add_argument("--verify-journal", action="store_true", help="verify the sales journal and exit")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the database, printer, server and clock, say what is wrong, exit",
    )
    parser.add_argument(
        "--diagnostics",
        nargs="?",
        const="",
        metavar="ZIP",
        help="write the diagnostics bundle for support (no customer data), print where, exit",
    )
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)  # the start benchmark
    parser.add_argument("--version", action="version", version=f"pos-app {__version__}")
    return parser


def server_installed() -> bool:
    """Whether the central server's packages are here (the extra `server`): the demo runs one."""
    try:
        return all(importlib.util.find_spec(name) is not None for name in ("fastapi", "sqlalchemy", "uvicorn"))
    except ImportError:
        return False


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.demo and (getattr(sys, "frozen", False) or not server_installed()):
        print(
            "pos-app: the demo runs from a source checkout (bash packaging/dev.sh demo); "
            "this build or install is the till only, without the central server (pip install '.[till,server]')",
            file=sys.stderr,
        )
        return 2
    base = args.data_dir or default_data_dir()
    data_dir = base / "demo" if args.demo and not args.data_dir else base
    till_dir = data_dir / "till" if args.demo else data_dir
    saved = TillSettings.load(till_dir)
    settings = dataclasses.replace(
        saved,
        printer=args.printer or saved.printer,
        language=args.language or saved.language,
        cash_rounding=args.cash_rounding or saved.cash_rounding,
        customer_display=args.customer_display or saved.customer_display,
    )
    if args.provision:
        return provision_silently(args, till_dir, settings)
    if args.diagnostics is not None:
        from pos_app.diagnostics import bundle

        made = bundle(till_dir, Path(args.diagnostics) if args.diagnostics else None, settings.printer)
        print(f"Diagnostics (no customer data) written to {made}")
        return 0
    if args.self_test:
        from pos_app.selftest import self_test

        code, lines = self_test(till_dir, settings.printer if settings.printer != "memory" else "none", args.server)
        print("\n".join(lines))
        return code
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
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
        ca_cert=args.ca_cert,
        demo=args.demo,
        demo_skus=args.demo_skus,
        language=settings.language,
        printer=settings.printer,
        devices=settings,
        cash_step=settings.cash_rounding,
        exit_when_ready=args.exit_when_ready,
        customer_display=settings.customer_display,
        windowed=args.windowed,
    )
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("Omni POS")
    # Ctrl+C or a service stop ends the till like closing its window: the demo server stops too.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, till_app.STOP)
    pulse = QTimer(interval=250)  # lets Python run its signal handlers while Qt waits
    pulse.timeout.connect(lambda: None)
    pulse.start()
    collector = MainThreadCollector(parent=qt_app)  # Qt objects die on Qt's thread (pos_app/qt_loop.py)
    collector.start()
    loop = QtLoop(qt_app)
    asyncio.set_event_loop(loop)
    # asyncio installs its async-generator hooks in run_forever, which qasync replaces with Qt's
    # exec(): without them an HTTP stream cut short by a stop is finalized once the loop is gone
    # ("async generator ignored GeneratorExit" at exit). With them, run() closes them in time.
    sys.set_asyncgen_hooks(firstiter=loop._asyncgen_firstiter_hook, finalizer=loop._asyncgen_finalizer_hook)
    try:
        with loop:
            return loop.run_until_complete(till_app.run(qt_app, options))
    except ReplicaError as exc:
        QMessageBox.critical(None, "Omni POS", str(exc))
        print(f"pos-app: {exc}", file=sys.stderr)
        return 2
    except RuntimeError:
        if till_app.STOP.requested:  # stopped while the setup wizard was open: nothing was opened yet
            return 0
        raise
    finally:
        collector.stop()


def provision_silently(args: argparse.Namespace, till_dir: Path, settings: TillSettings) -> int:
    """`--provision`: what the wizard does, from a script, printing its progress; exit 0 when
    the till is ready to sell, 1 (and why, in a sentence) when it is not."""
    from pos_app.provisioning import STAGES, provision
    from sync.client.engine import SyncError

    if not (args.server and args.enrol):
        print("pos-app: --provision needs --server URL and --enrol CODE", file=sys.stderr)
        return 1
    till_dir.mkdir(parents=True, exist_ok=True, mode=0o700)  # the till's data: its user's only
    setup_logging(till_dir / "logs")

    def progress(stage: str, detail: str) -> None:
        print(STAGES[stage].format(detail), flush=True)

    try:
        identity, _rows = asyncio.run(provision(till_dir, args.server, args.enrol, args.ca_cert, progress))
    except (ValueError, SyncError) as exc:
        print(f"pos-app: set-up failed: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"pos-app: set-up failed: cannot write in {till_dir} ({exc.strerror})", file=sys.stderr)
        return 1
    settings.save(till_dir)
    print(f"Till {identity.series} ({identity.till_name}, {identity.store_name}) is set up in {till_dir}")
    return 0


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
    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per request


def verify_journal(till_dir: Path) -> int:
    """Exit 0 when the journal is intact, 1 (and what is wrong) when it is not."""
    from pos_app.store.replica import Replica

    path = till_dir / "till.sqlite"
    if not path.exists():
        print(f"pos-app: no till database at {path}", file=sys.stderr)
        return 2
    replica = Replica.open(path)
    try:
        problems = replica.sales.verify_journal()
        records = replica.sales.journal_length()
    finally:
        replica.close()
    for problem in problems:
        print(f"JOURNAL: {problem}")
    print(f"{records} journal records checked: " + ("intact" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
