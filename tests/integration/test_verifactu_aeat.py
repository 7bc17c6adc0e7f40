"""VERI*FACTU end to end: records made at two tills (one offline for a while) reach HQ, which
sends them to the AEAT (the project's double, over real HTTP): every chain link checked there,
late records flagged, a rejected record corrected by HQ, every record registered exactly once.
(RD 1007/2023 art. 15–16; HAC/1177/2024 art. 14–17.)"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

from lxml import etree
from verifactu_sdk.xml import validar

from sync.server import aeat
from tests.integration.test_invoicing_records import an_item
from tests.tills import ready_till, signed_in_sales, sync

PRODUCER = aeat.Software("Omni POS (tests)", "B10000008", version="test")


def test_two_tills_one_offline_reach_the_aeat_once_with_late_records_flagged_and_a_rejection_corrected(
    tmp_path, live_server, central, aeat_double
):
    t1 = ready_till(tmp_path, live_server, central, "T1")
    t2 = ready_till(tmp_path, live_server, central, "T2")
    s1 = signed_in_sales(t1)
    for _ in range(2):
        assert s1.scan(an_item(t1))
        s1.checkout.pay_cash()
    sync(t1)

    # T2 is offline: a receipt, its full invoice (to the wrong company), cancelled, invoiced
    # again, another sale, and a return of the invoiced goods (R1: it corrects the full invoice).
    s2 = signed_in_sales(t2)
    assert s2.scan(an_item(t2))
    a = s2.checkout.pay_cash()
    assert s2.receipts.issue_invoice(a.sale_id, "12345678A", "Persona equivocada") is None  # a wrong NIF: refused, said
    assert s2.receipts.issue_invoice(a.sale_id, "12345678-z", "Persona equivocada") is not None
    assert s2.receipts.cancel_invoice(a.sale_id, "wrong customer") is not None
    invoiced = s2.receipts.issue_invoice(a.sale_id, "B10000008", "Hostal Sol, S.L.")
    assert invoiced is not None and invoiced.invoice_no.endswith("-F-000002")
    assert s2.scan(an_item(t2))
    s2.checkout.pay_cash()
    manager = next(sid for sid, who, _role in s2.session.members() if who == "Luis")
    approver = s2.session.approve(manager, "9999", "return.with_receipt")
    line = t2.sales.returnable_lines(a.sale_id)[0]
    assert asyncio.run(s2.returns.refund_from_receipt(a.sale_id, {line.line_no: 1}, approver)) is not None
    kinds = [
        (row[0], row[1])
        for row in t2.conn.execute("SELECT record_type, invoice_type FROM invoicing_records ORDER BY seq")
    ]
    assert kinds == [
        ("alta", "F2"),
        ("alta", "F3"),
        ("anulacion", "F3"),
        ("alta", "F3"),
        ("alta", "F2"),
        ("alta", "R1"),
    ]

    sender = aeat.Sender(central, aeat_double.url, PRODUCER, late_after=240)
    try:
        # The AEAT is down: nothing is lost, nothing counts as sent, the request is kept.
        aeat_double.control(down=True)
        failed = sender.send_once()
        assert failed.state == "failed" and "503" in failed.error and failed.wait > 60
        assert [s["waiting"] for s in aeat.status(central)] == [2]
        aeat_double.control(down=False, garbage=True)  # a maintenance page instead of an answer
        garbled = sender.send_once()
        assert garbled.state == "failed" and "does not parse" in garbled.error
        assert [s["waiting"] for s in aeat.status(central)] == [2]
        aeat_double.control(garbage=False)

        # It is back; it will reject T2's second full invoice the first time it sees it.
        t2_invoice = invoiced.invoice_no
        aeat_double.control(down=False, reject=[t2_invoice], wait=2)
        now = datetime.now(UTC)
        sent = sender.send_once(now)  # T1's records were tried before: they go flagged as late
        assert (sent.sent, sent.late, sent.state, sent.wait) == (2, True, "Correcto", 2)

        sync(t2)  # T2 is back online, hours after its sales
        later = now + timedelta(hours=3)
        outcome = sender.send_once(later)
        assert (outcome.sent, outcome.late, outcome.state) == (6, True, "ParcialmenteCorrecto")
        assert sender.send_once(later).sent == 0  # nothing waits

        rejected = [r for r in central.invoicing_records() if r["aeat_state"] == "rejected"]
        assert [r["number"] for r in rejected] == [t2_invoice] and rejected[0]["aeat_code"] == 4104
        assert any(
            e["kind"] == "invoicing_record_rejected" and t2_invoice in e["detail"] for e in central.open_exceptions()
        )

        # HQ corrects it (subsanación): a new record in HQ's own chain; the AEAT accepts it.
        aeat.correct(central, t2_invoice, "B10000008", "Hostal Sol, S.L. (corregido)")
        fixed = sender.send_once()  # made just now: on time
        assert (fixed.sent, fixed.state) == (1, "Correcto")
    finally:
        sender.close()

    got = aeat_double.received()
    records = got["records"]
    assert got["requests"] == 3  # the refused and the garbled requests were never registered
    held = central.invoicing_records()
    assert len(held) == len(records) == 9
    # Exactly once: every record HQ holds reached the AEAT once, and each was registered.
    assert Counter(r["hash"] for r in records) == Counter(r["hash"] for r in held)
    assert [r["state"] for r in records].count("Incorrecto") == 1
    assert all(r["incident"] for r in records[:8]) and not records[8]["incident"]
    assert records[8]["correction"] and records[8]["installation"] == "HQ"
    assert {r["installation"] for r in records[:8]} == {"MAD1-T1", "MAD1-T2"}
    assert [r["operation"] for r in records].count("Anulacion") == 1
    import sqlalchemy as sa

    from sync.server import schema as t

    with central.engine.connect() as conn:  # every request and answer is kept, failures too
        kept = conn.execute(sa.select(t.aeat_submissions.c.state, t.aeat_submissions.c.late).order_by("id")).all()
    assert [tuple(k) for k in kept] == [
        ("failed", False), ("failed", True), ("Correcto", True), ("ParcialmenteCorrecto", True), ("Correcto", False)
    ]  # fmt: skip
    states = Counter(r["aeat_state"] for r in central.invoicing_records())
    assert states == {"accepted": 8, "corrected": 1}
    assert {(s["store"], s["till"]): (s["waiting"], s["sent"], s["rejected"]) for s in aeat.status(central)} == {
        ("MAD1", "T1"): (0, 2, 0),
        ("MAD1", "T2"): (0, 5, 0),
        ("MAD1", "HQ"): (0, 1, 0),
    }

    # For an inspection: the period's records as the AEAT's XML, valid, each till's chain in order.
    today = datetime.now(UTC).date()
    bodies = list(aeat.export(central, PRODUCER, today - timedelta(days=1), today + timedelta(days=1)))
    assert len(bodies) == 1
    exported = etree.fromstring(bodies[0])
    validar(exported)
    ns = {"sf": aeat.NS_SF}
    hashes = [h.text for h in exported.iterfind(".//sf:Huella", ns) if h.getparent().tag.endswith("RegistroAlta")
              or h.getparent().tag.endswith("RegistroAnulacion")]  # fmt: skip
    assert sorted(hashes) == sorted(r["hash"] for r in held)


def test_the_running_server_sends_what_a_till_pushes_without_being_asked(
    tmp_path, stopped_server, central, aeat_double, monkeypatch
):
    """`pos-server serve` with an AEAT URL sends in the background (the AEAT's wait between
    requests honoured), and verifactu-status over HTTP shows it."""
    monkeypatch.setenv("POS_SERVER_AEAT_URL", aeat_double.url)
    monkeypatch.setenv("POS_SERVER_PRODUCER_NAME", "Omni POS (tests)")
    monkeypatch.setenv("POS_SERVER_PRODUCER_NIF", "B10000008")
    aeat_double.control(wait=1)
    stopped_server.start()
    till = ready_till(tmp_path, stopped_server, central, "T1")
    sales = signed_in_sales(till)
    assert sales.scan(an_item(till))
    sale = sales.checkout.pay_cash()
    sync(till)
    deadline = datetime.now(UTC) + timedelta(seconds=60)
    while not aeat_double.received()["records"]:
        assert datetime.now(UTC) < deadline, "the server never sent the record"
        asyncio.run(asyncio.sleep(0.1))
    assert [r["number"] for r in aeat_double.received()["records"]] == [sale.receipt_no]
    import httpx

    from tests.conftest import ADMIN_TOKEN

    while True:  # the answer is kept just after the double gives it
        status = httpx.get(
            f"{stopped_server.url}/admin/verifactu/status", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}
        ).json()
        if status[0]["sent"] == 1 or datetime.now(UTC) > deadline:
            break
    assert status == [{"store": "MAD1", "till": "T1", "waiting": 0, "sent": 1, "rejected": 0, "unsendable": 0,
                       "oldest_unsent": None}]  # fmt: skip


def test_a_backlog_goes_in_requests_of_at_most_1000_records(central, aeat_double):
    """HAC/1177/2024 art. 16.2: a request carries at most 1,000 records; a till back after a long
    time offline brings more, which go in as many requests as needed, in chain order."""
    import sqlalchemy as sa

    from sync.rules.verifactu import InvoiceId, make_alta
    from sync.server import schema as t

    till_id = central.tills_overview()[0]["id"] if central.tills_overview() else 1
    store_id = central.store_id_by_code("MAD1")
    made_at = datetime.now(UTC).astimezone()
    previous, rows = "", []
    for n in range(1, 1002):
        record = make_alta(InvoiceId("B12345674", f"MAD1-T9-{n:06d}", made_at.date()), "F2", ((2100, 100, 21),),
                           previous, made_at)  # fmt: skip
        rows.append({
            "store_id": store_id, "till_id": till_id, "sale_id": f"sale-{n}", "record_type": "alta",
            "invoice_type": "F2", "issuer_nif": "B12345674", "number": record.invoice.number,
            "issued_on": made_at.date().isoformat(), "tax_total": 21, "total": 121,
            "breakdown": [{"rate_bp": 2100, "base": 100, "tax": 21}], "corrects": [], "previous_hash": previous,
            "generated_at": record.generated_at, "hash": record.hash, "received_at": made_at.isoformat(),
        })  # fmt: skip
        previous = record.hash
    with central.writer.begin() as conn:
        conn.execute(sa.insert(t.invoicing_records), rows)
    sender = aeat.Sender(central, aeat_double.url, PRODUCER)
    try:
        first, second, third = sender.send_once(), sender.send_once(), sender.send_once()
    finally:
        sender.close()
    assert (first.sent, first.state, second.sent, second.state, third.sent) == (1000, "Correcto", 1, "Correcto", 0)
    got = aeat_double.received()
    assert got["requests"] == 2 and [r["number"] for r in got["records"]] == [r["number"] for r in rows]
