"""The favourites grid (Ctrl+F): the store's quick keys as HQ set them (`pos-server
set-quick-keys`), for items without a barcode to scan — loose fruit, cheese by the cut, bread.
Large buttons in HQ's positions (eight to a row), by touch or by keyboard (arrows, Enter); an
item sold by the kilogram goes on to the scale (ui/weighing.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from pos_app.domain.cart import PricedItem
from pos_app.ui.i18n import money
from pos_app.ui.shop_dialogs import KeyGridDialog, touch_button

COLUMNS = 8  # HQ's position 9 starts the second row
KEY_WIDTH = 116  # eight keys and their gaps fit a 1024-pixel screen


def key_text(label: str, price: str, metrics: QFontMetrics, room: int) -> str:
    """HQ's label (up to 24 characters) on at most two lines that fit the key, cut with "…"
    where a word is longer than a line, and the price under it."""
    lines: list[str] = []
    for word in label.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    fitted = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in lines]
    return "\n".join([*fitted, price])


class QuickKeysDialog(KeyGridDialog):
    def __init__(self, keys: list[tuple[int, PricedItem, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickKeysDialog")
        self.setWindowTitle(self.tr("Favourites"))
        grid = QGridLayout()
        for position, item, label in keys:
            price = money(item.unit_price) + ("/kg" if item.unit == "kg" else "")
            place = divmod(position - 1, COLUMNS)
            button = self.key_button("", item.sku_id, place)
            button.setObjectName("quickKey")
            button.setText(key_text(label, price, button.fontMetrics(), KEY_WIDTH - 12))
            button.setToolTip(item.name)
            button.setFixedWidth(KEY_WIDTH)
            button.setMinimumHeight(84)
            grid.addWidget(button, *place)
        layout = QVBoxLayout(self)
        if not keys:
            layout.addWidget(QLabel(self.tr("This store has no favourites yet: HQ sets them")))
        layout.addLayout(grid)
        hint = QLabel(self.tr("Touch one, or the arrows and Enter · Esc to go back"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        back = touch_button(self.tr("Back (Esc)"), self.reject)
        layout.addWidget(back)
        if self.cells:
            self.cells[min(self.cells)].setFocus()
