"""The sale screen's page: the scan field, the cart, the buttons under it, the totals column
(the member's panel, TOTAL, VAT, the pay buttons) and the two rows of buttons at the foot. It
draws the cart's state; what the keys and buttons do is the window's and its flows'."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.selling import SaleService
from pos_app.services.till import Till
from pos_app.ui.cart_model import CartModel
from pos_app.ui.customer import CustomerPanel
from pos_app.ui.i18n import money
from pos_app.ui.shop_dialogs import touch_button

Action = tuple[str, Callable[[], object]]  # a button's text (its name over its key) and what it does


def two_lines(text: str) -> str:
    """'Close Z Ctrl+Z' → 'Close Z' over 'Ctrl+Z': a button's action over its key."""
    return "\n".join(text.rsplit(" ", 1))


class SalePage(QWidget):
    def __init__(
        self,
        till: Till,
        line_actions: Sequence[Action],
        sale_actions: Sequence[Action],
        pay: Callable[[], object],
        pay_card: Callable[[], object],
        void: Callable[[], object],
    ) -> None:
        """`line_actions` go under the cart, `sale_actions` in the two rows at the foot (eight to
        a row). The scan field's keys (shortcuts, arrows, +/−) are the window's (its eventFilter)."""
        super().__init__()
        self.setObjectName("salePage")
        self.sales: SaleService = till.sales
        self.entry = QLineEdit()
        self.entry.setObjectName("scanEntry")
        self.entry.setPlaceholderText(self.tr("Scan or type a barcode · 3* then scan for 3 · F2 search by name"))
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
        for text, slot in line_actions:
            line_buttons.addWidget(touch_button(text, slot, "lineButton"))
        sale_buttons = QGridLayout()
        for i, (text, slot) in enumerate(sale_actions):
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
        self.pay_button = touch_button(self.tr("Pay (F5)"), pay, "payButton")
        self.card_button = touch_button(self.tr("All by card (F6)"), pay_card, "payButton")
        void_button = touch_button(self.tr("Void sale (F9)"), void)
        self.customer_panel = CustomerPanel(till)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(body, 1)
        layout.addLayout(sale_buttons)

    # --- the cart's lines ---------------------------------------------------------------------

    def selected_row(self) -> int:
        """The chosen line, else the last one (-1: an empty cart)."""
        rows = self.cart_view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return len(self.sales.cart.lines) - 1

    def select_row(self, row: int) -> None:
        if self.sales.cart.lines:
            self.cart_view.selectRow(max(0, min(row, len(self.sales.cart.lines) - 1)))

    def select_last(self) -> None:
        self.select_row(len(self.sales.cart.lines) - 1)

    def show_customer_panel(self, member: object) -> None:
        self.customer_scroll.setVisible(member is not None)

    def refresh_totals(self) -> None:
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
