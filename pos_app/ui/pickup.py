"""The pickup screen (Ctrl+P) and reserving for a customer (Ctrl+R), for managers and cashiers.

Pickup keys: type or scan the pickup code (or a name, card or order number), Enter · ↑↓ choose
in the queue · Ctrl+1…5 queues (new, picking, ready, overdue, problem) · F2 picking · F3 ready
· F5 identity checked · F4 hand over (all) · F7 hand over what is here · F9 substitute the
first missing item with the product typed in the box · F6 ask a transfer · F8 expire a
no-show · Esc back. Everything works offline on what the till last pulled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.pickup import QUEUES, HandOver, PickupService
from pos_app.ui.i18n import day_and_time, money
from pos_app.ui.shop_dialogs import ApprovalDialog, ShopDialog, big_font, ok_cancel, touch_button
from sync.rules.orders import Order, normalise_pickup_code
from sync.rules.staff import StaffMember


def _when(moment: datetime | None) -> str:
    return "" if moment is None else day_and_time(moment)


class PickupDialog(ShopDialog):
    """Queues on the left, the chosen order's pick list and actions on the right."""

    def __init__(self, pickup: PickupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pickup = pickup
        self.order: Order | None = None
        self.paying = False  # an order went to the sale screen for payment: the dialog closes
        self.setWindowTitle(self.tr("Pickups and reservations"))
        room = self.screen().availableGeometry()  # never wider than the till's screen (1024×768 too)
        self.resize(min(1100, room.width()), min(680, room.height()))
        self.names = {
            "new": self.tr("New"),
            "picking": self.tr("Picking"),
            "ready": self.tr("Ready"),
            "overdue": self.tr("Overdue"),
            "problem": self.tr("Problem"),
        }
        self.code_box = QLineEdit()
        self.code_box.setObjectName("pickupFind")
        self.code_box.setFont(big_font())
        self.code_box.setPlaceholderText(self.tr("Scan the pickup code, or type a name, card or order number · Enter"))
        self.code_box.returnPressed.connect(self._find)
        self.tabs = QTabBar()
        self.tabs.setObjectName("pickupQueues")
        self.tabs.setUsesScrollButtons(False)  # all five queues in sight
        for name in QUEUES:
            self.tabs.addTab(self.names[name])
        self.queues: dict[str, list[Order]] = {name: [] for name in QUEUES}
        self.list = QListWidget()
        self.list.setObjectName("pickupList")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setWordWrap(True)  # an order's line wraps (its deadline stays in sight) rather than scrolls
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._chosen)
        self.title = QLabel()
        self.title.setObjectName("pickupTitle")
        self.title.setFont(big_font(bold=True))
        self.title.setWordWrap(True)  # a long order name must not widen the window past a 1024 screen
        self.details = QLabel()
        self.details.setObjectName("pickupDetails")
        self.details.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("pickupProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        self.lines = QListWidget()
        self.lines.setObjectName("pickList")
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.identity = QCheckBox(self.tr("Identity checked: ID, or the code on the customer's phone (F5)"))
        self.identity.setObjectName("identityChecked")
        self.substitute = QLineEdit()
        self.substitute.setObjectName("substituteCode")
        self.substitute.setPlaceholderText(self.tr("Substitute: product code or barcode, then F9"))
        self.sibling = QComboBox()
        self.sibling.setObjectName("transferFrom")
        self.status = QLabel()
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        pickup.message.connect(self._message)

        actions = QHBoxLayout()
        for text, slot in (
            (self.tr("Picking F2"), self._picking),
            (self.tr("Ready F3"), self._ready),
            (self.tr("Hand over F4"), lambda: self._hand_over(False)),
            (self.tr("What is here F7"), lambda: self._hand_over(True)),
        ):
            actions.addWidget(touch_button(text, slot))
        more = QHBoxLayout()
        for text, slot in (
            (self.tr("Substitute F9"), self._substitute),
            (self.tr("Transfer F6"), self._transfer),
            (self.tr("Expire F8"), self._expire),
        ):
            more.addWidget(touch_button(text, slot))
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.details)
        right.addWidget(self.problem)
        right.addWidget(QLabel(self.tr("Pick list")))
        right.addWidget(self.lines, 1)
        right.addWidget(self.identity)
        right.addLayout(actions)
        sub_row = QHBoxLayout()
        sub_row.addWidget(self.substitute, 1)
        sub_row.addWidget(QLabel(self.tr("Transfer from")))
        sub_row.addWidget(self.sibling)
        right.addLayout(sub_row)
        right.addLayout(more)
        # The five queues over both columns: beside the order's actions they made the window
        # wider than a 1024×768 screen.
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code_box)
        layout.addWidget(self.tabs)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        self.tabs.currentChanged.connect(lambda _i: self._fill_list())
        self.refresh()
        self.code_box.setFocus()

    # --- drawing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.queues = self.pickup.queues()
        for n, name in enumerate(QUEUES):
            self.tabs.setTabText(n, f"{self.names[name]} ({len(self.queues[name])})")
        self._fill_list()

    def _fill_list(self) -> None:
        keep = self.order.id if self.order else None
        self.list.blockSignals(True)
        self.list.clear()
        shown = self.queues[QUEUES[max(0, self.tabs.currentIndex())]]
        for order in shown:
            items = sum(line.quantity for line in order.lines)
            until = self.tr(" · until {}").format(_when(order.ready_until)) if order.ready_until else ""
            item = QListWidgetItem(f"{order.number} · {order.customer_name} · {items} u.{until}")
            item.setData(Qt.ItemDataRole.UserRole, order)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((n for n, o in enumerate(shown) if o.id == keep), 0 if shown else -1)
        self.list.setCurrentRow(row)
        self._show(shown[row] if row >= 0 else None)

    def _chosen(self, row: int) -> None:
        item = self.list.item(row)
        if item is not None:
            order = item.data(Qt.ItemDataRole.UserRole)
            if self.order is None or order.id != self.order.id:
                self.identity.setChecked(False)  # another customer: check again
            self._show(order)

    def _show(self, order: Order | None) -> None:
        self.order = order
        self.lines.clear()
        if order is None:
            self.title.setText(self.tr("No orders here"))
            self.details.setText("")
            self.problem.setText("")
            return
        kind = self.tr("Click&collect") if order.kind == "click_collect" else self.tr("Reservation")
        paid = self.tr("paid online") if order.prepaid else self.tr("to pay here")
        self.title.setText(f"{order.number} · {kind} · {self.names.get(order.queue(datetime.now(UTC)), order.state)}")
        card = f" · {order.card}" if order.card else ""
        phone = f" · ···{order.phone_hint}" if order.phone_hint else ""
        until = "\n" + self.tr("Pickup until {}").format(_when(order.ready_until)) if order.ready_until else ""
        self.details.setText(
            f"{order.customer_name}{card}{phone}\n"
            + self.tr("{} · {} · code {}").format(money(order.total), paid, order.code)
            + until
        )
        self.problem.setText(order.problem)
        for line, here in self.pickup.pick_list(order):
            short = "  ⚠" if here < line.held else ""
            self.lines.addItem(
                self.tr("{} × {}  ({}) · here: {}").format(line.held, line.name, line.sku_code, here) + short
            )
        self.sibling.clear()
        first = next(iter(order.lines), None)
        if first is not None:
            for store_id, name, quantity in self.pickup.sibling_stock(first.sku_id):
                self.sibling.addItem(f"{name} ({quantity})", store_id)

    def _message(self, text: str, level: str) -> None:
        self.status.setText(text)
        self.status.setProperty("level", level)

    # --- actions ---------------------------------------------------------------------------

    def _find(self) -> None:
        text = self.code_box.text()
        found = self.pickup.find(text)
        if not found:
            self._message(self.tr("No order matches {}").format(text.strip()), "warning")
            return
        order = found[0]
        self._follow(order)
        # The code from the customer's phone is the proof it is theirs.
        by_code = normalise_pickup_code(text) is not None
        self.identity.setChecked(by_code)
        self.code_box.clear()
        if len(found) > 1:
            self._message(self.tr("{} orders match: showing the first").format(len(found)), "info")
        elif by_code:
            self._message(self.tr("Order {} found by its pickup code").format(order.number), "ok")

    def _act(self, action: Callable[[Order], object]) -> None:
        if self.order is None:
            self._message(self.tr("Choose an order first"), "warning")
            return
        action(self.pickup.refresh(self.order))
        self._follow(self.pickup.refresh(self.order))

    def _follow(self, order: Order) -> None:
        """Show the queue the order is in now, with the order chosen."""
        self.order = order
        self.queues = self.pickup.queues()
        where = order.queue(datetime.now(UTC))
        if where in QUEUES and QUEUES.index(where) != self.tabs.currentIndex():
            self.tabs.setCurrentIndex(QUEUES.index(where))  # (refills the list)
        self.refresh()

    def _picking(self) -> None:
        self._act(self.pickup.start_picking)

    def _ready(self) -> None:
        self._act(self.pickup.mark_ready)

    def _expire(self) -> None:
        self._act(self.pickup.expire)

    def _transfer(self) -> None:
        store_id = self.sibling.currentData()
        if store_id is None:
            self._message(self.tr("No sibling store to ask"), "warning")
            return
        self._act(lambda order: self.pickup.request_transfer(order, int(store_id)))

    def _hand_over(self, only_here: bool, what: HandOver | None = None, approver: StaffMember | None = None) -> None:
        if self.order is None:
            self._message(self.tr("Choose an order first"), "warning")
            return
        order = self.pickup.refresh(self.order)
        if what is None and only_here:
            what = HandOver(tuple((line, min(line.held, max(here, 0))) for line, here in self.pickup.pick_list(order)))
        elif what is None and self.pickup.short_lines(order):
            self._message(
                self.tr("Not everything is here: F7 hands over what is, F9 substitutes, F6 asks a transfer"), "warning"
            )
            return
        result = self.pickup.hand_over(order, self.identity.isChecked(), what, approver)
        if result == "pay":
            self.paying = True
            self.accept()
        elif result == "done":
            self.identity.setChecked(False)
            self.refresh()

    def _substitute(self) -> None:
        if self.order is None:
            return
        order = self.pickup.refresh(self.order)
        short = self.pickup.short_lines(order)
        if not short:
            self._message(self.tr("Every item is here: nothing to substitute"), "info")
            return
        line, here = short[0]
        item = self.pickup.substitute_item(self.substitute.text(), line)
        if item is None:
            return
        lines = tuple((ln, min(ln.held, max(h, 0))) for ln, h in self.pickup.pick_list(order))
        what = HandOver(lines, ((item, line.held - here),))
        if not self.pickup.substitute_needs_approval():
            self._hand_over(False, what)
            return
        dialog = ApprovalDialog(
            self.pickup.session, "order.substitute", self.tr("Substitute {} for {}").format(item.name, line.name), self
        )
        def ended(result: int) -> None:
            if result == ShopDialog.DialogCode.Accepted and dialog.approver is not None:
                self._hand_over(False, what, dialog.approver)

        dialog.finished.connect(ended)
        dialog.setModal(True)
        dialog.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        keys: dict[int, Callable[[], None]] = {
            Qt.Key.Key_F2: self._picking,
            Qt.Key.Key_F3: self._ready,
            Qt.Key.Key_F4: lambda: self._hand_over(False),
            Qt.Key.Key_F7: lambda: self._hand_over(True),
            Qt.Key.Key_F5: lambda: self.identity.setChecked(not self.identity.isChecked()),
            Qt.Key.Key_F6: self._transfer,
            Qt.Key.Key_F8: self._expire,
            Qt.Key.Key_F9: self._substitute,
        }
        if key in keys:
            keys[key]()
            event.accept()
            return
        if mods & Qt.KeyboardModifier.ControlModifier and Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self.tabs.setCurrentIndex(key - Qt.Key.Key_1)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.list.count():
            step = -1 if key == Qt.Key.Key_Up else 1
            self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        self.pickup.message.disconnect(self._message)
        super().done(result)
        self.quiet_children()


