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
  Ctrl+Z close the shift (Z report) · Ctrl+L sign out
A scanner (keyboard wedge) is heard wherever the focus is: a burst of keys ending in Enter goes to
the cart even if the focus was on a button or the cart. The window only calls services and
redraws on their signals; it never opens the database or a socket.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.cart import PricedItem
from pos_app.domain.receipt import Receipt
from pos_app.domain.shift import ZReport
from pos_app.domain.staff import StaffMember
from pos_app.services.terminal import StandaloneTerminal
from pos_app.services.till import Till
from pos_app.ui.cart_model import CartModel
from pos_app.ui.customer import CustomerDialog, CustomerPanel, EnrolDialog
from pos_app.ui.dialogs import SCANNER_MIN_LENGTH, ReceiptDialog, SearchDialog, SyncPanel
from pos_app.ui.i18n import money, set_language
from pos_app.ui.pickup import PickupDialog, ReserveDialog
from pos_app.ui.quick_keys import QuickKeysDialog
from pos_app.ui.shop_dialogs import (
    ApprovalDialog,
    CloseShiftDialog,
    DiscountDialog,
    InvoiceDialog,
    OpenShiftDialog,
    ParkedDialog,
    PaymentDialog,
    ReasonDialog,
    ReturnDialog,
    StandaloneCardDialog,
    VariantDialog,
    ZReportDialog,
    spawn,
    touch_button,
)
from pos_app.ui.signin import SignInPage
from pos_app.ui.stock import CountDialog, StockDialog, TransfersDialog
from pos_app.ui.weighing import TypedWeightDialog, WeighDialog
from sync.client.engine import SyncStatus

SCANNER_GAP_S = 0.05  # keys closer together than this are a scanner, not a person


