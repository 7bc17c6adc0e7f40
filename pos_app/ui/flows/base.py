"""What every flow of the sale screen shares: the till's services, and the window's one helper
that runs a dialog and reacts when it ends.

A flow knows the window only as a `Shell` (below), not as the SaleWindow class: the window
builds the flows, the flows never reach back into its other parts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from pos_app.services.changes import Changes
from pos_app.services.till import Till
from pos_app.ui.sale_page import SalePage
from sync.rules.staff import StaffMember


class Shell(Protocol):
    """What the sale screen's window offers its flows (ui/main_window.py)."""

    till: Till
    dialog: QDialog | None  # the dialog open now, if any
    page: SalePage

    def host(self) -> QWidget:
        """The window itself, as a widget: the parent of the flows' dialogs."""
        ...

    def run_dialog(self, dialog: QDialog, on_end: Callable[[bool], object] | None = None, later: bool = False) -> None:
        """`dialog` as the window's one dialog; `on_end(accepted)` once it has ended; `later`:
        opened once the dialog now closing is gone."""
        ...

    def approved(self, needed: bool, permission: str, what: str, then: Callable[[StaffMember | None], object]) -> None:
        """`then` at once, or after a manager's PIN when the cashier may not do it alone."""
        ...

    def ask(self, title: str, question: str, on_yes: Callable[[], object]) -> None: ...

    def show_message(self, text: str, level: str = "info") -> None: ...

    def scan_code(self, text: str) -> None: ...

    def pay(self) -> None:
        """Start the payment of the cart (a pickup's hand-over paid here)."""
        ...


class Flow(QObject):
    def __init__(self, window: Shell) -> None:
        super().__init__()
        self.window = window
        self.host = window.host()
        self.till = window.till
        self.sales = window.till.sales
        self.session = window.till.session
        self.shifts = window.till.shifts

    def run(self, dialog: QDialog, on_end: Callable[[bool], object] | None = None, later: bool = False) -> None:
        self.window.run_dialog(dialog, on_end, later)

    def approved(self, needed: bool, permission: str, what: str, then: Callable[[StaffMember | None], object]) -> None:
        self.window.approved(needed, permission, what, then)

    def redrawn_on(self, dialog: QDialog, entities: set[str], redraw: Callable[[], object]) -> None:
        """While `dialog` is open, `redraw` runs when a pull changes any of `entities` (an order HQ
        placed shows in the pickup queue without closing and opening it again). What the dialog
        itself did it has redrawn already (Changes.here)."""

        def changed(changes: Changes) -> None:
            if not changes.here and changes & entities:
                redraw()

        self.till.changed.connect(changed)
        dialog.finished.connect(lambda _result: self.till.changed.disconnect(changed))

    def say(self, text: str, level: str = "info") -> None:
        self.window.show_message(text, level)
