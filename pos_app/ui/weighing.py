"""Weighing at the till: an item sold by the kilogram without a scale's label (loose fruit,
cheese by the cut) is put on the counter scale, whose stable weight the till reads
(services/scale.py); without a scale, or with one that fails, a manager types the weight."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_app.domain.cart import PricedItem, parse_weight
from pos_app.services.explain import explain
from pos_app.services.scale import Reading, Scale, ScaleError, scale_error
from pos_app.services.tasks import TaskRunner
from pos_app.ui.i18n import money
from pos_app.ui.shop_dialogs import ShopDialog, big_font, touch_button
from sync.rules.errors import ShopError

WEIGHING_TIMEOUT = 60.0  # seconds to wait for a stable weight (the live reading says why meanwhile)


def kilograms(grams: int) -> str:
    return f"{grams / 1000:.3f}".replace(".", ",") + " kg"


class WeighDialog(ShopDialog):
    """The item on the scale: the live weight and why it cannot be taken yet ("nothing on the
    scale", "keep it still"), taken as soon as the scale says it is stable and positive. After a
    minute without one, or a scale that stops answering, Enter weighs again; "Type the weight"
    asks a manager instead (`typed` is then True); Esc goes back."""

    def __init__(self, scale: Scale, item: PricedItem, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.tasks = tasks
        self.grams: int | None = None
        self.typed = False
        self._task: asyncio.Task[None] | None = None
        self.setObjectName("weighDialog")
        self.setWindowTitle(self.tr("Weigh"))
        title = QLabel(f"{item.name} · {money(item.unit_price)}/kg")
        title.setWordWrap(True)
        self.weight = QLabel(kilograms(0))
        self.weight.setObjectName("liveWeight")
        self.weight.setFont(big_font(30, bold=True))
        self.weight.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel(self.tr("Put the item on the scale"))
        self.status.setObjectName("weighStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(touch_button(self.tr("Back (Esc)"), self.reject))
        buttons.addWidget(touch_button(self.tr("Type the weight (manager)"), self._type_instead))
        again = touch_button(self.tr("Weigh again (Enter)"), self.weigh, "payButton")
        again.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keyboard's place in the dialog
        buttons.addWidget(again)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.weight)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        again.setFocus()
        self.finished.connect(lambda _r: self._stop())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.weigh()
            event.accept()
            return
        super().keyPressEvent(event)

    def say(self, text: str, level: str = "info") -> None:
        """The weighing's state: guidance while it waits (neutral), a failure in red."""
        self.status.setText(text)
        self.status.setProperty("level", level)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def weigh(self) -> None:
        if self._task is not None and not self._task.done():
            return  # already weighing
        self.say(self.tr("Weighing…"))
        self._task = self.tasks.spawn(self._weigh())

    async def _weigh(self) -> None:
        try:
            reading = await self.scale.weigh(WEIGHING_TIMEOUT, self._show)
        except ScaleError as exc:
            self.say(explain(exc) + " · " + self.tr("Enter: weigh again"), "error")
            return
        self.grams = reading.grams
        self.weight.setText(kilograms(reading.grams))
        self.accept()

    def _show(self, reading: Reading) -> None:
        """Each reading as it comes: the weight, and why it cannot be taken yet."""
        if self.isVisible():
            self.weight.setText(("−" if reading.negative else "") + kilograms(reading.grams))
            problem = reading.problem
            self.say(explain(scale_error(problem)) if problem else self.tr("Weighing…"))

    def _type_instead(self) -> None:
        self.typed = True
        self.reject()

    def _stop(self) -> None:
        if self._task is not None:
            self._task.cancel()


class TypedWeightDialog(ShopDialog):
    """A weight typed in kilograms (a manager's, when no scale can weigh the item)."""

    def __init__(self, item: PricedItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grams: int | None = None
        self.setObjectName("typedWeightDialog")
        self.setWindowTitle(self.tr("Type the weight"))
        title = QLabel(f"{item.name} · {money(item.unit_price)}/kg\n" + self.tr("Weight in kilograms, e.g. 0,350"))
        title.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("typedWeight")
        self.field.setFont(big_font())
        self.field.returnPressed.connect(self._take)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(touch_button(self.tr("Back (Esc)"), self.reject))
        buttons.addWidget(touch_button(self.tr("Add (Enter)"), self._take, "payButton"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.field.setFocus()

    def _take(self) -> None:
        try:
            self.grams = parse_weight(self.field.text())
        except ShopError as exc:
            self.error.setText(explain(exc))
            return
        self.accept()
