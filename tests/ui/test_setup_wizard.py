"""First start of a till that is not set up: the wizard, a mistyped code, the right one, and
the sale screen of the store it was enrolled in (a real server on loopback)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from pos_app.app import LaunchOptions, TillSession, set_up_first
from pos_app.provisioning import is_enrolled
from pos_app.qt_loop import QtLoop
from pos_app.ui.setup import SetupWizard
from tests.ui.conftest import screenshot


async def until(condition, timeout: float = 30.0) -> None:
    """qtbot.waitUntil for code running on the qasync loop (a nested Qt loop would stall it)."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def the_wizard(qapp) -> SetupWizard:
    return next(w for w in qapp.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible())


def test_the_wizard_sets_a_fresh_till_up_and_the_till_opens_on_its_store(qtbot, qapp, tmp_path, live_server, central):
    folder = tmp_path / "till"
    options = LaunchOptions(data_dir=folder, language="en")
    _, code = central.create_till("MAD1", "T5", "Caja 5")
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)

    async def scenario() -> None:
        setting_up = asyncio.ensure_future(set_up_first(qapp, options))
        await until(lambda: any(isinstance(w, SetupWizard) and w.isVisible() for w in qapp.topLevelWidgets()))
        wizard = the_wizard(qapp)
        # "Set up" with no address: said, not tried.
        wizard.go.click()
        await until(lambda: "Not set up" in wizard.status.text())
        assert "server's address" in wizard.status.text()
        qtbot.keyClicks(wizard.server, live_server.url)
        qtbot.keyClicks(wizard.code, "wxyz-2345")  # a mistyped code (typed in lower case: shown in capitals)
        assert wizard.code.text() == "WXYZ-2345"
        qtbot.keyClick(wizard.code, Qt.Key.Key_Return)
        await until(lambda: "Not set up" in wizard.status.text() and wizard.go.isEnabled())
        assert "enrolment refused" in wizard.status.text()
        assert wizard.server.text() == live_server.url  # what was typed stays, to correct
        screenshot(wizard, "setup_wrong_code", tmp_path)
        assert not is_enrolled(folder)
        wizard.code.clear()
        qtbot.keyClicks(wizard.code, code)
        qtbot.keyClick(wizard.code, Qt.Key.Key_Return)
        assert await asyncio.wait_for(setting_up, timeout=60)
        assert not any(isinstance(w, SetupWizard) and w.isVisible() for w in qapp.topLevelWidgets())
        assert is_enrolled(folder)
        session = TillSession(options)
        qtbot.addWidget(session.window)
        try:
            session.window.show()
            assert session.till.is_ready  # the catalog was loaded by the wizard
            assert "Madrid Centro" in session.window.place.text()
            assert session.till.replica.item_by_barcode("8400000000017") is not None
        finally:
            await session.aclose()
            session.window.close()

    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def test_quitting_the_wizard_starts_nothing(qtbot, qapp, tmp_path):
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)
    options = LaunchOptions(data_dir=tmp_path / "till", language="es")

    async def scenario() -> None:
        setting_up = asyncio.ensure_future(set_up_first(qapp, options))
        await until(lambda: any(isinstance(w, SetupWizard) and w.isVisible() for w in qapp.topLevelWidgets()))
        wizard = the_wizard(qapp)
        assert wizard.windowTitle() == "Omni POS: configurar esta caja"  # in the shop's language
        screenshot(wizard, "setup_es", tmp_path)
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
        assert await asyncio.wait_for(setting_up, timeout=10) is False

    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()
        asyncio.set_event_loop(None)
