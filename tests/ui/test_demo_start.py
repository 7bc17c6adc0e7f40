"""`pos-app --demo` as a whole: the screen shows at once, then the demo server starts, the till
enrols, loads the catalog, and a sale made on it reaches the server."""

from __future__ import annotations

import asyncio

import sqlalchemy as sa

from pos_app.app import LaunchOptions, TillSession
from pos_app.qt_loop import QtLoop
from pos_app.ui.dialogs import ReceiptDialog
from sync.server import schema as t
from sync.server.store import CentralStore
from tests.ui.conftest import screenshot


async def until(condition, timeout: float = 10.0) -> None:
    """qtbot.waitUntil for code running on the qasync loop (a nested Qt loop would stall it)."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def test_demo_starts_enrols_loads_and_syncs_a_sale(qtbot, qapp, tmp_path):
    options = LaunchOptions(data_dir=tmp_path / "demo", demo=True, demo_skus=300, sync_interval=0.5)
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)

    async def scenario() -> None:
        session = TillSession(options)
        qtbot.addWidget(session.window)
        session.window.show()
        # Shown before any network work, in the shop's language (Spanish by default).
        assert "Caja sin configurar" in session.window.place.text()
        try:
            await asyncio.wait_for(session.connect(), timeout=60)
            ready = asyncio.Event()
            session.till.sync_status_changed.connect(lambda s: ready.set() if s.cursor is not None else None)
            if not session.till.is_ready:
                await asyncio.wait_for(ready.wait(), timeout=60)
            assert "Madrid Centro" in session.window.place.text()
            till = session.till
            ana = next(staff_id for staff_id, name, _role in till.session.members() if name == "Ana")
            till.session.sign_in(ana, "1234")  # the demo's cashier (PIN shown on the sign-in page)
            assert till.shifts.open(5_000) is not None
            sales = till.sales
            assert sales.scan("8400000000017")
            assert sales.checkout.pay_cash() is not None
            await until(lambda: isinstance(session.window.dialog, ReceiptDialog))
            session.window.dialog.accept()
            sent = asyncio.Event()
            session.till.sync_status_changed.connect(lambda s: sent.set() if s.pending == 0 and s.online else None)
            await asyncio.wait_for(sent.wait(), timeout=60)
            assert "Conectado" in session.window.sync_badge.text()
            screenshot(session.window, "demo_online", tmp_path)
        finally:
            await session.aclose()
        server = CentralStore.open(f"sqlite:///{options.data_dir / 'server' / 'server.sqlite'}")
        with server.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(t.sales)).scalar_one() == 1
        server.dispose()
        session.window.close()

    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()
        asyncio.set_event_loop(None)
