"""VERI*FACTU records made at the till with each sale (RD 1007/2023, art. 8 and 12): one chain
per till, reaching HQ exactly once and verifiable there; the receipt carries the AEAT's QR."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from pos_app.services.printing import PrintJob, escpos_bytes
from sync.rules.verifactu import InvoiceId, alta_fingerprint
from tests.tills import ready_till, signed_in_sales, sync


def an_item(replica) -> str:
    return replica.conn.execute(
        "SELECT b.code FROM barcodes b JOIN skus s ON s.id = b.sku_id WHERE s.unit = 'each' AND length(b.code) = 13"
    ).fetchone()[0]


def test_sales_and_a_return_make_one_chain_per_till_that_hq_can_check(tmp_path, live_server, central):
    t1 = ready_till(tmp_path, live_server, central, "T1")
    t2 = ready_till(tmp_path, live_server, central, "T2")
    receipts = {}
    for name, replica in (("T1", t1), ("T2", t2)):
        sales = signed_in_sales(replica)
        made = []
        for _ in range(2):
            assert sales.scan(an_item(replica))
            made.append(sales.checkout.pay_cash())
        receipts[name] = made
    first = receipts["T1"][0]
    lines = t1.sales.returnable_lines(first.sale_id)
    manager = next(sid for sid, who, _role in signed_in_sales(t1).session.members() if who == "Luis")
    sales = signed_in_sales(t1)
    approver = sales.session.approve(manager, "9999", "return.with_receipt")
    import asyncio

    refund = asyncio.run(sales.returns.refund_from_receipt(first.sale_id, {lines[0].line_no: 1}, approver))
    assert refund is not None

    # At the till: a chain of F2, F2, R5, each on the one before; the first starts the chain.
    chain = t1.sales.invoicing_chain()
    assert [number for number, _, _ in chain] == [first.receipt_no, receipts["T1"][1].receipt_no, refund.receipt_no]
    assert chain[0][1] == "" and chain[1][1] == chain[0][2] and chain[2][1] == chain[1][2]

    # The receipt's QR: the AEAT's validation URL for this invoice.
    query = parse_qs(urlsplit(first.qr_url).query)
    assert query["numserie"] == [first.receipt_no] and query["nif"] == ["B12345674"]
    assert query["importe"] == [f"{first.total // 100}.{first.total % 100:02d}"]
    data = escpos_bytes(PrintJob("QR tributario:\n[QR]\nVERI*FACTU", qr=first.qr_url))
    assert b"\x1d(k" in data and first.qr_url.encode() in data  # the printer's own QR command carries it

    for replica in (t1, t2):
        sync(replica)
        sync(replica)  # a second push sends nothing again
    held = central.invoicing_records()
    assert len(held) == 5 and len({r["hash"] for r in held}) == 5  # every record once
    by_till: dict[int, list[dict]] = {}
    for record in held:
        by_till.setdefault(record["till_id"], []).append(record)
    for records in by_till.values():
        previous = ""
        for record in records:  # HQ recomputes every link with the AEAT's algorithm
            from datetime import date, datetime

            invoice = InvoiceId(record["issuer_nif"], record["number"], date.fromisoformat(record["issued_on"]))
            assert record["previous_hash"] == previous
            assert record["hash"] == alta_fingerprint(
                invoice, record["invoice_type"], record["tax_total"], record["total"], previous,
                datetime.fromisoformat(record["generated_at"]),
            )  # fmt: skip
            previous = record["hash"]
    returned = next(r for r in held if r["invoice_type"] == "R5")
    assert returned["total"] < 0 and returned["corrects"] == [
        {"number": first.receipt_no, "issued_on": held[0]["issued_on"]}
    ]
    assert not [e for e in central.open_exceptions() if e["kind"].startswith("invoicing")]
