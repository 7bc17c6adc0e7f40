"""Start-up of the till: open the database, show the sale screen at once, then (in the background)
start the demo server, enrol, and sync. Nothing here waits for the network before the screen shows.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import socket
from collections.abc import Coroutine
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from pos_app.demo import DemoServer
from pos_app.provisioning import TillSettings, install_ca, is_enrolled
from pos_app.scale_simulator import ScaleSimulator
from pos_app.services.adyen import AdyenTerminal, SharedKey
from pos_app.services.pole_display import PoleDisplay, PoleDisplayFeed
from pos_app.services.scale import Scale, ToledoContinuousScale
from pos_app.services.selling import SaleSettings
from pos_app.services.terminal import PaymentTerminal, StandaloneTerminal
from pos_app.services.till import Till
from pos_app.terminal_simulator import DEMO_KEY, TerminalSimulator
from pos_app.ui.customer_display import CustomerDisplay
from pos_app.ui.i18n import set_language
from pos_app.ui.main_window import SaleWindow
from pos_app.ui.setup import SetupWizard
from sync.client.engine import SyncError

log = logging.getLogger(__name__)


@dataclass
class LaunchOptions:
    data_dir: Path
    server_url: str | None = None
    enrol_code: str | None = None
    ca_cert: Path | None = None
    demo: bool = False
    demo_skus: int = 2000
    sync_interval: float = 15.0
    language: str = "es"
    printer: str = "memory"
    cash_step: int = 1
    exit_when_ready: bool = False  # the `start` benchmark: print READY once a scan can be served, quit
    devices: TillSettings | None = None  # the card terminal's, scale's and pole display's settings (none: none)
    customer_display: bool = False  # show the customer display (ui/customer_display.py)
    windowed: bool = False  # a till is full-screen (kiosk); the demo and --windowed are windows


BASE_POINT_SIZE = 13  # the till's ordinary text; the stylesheet and big_font() size the rest by role


def apply_style(app: QApplication) -> None:
    """The till's look: its base font as the application's font (so that a widget given a
    larger one, an amount due or a PIN, keeps it) and the stylesheet, which sizes by role."""
    font = app.font()
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(load_stylesheet())


def load_stylesheet() -> str:
    try:
        return resources.files("resources").joinpath("styles/till.qss").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return ""


def freeze_startup_objects() -> None:
    """Move everything start-up made (Qt wrappers, modules, validators) out of the garbage
    collector's sight. Otherwise a full collection walks them all: measured 56-72 ms, a visibly
    frozen screen, in the middle of a price pull. Called once the sale screen is built."""
    gc.collect()
    gc.freeze()


class Stopper:
    """SIGINT (Ctrl+C) and SIGTERM (a service stop, a shutdown) end the till as closing its
    window does: the run's own end (`run`) closes the till, its marker, and the demo server.
    Quitting Qt's loop from the handler instead would stop the asyncio loop under the run, with
    a traceback, the running marker left behind and the demo server orphaned."""

    def __init__(self) -> None:
        self.requested = False
        self.event: asyncio.Event | None = None  # set by `run` once there is a till to close

    def __call__(self, *_signal: object) -> None:
        self.requested = True
        if self.event is not None:  # (the handler runs on the loop's thread, between callbacks)
            asyncio.get_event_loop().call_soon_threadsafe(self.event.set)
        else:  # before the till opened (the setup wizard): nothing of ours to close
            QApplication.quit()


STOP = Stopper()


def show_customer_display(till: Till) -> CustomerDisplay:
    """Full-screen on the second screen if the till has one (the one facing the customer), else
    a window of its own beside the till's."""
    identity = till.identity
    display = CustomerDisplay(till.sales, identity.store_name if identity else "")
    screens = QGuiApplication.screens()
    if len(screens) > 1:
        display.setScreen(screens[1])
        display.move(screens[1].geometry().topLeft())
        display.showFullScreen()
    else:
        display.resize(800, 480)
        display.show()
    return display


