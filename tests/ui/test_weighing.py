"""Loose fruit at the counter: an item sold by the kilogram without a label is weighed on the
till's scale (the scale simulator over a real socket, Mettler-Toledo continuous output) and
priced for its stable weight; without a scale a manager types the weight, and that is logged."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.qt_loop import QtLoop
from pos_app.scale_simulator import ScaleSimulator
from pos_app.services.scale import ToledoContinuousScale
from pos_app.services.till import Till
from pos_app.ui.dialogs import SearchDialog
from pos_app.ui.quick_keys import QuickKeysDialog
from pos_app.ui.shop_dialogs import ApprovalDialog
from pos_app.ui.weighing import TypedWeightDialog, WeighDialog
from sync.rules.barcode import make_ean13
from sync.rules.money import round_half_up_div
from tests.ui.conftest import screenshot
from tests.ui.test_full_shift import until
from tests.ui.test_sale_screen import open_window


def keys(qtbot, text: str) -> None:
    """Typed as a keyboard does: into whatever has the focus."""
    qtbot.keyClicks(QApplication.focusWidget(), text)


def key(qtbot, which: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), which)


async def choose_apples(qtbot, window) -> None:
    """F2, the name, Enter: what a cashier does for loose fruit without a label."""
    await until(lambda: QApplication.focusWidget() is window.entry)
    key(qtbot, Qt.Key.Key_F2)
    dialog = window.dialog
    assert isinstance(dialog, SearchDialog)
    await until(lambda: QApplication.focusWidget() is dialog.query)
    keys(qtbot, "manzana golden")
    await until(lambda: dialog.results.count() > 0 and dialog.results.item(0).data(Qt.ItemDataRole.UserRole))
    key(qtbot, Qt.Key.Key_Return)


@pytest.fixture
def scale():
    simulator = ScaleSimulator().start()
    yield simulator
    simulator.stop()


def test_apples_chosen_by_name_are_weighed_on_the_scale_and_priced_for_their_weight(
    qtbot, qapp, ready_till_dir, scale, tmp_path
):
    till = Till(ready_till_dir, scale=ToledoContinuousScale(scale.url))
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)
    window = open_window(qtbot, till)
    apples = till.replica.item_by_barcode(make_ean13("210010100000"))
    assert apples is not None and apples.unit == "kg"

    async def weighing() -> None:
        # Nothing on the scale yet: the dialog says so as the scale reads zero, and waits.
        scale.grams = 0
        await choose_apples(qtbot, window)
        await until(lambda: isinstance(window.dialog, WeighDialog))
        dialog = window.dialog
        await until(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog)
        await until(lambda: "Nothing on the scale" in dialog.status.text())
        screenshot(dialog, "weigh_empty", tmp_path)
        assert till.sales.cart.is_empty
        # The apples go on, swinging before they settle: not taken while the scale says motion.
        scale.grams, scale.moving = 1234, True
        await until(lambda: "keep the item still" in dialog.status.text())
        assert dialog.weight.text() == "1,234 kg" and till.sales.cart.is_empty
        scale.moving = False
        await until(lambda: window.dialog is None and not till.sales.cart.is_empty)
        line = till.sales.cart.lines[-1]
        assert line.weight_g == 1234
        assert line.item.price_per_kg == apples.unit_price
        assert line.total == round_half_up_div(apples.unit_price * 1234, 1000)
        assert line.item.name.endswith("1,234 kg")
        assert QApplication.focusWidget() is window.entry  # the next scan goes where it should
        # The scale stops answering: said, nothing added; back on, Enter weighs again.
        scale.silent = True
        await choose_apples(qtbot, window)
        await until(lambda: isinstance(window.dialog, WeighDialog))
        dialog = window.dialog
        await until(lambda: "does not answer" in dialog.status.text())
        assert len(till.sales.cart.lines) == 1
        scale.silent, scale.grams = False, 500
        key(qtbot, Qt.Key.Key_Return)
        await until(lambda: window.dialog is None and len(till.sales.cart.lines) == 2)
        assert till.sales.cart.lines[-1].weight_g == 500
        # The apples are taken off again; Esc goes back without a line.
        scale.grams = 0
        await choose_apples(qtbot, window)
        await until(lambda: isinstance(window.dialog, WeighDialog))
        await until(
            lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is window.dialog
        )
        await until(lambda: "Nothing on the scale" in window.dialog.status.text())
        key(qtbot, Qt.Key.Key_Escape)
        await until(lambda: window.dialog is None)
        assert len(till.sales.cart.lines) == 2

    try:
        loop.run_until_complete(weighing())
    finally:
        window._quit_confirmed = True  # the sale in progress is dropped, unasked
        window.close()
        loop.run_until_complete(till.aclose())
        loop.close()
        asyncio.set_event_loop(None)


def test_without_a_scale_a_manager_types_the_weight_and_it_is_logged(qtbot, qapp, till, tmp_path):
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)
    window = open_window(qtbot, till)
    assert till.scale is None

    async def typing() -> None:
        await choose_apples(qtbot, window)
        await until(lambda: isinstance(window.dialog, ApprovalDialog))  # Ana is a cashier
        window.dialog.approve_as("Luis", "9999")
        await until(lambda: isinstance(window.dialog, TypedWeightDialog))
        dialog = window.dialog
        await until(lambda: QApplication.focusWidget() is dialog.field)
        keys(qtbot, "0.35x")
        key(qtbot, Qt.Key.Key_Return)
        assert "not a weight" in dialog.error.text() and window.dialog is dialog
        screenshot(dialog, "typed_weight", tmp_path)
        dialog.field.clear()
        keys(qtbot, "0,35")
        key(qtbot, Qt.Key.Key_Return)
        await until(lambda: window.dialog is None)
        line = till.sales.cart.lines[-1]
        assert line.weight_g == 350
        overrides = till.replica.sales.overrides()
        luis = next(staff_id for staff_id, name, _role in till.session.members() if name == "Luis")
        assert [(o[1], o[3]) for o in overrides] == [("weight.typed", luis)]  # what, and who approved
        assert "0,350 kg" in overrides[0][4]

    try:
        loop.run_until_complete(typing())
    finally:
        window._quit_confirmed = True  # the sale in progress is dropped, unasked
        window.close()
        loop.close()
        asyncio.set_event_loop(None)


def test_the_favourites_grid_by_keyboard_from_the_scan_field(qtbot, qapp, till, tmp_path):
    """Ctrl+F from the scan field opens the store's favourites (HQ's grid: the demo's starts
    with apples, cheese, bread); the arrows and Enter take one; loose fruit goes on to weighing."""
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)
    window = open_window(qtbot, till)

    async def favourites() -> None:
        await until(lambda: QApplication.focusWidget() is window.entry)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: isinstance(window.dialog, QuickKeysDialog))
        grid = window.dialog
        assert [grid.cells[(0, c)].text().split("\n")[0] for c in range(3)] == ["Manzanas", "Manchego", "Pan"]
        assert grid.cells[(0, 0)].text().endswith("/kg")
        await until(lambda: QApplication.focusWidget() is grid.cells[(0, 0)])
        screenshot(grid, "favourites", tmp_path)
        key(qtbot, Qt.Key.Key_Right)
        key(qtbot, Qt.Key.Key_Right)
        assert QApplication.focusWidget() is grid.cells[(0, 2)]
        key(qtbot, Qt.Key.Key_Return)
        await until(lambda: window.dialog is None and not till.sales.cart.is_empty)
        assert till.sales.cart.lines[-1].item.sku_code == "S0000075"
        # The apples: no scale on this till, so a manager is asked to type the weight.
        await until(lambda: QApplication.focusWidget() is window.entry)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: isinstance(window.dialog, QuickKeysDialog))
        await until(lambda: QApplication.focusWidget() is window.dialog.cells[(0, 0)])
        key(qtbot, Qt.Key.Key_Return)
        await until(lambda: isinstance(window.dialog, ApprovalDialog))
        window.dialog.reject()
        await until(lambda: window.dialog is None)
        assert len(till.sales.cart.lines) == 1

    try:
        loop.run_until_complete(favourites())
    finally:
        window._quit_confirmed = True
        window.close()
        loop.close()
        asyncio.set_event_loop(None)