def two_lines(text: str) -> str:
    """'Close Z Ctrl+Z' → 'Close Z' over 'Ctrl+Z': a button's action over its key."""
    return "\n".join(text.rsplit(" ", 1))


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
    def __init__(self, till: Till) -> None:
        super().__init__()
        self.till = till
        self.sales = till.sales
        self.session = till.session
        self.shifts = till.shifts
        self.setObjectName("saleWindow")
        self.sales.money = money  # messages in the screen's language
        if isinstance(till.terminal, StandaloneTerminal) and till.terminal.confirm is None:
            till.terminal.confirm = self._confirm_on_terminal  # the cashier reads the terminal's answer
        # A till's screen is often 1366×768 or 1024×768: never open taller or wider than it.
        room = self.screen().availableGeometry()
        self.resize(min(1280, room.width()), min(800, room.height()))
        self.dialog: QDialog | None = None
        self._quit_confirmed = False
        self.sign_in_hint = ""
        self._build()

        # The till's own keys: the scan field must not take them (a QLineEdit claims Ctrl+Z as
        # undo, Ctrl+E and Ctrl+U as line editing; see eventFilter).
        self._till_keys: set[str] = set()
        for key, slot in (
            ("F1", self._customer),
            ("F2", self._open_search),
            ("F3", self._discount_line),
            ("F4", self._ask_quantity),
            ("F5", self._pay),
            ("F6", self._pay_card),
            ("F7", self._park),
            ("F8", self._resume),
            ("F9", self._void_sale),
            ("F10", self._return),
            ("F11", self._open_sync_panel),
            ("F12", self._reprint),
            ("Ctrl+P", self._pickups),
            ("Ctrl+R", self._reserve),
            ("Ctrl+K", self._stock_view),
            ("Ctrl+T", self._transfers),
            ("Ctrl+U", self._count),
            ("Ctrl+I", self._invoice),
            ("Ctrl+E", self._cash_move),
            ("Ctrl+D", self._no_sale),
            ("Ctrl+Z", self._close_shift),
            ("Ctrl+L", self._sign_out),
            ("Ctrl+F", self._favourites),
        ):
            self._till_keys.add(QKeySequence(key).toString())
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, s=slot: self._on_sale_page_do(s))
            self.addAction(action)

        self.sales.cart_changed.connect(self._refresh_totals)
        self.sales.customer_changed.connect(self._show_customer_panel)
        self.sales.message.connect(self.show_message)
        self.sales.sale_completed.connect(self._show_receipt)
        self.sales.unknown_barcode.connect(self._unknown_barcode)
        self.sales.reserved_blocked.connect(self._reserved_blocked)
        self.sales.weigh_needed.connect(self._weigh)
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
        self.who = QLabel()
        self.who.setObjectName("whoLabel")
        self.sync_badge = QLabel()
        self.sync_badge.setObjectName("syncBadge")
        self.sync_badge.setTextFormat(Qt.TextFormat.RichText)
        # Its longest text (online · 1234 waiting · 12 rejected · last sync 20:57) is wider than a
        # 1024-pixel screen's room beside the store's name: it wraps to a second line instead.
        self.sync_badge.setWordWrap(True)
        self.place.setWordWrap(True)
        self.sync_badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sync_badge.mousePressEvent = lambda _e: self._open_sync_panel()  # type: ignore[method-assign]
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
        self.stack = QStackedWidget()
        self.stack.addWidget(self.signin)
        self.stack.addWidget(self._build_sale_page())

        root = QVBoxLayout()
        root.addLayout(top)
        root.addWidget(self.offline_banner)
        root.addWidget(self.stack, 1)
        central = QWidget()
        central.setLayout(root)
        self.setCentralWidget(central)
        self._refresh_place()
        self._refresh_totals()
        self.show_sync_status(self.till.sync_status)

    def _build_sale_page(self) -> QWidget:
        self.entry = QLineEdit()
        self.entry.setObjectName("scanEntry")
        self.entry.setPlaceholderText(self.tr("Scan or type a barcode · 3* then scan for 3 · F2 search by name"))
        self.entry.returnPressed.connect(self._on_enter)
        self.entry.installEventFilter(self)
        self.cart_model = CartModel(self.sales)
        self.cart_view = QTableView()
        self.cart_view.setObjectName("cartView")
        self.cart_view.setModel(self.cart_model)
        self.cart_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cart_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cart_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cart_view.verticalHeader().hide()
        # Fixed sizes: sizing rows and columns to their contents asks every cell of the cart on
        # every scan (measured: 13 ms of a 16 ms frame at 25 lines). Rows fit a name and a discount.
        self.cart_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.cart_view.verticalHeader().setDefaultSectionSize(58)
        self.cart_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cart_view.setWordWrap(True)
        header = self.cart_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column, width in ((0, 44), (2, 64), (3, 110), (4, 110), (5, 120)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setObjectName("messageBanner")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(40)

        # Buttons say what they do over the key that does it, two lines, so that a row fits a
        # 1024-pixel screen in Spanish (the longer language) as well as in English.
        line_buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("− 1"), lambda: self._step_quantity(-1)),
            (self.tr("+ 1"), lambda: self._step_quantity(1)),
            (two_lines(self.tr("Quantity (F4)")), self._ask_quantity),
            (two_lines(self.tr("Discount (F3)")), self._discount_line),
            (two_lines(self.tr("Remove line (Del)")), self._remove_line),
            (two_lines(self.tr("Search (F2)")), self._open_search),
            (two_lines(self.tr("Favourites Ctrl+F")), self._favourites),
        ):
            line_buttons.addWidget(touch_button(text, slot, "lineButton"))
        sale_buttons = QGridLayout()
        for i, (text, slot) in enumerate(
            (
                (self.tr("Customer F1"), self._customer),
                (self.tr("Pickups Ctrl+P"), self._pickups),
                (self.tr("Reserve Ctrl+R"), self._reserve),
                (self.tr("Stock Ctrl+K"), self._stock_view),
                (self.tr("Transfers Ctrl+T"), self._transfers),
                (self.tr("Count Ctrl+U"), self._count),
                (self.tr("Park F7"), self._park),
                (self.tr("Parked F8"), self._resume),
                (self.tr("Return F10"), self._return),
                (self.tr("Reprint F12"), self._reprint),
                (self.tr("Invoice Ctrl+I"), self._invoice),
                (self.tr("Cash Ctrl+E"), self._cash_move),
                (self.tr("Drawer Ctrl+D"), self._no_sale),
                (self.tr("Close Z Ctrl+Z"), self._close_shift),
                (self.tr("Sign out Ctrl+L"), self._sign_out),
                (self.tr("Sync F11"), self._open_sync_panel),
            )
        ):
            sale_buttons.addWidget(touch_button(two_lines(text), slot), i // 8, i % 8)

        left = QVBoxLayout()
        left.addWidget(self.entry)
        left.addWidget(self.cart_view, 1)
        left.addLayout(line_buttons)
        left.addWidget(self.message)

        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.savings_label = QLabel()
        self.savings_label.setObjectName("savingsLabel")
        self.savings_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.savings_label.setWordWrap(True)
        self.vat_label = QLabel()
        self.vat_label.setObjectName("vatLabel")
        self.vat_label.setTextFormat(Qt.TextFormat.RichText)
        self.vat_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.pay_button = touch_button(self.tr("Pay (F5)"), self._pay, "payButton")
        self.card_button = touch_button(self.tr("All by card (F6)"), self._pay_card, "payButton")
        void_button = touch_button(self.tr("Void sale (F9)"), self._void_sale)
        self.customer_panel = CustomerPanel(self.till)
        right_box = QFrame()
        right_box.setObjectName("totalsPanel")
        right = QVBoxLayout(right_box)
        # The member's panel scrolls inside the column when the screen is short (1366×768, 1024×768):
        # the total and the pay buttons under it stay on the screen.
        self.customer_scroll = QScrollArea()
        self.customer_scroll.setObjectName("customerScroll")
        self.customer_scroll.setWidget(self.customer_panel)
        self.customer_scroll.setWidgetResizable(True)
        self.customer_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.customer_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.customer_scroll.setMinimumHeight(90)
        self.customer_scroll.setVisible(self.customer_panel.member is not None)
        self.customer_panel.setVisible(self.customer_panel.member is not None)  # setWidget shows it
        right.addWidget(self.customer_scroll, 2)
        total_caption = QLabel(self.tr("TOTAL"))
        total_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        right.addWidget(total_caption)
        right.addWidget(self.total_label)
        right.addWidget(self.count_label)
        right.addWidget(self.savings_label)
        right.addWidget(self.vat_label, 1)
        right.addWidget(self.pay_button)
        right.addWidget(self.card_button)
        right.addWidget(void_button)
        right_box.setMinimumWidth(300)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(right_box)
        page = QWidget()
        page.setObjectName("salePage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(body, 1)
        layout.addLayout(sale_buttons)
        return page

    def _show_customer_panel(self, member: object) -> None:
        self.customer_scroll.setVisible(member is not None)

    def changeEvent(self, event: QEvent) -> None:
        # Rebuilt in the new language while shown (a closed window's till may be gone).
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "stack") and self.isVisible():
            page = self.stack.currentIndex()
            self._build()
            self.stack.setCurrentIndex(page)
            self.centralWidget().show()  # a widget put into a window already shown stays hidden otherwise
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

    def _selected_row(self) -> int:
        rows = self.cart_view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return len(self.sales.cart.lines) - 1

    def eventFilter(self, obj: object, event: object) -> bool:
        # Only the scan field's keys matter here. Everything else goes by untouched and without
        # a call into Qt: this filter also hears the field's last events while a closing window
        # tears it down, when the window itself is half gone.
        if obj is not self.entry or not isinstance(event, QKeyEvent):
            return False
        if (
            obj is self.entry
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and QKeySequence(event.keyCombination()).toString() in self._till_keys
        ):
            return True  # not offered to the field: the till's shortcut runs (Ctrl+Z closes the shift, not undo)
        if obj is self.entry and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.sales.cart.lines:
                step = -1 if key == Qt.Key.Key_Up else 1
                row = max(0, min(len(self.sales.cart.lines) - 1, self._selected_row() + step))
                self.cart_view.selectRow(row)
                return True
            if not self.entry.text():
                if key == Qt.Key.Key_Plus:
                    self._step_quantity(1)
                    return True
                if key == Qt.Key.Key_Minus:
                    self._step_quantity(-1)
                    return True
                if key == Qt.Key.Key_Delete:
                    self._remove_line()
                    return True
        return False

    def _approved(self, needed: bool, permission: str, what: str, then: Callable[[StaffMember | None], None]) -> None:
        """Run `then` at once, or after a manager's PIN when the cashier may not do it alone."""
        if not needed:
            then(None)
            return
        dialog = ApprovalDialog(self.session, permission, what, self)

        def finished(result: int) -> None:
            self._closed()
            if result == QDialog.DialogCode.Accepted and dialog.approver is not None:
                then(dialog.approver)

        dialog.finished.connect(finished)
        self._open(dialog)

    # --- sign-in and shift ----------------------------------------------------------------------

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
            self._open_shift()
        else:
            self.show_message(self.tr("Hello {}: scan the first item").format(member.name), "ok")

    def _open_shift(self) -> None:
        dialog = OpenShiftDialog(self)

        def finished(result: int) -> None:
            self._closed()
            if result == QDialog.DialogCode.Accepted and self.shifts.open(dialog.float_cents):
                self.show_message(self.tr("Shift open with {} in the drawer").format(money(dialog.float_cents)), "ok")
            elif self.shifts.current() is None:
                self.show_message(
                    self.tr("No shift open: sales cannot be saved until it is (Ctrl+L to leave)"), "warning"
                )

        dialog.finished.connect(finished)
        self._open(dialog)

    def _sign_out(self) -> None:
        if not self.sales.cart.is_empty:
            self.show_message(self.tr("Finish, park or void the sale before signing out"), "warning")
            return
        self.session.sign_out()

    def _cash_move(self) -> None:
        if self.shifts.current() is None:
            self._open_shift()
            return
        dialog = ReasonDialog(
            self.tr("Cash in or out (an amount below zero takes cash out)"),
            [self.tr("Change from the bank"), self.tr("To the safe"), self.tr("Supplier paid in cash")],
            self,
            amount=True,
        )
        dialog.amount.setPlaceholderText(self.tr("e.g. 50 to put in, -200 to take out"))

        def finished(result: int) -> None:
            self._closed()
            if result != QDialog.DialogCode.Accepted:
                return
            kind = "out" if dialog.is_out() else "in"
            amount = dialog.amount_cents()  # checked by the dialog
            reason = dialog.reason.currentText()
            self._approved(
                self.shifts.needs_approval("cash.in_out"),
                "cash.in_out",
                f"{kind} {money(amount)}: {reason}",
                lambda approver: self._cash_moved(kind, amount, reason, approver),
            )

        dialog.finished.connect(finished)
        self._open(dialog)

    def _cash_moved(self, kind: str, amount: int, reason: str, approver: StaffMember | None) -> None:
        if self.shifts.move_cash(kind, amount, reason, approver):
            text = self.tr("Cash in: {}") if kind == "in" else self.tr("Cash out: {}")
            self.show_message(text.format(money(amount)), "ok")

    def _no_sale(self) -> None:
        self._approved(
            self.shifts.needs_approval("drawer.no_sale"),
            "drawer.no_sale",
            self.tr("Open the drawer without a sale"),
            lambda approver: self.shifts.no_sale(self.tr("no sale"), approver) and None,
        )

    async def _confirm_on_terminal(self, what: str, amount: int) -> str | None:
        """A stand-alone terminal's answer, from the cashier: its authorisation code, or None."""
        answer: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        under = QApplication.activeModalWidget() or self  # the payment dialog
        dialog = StandaloneCardDialog(what, money(amount), under)

        def finished(result: int) -> None:
            if not answer.done():
                answer.set_result(dialog.code.text().strip() if result == QDialog.DialogCode.Accepted else None)
            under.activateWindow()  # the keyboard back to it (no window manager does it in a kiosk)

        dialog.finished.connect(finished)
        dialog.open()
        try:
            return await answer
        finally:
            dialog.deleteLater()

    def _close_shift(self) -> None:
        if not self.sales.cart.is_empty:
            self.show_message(self.tr("Finish, park or void the sale before closing the shift"), "warning")
            return
        if self.shifts.current() is None:
            self.show_message(self.tr("No shift is open"), "warning")
            return
        dialog = CloseShiftDialog(self.shifts.preview, self)

        def finished(result: int) -> None:
            counted, reason, pieces = dialog.counted, dialog.reason.text(), dict(dialog.pieces)  # before it goes
            self._closed()
            if result == QDialog.DialogCode.Accepted:
                self._approved(
                    self.shifts.needs_approval("shift.close"),
                    "shift.close",
                    self.tr("Close the shift"),
                    lambda approver: self._shift_closed(self.shifts.close(counted, approver, reason, pieces)),
                )

        dialog.finished.connect(finished)
        self._open(dialog)

    def _shift_closed(self, z: ZReport | None) -> None:
        if z is None:
            return
        dialog = ZReportDialog(z, self)

        def finished(_result: int) -> None:
            self._closed()
            self.session.sign_out()

        dialog.finished.connect(finished)
        QTimer.singleShot(0, lambda: self._open(dialog))

    # --- the sale -------------------------------------------------------------------------------

    def _on_enter(self) -> None:
        text = self.entry.text()
        if not text.strip():
            return
        self.entry.clear()
        self.scan_code(text)

    def scan_code(self, text: str) -> None:
        if self.sales.scan(text):
            self.cart_view.selectRow(len(self.sales.cart.lines) - 1)

    def _unknown_barcode(self, code: str) -> None:
        self.entry.setPlaceholderText(self.tr("Unknown code {}: F2 to search by name").format(code))

    def _step_quantity(self, step: int) -> None:
        row = self._selected_row()
        if row >= 0:
            self.sales.change_quantity(row, step)
            if self.sales.cart.lines:
                self.cart_view.selectRow(min(row, len(self.sales.cart.lines) - 1))

    def _ask_quantity(self) -> None:
        row = self._selected_row()
        if row < 0:
            return
        line = self.sales.cart.lines[row]
        dialog = QInputDialog(self)
        dialog.setObjectName("quantityDialog")
        dialog.setWindowTitle(self.tr("Quantity"))
        dialog.setLabelText(line.item.name)
        dialog.setTextValue(str(line.quantity))
        dialog.textValueSelected.connect(lambda text: self._quantity_chosen(row, text))
        dialog.finished.connect(lambda _r: self._closed())
        self._open(dialog)

    def _quantity_chosen(self, row: int, text: str) -> None:
        if self.sales.set_quantity(row, text):
            self.cart_view.selectRow(row)

    def _remove_line(self) -> None:
        row = self._selected_row()
        if row < 0:
            return
        line = self.sales.cart.lines[row]
        self._approved(
            self.sales.remove_needs_approval(),
            "line.remove",
            self.tr("Remove {}").format(line.item.name),
            lambda approver: self._remove_row(row, approver),
        )

    def _remove_row(self, row: int, approver: StaffMember | None) -> None:
        self.sales.remove_line(row, approver)

    def _discount_line(self) -> None:
        row = self._selected_row()
        if row < 0:
            return
        line = self.sales.cart.lines[row]
        dialog = DiscountDialog(f"{line.item.name} · {money(line.gross)}", self)

        def finished(result: int) -> None:
            self._closed()
            manual = dialog.manual
            if result != QDialog.DialogCode.Accepted or manual is None:
                return
            if manual.kind == "percent" and manual.value > 10_000:
                self.show_message(self.tr("A discount is between 0 and 100 %"), "error")
                return
            self._approved(
                self.sales.discount_needs_approval(row, manual),
                "discount.over_limit",
                f"{line.item.name}: {manual.label()}",
                lambda approver: self.sales.discount_line(row, manual, approver) and None,
            )

        dialog.finished.connect(finished)
        self._open(dialog)

    def _void_sale(self) -> None:
        if self.sales.cart.is_empty:
            return
        dialog = ReasonDialog(
            self.tr("Void this sale ({})").format(money(self.sales.cart.total)),
            [self.tr("Customer changed their mind"), self.tr("Wrong items rung up"), self.tr("Customer cannot pay")],
            self,
        )

        def finished(result: int) -> None:
            self._closed()
            if result != QDialog.DialogCode.Accepted:
                return
            reason = dialog.reason.currentText()
            self._approved(
                self.sales.void_needs_approval(),
                "sale.void",
                self.tr("Void the sale ({}): {}").format(money(self.sales.cart.total), reason),
                lambda approver: self.sales.void_sale(reason, approver) and None,
            )

        dialog.finished.connect(finished)
        self._open(dialog)

    def _customer(self) -> None:
        dialog = CustomerDialog(self.sales, self)

        def finished(result: int) -> None:
            self._closed()
            if result != QDialog.DialogCode.Accepted:
                return
            if dialog.wants_enrolment:
                QTimer.singleShot(0, self._enrol)
            elif dialog.cleared:
                self.sales.set_customer(None)
            elif dialog.chosen is not None:
                self.sales.set_customer(dialog.chosen)

        dialog.finished.connect(finished)
        self._open(dialog)

    def _pickups(self) -> None:
        dialog = PickupDialog(self.till.pickup, self)

        def finished(_result: int) -> None:
            self._closed()
            if dialog.paying:  # a hand-over to pay here: the order is in the cart
                QTimer.singleShot(0, self._pay)

        dialog.finished.connect(finished)
        self._open(dialog)

    def _reserve(self) -> None:
        row = self._selected_row()
        lines = self.sales.cart.lines
        if not lines:
            self.show_message(self.tr("Scan or choose the product to reserve first"), "warning")
            return
        item = lines[row if 0 <= row < len(lines) else -1].item
        dialog = ReserveDialog(self.till.pickup, item.sku_id, item.name, self)
        dialog.finished.connect(lambda _r: self._closed())
        self._open(dialog)

    def _stock_view(self) -> None:
        status = self.till.sync_status
        offline_since = (status.last_success or status.current_at) if status.online is False else None
        lines = self.sales.cart.lines
        row = self._selected_row()
        sku = lines[row if 0 <= row < len(lines) else -1].item.sku_id if lines else None
        dialog = StockDialog(self.till.stock, offline_since, self, sku)

        def finished(_result: int) -> None:
            self._closed()
            if dialog.wants_reserve is not None:
                name = self.till.stock.product_name(dialog.wants_reserve)
                reserve = ReserveDialog(self.till.pickup, dialog.wants_reserve, name, self)
                reserve.finished.connect(lambda _r: self._closed())
                QTimer.singleShot(0, lambda: self._open(reserve))

        dialog.finished.connect(finished)
        self._open(dialog)

    def _transfers(self) -> None:
        dialog = TransfersDialog(self.till.stock, self)
        dialog.finished.connect(lambda _r: self._closed())
        self._open(dialog)

    def _count(self) -> None:
        dialog = CountDialog(self.till.stock, self)
        dialog.finished.connect(lambda _r: self._closed())
        self._open(dialog)

    def _reserved_blocked(self, text: str) -> None:
        """A scanned unit is held for an order: a manager may release it for this customer."""

        def release() -> None:
            self._approved(
                self.sales.release_needs_approval(),
                "order.release",
                text,
                lambda approver: self.sales.release_blocked(approver) and None,
            )

        QTimer.singleShot(0, lambda: self._ask(self.tr("Reserved"), text + "\n" + self.tr("Release it?"), release))

    def _enrol(self) -> None:
        dialog = EnrolDialog(self.sales, self)
        dialog.finished.connect(lambda _r: self._closed())
        self._open(dialog)

    def _open_search(self) -> None:
        dialog = SearchDialog(self.sales, self)
        dialog.finished.connect(lambda _r: self._search_done(dialog))
        self._open(dialog)

    def _search_done(self, dialog: SearchDialog) -> None:
        self._closed()
        sku = dialog.chosen_sku
        if sku is None:
            return
        variants = self.sales.variants(sku)
        if len(variants) > 1:
            picker = VariantDialog(variants, self)

            def chosen(result: int) -> None:
                self._closed()
                if result == QDialog.DialogCode.Accepted and picker.chosen_sku is not None:
                    self._add_sku(picker.chosen_sku)

            picker.finished.connect(chosen)
            QTimer.singleShot(0, lambda: self._open(picker))
            return
        self._add_sku(sku)

    def _add_sku(self, sku_id: int) -> None:
        if self.sales.add_sku(sku_id):
            self.cart_view.selectRow(len(self.sales.cart.lines) - 1)

    # --- the favourites grid (ui/quick_keys.py) ----------------------------------------------------

    def _favourites(self) -> None:
        dialog = QuickKeysDialog(self.sales.quick_keys(), self)

        def finished(result: int) -> None:
            self._closed()
            if result == QDialog.DialogCode.Accepted and dialog.chosen_sku is not None:
                self._add_sku(dialog.chosen_sku)

        dialog.finished.connect(finished)
        self._open(dialog)

    # --- weighing (ui/weighing.py) ------------------------------------------------------------

    def _weigh(self, item: PricedItem) -> None:
        """An item sold by the kilogram, without a label: on the till's scale, or typed by a
        manager when there is none. Opened once any dialog that chose the item has closed."""
        QTimer.singleShot(0, lambda: self._open_weighing(item))

    def _open_weighing(self, item: PricedItem) -> None:
        if self.dialog is not None:  # (a dialog opened in between: the item is not added)
            self.show_message(self.tr("{} was not weighed: choose it again").format(item.name), "warning")
            return
        scale = self.till.scale
        if scale is None:
            self._type_weight(item)
            return
        dialog = WeighDialog(scale, item, self)

        def finished(result: int) -> None:
            self._closed()
            if result == QDialog.DialogCode.Accepted and dialog.grams is not None:
                self._weighed(item, dialog.grams, None)
            elif dialog.typed:
                QTimer.singleShot(0, lambda: self._type_weight(item))

        dialog.finished.connect(finished)
        self._open(dialog)
        dialog.weigh()

    def _type_weight(self, item: PricedItem) -> None:
        def typed(approver: StaffMember | None) -> None:
            dialog = TypedWeightDialog(item, self)

            def finished(result: int) -> None:
                self._closed()
                if result == QDialog.DialogCode.Accepted and dialog.grams is not None:
                    self._weighed(item, dialog.grams, approver)

            dialog.finished.connect(finished)
            QTimer.singleShot(0, lambda: self._open(dialog))

        what = self.tr("Type the weight of {}").format(item.name)
        self._approved(self.session.needs_approval("weight.typed"), "weight.typed", what, typed)

    def _weighed(self, item: PricedItem, grams: int, approver: StaffMember | None) -> None:
        if self.sales.add_weighed(item, grams, approver):
            self.cart_view.selectRow(len(self.sales.cart.lines) - 1)

    def _pay(self) -> None:
        if self.sales.cart.is_empty:
            self.show_message(self.tr("The cart is empty"), "warning")
            return
        if self.sales.begin_payment() is None:
            return
        dialog = PaymentDialog(self.sales, self)
        dialog.finished.connect(lambda _r: self._closed())
        self._open(dialog)

    def _pay_card(self) -> None:
        self._pay()
        if isinstance(self.dialog, PaymentDialog):
            self.dialog.pay_card()

    def _park(self) -> None:
        if self.sales.park() is None:
            self.show_message(self.tr("Nothing to park"), "warning")

    def _resume(self) -> None:
        parked = self.sales.parked()
        if not parked:
            self.show_message(self.tr("No parked sales"), "info")
            return
        dialog = ParkedDialog(parked, self)

        def finished(result: int) -> None:
            self._closed()
            if result == QDialog.DialogCode.Accepted and dialog.chosen is not None:
                self.sales.resume(dialog.chosen)

        dialog.finished.connect(finished)
        self._open(dialog)

    def _return(self) -> None:
        """F10: with an empty cart, a return against a receipt; with items in the cart, those
        items go back without a receipt (cash, manager's approval)."""
        if not self.sales.cart.is_empty:
            self._approved(
                self.sales.return_needs_approval(False),
                "return.without_receipt",
                self.tr("Refund without a receipt: {}").format(money(self.sales.cart.total)),
                lambda approver: spawn(self.sales.refund_without_receipt(approver)) and None,
            )
            return
        dialog = ReturnDialog(self.sales, self)

        def finished(result: int) -> None:
            self._closed()
            if result != QDialog.DialogCode.Accepted:
                return
            if dialog.without_receipt:
                self.show_message(self.tr("Return without a receipt: scan the items, then F10 to refund them"), "info")
                return
            sale_id, quantities = dialog.sale_id, dialog.quantities()
            assert sale_id is not None
            self._approved(
                self.sales.return_needs_approval(True),
                "return.with_receipt",
                self.tr("Refund against a receipt"),
                lambda approver: spawn(self.sales.refund_from_receipt(sale_id, quantities, approver)) and None,
            )

        dialog.finished.connect(finished)
        self._open(dialog)

    def _invoice(self) -> None:
        receipt = self.sales.last_receipt
        if receipt is None:
            self.show_message(self.tr("No receipt to invoice yet"), "warning")
            return
        if receipt.invoice_no:  # issued to the wrong customer: cancel it, then issue another
            self._ask(
                self.tr("Cancel full invoice"),
                self.tr("Receipt {} already has full invoice {}. Cancel that invoice?").format(
                    receipt.receipt_no, receipt.invoice_no
                ),
                lambda: self.sales.cancel_invoice(receipt.sale_id, "cancelled at the till"),
            )
            return
        dialog = InvoiceDialog(self)

        def finished(result: int) -> None:
            self._closed()
            if result == QDialog.DialogCode.Accepted:
                self.sales.issue_invoice(
                    receipt.sale_id, dialog.tax_id.text(), dialog.name.text(), dialog.address.text()
                )

        dialog.finished.connect(finished)
        self._open(dialog)

    def _show_receipt(self, receipt: Receipt) -> None:
        dialog = ReceiptDialog(receipt, self)

        def finished(_result: int) -> None:
            self._closed()
            if dialog.next_scan:  # scanned while the receipt showed: the next sale's first item
                self.scan_code(dialog.next_scan)

        dialog.finished.connect(finished)
        self.show_message(self.tr("Sale {} saved").format(receipt.receipt_no), "ok")
        # The payment dialog may still be closing; open the receipt once it has.
        QTimer.singleShot(0, lambda: self._open(dialog))

    def _open_sync_panel(self) -> None:
        panel = SyncPanel(self.till, self)
        panel.finished.connect(lambda _r: self._closed())
        self._open(panel)

    def _reprint(self) -> None:
        receipt = self.sales.reprint()
        if receipt is not None:
            self._show_receipt(receipt)

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

    # --- redraws ---------------------------------------------------------------------------------

    def _refresh_place(self) -> None:
        identity = self.till.identity
        if identity is None:
            self.place.setText(self.tr("Till not set up"))
        else:
            self.place.setText(f"{identity.store_name} · {identity.till_name} ({identity.series})")

    def _refresh_totals(self) -> None:
        cart = self.sales.cart
        self.total_label.setText(money(cart.total))
        self.count_label.setText(self.tr("Items: {}").format(cart.item_count))
        basket: dict[str, int] = {}
        for line in cart.lines:
            for discount in line.discounts:
                if discount.basket:
                    basket[discount.name] = basket.get(discount.name, 0) + discount.amount
        parts = [f"{name}: {money(-amount)}" for name, amount in basket.items()]
        if cart.discount_total:
            parts.append(self.tr("You save {}").format(money(cart.discount_total)))
        self.savings_label.setText("\n".join(parts))
        rows = "".join(
            f"<tr><td>{tax.rate_percent} %</td><td align='right'>{money(tax.base)}</td>"
            f"<td align='right'>{money(tax.tax)}</td></tr>"
            for tax in cart.tax_breakdown()
        )
        vat, base, tax = self.tr("VAT"), self.tr("Base"), self.tr("Tax")
        head = f"<tr><th align='left'>{vat}</th><th align='right'>{base}</th><th align='right'>{tax}</th></tr>"
        self.vat_label.setText(f"<table width='100%' cellspacing='6'>{head}{rows}</table>" if rows else "")
        has_lines = not cart.is_empty
        self.pay_button.setEnabled(has_lines)
        self.card_button.setEnabled(has_lines)

    def show_message(self, text: str, level: str = "info") -> None:
        self.message.setText(text)
        self.message.setProperty("level", level)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        if not self.on_sale_page() and level in ("error", "warning") and text:
            self.signin.error.setText(text)

    def show_sync_status(self, status: SyncStatus) -> None:
        if status.bootstrap_rows is not None:
            self.progress.show()
            self.progress.setFormat(self.tr("Loading catalog: {} rows").format(status.bootstrap_rows))
            self.progress.setTextVisible(True)
        else:
            self.progress.hide()
        if status.online is None:
            dot, state = "#9e9e9e", self.tr("Connecting…")
        elif status.online:
            dot, state = "#2e7d32", self.tr("Online")
        else:
            dot, state = "#c62828", self.tr("Offline")
        parts = [f"<span style='color:{dot}; font-size:18pt'>●</span> <b>{state}</b>"]
        parts.append(self.tr("%n waiting to send", "", status.pending))
        if status.rejected:
            rejected = self.tr("%n rejected", "", status.rejected)
            parts.append(f"<span style='color:#c62828'>{rejected}</span>")
        if status.last_success is not None:
            parts.append(self.tr("last sync {}").format(_age(status.last_success)))
        self.sync_badge.setText(" · ".join(parts))
        self.sync_badge.setToolTip(status.last_error or "")
        if not self.on_sale_page():
            self.signin.refresh_people()  # staff added at HQ appear without a restart
        if status.online is False:
            self.offline_banner.setText(
                self.tr(
                    "OFFLINE: keep selling. Sales are saved on this till and sent when the connection returns "
                    "(%n waiting). Stock and prices as of the last sync.",
                    "",
                    status.pending,
                )
            )
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
        self._ask(self.tr("Quit"), self.tr("A sale is in progress and will be lost. Quit anyway?"), self._confirm_quit)

    def _confirm_quit(self) -> None:
        self._quit_confirmed = True
        self.close()

    def _ask(self, title: str, question: str, on_yes: Callable[[], None]) -> None:
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


def _age(moment: datetime) -> str:
    local = moment.astimezone()
    return local.strftime("%H:%M")