class TillSession:
    """Everything one run of the till owns, and its orderly end. (Its messages are translated in
    their own context, "TillSession": `self.window.tr` would look them up under "SaleWindow" at
    run time, where the translation tool never put them; they showed in English.)"""

    def __init__(self, options: LaunchOptions) -> None:
        self.options = options
        app = QApplication.instance()
        if isinstance(app, QApplication) and not app.styleSheet():
            apply_style(app)
        till_dir = options.data_dir / "till" if options.demo else options.data_dir
        set_language(options.language)
        self.simulator: TerminalSimulator | None = None
        self.scale_simulator: ScaleSimulator | None = None
        self.till = Till(
            till_dir,
            sync_interval=options.sync_interval,
            printer=options.printer,
            terminal=self._card_terminal(options),
            scale=self._scale(options),
            settings=SaleSettings(cash_step=max(1, options.cash_step)),
        )
        self.window = SaleWindow(self.till)
        if (repaired := self.till.repair) is not None:  # said on the sign-in page and the sale screen
            self.window.show_message(
                QCoreApplication.translate(
                    "TillSession",
                    "The till's database was damaged and has been repaired: {} record(s) recovered, "
                    "{} sale(s) or other fact(s) waiting to be sent. The damaged file is kept in {}",
                ).format(sum(repaired.salvaged.values()), repaired.pending, repaired.set_aside),
                "warning",
            )
        self.display: CustomerDisplay | None = None
        if options.customer_display:
            self.display = show_customer_display(self.till)
        self.pole: PoleDisplay | None = None
        self.pole_feed: PoleDisplayFeed | None = None  # kept: the sale's signals reach it only while it lives
        devices = options.devices
        if devices is not None and devices.pole_display and not options.demo:
            self.pole = PoleDisplay(devices.pole_display, devices.pole_display_baudrate)
            identity = self.till.identity
            self.pole_feed = PoleDisplayFeed(self.till.sales, self.pole, identity.store_name if identity else "")
        self.demo_server: DemoServer | None = None

    def _card_terminal(self, options: LaunchOptions) -> PaymentTerminal:
        """The demo's is the terminal simulator, spoken to as a real one on a socket; a till's is
        its integrated terminal if the installer set one, else a stand-alone one."""
        sale_id = f"OMNIPOS-{socket.gethostname()}"[:32]
        if options.demo:
            self.simulator = TerminalSimulator().start()
            return AdyenTerminal(self.simulator.url, self.simulator.poi_id, sale_id, DEMO_KEY)
        settings = options.devices
        if settings is not None and settings.terminal_url:
            key = SharedKey(settings.terminal_key_id, settings.terminal_key_version, settings.terminal_passphrase)
            verify: str | bool = settings.terminal_ca or True
            return AdyenTerminal(settings.terminal_url, settings.terminal_poi_id, sale_id, key, verify=verify)
        return StandaloneTerminal()

    def _scale(self, options: LaunchOptions) -> Scale | None:
        """The demo's is the scale simulator on a socket; a till's is the one the installer set
        (`scale_url`), else none: a weight is then typed by a manager."""
        if options.demo:
            self.scale_simulator = ScaleSimulator(demo=True).start()
            return ToledoContinuousScale(self.scale_simulator.url)
        settings = options.devices
        if settings is not None and settings.scale_url:
            return ToledoContinuousScale(
                settings.scale_url, settings.scale_baudrate, with_checksum=settings.scale_checksum
            )
        return None

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        return self.till.tasks.spawn(coro)

    async def connect(self) -> None:
        """Demo server, enrolment and sync, in that order, each only if needed."""
        opts = self.options
        server_url = opts.server_url
        try:
            if opts.demo:
                self.demo_server = DemoServer(opts.data_dir / "server", skus=opts.demo_skus)
                server_url = self.demo_server.start()
                self.window.show_message(
                    QCoreApplication.translate("TillSession", "Starting the demo central server…"), "info"
                )
                self.window.sign_in_hint = QCoreApplication.translate(
                    "TillSession", "Demo: Ana, PIN 1234 (cashier) · Luis, PIN 9999 (manager)"
                )
                self.window.signin.hint.setText(self.window.sign_in_hint)
                if self.till.identity is None:
                    code = await self.demo_server.enrolment_code()
                    await self.till.enrol(server_url, code)
            elif self.till.identity is None:
                if not (server_url and opts.enrol_code):
                    self.window.show_message(
                        QCoreApplication.translate(
                            "TillSession", "This till is not set up: start it again to open the setup wizard"
                        ),
                        "error",
                    )
                    return
                if opts.ca_cert is not None:
                    install_ca(self.till.data_dir, opts.ca_cert)
                await self.till.enrol(server_url, opts.enrol_code)
            self.till.start_sync(server_url if opts.demo else None)
        except (SyncError, ValueError) as exc:
            self.window.show_message(
                QCoreApplication.translate("TillSession", "Set-up failed: {}").format(exc), "error"
            )
            return
        if not self.till.is_ready:
            self.window.show_message(
                QCoreApplication.translate("TillSession", "Loading the catalog from the server…"), "info"
            )
            self.till.ready_changed.connect(
                lambda _r: self.window.show_message(
                    QCoreApplication.translate("TillSession", "Ready: sign in to start selling"), "ok"
                )
            )

    async def aclose(self) -> None:
        if self.display is not None:
            self.display.disconnect_sale()
            self.display.close()
        await self.till.aclose()
        if self.pole is not None:
            self.pole.close()
        if self.simulator is not None:
            self.simulator.stop()
        if self.scale_simulator is not None:
            self.scale_simulator.stop()
        if self.demo_server is not None:
            self.demo_server.stop()


