"""The AEAT's XML of every kind of record the chain makes, checked against the AEAT's own XSDs
(SuministroLR.xsd / SuministroInformacion.xsd, as verifactu-sdk ships them), and the answers
of the project's AEAT double against RespuestaSuministro.xsd."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from lxml import etree
from verifactu_sdk.client import parsear_respuesta
from verifactu_sdk.hashing import huella_alta
from verifactu_sdk.xml import sobre_soap

from sync import aeat_double
from sync.rules.verifactu import InvoiceId, make_alta, make_anulacion
from sync.server import aeat

SOFTWARE = aeat.Software("Omni POS (tests)", "B10000008", version="1.2.3")
MADRID = timezone(timedelta(hours=1))
NIF = "B12345674"


def row(kind: str, number: str, previous: str = "", **extra: object) -> dict:
    """A record as HQ keeps it, made with the till's own domain code."""
    breakdown = ((2100, 1000, 210), (1000, -500, -50)) if kind.startswith("R") else ((2100, 1000, 210), (400, 250, 10))
    corrects = (InvoiceId(NIF, "MAD1-T1-000001", date(2026, 11, 30)),) if kind.startswith("R") else ()
    made = make_alta(InvoiceId(NIF, number, date(2026, 12, 1)), kind, breakdown, previous,  # type: ignore[arg-type]
                     datetime(2026, 12, 1, 10, 0, tzinfo=MADRID), corrects)  # fmt: skip
    return {
        "record_type": "alta", "invoice_type": kind, "issuer_nif": NIF, "number": number, "issued_on": "2026-12-01",
        "tax_total": made.tax_total, "total": made.total,
        "breakdown": [{"rate_bp": r, "base": b, "tax": t} for r, b, t in breakdown],
        "corrects": [{"number": c.number, "issued_on": c.issued_on.isoformat()} for c in corrects],
        "replaces": [], "recipient_nif": "", "recipient_name": "", "previous_hash": previous,
        "generated_at": made.generated_at, "hash": made.hash, "corrects_record_id": None, **extra,
    }  # fmt: skip


def anulacion(number: str, previous: str) -> dict:
    made = make_anulacion(
        InvoiceId(NIF, number, date(2026, 12, 1)), previous, datetime(2026, 12, 1, 11, 0, tzinfo=MADRID)
    )
    return {**row("F3", number), "record_type": "anulacion", "tax_total": 0, "total": 0, "breakdown": [],
            "previous_hash": previous, "generated_at": made.generated_at, "hash": made.hash}  # fmt: skip


def chain() -> list[dict]:
    f2 = row("F2", "MAD1-T1-000002")
    f1 = row("F1", "MAD1-T1-F-000001", f2["hash"], recipient_nif="12345678Z", recipient_name="Ana Pérez")
    f3 = row("F3", "MAD1-T1-F-000002", f1["hash"], recipient_nif="B10000008", recipient_name="Hostal Sol, S.L.",
             replaces=[{"number": "MAD1-T1-000002", "issued_on": "2026-12-01"}])  # fmt: skip
    cancel = anulacion("MAD1-T1-F-000002", f3["hash"])
    r5 = row("R5", "MAD1-T1-D-000001", cancel["hash"])
    r1 = row("R1", "MAD1-T1-D-000002", r5["hash"], recipient_nif="12345678Z", recipient_name="Ana Pérez")
    fixed = {**row("F1", "MAD1-T1-F-000001", r1["hash"], recipient_nif="00000000T"), "corrects_record_id": 2}
    return [f2, f1, f3, cancel, r5, r1, fixed]


def xml_of(records: list[dict]) -> list[bytes]:
    out, previous = [], None
    for record in records:
        element = aeat.registro_xml(record, previous, "Omni Retail Demo, S.L.", "MAD1-T1", SOFTWARE, True)
        assert aeat.check(element) == [], record["invoice_type"]
        out.append(etree.tostring(element))
        previous = record
    return out


