"""What every part of the sale in progress is: a concern of that one sale, sharing its cart,
payment, customer and signals (SaleService composes them; they hold it weakly, so a sale and
its parts are freed together by reference counting, never by the cycle collector, which may run
on any thread and must not be the one to delete a QObject)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from pos_app.services.selling.sale import SaleService


class SalePart:
    def __init__(self, sale: SaleService) -> None:
        self._sale = weakref.ref(sale)

    @property
    def sale(self) -> SaleService:
        sale = self._sale()
        if sale is None:
            raise RuntimeError("the sale this part belongs to is gone")
        return sale

    def tr(self, text: str) -> str:
        """The screen's language, in the part's own context (as QObject.tr; pyside6-lupdate
        collects these texts under the class's name)."""
        return QCoreApplication.translate(type(self).__name__, text)