async def set_up_first(app: QApplication, options: LaunchOptions) -> bool:
    """A till that is not enrolled (and was not given --server and --enrol) opens the setup
    wizard first; False when the installer quits it."""
    if options.demo or options.exit_when_ready or (options.server_url and options.enrol_code):
        return True
    if is_enrolled(options.data_dir):
        return True
    if not app.styleSheet():
        apply_style(app)
    set_language(options.language)
    wizard = SetupWizard(options.data_dir, options.server_url or "")
    # The wizard closes before the sale screen opens: that must not end the application.
    quits = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        wizard.show()
        identity = await wizard.outcome
        wizard.close()
        wizard.deleteLater()
    finally:
        app.setQuitOnLastWindowClosed(quits)
    return identity is not None


async def run(app: QApplication, options: LaunchOptions) -> int:
    if not await set_up_first(app, options):
        return 1
    session = TillSession(options)
    if options.demo or options.windowed:
        session.window.show()
    else:  # a till's screen is the till's: nothing of the desktop behind it to click by mistake
        session.window.showFullScreen()
    session.window.activateWindow()  # the keyboard's, even with no window manager to give it (a kiosk)
    freeze_startup_objects()
    quitting = asyncio.Event()
    app.aboutToQuit.connect(quitting.set)
    STOP.event = quitting
    if STOP.requested:  # a signal while the window was being built
        quitting.set()
    if options.exit_when_ready:
        # Scan-ready: the screen is up and a barcode lookup on the replica has been answered.
        session.till.replica.item_by_barcode("0000000000000")
        print("READY", flush=True)
        quitting.set()
    session.spawn(session.connect())
    session.spawn(session.till.keep_backups())
    try:
        await quitting.wait()
    finally:
        STOP.event = None
        await session.aclose()
        await asyncio.get_running_loop().shutdown_asyncgens()  # streams cut short, closed on the loop
        session.window.close()
    log.info("the till stopped cleanly%s", " (signal)" if STOP.requested else "")
    return 0
