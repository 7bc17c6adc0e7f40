"""What goes wrong during a shift, at the service level on a real till database and server
(a card terminal's failures: test_card_terminal.py): a dead printer, a tampered journal, a lockout that survives a
restart, a discount beyond the cashier's limit, cash rounding, and the facts reaching the server."""

from __future__ import annotations

import asyncio
import json

import sqlalchemy as sa

from pos_app.__main__ import verify_journal
from pos_app.domain.cart import ManualDiscount
from pos_app.services.printing import PrintJob, ReceiptPrinter, escpos_bytes
from pos_app.services.selling import SaleService, SaleSettings
from pos_app.services.session import StaffSession
from pos_app.services.terminal import StandaloneTerminal
from pos_app.store.replica import Replica
from sync.rules.barcode import make_ean13
from sync.rules.money import round_half_up_div
from sync.server import schema as t
from tests.tills import engine_for, enrol_till, load_catalog, signed_in_sales

TEE = make_ean13("840000000001")
OIL = make_ean13("840000000072")


def ready_replica(tmp_path, live_server, central) -> Replica:
    path = tmp_path / "till.sqlite"
    replica = Replica.open(path)
    identity = asyncio.run(enrol_till(replica, live_server.url, central))
    load_catalog(path, identity)
    return replica


def sales_with(replica: Replica, **kwargs) -> SaleService:
    return signed_in_sales(replica, **kwargs)


def test_a_dead_printer_never_loses_the_sale(qtbot, tmp_path, live_server, central):
    replica = ready_replica(tmp_path, live_server, central)
    printer = ReceiptPrinter(f"file:{tmp_path / 'no-such-dir' / 'lp0'}")
    sales = sales_with(replica, printer=printer)
    assert sales.scan(OIL)
    with qtbot.waitSignal(printer.failed, timeout=5000) as failed:
        receipt = sales.checkout.pay_cash()
    assert receipt is not None and replica.sales_count() == 1
    assert "F12" in failed.args[0]
    printer.target = f"file:{tmp_path / 'lp0'}"  # the printer is back: F12 reprints
    with qtbot.waitSignal(printer.printed, timeout=5000):
        assert sales.receipts.reprint() is not None
    data = (tmp_path / "lp0").read_bytes()
    assert receipt.receipt_no.encode() in data and data.endswith(b"\x1dV\x00")  # barcode, then the cut
    printer.close()
    replica.close()


def test_escpos_bytes_carry_the_text_the_receipt_barcode_the_cut_and_the_drawer_kick():
    data = escpos_bytes(PrintJob("Camiseta 12,95 €", "MAD1-T1-000001", open_drawer=True))
    assert b"Camiseta 12,95 \xd5" in data  # CP858: the euro sign
    assert b"\x1dkI" in data and b"{BMAD1-T1-000001" in data  # CODE128 of the receipt number
    assert b"\x1dV\x00" in data  # cut
    assert data.endswith(b"\x1bp\x0022")  # ESC p: kick the drawer on pin 2
    assert b"\x1bp" not in escpos_bytes(PrintJob("x"))


def test_the_journal_detects_a_changed_record_and_the_command_says_so(tmp_path, live_server, central, capsys):
    replica = ready_replica(tmp_path, live_server, central)
    sales = signed_in_sales(replica)
    for code in (TEE, OIL):
        assert sales.scan(code)
        assert sales.checkout.pay_cash() is not None
    assert replica.sales.verify_journal() == []
    assert verify_journal(tmp_path) == 0
    # Someone edits the stored content of the first sale (triggers forbid UPDATE: drop them first).
    replica.conn.executescript("DROP TRIGGER journal_no_update;")
    content = json.loads(replica.conn.execute("SELECT content FROM journal WHERE kind = 'sale'").fetchone()[0])
    content["total"] -= 100
    replica.conn.execute(
        "UPDATE journal SET content = ? WHERE seq = (SELECT MIN(seq) FROM journal WHERE kind = 'sale')",
        (json.dumps(content),),
    )
    problems = replica.sales.verify_journal()
    assert any("altered" in p for p in problems)
    assert verify_journal(tmp_path) == 1
    assert "altered" in capsys.readouterr().out
    replica.close()


def test_the_journal_is_append_only(tmp_path, live_server, central):
    replica = ready_replica(tmp_path, live_server, central)
    sales = signed_in_sales(replica)
    assert sales.scan(OIL) and sales.checkout.pay_cash() is not None
    for statement in ("UPDATE journal SET hash = 'x'", "DELETE FROM journal"):
        try:
            replica.conn.execute(statement)
        except Exception as exc:  # sqlite3.IntegrityError from RAISE(ABORT)
            assert "append-only" in str(exc)
        else:
            raise AssertionError(f"{statement} was allowed")
    replica.close()


def test_a_lockout_survives_a_restart_of_the_till(tmp_path, live_server, central):
    replica = ready_replica(tmp_path, live_server, central)
    session = StaffSession(replica)
    ana = next(sid for sid, name, _ in session.members() if name == "Ana")
    for _ in range(3):
        try:
            session.sign_in(ana, "0000")
        except ValueError as exc:
            last = str(exc)
    assert "Locked" in last
    replica.close()
    reopened = Replica.open(tmp_path / "till.sqlite")
    try:
        StaffSession(reopened).sign_in(ana, "1234")  # the right PIN, still locked
    except ValueError as exc:
        assert "try again" in str(exc)
    else:
        raise AssertionError("the lockout did not survive the restart")
    reopened.close()


