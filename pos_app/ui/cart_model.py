"""The cart as a Qt table model: the view redraws from the service's cart on each change."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from pos_app.services.selling import SaleService
from pos_app.ui.i18n import money

Index = QModelIndex | QPersistentModelIndex


class CartModel(QAbstractTableModel):
    COLUMNS = 6

    def __init__(self, sales: SaleService) -> None:
        super().__init__()
        self.sales = sales
        sales.cart_changed.connect(self._reset)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's names
        return 0 if parent.isValid() else len(self.sales.cart.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ("#", self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Discount"), self.tr("Total"))[
                section
            ]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self.sales.cart.lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 1:
                names = "".join(f"\n   ↳ {d.name}" for d in line.discounts if not d.basket)
                return line.item.name + names
            return (
                str(index.row() + 1),
                "",
                str(line.quantity),
                money(line.item.unit_price),
                money(-line.discount) if line.discount else "",
                money(line.total),
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 4 and line.discount:
            return QColor("#2e7d32")
        if role == Qt.ItemDataRole.TextAlignmentRole and col != 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.item.sku_code}  {line.item.barcode}"
        return None
