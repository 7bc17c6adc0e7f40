"""The sale screen. Keyboard and scanner first, large targets for touch.

Keys: type or scan a code + Enter · F2 search · F4 quantity · +/- on an empty entry changes the
selected line · Del removes it · F5 cash · F6 card · F9 void the cart · F11 sync panel · F12 reprint
the last receipt.
The window only calls services and redraws on their signals; it never opens the database or a socket.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_amount
from pos_app.domain.receipt import Receipt
from pos_app.services.till import Till
from pos_app.ui.cart_model import CartModel
from pos_app.ui.dialogs import CashDialog, ReceiptDialog, SearchDialog, SyncPanel
from sync.client.engine import SyncStatus


class SaleWindow(QMainWindow):
    def __init__(self, till: Till) -> None:
        super().__init__()
        self.till = till
        self.sales = till.sales
        self.setObjectName("saleWindow")
        self.setWindowTitle(self.tr("Omni POS"))
        self.resize(1280, 800)
        self.dialog: QDialog | None = None
        self._quit_confirmed = False

        # --- top bar: where we are, and the sync state, always visible
        self.place = QLabel()
        self.place.setObjectName("placeLabel")
        self.sync_badge = QLabel()
        self.sync_badge.setObjectName("syncBadge")
        self.sync_badge.setTextFormat(Qt.TextFormat.RichText)
        self.sync_badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sync_badge.mousePressEvent = lambda _e: self._open_sync_panel()  # type: ignore[method-assign]
        self.progress = QProgressBar()
        self.progress.setObjectName("bootstrapProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        top = QHBoxLayout()
        top.addWidget(self.place, 1)
        top.addWidget(self.progress)
        top.addWidget(self.sync_badge)

        # --- left: entry, cart, line actions, messages
        self.entry = QLineEdit()
        self.entry.setObjectName("scanEntry")
        self.entry.setPlaceholderText(self.tr("Scan or type a barcode · F2 search by name"))
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
        self.cart_view.verticalHeader().setDefaultSectionSize(44)
        self.cart_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.cart_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setObjectName("messageBanner")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(40)

        line_buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("− 1"), lambda: self._step_quantity(-1)),
            (self.tr("+ 1"), lambda: self._step_quantity(1)),
            (self.tr("Quantity… (F4)"), self._ask_quantity),
            (self.tr("Remove line (Del)"), self._remove_line),
            (self.tr("Search (F2)"), self._open_search),
        ):
            line_buttons.addWidget(self._touch_button(text, slot))

        left = QVBoxLayout()
        left.addWidget(self.entry)
        left.addWidget(self.cart_view, 1)
        left.addLayout(line_buttons)
        left.addWidget(self.message)

        # --- right: totals, VAT, payment
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.vat_label = QLabel()
        self.vat_label.setObjectName("vatLabel")
        self.vat_label.setTextFormat(Qt.TextFormat.RichText)
        self.vat_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.cash_button = self._touch_button(self.tr("Cash (F5)"), self._pay_cash, "payButton")
        self.card_button = self._touch_button(self.tr("Card (F6)"), self._pay_card, "payButton")
        void_button = self._touch_button(self.tr("Void sale (F9)"), self._void_cart)
        right_box = QFrame()
        right_box.setObjectName("totalsPanel")
        right = QVBoxLayout(right_box)
        total_caption = QLabel(self.tr("TOTAL"))
        total_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        right.addWidget(total_caption)
        right.addWidget(self.total_label)
        right.addWidget(self.count_label)
        right.addWidget(self.vat_label, 1)
        right.addWidget(self.cash_button)
        right.addWidget(self.card_button)
        right.addWidget(void_button)
        right_box.setMinimumWidth(380)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(right_box)
        root = QVBoxLayout()
        root.addLayout(top)
        root.addLayout(body, 1)
        central = QWidget()
        central.setLayout(root)
        self.setCentralWidget(central)

        for key, slot in (
            ("F2", self._open_search),
            ("F4", self._ask_quantity),
            ("F5", self._pay_cash),
            ("F6", self._pay_card),
            ("F9", self._void_cart),
            ("F11", self._open_sync_panel),
            ("F12", self._reprint),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        self.sales.cart_changed.connect(self._refresh_totals)
        self.sales.message.connect(self.show_message)
        self.sales.sale_completed.connect(self._show_receipt)
        till.sync_status_changed.connect(self.show_sync_status)
        till.setup_message.connect(self.show_message)
        till.ready_changed.connect(lambda _ready: self._refresh_place())
        # The "last sync" age ticks even when nothing happens.
        self._clock = QTimer(self, interval=30_000)
        self._clock.timeout.connect(lambda: self.show_sync_status(self.till.sync_status))
        self._clock.start()
        self._refresh_place()
        self._refresh_totals()
        self.show_sync_status(till.sync_status)
        self.entry.setFocus()

    # --- helpers -------------------------------------------------------------------------------

    def _touch_button(self, text: str, slot: object, name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(56)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan entry keeps the keyboard
        if name:
            button.setObjectName(name)
        button.clicked.connect(slot)  # type: ignore[arg-type]
        return button

    def _selected_row(self) -> int:
        rows = self.cart_view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return len(self.sales.cart.lines) - 1

    def eventFilter(self, obj: object, event: object) -> bool:
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
        return super().eventFilter(obj, event)  # type: ignore[arg-type]

    # --- actions -------------------------------------------------------------------------------

    def _on_enter(self) -> None:
        text = self.entry.text()
        if not text.strip():
            return
        self.entry.clear()
        if self.sales.scan(text):
            self.cart_view.selectRow(len(self.sales.cart.lines) - 1)

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
        if row >= 0:
            self.sales.remove_line(row)

    def _void_cart(self) -> None:
        if self.sales.cart.is_empty:
            return
        self._ask(self.tr("Void sale"), self.tr("Remove every line of this sale?"), self._void_confirmed)

    def _void_confirmed(self) -> None:
        self.sales.clear()
        self.show_message(self.tr("Sale voided"), "warning")

    def _open_search(self) -> None:
        dialog = SearchDialog(self.sales, self)
        dialog.finished.connect(lambda _r: self._search_done(dialog))
        self._open(dialog)

    def _search_done(self, dialog: SearchDialog) -> None:
        if dialog.chosen_sku is not None and self.sales.add_sku(dialog.chosen_sku):
            self.cart_view.selectRow(len(self.sales.cart.lines) - 1)
        self._closed()

    def _pay_cash(self) -> None:
        if self.sales.cart.is_empty:
            self.show_message(self.tr("The cart is empty"), "warning")
            return
        dialog = CashDialog(self.sales.cart.total, self)
        dialog.accepted.connect(lambda: self.sales.pay_cash(dialog.given.text()))
        dialog.finished.connect(lambda _r: self._closed())
        self._open(dialog)

    def _pay_card(self) -> None:
        if self.sales.cart.is_empty:
            self.show_message(self.tr("The cart is empty"), "warning")
            return
        self.sales.pay_card()

    def _show_receipt(self, receipt: Receipt) -> None:
        dialog = ReceiptDialog(receipt, self)
        dialog.finished.connect(lambda _r: self._closed())
        self.show_message(self.tr("Sale {} saved").format(receipt.receipt_no), "ok")
        # The cash dialog may still be closing; open the receipt once it has.
        QTimer.singleShot(0, lambda: self._open(dialog))

    def _open_sync_panel(self) -> None:
        panel = SyncPanel(self.till, self)
        panel.finished.connect(lambda _r: self._closed())
        self._open(panel)

    def _reprint(self) -> None:
        if self.sales.last_receipt is not None:
            self._show_receipt(self.sales.last_receipt)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setModal(True)
        dialog.open()

    def _closed(self) -> None:
        self.dialog = None
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
        self.total_label.setText(format_amount(cart.total))
        self.count_label.setText(self.tr("{} items").format(cart.item_count))
        rows = "".join(
            f"<tr><td>{tax.rate_percent} %</td><td align='right'>{format_amount(tax.base)}</td>"
            f"<td align='right'>{format_amount(tax.tax)}</td></tr>"
            for tax in cart.tax_breakdown()
        )
        head = (
            f"<tr><th align='left'>{self.tr('VAT')}</th><th align='right'>{self.tr('Base')}</th>"
            f"<th align='right'>{self.tr('Tax')}</th></tr>"
        )
        self.vat_label.setText(f"<table width='100%' cellspacing='6'>{head}{rows}</table>" if rows else "")
        has_lines = not cart.is_empty
        self.cash_button.setEnabled(has_lines)
        self.card_button.setEnabled(has_lines)

    def show_message(self, text: str, level: str = "info") -> None:
        self.message.setText(text)
        self.message.setProperty("level", level)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

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
        parts.append(self.tr("{} waiting to send").format(status.pending))
        if status.rejected:
            parts.append(f"<span style='color:#c62828'>{self.tr('{} rejected').format(status.rejected)}</span>")
        if status.last_success is not None:
            parts.append(self.tr("last sync {}").format(_age(status.last_success)))
        self.sync_badge.setText(" · ".join(parts))
        self.sync_badge.setToolTip(status.last_error or "")
        self._refresh_place()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.sales.cart.is_empty or self._quit_confirmed:
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
