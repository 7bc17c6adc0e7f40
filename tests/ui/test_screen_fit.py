"""The till fits the screens shops have: at 1024×768 and 1366×768, in Spanish and English, the
sale screen's buttons, total and message line all lie inside the screen, before and after a
member is identified; screenshots go to $POS_SCREENSHOTS to be looked at."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QLabel

from pos_app.qt_loop import QtLoop
from pos_app.ui.i18n import set_language
from tests.ui.conftest import screenshot
from tests.ui.test_sale_screen import open_window, scan

SCREENS = [(1024, 768), (1366, 768)]


def outside(window, screen: QRect) -> list[str]:
    """Visible buttons and labels of the window not wholly inside the screen's area."""
    problems = []
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not widget.isVisible() or widget.width() == 0:
            continue
        # What is drawn of it (a label scrolled out of a scroll area's view is not on the screen).
        drawn = widget.visibleRegion().boundingRect()
        if drawn.isEmpty():
            continue
        rect = drawn.translated(widget.mapTo(window, QPoint(0, 0)))
        if isinstance(widget, QAbstractButton) and drawn.size() != widget.size():
            problems.append(f"button {widget.text()[:30]!r} is cut off: {drawn.getRect()} of {widget.size().toTuple()}")
        if not QRect(QPoint(0, 0), screen.size()).contains(rect):
            problems.append(
                f"{type(widget).__name__} {widget.objectName() or widget.text()[:30]!r} at {rect.getRect()}"
            )
    return problems


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("size", SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
def test_the_sale_screen_fits(qtbot, qapp, till, tmp_path, language, size):
    set_language(language)
    window = open_window(qtbot, till)
    width, height = size
    window.resize(width, height)
    scan(qtbot, window, "8400000000017")
    scan(qtbot, window, "8400000000031")
    screen = QRect(0, 0, width, height)
    loop = QtLoop(qapp)  # the member's history is asked of HQ in the background
    asyncio.set_event_loop(loop)

    async def identify(member) -> None:
        till.sales.set_customer(member)
        await asyncio.sleep(0)

    # The longest sync badge a till shows: online, things waiting, some refused, the last sync.
    from datetime import UTC, datetime

    from sync.client.engine import SyncStatus

    window.show_sync_status(SyncStatus(online=True, pending=1234, rejected=12, last_success=datetime.now(UTC)))
    for step in ("sale", "member"):
        if step == "member":  # a member identified: the panel with name, tier and points shows
            member = till.replica.conn.execute("SELECT card FROM customers LIMIT 1").fetchone()
            assert member is not None
            loop.run_until_complete(identify(till.replica.members.member(member[0])))
            qtbot.waitUntil(lambda: window.customer_panel.isVisible())
        hint = window.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, f"{step}: the window needs {hint.toTuple()}"
        window.resize(width, height)
        qtbot.waitUntil(lambda: window.size().toTuple() == (width, height))
        assert outside(window, screen) == [], step
        screenshot(window, f"{step}_{language}_{width}x{height}", tmp_path)
    till.sales.clear()
    window.close()
    loop.close()
    asyncio.set_event_loop(None)


def test_amounts_are_large_at_arms_length(qtbot, till):
    """The stylesheet sizes text by role: the amount due and the change read from a step back
    (a global font-size rule used to shrink them to body text)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.dialogs import ReceiptDialog
    from pos_app.ui.shop_dialogs import PaymentDialog

    window = open_window(qtbot, till)
    scan(qtbot, window, "8400000000017")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    pay = window.dialog
    assert isinstance(pay, PaymentDialog)
    body = QApplication.font().pointSize()  # 13: the base size
    assert pay.due_label.fontInfo().pointSize() >= 2 * body
    qtbot.keyClicks(pay.amount, "50")
    qtbot.keyClick(pay.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.dialog, ReceiptDialog))
    change = window.dialog.findChild(QLabel, "receiptChange")
    assert change.text() and change.fontInfo().pointSize() >= 2 * body
    window.dialog.accept()


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_shift_close_fits_the_smallest_screen(qtbot, till, tmp_path, language):
    """The close (count, then the Z report with a difference and its reason) and the printed Z
    fit 1024×768 with their buttons on screen: the report scrolls inside (both were taller than
    768 px, their buttons below the screen's edge)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.shop_dialogs import CloseShiftDialog, ZReportDialog

    set_language(language)
    window = open_window(qtbot, till)
    width, height = 1024, 768 - 40  # less a panel or title bar
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    closing = window.dialog
    assert isinstance(closing, CloseShiftDialog)
    for step in ("count", "report"):
        if step == "report":  # counted 12,34 €: a difference, so the reason field shows too
            qtbot.keyClicks(closing.amount, "12,34")
            qtbot.keyClick(closing.amount, Qt.Key.Key_Return)
            # one Enter, one step: the report is shown, not also confirmed (no "say why" yet)
            assert closing.pages.currentIndex() == 1 and closing.reason.isVisible() and closing.error.text() == ""
        assert closing.height() < closing.screen().availableGeometry().height()  # as it opens
        hint = closing.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, f"{step}: the dialog needs {hint.toTuple()}"
        closing.resize(min(closing.width(), width), min(closing.height(), height))
        assert outside(closing, QRect(0, 0, width, height)) == [], step
        screenshot(closing, f"close_{step}_{language}", tmp_path)
    z = till.shifts.preview(1234)
    closing.reject()
    assert z is not None
    report = ZReportDialog(z, window)
    qtbot.addWidget(report)
    report.show()
    hint = report.minimumSizeHint()
    assert hint.height() <= height and report.height() < report.screen().availableGeometry().height()
    report.resize(min(report.width(), width), min(report.height(), height))
    assert outside(report, QRect(0, 0, width, height)) == []
    report.close()
    window.close()


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_favourites_grid_and_the_weighing_windows_fit_the_smallest_screen(qtbot, till, tmp_path, language):
    """A full grid (48 keys, the longest labels HQ may give) and the weighing windows fit
    1024×768, every button on the screen."""
    from pos_app.domain.cart import PricedItem
    from pos_app.services.scale import ToledoContinuousScale
    from pos_app.ui.quick_keys import QuickKeysDialog
    from pos_app.ui.weighing import TypedWeightDialog, WeighDialog

    set_language(language)
    width, height = 1024, 768 - 40
    apples = PricedItem(1, "W0001", "Queso manchego curado de oveja, pieza", 1995, 1000, unit="kg")
    keys = [(n, apples, label) for n, label in enumerate(["W" * 24, "Queso manchego curado", "Pan"] * 16, 1)]
    for name, dialog in (
        ("favourites", QuickKeysDialog(keys)),
        ("weigh", WeighDialog(ToledoContinuousScale("socket://127.0.0.1:9"), apples, till.tasks)),
        ("typed_weight", TypedWeightDialog(apples)),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        hint = dialog.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, f"{name}: the dialog needs {hint.toTuple()}"
        dialog.resize(min(dialog.width(), width), min(dialog.height(), height))
        assert outside(dialog, QRect(0, 0, width, height)) == [], name
        clipped = [b.text() for b in dialog.findChildren(QAbstractButton) if b.sizeHint().width() > b.width()]
        assert clipped == [], f"{name}: text wider than its button"
        screenshot(dialog, f"{name}_{language}", tmp_path)
        dialog.close()


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_stores_windows_fit_the_smallest_screen(qtbot, till, tmp_path, language):
    """The pickup desk (with its orders and a reservation's deadline), the stock view, transfers,
    the count and the customer window fit 1024×768: nothing is laid out past the screen's edge."""
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.customer import CustomerDialog, EnrolDialog
    from pos_app.ui.pickup import PickupDialog
    from pos_app.ui.stock import CountDialog, StockDialog, TransfersDialog

    set_language(language)
    till.session.sign_in(next(sid for sid, name, _ in till.session.members() if name == "Luis"), "9999")
    width, height = 1024, 768 - 40
    for name, make in (
        ("pickup", lambda: PickupDialog(till.pickup)),
        ("stock", lambda: StockDialog(till.stock, None)),
        ("transfers", lambda: TransfersDialog(till.stock)),
        ("count", lambda: CountDialog(till.stock)),
        ("customer", lambda: CustomerDialog(till.sales)),
        ("enrol", lambda: EnrolDialog(till.sales)),
    ):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        hint = dialog.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, f"{name}: the window needs {hint.toTuple()}"
        screenshot(dialog, f"{name}_{language}", tmp_path)
        dialog.close()