class ReserveDialog(ShopDialog):
    """Hold units of a product for a customer, here or in a sibling store (stock of each shown)."""

    def __init__(self, pickup: PickupService, sku_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pickup = pickup
        self.sku_id = sku_id
        self.reserved: Order | None = None
        self.setWindowTitle(self.tr("Reserve for a customer"))
        identity = pickup.replica.identity()
        here = pickup.free_here(sku_id)
        self.where = QComboBox()
        self.where.setObjectName("reserveWhere")
        self.where.addItem(self.tr("Here ({} free)").format(here), pickup.store_id)
        for store_id, store_name, quantity in pickup.sibling_stock(sku_id):
            self.where.addItem(self.tr("{} ({} last known)").format(store_name, quantity), store_id)
        self.customer = QLineEdit()
        self.customer.setObjectName("reserveCustomer")
        self.customer.setPlaceholderText(self.tr("Customer's name"))
        self.phone = QLineEdit()
        self.phone.setObjectName("reservePhone")
        self.phone.setPlaceholderText(self.tr("Phone (optional)"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.days = QSpinBox()
        self.days.setRange(0, 14)
        self.days.setValue(3)
        self.days.setSuffix(self.tr(" day(s)"))
        self.status = QLabel()
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        pickup.message.connect(self._message)
        layout = QVBoxLayout(self)
        title = QLabel(f"{name}" + (f" · {identity.store_name}" if identity else ""))
        title.setFont(big_font(bold=True))
        layout.addWidget(title)
        for label, widget in (
            (self.tr("Where"), self.where),
            (self.tr("For"), self.customer),
            ("", self.phone),
            (self.tr("Units"), self.quantity),
            (self.tr("Hold for"), self.days),
        ):
            row = QHBoxLayout()
            row.addWidget(QLabel(label), 1)
            row.addWidget(widget, 3)
            layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(ok_cancel(self, self.tr("Reserve (Enter)"), self._reserve))
        self.customer.returnPressed.connect(self._reserve)
        self.phone.returnPressed.connect(self._reserve)
        self.customer.setFocus()

    def _message(self, text: str, level: str) -> None:
        self.status.setText(text)
        self.status.setProperty("level", level)

    def _reserve(self) -> None:
        order = self.pickup.reserve(
            int(self.where.currentData()), self.sku_id, self.quantity.value(), self.customer.text(),
            self.days.value(), phone=self.phone.text() or None,
        )  # fmt: skip
        if order is not None:
            self.reserved = order
            self.accept()

    def done(self, result: int) -> None:
        self.pickup.message.disconnect(self._message)
        super().done(result)
        self.quiet_children()
