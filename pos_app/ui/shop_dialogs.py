"""Dialogs of the shift's everyday work: approval, payment, discount, void, park, return, shift.

Each opens non-modally on top of the sale screen (`open()`, never `exec()`: sync keeps running),
is keyboard first (Enter confirms, Esc goes back) and has large targets for touch.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from pos_app.domain.cart import ManualDiscount
from pos_app.domain.payment import Payment
from pos_app.domain.shift import COINS, NOTES, ZReport, counted_total, render_z_text
from pos_app.services.explain import explain
from pos_app.services.selling import SaleService
from pos_app.services.session import StaffSession
from pos_app.ui.dialogs import mono_font
from pos_app.ui.i18n import money, typed_amount
from sync.rules.money import parse_amount
from sync.rules.staff import SignInError, StaffMember
from sync.rules.verifactu import NifError, valid_nif

if TYPE_CHECKING:  # a type only: widgets never reach the store (the import contracts)
    from pos_app.store.till_records import ReturnableLine

BIG = 22


def big_font(size: int = BIG, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(size)
    font.setBold(bold)
    return font


def touch_button(text: str, slot: Callable[[], object], name: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(56)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if name:
        button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def ok_cancel(dialog: QDialog, ok_text: str, on_ok: Callable[[], object]) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    # Its own context: `dialog.tr` here would look the text up under each dialog's class name.
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("ShopDialog", "Back (Esc)")
    )
    for button in buttons.buttons():
        button.setMinimumHeight(56)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ShopDialog(QDialog):
    """Enter belongs to the dialog's own field (a scan, a PIN, an amount), which acts on it; the
    dialog never also fires its OK button (QDialogButtonBox makes one default when shown)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def quiet_children(self) -> None:
        """Once done, the dialog's own widgets stop signalling: a list or tab bar being torn down
        later (with the window) must not call back into a half-destroyed dialog."""
        for child in self.findChildren(QWidget):
            if not isinstance(child, QDialog):
                child.blockSignals(True)


