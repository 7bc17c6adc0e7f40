"""The issuer on every receipt (RD 1619/2012, art. 7): HQ sets the company, every till gets it,
prints it, and a till without it will not open a shift."""

from __future__ import annotations

import pytest

from pos_app.domain.receipt import render_text
from pos_app.services.printing import ReceiptPrinter
from pos_app.services.session import StaffSession
from pos_app.services.shift import ShiftService
from tests.tills import ready_till, signed_in_sales, sync


def test_hq_sets_the_issuer_and_the_tills_receipts_carry_it(tmp_path, live_server, central):
    replica = ready_till(tmp_path, live_server, central)
    central.set_company("Tiendas Omni, S.A.", "a58818501", "Calle de Alcalá, 1", "28014", "Madrid")
    central.set_store_address("MAD1", "Gran Vía, 32", "28013", "Madrid")
    sync(replica)
    identity = replica.identity()
    assert identity is not None
    issuer = replica.sales.issuer(identity.store_id)
    assert issuer is not None
    assert (issuer.legal_name, issuer.nif) == ("Tiendas Omni, S.A.", "A58818501")  # kept in its compact form
    assert issuer.address == "Calle de Alcalá, 1, 28014 Madrid"
    assert issuer.store_address == "Gran Vía, 32, 28013 Madrid"

    sales = signed_in_sales(replica)
    barcode = replica.conn.execute(
        "SELECT b.code FROM barcodes b JOIN skus s ON s.id = b.sku_id WHERE s.unit = 'each' AND length(b.code) = 13"
    ).fetchone()[0]
    assert sales.scan(barcode)
    receipt = sales.checkout.pay_cash()
    assert receipt is not None
    for text in (render_text(receipt), render_text(replica.sales.receipt(receipt.sale_id) or receipt)):  # and reprinted
        assert "Tiendas Omni, S.A." in text and "NIF A58818501" in text
        assert "Calle de Alcalá, 1" in text and "Gran Vía, 32" in text


def test_a_wrong_nif_is_refused_by_hq(central):
    with pytest.raises(ValueError, match="not a valid Spanish tax id"):
        central.set_company("Tiendas Omni, S.A.", "A58818502", "Calle de Alcalá, 1")


def test_a_till_without_issuer_data_will_not_open_a_shift(tmp_path, live_server, central):
    replica = ready_till(tmp_path, live_server, central)
    replica.conn.execute("DELETE FROM company")  # a till that never had them from HQ
    session = StaffSession(replica)
    staff_id = next(sid for sid, who, _role in session.members() if who == "Ana")
    session.sign_in(staff_id, "1234")
    shifts = ShiftService(replica, session, ReceiptPrinter("none"))
    said: list[str] = []
    shifts.message.connect(lambda text, _level: said.append(text))
    assert shifts.open(10_000) is None
    assert replica.sales.open_shift_now() is None
    assert said and "issuer" in said[-1] and "set-company" in said[-1]
