"""The till's window: sign-in, then the sale screen. Keyboard and scanner first, large targets for touch.

Sale screen keys (also on the footer):
  Enter       scan or type a code ("3*" before a code: quantity 3); a member's card identifies them
  F1 customer: find by card, phone, e-mail or name, or enrol (see ui/customer.py)
  F2 search · F3 discount on the line · F4 quantity · +/- on an empty entry change the line · Del remove it
  F5 pay (cash, card or split) · F6 pay all by card · F7 park · F8 resume a parked sale
  F9 void the sale · F10 return (empty cart: against a receipt; items in the cart: without one)
  F11 sync panel · F12 reprint the last receipt
  Ctrl+P pickups and reservations (see ui/pickup.py) · Ctrl+R reserve the chosen line's product
  Ctrl+K stock here and in sibling stores · Ctrl+T transfers · Ctrl+U stock count (see ui/stock.py)
  Ctrl+I full invoice for the last receipt · Ctrl+E cash in/out · Ctrl+D open drawer (no sale)
  Ctrl+Z close the shift (Z report) · Ctrl+L sign out · Ctrl+F the favourites (see ui/quick_keys.py)
A scanner (keyboard wedge) is heard wherever the focus is: a burst of keys ending in Enter goes to
the cart even if the focus was on a button or the cart. The window only calls services and
redraws on their signals; it never opens the database or a socket.

This module is the shell (the window, its keys, one dialog at a time); the sale page is
ui/sale_page.py, the sync badge ui/sync_badge.py, and what each key starts is a flow of
ui/flows/.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.terminal import StandaloneTerminal
from pos_app.services.till import Till
from pos_app.ui.dialogs import SCANNER_MIN_LENGTH, SyncPanel
from pos_app.ui.flows.cart import CartFlow
from pos_app.ui.flows.finding import FindingFlow
from pos_app.ui.flows.paying import PayingFlow
from pos_app.ui.flows.returns import ReturnsFlow
from pos_app.ui.flows.shift import ShiftFlow
from pos_app.ui.flows.store import StoreFlow
from pos_app.ui.i18n import money, set_language
from pos_app.ui.sale_page import SalePage, two_lines
from pos_app.ui.shop_dialogs import ApprovalDialog
from pos_app.ui.signin import SignInPage
from pos_app.ui.sync_badge import SyncBadge
from sync.client.engine import SyncStatus
from sync.rules.staff import StaffMember

SCANNER_GAP_S = 0.05  # keys closer together than this are a scanner, not a person


class ScannerWedge(QObject):
    """Hears a barcode scanner that types like a keyboard, wherever the focus is.

    Keys arriving less than SCANNER_GAP_S apart are buffered; an Enter ending a burst of at
    least SCANNER_MIN_LENGTH characters delivers the code. Only keys aimed at widgets that are
    not text fields are taken (a text field gets its keys as typed); the sale screen's entry
    handles its own scans.
    """

    def __init__(self, window: SaleWindow) -> None:
        super().__init__(window)
        self.window = window
        self.buffer = ""
        self.last = 0.0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        window = self.window
        if not window.on_sale_page() or window.dialog is not None or isinstance(obj, QLineEdit):
            return False
        if not isinstance(obj, QWidget) or obj.window() is not window:
            return False
        now = time.monotonic()
        if now - self.last > SCANNER_GAP_S:
            self.buffer = ""
        self.last = now
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            code, self.buffer = self.buffer, ""
            if len(code) >= SCANNER_MIN_LENGTH:
                window.scan_code(code)
                return True
            return False
        text = event.text()
        if text and text.isprintable() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.buffer += text
            return True
        return False


class SaleWindow(QMainWindow):
    """The shell: the top row (store, who, sync badge), the sign-in page and the sale page, the
    till's keys, one dialog at a time (`run_dialog`), and the flows (ui/flows/) that the keys
    and buttons start."""

    def __init__(self, till: Till) -> None:
        super().__init__()
        self.till = till
        self.sales = till.sales
        self.session = till.session
        self.shifts = till.shifts
        self.setObjectName("saleWindow")
        self.sales.money = money  # messages in the screen's language
        self.dialog: QDialog | None = None
        self._quit_confirmed = False
        self.sign_in_hint = ""
        self.shift = ShiftFlow(self)
        self.cart = CartFlow(self)
        self.finding = FindingFlow(self)
        self.paying = PayingFlow(self)
        self.returns = ReturnsFlow(self)
        self.store = StoreFlow(self)
        if isinstance(till.terminal, StandaloneTerminal) and till.terminal.confirm is None:
            till.terminal.confirm = self.paying.confirm_on_terminal  # the cashier reads the terminal's answer
        # A till's screen is often 1366×768 or 1024×768: never open taller or wider than it.
        room = self.screen().availableGeometry()
        self.resize(min(1280, room.width()), min(800, room.height()))
        self._build()

        # The till's own keys: the scan field must not take them (a QLineEdit claims Ctrl+Z as
        # undo, Ctrl+E and Ctrl+U as line editing; see eventFilter).
        self._till_keys: set[str] = set()
        for key, slot in (
            ("F1", self.store.customer),
            ("F2", self.finding.search),
            ("F3", self.cart.discount_line),
            ("F4", self.cart.ask_quantity),
            ("F5", self.paying.pay),
            ("F6", self.paying.pay_card),
            ("F7", self.cart.park),
            ("F8", self.cart.resume),
            ("F9", self.cart.void_sale),
            ("F10", self.returns.start),
            ("F11", self.open_sync_panel),
            ("F12", self.paying.reprint),
            ("Ctrl+P", self.store.pickups),
            ("Ctrl+R", self.store.reserve),
            ("Ctrl+K", self.store.stock_view),
            ("Ctrl+T", self.store.transfers),
            ("Ctrl+U", self.store.count),
            ("Ctrl+I", self.paying.invoice),
            ("Ctrl+E", self.shift.cash_move),
            ("Ctrl+D", self.shift.no_sale),
            ("Ctrl+Z", self.shift.close_shift),
            ("Ctrl+L", self.shift.sign_out),
            ("Ctrl+F", self.finding.favourites),
        ):
            self._till_keys.add(QKeySequence(key).toString())
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, s=slot: self._on_sale_page_do(s))
            self.addAction(action)

        self.sales.cart_changed.connect(lambda: self.page.refresh_totals())
        self.sales.customer_changed.connect(lambda member: self.page.show_customer_panel(member))
        self.sales.message.connect(self.show_message)
        self.sales.sale_completed.connect(self.paying.show_receipt)
        self.sales.unknown_barcode.connect(self.finding.unknown_barcode)
        self.sales.reserved_blocked.connect(self.store.reserved_blocked)
        self.sales.weigh_needed.connect(self.finding.weigh)
        self.till.pickup.message.connect(self.show_message)
        self.shifts.message.connect(self.show_message)
        self.till.printer.failed.connect(lambda text: self.show_message(text, "warning"))
        self.session.changed.connect(lambda _m: self._show_page())
        till.sync_status_changed.connect(self.show_sync_status)
        till.setup_message.connect(self.show_message)
        till.ready_changed.connect(lambda _ready: self._on_ready())
        self.wedge = ScannerWedge(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.wedge)
        # The "last sync" age ticks even when nothing happens.
        self._clock = QTimer(self, interval=30_000)
        self._clock.timeout.connect(lambda: self.show_sync_status(self.till.sync_status))
        self._clock.start()
        self._show_page()

    # --- building (again on a language change) ------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Omni POS"))
        self.place = QLabel()
        self.place.setObjectName("placeLabel")
        self.place.setWordWrap(True)
        self.who = QLabel()
        self.who.setObjectName("whoLabel")
        self.sync_badge = SyncBadge()
        self.sync_badge.clicked.connect(self.open_sync_panel)
        self.progress = QProgressBar()
        self.progress.setObjectName("bootstrapProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        top = QHBoxLayout()
        top.addWidget(self.place, 1)
        top.addWidget(self.who)
        top.addWidget(self.progress)
        top.addWidget(self.sync_badge, 1)  # shares the row with the name rather than wrapping tall
        self.offline_banner = QLabel()
        self.offline_banner.setObjectName("offlineBanner")
        self.offline_banner.setWordWrap(True)
        self.offline_banner.hide()

        self.signin = SignInPage(self.session)
        self.signin.signed_in.connect(self._signed_in)
        self.signin.language_chosen.connect(self.switch_language)
        self.signin.hint.setText(self.sign_in_hint)
        self.page = self._build_sale_page()
        self.entry = self.page.entry
        self.entry.returnPressed.connect(self._on_enter)
        self.entry.installEventFilter(self)
        self.message = self.page.message
        self.cart_model = self.page.cart_model
        self.customer_panel = self.page.customer_panel
        self.total_label = self.page.total_label
        self.vat_label = self.page.vat_label
        self.savings_label = self.page.savings_label
        self.pay_button = self.page.pay_button
        self.stack = QStackedWidget()
        self.stack.addWidget(self.signin)
        self.stack.addWidget(self.page)

        root = QVBoxLayout()
        root.addLayout(top)
        root.addWidget(self.offline_banner)
        root.addWidget(self.stack, 1)
        central = QWidget()
        central.setLayout(root)
        self.setCentralWidget(central)
        self._refresh_place()
        self.page.refresh_totals()
        self.show_sync_status(self.till.sync_status)

    def _build_sale_page(self) -> SalePage:
        line_actions = (
            (self.tr("− 1"), lambda: self.cart.step_quantity(-1)),
            (self.tr("+ 1"), lambda: self.cart.step_quantity(1)),
            (two_lines(self.tr("Quantity (F4)")), self.cart.ask_quantity),
            (two_lines(self.tr("Discount (F3)")), self.cart.discount_line),
            (two_lines(self.tr("Remove line (Del)")), self.cart.remove_line),
            (two_lines(self.tr("Search (F2)")), self.finding.search),
            (two_lines(self.tr("Favourites Ctrl+F")), self.finding.favourites),
        )
        sale_actions = (
            (self.tr("Customer F1"), self.store.customer),
            (self.tr("Pickups Ctrl+P"), self.store.pickups),
            (self.tr("Reserve Ctrl+R"), self.store.reserve),
            (self.tr("Stock Ctrl+K"), self.store.stock_view),
            (self.tr("Transfers Ctrl+T"), self.store.transfers),
            (self.tr("Count Ctrl+U"), self.store.count),
            (self.tr("Park F7"), self.cart.park),
            (self.tr("Parked F8"), self.cart.resume),
            (self.tr("Return F10"), self.returns.start),
            (self.tr("Reprint F12"), self.paying.reprint),
            (self.tr("Invoice Ctrl+I"), self.paying.invoice),
            (self.tr("Cash Ctrl+E"), self.shift.cash_move),
            (self.tr("Drawer Ctrl+D"), self.shift.no_sale),
            (self.tr("Close Z Ctrl+Z"), self.shift.close_shift),
            (self.tr("Sign out Ctrl+L"), self.shift.sign_out),
            (self.tr("Sync F11"), self.open_sync_panel),
        )
        return SalePage(
            self.till, line_actions, sale_actions, self.paying.pay, self.paying.pay_card, self.cart.void_sale
        )

    def host(self) -> QWidget:
        return self

    def changeEvent(self, event: QEvent) -> None:
        # Rebuilt in the new language while shown (a closed window's till may be gone).
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "stack") and self.isVisible():
            page = self.stack.currentIndex()
            self._build()
            self.stack.setCurrentIndex(page)
            central = self.centralWidget()
            if central is not None:  # a widget put into a window already shown stays hidden otherwise
                central.show()
        super().changeEvent(event)

    def signin_hint_text(self) -> str:
        hint = self.signin.findChild(QLabel, "keysHint")
        return hint.text() if isinstance(hint, QLabel) else ""

    def switch_language(self, code: str) -> None:
        if not set_language(code):
            self.show_message(self.tr("That language is not installed"), "error")

    # --- helpers -------------------------------------------------------------------------------

    def on_sale_page(self) -> bool:
        return self.stack.currentIndex() == 1

    def _on_sale_page_do(self, slot: Callable[[], None]) -> None:
        if self.on_sale_page() and self.dialog is None:
            slot()

    def eventFilter(self, obj: object, event: object) -> bool:
        # Only the scan field's keys matter here. Everything else goes by untouched and without
        # a call into Qt: this filter also hears the field's last events while a closing window
        # tears it down, when the window itself is half gone.
        if obj is not self.entry or not isinstance(event, QKeyEvent):
            return False
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and QKeySequence(event.keyCombination()).toString() in self._till_keys
        ):
            return True  # not offered to the field: the till's shortcut runs (Ctrl+Z closes the shift, not undo)
        if event.type() == QKeyEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.sales.cart.lines:
                step = -1 if key == Qt.Key.Key_Up else 1
                self.page.select_row(self.page.selected_row() + step)
                return True
            if not self.entry.text():
                if key == Qt.Key.Key_Plus:
                    self.cart.step_quantity(1)
                    return True
                if key == Qt.Key.Key_Minus:
                    self.cart.step_quantity(-1)
                    return True
                if key == Qt.Key.Key_Delete:
                    self.cart.remove_line()
                    return True
        return False

    def run_dialog(self, dialog: QDialog, on_end: Callable[[bool], object] | None = None, later: bool = False) -> None:
        """The one way the sale screen opens a dialog: `dialog` becomes the window's dialog (the
        till's keys wait while it is open); when it ends, the window takes the keyboard back and
        `on_end(accepted)` decides what follows. `later`: opened once the dialog now closing is
        gone (from inside another dialog's `on_end`)."""

        def finished(result: int) -> None:
            self._closed()
            if on_end is not None:
                on_end(result == QDialog.DialogCode.Accepted)

        dialog.finished.connect(finished)
        if later:
            QTimer.singleShot(0, lambda: self._open(dialog))
        else:
            self._open(dialog)

    def approved(self, needed: bool, permission: str, what: str, then: Callable[[StaffMember | None], object]) -> None:
        """Run `then` at once, or after a manager's PIN when the cashier may not do it alone."""
        if not needed:
            then(None)
            return
        dialog = ApprovalDialog(self.session, permission, what, self)

        def ended(accepted: bool) -> None:
            if accepted and dialog.approver is not None:
                then(dialog.approver)

        self.run_dialog(dialog, ended)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setModal(True)
        dialog.open()

    def _closed(self) -> None:
        if self.dialog is not None:
            # Gone once its handler has run: a till opens thousands of dialogs a day (a receipt
            # per sale), and a finished one kept as the window's child is memory, and a widget
            # that still hears every language change and signal.
            self.dialog.deleteLater()
        self.dialog = None
        # The keyboard back to the till's window: without a window manager (a kiosk session)
        # nothing else gives it back, and its shortcuts (F5, F6…) only work in the active window.
        self.activateWindow()
        if self.on_sale_page():
            self.entry.setFocus()

    def ask(self, title: str, question: str, on_yes: Callable[[], object]) -> None:
        """A yes/no question that does not block the event loop (sync keeps running)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(result: int) -> None:
            self._closed()
            if result == QMessageBox.StandardButton.Yes:
                on_yes()

        box.finished.connect(answered)
        self._open(box)

    # --- sign-in --------------------------------------------------------------------------------

    def _show_page(self) -> None:
        member = self.session.member
        self.stack.setCurrentIndex(1 if member else 0)
        self.who.setText(f"{member.name} · {member.role.name}" if member else "")
        if member is None:
            self.signin.reload()
        else:
            self.entry.setFocus()

    def _on_ready(self) -> None:
        self._refresh_place()
        if self.session.member is None:
            self.signin.reload()

    def _signed_in(self, member: StaffMember) -> None:
        self._show_page()
        if self.shifts.current() is None:
            self.shift.open_shift()
        else:
            self.show_message(self.tr("Hello {}: scan the first item").format(member.name), "ok")

    # --- the scan field ---------------------------------------------------------------------------

    def _on_enter(self) -> None:
        text = self.entry.text()
        if not text.strip():
            return
        self.entry.clear()
        self.scan_code(text)

    def scan_code(self, text: str) -> None:
        if self.sales.scan(text):
            self.page.select_last()

    def pay(self) -> None:
        self.paying.pay()

    def open_sync_panel(self) -> None:
        self.run_dialog(SyncPanel(self.till, self))

    # --- redraws ---------------------------------------------------------------------------------

    def _refresh_place(self) -> None:
        identity = self.till.identity
        if identity is None:
            self.place.setText(self.tr("Till not set up"))
        else:
            self.place.setText(f"{identity.store_name} · {identity.till_name} ({identity.series})")

    def show_message(self, text: str, level: str = "info") -> None:
        self.page.show_message(text, level)
        if not self.on_sale_page() and level in ("error", "warning") and text:
            self.signin.error.setText(text)

    def show_sync_status(self, status: SyncStatus) -> None:
        if status.bootstrap_rows is not None:
            self.progress.show()
            self.progress.setFormat(self.tr("Loading catalog: {} rows").format(status.bootstrap_rows))
            self.progress.setTextVisible(True)
        else:
            self.progress.hide()
        self.sync_badge.show_status(status)
        if not self.on_sale_page():
            self.signin.refresh_people()  # staff added at HQ appear without a restart
        if status.online is False:
            self.offline_banner.setText(self.sync_badge.offline_text(status))
            self.offline_banner.show()
        else:
            self.offline_banner.hide()
        self._refresh_place()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.sales.cart.is_empty or self._quit_confirmed:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self.wedge)
            self._clock.stop()  # a closed window must not tick on a till that may be gone
            event.accept()
            return
        event.ignore()
        self.ask(self.tr("Quit"), self.tr("A sale is in progress and will be lost. Quit anyway?"), self._confirm_quit)

    def _confirm_quit(self) -> None:
        self._quit_confirmed = True
        self.close()
