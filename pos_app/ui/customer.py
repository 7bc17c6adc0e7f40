"""The customer at the till: find a member (F1), enrol a new one, and the member's panel.

Keys in the find dialog: type or scan a card, phone, e-mail or part of the name, Enter · ↑↓ and
Enter choose · Ctrl+N new member · Ctrl+Del no member for this sale · Esc back.
The panel on the sale screen shows the member's tier, points (and what may be spent here now),
their offers, recent purchases in every channel (from the server when it answers, else this
till's own) and suggestions from related products.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.selling import SaleService
from pos_app.services.till import Till
from pos_app.ui.i18n import money
from pos_app.ui.shop_dialogs import ShopDialog, big_font, ok_cancel, touch_button
from sync import protocol as p

if TYPE_CHECKING:  # a type only: widgets never reach the store (the import contracts)
    from pos_app.store.members import Member


def _short(text: str, room: int = 40) -> str:
    return text if len(text) <= room else text[: room - 1] + "…"


def _member_line(member: Member) -> str:
    hint = f" · ···{member.phone_hint}" if member.phone_hint else ""
    return f"{member.name} · {member.card} · {member.tier_name}{hint} · {member.points} pts"


class _SalesDialog(ShopDialog):
    """A dialog that shows the sale service's messages in its `status` label while it is open."""

    sales: SaleService
    status: QLabel

    def listen(self) -> None:
        self.sales.message.connect(self._message)

    def done(self, result: int) -> None:
        self.sales.message.disconnect(self._message)
        super().done(result)

    def _message(self, text: str, level: str) -> None:
        self.status.setText(text)
        self.status.setProperty("level", level)


