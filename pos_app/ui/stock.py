"""Stock across stores at the till, for managers: the stock view (Ctrl+K), transfers (Ctrl+T)
and counts (Ctrl+U). Offline, every figure is the last one pulled, with its age.

Stock view: type or scan a product, Enter · ↑↓ variant · F2 ask the chosen sibling store for
the units typed · F3 reserve for a customer · F4 adjust the stock here by the units typed, with
the reason chosen (a manager approves) · Esc back.
Transfers: scan the parcel's code (or type a number), Enter · Ctrl+1…4 tabs (to send, incoming,
done, suggestions) · F2 accept · F3 decline · F4 ship the picked quantities (prints the note)
· F5 receive the counted quantities · F6 print the note again · F7 request the suggested
transfers · F8 cancel · the quantity column is edited in place.
Count: choose what to count, F2 start · scan each item (5* then scan for five) · F4 approve
(a manager) · F8 abandon · blind counts hide the expected figures until approval.
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
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.stock import StockService
from pos_app.ui.shop_dialogs import ApprovalDialog, ShopDialog, big_font, touch_button
from sync.rules.staff import StaffMember
from sync.rules.transfers import DIFFERENCE_REASONS, Transfer


def _age(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "—"
    minutes = int((now - moment).total_seconds() // 60)
    when = f"{moment.astimezone():%d/%m %H:%M}"
    if minutes < 1:
        return when
    if minutes < 120:
        return f"{when} ({minutes} min)"
    return f"{when} ({minutes // 60} h)"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the product or store: the rest fit
    return table


def cell_at(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell (every cell of these tables is filled when drawn; an empty one is
    given an item rather than read as missing)."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem("")
        table.setItem(row, column, item)
    return item


def _cell(text: object, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class _StockDialog(ShopDialog):
    stock: StockService
    status: QLabel

    def _listen(self) -> None:
        self.status = QLabel()
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        self.stock.message.connect(self._message)

    def _message(self, text: str, level: str) -> None:
        self.status.setText(text)
        self.status.setProperty("level", level)

    def done(self, result: int) -> None:
        self.stock.message.disconnect(self._message)
        super().done(result)
        self.quiet_children()

    def _keys(self, event: QKeyEvent, keys: dict[int, Callable[[], object]]) -> bool:
        if event.key() in keys:
            keys[event.key()]()
            event.accept()
            return True
        return False


class StockDialog(_StockDialog):
    """A product's stock here (on hand, held for orders, on its way, available) by variant, and
    in every sibling store with how old each figure is."""

    def __init__(self, stock: StockService, offline_since: datetime | None, parent: QWidget | None = None,
                 sku_id: int | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.stock = stock
        self.sku_id: int | None = None
        self.wants_reserve: int | None = None  # a SKU the cashier wants to reserve (F3)
        self.setWindowTitle(self.tr("Stock"))
        self.resize(980, 620)
        self._listen()
        self.code_box = QLineEdit()
        self.code_box.setObjectName("stockFind")
        self.code_box.setFont(big_font())
        self.code_box.setPlaceholderText(self.tr("Scan or type a product, Enter"))
        self.code_box.returnPressed.connect(lambda: self.show_sku(self.stock.find_sku(self.code_box.text())))
        self.title = QLabel()
        self.title.setFont(big_font(bold=True))
        self.freshness = QLabel(
            self.tr("Offline: last known figures, as of {}").format(_age(offline_since, datetime.now(UTC)))
            if offline_since
            else self.tr("Figures as of the last sync")
        )
        self.freshness.setObjectName("stockFreshness")
        self.here = _table(
            [self.tr("Variant"), self.tr("On hand"), self.tr("Reserved"), self.tr("In transit"), self.tr("Available")]
        )
        self.here.setObjectName("stockHere")
        self.here.itemSelectionChanged.connect(self._variant_chosen)
        self.there = _table([self.tr("Store"), self.tr("Last known"), self.tr("As of")])
        self.there.setObjectName("stockThere")
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 999)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Units")))
        buttons.addWidget(self.quantity)
        buttons.addWidget(touch_button(self.tr("Ask that store F2"), self._request))
        buttons.addWidget(touch_button(self.tr("Reserve F3"), self._reserve))
        adjust = QHBoxLayout()
        self.reason = QComboBox()
        self.reason.setObjectName("adjustReason")
        for code, text in (
            ("damage", self.tr("Damaged")),
            ("theft", self.tr("Stolen")),
            ("found", self.tr("Found")),
            ("supplier_return", self.tr("Returned to the supplier")),
        ):
            self.reason.addItem(text, code)
        self.delta = QSpinBox()
        self.delta.setObjectName("adjustDelta")
        self.delta.setRange(-999, 999)
        self.delta.setValue(-1)
        adjust.addWidget(QLabel(self.tr("Adjust here")))
        adjust.addWidget(self.delta)
        adjust.addWidget(self.reason, 1)
        adjust.addWidget(touch_button(self.tr("Adjust F4"), self._adjust))
        layout = QVBoxLayout(self)
        layout.addWidget(self.code_box)
        layout.addWidget(self.title)
        layout.addWidget(self.freshness)
        layout.addWidget(QLabel(self.tr("Here")))
        layout.addWidget(self.here, 1)
        layout.addWidget(QLabel(self.tr("Sibling stores")))
        layout.addWidget(self.there, 1)
        layout.addLayout(buttons)
        layout.addLayout(adjust)
        layout.addWidget(self.status)
        if sku_id is not None:
            self.show_sku(sku_id)
        self.code_box.setFocus()

    def show_sku(self, sku_id: int | None) -> None:
        if sku_id is None:
            return
        rows = self.stock.here(sku_id)
        self.title.setText(self.stock.product_name(sku_id))
        self.here.setRowCount(len(rows))
        chosen = 0
        for n, row in enumerate(rows):
            for col, value in enumerate((row.label, row.on_hand, row.reserved, row.in_transit, row.available)):
                item = _cell(value)
                item.setData(Qt.ItemDataRole.UserRole, row.sku_id)
                self.here.setItem(n, col, item)
            if row.sku_id == sku_id:
                chosen = n
        self.here.selectRow(chosen)
        self.code_box.clear()

    def _variant_chosen(self) -> None:
        row = self.here.currentRow()
        item = self.here.item(row, 0) if row >= 0 else None
        if item is None:
            return
        self.sku_id = int(item.data(Qt.ItemDataRole.UserRole))
        now = datetime.now(UTC)
        there = self.stock.there(self.sku_id)
        self.there.setRowCount(len(there))
        for n, store in enumerate(there):
            figure = "—" if store.figure is None else store.figure
            for col, value in enumerate((store.store_name, figure, _age(store.as_of, now))):
                cell = _cell(value)
                cell.setData(Qt.ItemDataRole.UserRole, store.store_id)
                self.there.setItem(n, col, cell)
        if there:
            self.there.selectRow(0)

    def _request(self) -> None:
        row = self.there.currentRow()
        if self.sku_id is None or row < 0:
            self._message(self.tr("Choose the product and the store to ask"), "warning")
            return
        store_id = int(cell_at(self.there, row, 0).data(Qt.ItemDataRole.UserRole))
        self.stock.request(store_id, [(self.sku_id, self.quantity.value())])

    def _reserve(self) -> None:
        if self.sku_id is not None:
            self.wants_reserve = self.sku_id
            self.accept()

    def _adjust(self) -> None:
        """Units written off or found here, with the reason chosen (a manager approves)."""
        sku_id, delta, reason = self.sku_id, self.delta.value(), self.reason.currentData()
        if sku_id is None or not delta:
            self._message(self.tr("Choose the product and how many units (− to write off)"), "warning")
            return

        def adjust(approver: StaffMember | None) -> None:
            if self.stock.adjust(sku_id, delta, reason, approver):
                self.show_sku(sku_id)

        if not self.stock.session.needs_approval("stock.adjust"):
            adjust(None)
            return
        dialog = ApprovalDialog(self.stock.session, "stock.adjust", self.tr("Adjust stock: {:+d}").format(delta), self)

        def ended(result: int) -> None:
            if result == ShopDialog.DialogCode.Accepted:
                adjust(dialog.approver)

        dialog.finished.connect(ended)
        dialog.setModal(True)
        dialog.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.here.rowCount():
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            self.here.selectRow(max(0, min(self.here.rowCount() - 1, self.here.currentRow() + step)))
            return
        if not self._keys(event, {Qt.Key.Key_F2: self._request, Qt.Key.Key_F3: self._reserve,
                                  Qt.Key.Key_F4: self._adjust}):  # fmt: skip
            super().keyPressEvent(event)


class TransfersDialog(_StockDialog):
    """Transfers to send and incoming, done ones, and replenishment suggestions."""

    TABS = ("send", "incoming", "done", "suggestions")

    def __init__(self, stock: StockService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stock = stock
        self.transfer: Transfer | None = None
        self.setWindowTitle(self.tr("Transfers between stores"))
        self.resize(1100, 660)
        self._listen()
        self.stores = stock.store_names()
        self.code_box = QLineEdit()
        self.code_box.setObjectName("transferFind")
        self.code_box.setFont(big_font())
        self.code_box.setPlaceholderText(self.tr("Scan the parcel's transfer note, or type its number, Enter"))
        self.code_box.returnPressed.connect(self._find)
        self.tabs = QTabBar()
        self.tabs.setUsesScrollButtons(False)
        for name in (self.tr("To send"), self.tr("Incoming"), self.tr("Done"), self.tr("Suggestions")):
            self.tabs.addTab(name)
        self.list = QListWidget()
        self.list.setObjectName("transferList")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.currentRowChanged.connect(self._chosen)
        self.title = QLabel()
        self.title.setObjectName("transferTitle")
        self.title.setFont(big_font(bold=True))
        self.lines = _table(
            [self.tr("Product"), self.tr("Asked"), self.tr("Shipped"), self.tr("Received"), self.tr("Now"),
             self.tr("Reason")]
        )  # fmt: skip
        self.lines.setObjectName("transferLines")
        self.lines.setEditTriggers(QTableWidget.EditTrigger.AllEditTriggers)
        actions = QHBoxLayout()
        for text, slot in (
            (self.tr("Accept F2"), lambda: self._step("accepted")),
            (self.tr("Decline F3"), lambda: self._step("declined")),
            (self.tr("Ship F4"), self._ship),
            (self.tr("Receive F5"), self._receive),
            (self.tr("Note F6"), self._note),
            (self.tr("Request F7"), self._request_suggested),
            (self.tr("Cancel F8"), lambda: self._step("cancelled")),
        ):
            actions.addWidget(touch_button(text, slot))
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.lines, 1)
        left = QVBoxLayout()
        left.addWidget(self.tabs)
        left.addWidget(self.list, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code_box)
        layout.addLayout(body, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.refresh()
        self.code_box.setFocus()

    @property
    def tab(self) -> str:
        return self.TABS[max(0, self.tabs.currentIndex())]

    def refresh(self) -> None:
        groups = self.stock.transfers()
        suggestions = self.stock.suggestions()
        for n, name in enumerate(self.TABS):
            base = self.tabs.tabText(n).split(" (")[0]
            size = len(suggestions) if name == "suggestions" else len(groups[name])
            self.tabs.setTabText(n, f"{base} ({size})")
        keep = self.transfer.id if self.transfer else None
        self.list.blockSignals(True)
        self.list.clear()
        if self.tab == "suggestions":
            for s in suggestions:
                source = f" ← {s.sources[0][1]} ({s.sources[0][2]})" if s.sources else ""
                item = QListWidgetItem(
                    f"{s.sku_code} {s.name}: {s.on_hand} / {s.min_qty}–{s.max_qty} · +{s.quantity}{source}"
                )
                item.setData(Qt.ItemDataRole.UserRole, s)
                self.list.addItem(item)
            self.list.blockSignals(False)
            self._show(None)
            return
        shown = groups[self.tab]
        for transfer in shown:
            other = transfer.to_store_id if transfer.from_store_id == self.stock.store_id else transfer.from_store_id
            arrow = "→" if transfer.from_store_id == self.stock.store_id else "←"
            item = QListWidgetItem(
                f"{transfer.number} {arrow} {self.stores.get(other, other)} · {self._state(transfer.state)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, transfer)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((n for n, x in enumerate(shown) if x.id == keep), 0 if shown else -1)
        self.list.setCurrentRow(row)
        self._show(shown[row] if row >= 0 else None)

    def _state(self, state: str) -> str:
        return {
            "requested": self.tr("requested"), "accepted": self.tr("accepted"), "shipped": self.tr("on its way"),
            "received": self.tr("received"), "declined": self.tr("declined"), "cancelled": self.tr("cancelled"),
        }.get(state, state)  # fmt: skip

    def _chosen(self, row: int) -> None:
        item = self.list.item(row)
        if item is not None and self.tab != "suggestions":
            self._show(item.data(Qt.ItemDataRole.UserRole))

    def _show(self, transfer: Transfer | None) -> None:
        self.transfer = transfer
        self.lines.setRowCount(0)
        if transfer is None:
            self.title.setText("")
            return
        origin, target = self.stores.get(transfer.from_store_id, "?"), self.stores.get(transfer.to_store_id, "?")
        self.title.setText(f"{transfer.number} · {origin} → {target} · {self._state(transfer.state)}")
        sending = transfer.from_store_id == self.stock.store_id
        self.lines.setRowCount(len(transfer.lines))
        for n, line in enumerate(transfer.lines):
            # "Now": what is picked (sending) or counted (receiving), edited in place.
            now = line.requested if sending else line.shipped
            if transfer.state == "received":
                now = line.received
            cells = (f"{line.sku_code} {line.name}", line.requested, line.shipped, line.received, now, line.reason)
            for col, value in enumerate(cells):
                item = _cell(
                    value, editable=col in (4, 5) and transfer.state not in ("received", "declined", "cancelled")
                )
                item.setData(Qt.ItemDataRole.UserRole, line.sku_id)
                self.lines.setItem(n, col, item)

    def _now(self) -> tuple[dict[int, int], dict[int, str]]:
        quantities, reasons = {}, {}
        for row in range(self.lines.rowCount()):
            sku_id = int(cell_at(self.lines, row, 0).data(Qt.ItemDataRole.UserRole))
            text = cell_at(self.lines, row, 4).text().strip()
            quantities[sku_id] = int(text) if text.isdigit() else 0
            reason = cell_at(self.lines, row, 5).text().strip().lower()
            reasons[sku_id] = reason if reason in DIFFERENCE_REASONS else ("short" if reason else "")
        return quantities, reasons

    def set_now(self, sku_id: int, quantity: int, reason: str = "") -> None:
        """What a manager types in the quantity (and reason) cells of a line."""
        for row in range(self.lines.rowCount()):
            if int(cell_at(self.lines, row, 0).data(Qt.ItemDataRole.UserRole)) == sku_id:
                cell_at(self.lines, row, 4).setText(str(quantity))
                cell_at(self.lines, row, 5).setText(reason)

    def _find(self) -> None:
        found = self.stock.find_transfer(self.code_box.text())
        if found is None:
            return
        sending = found.from_store_id == self.stock.store_id
        tab = "done" if found.state in ("received", "declined", "cancelled") else ("send" if sending else "incoming")
        self.transfer = found
        self.tabs.setCurrentIndex(self.TABS.index(tab))
        self.refresh()
        self.code_box.clear()
        self._message(self.tr("Transfer {} opened").format(found.number), "ok")

    def _after(self, done: bool) -> None:
        if done and self.transfer is not None:
            self.transfer = self.stock.replica.stock.transfer(self.transfer.id)
        self.refresh()

    def _step(self, step: str) -> None:
        if self.transfer is not None:
            self._after(self.stock.step(self.transfer, step))

    def _ship(self) -> None:
        if self.transfer is not None:
            self._after(self.stock.ship(self.transfer, self._now()[0]))

    def _receive(self) -> None:
        if self.transfer is not None:
            self._after(self.stock.receive(self.transfer, *self._now()))

    def _note(self) -> None:
        if self.transfer is not None:
            self.stock.print_note(self.transfer)
            self._message(self.tr("Transfer note printed"), "ok")

    def _request_suggested(self) -> None:
        if self.tab != "suggestions":
            self.tabs.setCurrentIndex(self.TABS.index("suggestions"))
            return
        made = self.stock.request_suggested(self.stock.suggestions())
        if made:
            self._message(self.tr("{} transfer(s) requested").format(len(made)), "ok")
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_4:
            self.tabs.setCurrentIndex(event.key() - Qt.Key.Key_1)
            return
        keys: dict[int, Callable[[], object]] = {
            Qt.Key.Key_F2: lambda: self._step("accepted"),
            Qt.Key.Key_F3: lambda: self._step("declined"),
            Qt.Key.Key_F4: self._ship,
            Qt.Key.Key_F5: self._receive,
            Qt.Key.Key_F6: self._note,
            Qt.Key.Key_F7: self._request_suggested,
            Qt.Key.Key_F8: lambda: self._step("cancelled"),
        }
        if not self._keys(event, keys):
            super().keyPressEvent(event)


class CountDialog(_StockDialog):
    """A stock count: full, by family or by location; blind or not; selling goes on meanwhile."""

    def __init__(self, stock: StockService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stock = stock
        self.setWindowTitle(self.tr("Stock count"))
        self.resize(900, 620)
        self._listen()
        self.scope = QComboBox()
        self.scope.setObjectName("countScope")
        self.scope.addItem(self.tr("Everything in the store"), ("full", None))
        for family_id, name in stock.families():
            self.scope.addItem(self.tr("Family: {}").format(name), (name, family_id))
        self.scope.addItem(self.tr("A location (type its name)"), ("@", None))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Location, e.g. Almacén"))
        self.blind = QCheckBox(self.tr("Blind"))
        self.blind.setToolTip(self.tr("Expected figures hidden until the review"))
        self.blind.setChecked(True)
        self.scan = QLineEdit()
        self.scan.setObjectName("countScan")
        self.scan.setFont(big_font())
        self.scan.setPlaceholderText(self.tr("Scan each item · 5* then scan for five"))
        self.scan.returnPressed.connect(self._scan)
        self.title = QLabel()
        self.title.setFont(big_font(bold=True))
        self.lines = _table([self.tr("Product"), self.tr("Counted"), self.tr("Expected"), self.tr("Difference")])
        self.lines.setObjectName("countLines")
        start_row = QHBoxLayout()
        start_row.addWidget(self.scope, 2)
        start_row.addWidget(self.location, 2)
        start_row.addWidget(self.blind)
        start_row.addWidget(touch_button(self.tr("Start F2"), self._start))
        actions = QHBoxLayout()
        actions.addWidget(touch_button(self.tr("Review F3"), self._review))
        actions.addWidget(touch_button(self.tr("Approve F4"), self._approve))
        actions.addWidget(touch_button(self.tr("Abandon F8"), self._abandon))
        layout = QVBoxLayout(self)
        layout.addLayout(start_row)
        layout.addWidget(self.scan)
        layout.addWidget(self.title)
        layout.addWidget(self.lines, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        self.reviewing = False
        self.refresh()

    def refresh(self) -> None:
        count = self.stock.current_count()
        for widget in (self.scope, self.location, self.blind):
            widget.setEnabled(count is None)
        self.scan.setEnabled(count is not None)
        if count is None:
            self.title.setText(self.tr("No count in progress: choose what to count, F2"))
            self.lines.setRowCount(0)
            self.scope.setFocus()
            return
        scope = count.scope[1:] if count.scope.startswith("@") else count.scope
        blind = self.tr(" · blind") if count.blind else ""
        self.title.setText(self.tr("Counting: {}{}").format(scope, blind))
        lines = self.stock.count_lines()
        if self.reviewing:
            lines += self.stock.uncounted()
        hide = count.blind and not self.reviewing
        self.lines.setRowCount(len(lines))
        for n, line in enumerate(lines):
            cells = (f"{line.sku_code} {line.name}", line.counted, "·" if hide else line.expected,
                     "·" if hide else f"{line.difference:+d}")  # fmt: skip
            for col, value in enumerate(cells):
                self.lines.setItem(n, col, _cell(value))
        self.scan.setFocus()

    def _start(self) -> None:
        scope, family_id = self.scope.currentData()
        if scope == "@":
            name = self.location.text().strip()
            if not name:
                self._message(self.tr("Type the location's name"), "warning")
                return
            scope = "@" + name
        self.reviewing = False
        self.stock.start_count(scope, family_id, self.blind.isChecked())
        self.refresh()

    def _scan(self) -> None:
        self.stock.count_scan(self.scan.text())
        self.scan.clear()
        self.refresh()

    def _review(self) -> None:
        """Show expected figures and differences (and, for a full or family count, what nobody
        counted: it will be set to 0)."""
        self.reviewing = True
        self.refresh()
        rows = range(self.lines.rowCount())
        differences = sum(1 for row in rows if cell_at(self.lines, row, 3).text() not in ("+0",))
        self._message(self.tr("{} difference(s) to approve: F4").format(differences), "info")

    def _approve(self) -> None:
        if self.stock.current_count() is None:
            return
        if not self.reviewing:
            self._review()
            return
        if not self.stock.approval_needed():
            self._approved(None)
            return
        dialog = ApprovalDialog(self.stock.session, "stock.count_approve", self.tr("Approve the count"), self)

        def ended(result: int) -> None:
            if result == ShopDialog.DialogCode.Accepted:
                self._approved(dialog.approver)

        dialog.finished.connect(ended)
        dialog.setModal(True)
        dialog.open()

    def _approved(self, approver: StaffMember | None) -> None:
        if self.stock.approve_count(approver) is not None:
            self.reviewing = False
            self.refresh()

    def _abandon(self) -> None:
        self.stock.cancel_count()
        self.reviewing = False
        self._message(self.tr("Count abandoned: nothing adjusted"), "info")
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys: dict[int, Callable[[], object]] = {
            Qt.Key.Key_F2: self._start,
            Qt.Key.Key_F3: self._review,
            Qt.Key.Key_F4: self._approve,
            Qt.Key.Key_F8: self._abandon,
        }
        if not self._keys(event, keys):
            super().keyPressEvent(event)
