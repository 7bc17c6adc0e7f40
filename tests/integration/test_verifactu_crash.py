"""A till killed while it rings up sales (power cut, kill -9): every VERI*FACTU record it had
committed is there, the chain verifies link by link, the next record continues it, and HQ
finds no seam (RD 1007/2023 art. 12: records are chained and never altered)."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import datetime

from pos_app.store.replica import Replica
from sync import protocol as p
from sync.server.invoicing import record_fingerprint
from tests.integration.test_invoicing_records import an_item
from tests.tills import ready_till, signed_in_sales, sync

SELLER = """
import sys
from pos_app.store.replica import Replica
from tests.integration.test_invoicing_records import an_item
from tests.tills import signed_in_sales

replica = Replica.open(sys.argv[1])
sales = signed_in_sales(replica)
code = an_item(replica)
n = 0
while True:
    sales.scan(code)
    sales.checkout.pay_cash()
    n += 1
    print("sold", n, file=sys.stderr, flush=True)  # (python-escpos prints to stdout from its thread)
"""


def verify(replica: Replica) -> list[tuple]:
    rows = replica.conn.execute(
        "SELECT record_type, invoice_type, issuer_nif, number, issued_on, tax_total, total, previous_hash, "
        "generated_at, hash FROM invoicing_records ORDER BY seq"
    ).fetchall()
    previous = ""
    for row in rows:
        record = p.InvoicingRecord(
            record_type=row[0], invoice_type=row[1], issuer_nif=row[2], number=row[3], issued_on=row[4],
            tax_total=row[5], total=row[6], previous_hash=row[7], generated_at=row[8], hash=row[9],
        )  # fmt: skip
        assert record.previous_hash == previous, f"{record.number} does not chain on the record before it"
        assert record_fingerprint(record) == record.hash, f"{record.number}: its fingerprint does not recompute"
        previous = record.hash
    return rows


def test_a_till_killed_mid_sale_keeps_a_chain_that_verifies_and_continues(tmp_path, live_server, central):
    replica = ready_till(tmp_path, live_server, central, "T1")
    signed_in_sales(replica)  # the shift is open before the seller starts
    path = replica.path
    replica.close()
    seller = subprocess.Popen(
        [sys.executable, "-c", SELLER, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        assert seller.stderr is not None
        for line in seller.stderr:
            if (
                line.startswith("sold") and int(line.split()[1]) >= 40
            ):  # well into its stride: the next sale may be half-written
                break
        seller.send_signal(signal.SIGKILL)
    finally:
        seller.kill()
        seller.wait(timeout=30)

    replica = Replica.open(path)
    try:
        sales_made = replica.conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0]
        rows = verify(replica)
        assert len(rows) == sales_made >= 40  # a committed sale has its record; nothing half there
        assert replica.sales.verify_journal() == []
        sales = signed_in_sales(replica)
        assert sales.scan(an_item(replica))
        after = sales.checkout.pay_cash()
        rows = verify(replica)
        assert rows[-1][3] == after.receipt_no and len(rows) == sales_made + 1
        sync(replica)
        sync(replica)
    finally:
        replica.close()
    held = central.invoicing_records()
    assert len(held) == sales_made + 1
    assert not [e for e in central.open_exceptions() if e["kind"].startswith("invoicing")]
    assert datetime.fromisoformat(held[-1]["generated_at"]).tzinfo is not None