def test_every_kind_of_record_validates_against_the_aeat_schemas():
    registros = xml_of(chain())
    request = aeat.request_xml("Omni Retail Demo, S.L.", NIF, registros, late=True)
    assert aeat.check(request) == []
    ns = {"sf": aeat.NS_SF}
    kinds = [e.text for e in request.iterfind(".//sf:TipoFactura", ns)]
    assert kinds == ["F2", "F1", "F3", "R5", "R1", "F1"]
    assert request.findtext(".//sf:RemisionVoluntaria/sf:Incidencia", namespaces=ns) == "S"
    assert request.find(".//sf:RegistroAnulacion/sf:IDFactura/sf:NumSerieFacturaAnulada", ns).text == "MAD1-T1-F-000002"
    assert request.findtext(".//sf:FacturasSustituidas/sf:IDFacturaSustituida/sf:NumSerieFactura", namespaces=ns) == (
        "MAD1-T1-000002"
    )
    fixed = request.findall(".//sf:RegistroAlta", ns)[-1]
    assert (fixed.findtext("sf:Subsanacion", namespaces=ns), fixed.findtext("sf:RechazoPrevio", namespaces=ns)) == (
        "S", "S",
    )  # fmt: skip
    # The values are the ones hashed: the sdk's independent fingerprint of the XML agrees.
    first = request.find(".//sf:RegistroAlta", ns)
    assert first.findtext("sf:Huella", namespaces=ns) == huella_alta(
        id_emisor=NIF, num_serie="MAD1-T1-000002", fecha_expedicion="01-12-2026", tipo_factura="F2",
        cuota_total=first.findtext("sf:CuotaTotal", namespaces=ns),
        importe_total=first.findtext("sf:ImporteTotal", namespaces=ns), huella_anterior="",
        fecha_hora_huso_gen="2026-12-01T10:00:00+01:00",
    )  # fmt: skip


def test_a_record_the_schema_refuses_is_named_and_a_request_holds_at_most_1000():
    bad = row("F2", "MAD1-T1-000009")
    bad["breakdown"][0]["rate_bp"] = 10**7  # a rate of 100000.00 %: beyond TipoImpositivo's pattern
    problems = aeat.check(aeat.registro_xml(bad, None, "X", "MAD1-T1", SOFTWARE))
    assert problems and "TipoImpositivo" in problems[0]
    with pytest.raises(ValueError, match="1 to 1000"):
        aeat.request_xml("X", NIF, xml_of([row("F2", "N1")]) * 1001, late=False)


def test_the_double_checks_each_link_and_answers_in_the_aeat_schema():
    records = chain()
    double = aeat_double.Double(reject={"MAD1-T1-F-000001"})
    body = sobre_soap(aeat.request_xml("Omni Retail Demo, S.L.", NIF, xml_of(records), late=False))
    status, answer = double.answer(body)  # the double validates its own answer before giving it
    assert status == 200
    parsed = parsear_respuesta(answer)
    states = [(line.num_serie, line.estado, line.codigo_error) for line in parsed.lineas]
    assert states[1] == ("MAD1-T1-F-000001", "Incorrecto", aeat_double.REJECTED_ON_REQUEST)
    assert states[-1] == ("MAD1-T1-F-000001", "Correcto", None)  # the correction is accepted
    assert all(state == "Correcto" for _, state, _ in states[2:-1]) and parsed.estado == "ParcialmenteCorrecto"

    # The same request again: every record is a duplicate for it (the till's records are never
    # sent twice; an answer lost on the way comes back as 3000 and HQ counts it as registered).
    again = parsear_respuesta(aeat_double.Double().answer(body)[1])
    assert again.estado == "Correcto"
    assert parsear_respuesta(double.answer(body)[1]).lineas[0].codigo_error == aeat.DUPLICATE

    # A record whose link is wrong is refused by the double, with the reason.
    broken = chain()
    broken[1]["previous_hash"] = "0" * 64
    body = sobre_soap(aeat.request_xml("X", NIF, xml_of(broken[:1]) + xml_of(broken[1:2]), late=False))
    lines = parsear_respuesta(aeat_double.Double().answer(body)[1]).lineas
    assert lines[1].codigo_error in (aeat_double.WRONG_HASH, aeat_double.BROKEN_CHAIN)


def test_a_request_outside_the_schema_gets_a_soap_fault():
    status, answer = aeat_double.Double().answer(b"<a/>")
    assert status == 500 and b"Fault" in answer
