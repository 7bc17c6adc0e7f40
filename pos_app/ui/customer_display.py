"""What the customer sees, on a second screen facing them: the lines as they are scanned (the
last ones, newest at the bottom), each discount, the total, what has been paid and what is left,
the change, and the member's name and points once identified. It only listens to the sale (the
service's signals); it never changes it.

Shown full-screen on the till's second screen when there is one (`pos-app --customer-display`,
or `customer_display` in settings.json); with one screen, as a window of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.domain.payment import Payment
from pos_app.domain.receipt import Receipt
from pos_app.services.selling import SaleService
from pos_app.ui.i18n import money

LINES_SHOWN = 8


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


class CustomerDisplay(QWidget):
    def __init__(self, sales: SaleService, store_name: str = "") -> None:
        super().__init__()
        self.sales = sales
        self.setObjectName("customerDisplay")
        self.setWindowTitle(self.tr("Customer display"))
        self.welcome = QLabel(self.tr("Welcome to {}").format(store_name) if store_name else self.tr("Welcome"))
        self.welcome.setObjectName("displayWelcome")
        self.welcome.setFont(_font(22, True))
        self.lines = QLabel()
        self.lines.setObjectName("displayLines")
        self.lines.setFont(_font(18))
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.member = QLabel()
        self.member.setObjectName("displayMember")
        self.member.setFont(_font(18))
        self.total = QLabel()
        self.total.setObjectName("displayTotal")
        self.total.setFont(_font(40, True))
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.paid = QLabel()
        self.paid.setObjectName("displayPaid")
        self.paid.setFont(_font(24, True))
        self.paid.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(self.welcome)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.member)
        layout.addWidget(self.total)
        layout.addWidget(self.paid)
        sales.cart_changed.connect(self._cart)
        sales.payment_changed.connect(self._payment)
        sales.sale_completed.connect(self._completed)
        sales.customer_changed.connect(self._member)
        self._thanked = False  # the change and thanks stay up until the next scan
        self._cart()
        self._member(sales.customer)

    def disconnect_sale(self) -> None:
        for signal, slot in (
            (self.sales.cart_changed, self._cart),
            (self.sales.payment_changed, self._payment),
            (self.sales.sale_completed, self._completed),
            (self.sales.customer_changed, self._member),
        ):
            signal.disconnect(slot)

    def _cart(self) -> None:
        cart = self.sales.cart
        if not cart.lines and self._thanked:
            return
        self._thanked = False
        rows: list[str] = []
        for line in cart.lines:
            quantity = f"{line.quantity} x " if line.quantity != 1 else ""
            rows.append(f"{quantity}{line.item.name[:34]}  {money(line.gross)}")
            rows += [f"    {d.name[:30]}  {money(-d.amount)}" for d in line.discounts if d.amount]
        self.lines.setText("\n".join(rows[-LINES_SHOWN:]))
        self.total.setText(self.tr("Total: {}").format(money(cart.total)) if cart.lines else "")
        if not cart.lines or self.sales.payment is None:
            self.paid.clear()

    def _payment(self, payment: Payment | None) -> None:
        if payment is None or not payment.tenders:
            self.paid.clear()
            return
        self.paid.setText(
            self.tr("Paid {paid} · to pay {left}").format(paid=money(payment.paid), left=money(payment.remaining))
        )

    def _completed(self, receipt: Receipt) -> None:
        change = receipt.change
        self._thanked = True
        self.total.setText(self.tr("Total: {}").format(money(receipt.total)))
        self.paid.setText(
            self.tr("Change: {}  ·  Thank you!").format(money(change)) if change else self.tr("Thank you!")
        )

    def _member(self, member: object) -> None:
        name = getattr(member, "name", "")
        points = getattr(member, "points", None)
        self.member.setText(
            self.tr("Hello {name} · {points} points").format(name=name.split()[0], points=points) if name else ""
        )