class CustomerDialog(_SalesDialog):
    """Find the member for this sale, or enrol a new one."""

    def __init__(self, sales: SaleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sales = sales
        self.chosen: Member | None = None
        self.cleared = False
        self.wants_enrolment = False
        self.found: list[Member] = []
        self.setWindowTitle(self.tr("Customer"))
        self.setObjectName("customerDialog")
        self.resize(640, 520)
        self.query = QLineEdit()
        self.query.setObjectName("customerQuery")
        self.query.setFont(big_font())
        self.query.setPlaceholderText(self.tr("Card, phone, e-mail or name"))
        self.query.returnPressed.connect(self.search)
        self.results = QListWidget()
        self.results.setObjectName("customerResults")
        self.results.itemActivated.connect(lambda _item: self.choose())
        self.status = QLabel()
        self.status.setObjectName("dialogError")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(touch_button(self.tr("New member (Ctrl+N)"), self.enrol_new))
        layout.addWidget(touch_button(self.tr("No member for this sale (Ctrl+Del)"), self.clear_member))
        layout.addWidget(ok_cancel(self, self.tr("Choose (Enter)"), self.choose))
        self.listen()
        self.query.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() == Qt.Key.Key_N:
            self.enrol_new()
            return
        if ctrl and event.key() == Qt.Key.Key_Delete:
            self.clear_member()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.hasFocus():
            self.choose()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.query.hasFocus() and self.found:
            self.results.setFocus()
            self.results.setCurrentRow(0)
            return
        super().keyPressEvent(event)

    def search(self) -> None:
        """Enter in the query: one exact match (card, phone, e-mail) is chosen at once."""
        text = self.query.text().strip()
        if not text:
            return
        self.status.clear()
        self.found = self.sales.customers.find_members(text)
        self.results.clear()
        for member in self.found:
            self.results.addItem(QListWidgetItem(_member_line(member)))
        if self.found:
            self.results.setCurrentRow(0)
        if len(self.found) == 1 and any(c.isdigit() or c == "@" for c in text):
            self.choose()

    def choose(self) -> None:
        row = self.results.currentRow()
        if not 0 <= row < len(self.found):
            self.search()
            return
        self.chosen = self.found[row]
        self.accept()

    def enrol_new(self) -> None:
        self.wants_enrolment = True
        self.accept()

    def clear_member(self) -> None:
        self.cleared = True
        self.accept()


class EnrolDialog(_SalesDialog):
    """Enrol the customer: name, phone or e-mail, and an explicit answer about offers."""

    def __init__(self, sales: SaleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sales = sales
        self.member: Member | None = None
        self.setWindowTitle(self.tr("New member"))
        self.setObjectName("enrolDialog")
        self.name = QLineEdit()
        self.name.setObjectName("enrolName")
        self.phone = QLineEdit()
        self.phone.setObjectName("enrolPhone")
        self.email = QLineEdit()
        self.email.setObjectName("enrolEmail")
        for field in (self.name, self.phone, self.email):
            field.setFont(big_font(18))
            field.setMinimumHeight(48)
            field.returnPressed.connect(self.save)
        self.consent = QCheckBox(self.tr("The customer agrees to receive offers (ask; never tick it for them)"))
        self.consent.setObjectName("enrolConsent")
        self.consent.setMinimumHeight(48)
        self.status = QLabel()
        self.status.setObjectName("dialogError")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(56)
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        for caption, field in (
            (self.tr("Name and surname"), self.name),
            (self.tr("Mobile phone"), self.phone),
            (self.tr("E-mail"), self.email),
        ):
            layout.addWidget(QLabel(caption))
            layout.addWidget(field)
        layout.addWidget(QLabel(self.tr("A phone or an e-mail is needed; nothing else is asked.")))
        layout.addWidget(self.consent)
        layout.addWidget(self.status)
        layout.addWidget(ok_cancel(self, self.tr("Enrol (Enter)"), self.save))
        self.listen()
        self.name.setFocus()

    def save(self) -> None:
        self.member = self.sales.customers.enrol(
            self.name.text(), self.phone.text(), self.email.text(), self.consent.isChecked()
        )
        if self.member is not None:
            self.accept()


class CustomerPanel(QFrame):
    """The identified member on the sale screen (hidden when the sale has none)."""

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.sales = till.sales
        self.setObjectName("customerPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("customerName")
        self.title.setFont(big_font(16, bold=True))
        self.title.setWordWrap(True)
        self.points = QLabel()
        self.points.setObjectName("customerPoints")
        self.points.setWordWrap(True)
        self.offers = QLabel()
        self.offers.setObjectName("customerOffers")
        self.offers.setWordWrap(True)
        self.history = QLabel()
        self.history.setObjectName("customerHistory")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.suggested = QLabel()
        self.suggested.setObjectName("customerSuggestions")
        self.suggested.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        for widget in (self.title, self.points, self.offers, self.history, self.suggested):
            # One short line per fact, never wrapped: a wrapped label squeezed by the totals
            # under it overlaps its neighbours.
            widget.setWordWrap(False)
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
            layout.addWidget(widget)
        self.member: Member | None = None
        self._asked = 0
        self.sales.customer_changed.connect(self.show_member)
        self.sales.cart_changed.connect(self._refresh_points)
        self.show_member(self.sales.customer)

    def show_member(self, member: Member | None) -> None:
        self.member = member
        self._asked += 1
        if member is None:
            self.hide()
            return
        self.title.setText(f"{_short(member.name, 30)}\n{member.card} · {member.tier_name or self.tr('no tier')}")
        self._refresh_points()
        offers = self.sales.customers.member_offers()
        lines = [self.tr("Offers for this member:")] + [f"· {_short(name)}" for name in offers]
        self.offers.setText("\n".join(lines) if offers else "")
        self._show_history(self.sales.customers.purchases_here(member.card), online=False)
        self.show()
        asked = self._asked
        task = self.till.tasks.spawn(self.till.member_history(member.card))
        task.add_done_callback(lambda t: self._history_arrived(asked, t.result() if not t.cancelled() else None))

    def _refresh_points(self) -> None:
        member = self.member
        if member is None:
            return
        current = self.sales.customers.member_now(member)
        text = self.tr("{} points").format(current.points) + "\n"
        text += self.tr("may spend here now: {} ({})").format(
            current.redeemable, money(current.redeemable * p.CENTS_PER_POINT)
        )
        if current.pending_earned or current.pending_spent:
            text += "\n" + self.tr("not yet confirmed by HQ: +{} −{}").format(
                current.pending_earned, current.pending_spent
            )
        self.points.setText(text)

    def _history_arrived(self, asked: int, purchases: list[p.Purchase] | None) -> None:
        if asked != self._asked or purchases is None or self.member is None:
            return  # another member since, or the server could not be asked: keep this till's own
        self._show_history(purchases, online=True)

    def _show_history(self, purchases: list[p.Purchase], online: bool) -> None:
        caption = (
            self.tr("Recent purchases, every channel:")
            if online
            else self.tr("Recent purchases at this till (offline):")
        )
        rows = [
            f"{x.created_at.astimezone().strftime('%d/%m/%y')} · {self._channel(x.channel)} · {money(x.total)}"
            + (f" · {_short(x.items[0], 18)}" if x.items else "")
            for x in purchases[:3]
        ]
        self.history.setText(caption + "\n" + ("\n".join(rows) if rows else self.tr("none yet")))
        ideas = self.sales.customers.suggestions([sku for x in purchases for sku in x.sku_ids])
        lines = [self.tr("You could suggest:")] + [f"· {_short(name)}" for name in ideas]
        self.suggested.setText("\n".join(lines) if ideas else "")

    def _channel(self, channel: str) -> str:
        return self.tr("web") if channel == "web" else self.tr("store")
