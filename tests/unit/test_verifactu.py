"""VERI*FACTU fingerprints and QR, checked against the AEAT's own published examples."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

from sync.rules.verifactu import (
    QR_URL_TEST,
    InvoiceId,
    NifError,
    alta_fingerprint,
    amount,
    anulacion_fingerprint,
    generated_at,
    qr_url,
    valid_nif,
)

CET = timezone(timedelta(hours=1))
# The AEAT's "Detalle de las especificaciones técnicas para generación de la huella o hash":
# two registros de alta chained, then the anulación of the second.
FIRST = "3C464DAF61ACB827C65FDA19F352A4E3BDC2C640E9E9FC4CC058073F38F12F60"
SECOND = "F7B94CFD8924EDFF273501B01EE5153E4CE8F259766F88CF6ACB8935802A2B97"
CANCELLED = "177547C0D57AC74748561D054A9CEC14B4C4EA23D1BEFD6F2E69E3A388F90C68"


def test_the_first_record_of_a_chain_has_the_aeats_fingerprint():
    invoice = InvoiceId("89890001K", "12345678/G33", date(2024, 1, 1))
    made = datetime(2024, 1, 1, 19, 20, 30, tzinfo=CET)
    assert alta_fingerprint(invoice, "F1", 1235, 12345, "", made) == FIRST


def test_the_next_record_chains_on_the_previous_fingerprint():
    invoice = InvoiceId("89890001K", "12345679/G34", date(2024, 1, 1))
    made = datetime(2024, 1, 1, 19, 20, 35, tzinfo=CET)
    assert alta_fingerprint(invoice, "F1", 1235, 12345, FIRST, made) == SECOND
    # any field changed, or the previous link, gives another fingerprint
    assert alta_fingerprint(invoice, "F2", 1235, 12345, FIRST, made) != SECOND
    assert alta_fingerprint(invoice, "F1", 1235, 12345, FIRST[:-1] + "1", made) != SECOND


def test_a_cancellation_has_the_aeats_fingerprint():
    cancelled = InvoiceId("89890001K", "12345679/G34", date(2024, 1, 1))
    made = datetime(2024, 1, 1, 19, 20, 40, tzinfo=CET)
    assert anulacion_fingerprint(cancelled, SECOND, made) == CANCELLED


def test_amounts_dates_and_times_are_written_as_the_records_write_them():
    assert [amount(c) for c in (12345, 1235, 5, 0, -1250)] == ["123.45", "12.35", "0.05", "0.00", "-12.50"]
    summer = timezone(timedelta(hours=2))
    assert generated_at(datetime(2026, 7, 1, 9, 5, 7, 123456, tzinfo=summer)) == "2026-07-01T09:05:07+02:00"
    with pytest.raises(ValueError):
        generated_at(datetime(2026, 7, 1, 9, 5, 7))  # no time zone: refused, never guessed


def test_the_qr_carries_the_aeats_validation_url_with_every_value_encoded():
    # The AEAT's example: series and number "12345678&G33" (the & must be encoded), 241.40 €.
    url = qr_url(InvoiceId("89890001K", "12345678&G33", date(2024, 1, 1)), 24140, base=QR_URL_TEST)
    assert url == (
        "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR"
        "?nif=89890001K&numserie=12345678%26G33&fecha=01-01-2024&importe=241.40"
    )
    query = parse_qs(urlsplit(url).query)  # what a phone's reader hands the browser
    assert query == {"nif": ["89890001K"], "numserie": ["12345678&G33"], "fecha": ["01-01-2024"],
                     "importe": ["241.40"]}  # fmt: skip


@pytest.mark.parametrize("given, compact", [("b12345674", "B12345674"), ("12345678-Z", "12345678Z"),
                                            (" X1234567L ", "X1234567L")])  # fmt: skip
def test_a_valid_nif_is_kept_in_its_compact_form(given, compact):
    assert valid_nif(given) == compact


@pytest.mark.parametrize("given", ["12345678A", "B12345675", "", "ABC", "١٢٣٤٥٦٧٨Z"])
def test_a_wrong_nif_is_refused_with_what_was_given(given):
    with pytest.raises(NifError) as refused:
        valid_nif(given)
    assert refused.value.code == given.strip()


def test_a_receipt_names_its_issuer_and_both_addresses():
    from pos_app.domain.cart import Tender
    from pos_app.domain.receipt import Issuer, Receipt, ReceiptLine, render_text

    issuer = Issuer("Omni Retail Demo, S.L.", "B12345674", "Paseo de la Castellana, 100, 28046 Madrid",
                    "Calle Mayor, 10, 28001 Madrid")  # fmt: skip
    line = ReceiptLine(1, "S1", "Camiseta", 1, 1999, 2100)
    receipt = Receipt("id", "MAD1-T1", 7, datetime(2026, 12, 1, 10, 0, tzinfo=CET), "Madrid Centro", "T1",
                      (line,), (Tender("cash", 1999),), issuer=issuer)  # fmt: skip
    text = render_text(receipt)
    head = text.split("Factura simplificada")[0]
    for printed in ("Omni Retail Demo, S.L.", "NIF B12345674", "Paseo de la Castellana, 100", "Calle Mayor, 10",
                    "Madrid Centro"):  # fmt: skip
        assert printed in head, printed
    assert "IVA incluido" in text