def test_a_discount_beyond_the_cashiers_limit_needs_a_manager_and_is_logged(tmp_path, live_server, central, caplog):
    caplog.set_level("INFO", logger="pos_app.store.till_records")
    replica = ready_replica(tmp_path, live_server, central)
    sales = signed_in_sales(replica)
    assert sales.scan(OIL)
    gross = sales.cart.lines[0].gross
    assert sales.discount_line(0, ManualDiscount("percent", 1000))  # 10 %: within Ana's limit
    assert sales.cart.lines[0].discount == round_half_up_div(gross, 10)
    big = ManualDiscount("percent", 3000)
    assert sales.discount_needs_approval(0, big)
    assert not sales.discount_line(0, big)  # refused without a manager
    luis = next(sid for sid, name, _ in sales.session.members() if name == "Luis")
    approver = sales.session.approve(luis, "9999", "discount.over_limit")
    assert sales.discount_line(0, big, approver)
    assert sales.cart.total == gross - round_half_up_div(gross * 3, 10)
    (_, action, staff_id, approver_id, detail) = replica.sales.overrides()[-1]
    assert (action, approver_id) == ("discount.over_limit", luis) and staff_id == sales.member.id
    assert "30 %" in detail
    # and in the till's log, for support (logs/pos-app.log)
    assert any("override discount.over_limit" in r.getMessage() and "30 %" in r.getMessage() for r in caplog.records)
    replica.close()


def test_cash_rounding_to_five_cents_is_on_the_sale_and_its_receipt(tmp_path, live_server, central):
    replica = ready_replica(tmp_path, live_server, central)
    sales = sales_with(replica, settings=SaleSettings(cash_step=5))
    assert sales.scan(OIL)
    total = sales.cart.total
    receipt = sales.checkout.pay_cash(10_000)
    assert receipt is not None
    due = (total + 2) // 5 * 5
    assert receipt.rounding == due - total and receipt.change == 10_000 - due
    replica.close()


def test_a_shift_of_facts_reaches_the_server_once(tmp_path, live_server, central):
    """Sale with promotions, a return against it, a void, a cash move and the close: the server
    records the sale's discounts, the return's link, and every fact exactly once."""
    replica = ready_replica(tmp_path, live_server, central)
    identity = replica.identity()
    sales = signed_in_sales(replica)

    async def approved_on_the_datafono(_what: str, _amount: int) -> str:
        return "654321"  # the cashier types the terminal's authorisation code

    sales.terminal = StandaloneTerminal(confirm=approved_on_the_datafono)
    assert sales.scan(TEE) and sales.scan(TEE)
    sale = asyncio.run(sales.checkout.pay_card())
    assert sale is not None and sale.discount_total > 0
    back = asyncio.run(sales.returns.refund_from_receipt(sale.sale_id, {1: 1}))
    assert back is not None and back.total < 0
    assert sales.scan(OIL)
    luis = next(sid for sid, name, _ in sales.session.members() if name == "Luis")
    assert sales.void_sale("customer left", sales.session.approve(luis, "9999", "sale.void"))
    shift = replica.sales.open_shift_now()
    replica.sales.move_cash(identity, shift.id, sales.member.id, "out", 5000, "to the safe")
    z = replica.sales.z_report(identity, shift, "Ana", counted_cash=5000)
    replica.sales.close_shift(identity, shift, sales.member.id, z)

    async def push_twice() -> None:
        engine = engine_for(tmp_path / "till.sqlite", identity)
        try:
            await engine.push_once()
            await engine.push_once()
        finally:
            await engine.aclose()
            engine.local.close()

    asyncio.run(push_twice())
    assert replica.outbox_summary().pending == 0
    with central.engine.connect() as conn:
        kinds = dict(conn.execute(sa.select(t.sales.c.id, t.sales.c.kind)).all())
        assert kinds == {sale.sale_id: "sale", back.sale_id: "return"}
        original = conn.execute(sa.select(t.sales.c.original_sale_id).where(t.sales.c.id == back.sale_id)).scalar_one()
        assert original == sale.sale_id
        discounts = conn.execute(sa.select(t.sale_lines.c.discount).where(t.sale_lines.c.sale_id == sale.sale_id)).all()
        assert sum(d[0] for d in discounts) == sale.discount_total
        types = sorted(r[0] for r in conn.execute(sa.select(t.events.c.type).where(t.events.c.status == "applied")))
    assert types == sorted(
        [
            "shift.opened",
            "sale.completed",
            "sale.completed",
            "override.approved",
            "sale.voided",
            "cash.moved",
            "shift.closed",
        ]
    )
    with central.engine.connect() as conn:  # the server's ledger says which movement was which
        reasons = conn.execute(
            sa.select(t.stock_movements.c.reason, t.stock_movements.c.delta).where(
                t.stock_movements.c.event_id.is_not(None), t.stock_movements.c.sku_id == 1
            )
        ).all()
    assert sorted(tuple(r) for r in reasons) == [("return", 1), ("sale", -2)]
    # Stock: two sold, one back.
    assert central.stock_level(identity.store_id, 1) == replica.stock_on_hand(identity.store_id, 1)
    replica.close()