class ApprovalDialog(ShopDialog):
    """A manager's PIN for something the cashier may not do alone."""

    def __init__(self, session: StaffSession, permission: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.permission = permission
        self.approver: StaffMember | None = None
        self.setWindowTitle(self.tr("Manager approval"))
        self.who = QComboBox()
        self.who.setObjectName("approverChoice")
        self.who.setMinimumHeight(48)
        for staff_id, name, role in session.approvers():
            self.who.addItem(f"{name} · {role}", staff_id)
        self.pin = QLineEdit()
        self.pin.setObjectName("approverPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setFont(big_font())
        self.pin.returnPressed.connect(self._check)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Needs a manager's approval:") + f"\n{what}")
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.who)
        layout.addWidget(QLabel(self.tr("Manager's PIN")))
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Approve (Enter)"), self._check))
        self.pin.setFocus()

    def approve_as(self, name: str, pin: str) -> None:
        """What a manager does at the keyboard: choose their name, type the PIN, Enter."""
        for i in range(self.who.count()):
            if self.who.itemText(i).startswith(name):
                self.who.setCurrentIndex(i)
        self.pin.setText(pin)
        self._check()

    def _check(self) -> None:
        staff_id = self.who.currentData()
        if staff_id is None:
            self.error.setText(self.tr("Nobody here can approve this"))
            return
        try:
            self.approver = self.session.approve(int(staff_id), self.pin.text(), self.permission)
        except SignInError as exc:
            self.pin.clear()
            self.error.setText(explain(exc))
            return
        self.accept()


class ReasonDialog(ShopDialog):
    """A reason chosen from the usual ones or typed (void, cash in/out, no-sale)."""

    def __init__(self, title: str, reasons: list[str], parent: QWidget | None = None, amount: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.reason = QComboBox()
        self.reason.setObjectName("reasonChoice")
        self.reason.setEditable(True)
        self.reason.addItems(reasons)
        self.reason.setMinimumHeight(48)
        typed = self.reason.lineEdit()  # an editable box has one
        if typed is not None:
            typed.returnPressed.connect(self._confirm)
        self.amount = QLineEdit()
        self.amount.setObjectName("reasonAmount")
        self.amount.setFont(big_font())
        self.amount.setVisible(amount)
        self.amount.returnPressed.connect(self._confirm)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        layout = QVBoxLayout(self)
        if amount:
            layout.addWidget(QLabel(self.tr("Amount")))
            layout.addWidget(self.amount)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Confirm (Enter)"), self._confirm))
        (self.amount if amount else self.reason).setFocus()

    def amount_cents(self) -> int:
        """The amount typed, without its sign (a leading minus means cash out: see is_out)."""
        return parse_amount(self.amount.text().strip().lstrip("-+ "))

    def is_out(self) -> bool:
        return self.amount.text().strip().startswith("-")

    def _confirm(self) -> None:
        if not self.reason.currentText().strip():
            self.error.setText(self.tr("Give a reason"))
            return
        if self.amount.isVisible():
            try:
                self.amount_cents()
            except ValueError as exc:
                self.error.setText(explain(exc))
                return
        self.accept()


class PaymentDialog(QDialog):
    """Pay the sale: cash (Enter), card (F6), the member's points (F4), or several in parts.
    Esc cancels (card payments already taken are reversed). Closes itself when the sale is paid
    and saved."""

    def __init__(self, sales: SaleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sales = sales
        self.setWindowTitle(self.tr("Payment"))
        self.setObjectName("paymentDialog")
        self.resize(640, 560)
        self.due_label = QLabel()
        self.due_label.setObjectName("paymentDue")
        self.due_label.setFont(big_font(30, bold=True))
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.paid_list = QListWidget()
        self.paid_list.setObjectName("tenderList")
        self.paid_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.amount = QLineEdit()
        self.amount.setObjectName("paymentAmount")
        self.amount.setFont(big_font())
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText(self.tr("empty = all that is left"))
        self.amount.returnPressed.connect(self.pay_cash)
        self.status = QLabel()
        self.status.setObjectName("paymentStatus")
        self.status.setWordWrap(True)
        notes = QGridLayout()
        for i, euros in enumerate((5, 10, 20, 50, 100)):
            notes.addWidget(touch_button(f"{euros} €", partial(self._given, euros * 100)), 0, i)
        self.cash_button = touch_button(self.tr("Cash (Enter)"), self.pay_cash, "payButton")
        self.card_button = touch_button(self.tr("Card (F6)"), self.pay_card, "payButton")
        self.points_button = touch_button(self.tr("Points (F4)"), self.pay_points, "payButton")
        self.points_button.setVisible(sales.customer is not None)
        cancel = touch_button(self.tr("Cancel payment (Esc)"), self.reject)
        methods = QHBoxLayout()
        methods.addWidget(self.cash_button)
        methods.addWidget(self.card_button)
        methods.addWidget(self.points_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due_label)
        layout.addWidget(self.paid_list, 1)
        layout.addWidget(QLabel(self.tr("Amount handed over or to charge now")))
        layout.addWidget(self.amount)
        layout.addLayout(notes)
        layout.addLayout(methods)
        layout.addWidget(self.status)
        layout.addWidget(cancel)
        sales.payment_changed.connect(self._redraw)
        sales.message.connect(self._message)
        sales.sale_completed.connect(self._completed)
        self.payment = sales.checkout.begin_payment()
        self._redraw(self.payment)
        self.amount.setFocus()

    def _completed(self, _receipt: object) -> None:
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F6:
            self.pay_card()
            return
        if event.key() == Qt.Key.Key_F4:
            self.pay_points()
            return
        super().keyPressEvent(event)

    def pay_points(self) -> None:
        """The member's points: the amount typed, or as much as they may spend."""
        try:
            amount = self._typed()
        except ValueError:
            return
        self.amount.clear()
        self.sales.checkout.pay_points(amount)

    def _message(self, text: str, level: str) -> None:
        self.status.setText(text)
        self.status.setProperty("level", level)

    def _typed(self) -> int | None:
        text = self.amount.text().strip()
        if not text:
            return None
        try:
            return parse_amount(text)
        except ValueError as exc:
            self.status.setText(explain(exc))
            raise

    def _given(self, cents: int) -> None:
        self.amount.setText(f"{cents // 100},{cents % 100:02d}")
        self.pay_cash()

    def pay_cash(self) -> None:
        try:
            given = self._typed()
        except ValueError:
            return
        self.amount.clear()
        self.sales.checkout.pay_cash(given)

    def pay_card(self) -> None:
        try:
            amount = self._typed()
        except ValueError:
            return
        self.amount.clear()
        self.cash_button.setEnabled(False)
        self.card_button.setEnabled(False)
        self.status.setText(self.tr("Waiting for the card terminal…"))
        task = self.sales.tasks.spawn(self.sales.checkout.pay_card(amount))
        task.add_done_callback(lambda _t: self._terminal_done())

    def _terminal_done(self) -> None:
        if not isValid(self.cash_button):  # the approved card paid the sale: the dialog is gone
            return
        self.cash_button.setEnabled(True)
        self.card_button.setEnabled(True)

    def _redraw(self, payment: Payment | None) -> None:
        if payment is None:
            return
        self.payment = payment
        if payment.remaining > 0 or not payment.tenders:
            self.due_label.setText(self.tr("To pay: {}").format(money(payment.remaining)))
        else:
            self.due_label.setText(self.tr("Paid"))
        self.paid_list.clear()
        self.paid_list.addItem(self.tr("Sale total: {}").format(money(payment.total)))
        for tender in payment.tenders:
            names = {"cash": self.tr("Cash"), "card": self.tr("Card"), "points": self.tr("Points")}
            name = names.get(tender.method, tender.method)
            extra = self.tr(" · change {}").format(money(tender.change)) if tender.change else ""
            ref = f" · {tender.reference}" if tender.reference else ""
            self.paid_list.addItem(f"{name}: {money(tender.amount)}{extra}{ref}")
        if payment.rounding:
            self.paid_list.addItem(self.tr("Cash rounding: {}").format(money(payment.rounding)))

    def reject(self) -> None:
        if self.sales.payment is not None:
            if _loop_running():
                self.sales.tasks.spawn(self.sales.checkout.cancel_payment())  # reverses card payments already taken
            else:
                self.sales.checkout.drop_payment()
        super().reject()

    def done(self, result: int) -> None:
        # A closed payment dialog must not hear the next sale's signals (it would close itself,
        # and the window's current dialog with it).
        for signal, slot in (
            (self.sales.payment_changed, self._redraw),
            (self.sales.message, self._message),
            (self.sales.sale_completed, self._completed),
        ):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        super().done(result)


def _loop_running() -> bool:
    try:
        return asyncio.get_event_loop().is_running()
    except RuntimeError:
        return False


class StandaloneCardDialog(ShopDialog):
    """A stand-alone terminal's outcome, as the cashier reads it off the terminal: its
    authorisation code (Enter) when it approved, Esc when it declined or was cancelled."""

    def __init__(self, what: str, amount: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Card terminal"))
        ask = (
            self.tr("Key {} into the card terminal as a refund.")
            if what == "refund"
            else self.tr("Key {} into the card terminal.")
        )
        said = QLabel(
            ask.format(amount)
            + "\n"
            + self.tr("When it shows APPROVED, type the authorisation code it printed and press Enter.")
        )
        said.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("authorisationCode")
        self.code.setFont(big_font())
        self.code.setMaxLength(12)
        self.code.returnPressed.connect(self._confirm)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        buttons = QHBoxLayout()
        buttons.addWidget(touch_button(self.tr("Declined or cancelled (Esc)"), self.reject))
        buttons.addWidget(touch_button(self.tr("Approved (Enter)"), self._confirm, "payButton"))
        layout = QVBoxLayout(self)
        layout.addWidget(said)
        layout.addWidget(self.code)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.code.setFocus()

    def _confirm(self) -> None:
        if not re.fullmatch(r"[A-Za-z0-9]{4,12}", self.code.text().strip()):
            self.error.setText(self.tr("Type the authorisation code the terminal printed (4 to 12 letters or digits)"))
            return
        self.accept()


class DiscountDialog(ShopDialog):
    """A discount on the selected line: percent, amount off, or a new (lower) price."""

    def __init__(self, line_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discount or price change"))
        self.manual: ManualDiscount | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("discountKind")
        self.kind.addItem(self.tr("% off"), "percent")
        self.kind.addItem(self.tr("Amount off the line"), "amount")
        self.kind.addItem(self.tr("New unit price"), "price")
        self.kind.setMinimumHeight(48)
        self.value = QLineEdit()
        self.value.setObjectName("discountValue")
        self.value.setFont(big_font())
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(line_name))
        layout.addWidget(self.kind)
        layout.addWidget(self.value)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Apply (Enter)"), self._confirm))
        self.value.returnPressed.connect(self._confirm)
        self.value.setFocus()

    def _confirm(self) -> None:
        try:
            value = parse_amount(self.value.text())  # "15" % -> 1500 bp; "2,50" € -> 250 cents
        except ValueError as exc:
            self.error.setText(explain(exc))
            return
        self.manual = ManualDiscount(self.kind.currentData(), value)
        self.accept()


class ParkedDialog(ShopDialog):
    """The sales put aside at this till: Enter resumes the chosen one."""

    def __init__(self, parked: list[tuple[int, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Parked sales"))
        self.resize(560, 400)
        self.chosen: int | None = None
        self.list = QListWidget()
        self.list.setObjectName("parkedList")
        self.list.setFont(big_font(16))
        for parked_id, _at, label in parked:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, parked_id)
            self.list.addItem(item)
        if parked:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self._confirm())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(ok_cancel(self, self.tr("Resume (Enter)"), self._confirm))
        self.list.setFocus()

    def _confirm(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = int(item.data(Qt.ItemDataRole.UserRole))
            self.accept()


class ReturnDialog(ShopDialog):
    """A return: scan the receipt's barcode (or type its number), set how many of each line
    come back, Enter refunds by the original payment methods."""

    def __init__(self, sales: SaleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sales = sales
        self.sale_id: str | None = None
        self.lines: list[ReturnableLine] = []
        self.setWindowTitle(self.tr("Return"))
        self.resize(820, 520)
        self.receipt_no = QLineEdit()
        self.receipt_no.setObjectName("returnReceipt")
        self.receipt_no.setFont(big_font(18))
        self.receipt_no.setPlaceholderText(self.tr("Scan the receipt's barcode or type its number"))
        self.receipt_no.returnPressed.connect(self.find_receipt)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("returnLines")
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Paid"), self.tr("Returnable"), self.tr("Back")])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(0, 380)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.refund_total = QLabel()
        self.refund_total.setObjectName("refundTotal")
        self.refund_total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.without = touch_button(self.tr("No receipt…"), self._without_receipt)
        layout = QVBoxLayout(self)
        layout.addWidget(self.receipt_no)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refund_total)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.without)
        row.addWidget(ok_cancel(self, self.tr("Refund (Enter)"), self.confirm), 1)
        layout.addLayout(row)
        self.without_receipt = False
        self.receipt_no.setFocus()

    def find_receipt(self) -> None:
        if self.sale_id is not None and not self.receipt_no.text().strip():
            self.confirm()
            return
        number = self.receipt_no.text().strip()
        found = self.sales.returns.find_receipt(number)
        if found is None:  # another till's: HQ has it (the dialog stays usable meanwhile)
            self.error.setText(self.tr("Not from this till: asking HQ for receipt {}…").format(number))
            self.sales.tasks.spawn(self._ask_hq(number))
            return
        self._show(found)

    async def _ask_hq(self, number: str) -> None:
        found = await self.sales.returns.ask_hq_for_receipt(number)
        if not isValid(self) or not self.isVisible():  # closed meanwhile
            return
        if isinstance(found, str):
            self.error.setText(found)
            return
        self._show(found)

    def _show(self, found: tuple[str, list[ReturnableLine]]) -> None:
        self.sale_id, self.lines = found
        self.receipt_no.clear()
        self.error.clear()
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            paid = money(line.line.total)
            for col, text in enumerate((line.line.name, paid, str(line.returnable))):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, col, cell)
            spin = QSpinBox()
            spin.setRange(0, line.returnable)
            spin.setValue(0)  # nothing comes back until the cashier says so: one key cannot refund it all
            spin.setMinimumHeight(40)
            spin.valueChanged.connect(self._show_total)
            spin.installEventFilter(self)  # Enter in a quantity confirms, as everywhere in the till
            self.table.setCellWidget(row, 3, spin)
        self._show_total()
        if self.lines:
            first = self.table.cellWidget(0, 3)
            if isinstance(first, QSpinBox):
                first.setFocus()
                first.selectAll()  # a digit typed replaces the 0 (else "10", refused as too many)

    def _show_total(self) -> None:
        amount = sum(line.line.part(qty) for line, qty in zip(self.lines, self._spins(), strict=True))
        self.refund_total.setText(self.tr("To refund: {}").format(money(amount)) if self.lines else "")

    def _spins(self) -> list[int]:
        values = []
        for row in range(len(self.lines)):
            spin = self.table.cellWidget(row, 3)
            values.append(spin.value() if isinstance(spin, QSpinBox) else 0)
        return values

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            isinstance(obj, QSpinBox)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            obj.interpretText()  # what was typed counts, even before the field is left
            self.confirm()
            return True
        return super().eventFilter(obj, event)

    def set_quantity(self, row: int, qty: int) -> None:
        spin = self.table.cellWidget(row, 3)
        assert isinstance(spin, QSpinBox)
        spin.setValue(qty)

    def quantities(self) -> dict[int, int]:
        result = {}
        for row, line in enumerate(self.lines):
            spin = self.table.cellWidget(row, 3)
            if isinstance(spin, QSpinBox) and spin.value():
                result[line.line_no] = spin.value()
        return result

    def _without_receipt(self) -> None:
        self.without_receipt = True
        self.accept()

    def confirm(self) -> None:
        if self.sale_id is None:
            self.find_receipt()
            return
        if not self.quantities():
            self.error.setText(self.tr("Choose what is returned"))
            return
        self.accept()


class OpenShiftDialog(ShopDialog):
    """Open the shift: count the float in the drawer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open the shift"))
        self.float_cents = 0
        self.amount = QLineEdit()
        self.amount.setObjectName("floatAmount")
        self.amount.setFont(big_font())
        self.amount.returnPressed.connect(self._confirm)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Count the cash in the drawer (the float)")))
        layout.addWidget(self.amount)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Open shift (Enter)"), self._confirm))
        self.amount.setFocus()

    def _confirm(self) -> None:
        try:
            self.float_cents = parse_amount(self.amount.text() or "0")
        except ValueError as exc:
            self.error.setText(explain(exc))
            return
        self.accept()


class CloseShiftDialog(ShopDialog):
    """Close the shift, blind: first the count (a total, or note by note and coin by coin), and
    only then the Z report with what the till expected; a difference needs a reason. Enter goes
    on, Esc goes back (from the report to the count, from the count out)."""

    def __init__(self, preview: Callable[[int], ZReport | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.counted = 0
        self.pieces: dict[int, int] = {}
        self.setWindowTitle(self.tr("Close the shift (Z report)"))
        self.pages = QStackedWidget()
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)

        # Page 1: the count. The till's expected figure is not shown until it is done.
        count = QWidget()
        count_layout = QVBoxLayout(count)
        count_layout.setContentsMargins(0, 0, 0, 0)
        count_layout.addWidget(QLabel(self.tr("Count the cash in the drawer: the total, or each note and coin")))
        self.amount = QLineEdit()
        self.amount.setObjectName("countedCash")
        self.amount.setFont(big_font())
        self.amount.textEdited.connect(self._typed_total)  # Enter: keyPressEvent
        count_layout.addWidget(self.amount)
        grid = QGridLayout()
        self.piece_fields: dict[int, QLineEdit] = {}
        for column, values in enumerate((NOTES, COINS)):
            for row, cents in enumerate(values):
                field = QLineEdit()
                field.setObjectName(f"pieces{cents}")
                field.setValidator(QIntValidator(0, 99_999, field))
                field.setPlaceholderText("0")
                field.setMaximumWidth(90)
                field.textEdited.connect(self._counted_pieces)  # Enter: keyPressEvent (empty is no number)
                self.piece_fields[cents] = field
                grid.addWidget(QLabel(money(cents)), row, column * 2, Qt.AlignmentFlag.AlignRight)
                grid.addWidget(field, row, column * 2 + 1)
        count_layout.addLayout(grid)
        count_layout.addStretch(1)
        count_layout.addWidget(ok_cancel(self, self.tr("Counted: see the Z report (Enter)"), self._counted))
        self.pages.addWidget(count)

        # Page 2: the Z report as it will print, the difference, and the reason for it.
        review = QWidget()
        review_layout = QVBoxLayout(review)
        review_layout.setContentsMargins(0, 0, 0, 0)
        self.report = QPlainTextEdit()
        self.report.setObjectName("zReport")
        self.report.setReadOnly(True)
        self.report.setFont(mono_font())
        review_layout.addWidget(self.report, 1)
        self.difference = QLabel()
        self.difference.setObjectName("countDifference")
        self.difference.setFont(big_font(bold=True))
        self.difference.setWordWrap(True)
        review_layout.addWidget(self.difference)
        self.reason = QLineEdit()
        self.reason.setObjectName("differenceReason")
        self.reason.setMinimumHeight(44)
        self.reason.setPlaceholderText(self.tr("Why does the count differ?"))  # Enter: keyPressEvent
        review_layout.addWidget(self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(touch_button(self.tr("Back to the count (Esc)"), self._back))
        buttons.addWidget(touch_button(self.tr("Close shift and print Z (Enter)"), self._confirm, "payButton"))
        review_layout.addLayout(buttons)
        self.pages.addWidget(review)
        room = self.screen().availableGeometry()  # never taller than the till's screen: the report scrolls
        self.resize(min(600, room.width()), min(760, room.height() - 40))
        self.amount.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        on_review = self.pages.currentIndex() == 1
        if on_review and event.key() == Qt.Key.Key_Escape:
            self._back()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # One Enter, one step: the Enter that ends the count must not also close the shift
            # from the report it opens (a line edit's returnPressed and then this, it was).
            if on_review:
                self._confirm()
            elif self.focusWidget() in self.piece_fields.values():
                self._next_piece()
            else:
                self._counted()
            event.accept()
            return
        super().keyPressEvent(event)

    def _typed_total(self, _text: str) -> None:
        """A total typed by hand replaces a count by pieces."""
        self.pieces = {}
        for field in self.piece_fields.values():
            field.clear()
        self.error.clear()

    def _counted_pieces(self, _text: str) -> None:
        self.pieces = {cents: int(field.text()) for cents, field in self.piece_fields.items() if field.text()}
        self.amount.setText(typed_amount(counted_total(self.pieces)))
        self.error.clear()

    def _next_piece(self) -> None:
        """Enter in a note or coin goes to the next one; after the last coin, the count is done."""
        fields = list(self.piece_fields.values())
        focused = self.focusWidget()
        at = fields.index(focused) if isinstance(focused, QLineEdit) and focused in fields else len(fields) - 1
        if at + 1 < len(fields):
            fields[at + 1].setFocus()
        else:
            self._counted()

    def _counted(self) -> None:
        if not self.amount.text().strip():
            self.error.setText(self.tr("Count the drawer first (0 if it is empty)"))
            return
        try:
            self.counted = parse_amount(self.amount.text())
        except ValueError:
            self.error.setText(self.tr("{} is not an amount").format(self.amount.text()))
            return
        z = self.preview(self.counted)
        self.error.clear()
        self.report.setPlainText(render_z_text(z) if z else self.tr("No shift is open"))
        off = z.difference if z else 0
        figures = {
            "counted": money(self.counted),
            "expected": money(z.expected_cash if z else 0),
            "off": money(abs(off)),
        }
        if off > 0:
            self.difference.setText(self.tr("Counted {counted}, expected {expected}: {off} over").format(**figures))
        elif off < 0:
            self.difference.setText(self.tr("Counted {counted}, expected {expected}: {off} short").format(**figures))
        else:
            self.difference.setText(self.tr("The count matches the expected cash"))
        self.reason.setVisible(bool(off))
        self.pages.setCurrentIndex(1)
        (self.reason if off else self.report).setFocus()

    def _back(self) -> None:
        self.pages.setCurrentIndex(0)
        self.error.clear()
        self.amount.setFocus()

    def _confirm(self) -> None:
        if self.pages.currentIndex() == 0:
            self._counted()
            return
        if self.reason.isVisible() and not self.reason.text().strip():
            self.error.setText(self.tr("Say why the count differs from the expected cash"))
            self.reason.setFocus()
            return
        self.accept()


class ZReportDialog(QDialog):
    """The closed shift's Z report as printed."""

    def __init__(self, z: ZReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Z report {}").format(z.z_number))
        room = self.screen().availableGeometry()  # the report scrolls on a short screen
        self.resize(min(560, room.width()), min(860, room.height() - 40))
        self.text = QPlainTextEdit(render_z_text(z))
        self.text.setObjectName("zReport")
        self.text.setReadOnly(True)
        self.text.setFont(mono_font())
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        done = touch_button(self.tr("Done (Enter)"), self.accept, "payButton")
        done.setDefault(True)
        layout.addWidget(done)


class InvoiceDialog(ShopDialog):
    """A full invoice for the last receipt: the customer's tax id, name and address."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Full invoice"))
        self.tax_id = QLineEdit()
        self.tax_id.setObjectName("invoiceTaxId")
        self.name = QLineEdit()
        self.name.setObjectName("invoiceName")
        self.address = QLineEdit()
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        layout = QVBoxLayout(self)
        for label, edit in (
            (self.tr("Tax id (NIF/CIF)"), self.tax_id),
            (self.tr("Name"), self.name),
            (self.tr("Address"), self.address),
        ):
            edit.setMinimumHeight(44)
            layout.addWidget(QLabel(label))
            layout.addWidget(edit)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Issue invoice (Enter)"), self._confirm))
        for edit in (self.tax_id, self.name, self.address):
            edit.returnPressed.connect(self._confirm)
        self.tax_id.setFocus()

    def _confirm(self) -> None:
        if len(self.tax_id.text().strip()) < 3 or not self.name.text().strip():
            self.error.setText(self.tr("A tax id and a name are needed"))
            return
        try:
            valid_nif(self.tax_id.text())
        except NifError as exc:  # said here, with what was typed still there to correct
            self.error.setText(self.tr("{} is not a valid Spanish NIF: check it with the customer").format(exc.code))
            self.tax_id.setFocus()
            return
        self.accept()


def grid_key(cells: dict[tuple[int, int], QPushButton], event: QKeyEvent) -> bool:
    """A grid of buttons by keyboard: the arrows move the focus to the next button that way
    (over the gaps), Enter presses the one in focus; False for any other key."""
    steps = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1)}
    here = next((place for place, button in cells.items() if button.hasFocus()), None)
    key = Qt.Key(event.key())
    if here is not None and key in steps:
        (dr, dc), (r, c) = steps[key], here
        rows = 1 + max(p[0] for p in cells)
        cols = 1 + max(p[1] for p in cells)
        r, c = r + dr, c + dc
        while 0 <= r < rows and 0 <= c < cols:  # over a gap in the grid
            if (r, c) in cells:
                cells[(r, c)].setFocus()
                break
            r, c = r + dr, c + dc
        return True
    if here is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        cells[here].click()
        return True
    return False


class KeyGridDialog(QDialog):
    """A grid of large buttons each choosing a SKU (`cells`, by row and column): touch one, or
    move with the arrows (over gaps) and press Enter; `chosen_sku` once one is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen_sku: int | None = None
        self.cells: dict[tuple[int, int], QPushButton] = {}

    def key_button(self, text: str, sku_id: int, place: tuple[int, int]) -> QPushButton:
        button = touch_button(text, lambda: self._choose(sku_id))
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keyboard's place in the grid shows
        button.setAutoDefault(False)
        button.installEventFilter(self)  # a button would take the arrows to its focus chain
        self.cells[place] = button
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and grid_key(self.cells, event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not grid_key(self.cells, event):
            super().keyPressEvent(event)

    def _choose(self, sku_id: int) -> None:
        self.chosen_sku = sku_id
        self.accept()


class VariantDialog(KeyGridDialog):
    """The sizes and colours of a product, as a grid of large buttons with the stock here. By
    keyboard: the arrows move across the grid (over gaps), Enter takes the one in focus, Esc
    goes back; the focus starts on the first variant in stock."""

    def __init__(self, variants: list[tuple[Any, str, str, int | None]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose size and colour"))
        sizes = list(dict.fromkeys(v[1] for v in variants))
        colours = list(dict.fromkeys(v[2] for v in variants))
        grid = QGridLayout()
        for c, colour in enumerate(colours):
            grid.addWidget(QLabel(colour or "—"), c + 1, 0)
        for s, size in enumerate(sizes):
            grid.addWidget(QLabel(size or "—"), 0, s + 1, Qt.AlignmentFlag.AlignCenter)
        first: QPushButton | None = None
        for item, size, colour, stock in variants:
            text = f"{money(item.unit_price)}\n{stock if stock is not None else '?'}"
            place = (colours.index(colour), sizes.index(size))
            button = self.key_button(text, item.sku_id, place)
            button.setObjectName(f"variant_{item.sku_id}")
            button.setMinimumSize(96, 64)
            grid.addWidget(button, place[0] + 1, place[1] + 1)
            if first is None and (stock is None or stock > 0):
                first = button
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(variants[0][0].name.rsplit(" ", 2)[0] if variants else ""))
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Price · units in this store · arrows and Enter, or touch")))
        start = first or next(iter(self.cells.values()), None)
        if start is not None:
            start.setFocus()
